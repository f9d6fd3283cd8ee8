// npm run bench, the province part: a generated province (BENCH_PROVINCE, default 11x30: cities ×
// counties; BENCH_PROVINCE_MONTHS, default 12) ingested, then its gaps with both engines, timed; then the
// same files in a copy of the project, built into a site with no network (`unshare -n` where it can) and
// published: the build's time and peak memory against the sample's, its pages, the data a county page and
// the overview load, and whether each city's published figure of a count target is its counties' sum.
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {targetSlug} from "../../pipelines/core/index.js";
import {computeGaps} from "../../pipelines/gaps/computeGaps.js";
import {computeGapsDuckDB} from "../../pipelines/gaps/duckdbGaps.js";
import {makeCatalog, readHeaderAliases} from "../../pipelines/intake/catalog.js";
import {ingestFiles} from "../../pipelines/intake/ingestFiles.js";
import {readObservations} from "../../pipelines/intake/observations.js";
import {projectPaths} from "../../pipelines/project/projectFile.js";
import {projectTargets} from "../../pipelines/project/projectTargets.js";
import {readUnits} from "../../pipelines/project/units.js";
import {PROJECT_DIR, copyProject} from "../helpers/cli.js";
import {listTree} from "../helpers/files.js";
import {provinceUnits, provinceUnitsCsv, writeProvinceSubmissions} from "./synthetic.js";
import {pageData, timedBuild} from "./units.js";

export async function benchProvince(): Promise<void> {
  const [cities = 11, counties = 30] = (process.env.BENCH_PROVINCE ?? "11x30").split("x").map(Number);
  const months = Number(process.env.BENCH_PROVINCE_MONTHS ?? 12);
  const tmp = await mkdtemp(join(tmpdir(), "planwatch-province-"));
  try {
    const generated = provinceUnits({cities, counties});
    await writeFile(join(tmp, "units.csv"), provinceUnitsCsv(generated));
    const units = await readUnits(join(tmp, "units.csv"));
    const targets = await projectTargets({projectDir: PROJECT_DIR});
    const files = await writeProvinceSubmissions(join(tmp, "inbox"), {
      units: generated,
      targets: targets.map((t) => ({id: t.id, ratio: t.aggregation === "ratio"})),
      months
    });
    const catalog = makeCatalog({units, targets, aliases: await readHeaderAliases(projectPaths(PROJECT_DIR).headers)});
    const dataDir = join(tmp, "data");
    const time = async <T>(f: () => Promise<T> | T): Promise<[T, number]> => {
      const start = performance.now();
      const value = await f();
      return [value, (performance.now() - start) / 1000];
    };
    const [, ingest] = await time(() =>
      ingestFiles(files, {dataDir, catalog, clock: () => new Date("2024-01-05T10:00:00+08:00")})
    );
    const observations = await readObservations({dataDir});
    const inputs = {targets, observations, units, asOf: `2023-${String(months).padStart(2, "0")}`};
    const [rows, arquero] = await time(() => computeGaps(inputs));
    const [, duckdb] = await time(() => computeGapsDuckDB(inputs));
    console.log(
      `province ${cities} cities × ${counties} counties, ${months} months: ${files.length} files, ` +
        `${observations.length} observations ingested in ${ingest.toFixed(1)} s; ` +
        `${rows.length} gaps rows: Arquero ${arquero.toFixed(2)} s, DuckDB ${duckdb.toFixed(2)} s`
    );

    const sample = timedBuild(await copyProject(join(tmp, "sample")), {offline: true});
    const project = await copyProject(join(tmp, "project"));
    await rm(join(project, "data"), {recursive: true});
    await writeFile(join(project, "seeds", "units.csv"), provinceUnitsCsv(generated));
    await writeFile(join(project, "seeds", "allocations.csv"), "unit_code,target_id,value\n");
    await ingestFiles(files, {
      dataDir: join(project, "data"),
      catalog,
      clock: () => new Date("2024-01-05T10:00:00+08:00")
    });
    const build = timedBuild(project, {offline: true});
    const site = join(project, "dist");
    const published = await listTree(site);
    const county = generated.find((u) => u.parent !== null)!.code;
    const [unitData, overviewData] = [await pageData(site, `units/${county}.html`), await pageData(site, "index.html")];
    // Each city's published figure of the first count target against its counties' own published figures.
    const count = targets.find((t) => t.aggregation === "sum")!.id;
    const figure = async (code: string) => {
      const file = published.find((f) => new RegExp(`^_file/data/units/${code}\\.[0-9a-f]+\\.json$`).test(f))!;
      const slice = JSON.parse(await readFile(join(site, file), "utf8")) as {
        rows: {target_id: string; unit_code: string; actual: number | null}[];
      };
      return slice.rows.find((r) => r.target_id === count && r.unit_code === code)?.actual ?? null;
    };
    const targetData = await pageData(site, `targets/${targetSlug(count)}.html`);
    let wrong = 0;
    for (const city of generated.filter((u) => u.parent === null)) {
      const counties = generated.filter((u) => u.parent === city.code);
      const sum = (await Promise.all(counties.map((c) => figure(c.code)))).reduce<number>((a, b) => a + (b ?? 0), 0);
      if ((await figure(city.code)) !== sum) wrong++;
    }
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    console.log(
      `province site: built offline in ${build.seconds.toFixed(1)} s (the sample's ${sample.seconds.toFixed(1)} s, ` +
        `${(build.seconds / sample.seconds).toFixed(1)}×, bound 8×), peak RSS ${build.rssMb.toFixed(0)} MB; ` +
        `${published.filter((f) => f.endsWith(".html")).length} pages; a county page loads ${kb(unitData.raw)}, ` +
        `the overview ${kb(overviewData.raw)}, a target page ${kb(targetData.raw)}; cities whose ${count} is not their counties' sum: ${wrong}`
    );
  } finally {
    await rm(tmp, {recursive: true, force: true});
  }
}
