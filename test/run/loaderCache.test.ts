import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {LOADER_CACHE_OWNER, claimLoaderCache} from "../../pipelines/run/loaderCache.js";

// Projects without a src/ of their own share the toolkit's, and Framework's cache in it: a loader
// output another project wrote there must never be served as this project's (issue #21, item 10).
describe("claimLoaderCache", () => {
  let tmp = "";
  let cache = "";
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-loader-cache-"));
    cache = join(tmp, "src", ".observablehq", "cache");
  });
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  const write = async (file: string, text: string) => {
    await mkdir(join(cache, file, ".."), {recursive: true});
    await writeFile(join(cache, file), text);
  };

  it("clears another project's loader outputs, keeps the npm cache, and names the new owner", async () => {
    await write("data/project.json", '{"title":"杭州"}');
    await write("data/templates/submission.csv", "单位\n");
    await write("_npm/d3@7.9.0/_esm.js", "export {}");
    const a = {cacheDir: cache, projectDir: join(tmp, "a"), dataDir: join(tmp, "a", "data")};
    expect(await claimLoaderCache(a)).toBe(true); // no owner yet: whose they are is unknown
    expect(existsSync(join(cache, "data"))).toBe(false);
    expect(existsSync(join(cache, "_npm/d3@7.9.0/_esm.js"))).toBe(true);
    expect(JSON.parse(await readFile(join(cache, LOADER_CACHE_OWNER), "utf8"))).toEqual({
      project: a.projectDir,
      data: a.dataDir
    });

    await write("data/project.json", '{"title":"杭州"}');
    expect(await claimLoaderCache(a)).toBe(false); // its own: kept, so an unchanged build reruns nothing
    expect(await readFile(join(cache, "data/project.json"), "utf8")).toBe('{"title":"杭州"}');

    const b = {cacheDir: cache, projectDir: join(tmp, "b"), dataDir: join(tmp, "b", "data")};
    expect(await claimLoaderCache(b)).toBe(true);
    expect(existsSync(join(cache, "data/project.json"))).toBe(false);

    await write("data/project.json", '{"title":"宁波"}');
    expect(await claimLoaderCache({...b, dataDir: join(tmp, "b", "other-data")})).toBe(true); // another data folder
    expect(existsSync(join(cache, "data/project.json"))).toBe(false);
  });

  it("starts a cache that does not exist yet", async () => {
    const fresh = join(tmp, "fresh", ".observablehq", "cache");
    expect(await claimLoaderCache({cacheDir: fresh, projectDir: tmp, dataDir: join(tmp, "data")})).toBe(false);
    expect(existsSync(join(fresh, LOADER_CACHE_OWNER))).toBe(true);
  });
});
