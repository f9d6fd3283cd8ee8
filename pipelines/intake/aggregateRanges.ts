import {open} from "node:fs/promises";
import {basename} from "node:path";
import {parse} from "csv-parse/sync";
import {ByteTable} from "./byteTable.js";
import {COLUMNS, type Catalog, type Column, type TargetRef} from "./catalog.js";
import {
  monthAt,
  monthIndex,
  parseBasis,
  parseCellNumber,
  parsePeriod,
  decodeText,
  detectDelimiter
} from "../core/index.js";
import {openChunks} from "./openChunks.js";
import {headerColumns} from "./headerColumns.js";
import {type Finding, type FindingCode, finding} from "./findings.js";
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
import {type CsvRecord, csvScanner, fieldText} from "./scanCsv.js";

/**
 * The longest target name (in UTF-8 bytes) remembered as agreeing with its id; a longer one is checked in full on each
 * row.
 */
const NAME_BYTES = 256;

/** Schools per block of cells: storage grows a block at a time, never by copying. */
export const BLOCK = 1024;

/** The aggregate of the byte ranges one call read: each school's values by month, and the ranges' findings. */
export interface RangeAggregate {
  rows: number;
  /**
   * [range, records seen in it] for each range read, blank lines and the header included (to number the rows of the
   * ranges after it).
   */
  records: [number, number][];
  /** Each finding's row is counted from the start of its range, findingRanges[i] (the file's header: range 0). */
  findings: Finding[];
  findingRanges: number[];
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
  /**
   * Where a row said its value is for the month alone (口径 当期) rather than so far (累计): per
   * month and block as `cells`, 1 at such a cell's lane; null for a block without any.
   */
  periodFlags: (Uint8Array | null)[][];
}

/**
 * Where each target's numbers go in a school's cells: one lane for a value, two (numerator, denominator) for a ratio.
 */
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

/** A file's header as {@link readHeader} reads it. */
export type Head = Awaited<ReturnType<typeof readHeader>>;

/**
 * Validates and aggregates the long-form records of byte ranges of a UTF-8 file as they pass
 * ({@link csvScanner}): no string or object per row. Range k is bytes bounds[k]…bounds[k + 1], each
 * starting at a record; `claim` gives the next range to read (one past the last: done), so that
 * several threads can share a file's ranges, each taking the next as it is free; by default, every
 * range in turn. A row is found by its bytes (a school by its unit's and its own, a month and a
 * target together), its numbers are read from the bytes, and it lands in its school's cell for its
 * month and target. `head` is the file's header when the caller has read it (else it is read
 * here); the range that starts the file skips the header record, and the call with `reportHeader`
 * (one per file) reports what the header says. Checks a row as the reference path (validateGrid)
 * does, by the same rules (rules.ts, with the same messages): units, targets (an id and a name
 * that disagree), months (none after `now`'s month in Asia/Shanghai, none outside the plan's span),
 * the basis, numbers and their range by the target's unit, numerators over denominators, rate
 * targets without both parts, and duplicate keys; keeps the first `maxFindings`. (It does not
 * compare with earlier submissions: no `cumulative_decrease`.) Throws where a range ends inside a
 * quoted field.
 */
