// npm run bench, part 6: a city of many units. Copies the project, adds flat synthetic units (six-digit
// codes 39xxxx, no parent) to seeds/units.csv beside the sample's, ingests the sample and one long-form file
// a month holding every synthetic unit's values for every target, builds the site, and prints the build's
// time and peak memory (GNU time's maximum RSS) against the sample's build on this machine, and the data a
// unit page, a target page and the overview load (bytes as served, and gzipped). Bounds: at every size a
// unit page ≤ 300 KB of data and the overview ≤ 1 MB; at 330 units the build ≤ 8× the sample's.
// BENCH_UNITS (default 330) lists the sizes: BENCH_UNITS=330,3000.
import {spawnSync} from "node:child_process";
import {appendFile, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {ingestFiles} from "../../pipelines/intake/ingestFiles.js";
import {projectCatalog} from "../../pipelines/intake/catalog.js";
import {projectTargets} from "../../pipelines/project/projectTargets.js";
import {seededRandom} from "../../pipelines/sample/random.js";
import {PROJECT_DIR, canUnshareNetwork, copyProject} from "../helpers/cli.js";
import {listTree} from "../helpers/files.js";

const SIZES = (process.env.BENCH_UNITS ?? "330").split(",").map(Number);
const MONTHS = 11;
const UNIT_PAGE_BOUND = 300 * 1024;
const OVERVIEW_BOUND = 1024 * 1024;
const BUILD_RATIO_BOUND = 8;

/** Runs `planwatch build` under GNU time (`offline`: with no network, `unshare -n`, where it can): seconds and peak RSS (MB). */
export function timedBuild(cwd: string, {offline = false}: {offline?: boolean} = {}): {seconds: number; rssMb: number} {
  const started = performance.now();
  const build = ["-v", process.execPath, join(PROJECT_DIR, "pipelines/planwatch.js"), "build"];
  const [command, args] =
    offline && canUnshareNetwork() ? ["unshare", ["-n", "/usr/bin/time", ...build]] : ["/usr/bin/time", build];
  const run = spawnSync(command, args, {cwd, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26});
  const out = run.stderr.toString();
  if (run.status !== 0) throw new Error(`planwatch build failed in ${cwd}: ${out.slice(-2000)}`);
  const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(out)?.[1] ?? 0);
  return {seconds: (performance.now() - started) / 1000, rssMb: rss / 1024};
}

/** A project copy with the sample ingested, and `units` synthetic units with a file a month. */
async function makeProject(dir: string, units: number): Promise<string> {
  const project = await copyProject(dir);
  const manifest = (await readFile(join(project, "data/sample/submissions.csv"), "utf8"))
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","));
  const times = new Map(manifest.map(([f, at]) => [join(project, "data/sample", f!), new Date(at!)]));
  const files = [...times.keys()];
  if (units > 0) {
    const codes = Array.from({length: units}, (_, i) => `39${String(i + 1).padStart(4, "0")}`);
    await appendFile(
      join(project, "seeds/units.csv"),
      codes.map((c, i) => `${c},合成单位${i + 1},合成${i + 1},district,\n`).join("")
    );
    const targets = await projectTargets({projectDir: project});
    const random = seededRandom(23);
    const growth = codes.map(() => targets.map(() => 1 + Math.floor(random() * 5)));
    // A file holds at most 500,000 cells (core/readLimits): a month comes in files of 1,000 units.
    for (let m = 1; m <= MONTHS; m++) {
      const period = `2023-${String(m).padStart(2, "0")}`;
      for (let from = 0; from < codes.length; from += 1000) {
        let text = "单位,月份,指标编号,数值,分子,分母,口径\n";
        codes.slice(from, from + 1000).forEach((code, i) =>
          targets.forEach((t, k) => {
            const u = from + i;
            if (t.aggregation === "ratio") {
              const den = 100 + u;
              text += `${code},${period},${t.id},,${Math.floor(den * (0.6 + m * 0.02))},${den},累计\n`;
            } else text += `${code},${period},${t.id},${m * growth[u]![k]!},,,累计\n`;
          })
        );
        const file = join(dir, `${period}-合成单位-${from / 1000 + 1}.csv`);
        await writeFile(file, text);
        files.push(file);
        times.set(file, new Date(`${period}-28T02:00:00Z`));
      }
    }
  }
  const catalog = await projectCatalog({projectDir: project});
  const results = await ingestFiles(files, {dataDir: join(project, "data"), catalog, clock: (p) => times.get(p)!});
  const refused = results.filter((r) => r.status !== "accepted" && r.path.includes("合成单位"));
  if (refused.length) throw new Error(`synthetic files not accepted: ${refused.map((r) => r.path).join(", ")}`);
  return project;
}

