// Benchmark (npm run bench): an incremental rebuild after one new file, against a full rebuild
// from a cold cache, on a copy of the sample project. Prints both times and their ratio.
import {execFileSync} from "node:child_process";
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {ingestFiles} from "../../pipelines/intake/ingestFiles.js";
import {projectCatalog} from "../../pipelines/intake/catalog.js";
import {PROJECT_DIR, copyProject} from "../helpers/cli.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function planwatch(cwd: string, ...args: string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, [join(PROJECT_DIR, "pipelines/planwatch.js"), ...args], {cwd, stdio: "ignore"});
  return (performance.now() - started) / 1000;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchRebuild(): Promise<{cold: number; ingest: number; incremental: number}> {
  const cold: number[] = [];
  const ingest: number[] = [];
  const incremental: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const tmp = await mkdtemp(join(tmpdir(), "planwatch-bench-"));
    try {
      const project = await copyProject(join(tmp, "project"));
      const manifest = (await readFile(join(project, "data/sample/submissions.csv"), "utf8"))
        .trim()
        .split("\n")
        .slice(1)
        .map((l) => l.split(","));
      const catalog = await projectCatalog({projectDir: project});
      const [lastFile] = manifest.at(-1)!;
      const times = new Map(manifest.map(([f, at]) => [join(project, "data/sample", f!), new Date(at!)]));
      await ingestFiles(
        [...times.keys()].filter((f) => !f.endsWith(lastFile!)),
        {dataDir: join(project, "data"), catalog, clock: (p) => times.get(p)!}
      );
      // Cold: no stage outputs, no Framework cache (npm bundles included).
      cold.push(planwatch(project, "build"));
      await mkdir(join(project, "data/inbox"), {recursive: true});
      await writeFile(join(project, "data/inbox", lastFile!), await readFile(join(project, "data/sample", lastFile!)));
      ingest.push(planwatch(project, "ingest", "data/inbox"));
      incremental.push(planwatch(project, "build"));
    } finally {
      await rm(tmp, {recursive: true, force: true});
    }
  }
  const result = {cold: median(cold), ingest: median(ingest), incremental: median(incremental)};
  console.log(
    `rebuild (median of ${RUNS}, each a planwatch process): full build from a cold cache ${result.cold.toFixed(2)} s · ` +
      `after one new file: ingest ${result.ingest.toFixed(2)} s + incremental build ${result.incremental.toFixed(2)} s · ` +
      `incremental/cold ${(result.incremental / result.cold).toFixed(2)}, with ingest ${((result.ingest + result.incremental) / result.cold).toFixed(2)}`
  );
  return result;
}
