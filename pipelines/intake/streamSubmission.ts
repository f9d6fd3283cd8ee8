import {readSync} from "node:fs";
import {open, stat} from "node:fs/promises";
import {availableParallelism} from "node:os";
import {basename, join} from "node:path";
import {Worker} from "node:worker_threads";
import {type Head, type RangeAggregate, aggregateRanges, readHeader} from "./aggregateRanges.js";
import {mergeAggregates} from "./mergeAggregates.js";
import {PlanwatchError, packageRoot, bundledScript, fileHasher} from "../core/index.js";
import type {Catalog} from "./catalog.js";
import type {Finding, FindingCode} from "./findings.js";
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
  /** How many threads read the file: 1 where it was read alone, or read again after a cut inside a quoted field. */
  threads: number;
}

/**
 * Reads a long-form UTF-8 submission of any size as a stream ({@link aggregateRanges}), validating
 * and aggregating as rows pass: it never holds the file as one string or a row as an object. Each
 * school keeps its values by month and target in typed arrays; each unit's monthly total is the
 * sum of its schools' latest values (ratios: Σ numerators, Σ denominators), handed on as a few
 * thousand observation rows.
 *
 * A file of `minParallelBytes` or more is read by `workers` threads (default: two, where the
 * machine has them): this one and worker threads (started first; a worker then waits for the next
 * file) share its ranges of about `rangeBytes` (default: a 64th of the file, at least 1 MiB), each
 * taking the next range as it is free, so that no thread waits for another at the end. Ranges are
 * cut at a line end between two lines of an even number of quotes each; a cut is only trusted once the range before
 * it has been read to its end with every quote closed (which proves the cut was not inside a
 * quoted field), else the whole file is read again on this thread (`threads` says how many read it). Options: `catalog`; `workers`;
 * `minParallelBytes` (default 32 MB); `rangeBytes` (`invalid_option` below 1); `now`, the submission time (no month
 * after
 * its); `maxFindings` (default 1000) kept in full, the rest counted; `sha256`, the file's hash for
 * the observations' provenance (or a promise of it), or `hash`: hash the file here, a piece each
 * time this thread takes a range (twice as far into the file as the range it takes, so that it is
 * done by the time the ranges are), the rest at the end. (A stream hashing beside would wait:
 * this thread, reading, never lets its reads through until it is done.)
 */
export async function streamSubmission(
  path: string,
  {
    catalog,
    workers = Math.min(2, availableParallelism()),
    minParallelBytes = 32 << 20,
    rangeBytes,
    now = new Date(),
    maxFindings = 1000,
    sha256 = "",
    hash = false
  }: {
    catalog: Catalog;
    workers?: number;
    minParallelBytes?: number;
    rangeBytes?: number;
    now?: Date;
    maxFindings?: number;
    sha256?: string | Promise<string>;
    hash?: boolean;
  }
): Promise<StreamedSubmission> {
  if (rangeBytes !== undefined && !(rangeBytes >= 1))
    throw new PlanwatchError(
      "invalid_option",
      `invalid rangeBytes: ${rangeBytes} (expected a number of bytes, 1 or more)`
    );
  const {size} = await stat(path);
  const hasher = hash ? fileHasher(path) : null;
  try {
    return await streamWith(path, {
      size,
      hasher,
      catalog,
      workers,
      minParallelBytes,
      rangeBytes,
      now,
      maxFindings,
      sha256
    });
  } finally {
    hasher?.close();
  }
}

