import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {writeXlsx} from "../../pipelines/core/writeXlsx.js";
import {importBreakdown} from "../../pipelines/project/importBreakdown.js";
import {initProject} from "../../pipelines/project/initProject.js";
import {projectTasks} from "../../pipelines/project/projectTasks.js";
import {PROJECT_DIR, runPlanwatch} from "../helpers/cli.js";

/** The Word table a bureau issues beside the plan (序号 | 重点任务 | 牵头单位 | 完成时限). */
const DOCX = join(PROJECT_DIR, "test/fixtures/plans/documents/task-table.docx");

/** A plan naming no owners: the tasks the breakdown tables assign. */
const PLAN = [
  "某市教育局2031年工作要点",
  "一、重点任务",
  "1.出台学前教育三年行动计划,明确普惠性幼儿园建设任务。",
  "2.建设市级数字教育资源库。",
  "3.推进义务教育学校标准化建设。",
  "4.完善教师培训体系。",
  ""
].join("\n");

const lines = async (file: string) =>
  (await readFile(file, "utf8"))
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");

describe("importBreakdown: a task-breakdown table printed as a PDF", () => {
  let tmp = "";
  afterAll(() => rm(tmp, {recursive: true, force: true}));
  it.each([
    ["a ruled table whose 牵头单位 and 完成时限 cells span rows", "rowspan.pdf"],
    ["a table printed without borders", "borderless.pdf"]
  ])("%s: its rows matched to the plan's tasks, with leads and deadlines", async (_, name) => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-breakdown-pdf-"));
    const plan = [
      "某市教育局2031年工作要点",
      "一、重点任务",
      "1.出台学前教育三年行动计划。",
      "2.推进第2项教育重点工作。",
      ""
    ];
    await writeFile(join(tmp, "plan.txt"), plan.join("\n"));
    const dir = join(tmp, "project");
    await initProject(dir, {plan: join(tmp, "plan.txt")});
    const result = await importBreakdown(join(PROJECT_DIR, "test/fixtures/plans/documents/shapes", name), {
      projectDir: dir
    });
    const rows = (await lines(join(dir, "seeds/responsibilities.csv"))).slice(1).map((l) => l.split(",").slice(0, 4));
    expect(rows).toEqual([
      name === "rowspan.pdf" ? ["1.1-t1", "市教育局", "", "2031-06"] : ["1.2-t1", "市教育局", "", "2031-02"]
    ]);
    expect(result.unmatched.length).toBe(name === "rowspan.pdf" ? 3 : 11);
    await rm(tmp, {recursive: true, force: true});
  });
});

