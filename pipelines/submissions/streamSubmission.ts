import {open, stat} from "node:fs/promises";
import {availableParallelism} from "node:os";
import {basename} from "node:path";
import {fileURLToPath} from "node:url";
import {Worker} from "node:worker_threads";
import {BLOCK, type Head, type RangeAggregate, aggregateRange, cellLanes, readHeader} from "./aggregateRange.js";
import {bundledScript} from "../run/bundledScript.js";
import type {Catalog} from "./catalog.js";
import {type Finding, type FindingCode, finding} from "./findings.js";
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

/**
 * Reads a long-form UTF-8 submission of any size as a stream ({@link aggregateRange}), validating
 * and aggregating as rows pass: it never holds the file as one string or a row as an object. Each
 * school keeps its values by month and target in typed arrays; each unit's monthly total is the
 * sum of its schools' latest values (ratios: Σ numerators, Σ denominators), handed on as a few
 * thousand observation rows.
 *
 * A file of `minParallelBytes` or more is read by `workers` threads (default: two, where the
 * machine has them): this one reads the first part, with a `headStart` of bytes more than the
 * others for the time a worker takes to start, and a worker each of the rest (a worker then waits
 * for the next file). Parts are cut at a line end between two lines without quotes after each
 * share; a cut is only trusted once the part before it has been read to its end with every quote
 * closed (which proves the cut was not inside a quoted field), else the whole file is read again
 * on this thread. Options: `catalog`; `workers`;
 * `minParallelBytes` (default 32 MB); `headStart` (default 8 MB); `now`, the submission time (no
 * month after its); `maxFindings` (default 1000) kept in full, the rest counted; `sha256`.
 */
export async function streamSubmission(
  path: string,
  {
    catalog,
    workers = Math.min(2, availableParallelism()),
    minParallelBytes = 32 << 20,
    headStart = 8 << 20,
    now = new Date(),
    maxFindings = 1000,
    sha256 = ""
  }: {catalog: Catalog; workers?: number; minParallelBytes?: number; headStart?: number; now?: Date; maxFindings?: number; sha256?: string}
): Promise<StreamedSubmission> {
  const {size} = await stat(path);
  const parallel = workers > 1 && size >= minParallelBytes;
  // The workers start first (they take the longest to be ready), then the cuts and the header are read.
  const script = parallel ? await bundledScript(fileURLToPath(new URL("./streamWorkerMain.ts", import.meta.url))) : "";
  const crew = parallel ? Array.from({length: workers - 1}, () => takeWorker(script)) : [];
  const [found, head] = parallel ? await Promise.all([cutPoints(path, {size, parts: workers, headStart}), readHeader(path)]) : [[], undefined];
  const cuts = head?.problem ? [] : found;
  for (const worker of crew.slice(cuts.length)) release(script, worker); // a file this path does not split
  const whole = () => aggregateRange({path, start: 0, end: size, head, catalog, now, maxFindings});
  let aggregates: RangeAggregate[];
  if (!cuts.length) {
    aggregates = [await whole()];
  } else {
    const catalogData = {units: catalog.units, targets: catalog.targets.map(({id, indicator, unit, kind, aggregation}) => ({id, indicator, unit, kind, aggregation})), aliases: [...catalog.aliases]};
    const bounds = [0, ...cuts, size];
    const running = cuts.map((start, k) => runRange(crew[k]!, script, {path, start, end: bounds[k + 2]!, head: head!, catalog: catalogData, now: now.getTime(), maxFindings}));
    try {
      aggregates = await Promise.all([aggregateRange({path, start: 0, end: cuts[0]!, head, catalog, now, maxFindings}), ...running.map((w) => w.result)]);
    } catch {
      // A cut inside a quoted field, or a part that could not be read: read the file as one.
      await Promise.all(running.map((w) => w.stop()));
      aggregates = [await whole()];
    }
  }
  return finish(aggregates, {catalog, file: basename(path), sha256, maxFindings});
}

