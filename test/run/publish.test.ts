import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readFile, readdir, readlink, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {buildsDir, newBuildDir, publish} from "../../pipelines/run/publish.js";
import {ingestFiles} from "../../pipelines/intake/ingestFiles.js";
import {JULY_5, seedCatalog} from "../helpers/catalog.js";
import {copyProject, runPlanwatch} from "../helpers/cli.js";

/** Every file under `dir` with its contents, to compare before and after. */
async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const e of await readdir(dir, {recursive: true, withFileTypes: true})) {
    if (e.isFile()) files[join(e.parentPath, e.name)] = await readFile(join(e.parentPath, e.name), "utf8");
  }
  return files;
}

const finishedBuild = async (target: string, page: string) => {
  const build = await newBuildDir(target);
  await mkdir(build, {recursive: true});
  await writeFile(join(build, "index.html"), page);
  return build;
};

describe("publish", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-publish-"));
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it("publishes into an absent or empty folder, then swaps the link and keeps the previous build", async () => {
    const target = join(dir, "dist");
    await mkdir(target);
    const first = await finishedBuild(target, "first");
    await publish(first, target);
    expect(await readFile(join(target, "index.html"), "utf8")).toBe("first");
    await new Promise((resolve) => setTimeout(resolve, 2)); // a distinct build folder name
    const second = await finishedBuild(target, "second");
    await publish(second, target);
    expect(await readFile(join(target, "index.html"), "utf8")).toBe("second");
    expect(existsSync(first)).toBe(true); // the previous build, for rollback
    expect(await readlink(target)).toContain(".dist.builds/build-");
  });

  it("refuses a folder with files, a file, or a link elsewhere, and changes nothing", async () => {
    const folder = join(dir, "archive");
    await mkdir(join(folder, "sub"), {recursive: true});
    await writeFile(join(folder, "ledger.jsonl"), "{}\n");
    await writeFile(join(folder, "sub", "a.csv"), "x");
    const file = join(dir, "notes.txt");
    await writeFile(file, "keep");
    const elsewhere = join(dir, "elsewhere");
    await symlink(folder, elsewhere);
    for (const target of [folder, file, elsewhere]) {
      const before = await tree(dir);
      const build = await finishedBuild(target, "x");
      await expect(publish(build, target)).rejects.toMatchObject({code: "invalid_output"});
      await rm(buildsDir(target), {recursive: true});
      expect(await tree(dir)).toEqual(before);
    }
  });
});

describe("planwatch build --output", () => {
  let project = "";
  beforeAll(async () => {
    project = await copyProject(await mkdtemp(join(tmpdir(), "planwatch-output-")));
    const june = join(project, "june.csv"); // one accepted file: a build would otherwise go ahead
    await writeFile(june, "单位,月份,指标编号,数值\n西湖区,2023-06,6.1b,4200\n");
    await ingestFiles([june], {dataDir: join(project, "data"), catalog: await seedCatalog(), clock: () => JULY_5});
  });
  afterAll(() => rm(project, {recursive: true, force: true}));

  it("exits 1 with invalid_output on a folder that is not its own, and leaves the folder as it was", async () => {
    const foreign = join(project, "mine");
    await mkdir(join(foreign, ".git"), {recursive: true});
    await writeFile(join(foreign, "thesis.txt"), "irreplaceable");
    await writeFile(join(foreign, ".git", "HEAD"), "ref: refs/heads/main\n");
    const before = await tree(foreign);
    const {code, stderr} = await runPlanwatch(["build", "--output", "mine"], {cwd: project});
    expect(stderr).toMatch(/^planwatch: invalid_output: 输出位置 .*mine/m);
    expect(code).toBe(1);
    expect(await tree(foreign)).toEqual(before);
    expect(existsSync(join(project, ".mine.builds"))).toBe(false);
  });
});
