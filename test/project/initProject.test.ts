import {readFile, rm, writeFile, mkdtemp} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {listTree} from "../helpers/files.js";
import {PROJECT_DIR, runPlanwatch} from "../helpers/cli.js";

const PLAN = join(PROJECT_DIR, "test", "fixtures", "plans", "ningbo-edu-2014-work-plan.txt");
/** What the seed plan's site says and another plan's site must never say. */
const SEED_TRACES = ["杭州", "杭州市教育局2023年工作要点", "杭州教育工作要点监测", "十件民生实事"];

// A second real plan (another city, another year) becomes a whole site through init + build, run
// from inside the new project's folder, with its own title and nothing of the seed's.
describe("planwatch init + build: a project for another plan", () => {
  let tmp = "";
  let project = "";
  const run = (args: string[]) => runPlanwatch(args, {cwd: project});

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-init-"));
    project = join(tmp, "ningbo");
  });
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  it("init writes the project file, seeds (plan, units and offices tables to fill, empty curation and task owners) and README stubs", async () => {
    const {code, stderr} = await runPlanwatch(["init", project, "--plan", PLAN]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain("《宁波市教育局2014年工作要点》");
    expect(stderr).toContain("提取到 8 项量化目标");
    expect(stderr).toMatch(/提示:请在 seeds\/units\.csv 中填写报送单位/);
    const files = await listTree(project);
    expect(files.sort()).toEqual([
      "README.md",
      "planwatch.config.json",
      "seeds/README.md",
      "seeds/allocations.csv",
      "seeds/ningbo-edu-2014-work-plan.txt",
      "seeds/offices.csv",
      "seeds/responsibilities.csv",
      "seeds/targets.curation.csv",
      "seeds/units.csv"
    ]);
    expect(JSON.parse(await readFile(join(project, "planwatch.config.json"), "utf8"))).toEqual({
      plan: "seeds/ningbo-edu-2014-work-plan.txt",
      title: "宁波市教育局2014年工作要点",
      year: 2014,
      livelihood: false,
      units: "seeds/units.csv",
      curation: "seeds/targets.curation.csv",
      allocations: "seeds/allocations.csv",
      offices: "seeds/offices.csv",
      responsibilities: "seeds/responsibilities.csv"
    });
    expect(await readFile(join(project, "seeds", "units.csv"), "utf8")).toBe("code,name,short_name,kind,aliases\n");
    expect(await readFile(join(project, "seeds", "README.md"), "utf8")).toMatch(/`code`:单位代码/);
    expect((await runPlanwatch(["init", project, "--plan", PLAN])).stderr).toMatch(/^planwatch: project_exists: /m);
  });

  it("build, run inside the project after its units and a first submission, publishes a complete site of that plan with no trace of the seed's", async () => {
    await writeFile(
      join(project, "seeds", "units.csv"),
      "code,name,short_name,kind,aliases\n330203,海曙区,海曙,district,\n330205,江北区,江北,district,\n"
    );
    await writeFile(
      join(project, "data", "inbox", "2014-03.csv"),
      "单位,月份,指标编号,数值\n海曙区,2014-03,2.2b,600\n江北区,2014-03,2.2b,400\n"
    );
    const ingested = await run(["ingest", "data/inbox"]);
    expect(ingested.code, ingested.stderr).toBe(0);
    const built = await run(["build"]);
    expect(built.code, built.stderr).toBe(0);
    const dist = join(project, "dist");
    const files = await listTree(dist);
    for (const page of [
      "index.html",
      "quality.html",
      "method.html",
      "plan.html",
      "sections/1.html",
      "sections/2.html",
      "units/330203.html",
      "units/330205.html"
    ])
      expect(files).toContain(page);
    expect(files.filter((f) => f.startsWith("targets/"))).toHaveLength(8);
    const index = await readFile(join(dist, "index.html"), "utf8");
    expect(index).toContain("<title>总览 | 宁波市教育局2014年工作要点 · 监测</title>");
    expect(index).toMatch(/目标来源:《宁波市教育局2014年工作要点》 · 数据截至 2014年3月/);
    expect(index).not.toContain(`href="./livelihood.html"`); // a plan without 民生实事 has no such entry
    const project_json = files.find((f) => /^_file\/data\/project\.[0-9a-f]+\.json$/.test(f))!;
    expect(JSON.parse(await readFile(join(dist, project_json), "utf8"))).toMatchObject({
      title: "宁波市教育局2014年工作要点",
      year: 2014,
      livelihood: null
    });
    const traces: string[] = [];
    for (const file of files.filter((f) => /\.(html|js|json|css)$/.test(f) && !f.startsWith("_npm/"))) {
      const text = await readFile(join(dist, file), "utf8");
      for (const trace of SEED_TRACES) if (text.includes(trace)) traces.push(`${file}: ${trace}`);
    }
    expect(traces).toEqual([]);
  });
});