/** Merges the ranges' aggregates (numbering rows across ranges) and sums each unit's schools by month. */
function finish(parts: RangeAggregate[], {catalog, file, sha256, maxFindings}: {catalog: Catalog; file: string; sha256: string; maxFindings: number}): StreamedSubmission {
  const T = catalog.targets.length;
  const U = catalog.units.length;
  const {laneOf, ratio, lanes} = cellLanes(catalog.targets);
  const findings: Finding[] = [];
  const counts: Partial<Record<FindingCode, number>> = {};
  let offset = 0;
  let rows = 0;
  for (const part of parts) {
    for (const f of part.findings) findings.length < maxFindings && findings.push({...f, row: f.row ? f.row + offset : 0});
    for (const [code, n] of Object.entries(part.counts)) counts[code as FindingCode] = (counts[code as FindingCode] ?? 0) + (n ?? 0);
    offset += part.records;
    rows += part.rows;
  }
  const duplicate = () => {
    counts.duplicate_key = (counts.duplicate_key ?? 0) + 1;
    if (findings.length < maxFindings) findings.push(finding("duplicate_key", file, 0, "", "同一单位、月份、指标、学校重复(跨文件段)"));
  };
  // The months in order, and where each part keeps each month (-1: it has none).
  const months = [...new Set(parts.flatMap((p) => p.months))].sort((a, b) => a - b);
  const M = months.length;
  const slots = parts.map((p) => months.map((m) => p.months.indexOf(m)));
  // Each school's parts (part, school in it): most schools are in one part and are read where they are.
  const owners = schoolOwners(parts);
  const empty = new Float64Array(BLOCK * lanes).fill(NaN);
  const scratch = new Float64Array(M * lanes);
  const scratchFlags = new Uint8Array(M * lanes);
  const monthCells: Float64Array[] = new Array(M);
  const monthFlags: (Uint8Array | null)[] = new Array(M);
  const monthBase = new Int32Array(M);
  // Each unit's monthly totals (unit × month × target): each school's latest value so far, plus the
  // sum of its values for a month alone (当期), month by month.
  const state = {laneOf, ratio, carry: new Float64Array(T), carryDen: new Float64Array(T), sum: new Float64Array(T), sumDen: new Float64Array(T), summed: new Uint8Array(T)};
  const total = new Float64Array(U * T * M);
  const totalDen = new Float64Array(U * T * M);
  const seen = new Uint8Array(U * T * M);
  for (const {unit: u, parts: where} of owners) {
    if (where.length === 2) {
      const [p, s] = where as [number, number];
      for (let k = 0; k < M; k++) {
        const slot = slots[p]![k]!;
        monthCells[k] = slot < 0 ? empty : parts[p]!.cells[slot]![(s / BLOCK) | 0]!;
        monthFlags[k] = slot < 0 ? null : parts[p]!.periodFlags[slot]![(s / BLOCK) | 0]!;
        monthBase[k] = (s % BLOCK) * lanes;
      }
    } else {
      // A school in several parts (rows of it on both sides of a cut): its cells merged first.
      scratch.fill(NaN);
      scratchFlags.fill(0);
      let flagged = false;
      for (let w = 0; w < where.length; w += 2) {
        const [p, s] = [where[w]!, where[w + 1]!];
        for (let k = 0; k < M; k++) {
          const slot = slots[p]![k]!;
          if (slot < 0) continue;
          const from = parts[p]!.cells[slot]![(s / BLOCK) | 0]!;
          const flags = parts[p]!.periodFlags[slot]![(s / BLOCK) | 0];
          for (let t = 0; t < T; t++) {
            const i = (s % BLOCK) * lanes + laneOf[t]!;
            const j = k * lanes + laneOf[t]!;
            if (from[i] !== from[i]) continue;
            if (scratch[j] === scratch[j]) {
              duplicate();
              continue;
            }
            scratch[j] = from[i]!;
            if (ratio[t]) scratch[j + 1] = from[i + 1]!;
            if (flags?.[i]) (scratchFlags[j] = 1), (flagged = true);
          }
        }
      }
      // No flags where none is set: the common case stays on one path.
      for (let k = 0; k < M; k++) (monthCells[k] = scratch), (monthFlags[k] = flagged ? scratchFlags : null), (monthBase[k] = k * lanes);
    }
    addSchool(u, monthCells, monthFlags, monthBase, state, {total, totalDen, seen, M});
  }
  const observations: Observation[] = [];
  for (let u = 0; u < U; u++) {
    for (let t = 0; t < T; t++) {
      const isRatio = ratio[t] === 1;
      for (let k = 0; k < M; k++) {
        const at = (u * M + k) * T + t;
        if (!seen[at]) continue;
        const m = months[k]!;
        observations.push({
          unit_code: catalog.units[u]!.code, period: `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`, target_id: catalog.targets[t]!.id,
          school_id: "", basis: "cumulative", note: "", row: 0, file_sha256: sha256, file, ingested_at: "", superseded_by: null,
          value: isRatio ? (totalDen[at]! > 0 ? (100 * total[at]!) / totalDen[at]! : null) : total[at]!,
          numerator: isRatio ? total[at]! : null,
          denominator: isRatio ? totalDen[at]! : null
        });
      }
    }
  }
  return {file, rows, observations, findings, counts};
}

