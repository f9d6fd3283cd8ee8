import {basename} from "node:path";
import {parse} from "csv-parse/sync";
import {ByteTable} from "./byteTable.js";
import type {Catalog, TargetRef} from "./catalog.js";
import {parseCellNumber, parsePeriod} from "./cells.js";
import {fileChunks} from "./fileChunks.js";
import {type Finding, type FindingCode, finding} from "./findings.js";
import {type CsvRecord, fieldText, scanCsv} from "./scanCsv.js";

const COLUMNS = ["unit", "period", "target_id", "school_id", "value", "numerator", "denominator", "basis"] as const;
export type Columns = Record<(typeof COLUMNS)[number], number>;

/** Schools per block of cells: storage grows a block at a time, never by copying. */
export const BLOCK = 1024;

/** One byte range's aggregate: each school's values by month, and the range's findings. */
export interface RangeAggregate {
  header: string[];
  columns: Columns | null;
  rows: number;
  /** Records seen in the range, blank lines and the header included (to number the next range's rows). */
  records: number;
  findings: Finding[];
  counts: Partial<Record<FindingCode, number>>;
  /** Each school's unit (its index in the catalog), in school order. */
  schoolUnits: number[];
  /** Each school's id, in school order. */
  schoolIds: string[];
  /** The months (year × 12 + month − 1) in the order first seen: cells[k] is months[k]'s. */
  months: number[];
  /**
   * Per month, blocks of {@link BLOCK} schools × {@link CellLanes} lanes: school s's lane l is
   * cells[k][s / BLOCK][(s % BLOCK) × lanes + l]; NaN where no row gave it.
   */
  cells: Float64Array[][];
}

/** Where each target's numbers go in a school's cells: one lane for a value, two (numerator, denominator) for a ratio. */
export interface CellLanes {
  laneOf: Int32Array;
  ratio: Uint8Array;
  lanes: number;
}

export function cellLanes(targets: readonly TargetRef[]): CellLanes {
  const ratio = Uint8Array.from(targets, (t) => (t.aggregation === "ratio" ? 1 : 0));
  const laneOf = new Int32Array(targets.length);
  let lanes = 0;
  ratio.forEach((r, t) => ((laneOf[t] = lanes), (lanes += 1 + r)));
  return {laneOf, ratio, lanes};
}

/**
 * Validates and aggregates the long-form records of bytes `start`…`end` of a UTF-8 file as they
 * pass ({@link scanCsv}): no string or object per row. A row is found by its bytes (a school by its
 * unit's and its own, a month and a target together), its numbers are read from the bytes, and it
 * lands in its school's cell for its month and target. `header` is given when the range starts
 * past the header. Checks units, targets, months, numbers, negative counts, numerators over
 * denominators, rate targets without both parts, and duplicate keys; keeps the first `maxFindings`.
 */
