// npm run bench, the province part: a generated province (BENCH_PROVINCE, default 11x30: cities ×
// counties; BENCH_PROVINCE_MONTHS, default 12) ingested, then its gaps with both engines, timed.
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {computeGaps} from "../../pipelines/gaps/computeGaps.js";
import {computeGapsDuckDB} from "../../pipelines/gaps/duckdbGaps.js";
import {makeCatalog, readHeaderAliases} from "../../pipelines/intake/catalog.js";
import {ingestFiles} from "../../pipelines/intake/ingestFiles.js";
import {readObservations} from "../../pipelines/intake/observations.js";
import {projectPaths} from "../../pipelines/project/projectFile.js";
import {projectTargets} from "../../pipelines/project/projectTargets.js";
import {readUnits} from "../../pipelines/project/units.js";
import {PROJECT_DIR} from "../helpers/cli.js";
import {provinceUnits, provinceUnitsCsv, writeProvinceSubmissions} from "./synthetic.js";

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
  } finally {
    await rm(tmp, {recursive: true, force: true});
  }
}
