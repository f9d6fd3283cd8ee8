import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {initProject} from "../../pipelines/project/initProject.js";
import {projectTargets} from "../../pipelines/project/projectTargets.js";
import {PROJECT_DIR} from "../helpers/cli.js";

const DOCX = join(PROJECT_DIR, "test", "fixtures", "plans", "documents", "seed.docx");

describe("initProject with a Word document", () => {
  let tmp = "";
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-initdoc-"));
  });
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  it("keeps the original in seeds/ and writes the text planwatch reads beside it; plan names the text", async () => {
    const dir = join(tmp, "seed");
    const result = await initProject(dir, {plan: DOCX});
    expect(result.spec.plan).toBe("seeds/seed.txt");
    expect(result.original).toBe("seeds/seed.docx");
    expect(result.files.slice(0, 2)).toEqual(["seeds/seed.docx", "seeds/seed.txt"]);
    expect(result.targets).toBe(33);
    expect(await readFile(join(dir, "seeds", "seed.docx"))).toEqual(await readFile(DOCX));
    const text = await readFile(join(dir, "seeds", "seed.txt"), "utf8");
    expect(text.startsWith("杭州市教育局关于印发2023年工作要点的通知\n")).toBe(true);
    // the project's targets are read from the text, their offsets index it
    const targets = await projectTargets({projectDir: dir});
    expect(targets).toHaveLength(33);
    for (const t of targets) expect(text.slice(t.start_offset, t.end_offset)).toBe(t.text);
  });

  it("a text plan is copied as before, with no original", async () => {
    const result = await initProject(join(tmp, "text"), {
      plan: join(PROJECT_DIR, "seeds", "hangzhou-edu-2023-work-plan.txt")
    });
    expect(result.original).toBeNull();
    expect(result.files[0]).toBe("seeds/hangzhou-edu-2023-work-plan.txt");
  });
});