export async function aggregateRanges({
  path,
  bounds,
  claim = counter(),
  head,
  reportHeader = true,
  catalog,
  now,
  maxFindings
}: {
  path: string;
  bounds: readonly number[];
  claim?: () => number;
  head?: Head;
  reportHeader?: boolean;
  catalog: Catalog;
  now: Date;
  maxFindings: number;
}): Promise<RangeAggregate> {
  const file = basename(path);
  const targets = catalog.targets;
  const targetIndex = new Map(targets.map((t, i) => [t, i]));
  const {laneOf, ratio, lanes} = cellLanes(targets);
  // Each target's range from its unit (rules.ts), unboxed for the row loop.
  const limits = targets.map(targetLimits);
  const minOf = Float64Array.from(limits, (l) => l.min);
  const maxOf = Float64Array.from(limits, (l) => l.max);
  const thisMonth = monthIndex(monthAt(now));
  const span = catalog.span;
  const unitIndex = new Map(catalog.units.map((u, i) => [u, i]));
  const out: RangeAggregate = {
    rows: 0,
    records: [],
    findings: [],
    findingRanges: [],
    counts: {},
    schoolUnits: [],
    schoolIds: [],
    months: [],
    cells: [],
    periodFlags: []
  };
  /** The range being read (the header's findings: range 0). */
  let range = 0;
  const report = (code: FindingCode, row: number, column: string, message: string) => {
    out.counts[code] = (out.counts[code] ?? 0) + 1;
    if (out.findings.length < maxFindings) {
      out.findings.push(finding(code, file, row, column, message));
      out.findingRanges.push(range);
    }
  };

  // The header first (as the reference path reads it), so that only the columns read are delimited.
  const {cells: header, row: headerRow, problem} = head ?? (await readHeader(path));
  if (problem) {
    if (reportHeader) report("bad_csv", 0, "", problem);
    return out;
  }
  let missing = false;
  const addHeader = (code: FindingCode, row: number, column: string, message: string) => {
    missing ||= code === "missing_column";
    if (reportHeader) report(code, row, column, message);
  };
  const columns = headerColumns(header, {file, catalog, headerRow, add: addHeader});
  if (!columns) return out;
  if (columns.form === "wide")
    addHeader("missing_column", headerRow, "", "大文件须为长表(每行一个指标):缺少“指标编号”列");
  if (missing) return out;
  const c = Object.fromEntries(COLUMNS.map((name) => [name, columns.named.get(name) ?? -1])) as Record<Column, number>;
  const {nameUnit, namePeriod} = columns;
  // The target by its id, else by its name; the unit and month from the file name where there is no column.
  const [cu, cp, ct, ci, cs, cv, cn, cd, cb] = [
    c.unit,
    c.period,
    c.target_id >= 0 ? c.target_id : c.indicator,
    c.indicator,
    c.school_id,
    c.value,
    c.numerator,
    c.denominator,
    c.basis
  ];
  // A row with both an id and a name column is known by both (target_mismatch); else by the one.
  const both = ci >= 0 && ci !== ct;
  const width = header.length;
  const required = Math.max(cu, cp, c.target_id, c.indicator);

  const schoolByBytes = new ByteTable();
  const targetByBytes = new ByteTable();
  const slotByBytes = new ByteTable();
  const basisByBytes = new ByteTable();
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
      const u = cu < 0 ? nameUnit : catalog.unit(text(r, cu));
      if (!u) return -1;
      unit = unitIndex.get(u)!;
      unitByBytes.set(b, us, ue, unit);
    }
    const id = text(r, cs); // as the reference path reads it: decoded, unescaped, trimmed
    const key = `${unit}|${id}`;
    let school = schoolByUnit.get(key);
    if (school === undefined) {
      school = out.schoolUnits.push(unit) - 1;
      out.schoolIds.push(id);
      schoolByUnit.set(key, school);
      if (school % BLOCK === 0) {
        for (const blocks of out.cells) blocks.push(newBlock());
        for (const flags of out.periodFlags) flags.push(null);
      }
    }
    schoolByBytes.set(b, us, ue, school, ss, se);
    return school;
  };

  /** The column a row's target was read from: its name's where the id is blank, as the reference path reads it. */
  const targetColumn = (r: CsvRecord) => header[both && text(r, ct) === "" && text(r, ci) !== "" ? ci : ct]!;

  // Where both are columns: each target's name bytes last found to agree with its id, in a slot of
  // NAME_BYTES per target (length -1: none yet, or too long to keep), compared byte for byte per row.
  const agreedBytes = new Uint8Array(both ? targets.length * NAME_BYTES : 0);
  const agreedLength = new Int32Array(targets.length).fill(-1);

  /**
   * The target of a row whose target bytes are new, or -1 (reported): by its id, else by its name;
   * where both are columns, they must agree. Remembered by the bytes it was found by: the id's, or
   * the name's where the name is the only column (where both are, a name under a blank id is not
   * remembered: the blank id is no key).
   */
  const newTarget = (r: CsvRecord, ts: number, te: number, remember = true): number => {
    const found = lookUpTarget(catalog, ct === ci ? "" : text(r, ct), ci >= 0 ? text(r, ci) : "");
    if (found.code) {
      report(found.code, r.index, targetColumn(r), found.message);
      return -1;
    }
    const target = targetIndex.get(found.target)!;
    if (remember && (!found.byName || ct === ci)) targetByBytes.set(r.buffer, ts, te, target);
    if (both && ci < r.count && r.ends[ci]! - r.starts[ci]! <= NAME_BYTES) {
      agreedBytes.set(r.buffer.subarray(r.starts[ci]!, r.ends[ci]!), target * NAME_BYTES);
      agreedLength[target] = r.ends[ci]! - r.starts[ci]!;
    }
    return target;
  };

  /** The month slot of a row whose period bytes are new, or -1 (reported). */
  const newSlot = (r: CsvRecord, ps: number, pe: number): number => {
    const p = cp < 0 ? namePeriod : parsePeriod(text(r, cp));
    if (!p) {
      report("bad_period", r.index, header[cp] ?? "period", RULES.bad_period({text: text(r, cp)}));
      return -1;
    }
    const month = monthIndex(p);
    const problem = checkPeriod(month, thisMonth, span);
    if (problem) {
      report(problem, r.index, header[cp] ?? "period", periodMessage(problem, month, thisMonth, span));
      return -1;
    }
    let slot = monthSlot.get(month);
    if (slot === undefined) {
      slot = out.months.push(month) - 1;
      monthSlot.set(month, slot);
      out.cells.push(Array.from({length: Math.ceil(out.schoolUnits.length / BLOCK)}, newBlock));
      out.periodFlags.push(Array.from({length: Math.ceil(out.schoolUnits.length / BLOCK)}, () => null));
    }
    slotByBytes.set(r.buffer, ps, pe, slot);
    return slot;
  };

  // A row's value, numerator and denominator, unboxed; NaN where the field is empty or marked missing.
  const numbers = new Float64Array(3);
  /** Whether numbers[k] was written with `%` (read as text; the byte path takes plain decimals only). */
  const percents = new Uint8Array(3);
  /** Reads number field `i` of a row into numbers[k]; false when it is not a number. */
  const numberAt = (r: CsvRecord, i: number, k: number): boolean => {
    numbers[k] = NaN;
    percents[k] = 0;
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
    let d = b[j]! - 0x30;
    while (j < e && d >= 0 && d <= 9) {
      v = v * 10 + d;
      d = b[++j]! - 0x30;
    }
    let digits = j - from;
    if (j < e && b[j] === 0x2e) {
      const point = ++j;
      let fraction = 0;
      d = b[j]! - 0x30;
      while (j < e && d >= 0 && d <= 9) {
        fraction = fraction * 10 + d;
        d = b[++j]! - 0x30;
      }
      v += fraction / 10 ** (j - point);
      digits += j - point;
    }
    if (j === e && digits > 0 && digits <= 15) {
      numbers[k] = negative ? -v : v;
      return true;
    }
    const parsed = parseCellNumber(fieldText(r, i));
    if (parsed.kind === "number") {
      numbers[k] = parsed.value;
      percents[k] = parsed.percent ? 1 : 0;
    }
    return parsed.kind !== "bad";
  };

  /**
   * The basis of a row whose basis bytes are new: 0 so far (累计, the default), 1 for the month alone (当期), -1
   * (reported).
   */
  const newBasis = (r: CsvRecord, bs: number, be: number): number => {
    const basis = parseBasis(text(r, cb));
    if (!basis) {
      report("bad_basis", r.index, header[cb]!, RULES.bad_basis({text: text(r, cb)}));
      return -1;
    }
    const value = basis === "period" ? 1 : 0;
    basisByBytes.set(r.buffer, bs, be, value);
    return value;
  };

  /** Reports a row's problem (out of the hot path: messages are made only here, by rules.ts). */
  const fail = (code: "ragged_row" | "unknown_unit" | "duplicate_key", r: CsvRecord): void => {
    // A row of blank cells (`,,,`) is no row, as the reference path reads it: not counted, not reported.
    if (
      code !== "duplicate_key" &&
      !r.extra &&
      Array.from({length: r.count}, (_, i) => text(r, i)).every((t) => t === "")
    )
      return void rows--;
    const message =
      code === "ragged_row"
        ? RULES.ragged_row({used: usedFields(r, text), width})
        : code === "unknown_unit"
          ? RULES.unknown_unit({text: text(r, cu)})
          : RULES.duplicate_key({school: text(r, cs) !== ""});
    report(code, r.index, code === "unknown_unit" ? (header[cu] ?? "unit") : "", message);
  };
  /** Reports the problems of a row's numbers ({@link checkNumbers}'s bits) for target `t`. */
  const failNumbers = (problems: number, r: CsvRecord, t: number): void => {
    const fields = {
      target: targets[t]!,
      targetColumn: targetColumn(r),
      texts: [text(r, cv), text(r, cn), text(r, cd)] as const,
      columns: [header[cv] ?? "value", header[cn] ?? "numerator", header[cd] ?? "denominator"] as const,
      numerator: numbers[1]!,
      denominator: numbers[2]!
    };
    reportNumbers(problems, fields, (code, column, message) => report(code, r.index, column, message));
  };

  // The row before's school, month and basis, by where their bytes were: rows of a school mostly come
  // together, its unit written the same way or not (a name in one row, a code in the next: the same
  // school where the unit's bytes are known as the same unit). (The first rows are looked up in full whatever the row before was, so that V8 has seen
  // each lookup before it optimizes this function: one it had not seen would throw the optimized code
  // away at the first new school.)
  const prev = {
    buffer: null as Uint8Array | null,
    school: -1,
    unit: -1,
    us: 0,
    ue: 0,
    ss: 0,
    se: 0,
    periodBuffer: null as Uint8Array | null,
    slot: -1,
    ps: 0,
    pe: 0,
    basisBuffer: null as Uint8Array | null,
    basis: 0,
    bs: 0,
    be: 0
  };
  let skipHeader = false;
  let rows = 0;
  const onRow = (r: CsvRecord): void => {
    if (skipHeader) return void (skipHeader = false);
    const fresh = rows++ < 64;
    const b = r.buffer;
    const n = r.count;
    if (r.extra || n <= required) return fail("ragged_row", r);
    const starts = r.starts;
    const ends = r.ends;
    const us = cu >= 0 && cu < n ? starts[cu]! : 0;
    const ue = cu >= 0 && cu < n ? ends[cu]! : 0;
    const ss = cs >= 0 && cs < n ? starts[cs]! : 0;
    const se = cs >= 0 && cs < n ? ends[cs]! : 0;
    let school = prev.school;
    if (
      fresh ||
      b !== prev.buffer ||
      !sameBytes(b, ss, se, prev.ss, prev.se) ||
      (!sameBytes(b, us, ue, prev.us, prev.ue) && (cu < 0 || unitByBytes.getOne(b, us, ue) !== prev.unit))
    ) {
      school = schoolByBytes.get(b, us, ue, ss, se);
      if (school < 0 && (school = newSchool(r, us, ue, ss, se)) < 0) return fail("unknown_unit", r);
      prev.buffer = b;
      prev.school = school;
      prev.unit = out.schoolUnits[school]!;
      prev.us = us;
      prev.ue = ue;
      prev.ss = ss;
      prev.se = se;
    }
    const ts = ct < n ? starts[ct]! : 0;
    const te = ct < n ? ends[ct]! : 0;
    let target = targetByBytes.getOne(b, ts, te);
    if (target < 0 && (target = newTarget(r, ts, te)) < 0) return;
    if (both && ci < n && ends[ci]! > starts[ci]!) {
      // A name given must agree with the id: the same bytes as the last name that did, else checked in full.
      const ns = starts[ci]!;
      const len = ends[ci]! - ns;
      let same = agreedLength[target] === len;
      for (let i = 0, o = target * NAME_BYTES; same && i < len; i++, o++) same = b[ns + i] === agreedBytes[o];
      if (!same && newTarget(r, 0, 0, false) !== target) return;
    }
    const ps = cp >= 0 && cp < n ? starts[cp]! : 0;
    const pe = cp >= 0 && cp < n ? ends[cp]! : 0;
    let slot = prev.slot;
    if (fresh || b !== prev.periodBuffer || !sameBytes(b, ps, pe, prev.ps, prev.pe)) {
      slot = slotByBytes.get(b, ps, pe);
      if (slot < 0 && (slot = newSlot(r, ps, pe)) < 0) return;
      prev.periodBuffer = b;
      prev.slot = slot;
      prev.ps = ps;
      prev.pe = pe;
    }
    let basis = 0;
    if (cb >= 0 && cb < n) {
      const bs = starts[cb]!;
      const be = ends[cb]!;
      basis = prev.basis;
      if (fresh || b !== prev.basisBuffer || !sameBytes(b, bs, be, prev.bs, prev.be)) {
        basis = basisByBytes.get(b, bs, be);
        if (basis < 0 && (basis = newBasis(r, bs, be)) < 0) return;
        prev.basisBuffer = b;
        prev.basis = basis;
        prev.bs = bs;
        prev.be = be;
      }
    }
    const bad =
      (numberAt(r, cv, 0) ? 0 : BAD_VALUE) |
      (numberAt(r, cn, 1) ? 0 : BAD_NUMERATOR) |
      (numberAt(r, cd, 2) ? 0 : BAD_DENOMINATOR) |
      (percents[0]! | percents[1]! | percents[2]!
        ? percentBits(limits[target]!, percents[0] === 1, percents[1] === 1, percents[2] === 1)
        : 0);
    const value = numbers[0]!;
    const num = numbers[1]!;
    const den = numbers[2]!;
    const isRatio = ratio[target] === 1;
    const problems = checkNumbers(minOf[target]!, maxOf[target]!, isRatio, value, num, den, bad);
    if (problems) return failNumbers(problems, r, target);
    if (isRatio ? num !== num || den !== den : value !== value) return; // nothing reported for this target
    const block = (school / BLOCK) | 0;
    const cells = out.cells[slot]![block]!;
    const key = (school % BLOCK) * lanes + laneOf[target]!;
    if (cells[key] === cells[key]) return fail("duplicate_key", r);
    if (isRatio) {
      cells[key] = num;
      cells[key + 1] = den;
    } else cells[key] = value;
    if (basis === 1) (out.periodFlags[slot]![block] ??= new Uint8Array(BLOCK * lanes))[key] = 1;
  };

  // Every column of the header, so that a row wider than it is seen (an unquoted comma moves its values).
  const scan = csvScanner(onRow, {fields: width});
  const reader = await openChunks(path);
  try {
    for (let k = claim(); k < bounds.length - 1; k = claim()) {
      range = k;
      skipHeader = bounds[k] === 0;
      out.records.push([k, await scan(reader.range(bounds[k], bounds[k + 1]))]);
    }
  } finally {
    await reader.close();
  }
  out.rows = rows;
  return out;
}

