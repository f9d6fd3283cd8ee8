import {createReadStream, rmSync} from "node:fs";
import {mkdtemp, stat} from "node:fs/promises";
import {availableParallelism, tmpdir} from "node:os";
import {basename, join} from "node:path";
import {fileURLToPath} from "node:url";
import {Worker} from "node:worker_threads";
import {ByteTable} from "./byteTable.js";
import type {Catalog, TargetRef} from "./catalog.js";
import {parseCellNumber, parsePeriod} from "./cells.js";
import {type Finding, type FindingCode, finding} from "./findings.js";
import type {Observation} from "./observations.js";
import {type CsvRecord, fieldText, scanCsv} from "./scanCsv.js";

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
type Columns = Record<(typeof COLUMNS)[number], number>;

/** One byte range's aggregate: per school × target, values by month (NaN: none), and its findings. */
export interface RangeAggregate {
  header: string[];
  columns: Columns | null;
  rows: number;
  /** Records seen in the range, blank lines and the header included (to number the next range's rows). */
  records: number;
  findings: Finding[];
  counts: Partial<Record<FindingCode, number>>;
  schoolUnits: number[];
  /** Each school's id bytes (latin1), in school order. */
  schoolIds: string[];
  months: number[];
  values: Float32Array[];
  nums: Float32Array[];
  dens: Float32Array[];
}

/**
 * Reads a long-form UTF-8 submission of any size as a stream ({@link scanCsv}), validating and
 * aggregating as rows pass: it never holds the file as one string or a row as an object. Each
 * unit × target × school keeps its values by month in typed arrays; each unit's monthly total is
 * the sum of its schools' latest values (ratios: Σ numerators, Σ denominators), handed on as a few
 * thousand observation rows. With `workers` > 1, a file of `minParallelBytes` or more is split
 * at record boundaries (outside quotes) and read by one worker thread per part. Checks units,
 * targets, months, numbers, negative counts, numerators over denominators, rate targets without
 * both parts, and duplicate keys. Options: `catalog`; `workers` (default 1); `minParallelBytes`
 * (default 64 MB); `maxFindings` (default 1000) kept in full, the rest counted; `sha256`.
 */
export async function streamSubmission(
  path: string,
  {catalog, workers = 1, minParallelBytes = 64 << 20, maxFindings = 1000, sha256 = ""}: {catalog: Catalog; workers?: number; minParallelBytes?: number; maxFindings?: number; sha256?: string}
): Promise<StreamedSubmission> {
  const {size} = await stat(path);
  const parts = workers > 1 && size >= minParallelBytes ? await splitPoints(path, size, Math.min(workers, availableParallelism())) : [0];
  let aggregates: RangeAggregate[];
  if (parts.length === 1) {
    aggregates = [await aggregateRange({path, start: 0, end: size, catalog, maxFindings})];
  } else {
    const header = await readHeader(path);
    const script = await workerScript();
    const catalogData = {units: catalog.units, targets: catalog.targets.map(({id, indicator, unit, kind, aggregation}) => ({id, indicator, unit, kind, aggregation})), aliases: [...catalog.aliases]};
    aggregates = await Promise.all(
      parts.map((start, k) => runWorker(script, {path, start, end: k + 1 < parts.length ? parts[k + 1]! : size, header: k === 0 ? null : header, catalog: catalogData, maxFindings}))
    );
  }
  return finish(aggregates, {catalog, file: basename(path), sha256, maxFindings});
}

