import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {encodeText} from "../../pipelines/sample/encodeText.js";
import {writeXlsx} from "../../pipelines/core/writeXlsx.js";
import {type Catalog} from "../../pipelines/intake/catalog.js";
import {dataPaths} from "../../pipelines/intake/dataPaths.js";
import {ingestFiles} from "../../pipelines/intake/ingestFiles.js";
import {inspectFile} from "../../pipelines/intake/inspectFile.js";
import {readLedger} from "../../pipelines/intake/ledger.js";
import {readObservations} from "../../pipelines/intake/observations.js";
import {isProgressHeader, parseStatus, progressColumn} from "../../pipelines/tasks/progressColumns.js";
import {makeProgressCatalog} from "../../pipelines/intake/progressCatalog.js";
import {readProgress} from "../../pipelines/intake/readProgress.js";
import type {Task} from "../../pipelines/tasks/responsibilities.js";
import {writeProgressTemplate} from "../../pipelines/intake/writeProgressTemplate.js";
import {JULY_5, seedCatalog} from "../helpers/catalog.js";
import {runPlanwatch} from "../helpers/cli.js";

const OFFICES = [
  {code: "jjc", name: "基础教育处", short_name: "基教处", aliases: []},
  {code: "fgc", name: "发展规划处", short_name: "规划处", aliases: ["规划处"]}
];
const task = (task_id: string, owner: string, partners: string[] = []) =>
  ({task_id, owner, partners, text: `任务${task_id}`}) as unknown as Task;
const TASKS = [task("1.1-t1", "jjc"), task("1.1-t2", "fgc", ["jjc"]), task("2.1-t1", "fgc")];
const HEADER = "任务编号,单位,月份,进展状态,进展情况,佐证材料";