/**
 * Adds one school of unit `u` to the units' monthly totals (unit × month × target): month by month,
 * each target's latest value so far plus the sum of its values for a month alone (a small function
 * of its own, so that it is compiled early).
 */
function addSchool(
  u: number,
  monthCells: readonly Float64Array[],
  monthFlags: readonly (Uint8Array | null)[],
  monthBase: Int32Array,
  {laneOf, ratio, carry, carryDen, sum, sumDen, summed}: {laneOf: Int32Array; ratio: Uint8Array; carry: Float64Array; carryDen: Float64Array; sum: Float64Array; sumDen: Float64Array; summed: Uint8Array},
  {total, totalDen, seen, M}: {total: Float64Array; totalDen: Float64Array; seen: Uint8Array; M: number}
): void {
  const T = laneOf.length;
  carry.fill(NaN);
  carryDen.fill(NaN);
  sum.fill(0);
  sumDen.fill(0);
  summed.fill(0);
  for (let k = 0; k < M; k++) {
    const cell = monthCells[k]!;
    const flags = monthFlags[k];
    const base = monthBase[k]!;
    const row = (u * M + k) * T;
    for (let t = 0; t < T; t++) {
      const lane = base + laneOf[t]!;
      const v = cell[lane]!;
      if (v === v) {
        if (flags && flags[lane]) (sum[t] = sum[t]! + v), (sumDen[t] = sumDen[t]! + (ratio[t] ? cell[lane + 1]! : 0)), (summed[t] = 1);
        else (carry[t] = v), (carryDen[t] = ratio[t] ? cell[lane + 1]! : 0);
      }
      const c = carry[t]!;
      const has = c === c;
      if (!has && !summed[t]) continue;
      seen[row + t] = 1;
      total[row + t] = total[row + t]! + (has ? c : 0) + sum[t]!;
      totalDen[row + t] = totalDen[row + t]! + (has ? carryDen[t]! : 0) + sumDen[t]!;
    }
  }
}

/** Every school across the parts, with its unit and the parts it is in: [part, school in that part, …]. */
function schoolOwners(parts: RangeAggregate[]): {unit: number; parts: number[]}[] {
  if (parts.length === 1) return parts[0]!.schoolUnits.map((unit, s) => ({unit, parts: [0, s]}));
  const schools = new Map<string, {unit: number; parts: number[]}>();
  parts.forEach((p, k) =>
    p.schoolIds.forEach((id, s) => {
      const key = `${p.schoolUnits[s]}|${id}`;
      const known = schools.get(key);
      if (known) known.parts.push(k, s);
      else schools.set(key, {unit: p.schoolUnits[s]!, parts: [k, s]});
    })
  );
  return [...schools.values()];
}

/**
 * Where to cut a file into `parts` parts, the first `headStart` bytes longer than the others: after
 * each share, the first line end between two lines without a quote (so, most likely, not inside a
 * quoted note that runs over lines), else the first line end. {@link streamSubmission} checks it.
 */
