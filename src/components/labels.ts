import {STATUS_COLORS, type Status, statusLabel} from "./status.js";

// The one module of labels for pages: what a code reads as, and its colour. The data files carry codes
// (docs/fields.md); a page shows them through these. The labels are the command line's
// (pipelines/gaps/status.ts, pipelines/site-data/siteTasks.ts, pipelines/commands/labels.ts), which
// Framework cannot serve (only modules under src/): test/components/labels.test.ts holds them equal.

export {STATUS_COLORS, STATUS_LABELS, STATUS_ORDER, statusLabel, statusScale} from "./status.js";
export type {Status} from "./status.js";

/** The colour of a colour-less thing: an unknown status. */
export const UNKNOWN_COLOR = "#888888";

/** A gaps status's colour (`at_risk` → amber; an unknown one grey). */
export function statusColor(status: string): string {
  return STATUS_COLORS[status as Status] ?? UNKNOWN_COLOR;
}

/** Every task status, most urgent first, as the task pages list them. */
export const TASK_STATUS_ORDER = ["late", "no_report", "not_started", "paused", "on_schedule", "done"] as const;
export type TaskStatus = (typeof TASK_STATUS_ORDER)[number];

/** What leadership reads for each task status (`on_schedule` → 按计划推进): the CLI's `TASK_STATUS_LABELS`. */
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  late: "滞后",
  no_report: "未报送",
  not_started: "未启动",
  paused: "暂缓",
  on_schedule: "按计划推进",
  done: "已完成"
};

/** Colours of the task statuses, dark to light by urgency (as the targets' statuses). */
export const TASK_STATUS_COLORS: Record<TaskStatus, string> = {
  late: "#c0392b",
  no_report: "#e08e0b",
  not_started: "#8e7cc3",
  paused: "#7f8c8d",
  on_schedule: "#2e86c1",
  done: "#1e8449"
};

/** A task status as its Chinese label (an unknown one as itself). */
export function taskStatusLabel(status: string): string {
  return TASK_STATUS_LABELS[status as TaskStatus] ?? status;
}

/** A task status's colour (an unknown one grey). */
export function taskStatusColor(status: string): string {
  return TASK_STATUS_COLORS[status as TaskStatus] ?? UNKNOWN_COLOR;
}

/** A gaps status or a task status as its label, for a table that shows either. */
export function anyStatusLabel(status: string): string {
  const label = statusLabel(status);
  return label === status ? taskStatusLabel(status) : label;
}

/**
 * A name lookup for codes, the command line's `namer`: each thing's `code` to its `name` (its
 * `short_name` with `short`, falling back to the name), `city` to the whole (`whole`, default 全市: the
 * project's `whole`, 全省 for a province's); an unknown code stays as it is, null stays null.
 */
export function namer(
  things: readonly {code: string; name: string; short_name?: string | null}[],
  {short = false, whole = "全市"}: {short?: boolean; whole?: string} = {}
): (code: string | null) => string | null {
  const names = new Map<string, string>([
    ["city", whole],
    ...things.map((t) => [t.code, (short && t.short_name) || t.name] as const)
  ]);
  return (code) => (code === null ? null : (names.get(code) ?? code));
}

/** Unit code → name, from `gaps.json`'s `units` (`330106` → 西湖区, `city` → 全市, or the `whole` given). */
export const unitNamer = (
  units: readonly {code: string; name: string; short_name?: string | null}[],
  options?: {short?: boolean; whole?: string}
) => namer(units, options);

/** Office code → name, from `tasks.json`'s `offices` (`xjc` → 宣传教育处; `{short: true}` → 宣教处). */
export const officeNamer = (
  offices: readonly {code: string; name: string; short_name?: string | null}[],
  options?: {short?: boolean}
) => namer(offices, options);
