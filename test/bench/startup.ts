// npm run bench, part 1: start-up as a user meets it. Whole processes, alternating: a bare
// `node -e 0`, `planwatch --help`, and `planwatch validate` of one district file of the bundled
// sample (a CSV and an xlsx). Prints each median and its ratio to `node -e 0`, with the issue's
// bounds (--help ≤ 6×, validate ≤ 15×).
import {spawnSync} from "node:child_process";
import {join} from "node:path";
import {PROJECT_DIR} from "../helpers/cli.js";

const PLANWATCH = join(PROJECT_DIR, "pipelines/planwatch.js");

/** The commands timed, each an argument list for `node`. */
export const STARTUP_COMMANDS = {
  "node -e 0": ["-e", "0"],
  "planwatch --help": [PLANWATCH, "--help"],
  "planwatch validate <csv>": [PLANWATCH, "validate", "data/sample/2023-06-西湖区.csv"],
  "planwatch validate <xlsx>": [PLANWATCH, "validate", "data/sample/2023-06-富阳区.xlsx"]
} as const;

const BOUNDS: Partial<Record<keyof typeof STARTUP_COMMANDS, number>> = {
  "planwatch --help": 6,
  "planwatch validate <csv>": 15,
  "planwatch validate <xlsx>": 15
};

/** Wall time of one whole process, in milliseconds. */
function timeOnce(args: readonly string[]): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, {cwd: PROJECT_DIR, stdio: "ignore"});
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(" ")} exited with ${r.status}`);
  return performance.now() - started;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Times each command `runs` times, round-robin (after one warm-up round), and prints medians and ratios. */
export async function benchStartup({
  runs = Number(process.env.BENCH_STARTUP_RUNS ?? 15)
}: {runs?: number} = {}): Promise<Record<string, number>> {
  const names = Object.keys(STARTUP_COMMANDS) as (keyof typeof STARTUP_COMMANDS)[];
  for (const name of names) timeOnce(STARTUP_COMMANDS[name]); // warm-up: disk cache, compiled CLI, worker bundle
  const times = new Map(names.map((n) => [n, [] as number[]]));
  for (let i = 0; i < runs; i++) for (const name of names) times.get(name)!.push(timeOnce(STARTUP_COMMANDS[name]));
  const medians = Object.fromEntries(names.map((n) => [n, median(times.get(n)!)]));
  const base = medians["node -e 0"]!;
  console.log(`start-up, whole processes, median of ${runs} (alternating):`);
  for (const name of names) {
    const ratio = medians[name]! / base;
    const bound = BOUNDS[name];
    console.log(
      `  ${name.padEnd(26)} ${medians[name]!.toFixed(0).padStart(6)} ms  ${ratio.toFixed(1).padStart(5)}× node -e 0${bound ? `  (bound ${bound}×: ${ratio <= bound ? "met" : "NOT MET"})` : ""}`
    );
  }
  return medians;
}
