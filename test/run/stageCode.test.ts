import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {planStages, runStages} from "../../pipelines/run/runStages.js";
import {projectCatalog} from "../../pipelines/intake/catalog.js";
import {ingestFiles} from "../../pipelines/intake/ingestFiles.js";
import {copyProject, runPlanwatch} from "../helpers/cli.js";

// A stage's code is every file its modules import, transitively (esbuild's module graph of the
// toolkit planwatch runs from), not a hand-kept list: editing a file three imports away makes it stale.
describe("stage inputs derived from the module graph", () => {
  let tmp = "";
  let project = "";
  let dataDir = "";
  const options = () => ({
    stateDir: join(project, ".planwatch", "stages"),
    loaderCacheDir: join(project, "src", ".observablehq", "cache"),
    toolkitDir: project
  });
  const stale = async () => (await planStages({projectDir: project, dataDir}, options())).filter((p) => p.stale);

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-stage-code-"));
    project = await copyProject(join(tmp, "project"));
    dataDir = join(tmp, "data");
    await mkdir(dataDir);
    const file = join(tmp, "2023-06-西湖区.csv");
    await writeFile(file, "单位,月份,指标编号,数值\n西湖区,2023-06,6.1b,100\n");
    await ingestFiles([file], {
      dataDir,
      catalog: await projectCatalog({projectDir: project}),
      clock: () => new Date("2023-07-05T08:00:00+08:00")
    });
    await runStages({projectDir: project, dataDir}, options());
  });
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  it("a built project is fresh", async () => {
    expect((await stale()).map((p) => p.stage.name)).toEqual([]);
  });

  it("editing a file the stages import only through other modules (parseCsv.ts) makes exactly the stages that import it stale, and names it", async () => {
    const file = join(project, "pipelines", "core", "parseCsv.ts");
    await writeFile(file, `${await readFile(file, "utf8")}\n// an edit\n`);
    const plans = await stale();
    // targets (curation.ts → parseCsv), units (units.ts, allocations.ts → parseCsv), quality (units.ts → parseCsv), and the stages after them
    expect(plans.map((p) => p.stage.name)).toEqual(expect.arrayContaining(["targets", "units", "loader:quality.json"]));
    expect(plans.map((p) => p.stage.name)).not.toContain("observations");
    for (const name of ["targets", "units", "loader:quality.json"]) {
      expect(plans.find((p) => p.stage.name === name)!.reason).toMatch(/^changed: .*pipelines\/core\/parseCsv\.ts/);
    }
  });

  it("planwatch status, run from the toolkit's own copy, says the same", async () => {
    const {code, stdout, stderr} = await runPlanwatch(["status", "--format", "json", "--data", dataDir], {
      cwd: project,
      bin: join(project, "pipelines", "planwatch.js")
    });
    expect(code, stderr).toBe(0);
    const rows = JSON.parse(stdout) as {stage: string; stale: boolean; reason: string}[];
    expect(rows.filter((r) => r.stale).map((r) => r.stage)).toEqual(
      expect.arrayContaining(["targets", "units", "loader:quality.json"])
    );
    expect(rows.find((r) => r.stage === "observations")!.stale).toBe(false);
    expect(rows.find((r) => r.stage === "units")!.reason).toMatch(/pipelines\/core\/parseCsv\.ts/);
  });

  it("editing a module some stages import (cells.ts: units.ts, quality.ts, the tasks' modules, gaps.json: it names the targets' owners, and the progress template of the tasks) makes those stale and leaves the others fresh", async () => {
    await runStages({projectDir: project, dataDir}, options());
    const file = join(project, "pipelines", "core", "cells.ts");
    await writeFile(file, `${await readFile(file, "utf8")}\n// an edit\n`);
    const plans = await stale();
    // units.ts folds names (foldKey) to find one name under two codes; gaps and its loaders read the units,
    // and gaps.json names the targets' owners (the tasks)
    expect(plans.map((p) => p.stage.name)).toEqual([
      "units",
      "gaps",
      "tasks",
      "loader:gaps.json",
      "loader:history.json",
      "loader:quality.json",
      "loader:tasks.json",
      "loader:templates/progress.csv"
    ]);
    expect(plans[0]!.reason).toBe("changed: pipelines/core/cells.ts");
    expect(plans.find((p) => p.stage.name === "observations")).toBeUndefined();
  });
});
