// npm run bench, part 2: planwatch's own path (A) against DuckDB (B) on synthetic submissions of
// 100k, 1M and 5M rows, alternating A B A B, each run in its own process. Prints medians, A/B,
// rows/s and peak RSS per size, A's 5M/1M time ratio, and each bound of issue 8 with its value.
import {execFileSync} from "node:child_process";
import {statSync} from "node:fs";
import {join} from "node:path";
import {projectTargets} from "../../pipelines/targets/projectTargets.js";
import {PROJECT_DIR} from "../helpers/cli.js";
import {writeSynthetic} from "./synthetic.js";

interface Run {
  seconds: number;
  rss_mb: number;
  check: number;
}

const SIZES = (process.env.BENCH_SIZES ?? "100000,1000000,5000000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function job(name: "A" | "B", file: string): Run {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(PROJECT_DIR, `test/bench/job${name}.ts`), file], {cwd: PROJECT_DIR, encoding: "utf8", maxBuffer: 1 << 20});
  return JSON.parse(out.trim().split("\n").at(-1)!) as Run;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchScale(): Promise<void> {
  const targets = (await projectTargets({projectDir: PROJECT_DIR})).map((t) => ({id: t.id, ratio: t.aggregation === "ratio"}));
  const lines: string[] = [];
  const aTimes = new Map<number, number>();
  const ratios = new Map<number, number>();
  const aRss = new Map<number, number>();
  for (const rows of SIZES) {
    const file = await writeSynthetic(join(PROJECT_DIR, ".planwatch", "bench", `synthetic-${rows}.csv`), {rows, targets});
    const a: Run[] = [];
    const b: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      a.push(job("A", file));
      b.push(job("B", file));
    }
    if (Math.abs(a[0]!.check - b[0]!.check) > 1e-6 * Math.abs(b[0]!.check)) throw new Error(`A and B disagree at ${rows} rows: ${a[0]!.check} vs ${b[0]!.check}`);
    const [ta, tb] = [median(a.map((r) => r.seconds)), median(b.map((r) => r.seconds))];
    aTimes.set(rows, ta);
    ratios.set(rows, ta / tb);
    aRss.set(rows, Math.max(...a.map((r) => r.rss_mb)));
    const mb = statSync(file).size / 1e6;
    lines.push(
      `${String(rows).padStart(9)} rows ${mb.toFixed(1).padStart(6)} MB | A ${ta.toFixed(2)} s ${fmt(rows / ta)} rows/s ${Math.max(...a.map((r) => r.rss_mb)).toFixed(0)} MB RSS | ` +
        `B ${tb.toFixed(2)} s ${fmt(rows / tb)} rows/s ${Math.max(...b.map((r) => r.rss_mb)).toFixed(0)} MB RSS | A/B ${(ta / tb).toFixed(2)}`
    );
    console.log(lines.at(-1));
  }
  if (aTimes.has(1000000) && aTimes.has(5000000)) console.log(`A 5M/1M time ratio ${(aTimes.get(5000000)! / aTimes.get(1000000)!).toFixed(2)} (linear: 5)`);
  // The issue's bounds, each with its measured value.
  const checks = [
    ...[1000000, 5000000].filter((n) => ratios.has(n)).map((n) => [`A/B ≤ 1.5 at ${n / 1e6}M`, ratios.get(n)!, ratios.get(n)! <= 1.5] as const),
    ...(aRss.has(5000000) ? [["A peak RSS ≤ 300 MB at 5M", aRss.get(5000000)!, aRss.get(5000000)! <= 300] as const] : []),
    ...(aTimes.has(1000000) && aTimes.has(5000000) ? [["5M ÷ 1M time ≤ 5.5", aTimes.get(5000000)! / aTimes.get(1000000)!, aTimes.get(5000000)! / aTimes.get(1000000)! <= 5.5] as const] : [])
  ];
  if (checks.length) console.log(`bounds: ${checks.map(([name, value, ok]) => `${name}: ${value.toFixed(2)} ${ok ? "met" : "NOT MET"}`).join("; ")}`);
}

const fmt = (n: number) => `${(n / 1e6).toFixed(2)}M`;