// A bureau publishes its plan at the start of the year, before any unit has sent a number; and `dev`
// in a second project made by init (no src/, no node_modules of its own) shows that project's plan,
// not the one built last with the same installation (projects share the toolkit's src/ and its cache).
describe("planwatch init + build before the first submission, and dev beside it", () => {
  let tmp = "";
  let hangzhou = "";
  let ningbo = "";

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-nodata-"));
    hangzhou = join(tmp, "hangzhou");
    ningbo = join(tmp, "ningbo");
    for (const [dir, plan] of [
      [hangzhou, join(PROJECT_DIR, "seeds", "hangzhou-edu-2023-work-plan.txt")],
      [ningbo, PLAN]
    ] as const) {
      const init = await runPlanwatch(["init", dir, "--plan", plan]);
      expect(init.code, init.stderr).toBe(0);
    }
  });
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  it("build with no data publishes the plan, its targets and tasks, each target 无数据, the templates, and says no data has arrived", async () => {
    const built = await runPlanwatch(["build"], {cwd: hangzhou});
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain("尚未收到任何填报");
    const dist = join(hangzhou, "dist");
    const files = await listTree(dist);
    for (const page of ["index.html", "quality.html", "plan.html", "sections/1.html", "targets/2-2a.html"])
      expect(files).toContain(page);
    expect(files.filter((f) => f.startsWith("targets/") && f.endsWith(".html"))).toHaveLength(33);
    const gaps = JSON.parse(
      await readFile(
        join(
          dist,
          files.find((f) => /^_file\/data\/gaps\.[^/]+\.json$/.test(f))!
        ),
        "utf8"
      )
    );
    expect(gaps.as_of).toBe("");
    expect(gaps.rows).toHaveLength(33);
    expect(new Set(gaps.rows.map((r: {status: string}) => r.status))).toEqual(new Set(["no_data"]));
    const template = files.find((f) => /^_file\/data\/templates\/submission\.[^/]+\.csv$/.test(f))!;
    expect(await readFile(join(dist, template), "utf8")).toMatch(/^\uFEFF单位,月份,指标编号,指标名称,数值/);

    const {openSite} = await import("../helpers/browser.js");
    const site = await openSite(dist);
    try {
      const index = await site.open("index.html", 1200);
      expect(index.problems).toEqual([]);
      expect(await index.page.locator(".pw-no-data").innerText()).toContain("尚未收到任何填报");
      expect(await index.page.locator("main").innerText()).toContain("无数据");
      const target = await site.open("targets/2-2a.html", 1200);
      expect(target.problems).toEqual([]);
      expect(await target.page.locator("main").innerText()).toMatch(/尚无数据[\s\S]*无数据/);
      const section = await site.open("sections/1.html", 1200);
      expect(section.problems).toEqual([]);
      expect(await section.page.locator("main").innerText()).toContain("工作任务");
      const quality = await site.open("quality.html", 1200);
      expect(quality.problems).toEqual([]);
      expect(await quality.page.locator(".pw-no-data").innerText()).toContain("尚未收到任何填报");
      const links = quality.page.locator(".pw-templates a[download]");
      expect(await links.count()).toBe(2);
      for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
        const response = await fetch(href);
        expect(response.status).toBe(200);
        // UTF-8 with a BOM, as Excel on Chinese Windows opens it (fetch's text() would drop the BOM)
        expect(Buffer.from(await response.arrayBuffer()).toString("utf8")).toMatch(/^\uFEFF(单位|任务编号),/);
      }
    } finally {
      await site.close();
    }
  }, 600_000);

  it("dev in another project made by init serves that project's plan and data, not the one built last", async () => {
    const {spawn} = await import("node:child_process");
    const {createServer} = await import("node:net");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const {port} = server.address() as {port: number};
    await new Promise((resolve) => server.close(resolve));
    const dev = spawn(
      process.execPath,
      [join(PROJECT_DIR, "pipelines", "planwatch.js"), "dev", "--port", String(port)],
      {
        cwd: ningbo,
        stdio: ["ignore", "ignore", "pipe"]
      }
    );
    let stderr = "";
    dev.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise((resolve) => dev.on("exit", resolve));
    try {
      const get = async (path: string) => {
        const until = Date.now() + 120_000;
        for (;;) {
          const response = await fetch(`http://127.0.0.1:${port}${path}`).catch(() => null);
          if (response?.ok) return response.text();
          expect(dev.exitCode, stderr).toBeNull();
          expect(Date.now(), `${path}: ${stderr}`).toBeLessThan(until);
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      };
      expect(await get("/")).toContain("宁波市教育局2014年工作要点");
      expect(JSON.parse(await get("/_file/data/project.json")).title).toBe("宁波市教育局2014年工作要点");
      const targets = JSON.parse(await get("/_file/data/targets.json")) as {id: string}[];
      expect(targets).toHaveLength(8);
      const gaps = JSON.parse(await get("/_file/data/gaps.json")) as {as_of: string; rows: {indicator: string}[]};
      expect(gaps.rows.map((r) => r.indicator)).not.toContain("中小学学科类培训机构压减率");
    } finally {
      dev.kill("SIGTERM");
      await exited;
    }
  }, 300_000);

  // Each project without a src/ has a Framework root and cache of its own (.planwatch/site/, linking the toolkit's
  // pages): another project's build, at the same moment as this one's dev or build, never writes the outputs it shows.
  it("dev in one project keeps serving its own plan while the other builds, and two builds at once publish each its own", async () => {
    const {spawn} = await import("node:child_process");
    const {createServer} = await import("node:net");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const {port} = server.address() as {port: number};
    await new Promise((resolve) => server.close(resolve));
    const dev = spawn(
      process.execPath,
      [join(PROJECT_DIR, "pipelines", "planwatch.js"), "dev", "--port", String(port)],
      {cwd: ningbo, stdio: ["ignore", "ignore", "pipe"]}
    );
    let stderr = "";
    dev.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise((resolve) => dev.on("exit", resolve));
    const get = async (path: string) => {
      const until = Date.now() + 120_000;
      for (;;) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`).catch(() => null);
        if (response?.ok) return response.text();
        expect(dev.exitCode, stderr).toBeNull();
        expect(Date.now(), `${path}: ${stderr}`).toBeLessThan(until);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    };
    const served = async () => ({
      title: (JSON.parse(await get("/_file/data/project.json")) as {title: string}).title,
      targets: (JSON.parse(await get("/_file/data/targets.json")) as unknown[]).length
    });
    const published = async (project: string) => {
      const dist = join(project, "dist");
      const files = await listTree(dist);
      const read = async (name: string) =>
        JSON.parse(
          await readFile(
            join(
              dist,
              files.find((f) => new RegExp(`^_file/data/${name}\\.[^/]+\\.json$`).test(f))!
            ),
            "utf8"
          )
        );
      return {title: (await read("project")).title as string, targets: ((await read("targets")) as unknown[]).length};
    };
    const NINGBO = {title: "宁波市教育局2014年工作要点", targets: 8};
    const HANGZHOU = {title: "杭州市教育局2023年工作要点", targets: 33};
    try {
      expect(await served()).toEqual(NINGBO);
      const alone = await runPlanwatch(["build"], {cwd: hangzhou});
      expect(alone.code, alone.stderr).toBe(0);
      expect(await served()).toEqual(NINGBO);
      const both = await Promise.all([
        runPlanwatch(["build"], {cwd: hangzhou}),
        runPlanwatch(["build"], {cwd: ningbo})
      ]);
      for (const built of both) expect(built.code, built.stderr).toBe(0);
      expect(await published(hangzhou)).toEqual(HANGZHOU);
      expect(await published(ningbo)).toEqual(NINGBO);
      expect(await served()).toEqual(NINGBO);
    } finally {
      dev.kill("SIGTERM");
      await exited;
    }
  }, 600_000);
});

// A 工作要点 of tasks only (no numeric target at all): the site tracks its tasks, and says the plan states no target.
describe("planwatch init + build: a plan of tasks only", () => {
  let tmp = "";
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  it("builds, and its overview tracks the tasks and says the plan states no numeric target", async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-tasks-only-"));
    const project = join(tmp, "taiyuan");
    const plan = join(PROJECT_DIR, "test", "fixtures", "plans", "tasks", "taiyuan-edu-2025.txt");
    const init = await runPlanwatch(["init", project, "--plan", plan]);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout + init.stderr).toContain("提取到 0 项量化目标");
    const built = await runPlanwatch(["build"], {cwd: project});
    expect(built.code, built.stderr).toBe(0);
    const {openSite} = await import("../helpers/browser.js");
    const site = await openSite(join(project, "dist"));
    try {
      const index = await site.open("index.html", 1200);
      expect(index.problems).toEqual([]);
      const text = await index.page.locator("main").innerText();
      expect(text).toContain("本规划未列出量化目标");
      expect(text).toMatch(/规划共 \d+ 个工作项、\d+ 项工作任务/);
      expect(text).not.toMatch(/量化目标中|各单位状态|最需关注|项目标的状态/);
      for (const page of ["plan.html", "quality.html", "sections/1.html", "method.html"])
        expect((await site.open(page, 1200)).problems, page).toEqual([]);
    } finally {
      await site.close();
    }
  }, 600_000);
});
