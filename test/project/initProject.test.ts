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
    expect(index).toMatch(/目标来源:《宁波市教育局2014年工作要点》 · 数据截至 2014-03/);
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
