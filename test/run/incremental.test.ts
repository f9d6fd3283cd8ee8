import {spawn} from "node:child_process";
import {existsSync, readdirSync, realpathSync} from "node:fs";
import {mkdtemp, readFile, readdir, rm, writeFile, mkdir} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {serveDir} from "../../pipelines/run/serveDir.js";
import {ingestSample} from "../../pipelines/sample/ingestSample.js";
import {launchChromium} from "../helpers/browser.js";
import {PROJECT_DIR, copyProject, runPlanwatch} from "../helpers/cli.js";
import {hashTree, listTree} from "../helpers/files.js";

interface Manifest {
  as_of: string;
  stages: {name: string; ran: boolean; reason: string}[];
}

describe("unattended rebuilds of a built sample project", () => {
  let tmp = "";
  let project = "";
  const dist = () => join(project, "dist");
  const manifest = async () => JSON.parse(await readFile(join(dist(), "planwatch-manifest.json"), "utf8")) as Manifest;
  const ran = (m: Manifest) => m.stages.filter((s) => s.ran).map((s) => s.name);

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-rebuild-"));
    project = await copyProject(join(tmp, "project"));
    await ingestSample({projectDir: project, dataDir: join(project, "data")});
    const {code, stderr} = await runPlanwatch(["build"], {cwd: project});
    if (code !== 0) throw new Error(stderr);
  });
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  it("a cold build runs every stage", async () => {
    expect(ran(await manifest())).toEqual([
      "targets",
      "units",
      "observations",
      "gaps",
      "tasks",
      "loader:gaps.json",
      "loader:history.json",
      "loader:quality.json",
      "loader:targets.json",
      "loader:city.json",
      "loader:overview.json",
      "loader:units/[unit].json",
      "loader:targets/[id].json",
      "progress",
      "loader:tasks.json",
      "loader:plan.json",
      "loader:templates/submission.csv",
      "loader:templates/progress.csv",
      "loader:project.json"
    ]);
  });

  it("a new month's file in the inbox re-runs only the stages and loaders it feeds, and the page shows the new value", async () => {
    await mkdir(join(project, "data", "inbox"), {recursive: true});
    await writeFile(
      join(project, "data", "inbox", "2023-12-西湖区.csv"),
      "单位,月份,指标编号,数值\n西湖区,2023-12,6.1b,9999\n"
    );
    const {code, stderr} = await runPlanwatch(["watch", "--once"], {cwd: project});
    expect(code, stderr).toBe(0);
    const m = await manifest();
    expect(m.as_of).toBe("2023-12");
    expect(ran(m)).toEqual([
      "observations",
      "gaps",
      "loader:gaps.json",
      "loader:history.json",
      "loader:quality.json",
      "loader:city.json",
      "loader:overview.json",
      "loader:units/[unit].json",
      "loader:targets/[id].json",
      "progress",
      "loader:tasks.json"
    ]);
    expect(m.stages.find((s) => s.name === "observations")!.reason).toBe("changed: data/ledger.jsonl");
    expect(m.stages.find((s) => s.name === "loader:targets.json")!.ran).toBe(false);
    expect(readdirSync(join(project, "data", "inbox", "processed"))).toEqual([
      expect.stringMatching(/^[0-9a-f]{12}-2023-12-西湖区\.csv$/)
    ]);
    expect(stderr).toMatch(/^stage observations\s+ran/m);

    const {server, url} = await serveDir({dir: dist()});
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${url}units/330106.html`, {waitUntil: "networkidle"});
      const row = page.locator("table.pw-table tbody tr", {hasText: "新增学位"});
      expect(await row.locator("td[data-key='actual']").textContent()).toBe("9,999 个");
    } finally {
      await browser.close();
      server.close();
    }
  });

  it("nothing new: no stage runs, and the site is the same", async () => {
    const before = await hashTree(dist());
    expect((await runPlanwatch(["build"], {cwd: project})).code).toBe(0);
    expect(ran(await manifest())).toEqual([]);
    const after = await hashTree(dist());
    before.delete("planwatch-manifest.json");
    after.delete("planwatch-manifest.json");
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before));
  });

  it("a build that fails half-way leaves the previous site serving unchanged, and the quality page reports it next time", async () => {
    const linked = realpathSync(dist());
    const before = await hashTree(dist());
    await writeFile(join(project, "src", "data", "broken.json.ts"), 'throw new Error("boom");\n');
    await writeFile(
      join(project, "src", "broken.md"),
      '# 坏页\n\n```js\nFileAttachment("data/broken.json").json()\n```\n'
    );
    const failed = await runPlanwatch(["build"], {cwd: project});
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^planwatch: build_failed: .*broken/m);
    expect(realpathSync(dist())).toBe(linked);
    expect(Object.fromEntries(await hashTree(dist()))).toEqual(Object.fromEntries(before));
    await rm(join(project, "src", "data", "broken.json.ts"));
    await rm(join(project, "src", "broken.md"));
    expect((await runPlanwatch(["build"], {cwd: project})).code).toBe(0);
    const quality = (await listTree(dist())).find((f) => f.startsWith("_file/data/quality."))!;
    const {failures} = JSON.parse(await readFile(join(dist(), quality), "utf8")) as {failures: {reason: string}[]};
    expect(failures[0]!.reason).toMatch(/broken/);
  });

  it("a build killed with SIGKILL leaves the previous site serving unchanged, and the next build recovers the lock", async () => {
    const linked = realpathSync(dist());
    const before = await hashTree(dist());
    const builds = join(project, ".dist.builds");
    const child = spawn(process.execPath, [join(PROJECT_DIR, "pipelines/planwatch.js"), "build"], {
      cwd: project,
      stdio: "ignore"
    });
    // Kill once the new build's folder exists: Framework is writing into it.
    await new Promise<void>((resolve) => {
      const poll = () =>
        readdirSync(builds).some((b) => b.endsWith(`-${child.pid}`)) ? setTimeout(resolve, 1500) : setTimeout(poll, 20);
      poll();
    });
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("exit", resolve));
    expect(realpathSync(dist())).toBe(linked);
    expect(Object.fromEntries(await hashTree(dist()))).toEqual(Object.fromEntries(before));
    expect(existsSync(join(project, ".planwatch", "build.lock"))).toBe(true);
    const next = await runPlanwatch(["build"], {cwd: project});
    expect(next.code, next.stderr).toBe(0);
    expect((await readdir(builds)).length).toBeLessThanOrEqual(2);
  });

  it("status lists what is stale and why", async () => {
    await writeFile(
      join(project, "seeds", "allocations.csv"),
      (await readFile(join(project, "seeds", "allocations.csv"), "utf8")).replace(
        "330106,6.1b,4150",
        "330106,6.1b,4200"
      )
    );
    const {code, stdout} = await runPlanwatch(["status", "--format", "json"], {cwd: project});
    expect(code).toBe(0);
    const stale = (JSON.parse(stdout) as {stage: string; stale: boolean; reason: string}[]).filter((s) => s.stale);
    expect(stale.map((s) => s.stage)).toEqual([
      "units",
      "gaps",
      "loader:gaps.json",
      "loader:history.json",
      "loader:city.json",
      "loader:overview.json",
      "loader:units/[unit].json",
      "loader:targets/[id].json"
    ]);
    expect(stale[0]!.reason).toBe("changed: seeds/allocations.csv");
  });
});