describe("importBreakdown: a task-breakdown table into responsibilities and offices", () => {
  let tmp = "";
  let dir = "";
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-breakdown-"));
    await writeFile(join(tmp, "plan.txt"), PLAN);
    dir = join(tmp, "project");
    await initProject(dir, {plan: join(tmp, "plan.txt")});
  });
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  it("a Word table: each row matched to its task by text, with its lead office and its deadline", async () => {
    const result = await importBreakdown(DOCX, {projectDir: dir});
    expect(result.matched.map((m) => m.id)).toEqual(["1.1-t1", "1.2-t1", "1.3-t1"]);
    expect(result.unmatched).toEqual([]);
    expect(result.newOffices).toEqual(["市教育局", "各区县教育局"]);
    expect(await lines(join(dir, "seeds/responsibilities.csv"))).toEqual([
      "id,lead,partners,deadline,note",
      "1.1-t1,市教育局,,2031-06,由任务分解表导入:task-table.docx 第 4 行",
      "1.2-t1,市教育局,,2031-12,由任务分解表导入:task-table.docx 第 5 行",
      "1.3-t1,各区县教育局,,2031-12,由任务分解表导入:task-table.docx 第 6 行"
    ]);
    expect(await lines(join(dir, "seeds/offices.csv"))).toEqual([
      "code,name,short_name,aliases",
      "o01,市教育局,,",
      "o02,各区县教育局,,"
    ]);
    const {tasks} = await projectTasks({projectDir: dir});
    expect(tasks.map((t) => [t.task_id, t.owner, t.deadline])).toEqual([
      ["1.1-t1", "o01", "2031-06"],
      ["1.2-t1", "o01", "2031-12"],
      ["1.3-t1", "o02", "2031-12"],
      ["1.4-t1", null, "2031-12"]
    ]);
  });

  it("an .xlsx with other headers (编号, 工作任务, 牵头部门, 责任单位, 完成时间): ids, partners, unmatched rows named", async () => {
    const file = join(tmp, "任务分解表.xlsx");
    await writeFile(
      file,
      await writeXlsx(
        [
          ["2031年重点任务分解表"],
          ["编号", "工作任务", "牵头部门", "责任单位", "完成时间"],
          ["1.4-t1", "教师培训", "市教育局", "市人社局、市财政局", "三季度"],
          ["2", "建设市级数字教育资源库", "市教育局", "市大数据局", "上半年"],
          ["3", "举办全市运动会", "市体育局", "", "10月底前"]
        ],
        {sheet: "分解表"}
      )
    );
    const result = await importBreakdown(file, {projectDir: dir});
    expect(result.matched).toEqual([
      {row: 3, id: "1.4-t1"},
      {row: 4, id: "1.2-t1"}
    ]);
    expect(result.unmatched.map((u) => u.message)).toEqual([
      "任务分解表.xlsx:第 5 行 任务“举办全市运动会”在规划中找不到对应的任务(请核对文字,或在序号列写任务编号,如 1.3-t2)"
    ]);
    expect(result.newOffices).toEqual(["市人社局", "市财政局", "市大数据局"]);
    const rows = await lines(join(dir, "seeds/responsibilities.csv"));
    expect(rows).toContain("1.4-t1,市教育局,市人社局|市财政局,2031-09,由任务分解表导入:任务分解表.xlsx 第 3 行");
    expect(rows).toContain("1.2-t1,市教育局,市大数据局,2031-06,由任务分解表导入:任务分解表.xlsx 第 4 行");
    expect(rows.filter((r) => r.startsWith("1.2-t1"))).toHaveLength(1);
    expect((await lines(join(dir, "seeds/offices.csv"))).at(-1)).toBe("o05,市大数据局,,");
  });

  it("refuses to replace a row a person wrote, unless --force; the command reports unmatched rows in Chinese", async () => {
    const file = join(dir, "seeds/responsibilities.csv");
    await writeFile(file, "id,lead,partners,deadline,note\r\n1.1-t1,市教育局,,2031-03,局长办公会定\r\n");
    const refused = await runPlanwatch(["tasks", "import", DOCX], {cwd: dir});
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/hand_edits: responsibilities\.csv 中已有手工填写的行\(第 2 行:1\.1-t1\).*--force/);
    expect(await lines(file)).toEqual(["id,lead,partners,deadline,note", "1.1-t1,市教育局,,2031-03,局长办公会定"]);
    const forced = await runPlanwatch(["tasks", "import", DOCX, "--force"], {cwd: dir});
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/已导入 3 行到 .*responsibilities\.csv/);
    expect((await lines(file))[1]).toBe("1.1-t1,市教育局,,2031-06,由任务分解表导入:task-table.docx 第 4 行");
  });

  it("a table without a task column and an office column is refused, saying what it lacks", async () => {
    const file = join(tmp, "无表头.csv");
    await writeFile(file, "名称,数量\n学校,5\n");
    await expect(importBreakdown(file, {projectDir: dir})).rejects.toMatchObject({
      code: "invalid_breakdown",
      message: "无表头.csv: 找不到表头(应有“任务”列和“牵头单位”或“责任单位”列)"
    });
  });
});
