import {mkdtemp, readFile, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {writeSample} from "../../pipelines/sample/writeSample.js";
import {readUnits} from "../../pipelines/submissions/units.js";
import {PROJECT_DIR} from "../helpers/cli.js";

describe("writeSample", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, {recursive: true, force: true}))));

  it("is deterministic and matches the committed data/sample", async () => {
    const units = await readUnits(join(PROJECT_DIR, "seeds", "units.csv"));
    const dir = await mkdtemp(join(tmpdir(), "planwatch-sample-"));
    dirs.push(dir);
    const files = await writeSample({dir, units});
    expect(files).toHaveLength(13);
    for (const file of files) {
      expect(await readFile(join(dir, file), "utf8")).toBe(await readFile(join(PROJECT_DIR, "data", "sample", file), "utf8"));
    }
    expect((await readdir(join(PROJECT_DIR, "data", "sample"))).filter((f) => f.endsWith(".csv")).sort()).toEqual([...files].sort());
  });
});
