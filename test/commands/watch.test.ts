import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {PROJECT_DIR, copyProject, runPlanwatch} from "../helpers/cli.js";

/** The published site's manifest and the data its quality page reads. */
async function published(project: string) {
  const manifest = JSON.parse(await readFile(join(project, "dist/planwatch-manifest.json"), "utf8")) as {
    snapshot: string;
    as_of: string | null;
  };
  const dataDir = join(project, "dist/_file/data");
  const quality = (await readdir(dataDir)).find((f) => f.startsWith("quality."))!;
  return {manifest, quality: await readFile(join(dataDir, quality), "utf8")};
}

// One project copy for every case; two site builds in all.
describe("planwatch watch --once", () => {
  let project = "";
  const run = (args: string[]) => runPlanwatch(args, {cwd: project, bin: join(project, "pipelines/planwatch.js")});
  beforeAll(async () => {
    project = await copyProject(await mkdtemp(join(tmpdir(), "planwatch-watch-")));
  });
  afterAll(() => rm(project, {recursive: true, force: true}));

  it("tries a pass again when another process holds the data lock, and takes it over once that one dies", async () => {
    const [inbox, data] = [join(project, "held-inbox"), join(project, "held-data")];
    await mkdir(inbox);
    await mkdir(data);
    await writeFile(join(inbox, "上城区-有误.csv"), "单位,月份\n");
    const until = async (done: () => boolean) => {
      for (const end = Date.now() + 60_000; !done() && Date.now() < end;)
        await new Promise((resolve) => setTimeout(resolve, 100));
    };
    const hold = `const {withLock} = await import(${JSON.stringify(join(PROJECT_DIR, "pipelines/core/lock.ts"))});
      await withLock(${JSON.stringify(join(data, ".lock"))}, () => new Promise(() => setInterval(() => {}, 60_000)));`;
    const holder = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", hold], {cwd: PROJECT_DIR});
    await until(() => existsSync(join(data, ".lock")));
    const watcher = spawn(
      process.execPath,
      [join(project, "pipelines/planwatch.js"), "watch", "--inbox", inbox, "--data", data, "--debounce", "0"],
      {cwd: project, stdio: ["ignore", "ignore", "pipe"]}
    );
    let stderr = "";
    watcher.stderr.on("data", (chunk) => (stderr += String(chunk)));
    try {
      await until(() => /秒后重试/.test(stderr));
      expect(stderr).toMatch(/正在使用 .*\.lock.*\n.*秒后重试/);
      holder.kill("SIGKILL"); // dies holding the lock: the retry takes it over
      await until(() => !existsSync(join(inbox, "上城区-有误.csv")));
      expect(stderr).toContain("ingest: rejected 上城区-有误.csv");
      expect(existsSync(join(inbox, "上城区-有误.csv"))).toBe(false);
    } finally {
      watcher.kill();
      holder.kill();
    }
  });

  it("says an inbox that does not exist is missing, naming it, and creates nothing", async () => {
    const {code, stderr} = await run(["watch", "--once", "--inbox", "data/inbx"]);
    expect(code).toBe(1);
    expect(stderr).toContain(`not_found: 收件箱文件夹不存在:${join(project, "data/inbx")}`);
    expect(existsSync(join(project, "data/inbx"))).toBe(false);
  });

  it("prints a rejected file's findings, rebuilds so the quality page shows it, and exits 1", async () => {
    const good = await readFile(join(project, "data/sample/2023-01-上城区.csv"), "utf8");
    await mkdir(join(project, "data/inbox"));
    await writeFile(join(project, "data/inbox/2023-01-上城区.csv"), good);
    await writeFile(join(project, "data/inbox/上城区-有误.csv"), good.replace(",548,", ",五百,"));
    const {code, stderr} = await run(["watch", "--once"]);
    expect(stderr).toMatch(/^ {2}上城区-有误\.csv:3:数值 \w+ /m); // each finding, as planwatch validate prints it
    expect(code).toBe(1);
    const {manifest, quality} = await published(project);
    expect(manifest.as_of).toBe("2023-01");
    expect(quality).toContain("上城区-有误.csv");
  });

  it("rebuilds a site left stale by a pass killed before it published, though the inbox is empty", async () => {
    const before = (await published(project)).manifest.snapshot;
    // What a pass killed after ingesting leaves: the file ingested, the site not rebuilt.
    const ingest = await run(["ingest", "data/sample/2023-01-西湖区.csv", "--data", "data"]);
    expect(ingest.code).toBe(0);
    const {code, stderr} = await run(["watch", "--once"]);
    expect([code, stderr]).toEqual([0, expect.stringContaining("网站不是最新的")]);
    const {manifest} = await published(project);
    expect(manifest.snapshot).not.toBe(before);
    expect(manifest.as_of).toBe("2023-01");
    expect((await published(project)).quality).toContain("2023-01-西湖区.csv");
    // Nothing stale any more: the next pass builds nothing.
    const again = await run(["watch", "--once"]);
    expect([again.code, again.stderr]).toEqual([0, expect.not.stringContaining("build:")]);
  });
});
