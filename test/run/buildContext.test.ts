import {copyFile, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {existsSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {buildSite} from "../../pipelines/run/buildSite.js";
import {quietLogger} from "../../pipelines/run/effects.js";
import {projectCatalog} from "../../pipelines/intake/catalog.js";
import {ingestFiles} from "../../pipelines/intake/ingestFiles.js";
import {PROJECT_DIR, copyProject} from "../helpers/cli.js";

const PLAN = join(PROJECT_DIR, "test", "fixtures", "plans", "ningbo-edu-2014-work-plan.txt");
const UNITS = "code,name,short_name,kind,aliases\n330203,海曙区,海曙,district,\n330205,江北区,江北,district,\n";

// watch and schedule build many times in one process: each build must publish its own footer
// (as-of month, snapshot, plan title) and its own page list (a new unit, a new target).
describe("two builds in one process", () => {
  let tmp = "";
  let project = "";
  const ingest = async (name: string, csv: string, at: string) => {
    const file = join(tmp, name);
    await writeFile(file, csv);
    const [result] = await ingestFiles([file], {
      dataDir: join(project, "data"),
      catalog: await projectCatalog({projectDir: project}),
      clock: () => new Date(at)
    });
    expect(result!.status).toBe("accepted");
  };
  const page = (path: string) => readFile(join(project, "dist", path), "utf8");
  const footer = async () =>
    /<footer id="observablehq-footer">\s*<div>(.*?)<\/div>/s.exec(await page("index.html"))![1]!;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-context-"));
    project = await copyProject(join(tmp, "project"));
    // Another plan in the copied project: its own plan text, units, no curation, allocations or task owners.
    await rm(join(project, "seeds", "hangzhou-edu-2023-work-plan.txt"));
    await rm(join(project, "seeds", "allocations.csv"));
    await rm(join(project, "seeds", "responsibilities.csv")); // the seed plan's task owners: not this plan's
    await rm(join(project, "seeds", "offices.csv"));
    await rm(join(project, "data"), {recursive: true});
    await copyFile(PLAN, join(project, "seeds", "ningbo-edu-2014-work-plan.txt"));
    await writeFile(join(project, "seeds", "units.csv"), UNITS);
    await writeFile(
      join(project, "seeds", "targets.curation.csv"),
      "id,indicator,kind,aggregation,direction,baseline,baseline_source,start,deadline,schedule,note\n"
    );
    await writeFile(
      join(project, "planwatch.config.json"),
      JSON.stringify({plan: "seeds/ningbo-edu-2014-work-plan.txt", title: "宁波市教育局2014年工作要点", year: 2014})
    );
  });
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  it("the first build shows its as-of month, its plan and its units", async () => {
    await ingest(
      "2014-03.csv",
      "单位,月份,指标编号,数值\n海曙区,2014-03,2.2b,600\n江北区,2014-03,2.2b,400\n",
      "2014-04-05T08:00:00+08:00"
    );
    const manifest = await buildSite({projectDir: project, logger: quietLogger()});
    expect(manifest.as_of).toBe("2014-03");
    expect(await footer()).toMatch(
      /目标来源:《宁波市教育局2014年工作要点》 · 数据截至 2014年3月 · 输入快照 <code>[0-9a-f]{12}<\/code>/
    );
    expect(await page("index.html")).toContain("海曙区");
    expect(await page("index.html")).not.toContain("鄞州区");
    expect(existsSync(join(project, "dist", "targets", "2-4a.html"))).toBe(false);
  });

  it("a second build in the same process, after a new month, a new unit, a new target and a new title, shows them all", async () => {
    const before = await footer();
    const plan = join(project, "seeds", "ningbo-edu-2014-work-plan.txt");
    await writeFile(plan, `${await readFile(plan, "utf8")}\n4.新建幼儿园5所。\n`);
    await writeFile(join(project, "seeds", "units.csv"), `${UNITS}330212,鄞州区,鄞州,district,\n`);
    await ingest(
      "2014-04.csv",
      "单位,月份,指标编号,数值\n鄞州区,2014-04,2.2b,300\n海曙区,2014-04,2.2b,700\n",
      "2014-05-05T08:00:00+08:00"
    );
    await writeFile(
      join(project, "planwatch.config.json"),
      JSON.stringify({
        plan: "seeds/ningbo-edu-2014-work-plan.txt",
        title: "宁波市教育局2014年工作要点(修订)",
        year: 2014
      })
    );
    const manifest = await buildSite({projectDir: project, logger: quietLogger()});
    expect(manifest.as_of).toBe("2014-04");
    const after = await footer();
    expect(after).toContain("目标来源:《宁波市教育局2014年工作要点(修订)》 · 数据截至 2014年4月 · ");
    expect(/<code>(\w+)<\/code>/.exec(after)![1]).not.toBe(/<code>(\w+)<\/code>/.exec(before)![1]);
    expect(await page("index.html")).toContain(`href="./units/330212.html"`);
    expect(existsSync(join(project, "dist", "units", "330212.html"))).toBe(true);
    expect(await page("units/330212.html")).toMatch(/数据截至 2014年4月/);
    expect(existsSync(join(project, "dist", "targets", "2-4a.html"))).toBe(true);
  });
});
