import {neutralizeFormula, monthAt, monthIndex, parseBasis, parseCellNumber, parsePeriod} from "../core/index.js";
import type {Catalog, Column, TargetRef} from "./catalog.js";
import {headerColumns} from "./headerColumns.js";
import {type Finding, type FindingCode, finding, rejects} from "./findings.js";
import {
  BAD_DENOMINATOR,
  BAD_NUMERATOR,
  BAD_VALUE,
  RULES,
  checkNumbers,
  percentBits,
  checkPeriod,
  lookUpTarget,
  periodMessage,
  reportNumbers,
  targetLimits
} from "./rules.js";
import type {Grid, CellNumber} from "../core/index.js";

/** One value a submission states, normalized: the tidy row that becomes an observation. */
export interface SubmittedRow {
  unit_code: string;
  period: string;
  target_id: string;
  /** Empty for a unit's own row; a school's code for school-level rows. */
  school_id: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  basis: "cumulative" | "period";
  note: string;
  /** The spreadsheet row it came from. */
  row: number;
}

/** An earlier accepted value of the same key, for the check that cumulative values do not fall. */
export interface PriorValue {
  unit_code: string;
  target_id: string;
  school_id: string;
  period: string;
  value: number;
  basis: "cumulative" | "period";
}

/** What validation found, and the rows it read (kept even when the file is rejected, for the report). */
export interface Validation {
  findings: Finding[];
  rows: SubmittedRow[];
  form: "long" | "wide" | null;
}

const MARKUP = /<\s*\/?\s*[a-z!]|javascript:/i;

/**
 * Checks a submission's grid against the catalog and normalizes its rows, by the rules of rules.ts
 * (the streaming path's too). `file` names the file in findings; `now` is when it was submitted (a
 * period after that month, in Asia/Shanghai, is an error, as is one outside the catalog's plan
 * span); a header without data rows is `no_rows`; `history` holds
 * earlier accepted values, so that a cumulative count that falls below last month's is a warning
 * (a rate may fall; a count of what was done may not).
 * Long form has a target column (`target_id` or `indicator`) and a value; wide form has one column
 * per target (`6.1b`, `新增学位`, `2.4a 分子`). A unit or period missing as a column is read from the
 * file name, and says so.
 */
export function validateGrid(
  grid: Grid,
  {file, catalog, now, history = []}: {file: string; catalog: Catalog; now: Date; history?: readonly PriorValue[]}
): Validation {
  const findings: Finding[] = [];
  const add = (code: FindingCode, row: number, column: string, message: string) =>
    findings.push(finding(code, file, row, column, message));
  if (grid.encoding)
    add(
      "encoding",
      0,
      "",
      `按 ${ENCODING_NAMES[grid.encoding]} 编码读取${grid.delimiter ? `,分隔符为${DELIMITER_NAMES[grid.delimiter]}` : ""}`
    );
  if (grid.sheet) add("encoding", 0, "", `读取工作表“${grid.sheet}”`);
  if (grid.rows.length === 0) {
    add("empty_file", 0, "", "文件为空,没有任何数据");
    return {findings, rows: [], form: null};
  }
  const header = grid.rows[0]!.map((h) => h.trim());
  const headerRow = grid.rowNumbers[0]!;
  const columns = headerColumns(header, {file, catalog, headerRow, add});
  if (!columns) return {findings, rows: [], form: null};
  const {named, wide, form, nameUnit, namePeriod} = columns;
  const long = form === "long";
  if (findings.some((f) => f.code === "missing_column")) return {findings, rows: [], form};

  const thisMonth = monthIndex(monthAt(now));
  const rows: SubmittedRow[] = [];
  const width = header.length;
  const required = (["unit", "period", "target_id", "indicator"] as const)
    .filter((c) => named.has(c))
    .map((c) => named.get(c)!);
  for (let r = 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r]!;
    const row = grid.rowNumbers[r]!;
    const used = cells.findLastIndex((c) => c.trim() !== "") + 1;
    if (used > width || required.some((i) => i >= cells.length)) {
      add("ragged_row", row, "", RULES.ragged_row({used, width}));
      continue;
    }
    const cell = (column: Column) => (named.has(column) ? (cells[named.get(column)!] ?? "").trim() : "");
    const at = (column: Column) => header[named.get(column)!] ?? column;
    let ok = true;
    const fail = (code: FindingCode, column: string, message: string) => {
      add(code, row, column, message);
      ok = false;
    };
    const unitText = cell("unit");
    const unit = named.has("unit") ? catalog.unit(unitText) : nameUnit;
    if (!unit) fail("unknown_unit", at("unit"), RULES.unknown_unit({text: unitText}));
    const periodText = cell("period");
    const period = named.has("period") ? parsePeriod(periodText) : namePeriod;
    if (!period) fail("bad_period", at("period"), RULES.bad_period({text: periodText}));
    else {
      const problem = checkPeriod(monthIndex(period), thisMonth, catalog.span);
      if (problem) fail(problem, at("period"), periodMessage(problem, monthIndex(period), thisMonth, catalog.span));
    }
    const basis = parseBasis(cell("basis"));
    if (!basis) fail("bad_basis", at("basis"), RULES.bad_basis({text: cell("basis")}));
    const note = cell("note");
    if (note && (MARKUP.test(note) || neutralizeFormula(note) !== note))
      add("text_neutralized", row, at("note"), "备注中含有公式或网页代码,按纯文本保存,导出和显示时不会执行");
    const school = cell("school_id");
    const entries: {target: TargetRef; column: string; value: string; numerator: string; denominator: string}[] = [];
    if (long) {
      const found = lookUpTarget(catalog, cell("target_id"), cell("indicator"));
      const column = at(found.byName || !named.has("target_id") ? "indicator" : "target_id");
      if (found.code) fail(found.code, column, found.message);
      else
        entries.push({
          target: found.target,
          column,
          value: cell("value"),
          numerator: cell("numerator"),
          denominator: cell("denominator")
        });
    } else {
      for (const target of new Set(wide.map((w) => w.target))) {
        const parts = wide.filter((w) => w.target === target);
        const get = (part: string) => {
          const w = parts.find((p) => p.part === part);
          return w ? (cells[w.index] ?? "").trim() : "";
        };
        const first = parts[0]!;
        entries.push({
          target,
          column: header[first.index]!,
          value: get("value"),
          numerator: get("numerator"),
          denominator: get("denominator")
        });
      }
    }
    for (const entry of entries) {
      const t = entry.target;
      const numberColumn = (which: "value" | "numerator" | "denominator") =>
        long ? at(which) : (header[wide.find((w) => w.target === t && w.part === which)?.index ?? -1] ?? entry.column);
      const texts = [entry.value, entry.numerator, entry.denominator] as const;
      const [value, numerator, denominator] = texts.map(parseCellNumber);
      const number = (n: CellNumber) => (n.kind === "number" ? n.value : NaN);
      const limits = targetLimits(t);
      const percent = (n: CellNumber) => n.kind === "number" && n.percent;
      const bad =
        (value!.kind === "bad" ? BAD_VALUE : 0) |
        (numerator!.kind === "bad" ? BAD_NUMERATOR : 0) |
        (denominator!.kind === "bad" ? BAD_DENOMINATOR : 0) |
        percentBits(limits, percent(value!), percent(numerator!), percent(denominator!));
      const [v, num, den] = [number(value!), number(numerator!), number(denominator!)];
      const {min, max, ratio} = limits;
      const problems = checkNumbers(min, max, ratio, v, num, den, bad);
      if (problems) {
        const columns = [numberColumn("value"), numberColumn("numerator"), numberColumn("denominator")] as const;
        reportNumbers(
          problems,
          {target: t, targetColumn: entry.column, texts, columns, numerator: num, denominator: den},
          fail
        );
        continue;
      }
      if (ratio ? num !== num || den !== den : v !== v) continue; // nothing reported for this target
      if (ok && unit && period && basis) {
        const rate = ratio ? (den === 0 ? null : (100 * num) / den) : v;
        rows.push({
          unit_code: unit.code,
          period,
          target_id: t.id,
          school_id: school,
          value: rate,
          numerator: ratio ? num : num === num ? num : null,
          denominator: ratio ? den : den === den ? den : null,
          basis,
          note,
          row
        });
      }
    }
  }
  checkDuplicates(rows, {file, add: (row, message) => add("duplicate_key", row, "", message)});
  if (grid.rows.length === 1 && !rejects(findings)) add("no_rows", 0, "", RULES.no_rows());
  const counts = new Set(catalog.targets.filter((t) => t.kind === "count").map((t) => t.id));
  checkCumulative(
    rows.filter((r) => counts.has(r.target_id)),
    history.filter((h) => counts.has(h.target_id)),
    {
      add: (row, column, message) => add("cumulative_decrease", row, column, message),
      valueColumn: named.has("value") ? header[named.get("value")!]! : "value"
    }
  );
  return {findings, rows, form};
}

