import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {initProject} from "../../pipelines/project/initProject.js";
import {projectTasks} from "../../pipelines/project/projectTasks.js";
import {PROJECT_DIR} from "../helpers/cli.js";

const PLAN = join(PROJECT_DIR, "test/fixtures/plans/tasks/guangzhou-2006-points.txt");
const NOTED = join(PROJECT_DIR, "test/fixtures/plans/tasks/xianyang-2022-fangguanfu.txt");

describe("init drafts the offices and responsibilities the plan names", () => {
  let tmp = "";
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  it("writes each named office and each item's lead, partners and stated deadline, as a draft to check", async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-owners-"));
    const dir = join(tmp, "gz");
    const result = await initProject(dir, {plan: PLAN});
    expect(result.owners).toEqual({offices: 12, rows: 6});
    expect(result.warnings.join("\n")).toMatch(
      /写入 seeds\/offices\.csv 和 seeds\/responsibilities\.csv:这是草稿,请核对/
    );
    const offices = (await readFile(join(dir, "seeds/offices.csv"), "utf8")).replace(/^\uFEFF/, "").split("\r\n");
    expect(offices.slice(0, 3)).toEqual(["code,name,short_name,aliases", "o01,市經貿委,,", "o02,市發改委,,"]);
    const rows = (await readFile(join(dir, "seeds/responsibilities.csv"), "utf8")).replace(/^\uFEFF/, "").split("\r\n");
    expect(rows.slice(0, 2)).toEqual([
      "id,lead,partners,deadline,note",
      "1.1,市經貿委,市發改委|國土房管局|外經貿局|規劃局,,草稿：由规划原文读出，请核对"
    ]);
    // the draft reads back: each task gets the codes of its offices
    const {tasks} = await projectTasks({projectDir: dir});
    expect(tasks.map((t) => [t.task_id, t.owner, t.partners.length])).toContainEqual(["1.1-t1", "o01", 4]);
  });

  it("a deadline the text states goes into the draft; an item whose tasks differ gets a row a task", async () => {
    const dir = join(tmp, "xy");
    await initProject(dir, {plan: NOTED});
    const rows = (await readFile(join(dir, "seeds/responsibilities.csv"), "utf8")).replace(/^\uFEFF/, "").split("\r\n");
    expect(rows.slice(1, 3).map((r) => r.split(",").slice(0, 2).concat(r.split(",")[3]!))).toEqual([
      ["1.1-t1", "市政府辦公室", "2022-10"],
      ["1.1-t2", "市政府辦公室", ""]
    ]);
  });
});
