import type {Comparator} from "./mentions.js";
import {UNITS} from "./mentions.js";
import {BIG_UNITS, cellTables, parsePlanNumber} from "../plan/index.js";

/** A target read from a row of an indicator table that has a header. Offsets are into the text. */
export interface IndicatorRow {
  indicator: string;
  unit: string;
  comparator: Comparator;
  value: number;
  value_max: number | null;
  baseline: number | null;
  baseline_year: number | null;
  /** The target column's year (2025年), else null. */
  year: number | null;
  /** A five-year cumulative figure: the cell was written 〔 〕. */
  cumulative: boolean;
  /** Where the row's name begins (after its list number) and where its last value ends. */
  start: number;
  end: number;
}

/** What a header cell says its column holds. */
type Role = "no" | "name" | "unit" | "value" | "attr" | "other";
interface Column {
  role: Role;
  year: number | null;
  /** For a value column: target, baseline, or a year column whose part the years decide. */
  part: "target" | "baseline" | null;
}

const NAME_HEADER = /^(?:主要)?指标(?:名称)?$|^名称$|^指标项$/;
const UNIT_HEADER = /^(?:计量)?单位$/;
const NO_HEADER = /^序号$|^编号$/;
const ATTR_HEADER = /^(?:指标)?(?:属性|性质)(?:\(.*\))?$/;
const TARGET_HEADER = /目标|规划值|预期值/;
const BASELINE_HEADER = /基期|基数|现状|基准|实现值|现值/;
const YEAR_HEADER = /^(\d{4})年/;
const OTHER_HEADER = /^(?:类别|分类|领域|权重|备注|说明|责任单位|牵头单位|序列)$/;
/** Words that mark a cell as the attribute column's (预期性, 约束性). */
const ATTR_CELL = /^(?:预期性|约束性|指导性|[预约]期?)$/;
const MISSING = /^(?:—+|–+|-+|\/|无|\*+|×+)$/;
const UNIT_WORDS = [...UNITS].sort((a, b) => b.length - a.length);
/** A cell's number: digits with separators, and 万 or 亿. */
const CELL_NUMBER = String.raw`[\d.,]+[万亿]?`;
/** A value cell: 〔13.5〕, ≥80, 99%以上, 12.3年, 2—3, <0.01. */
const VALUE_CELL = new RegExp(
  String.raw`^(?<open>〔)?\s*(?<symbol>[≥≤><]=?)?\s*(?:(?<low>${CELL_NUMBER})%?\s*(?:—|–|-|~|至)\s*)?` +
    String.raw`(?<num>${CELL_NUMBER})\s*(?<unit>%|‰|[\u4e00-\u9fa5]{1,4}?)?\s*(?<bound>以上|以下|以内|左右)?\s*(?:〕)?$`
);

const compact = (s: string) => s.replace(/\s+/g, "");

/**
 * A header cell as it names its column: without spaces, a note (注1) or an English gloss (单位 Unit, 指标(Indicator)),
 * and a year in brackets read as the column's year (目标值(2025年) → 2025年目标值).
 */
function headerText(cell: string): string {
  const c = compact(cell)
    .replace(/[(](?:注|备注|说明)[^()]*[)]/g, "")
    .replace(/[(][A-Za-z][^()]*[)]/g, "")
    .replace(/(?<=[\u4e00-\u9fa5)])[A-Za-z][A-Za-z.&/'-]*$/, "");
  const bracketed = /^(.+?)[(](\d{4})年?[)](.*)$/.exec(c);
  return bracketed ? `${bracketed[2]}年${bracketed[1]}${bracketed[3]}` : c;
}

/** A cell of a table flattened one cell a line, without the pipe a copied table leaves at its ends (`指标 |`). */
const flatCell = (line: string) => line.trim().replace(/^\|\s*(?=\S)|(?<=\S)\s*\|$/g, "");

/** A separator row of a table written with pipes (`| --- | :---: |`). */
const SEPARATOR_ROW = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?)?\s*$/;

function columnOf(cell: string): Column {
  const c = headerText(cell);
  const year = YEAR_HEADER.exec(c);
  if (NO_HEADER.test(c)) return {role: "no", year: null, part: null};
  if (NAME_HEADER.test(c)) return {role: "name", year: null, part: null};
  if (UNIT_HEADER.test(c)) return {role: "unit", year: null, part: null};
  if (ATTR_HEADER.test(c)) return {role: "attr", year: null, part: null};
  if (year && c.length <= 12)
    return {
      role: "value",
      year: Number(year[1]),
      part: TARGET_HEADER.test(c) ? "target" : BASELINE_HEADER.test(c) ? "baseline" : null
    };
  if (TARGET_HEADER.test(c) && c.length <= 8) return {role: "value", year: null, part: "target"};
  if (BASELINE_HEADER.test(c) && c.length <= 8) return {role: "value", year: null, part: "baseline"};
  return {role: "other", year: null, part: null};
}

