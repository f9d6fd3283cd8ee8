import {mkdtemp, readFile, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {writeSample} from "../../pipelines/sample/writeSample.js";
import {readUnits} from "../../pipelines/project/units.js";
import {projectTargets} from "../../pipelines/project/projectTargets.js";
import {projectTasks} from "../../pipelines/project/projectTasks.js";
import {PROJECT_DIR} from "../helpers/cli.js";

describe("writeSample", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, {recursive: true, force: true}))));

  it("is deterministic, byte for byte, and matches the committed data/sample", async () => {
    const units = await readUnits(join(PROJECT_DIR, "seeds", "units.csv"));
    const dir = await mkdtemp(join(tmpdir(), "planwatch-sample-"));
    dirs.push(dir);
    const targets = await projectTargets({projectDir: PROJECT_DIR});
    const files = await writeSample({dir, units, targets, progress: await projectTasks({projectDir: PROJECT_DIR})});
    expect(files.length).toBeGreaterThan(150);
    for (const file of files) {
      expect(
        (await readFile(join(dir, file))).equals(await readFile(join(PROJECT_DIR, "data", "sample", file))),
        file
      ).toBe(true);
    }
    expect((await readdir(join(PROJECT_DIR, "data", "sample"))).sort()).toEqual([...files].sort());
  });
});