/**
 * How many fields a record has up to its last that is not blank, as the reference path counts them:
 * the fields delimited, then (a record wider than the scanner was asked to delimit) the rest of its
 * bytes, read here. For a ragged row's message only.
 */
function usedFields(r: CsvRecord, text: (r: CsvRecord, i: number) => string): number {
  let used = 0;
  for (let i = 0; i < r.count; i++) if (text(r, i) !== "") used = i + 1;
  if (!r.extra || r.count === 0) return used;
  const b = r.buffer;
  let at = r.ends[r.count - 1]!;
  if (b[at] === 0x22) at++; // the closing quote of a quoted last field
  for (let field = r.count; at < b.length && b[at] === 0x2c; field++) {
    let filled = false;
    at++;
    if (b[at] === 0x22) {
      for (at++; at < b.length && !(b[at] === 0x22 && b[at + 1] !== 0x22); at += b[at] === 0x22 ? 2 : 1)
        filled ||= b[at] !== 0x20 && b[at] !== 0x09;
      at++;
    }
    for (; at < b.length && b[at] !== 0x2c && b[at] !== 0x0a && b[at] !== 0x0d; at++)
      filled ||= b[at] !== 0x20 && b[at] !== 0x09;
    if (filled) used = field + 1;
  }
  return used;
}

