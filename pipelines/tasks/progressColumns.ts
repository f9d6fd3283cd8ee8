import {foldKey} from "../core/index.js";

/** The columns of a progress report, by their canonical (English) names. */
export const PROGRESS_COLUMNS = [
  "task_id",
  "period",
  "status",
  "progress_text",
  "evidence",
  "unit",
  "task_text"
] as const;
export type ProgressColumn = (typeof PROGRESS_COLUMNS)[number];

/**
 * The headers that name each column (case, width and spaces ignored). `task_text` is read and ignored;
 * `progress`, the free text's name before `progress_text`, is still read.
 */
export const PROGRESS_ALIASES: Record<ProgressColumn, readonly string[]> = {
  task_id: ["task_id", "task", "任务编号", "任务代码", "任务id"],
  period: ["period", "month", "月份", "报送月份", "统计期", "期间", "年月"],
  status: ["status", "进展状态", "状态", "完成状态", "进度状态"],
  progress_text: ["progress_text", "progress", "进展情况", "工作进展", "进展", "进度情况", "完成情况"],
  evidence: ["evidence", "佐证材料", "佐证", "附件", "证明材料"],
  unit: ["unit", "单位", "报送单位", "处室", "责任单位", "填报单位"],
  task_text: ["task_text", "任务内容", "工作任务", "任务名称", "任务"]
};

/** A task's status as an office reports it. */
export type ReportedStatus = "done" | "on_schedule" | "late" | "not_started" | "paused";

/** The status words a report may use: the Chinese the template offers, and English aliases. */
export const STATUS_WORDS: Record<ReportedStatus, readonly string[]> = {
  done: ["已完成", "完成", "done", "completed", "complete", "finished"],
  on_schedule: [
    "按计划推进",
    "正常推进",
    "推进中",
    "进行中",
    "按期推进",
    "on_schedule",
    "on schedule",
    "on track",
    "on_track",
    "in progress",
    "ongoing"
  ],
  late: ["滞后", "进度滞后", "延期", "延后", "late", "behind", "delayed"],
  not_started: ["未启动", "未开始", "尚未启动", "not_started", "not started"],
  paused: ["暂缓", "暂停", "paused", "on hold", "suspended"]
};

/** The Chinese word each status is shown and offered with. */
export const STATUS_LABELS: Record<ReportedStatus, string> = {
  done: "已完成",
  on_schedule: "按计划推进",
  late: "滞后",
  not_started: "未启动",
  paused: "暂缓"
};

const COLUMN_KEYS = new Map<string, ProgressColumn>();
for (const column of PROGRESS_COLUMNS)
  for (const name of PROGRESS_ALIASES[column]) COLUMN_KEYS.set(foldKey(name), column);
const STATUS_KEYS = new Map<string, ReportedStatus>();
for (const [status, words] of Object.entries(STATUS_WORDS))
  for (const w of words) STATUS_KEYS.set(foldKey(w).replace(/[_-]/g, ""), status as ReportedStatus);

/** The progress column a header names, if any; a note in brackets after it is ignored (`进展状态(已完成/…)`). */
export function progressColumn(header: string): ProgressColumn | undefined {
  const key = foldKey(header);
  return COLUMN_KEYS.get(key) ?? COLUMN_KEYS.get(key.replace(/\([^()]*\)$/, ""));
}

/** Reads a status cell (`已完成`, `按计划推进`, `On track` …), else null. */
export function parseStatus(text: string): ReportedStatus | null {
  return STATUS_KEYS.get(foldKey(text).replace(/[_-]/g, "")) ?? null;
}

/**
 * True when a header row is a progress report's: it names a task column and a status column (a
 * numbers submission has neither). The one test that routes a file to progress validation.
 */
export function isProgressHeader(header: readonly string[]): boolean {
  const columns = new Set(header.map((h) => progressColumn(h.trim())));
  return columns.has("task_id") && columns.has("status");
}

/** One progress report row, normalized (DESIGN.md, progress table before provenance). */
export interface ProgressRow {
  task_id: string;
  /** The reporting office's or unit's code. */
  unit_code: string;
  period: string;
  status: ReportedStatus;
  /** Free text, kept as sent: shown as text, never as markup. */
  progress_text: string;
  /** A file name or link, kept as text. */
  evidence: string;
  row: number;
}

/** An earlier accepted report, for the check that a task reported done is not later reported undone. */
export type PriorProgress = Pick<ProgressRow, "task_id" | "unit_code" | "period" | "status">;

/** One accepted progress report row with its provenance (DESIGN.md, progress table). */
export interface Progress extends ProgressRow {
  file_sha256: string;
  file: string;
  ingested_at: string;
  /** The sha256 of the later file that reports the same task, unit and month again, else null. */
  superseded_by: string | null;
}