describe("progress reports", () => {
  let dir = "";
  let inbox = "";
  let data = "";
  let catalog: Catalog;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-progress-"));
    inbox = join(dir, "inbox");
    data = join(dir, "data");
    await mkdir(inbox);
    const seed = await seedCatalog();
    const progress = makeProgressCatalog({tasks: TASKS, offices: OFFICES, units: seed.units});
    catalog = {...seed, progress: async () => progress};
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));
  const drop = async (name: string, content: Buffer | string) => {
    const path = join(inbox, name);
    await writeFile(path, content);
    return path;
  };
  const ingest = async (paths: string[]) => ingestFiles(paths, {dataDir: data, catalog, clock: () => JULY_5});
  const codes = (findings: {code: string; row: number; column: string}[]) =>
    findings.filter((f) => f.code !== "encoding").map((f) => [f.code, f.row, f.column]);

  it.each([
    ["已完成", "done"],
    ["按计划推进", "on_schedule"],
    ["滞后", "late"],
    ["未启动", "not_started"],
    ["暂缓", "paused"],
    ["Done", "done"],
    ["on track", "on_schedule"],
    ["On_Schedule", "on_schedule"],
    ["Delayed", "late"],
    ["not started", "not_started"],
    ["on hold", "paused"],
    ["完成了吧", null]
  ])("status %s → %s", (text, status) => {
    expect(parseStatus(text)).toBe(status);
  });

  it.each([
    ["progress_text", "progress_text"],
    ["progress", "progress_text"],
    ["进展情况", "progress_text"],
    ["工作进展", "progress_text"],
    ["进展状态(已完成/滞后)", "status"]
  ])("header %s names %s", (header, column) => {
    expect(progressColumn(header)).toBe(column);
  });

  it("a progress file is told by its header, not its name", () => {
    expect(isProgressHeader(["任务编号", "单位", "月份", "进展状态(已完成/滞后)"])).toBe(true);
    expect(isProgressHeader(["task_id", "unit", "period", "status"])).toBe(true);
    expect(isProgressHeader(["单位", "月份", "指标编号", "数值"])).toBe(false);
  });

  it("a GBK CSV goes through ingest: archived, in the ledger as a progress file, read by readProgress, not as observations", async () => {
    const text =
      [
        HEADER,
        "1.1-t1,基础教育处,2023-05,按计划推进,已完成方案起草,方案初稿.docx",
        "1.1-t2,规划处,2023-05,未启动,,"
      ].join("\r\n") + "\r\n";
    const [result] = await ingest([await drop("进展-5月.csv", encodeText(text, "gbk"))]);
    expect(result!.status).toBe("accepted");
    expect(codes(result!.findings)).toEqual([]);
    const [entry] = await readLedger(join(data, "ledger.jsonl"));
    expect(entry).toMatchObject({
      form: "progress",
      units: ["fgc", "jjc"],
      periods: ["2023-05"],
      rows_accepted: 2,
      encoding: "gb18030"
    });
    expect(
      (await readProgress({dataDir: data})).map((p) => [
        p.task_id,
        p.unit_code,
        p.period,
        p.status,
        p.progress_text,
        p.evidence
      ])
    ).toEqual([
      ["1.1-t1", "jjc", "2023-05", "on_schedule", "已完成方案起草", "方案初稿.docx"],
      ["1.1-t2", "fgc", "2023-05", "not_started", "", ""]
    ]);
    expect(await readObservations({dataDir: data})).toEqual([]);
  });

  it("an xlsx report with English headers is read the same way (progress, the text's old name, still reads)", async () => {
    const bytes = await writeXlsx(
      [
        ["task_id", "unit", "period", "status", "progress", "evidence"],
        ["2.1-t1", "fgc", "2023-06", "late", "用地未落实", "https://example.org/a"]
      ],
      {sheet: "进展"}
    );
    const [result] = await ingest([await drop("progress-june.xlsx", bytes)]);
    expect(result!.status).toBe("accepted");
    expect((await readProgress({dataDir: data})).at(-1)).toMatchObject({
      task_id: "2.1-t1",
      unit_code: "fgc",
      status: "late",
      progress_text: "用地未落实",
      evidence: "https://example.org/a"
    });
  });

  it("a report stored before progress_text, its text under progress, reads the same", async () => {
    const before = await readProgress({dataDir: data});
    const reports = dataPaths(data).reports;
    for (const name of await readdir(reports)) {
      const text = await readFile(join(reports, name), "utf8");
      await writeFile(join(reports, name), text.replaceAll('"progress_text":', '"progress":'));
    }
    expect(await readProgress({dataDir: data})).toEqual(before);
    expect(before.some((p) => p.progress_text !== "")).toBe(true);
  });

  it("a revised report supersedes the earlier one for the same task, unit and month; history is kept", async () => {
    const [result] = await ingest([
      await drop("进展-5月-更正.csv", [HEADER, "1.1-t1,基础教育处,2023-05,已完成,方案已印发,印发文件.pdf"].join("\n"))
    ]);
    expect(result!.status).toBe("accepted");
    const reports = (await readProgress({dataDir: data})).filter((p) => p.task_id === "1.1-t1");
    expect(reports.map((p) => [p.status, p.superseded_by === null])).toEqual([
      ["on_schedule", false],
      ["done", true]
    ]);
    expect(reports[0]!.superseded_by).toBe(reports[1]!.file_sha256);
  });

  it("a task reported done and later not done is a warning; a report by a unit that does not own the task is a warning", async () => {
    const [result] = await ingest([
      await drop(
        "进展-6月.csv",
        [HEADER, "1.1-t1,基础教育处,2023-06,按计划推进,继续推进,", "2.1-t1,上城区,2023-06,按计划推进,区里配合,"].join(
          "\n"
        )
      )
    ]);
    expect(result!.status).toBe("accepted");
    // 上城区's 按计划推进 also contradicts 规划处's own 滞后 of June (the xlsx above)
    expect(codes(result!.findings)).toEqual([
      ["not_owner", 3, "单位"],
      ["owner_contradicted", 3, "进展状态"],
      ["status_reverted", 2, "进展状态"]
    ]);
    expect(result!.findings.find((f) => f.code === "status_reverted")!.message).toMatch(/已于 2023-05 报“已完成”/);
  });

  it("an outsider's report and the owner's of the same month that disagree are a warning, whichever comes first", async () => {
    const [outsider] = await ingest([
      await drop("7月-上城.csv", [HEADER, "2.1-t1,上城区,2023-07,已完成,,"].join("\n"))
    ]);
    expect(codes(outsider!.findings)).toEqual([["not_owner", 2, "单位"]]);
    expect(outsider!.findings.find((f) => f.code === "not_owner")!.message).toMatch(/不计入任务状态/);
    const [owner] = await ingest([await drop("7月-规划处.csv", [HEADER, "2.1-t1,规划处,2023-07,滞后,,"].join("\n"))]);
    expect(codes(owner!.findings)).toEqual([["owner_contradicted", 2, "进展状态"]]);
    expect(owner!.findings.find((f) => f.code === "owner_contradicted")!.message).toBe(
      "任务 2.1-t1 2023-07:牵头单位发展规划处报“滞后”,非牵头或配合单位上城区报“已完成”,以牵头单位为准,请核实"
    );
    const [again] = await ingest([await drop("7月-上城-2.csv", [HEADER, "2.1-t1,上城区,2023-07,暂缓,,"].join("\n"))]);
    expect(codes(again!.findings)).toEqual(expect.arrayContaining([["owner_contradicted", 2, "进展状态"]]));
  });

  it("a report of a month after the plan's year is period_outside_plan, as a number submission's is", async () => {
    const seed = await seedCatalog();
    const tasks = [{...task("1.1-t1", "jjc"), deadline: "2023-12"}];
    const progress = makeProgressCatalog({tasks, offices: OFFICES, units: seed.units, year: 2023});
    const withYear: Catalog = {...seed, progress: async () => progress};
    const path = await drop("2025.csv", [HEADER, "1.1-t1,基础教育处,2025-06,已完成,,"].join("\n"));
    const inspection = await inspectFile(path, {catalog: withYear, now: new Date("2025-07-05T10:00:00+08:00")});
    expect(codes(inspection.findings)).toEqual([["period_outside_plan", 2, "月份"]]);
    expect(inspection.findings.find((f) => f.code === "period_outside_plan")!.message).toMatch(/2023-01.*2023-12/);
  });

  it("a done report that a later file took back does not make later reports warnings", async () => {
    const done = await ingest([await drop("1月.csv", [HEADER, "1.1-t2,规划处,2023-01,已完成,,"].join("\n"))]);
    expect(codes(done[0]!.findings)).toEqual([]);
    const takenBack = await ingest([
      await drop("1月-更正.csv", [HEADER, "1.1-t2,规划处,2023-01,按计划推进,更正:尚未完成,"].join("\n"))
    ]);
    expect(codes(takenBack[0]!.findings)).toEqual([["status_reverted", 2, "进展状态"]]);
    const later = await ingest([await drop("2月.csv", [HEADER, "1.1-t2,规划处,2023-02,按计划推进,,"].join("\n"))]);
    expect(codes(later[0]!.findings)).toEqual([]);
  });

  it("a bad status, an unknown task id, an unknown unit and a future month are errors naming row and column; the file is rejected", async () => {
    const lines = [
      HEADER,
      "1.1-t1,基础教育处,2023-06,差不多了,,",
      "9.9-t9,基础教育处,2023-06,滞后,,",
      "1.1-t2,教务处,2023-06,滞后,,",
      "1.1-t2,规划处,2023-08,滞后,,"
    ];
    const [result] = await ingest([await drop("进展-错误.csv", lines.join("\n"))]);
    expect(result!.status).toBe("rejected");
    expect(codes(result!.findings)).toEqual([
      ["bad_status", 2, "进展状态"],
      ["unknown_task", 3, "任务编号"],
      ["unknown_unit", 4, "单位"],
      ["future_period", 5, "月份"]
    ]);
    expect(result!.findings.find((f) => f.code === "bad_status")!.message).toBe(
      "无法识别的进展状态“差不多了”(应为 已完成、按计划推进、滞后、未启动、暂缓 之一)"
    );
    const rejected = await readdir(join(data, "rejected"));
    expect(rejected.some((f) => f.endsWith("进展-错误.csv.report.txt"))).toBe(true);
  });

  it("a missing status column is an error; a <script> in the progress text is kept as text and noted", async () => {
    const missing = await inspectFile(
      await drop("缺列.csv", "任务编号,单位,月份,状态说明\n1.1-t1,基础教育处,2023-06,x\n"),
      {catalog, now: JULY_5}
    );
    // without a status column the header is not a progress report's: it is read as a numbers file and rejected
    expect(missing.findings.some((f) => f.severity === "error")).toBe(true);
    const noPeriod = await inspectFile(await drop("缺月份.csv", "任务编号,单位,进展状态\n1.1-t1,基础教育处,滞后\n"), {
      catalog,
      now: JULY_5
    });
    expect(codes(noPeriod.findings)).toEqual([["missing_column", 1, ""]]);
    const script = '<script>alert("x")</script>';
    const hostile = await inspectFile(
      await drop(
        "脚本.csv",
        `${HEADER}\n1.1-t2,规划处,2023-06,滞后,"${script.replaceAll('"', '""')}","=HYPERLINK(""x"")"\n`
      ),
      {catalog, now: JULY_5}
    );
    expect(codes(hostile.findings)).toEqual([
      ["text_neutralized", 2, "进展情况"],
      ["text_neutralized", 2, "佐证材料"]
    ]);
    expect(hostile.progress![0]!.progress_text).toBe(script);
  });

  it("the template lists an office's tasks; filled in, it validates, and rows left blank are not reports", async () => {
    const bytes = await writeProgressTemplate({tasks: TASKS, office: OFFICES[0]});
    const lines = bytes.toString("utf8").split("\r\n");
    expect(lines[0]).toBe(
      "\uFEFF任务编号,任务内容,单位,月份,进展状态(已完成/按计划推进/滞后/未启动/暂缓),进展情况,佐证材料"
    );
    expect(lines.slice(1, -1)).toEqual(["1.1-t1,任务1.1-t1,基础教育处,,,,"]);
    const filled = await inspectFile(
      await drop(
        "填好.csv",
        lines[0] + "\n1.1-t1,任务1.1-t1,基础教育处,2023-06,已完成,完成,\n1.1-t2,任务1.1-t2,基础教育处,,,,\n"
      ),
      {catalog, now: JULY_5}
    );
    expect(codes(filled.findings)).toEqual([]);
    expect(filled.progress!.map((p) => p.task_id)).toEqual(["1.1-t1"]);
    const xlsx = await writeProgressTemplate({tasks: TASKS, xlsx: true});
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
    expect((await readFile(join(data, "ledger.jsonl"), "utf8")).split("\n").length).toBeGreaterThan(3);
  });

  it("planwatch template --tasks --unit writes the office's sheet; planwatch validate reads it back as a progress report", async () => {
    const out = join(dir, "模板.csv");
    const made = await runPlanwatch(["template", "--tasks", "--unit", "基教处", "--out", out]);
    expect(made.code).toBe(0);
    const lines = (await readFile(out, "utf8")).split("\r\n").filter(Boolean);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).every((l) => /^\d+\.\d+-t\d+,.*,基础教育处,,,,$/.test(l))).toBe(true);
    const [first, second] = lines.slice(1).map((l) => l.split(",")[0]);
    await writeFile(
      out,
      [lines[0], `${first},,基础教育处,2023-06,滞后,用地未落实,`, `${second},,基础教育处,2023-06,不知道,,`].join("\n")
    );
    const checked = await runPlanwatch(["validate", "--data", join(dir, "empty-data"), "--format", "json", out]);
    expect(checked.code).toBe(1);
    const [result] = JSON.parse(checked.stdout) as {findings: {code: string; row: number}[]}[];
    expect(result!.findings.filter((f) => f.code !== "encoding").map((f) => [f.code, f.row])).toEqual([
      ["bad_status", 3]
    ]);
    const unknown = await runPlanwatch(["template", "--tasks", "--unit", "教务处", "--out", out]);
    expect(unknown).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^planwatch: unknown_unit: 没有处室 教务处/m)
    });
  });
});
