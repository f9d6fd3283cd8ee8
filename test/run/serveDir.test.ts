import {execFileSync} from "node:child_process";
import type {Server} from "node:http";
import {mkdir, mkdtemp, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {newBuildDir, publish} from "../../pipelines/run/publish.js";
import {serveDir} from "../../pipelines/run/serveDir.js";

describe("serveDir", () => {
  let tmp = "";
  let server: Server | undefined;
  let url = "";
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-serve-"));
    const site = join(tmp, "dist");
    await mkdir(join(site, "units"), {recursive: true});
    await writeFile(join(site, "index.html"), "首页");
    await writeFile(join(site, "units", "330106.html"), "西湖区");
    await writeFile(join(tmp, "secret.txt"), "folder's outside");
    await symlink(join(tmp, "secret.txt"), join(site, "secret.txt"));
    await symlink(tmp, join(site, "up"));
    await symlink(join(tmp, "secret.txt"), join(site, "page.html"));
    execFileSync("mkfifo", [join(site, "pipe.html")]);
    ({server, url} = await serveDir({dir: site}));
  });
  afterAll(async () => {
    await new Promise((done) => (server ? server.close(done) : done(null)));
    await rm(tmp, {recursive: true, force: true});
  });
  const get = async (path: string) => {
    const res = await fetch(new URL(path, url));
    return [res.status, await res.text()];
  };

  it("serves the folder's regular files, with clean URLs", async () => {
    expect(await get("/")).toEqual([200, "首页"]);
    expect(await get("/units/330106")).toEqual([200, "西湖区"]);
    expect(await get("/units/330199")).toEqual([404, "not found"]);
  });

  it.each([
    ["a symbolic link to a file outside", "/secret.txt"],
    ["a path through a symbolic link to a folder outside", "/up/secret.txt"],
    ["a clean URL whose page is a link", "/page"],
    ["a FIFO", "/pipe"]
  ])("never serves %s", async (_name, path) => {
    expect(await get(path)).toEqual([404, "not found"]);
  });

  it.each([
    ["abc", /端口“abc”无效/],
    ["99999", /端口“99999”无效/],
    [-1, /端口“-1”无效/]
  ])("a port %s is an invalid_option error in Chinese", async (port, message) => {
    await expect(serveDir({dir: tmp, port})).rejects.toMatchObject({
      code: "invalid_option",
      message: expect.stringMatching(message)
    });
  });

  it("a folder that is not there is an error, not a server of 404s", async () => {
    await expect(serveDir({dir: join(tmp, "missing")})).rejects.toMatchObject({
      code: "not_found",
      message: expect.stringMatching(/missing 不存在或不是文件夹/)
    });
  });
});

describe("serveDir of a published site", () => {
  it("serves each new build as it is published, not the build it started on", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "planwatch-serve-"));
    const site = join(tmp, "dist");
    const build = async (text: string) => {
      const dir = await newBuildDir(site);
      await mkdir(dir, {recursive: true});
      await writeFile(join(dir, "index.html"), text);
      await publish(dir, site);
    };
    await build("第一版");
    const {server, url} = await serveDir({dir: site});
    try {
      const get = async () => (await fetch(url)).text();
      expect(await get()).toBe("第一版");
      await build("第二版");
      expect(await get()).toBe("第二版");
      await build("第三版"); // the first build is removed now
      expect(await get()).toBe("第三版");
    } finally {
      await new Promise((done) => server.close(done));
      await rm(tmp, {recursive: true, force: true});
    }
  });
});
