import {latestMonth} from "../core/index.js";
import type {WorkItem, Office, Task, StatusCounts, TaskStatus, Progress} from "../tasks/index.js";
import {STATUS_LABELS as REPORTED_LABELS, TASK_STATUSES, countStatuses, taskStatus} from "../tasks/index.js";

/** What leadership reads for each task status. */
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  late: "滞后",
  no_report: "未报送",
  not_started: "未启动",
  paused: "暂缓",
  on_schedule: "按计划推进",
  done: "已完成"
};

/** What the site's task pages read: every task with its status as of a month, and the counts. */
export interface SiteTasks {
  as_of: string;
  /** The statuses in page order with their labels, and the reported words (已完成 …). */
  statuses: {key: TaskStatus; label: string}[];
  reported_labels: Record<string, string>;
  offices: Pick<Office, "code" | "name" | "short_name">[];
  items: WorkItem[];
  tasks: (Pick<
    Task,
    | "task_id"
    | "item_id"
    | "section"
    | "item"
    | "text"
    | "owner"
    | "partners"
    | "deadline"
    | "deadline_source"
    | "target_ids"
  > & {
    status: TaskStatus;
    late_reason: "deadline" | "reported" | null;
    last_report: string | null;
    reported_by: string | null;
    /** The last report's text and evidence: text, never markup. */
    progress_text: string;
    evidence: string;
  })[];
  counts: {city: StatusCounts | null; owner: StatusCounts[]; section: StatusCounts[]};
  /** Each office's report record: per month, how many of its tasks it reported, in which files, revised or not. */
  record: {office: string; period: string; tasks: number; files: string[]; revised: boolean}[];
}

/**
 * The tasks table for the site, as of `asOf` (default: the latest month any progress report or
 * observation names, so tasks and numbers share a month).
 */
export function siteTasksFrom(
  {
    items,
    tasks,
    offices,
    progress,
    periods = []
  }: {
    items: readonly WorkItem[];
    tasks: readonly Task[];
    offices: readonly Office[];
    progress: readonly Progress[];
    periods?: readonly string[];
  },
  {asOf}: {asOf?: string} = {}
): SiteTasks {
  const month = asOf ?? latestMonth([...periods, ...progress.map((p) => p.period)]) ?? "";
  const rows = month ? taskStatus(tasks, progress, {asOf: month}) : [];
  const byId = new Map(rows.map((r) => [r.task_id, r]));
  const record = new Map<string, SiteTasks["record"][number]>();
  for (const p of progress) {
    const key = `${p.unit_code}|${p.period}`;
    const r = record.get(key) ?? {office: p.unit_code, period: p.period, tasks: 0, files: [], revised: false};
    if (p.superseded_by === null) r.tasks++;
    else r.revised = true;
    if (!r.files.includes(p.file)) r.files.push(p.file);
    record.set(key, r);
  }
  return {
    as_of: month,
    statuses: TASK_STATUSES.map((key) => ({key, label: TASK_STATUS_LABELS[key]})),
    reported_labels: {...REPORTED_LABELS},
    offices: offices.map(({code, name, short_name}) => ({code, name, short_name})),
    items: [...items],
    tasks: tasks.map((t) => {
      const s = byId.get(t.task_id);
      return {
        task_id: t.task_id,
        item_id: t.item_id,
        section: t.section,
        item: t.item,
        text: t.text,
        owner: t.owner,
        partners: t.partners,
        deadline: t.deadline,
        deadline_source: t.deadline_source,
        target_ids: t.target_ids,
        status: s?.status ?? "no_report",
        late_reason: s?.late_reason ?? null,
        last_report: s?.last_report ?? null,
        reported_by: s?.reported_by ?? null,
        progress_text: s?.progress_text ?? "",
        evidence: s?.evidence ?? ""
      };
    }),
    counts: {
      city: countStatuses(rows, {by: "city"})[0] ?? null,
      owner: countStatuses(rows, {by: "owner"}),
      section: countStatuses(rows, {by: "section"})
    },
    record: [...record.values()].sort((a, b) =>
      a.office === b.office ? (a.period < b.period ? -1 : 1) : a.office < b.office ? -1 : 1
    )
  };
}
