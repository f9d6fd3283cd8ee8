import {neutralizeFormula} from "../lib/csv.js";
import type {Catalog, Column, TargetRef} from "./catalog.js";
import {parseBasis, parseCellNumber, parsePeriod} from "./cells.js";
import {headerColumns} from "./headerColumns.js";
import {type Finding, type FindingCode, finding} from "./findings.js";
import type {Grid} from "./readGrid.js";

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
 * Checks a submission's grid against the catalog and normalizes its rows. `file` names the file in
 * findings; `now` is when it was submitted (a period after that month is an error); `history` holds
 * earlier accepted values, so that a cumulative count that falls below last month's is a warning
 * (a rate may fall; a count of what was done may not).
 * Long form has a target column (`target_id` or `indicator`) and a value; wide form has one column
 * per target (`6.1b`, `新增学位`, `2.4a 分子`). A unit or period missing as a column is read from the
 * file name, and says so.
 */
export function validateGrid(grid: Grid, {file, catalog, now, history = []}: {file: string; catalog: Catalog; now: Date; history?: readonly PriorValue[]}): Validation {
  const findings: Finding[] = [];
  const add = (code: FindingCode, row: number, column: string, message: string) => findings.push(finding(code, file, row, column, message));
  if (grid.encoding) add("encoding", 0, "", `按 ${ENCODING_NAMES[grid.encoding]} 编码读取${grid.delimiter ? `,分隔符为${DELIMITER_NAMES[grid.delimiter]}` : ""}`);
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

  const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
  const rows: SubmittedRow[] = [];
  const width = header.length;
  const required = (["unit", "period", "target_id", "indicator"] as const).filter((c) => named.has(c)).map((c) => named.get(c)!);
  for (let r = 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r]!;
    const row = grid.rowNumbers[r]!;
    const used = cells.findLastIndex((c) => c.trim() !== "") + 1;
    if (used > width || required.some((i) => i >= cells.length)) {
      add("ragged_row", row, "", `本行有 ${used} 列,表头有 ${width} 列(可能有未加引号的逗号或缺列)`);
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
    if (!unit) fail("unknown_unit", at("unit"), unitText ? `未知单位“${unitText}”(可填区县全称、简称或 6 位行政区划代码)` : "单位为空");
    const periodText = cell("period");
    const period = named.has("period") ? parsePeriod(periodText) : namePeriod;
    if (!period) fail("bad_period", at("period"), periodText ? `无法识别的月份“${periodText}”(应为 2023-06、2023年6月 等)` : "月份为空");
    else if (period > thisMonth) fail("future_period", at("period"), `月份 ${period} 晚于报送时间 ${thisMonth}`);
    const basis = parseBasis(cell("basis"));
    if (!basis) fail("bad_basis", at("basis"), `无法识别的口径“${cell("basis")}”(应为“累计”或“当期”)`);
    const note = cell("note");
    if (note && (MARKUP.test(note) || neutralizeFormula(note) !== note)) add("text_neutralized", row, at("note"), "备注中含有公式或网页代码,按纯文本保存,导出和显示时不会执行");
    const school = cell("school_id");
    const entries: {target: TargetRef | undefined; column: string; value: string; numerator: string; denominator: string; label: string}[] = [];
    if (long) {
      const ref = cell("target_id") || cell("indicator");
      const column = named.has("target_id") && cell("target_id") ? at("target_id") : at(named.has("target_id") ? "target_id" : "indicator");
      entries.push({target: catalog.target(ref), column, value: cell("value"), numerator: cell("numerator"), denominator: cell("denominator"), label: ref});
    } else {
      for (const target of new Set(wide.map((w) => w.target))) {
        const parts = wide.filter((w) => w.target === target);
        const get = (part: string) => {
          const w = parts.find((p) => p.part === part);
          return w ? (cells[w.index] ?? "").trim() : "";
        };
        const first = parts[0]!;
        entries.push({target, column: header[first.index]!, value: get("value"), numerator: get("numerator"), denominator: get("denominator"), label: target.id});
      }
    }
    for (const entry of entries) {
      if (!entry.target) {
        const suggestion = catalog.suggestTarget(entry.label);
        fail("unknown_target", entry.column, entry.label ? `未知指标“${entry.label}”${suggestion ? `,是否为“${suggestion}”?` : ""}` : "指标编号为空");
        continue;
      }
      const t = entry.target;
      const value = parseCellNumber(entry.value);
      const numerator = parseCellNumber(entry.numerator);
      const denominator = parseCellNumber(entry.denominator);
      const numberColumn = (which: "value" | "numerator" | "denominator") => (long ? at(which) : header[wide.find((w) => w.target === t && w.part === which)?.index ?? -1] ?? entry.column);
      let bad = false;
      for (const [which, parsed, text] of [["value", value, entry.value], ["numerator", numerator, entry.numerator], ["denominator", denominator, entry.denominator]] as const) {
        if (parsed.kind === "bad") {
          fail("non_numeric", numberColumn(which), `“${text}”不是数字`);
          bad = true;
        } else if (parsed.kind === "number" && parsed.value < 0 && (t.kind === "count" || which !== "value")) {
          fail("negative_count", numberColumn(which), `${t.id} ${t.indicator} 不能为负数:${text}`);
          bad = true;
        }
      }
      if (bad) continue;
      const num = numerator.kind === "number" ? numerator.value : null;
      const den = denominator.kind === "number" ? denominator.value : null;
      let v = value.kind === "number" ? value.value : null;
      if (t.aggregation === "ratio") {
        if (num === null || den === null) {
          if (v !== null || num !== null || den !== null) {
            fail("ratio_without_parts", entry.column, `${t.id} ${t.indicator} 是比率指标,须同时填写分子和分母(全市比率无法由各区百分比算出)`);
          }
          if (v !== null && v > 100) fail("rate_over_100", numberColumn("value"), `${t.id} ${t.indicator} 为百分比,不能超过 100:${entry.value}`);
          continue;
        }
        if (num > den) {
          fail("numerator_over_denominator", numberColumn("numerator"), `分子 ${num} 大于分母 ${den}`);
          continue;
        }
        v = den === 0 ? null : (100 * num) / den;
      } else if (t.unit === "%" && v !== null && v > 100) {
        fail("rate_over_100", numberColumn("value"), `${t.id} ${t.indicator} 为百分比,不能超过 100:${entry.value}`);
        continue;
      }
      if (v === null && num === null && den === null) continue; // nothing reported for this target
      if (ok && unit && period && basis) {
        rows.push({unit_code: unit.code, period, target_id: t.id, school_id: school, value: v, numerator: num, denominator: den, basis, note, row});
      }
    }
  }
  checkDuplicates(rows, {file, add: (row, message) => add("duplicate_key", row, "", message)});
  const counts = new Set(catalog.targets.filter((t) => t.kind === "count").map((t) => t.id));
  checkCumulative(rows.filter((r) => counts.has(r.target_id)), history.filter((h) => counts.has(h.target_id)), {add: (row, column, message) => add("cumulative_decrease", row, column, message), valueColumn: named.has("value") ? header[named.get("value")!]! : "value"});
  return {findings, rows, form};
}

const ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-bom": "UTF-8(带 BOM)", gb18030: "GB18030/GBK", "utf-16le": "UTF-16LE", "utf-16be": "UTF-16BE"} as const;
const DELIMITER_NAMES = {",": "逗号", "\t": "制表符", ";": "分号"} as const;

const keyOf = (r: {unit_code: string; period: string; target_id: string; school_id: string}) => `${r.unit_code}|${r.period}|${r.target_id}|${r.school_id}`;

function checkDuplicates(rows: readonly SubmittedRow[], {add}: {file: string; add: (row: number, message: string) => void}): void {
  const first = new Map<string, number>();
  for (const r of rows) {
    const key = keyOf(r);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, r.row);
    else add(r.row, `与第 ${seen} 行重复:同一单位、月份、指标${r.school_id ? "、学校" : ""}只能有一个值`);
  }
}

function checkCumulative(rows: readonly SubmittedRow[], history: readonly PriorValue[], {add, valueColumn}: {add: (row: number, column: string, message: string) => void; valueColumn: string}): void {
  const series = new Map<string, {period: string; value: number; row: number | null}[]>();
  const push = (r: {unit_code: string; target_id: string; school_id: string; period: string; basis: string; value: number | null}, row: number | null) => {
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
        add(cur.row, valueColumn, `累计值下降:${cur.period} 为 ${round(cur.value)},低于 ${prev.period} 的 ${round(prev.value)}`);
      }
    }
  }
}

const round = (v: number) => Math.round(v * 100) / 100;