async function cutPoints(path: string, {size, parts, headStart}: {size: number; parts: number; headStart: number}): Promise<number[]> {
  const first = Math.min(size, (size + (parts - 1) * headStart) / parts);
  const cuts: number[] = [];
  const handle = await open(path, "r");
  try {
    const window = Buffer.alloc(64 * 1024);
    for (let k = 0; k < parts - 1; k++) {
      const wanted = Math.floor(first + ((size - first) * k) / (parts - 1));
      const {bytesRead} = await handle.read(window, 0, window.length, wanted);
      const lf = quietLineEnd(window.subarray(0, bytesRead));
      const cut = wanted + lf + 1;
      if (lf >= 0 && cut < size && cut > (cuts.at(-1) ?? 0)) cuts.push(cut);
    }
  } finally {
    await handle.close();
  }
  return cuts;
}

/** In `bytes`, the first line end with a whole line without a quote on each side, else the first line end (-1: none). */
function quietLineEnd(bytes: Buffer): number {
  const first = bytes.indexOf(0x0a);
  for (let before = first, at = bytes.indexOf(0x0a, first + 1); before >= 0 && at >= 0; at = bytes.indexOf(0x0a, at + 1)) {
    const next = bytes.indexOf(0x0a, at + 1);
    if (next < 0) break;
    const quoteBefore = bytes.subarray(before + 1, at).includes(0x22);
    const quoteAfter = bytes.subarray(at + 1, next).includes(0x22);
    if (!quoteBefore && !quoteAfter) return at;
    before = at;
  }
  return first;
}

/** Idle worker threads, kept for the next file: a worker starts once per process, and never ends on the way to a result. */
const idle = new Map<string, Worker[]>();

/** A new worker thread; one that ends (stopped, or failed) leaves the idle ones. */
function newWorker(script: string): Worker {
  // Plain JavaScript: no TypeScript loader (a `--import tsx` passed on to the worker would cost it ~40 ms to start).
  const worker = new Worker(script, {execArgv: []});
  worker.once("exit", () => leaveIdle(script, worker));
  return worker;
}

function leaveIdle(script: string, worker: Worker): void {
  const list = idle.get(script) ?? [];
  if (list.includes(worker)) list.splice(list.indexOf(worker), 1);
}

/** A worker for `script`: an idle one, else a new one (starting now); it keeps the process alive until released. */
function takeWorker(script: string): Worker {
  const worker = idle.get(script)?.pop() ?? newWorker(script);
  worker.ref();
  return worker;
}

/** Puts a worker back with the idle ones, unreferenced, so it never keeps the process alive. */
function release(script: string, worker: Worker): void {
  worker.unref();
  (idle.get(script) ?? idle.set(script, []).get(script)!).push(worker);
}

/**
 * Runs one range on a worker taken by {@link takeWorker}; `result` is its aggregate. The worker is
 * released when it is done; `stop` ends it instead (its range is no longer wanted).
 */
function runRange(worker: Worker, script: string, data: {path: string; start: number; end: number; head: Head; catalog: unknown; now: number; maxFindings: number}): {result: Promise<RangeAggregate>; stop: () => Promise<void>} {
  let stopped = false;
  const result = new Promise<RangeAggregate>((resolve, reject) => {
    const onMessage = (message: {part?: RangeAggregate; error?: string}) => {
      worker.off("error", onError).off("exit", onExit);
      // Done either way (a range that could not be read leaves the worker well).
      if (!stopped) release(script, worker);
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message.part!);
    };
    const onError = (error: Error) => (worker.off("message", onMessage), reject(error));
    const onExit = (code: number) => (worker.off("message", onMessage), reject(new Error(`stream worker exited with code ${code}`)));
    worker.once("message", onMessage).once("error", onError).once("exit", onExit);
    worker.postMessage(data);
  });
  result.catch(() => {}); // awaited by the caller; a stopped worker's rejection is expected
  const stop = async () => {
    stopped = true;
    leaveIdle(script, worker); // now, not at its exit: no other file may take it meanwhile
    await worker.terminate();
  };
  return {result, stop};
}
