import {createReadStream} from "node:fs";
import {basename} from "node:path";
import type {Catalog, TargetRef} from "./catalog.js";
import {parseCellNumber, parsePeriod} from "./cells.js";
import {type Finding, type FindingCode, finding} from "./findings.js";
import {ByteTable} from "./byteTable.js";
import {type CsvRecord, fieldText, scanCsv} from "./scanCsv.js";
import type {Observation} from "./observations.js";

/** What streaming a large long-form file gives: unit-level monthly totals and every kind of finding. */
export interface StreamedSubmission {
  file: string;
  rows: number;
  /** Per unit × target × month: the sum over the unit's schools of each school's latest value up to that month. */
  observations: Observation[];
  /** The first `maxFindings` findings, and how many of each code there were in all. */
  findings: Finding[];
  counts: Partial<Record<FindingCode, number>>;
}

const COLUMNS = ["unit", "period", "target_id", "school_id", "value", "numerator", "denominator", "basis"] as const;

/**
 * Reads a long-form UTF-8 submission of any size as a stream ({@link scanCsv}), validating and
 * aggregating as rows pass: it never holds the file as one string or a row as an object. Each
 * unit × target × school keeps its values by month in typed arrays; at the end each unit's monthly
 * total is the sum of its schools' latest values (ratios: Σ numerators and Σ denominators), handed
 * on as a few thousand observation rows. Checks units, targets, months, numbers, negative counts,
 * numerators over denominators, rate targets without both parts, and duplicate keys.
 * Options: `catalog`; `maxFindings` (default 1000) kept in full, the rest counted.
 */
