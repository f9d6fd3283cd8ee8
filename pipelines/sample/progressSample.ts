import {stringify} from "csv-stringify/sync";
import {STATUS_LABELS} from "../tasks/index.js";
import type {Office, ReportedStatus, Task} from "../tasks/index.js";
import {type SampleEncoding, encodeText} from "./encodeText.js";
import {writeXlsx} from "../core/index.js";

/** The months offices report task progress in the sample: quarterly, and November (the sample's last month). */
export const PROGRESS_MONTHS = ["2023-03", "2023-06", "2023-09", "2023-11"];

/** A sample file: its name, bytes and when it was submitted. */
export interface SampleFile {
  name: string;
  bytes: Buffer;
  submitted: string;
}

type SampleTask = Pick<Task, "task_id" | "owner" | "deadline">;

const TEXTS: Record<ReportedStatus, readonly string[]> = {
  on_schedule: [
    "已制定工作方案,正按季度节点推进",
    "已召开专题推进会,各项工作按计划实施",
    "完成阶段性任务,下一步做好总结评估",
    "已完成调研摸底,正在组织实施"
  ],
  done: ["已全面完成,成果材料已归档", "已按期完成并通过验收", "相关文件已印发,工作已完成"],
  late: ["受项目审批进度影响,进度滞后约一个月,已制定赶进度措施", "配套经费尚未到位,工作滞后,已报请协调解决"],
  not_started: ["正在开展前期调研,尚未正式启动"],
  paused: ["根据上级统一部署暂缓实施,待新政策出台后推进"]
};

/**
 * A year of plausible task progress reports, deterministic from `random`: each office reports its
 * tasks in {@link PROGRESS_MONTHS} (GBK CSV, UTF-8 CSV with a BOM, or xlsx with English headers, by
 * office); most tasks go on schedule and some finish, a few fall behind, one is paused, one never
 * starts, tasks due before the year's end mostly finish by then; one office misses a month and
 * another its last report (its tasks show no report); one file is revised a week later (a task
 * reported on schedule was in fact done); one file
 * with a bad status and an unknown task is rejected.
 */
export async function progressSampleFiles({
  tasks,
  offices,
  random
}: {
  tasks: readonly SampleTask[];
  offices: readonly Office[];
  random: () => number;
}): Promise<SampleFile[]> {
  const reporting = offices.filter((o) => tasks.some((t) => t.owner === o.code));
  if (!reporting.length) return [];
  const fates = new Map(tasks.map((t, i) => [t.task_id, fate(t, random(), i)]));
  const missing = new Map<string, string>([
    [reporting.at(-1)!.code, "2023-11"],
    [reporting[Math.min(2, reporting.length - 1)]!.code, "2023-06"]
  ]);
  const files: SampleFile[] = [];
  const revisedOffice = reporting[0]!;
  const revisedTask = tasks.find(
    (t) =>
      t.owner === revisedOffice.code &&
      fates.get(t.task_id)!("2023-09") === "on_schedule" &&
      fates.get(t.task_id)!("2023-11") === "on_schedule"
  );
  for (const [o, office] of reporting.entries()) {
    const own = tasks.filter((t) => t.owner === office.code);
    for (const period of PROGRESS_MONTHS) {
      if (missing.get(office.code) === period) continue;
      const rows = own.map((t) => {
        let status = fates.get(t.task_id)!(period);
        if (t === revisedTask && period > "2023-09") status = "done";
        return {
          task: t,
          status,
          text: pick(TEXTS[status], random),
          evidence: status === "done" ? `${t.task_id}-完成材料.pdf` : ""
        };
      });
      const name = `${period}-${office.name}-任务进展`;
      files.push(await render(name, office, period, rows, o, `${nextMonth(period)}-0${3 + (o % 6)}T09:30:00+08:00`));
      if (office === revisedOffice && period === "2023-09" && revisedTask) {
        const corrected = rows.map((r) =>
          r.task === revisedTask
            ? {
                ...r,
                status: "done" as const,
                text: "更正:已于9月完成,成果材料已归档",
                evidence: `${r.task.task_id}-完成材料.pdf`
              }
            : r
        );
        files.push(await render(`${name}-更正`, office, period, corrected, 0, "2023-10-12T09:30:00+08:00"));
      }
    }
  }
  const bad = reporting[Math.min(1, reporting.length - 1)]!;
  const first = tasks.find((t) => t.owner === bad.code)!;
  files.push({
    name: `2023-09-${bad.name}-任务进展-错误.csv`,
    submitted: "2023-10-09T09:30:00+08:00",
    bytes: Buffer.from(
      `任务编号,单位,月份,进展状态,进展情况,佐证材料\n${first.task_id},${bad.name},2023-09,差不多了,状态写法不对,\n99.9-t1,${bad.name},2023-09,滞后,任务编号不存在,\n`,
      "utf8"
    )
  });
  return files;
}

/** A task's reported status by month: decided once from one draw. */
function fate(task: SampleTask, r: number, index: number): (period: string) => ReportedStatus {
  const due = task.deadline;
  if (due !== null && due < "2023-12")
    return r < 0.8 ? (p) => (p >= due ? "done" : "on_schedule") : (p) => (p < "2023-06" ? "on_schedule" : "late");
  if (index === 7) return (p) => (p < "2023-06" ? "on_schedule" : "paused");
  if (index === 11) return () => "not_started";
  if (r < 0.1) return (p) => (p < "2023-09" ? "on_schedule" : "late");
  if (r < 0.35) return (p) => (p < "2023-06" ? "not_started" : p < "2023-09" ? "on_schedule" : "done");
  if (r < 0.45) return (p) => (p < "2023-06" ? "not_started" : "on_schedule");
  return () => "on_schedule";
}

const FORMATS: {ext: "csv" | "xlsx"; encoding: SampleEncoding; unit: (o: Office) => string; english: boolean}[] = [
  {ext: "csv", encoding: "gbk", unit: (o) => o.name, english: false},
  {ext: "csv", encoding: "utf-8-bom", unit: (o) => o.short_name, english: false},
  {ext: "xlsx", encoding: "utf-8", unit: (o) => o.code, english: true}
];

async function render(
  name: string,
  office: Office,
  period: string,
  rows: {task: SampleTask; status: ReportedStatus; text: string; evidence: string}[],
  o: number,
  submitted: string
): Promise<SampleFile> {
  const format = FORMATS[o % FORMATS.length]!;
  // `progress`: the text's name before `progress_text`, still read (and the committed sample's bytes stay as they are)
  const header = format.english
    ? ["task_id", "unit", "period", "status", "progress", "evidence"]
    : ["任务编号", "单位", "月份", "进展状态", "进展情况", "佐证材料"];
  const grid = [
    header,
    ...rows.map((r) => [
      r.task.task_id,
      format.unit(office),
      period,
      format.english ? r.status : STATUS_LABELS[r.status],
      r.text,
      r.evidence
    ])
  ];
  const bytes =
    format.ext === "xlsx"
      ? await writeXlsx(grid, {sheet: "任务进展"})
      : encodeText(stringify(grid, {record_delimiter: "\r\n"}), format.encoding);
  return {name: `${name}.${format.ext}`, bytes, submitted};
}

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)]!;

const nextMonth = (period: string) => {
  const [y, m] = period.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
};