/** The most year columns a plan's table without a 目标 or 属性 column has (基期, 中期, 目标: 2020年 2023年 2025年). */
const MAX_YEAR_COLUMNS = 3;

/** A header: a name column and at least one value column, and nothing a header would not say. */
function asHeader(cells: readonly string[]): Column[] | null {
  if (cells.length < 2) return null;
  const columns = cells.map(columnOf);
  if (!columns.some((c) => c.role === "name") || !columns.some((c) => c.role === "value")) return null;
  if (columns.some((c, i) => c.role === "other" && !OTHER_HEADER.test(headerText(cells[i]!)))) return null;
  // Which value column is the target and which the baseline: as the header says, else by year.
  const values = columns.filter((c) => c.role === "value");
  // A plan's table names its target: a 目标 column, an attribute column (属性), or a few years in order (2020年 2025年);
  // years newest first, or more than three of them, and nothing else make a statistics table: history, no targets.
  if (!values.some((c) => c.part === "target") && !columns.some((c) => c.role === "attr")) {
    const years = values.map((c) => c.year ?? Number.NaN);
    if (years.length > MAX_YEAR_COLUMNS || years.some((y, k) => k > 0 && !(y > years[k - 1]!))) return null;
  }
  if (!values.some((c) => c.part === "target")) {
    const latest = values.reduce((a, b) => ((b.year ?? -1) > (a.year ?? -1) ? b : a));
    latest.part = "target";
  }
  for (const c of values) if (c.part === null) c.part = "baseline";
  return columns;
}

/** The cells of a one-line row: split by |, else tabs, else runs of two spaces, else single spaces. */
function splitRow(line: string): string[] {
  const t = line.trim();
  if (t.includes("|"))
    return t
      .replace(/^\||\|$/g, "")
      .split("|")
      .map((c) => c.trim())
      .filter((c, i, all) => c || i < all.length - 1);
  if (t.includes("\t")) return t.split(/\t+/).map((c) => c.trim());
  const wide = t.split(/\s{2,}/);
  return wide.length >= 3 ? wide : t.split(/\s+/);
}

export interface Cell {
  value: number;
  value_max: number | null;
  comparator: Comparator;
  unit: string | null;
  cumulative: boolean;
}

/**
 * A table's value cell as a target (`50`, `≥80`, `2—3`, `90%以上`, `〔13.5〕`, `11.4年`): `null` for an
 * empty one (`—`, `-`, `/`, a masked `****`), `undefined` for what is no value cell.
 */
export function readCell(text: string): Cell | null | undefined {
  const t = text.trim();
  if (MISSING.test(t)) return null;
  const m = VALUE_CELL.exec(t);
  if (!m?.groups) return undefined;
  const {open, symbol, low, num, unit, bound} = m.groups;
  const cellUnit =
    unit === undefined ? null : unit === "%" || unit === "‰" ? unit : (UNIT_WORDS.find((u) => u === unit) ?? undefined);
  if (cellUnit === undefined) return undefined;
  const high = parsePlanNumber(num!);
  const lowValue = low ? parsePlanNumber(low) : NaN;
  if (!Number.isFinite(high) || (low && !Number.isFinite(lowValue))) return undefined;
  const comparator: Comparator = low
    ? "between"
    : symbol === "≤" || symbol === "<=" || bound === "以下" || bound === "以内"
      ? "<="
      : symbol === "<"
        ? "<"
        : symbol === ">"
          ? ">"
          : bound === "左右"
            ? "="
            : ">=";
  return {
    value: low ? lowValue : high,
    value_max: low ? high : null,
    comparator,
    unit: cellUnit === "个百分点" ? "百分点" : cellUnit,
    cumulative: Boolean(open)
  };
}

/**
 * A row name: its list number (1. 其中:) dropped, its unit in brackets (受教育年限(年)) taken out; a unit with 万 or 亿
 * (培训人数(万人), 投资(亿元)) gives the base unit and its scale (人, 10000).
 */
