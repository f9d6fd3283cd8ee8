import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readdir, readlink, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {frameworkCache, frameworkRoot} from "../../pipelines/project/projectFile.js";
import {linkSiteRoot} from "../../pipelines/run/linkSiteRoot.js";
import {PROJECT_DIR} from "../helpers/cli.js";

// Two projects of one installation, built or served at the same moment, must never share Framework's cache
// (issue #21, item 10): each project without a src/ gets a root of its own linking the toolkit's pages.
describe("linkSiteRoot", () => {
  let tmp = "";
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-site-root-"));
  });
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  it("gives a project without src/ its own root, linking each entry of the toolkit's src/, and its own cache", async () => {
    const a = join(tmp, "a");
    const b = join(tmp, "b");
    await mkdir(a);
    await mkdir(b);
    const root = await linkSiteRoot(a);
    expect(root).toBe(join(a, ".planwatch", "site"));
    expect(frameworkRoot(a)).toBe(root);
    expect(frameworkCache(a)).toBe(join(root, ".observablehq", "cache"));
    expect(frameworkCache(b)).not.toBe(frameworkCache(a));
    const toolkit = (await readdir(join(PROJECT_DIR, "src"))).filter((e) => e !== ".observablehq").sort();
    expect((await readdir(root)).sort()).toEqual(toolkit);
    for (const entry of toolkit) expect(await readlink(join(root, entry))).toBe(join(PROJECT_DIR, "src", entry));
    expect(existsSync(join(root, "data", "project.json.ts"))).toBe(true);

    // again: what the toolkit no longer has goes, the cache stays, the links stand
    await writeFile(join(root, "gone.md"), "# 旧页面\n");
    await mkdir(join(root, ".observablehq", "cache", "data"), {recursive: true});
    await writeFile(join(root, ".observablehq", "cache", "data", "project.json"), "{}");
    expect(await linkSiteRoot(a)).toBe(root);
    expect((await readdir(root)).filter((e) => e !== ".observablehq").sort()).toEqual(toolkit);
    expect(existsSync(join(root, ".observablehq", "cache", "data", "project.json"))).toBe(true);
  });

  it("leaves a project with a src/ of its own as its root, making nothing", async () => {
    const own = join(tmp, "own");
    await mkdir(join(own, "src"), {recursive: true});
    expect(await linkSiteRoot(own)).toBe(join(own, "src"));
    expect(existsSync(join(own, ".planwatch"))).toBe(false);
  });
});
