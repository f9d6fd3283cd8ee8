import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {computeGaps, type GapRow} from "../../pipelines/gaps/computeGaps.js";
import {computeGapsDuckDB} from "../../pipelines/gaps/duckdbGaps.js";
import {makeCatalog, readHeaderAliases} from "../../pipelines/intake/catalog.js";
import {ingestFiles} from "../../pipelines/intake/ingestFiles.js";
import {readObservations} from "../../pipelines/intake/observations.js";
import {projectPaths} from "../../pipelines/project/projectFile.js";
import {projectTargets} from "../../pipelines/project/projectTargets.js";
import {type Unit, readUnits} from "../../pipelines/project/units.js";
import type {Target} from "../../pipelines/targets/curation.js";
import type {Observation} from "../../pipelines/intake/observations.js";
import {provinceUnits, provinceUnitsCsv, writeProvinceSubmissions} from "../bench/synthetic.js";
import {JULY_5} from "../helpers/catalog.js";
import {PROJECT_DIR} from "../helpers/cli.js";

// A generated province (11 cities × 30 counties) goes through ingest as a province project would
// send it, and every city's figure is its counties' figures aggregated by the target's aggregation.
const IDS = ["6.1a", "6.6a", "2.4a", "5.4b"]; // two sums, a ratio, a min

describe("a province: 11 cities × 30 counties, generated, ingested", () => {
  let dir = "";
  let units: Unit[] = [];
  let targets: Target[] = [];
  let observations: Observation[] = [];
  let rows: GapRow[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-province-"));
    const unitsFile = join(dir, "units.csv");
    await writeFile(unitsFile, provinceUnitsCsv(provinceUnits()));
    units = await readUnits(unitsFile);
    targets = (await projectTargets({projectDir: PROJECT_DIR})).filter((t) => IDS.includes(t.id));
    const files = await writeProvinceSubmissions(join(dir, "inbox"), {
      units: provinceUnits(),
      targets: targets.map((t) => ({id: t.id, ratio: t.aggregation === "ratio"}))
    });
    const catalog = makeCatalog({
      units,
      targets,
      aliases: await readHeaderAliases(projectPaths(PROJECT_DIR).headers)
    });
    const results = await ingestFiles(files, {dataDir: join(dir, "data"), catalog, clock: () => JULY_5});
    expect(results.filter((r) => r.status !== "accepted").map((r) => [r.path, r.findings])).toEqual([]);
    observations = await readObservations({dataDir: join(dir, "data")});
    rows = computeGaps({targets, observations, units, asOf: "2023-03"});
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it("reads 341 units in two levels and ingests a row per county × target × month", () => {
    expect(units).toHaveLength(11 + 11 * 30);
    expect(observations).toHaveLength(330 * IDS.length * 3);
    for (const id of IDS) {
      const mine = rows.filter((r) => r.target_id === id);
      expect(mine.filter((r) => r.level === 0)).toHaveLength(1);
      expect(mine.filter((r) => r.level === 1 && r.parent_code === "city")).toHaveLength(11);
      expect(mine.filter((r) => r.level === 2)).toHaveLength(330);
    }
  });

  it("each city's figure is its counties' aggregated (Σ, Σ numerators ÷ Σ denominators, the lowest); the whole, its cities'", () => {
    for (const t of targets) {
      const mine = rows.filter((r) => r.target_id === t.id);
      const levelAbove = (parent: string) => mine.filter((r) => r.parent_code === parent);
      const check = (row: GapRow, children: GapRow[]) => {
        expect(children.length).toBeGreaterThan(0);
        if (t.aggregation === "sum")
          expect(row.actual).toBeCloseTo(
            children.reduce((s, c) => s + c.actual!, 0),
            6
          );
        else if (t.aggregation === "ratio") {
          const num = children.reduce((s, c) => s + c.numerator!, 0);
          const den = children.reduce((s, c) => s + c.denominator!, 0);
          expect([row.numerator, row.denominator]).toEqual([num, den]);
          expect(row.actual).toBeCloseTo((100 * num) / den, 9);
        } else expect(row.actual).toBe(Math.min(...children.map((c) => c.actual!)));
      };
      for (const city of levelAbove("city")) check(city, levelAbove(city.unit_code));
      check(
        mine.find((r) => r.level === 0)!,
        levelAbove("city")
      );
    }
  });

  it("the DuckDB engine gives the same rows for the province", async () => {
    expect(await computeGapsDuckDB({targets, observations, units, asOf: "2023-03"})).toEqual(rows);
  });
});
