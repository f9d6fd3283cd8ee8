import {formatPercent} from "./format.js";

/** Every status of the gaps table, in the order pages list them. */
export const STATUS_ORDER = [
  "off_track",
  "at_risk",
  "on_track",
  "achieved",
  "no_data",
  "no_baseline",
  "no_deadline",
  "no_target"
] as const;
export type Status = (typeof STATUS_ORDER)[number];

/** What leadership reads for each status (the same as the CLI's, `pipelines/gaps/status.ts`: a test keeps them equal). */
export const STATUS_LABELS: Record<Status, string> = {
  achieved: "已完成",
  on_track: "进度正常",
  at_risk: "有风险",
  off_track: "滞后",
  no_data: "无数据",
  no_baseline: "缺基线",
  no_deadline: "缺期限",
  no_target: "未分解"
};

/** Colors that tell the statuses apart on screen and in grey print (dark to light by urgency). */
export const STATUS_COLORS: Record<Status, string> = {
  off_track: "#c0392b",
  at_risk: "#e08e0b",
  on_track: "#2e86c1",
  achieved: "#1e8449",
  no_data: "#7f8c8d",
  no_baseline: "#8e7cc3",
  no_deadline: "#a9a9d6",
  no_target: "#bdc3c7"
};

/** A status as its Chinese label (an unknown one as itself). */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status as Status] ?? status;
}

/** The Vega-Lite color scale for a `status` field: the labels above, in this order. */
export function statusScale(statuses: readonly string[] = STATUS_ORDER) {
  const present = STATUS_ORDER.filter((s) => statuses.includes(s));
  return {domain: present.map((s) => STATUS_LABELS[s]), range: present.map((s) => STATUS_COLORS[s])};
}

/** The statuses that count as behind (有风险 or 滞后), most urgent first. */
export const BEHIND_STATUSES = ["off_track", "at_risk"] as const satisfies readonly Status[];

/** Whether a status is behind: `off_track` (滞后) or `at_risk` (有风险). */
export function isBehind(status: string | null | undefined): boolean {
  return (BEHIND_STATUSES as readonly (string | null | undefined)[]).includes(status);
}

/** 完成率 (attainment: actual ÷ target) as a percentage: 0.597 → 59.7% (— for none). */
export function formatAttainment(value: number | null | undefined): string {
  return formatPercent(value);
}

/** The 完成率 column of a page's table (dataTable's column spec). */
export const ATTAINMENT_COLUMN = {
  key: "attainment",
  label: "完成率",
  align: "right",
  format: (v: number | null) => formatAttainment(v)
} as const;
