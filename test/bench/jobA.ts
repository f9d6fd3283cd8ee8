// One timed run of planwatch's own path on a file: read → normalize → validate → observations →
// gaps. Prints JSON: seconds, peak RSS, rows, and a checksum of the city totals.
import {computeGaps} from "../../pipelines/gaps/computeGaps.js";
import {projectCatalog} from "../../pipelines/intake/catalog.js";
import {streamSubmission} from "../../pipelines/intake/streamSubmission.js";
import {projectTargets} from "../../pipelines/project/projectTargets.js";
import {PROJECT_DIR} from "../helpers/cli.js";

const file = process.argv[2]!;
const [catalog, targets] = await Promise.all([
  projectCatalog({projectDir: PROJECT_DIR}),
  projectTargets({projectDir: PROJECT_DIR})
]);
// BENCH_WORKERS and BENCH_MIN_PARALLEL_MB override streamSubmission's defaults (to compare); unset, the defaults hold.
const env = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const parallelMb = env("BENCH_MIN_PARALLEL_MB");
const started = performance.now();
const streamed = await streamSubmission(file, {
  catalog,
  workers: env("BENCH_WORKERS"),
  minParallelBytes: parallelMb === undefined ? undefined : parallelMb * 2 ** 20
});
const gaps = computeGaps({targets, observations: streamed.observations, asOf: "2023-12"});
const seconds = (performance.now() - started) / 1000;
const city = gaps.filter((g) => g.unit_code === "city" && g.actual !== null);
console.log(
  JSON.stringify({
    seconds,
    rss_mb: process.resourceUsage().maxRSS / 1024,
    rows: streamed.rows,
    findings: Object.values(streamed.counts).reduce((a, b) => a + (b ?? 0), 0),
    check: city.reduce((a, g) => a + (g.actual ?? 0), 0)
  })
);