const ENCODING_NAMES = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8(带 BOM)",
  gb18030: "GB18030/GBK",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE"
} as const;
const DELIMITER_NAMES = {",": "逗号", "\t": "制表符", ";": "分号"} as const;

const keyOf = (r: {unit_code: string; period: string; target_id: string; school_id: string}) =>
  `${r.unit_code}|${r.period}|${r.target_id}|${r.school_id}`;

function checkDuplicates(
  rows: readonly SubmittedRow[],
  {add}: {file: string; add: (row: number, message: string) => void}
): void {
  const first = new Map<string, number>();
  for (const r of rows) {
    const key = keyOf(r);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, r.row);
    else add(r.row, RULES.duplicate_key({school: r.school_id !== ""}));
  }
}

function checkCumulative(
  rows: readonly SubmittedRow[],
  history: readonly PriorValue[],
  {add, valueColumn}: {add: (row: number, column: string, message: string) => void; valueColumn: string}
): void {
  const series = new Map<string, {period: string; value: number; row: number | null}[]>();
  const push = (
    r: {unit_code: string; target_id: string; school_id: string; period: string; basis: string; value: number | null},
    row: number | null
  ) => {
    if (r.basis !== "cumulative" || r.value === null) return;
    const key = `${r.unit_code}|${r.target_id}|${r.school_id}`;
    (series.get(key) ?? series.set(key, []).get(key)!).push({period: r.period, value: r.value, row});
  };
  const periods = new Set(rows.map((r) => `${r.unit_code}|${r.target_id}|${r.school_id}|${r.period}`));
  for (const h of history) if (!periods.has(`${h.unit_code}|${h.target_id}|${h.school_id}|${h.period}`)) push(h, null);
  for (const r of rows) push(r, r.row);
  for (const points of series.values()) {
    points.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    for (let i = 1; i < points.length; i++) {
      const [prev, cur] = [points[i - 1]!, points[i]!];
      if (cur.row !== null && cur.value < prev.value) {
        add(
          cur.row,
          valueColumn,
          `累计值下降:${cur.period} 为 ${round(cur.value)},低于 ${prev.period} 的 ${round(prev.value)}`
        );
      }
    }
  }
}

const round = (v: number) => Math.round(v * 100) / 100;