function readName(text: string): {name: string; unit: string | null; scale: number; offset: number} {
  const lead = /^\s*(?:\|\s*)?(?:\d{1,2}[.、](?!\d)|[(]\d{1,2}[)])?\s*(?:其中[::])?\s*/.exec(text)![0];
  let name = text
    .slice(lead.length)
    .trim()
    .replace(/\s*\|$/, "");
  let unit: string | null = null;
  let scale = 1;
  const bracket = /[(]([^()]{1,6})[)]$/.exec(name);
  const scaled = bracket ? /^([万亿])(.+)$/.exec(bracket[1]!) : null;
  if (scaled && UNIT_WORDS.includes(scaled[2] as (typeof UNITS)[number])) {
    unit = scaled[2]!;
    scale = BIG_UNITS[scaled[1]!]!;
    name = name.slice(0, bracket!.index).trim();
  } else if (
    bracket &&
    (bracket[1] === "%" || bracket[1] === "‰" || UNIT_WORDS.includes(bracket[1] as (typeof UNITS)[number]))
  ) {
    unit = bracket[1]!;
    name = name.slice(0, bracket.index).trim();
  }
  return {name: name.replace(/\s+/g, ""), unit, scale, offset: lead.length};
}

const isNameCell = (t: string) =>
  /[\u4e00-\u9fa5]/.test(t) &&
  t.length <= 40 &&
  !/[。,;:]$/.test(t) &&
  !/[。]/.test(t) &&
  readCell(t) === undefined &&
  !ATTR_CELL.test(t);

interface Line {
  text: string;
  start: number;
}

/**
 * Reads the indicator tables of a normalized plan text: a header row (`序号 指标 单位 基期值 目标值
 * 属性`, `指标 2020年 2025年 属性`, cells split by |, tabs or spaces, or flattened one cell per line)
 * and the rows under it, until a line that is no row. The target is the 目标 column, else the latest
 * year's; the baseline the 基期 column, else the earlier year's (its year the `baseline_year`). `—`
 * and `-` cells are empty; `≥80`, `>20`, `<0.01`, `90%以上` give the comparator; `〔13.5〕` is a
 * cumulative figure; row numbers are never values. In a flattened table a row whose name is followed
 * by sub-rows (其中:小学 / 初中) lists its values column by column. Returns the targets and the
 * spans of text the tables take (header to last row), which hold no other targets; of a task table copied one cell a
 * paragraph (`cellTables`), the spans of its cells other than its task cells (目前完成情况 reports, no targets).
 */
export function readIndicatorTables(text: string): {rows: IndicatorRow[]; spans: [number, number][]} {
  const lines: Line[] = [];
  let at = 0;
  for (const t of text.split("\n")) {
    lines.push({text: t, start: at});
    at += t.length + 1;
  }
  const rows: IndicatorRow[] = [];
  const spans: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text.trim()) continue;
    const inline = asHeader(splitRow(line.text));
    if (inline) {
      const {end, found} = readRowTable(lines, i + 1, inline);
      if (found.length) {
        rows.push(...found);
        spans.push([line.start, end]);
        i = lines.findIndex((l) => l.start >= end) - 1;
        if (i < 0) break;
      }
      continue;
    }
    // A flattened header: consecutive one-cell lines that together make a header.
    const cells: string[] = [];
    let j = i;
    while (j < lines.length && cells.length < 10) {
      const t = flatCell(lines[j]!.text);
      if (!t) {
        j++;
        continue;
      }
      if (columnOf(t).role === "other" && !OTHER_HEADER.test(headerText(t))) break;
      cells.push(t);
      j++;
    }
    const header = cells.length >= 3 ? asHeader(cells) : null;
    if (!header) continue;
    const {end, found} = readFlatTable(lines, j, header);
    if (found.length) {
      rows.push(...found);
      spans.push([line.start, end]);
      i = lines.findIndex((l) => l.start >= end) - 1;
      if (i < 0) break;
    }
  }
  // a table whose cells were flattened one a line and whose rows lost cells (merged ones): read by its unit cells
  for (let i = 0; i < lines.length; i++) {
    if (
      !UNIT_HEADER.test(compact(flatCell(lines[i]!.text))) ||
      spans.some(([s, e]) => s <= lines[i]!.start && lines[i]!.start < e)
    )
      continue;
    const table = readUnitCellTable(lines, i);
    if (table) {
      rows.push(...table.found);
      spans.push([lines[i]!.start, table.end]);
    }
  }
  // a task or progress table copied one cell a paragraph: its targets are in its task cells; its other cells (what
  // was done, offices, times) hold none
  for (const table of cellTables(lines.map(({text: line, start: offset}) => ({offset, line}))))
    for (const row of table.rows)
      for (const cell of row.cells) if (cell.role !== "task") spans.push([cell.start, cell.end]);
  return {rows, spans};
}

