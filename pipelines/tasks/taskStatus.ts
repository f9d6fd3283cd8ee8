import * as aq from "arquero";
import {PlanwatchError, addMonths, compareMonths, isMonth} from "../core/index.js";
import type {ReportedStatus, Progress} from "./progressColumns.js";
import type {Task} from "./responsibilities.js";

/** A task's status as of a month (DESIGN.md, task status table). */
export type TaskStatus = "done" | "on_schedule" | "late" | "not_started" | "no_report" | "paused";

/** The statuses in the order pages list them: what needs attention first. */
export const TASK_STATUSES: readonly TaskStatus[] = [
  "late",
  "no_report",
  "not_started",
  "paused",
  "on_schedule",
  "done"
];

/** One task's standing as of a month, with its last report. */
export interface TaskStatusRow {
  task_id: string;
  item_id: string;
  section: number;
  owner: string | null;
  /** Null when neither the text nor the responsibilities name one (a plan whose year is unknown). */
  deadline: string | null;
  as_of: string;
  status: TaskStatus;
  /** Why a task is late: its deadline passed undone, or its last report says 滞后; else null. */
  late_reason: "deadline" | "reported" | null;
  /** The month of the report the status rests on, else null (never reported by `as_of`). */
  last_report: string | null;
  /** That report's status, unit, text and evidence. */
  reported_status: ReportedStatus | null;
  reported_by: string | null;
  progress_text: string;
  evidence: string;
}

/**
 * Each task's status as of the month `asOf` (`YYYY-MM`), from the reports of months up to it that
 * no later file revised. The report a task's status rests on is its latest month's, the owner's
 * before a partner's, the later file's before an earlier one's; a report by an office or unit that
 * neither leads nor partners a task with an owner stays in its history but never decides its
 * status (it could otherwise mark another office's task 已完成). In order:
 * `done` (it says 已完成), `paused` (暂缓), `late` (the deadline month is before `asOf`),
 * `no_report` (no report in `asOf` or the month before), then what it says: `late` (滞后),
 * `not_started` (未启动), `on_schedule` (按计划推进).
 * Throws `PlanwatchError` `invalid_option` for a bad month.
 */
export function taskStatus(
  tasks: readonly Task[],
  progress: readonly Progress[],
  {asOf}: {asOf: string}
): TaskStatusRow[] {
  if (!isMonth(asOf)) throw new PlanwatchError("invalid_option", `invalid month: ${asOf} (expected YYYY-MM)`);
  const latest = latestReports(tasks, progress, asOf);
  const since = addMonths(asOf, -1);
  return tasks.map((t) => {
    const r = latest.get(t.task_id);
    const reported = r?.status ?? null;
    let status: TaskStatus;
    let late_reason: TaskStatusRow["late_reason"] = null;
    if (reported === "done" || reported === "paused") status = reported;
    else if (t.deadline !== null && compareMonths(t.deadline, asOf) < 0) [status, late_reason] = ["late", "deadline"];
    else if (!r || r.period < since) status = "no_report";
    else if (reported === "late") [status, late_reason] = ["late", "reported"];
    else status = reported!;
    return {
      task_id: t.task_id,
      item_id: t.item_id,
      section: t.section,
      owner: t.owner,
      deadline: t.deadline,
      as_of: asOf,
      status,
      late_reason,
      last_report: r?.period ?? null,
      reported_status: reported,
      reported_by: r?.unit_code ?? null,
      progress_text: r?.progress_text ?? "",
      evidence: r?.evidence ?? ""
    };
  });
}

/**
 * The latest standing report of each task by `asOf`, among its owner's and partners' (anyone's when
 * it has no owner): latest month, the owner's first, then the latest file.
 */
function latestReports(tasks: readonly Task[], progress: readonly Progress[], asOf: string): Map<string, Progress> {
  const owners = new Map(tasks.map((t) => [t.task_id, t.owner]));
  const standing = new Map(tasks.map((t) => [t.task_id, t.owner === null ? null : [t.owner, ...(t.partners ?? [])]]));
  const mayReport = (p: Progress) => standing.get(p.task_id)?.includes(p.unit_code) ?? standing.has(p.task_id);
  const rows = progress
    .map((p, seq) => ({...p, seq, owner_rank: owners.get(p.task_id) === p.unit_code ? 0 : 1}))
    .filter((p) => p.superseded_by === null && p.period <= asOf && mayReport(p));
  if (!rows.length) return new Map();
  const picked = aq
    .from(rows)
    .groupby("task_id")
    .orderby(aq.desc("period"), "owner_rank", aq.desc("seq"))
    .filter(() => aq.op.row_number() === 1)
    .ungroup()
    .objects() as (Progress & {seq: number})[];
  return new Map(picked.map((p) => [p.task_id, progress[p.seq]!]));
}

/** How many tasks have each status, per group. */
export type StatusCounts = {key: string; total: number} & Record<TaskStatus, number>;

/**
 * Counts the statuses of `rows` per `by`: `owner` (an office), `section`, or `city` (one row, key
 * `city`), each with every status (0 when none) and the total, in key order.
 */
export function countStatuses(
  rows: readonly TaskStatusRow[],
  {by}: {by: "owner" | "section" | "city"}
): StatusCounts[] {
  if (!rows.length) return [];
  const keyed = rows.map((r) => ({key: by === "city" ? "city" : String(r[by] ?? ""), status: r.status}));
  const counted = aq.from(keyed).groupby("key", "status").count({as: "n"}).objects() as {
    key: string;
    status: TaskStatus;
    n: number;
  }[];
  const out = new Map<string, StatusCounts>();
  for (const {key, status, n} of counted) {
    const row =
      out.get(key) ?? ({key, total: 0, ...Object.fromEntries(TASK_STATUSES.map((s) => [s, 0]))} as StatusCounts);
    row[status] = n;
    row.total += n;
    out.set(key, row);
  }
  return [...out.values()].sort((a, b) => a.key.localeCompare(b.key, "en", {numeric: true}));
}

/** One report in a task's history: every report of it, revised ones marked, in month then file order. */
export type HistoryEntry = Pick<
  Progress,
  "period" | "unit_code" | "status" | "progress_text" | "evidence" | "file" | "ingested_at"
> & {revised: boolean};

/** A task's history: every report of it, oldest first, each marked `revised` when a later file replaced it. */
export function taskHistory(progress: readonly Progress[], {taskId}: {taskId: string}): HistoryEntry[] {
  return progress
    .map((p, seq) => ({p, seq}))
    .filter(({p}) => p.task_id === taskId)
    .sort((a, b) => (a.p.period < b.p.period ? -1 : a.p.period > b.p.period ? 1 : a.seq - b.seq))
    .map(({p}) => ({
      period: p.period,
      unit_code: p.unit_code,
      status: p.status,
      progress_text: p.progress_text,
      evidence: p.evidence,
      file: p.file,
      ingested_at: p.ingested_at,
      revised: p.superseded_by !== null
    }));
}
