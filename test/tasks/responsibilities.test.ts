import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {extractTasks} from "../../pipelines/tasks/extractTasks.js";
import {officeLookup, readOffices} from "../../pipelines/tasks/offices.js";
import {projectTasks} from "../../pipelines/project/projectTasks.js";
import {assignResponsibilities, readResponsibilities} from "../../pipelines/tasks/responsibilities.js";
import {targetOwners} from "../../pipelines/tasks/targetOwners.js";
import {PROJECT_DIR} from "../helpers/cli.js";

const PLAN = "某市2031年工作要点\n一、部分\n1.标题。出台方案。9月底前建成基地。\n2.标题二。完成评估。\n";
const OFFICES = "code,name,short_name,aliases\njjc,基础教育处,基教处,基础教育\nfgc,发展规划处,规划处,\n";

describe("responsibilities", () => {
  let dir = "";
  const write = async (name: string, text: string) => {
    const file = join(dir, name);
    await writeFile(file, text);
    return file;
  };
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "planwatch-resp-"))));
  afterAll(() => rm(dir, {recursive: true, force: true}));

  const read = async (csv: string) => {
    const {items, tasks} = extractTasks(PLAN);
    const office = officeLookup(await readOffices(await write("offices.csv", OFFICES)));
    const file = await write("responsibilities.csv", csv);
    const rows = await readResponsibilities(file, {
      ids: new Set([...items.map((i) => i.item_id), ...tasks.map((t) => t.task_id)]),
      office: (t) => office(t)?.code,
      partner: (t) => office(t)?.code ?? (t === "上城区" ? "330102" : undefined)
    });
    return assignResponsibilities(tasks, rows);
  };

  it("an item's row owns its tasks; a task's row overrides it; an item's deadline overrides only the year end", async () => {
    const tasks = await read(
      "id,lead,partners,deadline,note\n1.1,基教处,规划处|上城区,2031-06,\n1.1-t1,fgc,,,由规划处牵头\n"
    );
    expect(tasks.map((t) => [t.task_id, t.owner, t.partners, t.deadline, t.deadline_source, t.note])).toEqual([
      ["1.1-t1", "fgc", [], "2031-06", "responsibilities", "由规划处牵头"],
      ["1.1-t2", "jjc", ["fgc", "330102"], "2031-09", "text", ""],
      ["1.2-t1", null, [], "2031-12", "year_end", ""]
    ]);
  });

  it.each([
    ["an unknown id", "id,lead\n1.9,基础教育处\n", /^responsibilities\.csv:2:id 规划中没有编号为“1\.9”/],
    ["an unknown task id", "id,lead\n1.1,基础教育处\n1.1-t7,基础教育处\n", /^responsibilities\.csv:3:id /],
    ["an unknown office", "id,lead\n1.1,教务处\n", /^responsibilities\.csv:2:lead 未知处室“教务处”/],
    ["an empty lead", "id,lead\n1.1,\n", /^responsibilities\.csv:2:lead 牵头处室为空/],
    [
      "an unknown partner",
      "id,lead,partners\n1.1,基础教育处,规划处|火星区\n",
      /^responsibilities\.csv:2:partners 未知配合单位“火星区”/
    ],
    ["a bad month", "id,lead,deadline\n1.1,基础教育处,2031-13\n", /^responsibilities\.csv:2:deadline 无法识别的月份/],
    [
      "a repeated id",
      "id,lead\n1.1,基础教育处\n1.1,发展规划处\n",
      /^responsibilities\.csv:3:id 编号“1\.1”与第 2 行重复/
    ],
    ["an unknown column", "id,lead,owner\n1.1,基础教育处,x\n", /^responsibilities\.csv:1:owner 无法识别的列/]
  ])("%s is an error naming file, row and column", async (_name, csv, message) => {
    await expect(read(csv)).rejects.toMatchObject({
      code: "invalid_responsibilities",
      message: expect.stringMatching(message)
    });
  });

  it("a target's lead office: its own row, else the task that contains it", async () => {
    const {items, tasks} = extractTasks(PLAN);
    const office = officeLookup(await readOffices(await write("offices.csv", OFFICES)));
    const rows = await readResponsibilities(
      await write("targets.csv", "id,lead,partners,deadline,note\n1.1,基教处,,,\n9.9x,规划处,,,指标单列\n"),
      {
        ids: new Set([...items.map((i) => i.item_id), ...tasks.map((t) => t.task_id), "9.9x", "9.9y"]),
        office: (t) => office(t)?.code,
        partner: (t) => office(t)?.code
      }
    );
    const owned = assignResponsibilities(tasks, rows).map((t, i) => ({
      ...t,
      target_ids: i === 1 ? ["9.9x", "9.9y"] : []
    }));
    expect(targetOwners(["9.9x", "9.9y", "9.9z"], owned, rows)).toEqual([
      {target_id: "9.9x", owner: "fgc", owner_source: "responsibilities", task_id: "1.1-t2"},
      {target_id: "9.9y", owner: "jjc", owner_source: "task", task_id: "1.1-t2"},
      {target_id: "9.9z", owner: null, owner_source: null, task_id: null}
    ]);
  });

  it("the seed plan: every target has a lead office, each target in exactly one task", async () => {
    const {tasks, offices, target_owners} = await projectTasks({projectDir: PROJECT_DIR});
    const codes = new Set(offices.map((o) => o.code));
    expect(target_owners.length).toBe(33);
    for (const o of target_owners) {
      expect(codes.has(o.owner ?? ""), o.target_id).toBe(true);
      expect(tasks.filter((t) => t.target_ids.includes(o.target_id)).length, o.target_id).toBe(1);
    }
    expect(target_owners.find((o) => o.target_id === "6.1b")).toMatchObject({owner: "fgc", task_id: "6.1-t1"});
  });

  it("offices: a bad code or a repeated name is an error naming file, row and column", async () => {
    await expect(readOffices(await write("o1.csv", "code,name\nJJC!,基础教育处\n"))).rejects.toMatchObject({
      code: "invalid_offices",
      message: expect.stringMatching(/^o1\.csv:2:code /)
    });
    await expect(
      readOffices(await write("o2.csv", "code,name\njjc,基础教育处\nfgc,基础教育处\n"))
    ).rejects.toMatchObject({message: expect.stringMatching(/^o2\.csv:3:name “基础教育处”与第 2 行重复/)});
  });

  it("the shipped responsibilities give every task of the seed plan an office of offices.csv", async () => {
    const {tasks, offices} = await projectTasks({projectDir: PROJECT_DIR});
    const codes = new Set(offices.map((o) => o.code));
    expect(tasks.length).toBeGreaterThan(100);
    for (const t of tasks) expect(codes.has(t.owner ?? "")).toBe(true);
  });
});
