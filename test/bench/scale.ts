// npm run bench, part 2: scale as a user meets it. On synthetic school-level files of each shape
// (synthetic.ts: English headers; Chinese headers in another order with units by code; units by
// name, short name or code, month by month; BOM, CRLF, units by name and code row by row, targets by
// name; every cell quoted) at 1M and 5M rows, alternating, each run its own
// process:
// - planwatch: the whole `planwatch gaps --file F --as-of 2023-12 --format json` command;
// - DuckDB: a whole `node duckdbJob.js F` process doing the same aggregation (read_csv, each school's
//   latest value, sum per unit and target, the city by the target's aggregation);
// - and, as before, the in-process times (jobA.ts: planwatch's stream + gaps timed inside a warm
//   process; DuckDB's query timed inside its process).
// Prints medians, the whole-process ratio beside the in-process one, peak RSS (GNU time), and the
// issue's bounds: whole process ≤ 1.5× DuckDB at 1M and 5M, planwatch peak RSS ≤ 300 MB at 5M.
// BENCH_SIZES (default 1000000,5000000), BENCH_SHAPES (default every shape), BENCH_RUNS (default 3).
import {execFileSync, spawnSync} from "node:child_process";
import {existsSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {readUnits} from "../../pipelines/project/units.js";
import {projectTargets} from "../../pipelines/project/projectTargets.js";
import {PROJECT_DIR} from "../helpers/cli.js";
import {SHAPES, writeSynthetic} from "./synthetic.js";

const SIZES = (process.env.BENCH_SIZES ?? "1000000,5000000").split(",").map(Number);
const SHAPE_NAMES = (process.env.BENCH_SHAPES ?? Object.keys(SHAPES).join(",")).split(",");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const AS_OF = "2023-12";
const GNU_TIME = "/usr/bin/time";

interface Run {
  /** Wall time of the whole process, in seconds. */
  wall: number;
  /** Peak RSS of the whole process, in MB (NaN without GNU time). */
  rss_mb: number;
  /** The sum of the city actuals, to check both sides agree. */
  check: number;
  /** Time measured inside the process (after its imports), when it reports one. */
  inner?: number;
}

/** Runs `node args` as a whole process (under GNU time for its peak RSS); returns its wall time, RSS and stdout. */
function whole(args: readonly string[]): {wall: number; rss_mb: number; stdout: string} {
  const timed = existsSync(GNU_TIME);
  const started = performance.now();
  const r = spawnSync(
    timed ? GNU_TIME : process.execPath,
    timed ? ["-f", "@@rss %M", process.execPath, ...args] : args,
    {cwd: PROJECT_DIR, encoding: "utf8", maxBuffer: 256 << 20}
  );
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${r.status}: ${r.stderr.slice(-2000)}`);
  const rss = /@@rss (\d+)/.exec(r.stderr);
  return {wall, rss_mb: rss ? Number(rss[1]) / 1024 : NaN, stdout: r.stdout};
}

/** The whole `planwatch gaps --file` command. */
function planwatchRun(file: string): Run {
  const {wall, rss_mb, stdout} = whole([
    join(PROJECT_DIR, "pipelines/planwatch.js"),
    "gaps",
    "--file",
    file,
    "--as-of",
    AS_OF,
    "--format",
    "json"
  ]);
  const rows = JSON.parse(stdout) as {unit_code: string; actual: number | null}[];
  return {
    wall,
    rss_mb,
    check: rows.filter((g) => g.unit_code === "city" && g.actual !== null).reduce((a, g) => a + g.actual!, 0)
  };
}

/** A whole DuckDB process on the same file. */
function duckdbRun(file: string, spec: string): Run {
  const {wall, rss_mb, stdout} = whole([join(PROJECT_DIR, "test/bench/duckdbJob.js"), file, spec]);
  const out = JSON.parse(stdout.trim().split("\n").at(-1)!) as {check: number; seconds: number};
  return {wall, rss_mb, check: out.check, inner: out.seconds};
}

/** planwatch's stream + gaps timed inside its process (jobA.ts, through tsx): the in-process figure. */
function inProcessRun(file: string): number {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(PROJECT_DIR, "test/bench/jobA.ts"), file], {
    cwd: PROJECT_DIR,
    encoding: "utf8",
    maxBuffer: 1 << 20
  });
  return (JSON.parse(out.trim().split("\n").at(-1)!) as {seconds: number}).seconds;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const agree = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.abs(b);

export async function benchScale(): Promise<void> {
  const targets = await projectTargets({projectDir: PROJECT_DIR});
  const units = (await readUnits(join(PROJECT_DIR, "seeds/units.csv"))).flatMap((u) =>
    [u.name, u.short_name, u.code].map((alias) => [alias, u.code])
  );
  const bounds: [string, number, boolean][] = [];
  console.log(`scale: planwatch gaps --file vs a DuckDB script, whole processes, median of ${RUNS} (alternating)`);
  for (const rows of SIZES) {
    for (const shape of SHAPE_NAMES) {
      const file = await writeSynthetic(join(PROJECT_DIR, ".planwatch", "bench", `${shape}-${rows}.csv`), {
        rows,
        shape,
        targets: targets.map((t) => ({id: t.id, indicator: t.indicator, ratio: t.aggregation === "ratio"}))
      });
      const spec = `${file}.duckdb.json`;
      writeFileSync(
        spec,
        JSON.stringify({
          columns: SHAPES[shape]!.columns,
          targets: targets.map((t) => ({id: t.id, indicator: t.indicator, aggregation: t.aggregation})),
          units,
          asOf: AS_OF
        })
      );
      const a: Run[] = [];
      const b: Run[] = [];
      const inner: number[] = [];
      planwatchRun(file); // warm-up: disk cache, compiled CLI, the stream worker's bundle
      for (let i = 0; i < RUNS; i++) {
        a.push(planwatchRun(file));
        b.push(duckdbRun(file, spec));
        inner.push(inProcessRun(file));
      }
      if (!agree(a[0]!.check, b[0]!.check))
        throw new Error(`planwatch and DuckDB disagree on ${shape} at ${rows} rows: ${a[0]!.check} vs ${b[0]!.check}`);
      const [ta, tb, ia, ib] = [
        median(a.map((r) => r.wall)),
        median(b.map((r) => r.wall)),
        median(inner),
        median(b.map((r) => r.inner!))
      ];
      const rssA = Math.max(...a.map((r) => r.rss_mb));
      const rssB = Math.max(...b.map((r) => r.rss_mb));
      const mb = statSync(file).size / 1e6;
      console.log(
        `  ${String(rows).padStart(8)} rows ${shape.padEnd(9)} ${mb.toFixed(0).padStart(4)} MB | planwatch ${ta.toFixed(2)} s ${rssA.toFixed(0)} MB | DuckDB ${tb.toFixed(2)} s ${rssB.toFixed(0)} MB | ` +
          `whole ${(ta / tb).toFixed(2)}× (in-process ${ia.toFixed(2)} s / ${ib.toFixed(2)} s = ${(ia / ib).toFixed(2)}×)`
      );
      if (rows === 1000000 || rows === 5000000)
        bounds.push([`whole ≤ 1.5× DuckDB, ${shape} ${rows / 1e6}M`, ta / tb, ta / tb <= 1.5]);
      if (rows === 5000000) bounds.push([`peak RSS ≤ 300 MB, ${shape} 5M`, rssA, rssA <= 300]);
    }
  }
  if (bounds.length)
    console.log(
      `bounds: ${bounds.map(([name, value, ok]) => `${name}: ${value.toFixed(2)} ${ok ? "met" : "NOT MET"}`).join("; ")}`
    );
}