/** Claims 0, 1, 2 … in turn. */
function counter(): () => number {
  let next = 0;
  return () => next++;
}

/**
 * The header record of a file (its first record that is not blank), BOM and spaces trimmed, its
 * row number, and whether the file is what this path reads: UTF-8 and comma-separated (`problem`
 * says why not). Read with csv-parse from the first 64 KiB, so the scanner's hot loop only ever
 * sees data rows.
 */
export async function readHeader(path: string): Promise<{cells: string[]; row: number; problem: string | null}> {
  const handle = await open(path, "r");
  let head: Buffer;
  try {
    const {buffer, bytesRead} = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  // Whole lines only: a cut inside a character would look like another encoding.
  const lines =
    head.length === 64 * 1024 && head.lastIndexOf(0x0a) > 0 ? head.subarray(0, head.lastIndexOf(0x0a) + 1) : head;
  let decoded: {text: string; encoding: string};
  try {
    decoded = decodeText(lines);
  } catch (error) {
    return {cells: [], row: 1, problem: `不是文本文件(${(error as Error).message})`};
  }
  const text = decoded.text.replace(/^\uFEFF/, "");
  const row = 1 + (/^(?:[ \t]*(?:\r\n|\n|\r))*/.exec(text)![0].match(/\r\n|\n|\r/g)?.length ?? 0);
  const problem = !decoded.encoding.startsWith("utf-8")
    ? `大文件须为 UTF-8 编码(本文件为 ${decoded.encoding}),请另存为 CSV(UTF-8)`
    : detectDelimiter(text) !== ","
      ? "大文件须以逗号分隔"
      : null;
  try {
    // csv-parse stops after the first record: the 64 KiB cut may end inside a later quoted field.
    const records = parse(text, {to: 1, relax_column_count: true, skip_empty_lines: true}) as string[][];
    return {cells: (records[0] ?? []).map((h) => h.trim()), row, problem};
  } catch {
    return {cells: [], row, problem}; // no header to read
  }
}

/** Whether bytes `s1`…`e1` and `s2`…`e2` of `buf` are the same. */
function sameBytes(buf: Uint8Array, s1: number, e1: number, s2: number, e2: number): boolean {
  if (e1 - s1 !== e2 - s2) return false;
  for (let i = s1, j = s2; i < e1; i++, j++) if (buf[i] !== buf[j]) return false;
  return true;
}
