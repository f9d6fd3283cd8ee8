import {execFileSync} from "node:child_process";
import {mkdir, mkdtemp, readFile, readlink, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {initProject} from "../../pipelines/project/initProject.js";
import {PROJECT_DIR} from "../helpers/cli.js";
import {listTree} from "../helpers/files.js";

// initProject's own checks, without building a site (test/project/initProject.test.ts builds one).
const PLAN = join(PROJECT_DIR, "test", "fixtures", "plans", "ningbo-edu-2014-work-plan.txt");

describe("initProject never replaces a file silently", () => {
  let tmp = "";
  beforeAll(async () => void (tmp = await mkdtemp(join(tmpdir(), "planwatch-init-own-"))));
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  it("refuses a folder holding files it would write, naming each, and leaves them as they were", async () => {
    const dir = join(tmp, "mine");
    await mkdir(join(dir, "seeds"), {recursive: true});
    await writeFile(join(dir, "README.md"), "我的说明\n");
    await writeFile(join(dir, "seeds", "units.csv"), "我的单位\n");
    await writeFile(join(dir, "notes.txt"), "别的文件\n");
    await expect(initProject(dir, {plan: PLAN})).rejects.toMatchObject({
      code: "would_overwrite",
      message: expect.stringMatching(/中已有 init 要写的文件:seeds\/units\.csv、README\.md\(.*--force/)
    });
    expect(await readFile(join(dir, "README.md"), "utf8")).toBe("我的说明\n");
    expect(await readFile(join(dir, "seeds", "units.csv"), "utf8")).toBe("我的单位\n");
    expect(await listTree(dir)).toEqual(["README.md", "notes.txt", "seeds/units.csv"]);
  });

  it("a folder that is a project already is project_exists; --force replaces the files, never a link's target", async () => {
    const dir = join(tmp, "again");
    await initProject(dir, {plan: PLAN});
    await expect(initProject(dir, {plan: PLAN})).rejects.toMatchObject({
      code: "project_exists",
      message: expect.stringMatching(/planwatch\.config\.json.*已是一个 planwatch 项目/)
    });
    const outside = join(tmp, "outside.md");
    await writeFile(outside, "别处的文件\n");
    await rm(join(dir, "README.md"));
    await symlink(outside, join(dir, "README.md"));
    const result = await initProject(dir, {plan: PLAN, force: true});
    expect(result.files).toContain("README.md");
    expect(await readFile(outside, "utf8")).toBe("别处的文件\n");
    await expect(readlink(join(dir, "README.md"))).rejects.toMatchObject({code: "EINVAL"}); // a file now, not a link
    expect(await readFile(join(dir, "README.md"), "utf8")).toMatch(/planwatch 监测项目/);
  });

  it("a plan that is a FIFO is refused at once, not waited on", async () => {
    const fifo = join(tmp, "plan.txt");
    execFileSync("mkfifo", [fifo]);
    await expect(initProject(join(tmp, "fifo"), {plan: fifo})).rejects.toMatchObject({
      code: "invalid_plan",
      message: expect.stringMatching(/不是普通文件\(是命名管道/)
    });
  });
});