export async function streamSubmission(path: string, {catalog, maxFindings = 1000, sha256 = ""}: {catalog: Catalog; maxFindings?: number; sha256?: string}): Promise<StreamedSubmission> {
  const file = basename(path);
  const findings: Finding[] = [];
  const counts: Partial<Record<FindingCode, number>> = {};
  const report = (code: FindingCode, row: number, column: string, message: string) => {
    counts[code] = (counts[code] ?? 0) + 1;
    if (findings.length < maxFindings) findings.push(finding(code, file, row, column, message));
  };
  const targets = catalog.targets;
  const T = targets.length;
  const targetIndex = new Map(targets.map((t, i) => [t, i]));
  const ratio = Uint8Array.from(targets, (t) => (t.aggregation === "ratio" ? 1 : 0));
  const count = Uint8Array.from(targets, (t) => (t.kind === "count" ? 1 : 0));
  const units = catalog.units;
  const unitIndex = new Map(units.map((u, i) => [u, i]));
  // Lookups straight from the field's bytes: no string per row.
  const unitByBytes = new ByteTable();
  const targetByBytes = new ByteTable();
  const schoolByBytes = new ByteTable();
  const schoolUnit: number[] = [];
  const periodByBytes = new ByteTable();
  type Columns = Record<(typeof COLUMNS)[number], number>;
  let columns: Columns | null = null;
  let header: string[] = [];
  // Storage: key = school × T + target; month slots grow as months appear.
  const months: number[] = []; // month indexes (year*12+month-1), in first-seen order
  const monthSlot = new Map<number, number>();
  let capacity = 1 << 16;
  // Float32 keeps a school's counts exact up to 16,777,216 and halves the memory at 5M rows.
  let values: Float32Array[] = [];
  let nums: Float32Array[] = [];
  let dens: Float32Array[] = [];
  const ensure = (key: number) => {
    if (key < capacity) return;
    while (key >= capacity) capacity *= 2;
    const grow = (a: Float32Array) => {
      const b = new Float32Array(capacity).fill(NaN);
      b.set(a);
      return b;
    };
    values = values.map(grow);
    nums = nums.map(grow);
    dens = dens.map(grow);
  };
  const slotOf = (month: number) => {
    let s = monthSlot.get(month);
    if (s === undefined) {
      s = months.push(month) - 1;
      monthSlot.set(month, s);
      values.push(new Float32Array(capacity).fill(NaN));
      nums.push(new Float32Array(capacity).fill(NaN));
      dens.push(new Float32Array(capacity).fill(NaN));
    }
    return s;
  };
  let rows = 0;
  const text = (r: CsvRecord, i: number) => (i < 0 || i >= r.count ? "" : fieldText(r, i).trim());
  const start = (r: CsvRecord, i: number) => (i < 0 || i >= r.count ? 0 : r.starts[i]!);
  const end = (r: CsvRecord, i: number) => (i < 0 || i >= r.count ? 0 : r.ends[i]!);
  const number = (r: CsvRecord, i: number): number | null | undefined => {
    if (i < 0 || i >= r.count) return null;
    const s = r.starts[i]!;
    const e = r.ends[i]!;
    if (s === e) return null;
    // Plain ASCII decimals, the common case, without making a string.
    let v = 0;
    let j = s;
    let neg = false;
    const b = r.buffer;
    if (b[j] === 0x2d) (neg = true), j++;
    let digits = 0;
    while (j < e && b[j]! >= 0x30 && b[j]! <= 0x39) (v = v * 10 + b[j]! - 0x30), j++, digits++;
    if (j < e && b[j] === 0x2e) {
      j++;
      let scale = 0.1;
      while (j < e && b[j]! >= 0x30 && b[j]! <= 0x39) (v += (b[j]! - 0x30) * scale), (scale /= 10), j++, digits++;
    }
    if (j === e && digits > 0) return neg ? -v : v;
    const parsed = parseCellNumber(fieldText(r, i));
    return parsed.kind === "number" ? parsed.value : parsed.kind === "missing" ? null : undefined;
  };

  const stream = createReadStream(path, {highWaterMark: 1 << 20});
  await scanCsv(stream as AsyncIterable<Buffer>, (r) => {
    if (!columns) {
      header = Array.from({length: r.count}, (_, i) => fieldText(r, i).trim().replace(/^\uFEFF/, ""));
      const at = (c: string) => header.findIndex((h) => catalog.column(h) === c);
      columns = Object.fromEntries(COLUMNS.map((c) => [c, at(c)])) as Columns;
      for (const c of ["unit", "period", "target_id", "value"] as const) if (columns![c] < 0 && !(c === "value" && columns!.numerator >= 0)) report("missing_column", 1, "", `缺少“${c}”列`);
      return;
    }
    if (counts.missing_column) return;
    rows++;
    const row = r.index;
    const c = columns;
    const b = r.buffer;
    let unit = unitByBytes.get(b, start(r, c.unit), end(r, c.unit));
    if (unit < 0) {
      const u = catalog.unit(text(r, c.unit));
      if (!u) return void report("unknown_unit", row, header[c.unit]!, `未知单位“${text(r, c.unit)}”`);
      unit = unitIndex.get(u)!;
      unitByBytes.set(b, start(r, c.unit), end(r, c.unit), unit);
    }
    let target = targetByBytes.get(b, start(r, c.target_id), end(r, c.target_id));
    if (target < 0) {
      const t = catalog.target(text(r, c.target_id)) as TargetRef | undefined;
      if (!t) {
        const s = catalog.suggestTarget(text(r, c.target_id));
        return void report("unknown_target", row, header[c.target_id]!, `未知指标“${text(r, c.target_id)}”${s ? `,是否为“${s}”?` : ""}`);
      }
      target = targetIndex.get(t)!;
      targetByBytes.set(b, start(r, c.target_id), end(r, c.target_id), target);
    }
    let month = periodByBytes.get(b, start(r, c.period), end(r, c.period));
    if (month < 0) {
      const p = parsePeriod(text(r, c.period));
      if (!p) return void report("bad_period", row, header[c.period]!, `无法识别的月份“${text(r, c.period)}”`);
      month = Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
      periodByBytes.set(b, start(r, c.period), end(r, c.period), month);
    }
    let school = schoolByBytes.get(b, start(r, c.school_id), end(r, c.school_id), unit);
    if (school < 0) {
      school = schoolUnit.push(unit) - 1;
      schoolByBytes.set(b, start(r, c.school_id), end(r, c.school_id), school, unit);
    }
    const value = number(r, c.value);
    const num = number(r, c.numerator);
    const den = number(r, c.denominator);
    if (value === undefined || num === undefined || den === undefined) return void report("non_numeric", row, header[c.value] ?? "value", "不是数字");
    if (count[target] && value !== null && value < 0) return void report("negative_count", row, header[c.value]!, `不能为负数:${value}`);
    if (ratio[target]) {
      if (num === null || den === null) return void ((value !== null || num !== null || den !== null) && report("ratio_without_parts", row, header[c.target_id]!, "比率指标须同时填写分子和分母"));
      if (num > den) return void report("numerator_over_denominator", row, header[c.numerator]!, `分子 ${num} 大于分母 ${den}`);
    } else if (value === null) return;
    const key = school * T + target;
    ensure(key);
    const slot = slotOf(month);
    if (!Number.isNaN(values[slot]![key]!) || !Number.isNaN(nums[slot]![key]!)) return void report("duplicate_key", row, "", "同一单位、月份、指标、学校重复");
    values[slot]![key] = ratio[target] ? (den! > 0 ? (100 * num!) / den! : NaN) : value!;
    if (ratio[target]) (nums[slot]![key] = num!), (dens[slot]![key] = den!);
  });

  // Each unit's monthly totals: carry each school's latest value forward month by month.
  const order = months.map((m, slot) => [m, slot] as const).sort((a, b) => a[0] - b[0]);
  const U = units.length;
  const M = order.length;
  const total = new Float64Array(U * T * M);
  const totalNum = new Float64Array(U * T * M);
  const totalDen = new Float64Array(U * T * M);
  const seen = new Uint8Array(U * T * M);
  const schools = schoolUnit.length;
  for (let s = 0; s < schools; s++) {
    const u = schoolUnit[s]!;
    for (let t = 0; t < T; t++) {
      const key = s * T + t;
      if (key >= capacity) break;
      let carry = NaN;
      let carryNum = NaN;
      let carryDen = NaN;
      for (let k = 0; k < M; k++) {
        const slot = order[k]![1];
        const v = values[slot]![key]!;
        if (!Number.isNaN(v) || !Number.isNaN(nums[slot]![key]!)) (carry = v), (carryNum = nums[slot]![key]!), (carryDen = dens[slot]![key]!);
        if (Number.isNaN(carry) && Number.isNaN(carryNum)) continue;
        const at = (u * T + t) * M + k;
        seen[at] = 1;
        if (!Number.isNaN(carry)) total[at] = total[at]! + carry;
        if (!Number.isNaN(carryNum)) (totalNum[at] = totalNum[at]! + carryNum), (totalDen[at] = totalDen[at]! + carryDen);
      }
    }
  }
  const observations: Observation[] = [];
  for (let u = 0; u < U; u++) {
    for (let t = 0; t < T; t++) {
      for (let k = 0; k < M; k++) {
        const at = (u * T + t) * M + k;
        if (!seen[at]) continue;
        const m = order[k]![0];
        const period = `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
        const isRatio = ratio[t] === 1;
        observations.push({
          unit_code: units[u]!.code, period, target_id: targets[t]!.id, school_id: "", basis: "cumulative", note: "", row: 0,
          value: isRatio ? (totalDen[at]! > 0 ? (100 * totalNum[at]!) / totalDen[at]! : null) : total[at]!,
          numerator: isRatio ? totalNum[at]! : null, denominator: isRatio ? totalDen[at]! : null,
          file_sha256: sha256, file, ingested_at: "", superseded_by: null
        });
      }
    }
  }
  return {file, rows, observations, findings, counts};
}