async function streamWith(
  path: string,
  {
    size,
    hasher,
    catalog,
    workers,
    minParallelBytes,
    rangeBytes,
    now,
    maxFindings,
    sha256
  }: {
    size: number;
    hasher: ReturnType<typeof fileHasher> | null;
    catalog: Catalog;
    workers: number;
    minParallelBytes: number;
    rangeBytes: number | undefined;
    now: Date;
    maxFindings: number;
    sha256: string | Promise<string>;
  }
): Promise<StreamedSubmission> {
  const parallel = workers > 1 && size >= minParallelBytes;
  // The workers start as soon as their script is known (they take the longest to be ready), while
  // the header and the cuts are read.
  const header = parallel ? readHeader(path) : undefined;
  const script = parallel ? await bundledScript(join(packageRoot(), "pipelines/intake/streamWorkerMain.ts")) : "";
  const crew = parallel ? Array.from({length: workers - 1}, () => takeWorker(script)) : [];
  const [bounds, head] = parallel
    ? await Promise.all([rangeBounds(path, {size, rangeBytes: rangeBytes ?? Math.max(1 << 20, size / 64)}), header])
    : [[0, size], undefined];
  const whole = () => aggregateRanges({path, bounds: [0, size], head, catalog, now, maxFindings});
  let aggregates: RangeAggregate[];
  if (!crew.length || head?.problem || bounds.length < 3) {
    for (const worker of crew) release(script, worker); // a file this path does not split
    aggregates = [await whole()];
  } else {
    const catalogData = {
      units: catalog.units,
      targets: catalog.targets.map(({id, indicator, unit, kind, aggregation, start, deadline}) => ({
        id,
        indicator,
        unit,
        kind,
        aggregation,
        start,
        deadline
      })),
      aliases: [...catalog.aliases]
    };
    // The next range to read, shared by every thread.
    const next = new Int32Array(new SharedArrayBuffer(4));
    const claim = () => {
      const k = Atomics.add(next, 0, 1);
      hasher?.upTo(bounds[Math.min(bounds.length - 1, 2 * (k + 1))]!);
      return k;
    };
    const running = crew.map((worker) =>
      runRanges(worker, script, {
        path,
        bounds,
        next,
        head: head!,
        catalog: catalogData,
        now: now.getTime(),
        maxFindings
      })
    );
    try {
      aggregates = await Promise.all([
        aggregateRanges({path, bounds, claim, head, catalog, now, maxFindings}),
        ...running.map((w) => w.result)
      ]);
    } catch {
      // A cut inside a quoted field, or a range that could not be read: no thread takes another
      // range, and the file is read as one.
      Atomics.store(next, 0, bounds.length);
      await Promise.all(running.map((w) => w.stop()));
      aggregates = [await whole()];
    }
  }
  const digest = hasher ? hasher.digest() : await sha256;
  const merged = mergeAggregates(aggregates, {catalog, file: basename(path), sha256: digest, maxFindings});
  return {...merged, threads: aggregates.length};
}

/**
 * The bounds of a file's ranges of about `rangeBytes`: 0, then after each share a line end found by
 * {@link quietLineEnd} (so, most likely, not inside a quoted note that runs over lines), then the
 * file's size. {@link streamSubmission} checks them.
 */
async function rangeBounds(path: string, {size, rangeBytes}: {size: number; rangeBytes: number}): Promise<number[]> {
  const cuts = new Set<number>();
  const handle = await open(path, "r");
  try {
    // Small reads, one after another without waiting on the thread pool for each: ~10 µs apiece.
    const window = Buffer.alloc(16 * 1024);
    for (let at = Math.floor(rangeBytes); at < size; at = Math.floor(at + rangeBytes)) {
      const lf = quietLineEnd(window.subarray(0, readSync(handle.fd, window, 0, window.length, at)));
      if (lf >= 0 && at + lf + 1 < size) cuts.add(at + lf + 1);
    }
  } finally {
    await handle.close();
  }
  return [0, ...[...cuts].sort((a, b) => a - b), size];
}

/**
 * In `bytes`, the first line end between two whole lines that each hold an even number of quotes
 * (none, or every quoted field of a record on one line: a line inside a quoted field that spans lines
 * holds, but for a middle line of a field of three lines or more, an odd number), else the first line
 * end (-1: none). A file whose every cell is quoted is cut as well as one whose notes alone are.
 */
function quietLineEnd(bytes: Buffer): number {
  const first = bytes.indexOf(0x0a);
  for (
    let before = first, at = bytes.indexOf(0x0a, first + 1);
    before >= 0 && at >= 0;
    at = bytes.indexOf(0x0a, at + 1)
  ) {
    const next = bytes.indexOf(0x0a, at + 1);
    if (next < 0) break;
    if (evenQuotes(bytes, before + 1, at) && evenQuotes(bytes, at + 1, next)) return at;
    before = at;
  }
  return first;
}

/** Whether bytes `start`…`end` hold an even number of quotes. */
function evenQuotes(bytes: Buffer, start: number, end: number): boolean {
  let odd = false;
  for (let q = bytes.indexOf(0x22, start); q >= 0 && q < end; q = bytes.indexOf(0x22, q + 1)) odd = !odd;
  return !odd;
}

/**
 * Idle worker threads, kept for the next file: a worker starts once per process, and never ends on the way to a result.
 */
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
 * Reads ranges of a file on a worker taken by {@link takeWorker}, claiming them from `next` as
 * this thread does; `result` is its aggregate. The worker is released when it is done; `stop` ends
 * it instead (its ranges are no longer wanted).
 */
function runRanges(
  worker: Worker,
  script: string,
  data: {
    path: string;
    bounds: number[];
    next: Int32Array;
    head: Head;
    catalog: unknown;
    now: number;
    maxFindings: number;
  }
): {result: Promise<RangeAggregate>; stop: () => Promise<void>} {
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
    const onExit = (code: number) => (
      worker.off("message", onMessage),
      reject(new Error(`stream worker exited with code ${code}`))
    );
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