/** Rows of a one-line-per-row table after its header. */
function readRowTable(lines: readonly Line[], from: number, header: Column[]): {end: number; found: IndicatorRow[]} {
  const found: IndicatorRow[] = [];
  let end = 0;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text.trim() || SEPARATOR_ROW.test(line.text)) continue;
    let cells = splitRow(line.text);
    if (cells.length === header.length - 1 && header[0]!.role === "no") cells = ["", ...cells];
    if (cells.length !== header.length) {
      if (
        /^\s*(?:[一二三四五六七八九十]+、|[(][一二三四五六七八九十]+[)])/.test(line.text) &&
        line.text.trim().length <= 30
      )
        continue; // a group of rows
      break;
    }
    const nameIndex = header.findIndex((c) => c.role === "name");
    const {name, unit: nameUnit, scale, offset} = readName(cells[nameIndex]!);
    if (!name || !/[\u4e00-\u9fa5]/.test(name)) break;
    const unitIndex = header.findIndex((c) => c.role === "unit");
    const unitCell = unitIndex >= 0 ? cells[unitIndex]!.trim() : null;
    const values = header
      .map((c, k) => (c.role === "value" ? {column: c, cell: readCell(cells[k]!)} : null))
      .filter((v) => v !== null);
    if (values.some((v) => v.cell === undefined)) break;
    const row = toRow(
      name,
      [unitCell, nameUnit],
      values as {column: Column; cell: Cell | null}[],
      unitCell ? 1 : scale
    );
    const nameAt = line.text.indexOf(cells[nameIndex]!);
    end = line.start + line.text.trimEnd().length;
    if (row) found.push({...row, start: line.start + Math.max(0, nameAt) + offset, end});
  }
  return {end, found};
}

/** Rows of a table flattened to one cell per line, after its header. */
function readFlatTable(lines: readonly Line[], from: number, header: Column[]): {end: number; found: IndicatorRow[]} {
  const found: IndicatorRow[] = [];
  const valueColumns = header.filter((c) => c.role === "value");
  const hasUnit = header.some((c) => c.role === "unit");
  const hasNo = header.some((c) => c.role === "no");
  let end = 0;
  let i = from;
  const next = () => {
    while (i < lines.length && !lines[i]!.text.trim()) i++;
    return i < lines.length ? lines[i]! : null;
  };
  for (;;) {
    let line = next();
    if (!line) break;
    let t = flatCell(line.text);
    if (
      /^(?:[一二三四五六七八九十]+、|[(][一二三四五六七八九十]+[)])/.test(t) &&
      t.length <= 30 &&
      readCell(t) === undefined
    ) {
      i++; // a group of rows: 一、发展水平
      continue;
    }
    if (hasNo && /^\d{1,3}$/.test(t)) {
      i++;
      line = next();
      if (!line) break;
      t = flatCell(line.text);
    }
    if (!isNameCell(t)) break;
    const names: Line[] = [];
    const isUnitCell = (u: string) =>
      hasUnit && (u === "%" || u === "‰" || UNIT_WORDS.includes(u as (typeof UNITS)[number]));
    while (
      line &&
      isNameCell(flatCell(line.text)) &&
      !isUnitCell(flatCell(line.text)) &&
      (names.length === 0 || !/^\s*\d{1,2}[.、](?!\d)/.test(line.text))
    ) {
      names.push(line);
      i++;
      line = next();
    }
    let unitCell: string | null = null;
    if (line && isUnitCell(flatCell(line.text))) {
      unitCell = flatCell(line.text);
      i++;
      line = next();
    }
    const cells: {line: Line; cell: Cell | null}[] = [];
    while (line) {
      const cell = readCell(flatCell(line.text));
      if (cell === undefined) break;
      cells.push({line, cell});
      i++;
      line = next();
    }
    if (line && ATTR_CELL.test(flatCell(line.text))) i++;
    if (!cells.length) break;
    const last = cells.at(-1)!.line;
    end = last.start + last.text.trimEnd().length;
    // k names, n value columns: k × n cells (every name has values), (k − 1) × n (the first only heads its sub-rows),
    // or n.
    const n = valueColumns.length;
    const k = names.length;
    const owners =
      cells.length === k * n
        ? names
        : cells.length === (k - 1) * n
          ? names.slice(1)
          : cells.length === n
            ? [names[0]!]
            : null;
    if (!owners) continue;
    const main = readName(names[0]!.text);
    owners.forEach((owner, r) => {
      const own = readName(owner.text);
      const name = owner === names[0] ? main.name : own.name.length <= 4 ? `${main.name}(${own.name})` : own.name;
      const values = valueColumns.map((column, c) => ({column, cell: cells[c * owners.length + r]!.cell}));
      const row = toRow(
        name,
        [unitCell, own.unit, main.unit],
        values,
        unitCell ? 1 : own.unit ? own.scale : main.scale
      );
      if (row) found.push({...row, start: owner.start + own.offset, end});
    });
  }
  return {end, found};
}

