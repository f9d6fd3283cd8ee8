import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import type {Progress} from "../../pipelines/tasks/progressColumns.js";
import type {Task} from "../../pipelines/tasks/responsibilities.js";
import {countStatuses, taskHistory, taskStatus} from "../../pipelines/tasks/taskStatus.js";
import {runPlanwatch} from "../helpers/cli.js";

const task = (task_id: string, owner: string, deadline: string) =>
  ({task_id, item_id: task_id.split("-")[0], section: Number(task_id[0]), owner, deadline}) as Task;
let seq = 0;
const report = (
  task_id: string,
  unit_code: string,
  period: string,
  status: Progress["status"],
  superseded_by: string | null = null
): Progress => ({
  task_id,
  unit_code,
  period,
  status,
  progress_text: `${task_id} ${period} ${status}`,
  evidence: "",
  row: 2,
  file_sha256: `f${++seq}`,
  file: `f${seq}.csv`,
  ingested_at: "",
  superseded_by
});

// As of 2031-06, worked out by hand:
const TASKS = [
  task("1.1-t1", "jjc", "2031-03"), // late: deadline March passed, last report says on schedule
  task("1.1-t2", "jjc", "2031-12"), // no_report: last report in March, none in May or June
  task("1.2-t1", "fgc", "2031-12"), // done: reported on schedule, then the June report revised to done
  task("1.2-t2", "fgc", "2031-12"), // late: the owner says 滞后 in May (the month before counts as recent)
  task("2.1-t1", "jjc", "2031-12"), // paused
  task("2.1-t2", "fgc", "2031-12"), // not_started
  task("2.1-t3", "fgc", "2031-12"), // on_schedule: the owner's report wins over a partner's of the same month
  task("2.1-t4", "jjc", "2031-12") // no_report: never reported
];
const PROGRESS = [
  report("1.1-t1", "jjc", "2031-02", "on_schedule"),
  report("1.1-t2", "jjc", "2031-03", "on_schedule"),
  report("1.2-t1", "fgc", "2031-06", "on_schedule", "f4"),
  report("1.2-t1", "fgc", "2031-06", "done"),
  report("1.2-t2", "fgc", "2031-05", "late"),
  report("2.1-t1", "jjc", "2031-04", "paused"),
  report("2.1-t2", "fgc", "2031-06", "not_started"),
  report("2.1-t3", "fgc", "2031-06", "on_schedule"),
  report("2.1-t3", "330102", "2031-06", "done"),
  report("2.1-t3", "fgc", "2031-07", "done") // after as_of: not seen
];

describe("taskStatus", () => {
  it("gives the statuses worked out by hand", () => {
    const rows = taskStatus(TASKS, PROGRESS, {asOf: "2031-06"});
    expect(rows.map((r) => [r.task_id, r.status, r.late_reason, r.last_report])).toEqual([
      ["1.1-t1", "late", "deadline", "2031-02"],
      ["1.1-t2", "no_report", null, "2031-03"],
      ["1.2-t1", "done", null, "2031-06"],
      ["1.2-t2", "late", "reported", "2031-05"],
      ["2.1-t1", "paused", null, "2031-04"],
      ["2.1-t2", "not_started", null, "2031-06"],
      ["2.1-t3", "on_schedule", null, "2031-06"],
      ["2.1-t4", "no_report", null, null]
    ]);
    expect(rows.find((r) => r.task_id === "1.2-t1")!.progress_text).toBe("1.2-t1 2031-06 done");
  });

  it("a report by an office that neither leads nor partners a task is kept in its history but never decides its status", () => {
    const tasks = [{...task("3.1-t1", "jjc", "2031-12"), partners: ["fgc"]}, task("3.1-t2", "jjc", "2031-12")];
    const progress = [
      report("3.1-t1", "jjc", "2031-05", "on_schedule"),
      report("3.1-t1", "bgs", "2031-06", "done"), // an outsider, in a later month: it flipped the task to done
      report("3.1-t1", "fgc", "2031-04", "late"),
      report("3.1-t2", "bgs", "2031-06", "done") // only an outsider reported: no report of its own
    ];
    const rows = taskStatus(tasks, progress, {asOf: "2031-06"});
    expect(rows.map((r) => [r.task_id, r.status, r.reported_by, r.last_report])).toEqual([
      ["3.1-t1", "on_schedule", "jjc", "2031-05"],
      ["3.1-t2", "no_report", null, null]
    ]);
    expect(taskHistory(progress, {taskId: "3.1-t1"}).map((h) => h.unit_code)).toEqual(["fgc", "jjc", "bgs"]);
    // a partner's later report still counts, and a task with no owner takes anyone's
    const partner = [...progress, report("3.1-t1", "fgc", "2031-06", "late")];
    expect(taskStatus(tasks, partner, {asOf: "2031-06"})[0]).toMatchObject({status: "late", reported_by: "fgc"});
    const ownerless = [{...task("3.1-t2", "jjc", "2031-12"), owner: null}] as unknown as Task[];
    expect(taskStatus(ownerless, progress, {asOf: "2031-06"})[0]).toMatchObject({status: "done", reported_by: "bgs"});
  });

  it("counts per office, per section and city-wide", () => {
    const rows = taskStatus(TASKS, PROGRESS, {asOf: "2031-06"});
    expect(countStatuses(rows, {by: "city"})).toEqual([
      {key: "city", total: 8, late: 2, no_report: 2, not_started: 1, paused: 1, on_schedule: 1, done: 1}
    ]);
    expect(countStatuses(rows, {by: "owner"}).map((c) => [c.key, c.total, c.late, c.done])).toEqual([
      ["fgc", 4, 1, 1],
      ["jjc", 4, 1, 0]
    ]);
    expect(countStatuses(rows, {by: "section"}).map((c) => [c.key, c.total, c.no_report])).toEqual([
      ["1", 4, 1],
      ["2", 4, 1]
    ]);
  });

  it("a task's history keeps the revised report, marked", () => {
    expect(taskHistory(PROGRESS, {taskId: "1.2-t1"}).map((h) => [h.period, h.status, h.revised])).toEqual([
      ["2031-06", "on_schedule", true],
      ["2031-06", "done", false]
    ]);
  });

  it("a bad month is refused", () => {
    expect(() => taskStatus(TASKS, PROGRESS, {asOf: "2031-6"})).toThrow(/invalid month/);
  });
});