/** Aggregates the records of bytes `start`…`end`; `header` is given when the range starts past it. */
export async function aggregateRange({path, start, end, header: given = null, catalog, maxFindings}: {path: string; start: number; end: number; header?: string[] | null; catalog: Catalog; maxFindings: number}): Promise<RangeAggregate> {
  const file = basename(path);
  const targets = catalog.targets;
  const T = targets.length;
  const targetIndex = new Map(targets.map((t, i) => [t, i]));
  const ratio = Uint8Array.from(targets, (t) => (t.aggregation === "ratio" ? 1 : 0));
  const count = Uint8Array.from(targets, (t) => (t.kind === "count" ? 1 : 0));
  const unitIndex = new Map(catalog.units.map((u, i) => [u, i]));
  const out: RangeAggregate = {header: [], columns: null, rows: 0, records: 0, findings: [], counts: {}, schoolUnits: [], schoolIds: [], months: [], values: [], nums: [], dens: []};
  const report = (code: FindingCode, row: number, column: string, message: string) => {
    out.counts[code] = (out.counts[code] ?? 0) + 1;
    if (out.findings.length < maxFindings) out.findings.push(finding(code, file, row, column, message));
  };
  const mapHeader = (h: string[]) => {
    out.header = h;
    const at = (c: string) => h.findIndex((x) => catalog.column(x) === c);
    out.columns = Object.fromEntries(COLUMNS.map((c) => [c, at(c)])) as Columns;
    for (const c of ["unit", "period", "target_id", "value"] as const) if (out.columns[c] < 0 && !(c === "value" && out.columns.numerator >= 0)) report("missing_column", 1, "", `缺少“${c}”列`);
  };
  if (given) mapHeader(given);
  // Lookups straight from the field's bytes: no string per row.
  const unitByBytes = new ByteTable();
  const targetByBytes = new ByteTable();
  const schoolByBytes = new ByteTable();
  const periodByBytes = new ByteTable();
  const monthSlot = new Map<number, number>();
  let capacity = 1 << 14;
  // Float32 keeps a school's counts exact up to 16,777,216 and halves the memory at 5M rows.
  const ensure = (key: number) => {
    if (key < capacity) return;
    while (key >= capacity) capacity *= 2;
    const grow = (a: Float32Array) => {
      const b = new Float32Array(capacity).fill(NaN);
      b.set(a);
      return b;
    };
    out.values = out.values.map(grow);
    out.nums = out.nums.map(grow);
    out.dens = out.dens.map(grow);
  };
  const slotOf = (month: number) => {
    let s = monthSlot.get(month);
    if (s === undefined) {
      s = out.months.push(month) - 1;
      monthSlot.set(month, s);
      for (const list of [out.values, out.nums, out.dens]) list.push(new Float32Array(capacity).fill(NaN));
    }
    return s;
  };
  const text = (r: CsvRecord, i: number) => (i < 0 || i >= r.count ? "" : fieldText(r, i).trim());
  const from = (r: CsvRecord, i: number) => (i < 0 || i >= r.count ? 0 : r.starts[i]!);
  const to = (r: CsvRecord, i: number) => (i < 0 || i >= r.count ? 0 : r.ends[i]!);
  const number = (r: CsvRecord, i: number): number | null | undefined => {
    if (i < 0 || i >= r.count) return null;
    const s = r.starts[i]!;
    const e = r.ends[i]!;
    if (s === e) return null;
    // Plain ASCII decimals, the common case, without making a string.
    const b = r.buffer;
    let v = 0;
    let j = s;
    let neg = false;
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

  const stream = createReadStream(path, {start, end: end - 1, highWaterMark: 1 << 20});
  out.records = await scanCsv(stream as AsyncIterable<Buffer>, (r) => {
    if (!out.columns) return void mapHeader(Array.from({length: r.count}, (_, i) => fieldText(r, i).trim().replace(/^\uFEFF/, "")));
    if (out.counts.missing_column) return;
    out.rows++;
    const row = r.index;
    const c = out.columns;
    const h = out.header;
    const b = r.buffer;
    let unit = unitByBytes.get(b, from(r, c.unit), to(r, c.unit));
    if (unit < 0) {
      const u = catalog.unit(text(r, c.unit));
      if (!u) return void report("unknown_unit", row, h[c.unit]!, `未知单位“${text(r, c.unit)}”`);
      unit = unitIndex.get(u)!;
      unitByBytes.set(b, from(r, c.unit), to(r, c.unit), unit);
    }
    let target = targetByBytes.get(b, from(r, c.target_id), to(r, c.target_id));
    if (target < 0) {
      const t = catalog.target(text(r, c.target_id)) as TargetRef | undefined;
      if (!t) {
        const s = catalog.suggestTarget(text(r, c.target_id));
        return void report("unknown_target", row, h[c.target_id]!, `未知指标“${text(r, c.target_id)}”${s ? `,是否为“${s}”?` : ""}`);
      }
      target = targetIndex.get(t)!;
      targetByBytes.set(b, from(r, c.target_id), to(r, c.target_id), target);
    }
    let month = periodByBytes.get(b, from(r, c.period), to(r, c.period));
    if (month < 0) {
      const p = parsePeriod(text(r, c.period));
      if (!p) return void report("bad_period", row, h[c.period]!, `无法识别的月份“${text(r, c.period)}”`);
      month = Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1;
      periodByBytes.set(b, from(r, c.period), to(r, c.period), month);
    }
    let school = schoolByBytes.get(b, from(r, c.school_id), to(r, c.school_id), unit);
    if (school < 0) {
      school = out.schoolUnits.push(unit) - 1;
      out.schoolIds.push(b.toString("latin1", from(r, c.school_id), to(r, c.school_id)));
      schoolByBytes.set(b, from(r, c.school_id), to(r, c.school_id), school, unit);
    }
    const value = number(r, c.value);
    const num = number(r, c.numerator);
    const den = number(r, c.denominator);
    if (value === undefined || num === undefined || den === undefined) return void report("non_numeric", row, h[c.value] ?? "value", "不是数字");
    if (count[target] && value !== null && value < 0) return void report("negative_count", row, h[c.value]!, `不能为负数:${value}`);
    if (ratio[target]) {
      if (num === null || den === null) return void ((value !== null || num !== null || den !== null) && report("ratio_without_parts", row, h[c.target_id]!, "比率指标须同时填写分子和分母"));
      if (num > den) return void report("numerator_over_denominator", row, h[c.numerator]!, `分子 ${num} 大于分母 ${den}`);
    } else if (value === null) return;
    const key = school * T + target;
    ensure(key);
    const slot = slotOf(month);
    if (!Number.isNaN(out.values[slot]![key]!) || !Number.isNaN(out.nums[slot]![key]!)) return void report("duplicate_key", row, "", "同一单位、月份、指标、学校重复");
    out.values[slot]![key] = ratio[target] ? (den! > 0 ? (100 * num!) / den! : NaN) : value!;
    if (ratio[target]) (out.nums[slot]![key] = num!), (out.dens[slot]![key] = den!);
  });
  const used = out.schoolUnits.length * T;
  for (const list of [out.values, out.nums, out.dens]) list.forEach((a, i) => (list[i] = a.slice(0, used)));
  return out;
}

/** Merges the ranges' aggregates (numbering rows across ranges) and sums each unit's schools by month. */
function finish(parts: RangeAggregate[], {catalog, file, sha256, maxFindings}: {catalog: Catalog; file: string; sha256: string; maxFindings: number}): StreamedSubmission {
  const T = catalog.targets.length;
  const U = catalog.units.length;
  const findings: Finding[] = [];
  const counts: Partial<Record<FindingCode, number>> = {};
  const report = (f: Finding) => {
    counts[f.code] = (counts[f.code] ?? 0) + 1;
    if (findings.length < maxFindings) findings.push(f);
  };
  let offset = 0;
  let rows = 0;
  for (const part of parts) {
    for (const f of part.findings) findings.length < maxFindings && findings.push({...f, row: f.row ? f.row + offset : 0});
    for (const [code, n] of Object.entries(part.counts)) counts[code as FindingCode] = (counts[code as FindingCode] ?? 0) + (n ?? 0);
    offset += part.records;
    rows += part.rows;
  }
  // Global schools and months.
  const schools = new Map<string, number>();
  const schoolUnit: number[] = [];
  const maps = parts.map((p) =>
    p.schoolIds.map((id, s) => {
      const key = `${p.schoolUnits[s]}|${id}`;
      let g = schools.get(key);
      if (g === undefined) schools.set(key, (g = schoolUnit.push(p.schoolUnits[s]!) - 1));
      return g;
    })
  );
  const months = [...new Set(parts.flatMap((p) => p.months))].sort((a, b) => a - b);
  const M = months.length;
  const S = schoolUnit.length;
  const values = Array.from({length: M}, () => new Float32Array(S * T).fill(NaN));
  const nums = Array.from({length: M}, () => new Float32Array(S * T).fill(NaN));
  const dens = Array.from({length: M}, () => new Float32Array(S * T).fill(NaN));
  parts.forEach((p, k) => {
    const map = maps[k]!;
    p.months.forEach((m, slot) => {
      const g = months.indexOf(m);
      const [pv, pn, pd] = [p.values[slot]!, p.nums[slot]!, p.dens[slot]!];
      for (let s = 0; s < map.length; s++) {
        for (let t = 0; t < T; t++) {
          const i = s * T + t;
          if (Number.isNaN(pv[i]!) && Number.isNaN(pn[i]!)) continue;
          const j = map[s]! * T + t;
          if (!Number.isNaN(values[g]![j]!) || !Number.isNaN(nums[g]![j]!)) {
            report(finding("duplicate_key", file, 0, "", "同一单位、月份、指标、学校重复(跨文件段)"));
            continue;
          }
          values[g]![j] = pv[i]!;
          nums[g]![j] = pn[i]!;
          dens[g]![j] = pd[i]!;
        }
      }
    });
  });
  // Each unit's monthly totals: carry each school's latest value forward month by month.
  const total = new Float64Array(U * T * M);
  const totalNum = new Float64Array(U * T * M);
  const totalDen = new Float64Array(U * T * M);
  const seen = new Uint8Array(U * T * M);
  for (let s = 0; s < S; s++) {
    const u = schoolUnit[s]!;
    for (let t = 0; t < T; t++) {
      const key = s * T + t;
      let carry = NaN;
      let carryNum = NaN;
      let carryDen = NaN;
      for (let k = 0; k < M; k++) {
        const v = values[k]![key]!;
        if (!Number.isNaN(v) || !Number.isNaN(nums[k]![key]!)) (carry = v), (carryNum = nums[k]![key]!), (carryDen = dens[k]![key]!);
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
      const isRatio = catalog.targets[t]!.aggregation === "ratio";
      for (let k = 0; k < M; k++) {
        const at = (u * T + t) * M + k;
        if (!seen[at]) continue;
        const m = months[k]!;
        observations.push({
          unit_code: catalog.units[u]!.code, period: `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`, target_id: catalog.targets[t]!.id,
          school_id: "", basis: "cumulative", note: "", row: 0, file_sha256: sha256, file, ingested_at: "", superseded_by: null,
          value: isRatio ? (totalDen[at]! > 0 ? (100 * totalNum[at]!) / totalDen[at]! : null) : total[at]!,
          numerator: isRatio ? totalNum[at]! : null,
          denominator: isRatio ? totalDen[at]! : null
        });
      }
    }
  }
  return {file, rows, observations, findings, counts};
}

/** The file's header record. */
async function readHeader(path: string): Promise<string[]> {
  let header: string[] = [];
  const stream = createReadStream(path, {start: 0, end: 64 * 1024 - 1});
  await scanCsv(stream as AsyncIterable<Buffer>, (r) => {
    if (!header.length) header = Array.from({length: r.count}, (_, i) => fieldText(r, i).trim().replace(/^\uFEFF/, ""));
  }).catch(() => {}); // the 64 KiB cut may end inside a later field
  return header;
}

/**
 * Where to split a file into `parts` ranges that each start a record: near each equal share, at the
 * first line end outside quotes (the quote count from the start of the file tells inside from out).
 */
async function splitPoints(path: string, size: number, parts: number): Promise<number[]> {
  const wanted = Array.from({length: parts - 1}, (_, k) => Math.floor((size * (k + 1)) / parts));
  const points = [0];
  let inQuotes = false;
  let offset = 0;
  for await (const chunk of createReadStream(path, {highWaterMark: 1 << 20}) as AsyncIterable<Buffer>) {
    let i = 0;
    while (i < chunk.length && points.length <= wanted.length) {
      const next = wanted[points.length - 1]!;
      if (offset + chunk.length <= next) {
        // Only the quote parity matters before the split point.
        for (let q = chunk.indexOf(0x22, i); q >= 0; q = chunk.indexOf(0x22, q + 1)) inQuotes = !inQuotes;
        i = chunk.length;
        break;
      }
      const c = chunk[i]!;
      if (c === 0x22) inQuotes = !inQuotes;
      else if (c === 0x0a && !inQuotes && offset + i >= next) points.push(offset + i + 1);
      i++;
    }
    if (points.length > wanted.length) break;
    offset += chunk.length;
  }
  return points.filter((p, k) => k === 0 || (p > points[k - 1]! && p < size));
}

let bundled: Promise<string> | undefined;

/**
 * The worker's code as one plain JavaScript file, bundled once per process by esbuild, so a worker
 * starts in milliseconds (no TypeScript loader, no plan extraction: the catalog comes as data).
 */
function workerScript(): Promise<string> {
  return (bundled ??= (async () => {
    const esbuild = await import("esbuild");
    const dir = await mkdtemp(join(tmpdir(), "planwatch-worker-"));
    const outfile = join(dir, "streamWorker.mjs");
    await esbuild.build({entryPoints: [fileURLToPath(new URL("./streamWorkerMain.ts", import.meta.url))], bundle: true, platform: "node", format: "esm", target: "node20", outfile, logLevel: "silent"});
    process.once("exit", () => rmSync(dir, {recursive: true, force: true}));
    return outfile;
  })());
}

function runWorker(script: string, data: {path: string; start: number; end: number; header: string[] | null; catalog: unknown; maxFindings: number}): Promise<RangeAggregate> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, {workerData: data});
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`stream worker exited with code ${code}`)));
  });
}