/** A value times a unit's scale, to 12 digits (0.7 × 10000 is 7000, not 7000.000000000001). */
const times = (value: number, scale: number) => (scale === 1 ? value : Number((value * scale).toPrecision(12)));

/** A flattened table's cell that is a unit: %, a unit of the vocabulary or one character, after 万 or 亿 (万亩, 亿斤). */
const UNIT_CELL = new RegExp(`^(万|亿)?(%|‰|${UNIT_WORDS.filter((u) => u.length > 1).join("|")}|[\u4e00-\u9fa5])$`);
/** A line that ends a flattened table: prose (a full stop, or longer than a cell). */
const PROSE_LINE = (t: string) => t.length > 40 || /。/.test(t);

/**
 * A table flattened one cell a line whose rows lost cells (a merged 考核指标 cell, a missing 单位: 序号 / 粮食播种面积 /
 * 万亩 / 0.07 / 县农业农村局): read when its header's 单位 cell (at `at`) is followed by a target column's (年度目标).
 * Each unit cell and the value cell right after it are a row's target (0.07 under 万亩 → 700 亩; a 0 or no figure is none),
 * named by the cell before the unit. Null when the header is not so, or no row gives a target.
 */
function readUnitCellTable(lines: readonly Line[], at: number): {end: number; found: IndicatorRow[]} | null {
  const nonEmpty = (from: number) => {
    let k = from;
    while (k < lines.length && !lines[k]!.text.trim()) k++;
    return k;
  };
  const targetAt = nonEmpty(at + 1);
  const targetHeader = targetAt < lines.length ? compact(flatCell(lines[targetAt]!.text)) : "";
  if (!TARGET_HEADER.test(targetHeader) || targetHeader.length > 8) return null;
  const found: IndicatorRow[] = [];
  let end = 0;
  let name = "";
  for (let k = nonEmpty(targetAt + 1); k < lines.length; k = nonEmpty(k + 1)) {
    const t = flatCell(lines[k]!.text);
    if (PROSE_LINE(t)) break;
    const unit = UNIT_CELL.exec(t);
    const valueAt = nonEmpty(k + 1);
    const cell = unit && valueAt < lines.length ? readCell(flatCell(lines[valueAt]!.text)) : undefined;
    if (!unit || !cell) {
      if (isNameCell(t)) name = t;
      continue;
    }
    const scale = unit[1] ? BIG_UNITS[unit[1]]! : 1;
    const value = lines[valueAt]!;
    end = value.start + value.text.trimEnd().length;
    if (cell.value > 0)
      found.push({
        indicator: name,
        unit: cell.unit ?? (scale === 1 ? t : unit[2]!),
        comparator: cell.comparator,
        value: cell.unit ? cell.value : times(cell.value, scale),
        value_max: cell.value_max === null || cell.unit ? cell.value_max : times(cell.value_max, scale),
        baseline: null,
        baseline_year: null,
        year: null,
        cumulative: cell.cumulative,
        start: lines[k]!.start,
        end
      });
    k = valueAt;
  }
  return found.length ? {end, found} : null;
}

/**
 * A row's target from its value cells: the target column's cell, the baseline column's, the first unit said; values
 * times the name's scale (培训人数(万人) >4 → 40000 人).
 */
function toRow(
  indicator: string,
  units: (string | null)[],
  values: {column: Column; cell: Cell | null}[],
  scale = 1
): Omit<IndicatorRow, "start" | "end"> | null {
  const target = values.find((v) => v.column.part === "target");
  if (!target?.cell) return null;
  const baseline = values.find((v) => v.column.part === "baseline" && v.cell);
  const unit =
    [...units, target.cell.unit, baseline?.cell?.unit ?? null].find((u) => u !== null && u !== undefined && u !== "") ??
    "";
  return {
    indicator,
    unit: unit === "％" ? "%" : unit === "个百分点" ? "百分点" : unit,
    comparator: target.cell.comparator,
    value: times(target.cell.value, scale),
    value_max: target.cell.value_max === null ? null : times(target.cell.value_max, scale),
    baseline: baseline?.cell ? times(baseline.cell.value, scale) : null,
    baseline_year: baseline?.column.year ?? null,
    year: target.column.year,
    cumulative: target.cell.cumulative
  };
}