describe("planwatch tasks status", () => {
  let dir = "";
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "planwatch-status-"))));
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it("ingests progress files of the seed plan's tasks and prints the statuses worked out by hand", async () => {
    const {ids} = await seedIds();
    const header = "任务编号,单位,月份,进展状态,进展情况,佐证材料";
    const files = [
      [
        "1-april.csv",
        `${header}\n${ids.early},${ids.earlyOwner},2023-04,按计划推进,起草中,\n${ids.quiet},${ids.quietOwner},2023-04,按计划推进,<script>alert(1)</script>,\n`
      ],
      ["2-july.csv", `${header}\n${ids.revised},${ids.revisedOwner},2023-07,按计划推进,施工中,\n`],
      ["3-july-revised.csv", `${header}\n${ids.revised},${ids.revisedOwner},2023-07,已完成,已竣工,验收报告.pdf\n`]
    ];
    const data = join(dir, "data");
    for (const [name, text] of files) {
      await writeFile(join(dir, name!), text!);
      const {code, stdout} = await runPlanwatch(["ingest", "--data", data, join(dir, name!)]);
      expect({code, stdout}).toMatchObject({code: 0});
    }
    const {code, stdout} = await runPlanwatch([
      "tasks",
      "status",
      "--as-of",
      "2023-07",
      "--data",
      data,
      "--format",
      "json"
    ]);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as {
      task_id: string;
      status: string;
      owner: string;
      deadline: string;
      last_report: string | null;
      progress_text: string;
    }[];
    const of = (id: string) => rows.find((r) => r.task_id === id)!;
    expect(of(ids.early)).toMatchObject({status: "late", deadline: "2023-06", last_report: "2023-04"}); // late by its deadline
    expect(of(ids.quiet)).toMatchObject({
      status: "no_report",
      last_report: "2023-04",
      progress_text: "<script>alert(1)</script>"
    });
    expect(of(ids.revised)).toMatchObject({status: "done", last_report: "2023-07", progress_text: "已竣工"});
    const office = await runPlanwatch([
      "tasks",
      "status",
      "--as-of",
      "2023-07",
      "--data",
      data,
      "--office",
      ids.earlyOwner,
      "--format",
      "json"
    ]);
    expect(
      (JSON.parse(office.stdout) as {owner: string}[]).every(
        (r) =>
          r.owner ===
          (JSON.parse(stdout) as {task_id: string; owner: string}[]).find((x) => x.task_id === ids.early)!.owner
      )
    ).toBe(true);
  });
});

/** Three tasks of the seed plan: one due by June (with its owner), two due at the year's end. */
async function seedIds() {
  const {projectTasks} = await import("../../pipelines/project/projectTasks.js");
  const {PROJECT_DIR} = await import("../helpers/cli.js");
  const {tasks, offices} = await projectTasks({projectDir: PROJECT_DIR});
  const name = (code: string | null) => offices.find((o) => o.code === code)!.name;
  const early = tasks.find((t) => t.deadline === "2023-06")!;
  const [quiet, revised] = tasks.filter((t) => t.deadline === "2023-12" && t.owner !== early.owner);
  return {
    ids: {
      early: early.task_id,
      earlyOwner: name(early.owner),
      quiet: quiet!.task_id,
      quietOwner: name(quiet!.owner),
      revised: revised!.task_id,
      revisedOwner: name(revised!.owner)
    }
  };
}