export async function aggregateRange({path, start, end, header: given = null, catalog, maxFindings}: {path: string; start: number; end: number; header?: string[] | null; catalog: Catalog; maxFindings: number}): Promise<RangeAggregate> {
  const file = basename(path);
  const targets = catalog.targets;
  const targetIndex = new Map(targets.map((t, i) => [t, i]));
  const {laneOf, ratio, lanes} = cellLanes(targets);
  const count = Uint8Array.from(targets, (t) => (t.kind === "count" ? 1 : 0));
  const unitIndex = new Map(catalog.units.map((u, i) => [u, i]));
  const out: RangeAggregate = {header: [], columns: null, rows: 0, records: 0, findings: [], counts: {}, schoolUnits: [], schoolIds: [], months: [], cells: []};
  const report = (code: FindingCode, row: number, column: string, message: string) => {
    out.counts[code] = (out.counts[code] ?? 0) + 1;
    if (out.findings.length < maxFindings) out.findings.push(finding(code, file, row, column, message));
  };

  // The header first, so that only the columns read are delimited (a note column is skipped).
  const header = given ?? (await readHeader(path));
  out.header = header;
  const at = (c: string) => header.findIndex((x) => catalog.column(x) === c);
  const c = Object.fromEntries(COLUMNS.map((name) => [name, at(name)])) as Columns;
  out.columns = c;
  for (const name of ["unit", "period", "target_id", "value"] as const) if (c[name] < 0 && !(name === "value" && c.numerator >= 0)) report("missing_column", 1, "", `缺少“${name}”列`);
  if (out.counts.missing_column) return out;

  const schoolByBytes = new ByteTable();
  const targetByBytes = new ByteTable();
  const slotByBytes = new ByteTable();
  const unitByBytes = new ByteTable();
  const schoolByUnit = new Map<string, number>();
  const monthSlot = new Map<number, number>();
  const blockSize = BLOCK * lanes;
  const newBlock = () => new Float64Array(blockSize).fill(NaN);
  const text = (r: CsvRecord, i: number) => (i < 0 || i >= r.count ? "" : fieldText(r, i).trim());

  /** The school of a row whose unit and school bytes are new: -1 when the unit is unknown. */
  const newSchool = (r: CsvRecord, us: number, ue: number, ss: number, se: number): number => {
    const b = r.buffer;
    let unit = unitByBytes.get(b, us, ue);
    if (unit < 0) {
      const u = catalog.unit(text(r, c.unit));
      if (!u) return -1;
      unit = unitIndex.get(u)!;
      unitByBytes.set(b, us, ue, unit);
    }
    const id = text(r, c.school_id); // as the reference path reads it: decoded, unescaped, trimmed
    const key = `${unit}|${id}`;
    let school = schoolByUnit.get(key);
    if (school === undefined) {
      school = out.schoolUnits.push(unit) - 1;
      out.schoolIds.push(id);
      schoolByUnit.set(key, school);
      if (school % BLOCK === 0) for (const blocks of out.cells) blocks.push(newBlock());
    }
    schoolByBytes.set(b, us, ue, school, ss, se);
    return school;
  };

  /** The target of a row whose target bytes are new, or -1 (reported). */
  const newTarget = (r: CsvRecord, ts: number, te: number): number => {
    const t = catalog.target(text(r, c.target_id)) as TargetRef | undefined;
    if (!t) {
      const s = catalog.suggestTarget(text(r, c.target_id));
      report("unknown_target", r.index, header[c.target_id]!, `未知指标“${text(r, c.target_id)}”${s ? `,是否为“${s}”?` : ""}`);
      return -1;
    }
    const target = targetIndex.get(t)!;
    targetByBytes.set(r.buffer, ts, te, target);
    return target;
  };

  /** The month slot of a row whose period bytes are new, or -1 (reported). */
  const newSlot = (r: CsvRecord, ps: number, pe: number): number => {
    const p = parsePeriod(text(r, c.period));
    if (!p) {
      report("bad_period", r.index, header[c.period]!, `无法识别的月份“${text(r, c.period)}”`);
      return -1;
    }
    const month = Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
    let slot = monthSlot.get(month);
    if (slot === undefined) {
      slot = out.months.push(month) - 1;
      monthSlot.set(month, slot);
      out.cells.push(Array.from({length: Math.ceil(out.schoolUnits.length / BLOCK)}, newBlock));
    }
    slotByBytes.set(r.buffer, ps, pe, slot);
    return slot;
  };

  // A row's value, numerator and denominator, unboxed; NaN where the field is empty or marked missing.
  const numbers = new Float64Array(3);
  /** Reads number field `i` of a row into numbers[k]; false when it is not a number. */
  const numberAt = (r: CsvRecord, i: number, k: number): boolean => {
    numbers[k] = NaN;
    if (i < 0 || i >= r.count) return true;
    const b = r.buffer;
    const s = r.starts[i]!;
    const e = r.ends[i]!;
    if (s === e) return true;
    // Plain ASCII decimals, the common case, straight from the bytes; anything else as text.
    let j = s;
    const negative = b[j] === 0x2d;
    if (negative) j++;
    const from = j;
    let v = 0;
    let d = 0;
    while (j < e && (d = b[j]! - 0x30) >= 0 && d <= 9) (v = v * 10 + d), j++;
    let digits = j - from;
    if (j < e && b[j] === 0x2e) {
      const point = ++j;
      let fraction = 0;
      while (j < e && (d = b[j]! - 0x30) >= 0 && d <= 9) (fraction = fraction * 10 + d), j++;
      v += fraction / 10 ** (j - point);
      digits += j - point;
    }
    if (j === e && digits > 0 && digits <= 15) {
      numbers[k] = negative ? -v : v;
      return true;
    }
    const parsed = parseCellNumber(fieldText(r, i));
    if (parsed.kind === "number") numbers[k] = parsed.value;
    return parsed.kind !== "bad";
  };

  /** Reports a row's problem (out of the hot path: messages are made only here). */
  const fail = (code: FindingCode, r: CsvRecord): void => {
    const [value, num, den] = numbers;
    const [column, message] =
      code === "unknown_unit" ? [header[cu]!, `未知单位“${text(r, cu)}”`]
      : code === "non_numeric" ? [header[cv] ?? "value", "不是数字"]
      : code === "negative_count" ? [header[cv]!, `不能为负数:${value}`]
      : code === "ratio_without_parts" ? [header[ct]!, "比率指标须同时填写分子和分母"]
      : code === "numerator_over_denominator" ? [header[cn]!, `分子 ${num} 大于分母 ${den}`]
      : ["", "同一单位、月份、指标、学校重复"];
    report(code, r.index, column, message);
  };

  const [cu, cp, ct, cs, cv, cn, cd] = [c.unit, c.period, c.target_id, c.school_id, c.value, c.numerator, c.denominator];
  // The row before's school and month, by where their bytes were: rows of a school mostly come together.
  const prev = {buffer: null as Uint8Array | null, school: -1, us: 0, ue: 0, ss: 0, se: 0, periodBuffer: null as Uint8Array | null, slot: -1, ps: 0, pe: 0};
  let skipHeader = !given;
  let rows = 0;
  const onRow = (r: CsvRecord): void => {
    if (skipHeader) return void (skipHeader = false);
    rows++;
    const b = r.buffer;
    const n = r.count;
    const starts = r.starts;
    const ends = r.ends;
    const us = cu < n ? starts[cu]! : 0;
    const ue = cu < n ? ends[cu]! : 0;
    const ss = cs >= 0 && cs < n ? starts[cs]! : 0;
    const se = cs >= 0 && cs < n ? ends[cs]! : 0;
    let school = prev.school;
    if (b !== prev.buffer || !sameBytes(b, us, ue, prev.us, prev.ue) || !sameBytes(b, ss, se, prev.ss, prev.se)) {
      school = schoolByBytes.get(b, us, ue, ss, se);
      if (school < 0 && (school = newSchool(r, us, ue, ss, se)) < 0) return fail("unknown_unit", r);
      (prev.buffer = b), (prev.school = school), (prev.us = us), (prev.ue = ue), (prev.ss = ss), (prev.se = se);
    }
    const ts = ct < n ? starts[ct]! : 0;
    const te = ct < n ? ends[ct]! : 0;
    let target = targetByBytes.getOne(b, ts, te);
    if (target < 0 && (target = newTarget(r, ts, te)) < 0) return;
    const ps = cp < n ? starts[cp]! : 0;
    const pe = cp < n ? ends[cp]! : 0;
    let slot = prev.slot;
    if (b !== prev.periodBuffer || !sameBytes(b, ps, pe, prev.ps, prev.pe)) {
      slot = slotByBytes.get(b, ps, pe);
      if (slot < 0 && (slot = newSlot(r, ps, pe)) < 0) return;
      (prev.periodBuffer = b), (prev.slot = slot), (prev.ps = ps), (prev.pe = pe);
    }
    if (!numberAt(r, cv, 0) || !numberAt(r, cn, 1) || !numberAt(r, cd, 2)) return fail("non_numeric", r);
    const value = numbers[0]!;
    const num = numbers[1]!;
    const den = numbers[2]!;
    if (count[target] && value < 0) return fail("negative_count", r);
    const isRatio = ratio[target] === 1;
    if (isRatio) {
      if (num !== num || den !== den) return value === value || num === num || den === den ? fail("ratio_without_parts", r) : undefined;
      if (num > den) return fail("numerator_over_denominator", r);
    } else if (value !== value) return;
    const cells = out.cells[slot]![(school / BLOCK) | 0]!;
    const key = (school % BLOCK) * lanes + laneOf[target]!;
    if (cells[key] === cells[key]) return fail("duplicate_key", r);
    if (isRatio) (cells[key] = num), (cells[key + 1] = den);
    else cells[key] = value;
  };

  const fields = 1 + Math.max(cu, cp, ct, cs, cv, cn, cd);
  out.records = await scanCsv(fileChunks(path, {start, end}), onRow, {fields});
  out.rows = rows;
  return out;
}

/**
 * The header record of a file (its first record that is not blank), BOM and spaces trimmed. Read
 * with csv-parse from the first 64 KiB, so the scanner's hot loop only ever sees data rows.
 */
export async function readHeader(path: string): Promise<string[]> {
  const head: Buffer[] = [];
  for await (const chunk of fileChunks(path, {end: 64 * 1024, size: 64 * 1024})) head.push(Buffer.from(chunk));
  const text = Buffer.concat(head).toString("utf8").replace(/^\uFEFF/, "");
  try {
    // csv-parse stops after the first record: the 64 KiB cut may end inside a later quoted field.
    const records = parse(text, {to: 1, relax_column_count: true, skip_empty_lines: true}) as string[][];
    return (records[0] ?? []).map((h) => h.trim());
  } catch {
    return []; // no header to read: every column is reported missing
  }
}

/** Whether bytes `s1`…`e1` and `s2`…`e2` of `buf` are the same. */
function sameBytes(buf: Uint8Array, s1: number, e1: number, s2: number, e2: number): boolean {
  if (e1 - s1 !== e2 - s2) return false;
  for (let i = s1, j = s2; i < e1; i++, j++) if (buf[i] !== buf[j]) return false;
  return true;
}
