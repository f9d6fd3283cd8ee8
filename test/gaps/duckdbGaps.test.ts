import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {computeGaps} from "../../pipelines/gaps/computeGaps.js";
import {computeGapsDuckDB, exportParquet} from "../../pipelines/gaps/duckdbGaps.js";
import {projectGapInputs} from "../../pipelines/gaps/projectGaps.js";
import {ingestSample} from "../../pipelines/sample/ingestSample.js";
import {PROJECT_DIR, runPlanwatch} from "../helpers/cli.js";
import {
  ALLOCATIONS,
  OBSERVATIONS,
  TARGETS,
  TREE_ALLOCATIONS,
  TREE_OBSERVATIONS,
  TREE_TARGETS,
  TREE_UNITS
} from "../helpers/gapsWorld.js";

describe("the gaps as SQL on DuckDB over Parquet", () => {
  let dir = "";
  let data = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-duckdb-"));
    data = join(dir, "data");
    await ingestSample({projectDir: PROJECT_DIR, dataDir: data});
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it("planwatch gaps --engine duckdb and the default engine give identical rows on the sample", async () => {
    const arquero = await runPlanwatch(["gaps", "--data", data, "--format", "json"]);
    const duckdb = await runPlanwatch(["gaps", "--data", data, "--format", "json", "--engine", "duckdb"]);
    expect(duckdb.code, duckdb.stderr).toBe(0);
    const rows = JSON.parse(duckdb.stdout);
    expect(rows.length).toBeGreaterThan(300);
    expect(rows).toEqual(JSON.parse(arquero.stdout));
  });

  it("gives no rows for a plan with no numeric targets, and no_data rows for targets nothing reported", async () => {
    expect(await computeGapsDuckDB({targets: [], observations: OBSERVATIONS, asOf: "2023-06"})).toEqual([]);
    const none = await computeGapsDuckDB({targets: TARGETS, observations: [], asOf: "2023-06"});
    expect(none).toEqual(computeGaps({targets: TARGETS, observations: [], asOf: "2023-06"}));
    expect(none.length).toBe(TARGETS.length);
  });

  it("agrees as of every month, every status included", async () => {
    const inputs = await projectGapInputs({projectDir: PROJECT_DIR, dataDir: data});
    for (const asOf of ["2023-01", "2023-04", "2023-08"]) {
      expect(await computeGapsDuckDB({...inputs, asOf})).toEqual(computeGaps({...inputs, asOf}));
    }
  });

  it("agrees on the hand-computed world: both bases, revisions, schedules, baselines, allocations", async () => {
    for (const asOf of ["2023-03", "2023-04", "2023-06", "2023-07", "2023-09"]) {
      const inputs = {targets: TARGETS, observations: OBSERVATIONS, allocations: ALLOCATIONS, asOf};
      expect(await computeGapsDuckDB(inputs)).toEqual(computeGaps(inputs));
    }
  });

  it("reads notes and files with commas, quotes and line breaks as they are, and says when there is no data", async () => {
    const observations = OBSERVATIONS.map((o, i) =>
      i % 2 ? {...o, note: `含,"引号"\n第二行,${i}`, file: `a,"b".csv`} : {...o, note: ""}
    );
    const inputs = {targets: TARGETS, observations, allocations: ALLOCATIONS, asOf: "2023-09"};
    const rows = await computeGapsDuckDB(inputs);
    expect(rows.flatMap((r) => r.sources.map((s) => s.note))).toContain(`含,"引号"\n第二行,3`);
    expect(rows).toEqual(computeGaps(inputs));
    await expect(computeGapsDuckDB({targets: TARGETS, observations: []})).rejects.toMatchObject({code: "no_data"});
  });

  it("agrees on the three-level world: parents aggregate children, children win, allocations at any level", async () => {
    for (const asOf of ["2023-03", "2023-06"]) {
      const inputs = {
        targets: TREE_TARGETS,
        observations: TREE_OBSERVATIONS,
        units: TREE_UNITS,
        allocations: TREE_ALLOCATIONS,
        asOf
      };
      const rows = await computeGapsDuckDB(inputs);
      expect(rows.some((r) => r.level === 3)).toBe(true);
      expect(rows).toEqual(computeGaps(inputs));
    }
  });

  it("exports observations and gaps as Parquet partitioned by month, readable as one table", async () => {
    const inputs = await projectGapInputs({projectDir: PROJECT_DIR, dataDir: data});
    const out = join(dir, "parquet");
    const written = await exportParquet({...inputs, out});
    const c = await (await DuckDBInstance.create(":memory:")).connect();
    const count = async (sql: string) => Number((await c.runAndReadAll(sql)).getRowObjectsJson()[0]!.n);
    expect(
      await count(
        `SELECT count(*) AS n FROM read_parquet('${out}/observations/**/*.parquet', hive_partitioning = true)`
      )
    ).toBe(written.observations);
    expect(
      await count(`SELECT count(*) AS n FROM read_parquet('${out}/gaps/**/*.parquet', hive_partitioning = true)`)
    ).toBe(written.gaps);
    expect(
      await count(
        `SELECT count(DISTINCT as_of) AS n FROM read_parquet('${out}/gaps/**/*.parquet', hive_partitioning = true)`
      )
    ).toBe(11);
  });
});