/** The data files a built page reads: bytes as served and gzipped. */
export async function pageData(site: string, page: string): Promise<{raw: number; gz: number}> {
  const html = await readFile(join(site, page), "utf8");
  const dir = page.includes("/") ? page.slice(0, page.lastIndexOf("/") + 1) : "";
  let raw = 0;
  let gz = 0;
  for (const m of new Set([...html.matchAll(/"path":"((?:\.\.?\/)*_file\/[^"]+)"/g)].map((x) => x[1]!))) {
    const bytes = await readFile(join(site, dir, m));
    raw += bytes.length;
    gz += gzipSync(bytes).length;
  }
  return {raw, gz};
}

/** How the build's time divides: its stages (from the manifest) and the rest (Framework's build of the pages). */
async function frameworkShare(
  site: string
): Promise<{stages: number; rest: number; pages: number; unitHtml: number; slowest: string}> {
  const manifest = JSON.parse(await readFile(join(site, "planwatch-manifest.json"), "utf8")) as {
    duration_ms: number;
    stages: {name: string; duration_ms: number}[];
  };
  const stages = manifest.stages.reduce((n, s) => n + s.duration_ms, 0) / 1000;
  const slowest = [...manifest.stages]
    .sort((a, b) => b.duration_ms - a.duration_ms)
    .slice(0, 5)
    .map((s) => `${s.name} ${(s.duration_ms / 1000).toFixed(1)} s`)
    .join(", ");
  const pages = (await listTree(site)).filter((f) => f.endsWith(".html")).length;
  const unitHtml = (await readFile(join(site, "units/390001.html"))).length;
  return {stages, rest: manifest.duration_ms / 1000 - stages, pages, unitHtml, slowest};
}

export async function benchUnits(): Promise<void> {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const tmp = await mkdtemp(join(tmpdir(), "planwatch-units-"));
  try {
    const sample = timedBuild(await makeProject(join(tmp, "sample"), 0));
    console.log(`units: the sample's build ${sample.seconds.toFixed(1)} s, peak RSS ${sample.rssMb.toFixed(0)} MB`);
    for (const n of SIZES) {
      const project = await makeProject(join(tmp, `units-${n}`), n - 14);
      const build = timedBuild(project);
      const site = join(project, "dist");
      const unit = await pageData(site, "units/390001.html");
      const target = await pageData(site, "targets/6-1b.html");
      const overview = await pageData(site, "index.html");
      const ratio = build.seconds / sample.seconds;
      const framework = await frameworkShare(site);
      const holds = (ok: boolean) => (ok ? "holds" : "FAILS");
      console.log(
        `units: ${n} units: build ${build.seconds.toFixed(1)} s (${ratio.toFixed(1)}× the sample's` +
          `${n <= 330 ? `, bound ${BUILD_RATIO_BOUND}×: ${holds(ratio <= BUILD_RATIO_BOUND)}` : ""}), peak RSS ${build.rssMb.toFixed(0)} MB\n` +
          `  unit page data ${kb(unit.raw)} (gzipped ${kb(unit.gz)}; bound ${kb(UNIT_PAGE_BOUND)}: ${holds(unit.raw <= UNIT_PAGE_BOUND)})\n` +
          `  overview data ${kb(overview.raw)} (gzipped ${kb(overview.gz)}; bound ${kb(OVERVIEW_BOUND)}: ${holds(overview.raw <= OVERVIEW_BOUND)})\n` +
          `  stages ${framework.stages.toFixed(1)} s (slowest: ${framework.slowest}); Framework ${framework.rest.toFixed(1)} s for ${framework.pages} pages ` +
          `(${((framework.rest / framework.pages) * 1000).toFixed(0)} ms a page), a unit page's HTML ${kb(framework.unitHtml)}\n` +
          `  target page data ${kb(target.raw)} (gzipped ${kb(target.gz)}; no bound: it lists every unit)`
      );
      await rm(join(tmp, `units-${n}`), {recursive: true, force: true});
    }
  } finally {
    await rm(tmp, {recursive: true, force: true});
  }
}
