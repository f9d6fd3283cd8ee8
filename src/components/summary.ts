import {formatChange, formatMonth, formatRequired, formatValue} from "./format.js";
import {BEHIND_STATUSES, STATUS_LABELS, type Status, formatAttainment, isBehind} from "./status.js";

/** A gaps row as the summaries read it. */
export interface SummaryRow {
  target_id: string;
  unit_code: string;
  indicator: string;
  measure: string;
  actual: number | null;
  target: number | null;
  expected: number | null;
  attainment: number | null;
  pace: number | null;
  status: string;
  required_rate: number | null;
  gap: number | null;
  period: string | null;
  /** The target's kind (count | level); count when absent. */
  kind?: string;
}

/** A change since the last period as the site carries it (pipelines/site-data/siteData.ts). */
export interface SummaryChange {
  target_id: string;
  unit_code: string;
  actual_from: number | null;
  status_from: string;
  actual_change: number | null;
  changes: string[];
}

/** What a change kind is called on the pages (本期变化). */
export const CHANGE_LABELS: Record<string, string> = {
  achieved: "新完成",
  behind: "新增有风险或滞后",
  reported: "新报送",
  revised: "数据更正"
};

/**
 * What a row still needs, in words: `需每月完成 21.4 万名` · `尚差 2.8 个百分点` · `已达标`.
 * Never a negative amount: an achieved target needs nothing.
 */
export function needText(r: SummaryRow): string {
  if (r.status === "achieved") return "已达标";
  const need = formatRequired(r.required_rate, r.measure, {gap: r.gap, kind: r.kind});
  if (need === "无需") return "已达标";
  if (need === "—") return "";
  return need.startsWith("每月") ? `需${need.replace("每月 ", "每月完成 ")}` : need;
}

/** One item of a summary: `6.8a 义务教育段学生开展正脊筛查(完成率 59.7%,需每月完成 21.4 万名)`. */
export function itemText(r: SummaryRow): string {
  const parts = [`完成率 ${formatAttainment(r.attainment)}`, needText(r)].filter(Boolean);
  return `${r.target_id} ${r.indicator}(${parts.join(",")})`;
}

/** Pace first (lowest first), then id: the order of urgency within a status. */
const byUrgency = (a: SummaryRow, b: SummaryRow) =>
  (a.pace ?? -1) - (b.pace ?? -1) || a.target_id.localeCompare(b.target_id, "en", {numeric: true});

/**
 * The executive summary of a set of rows (the city's, or one unit's), in full Chinese sentences:
 * how many targets stand where, then the off-track and at-risk items by urgency, each with its
 * completion and what it needs (at most `limit` named per status, default 3).
 * `who` names the subject ("全市", "西湖区"), `asOf` the month.
 */
export function executiveSummary(
  rows: readonly SummaryRow[],
  {who, asOf, limit = 3}: {who: string; asOf: string; limit?: number}
): string[] {
  const n = (s: Status) => rows.filter((r) => r.status === s).length;
  const judged = rows.filter((r) => r.status !== "no_target");
  const counts = (["achieved", "on_track", "at_risk", "off_track", "no_data", "no_baseline"] as Status[])
    .filter((s) => n(s) > 0)
    .map(
      (s) => `${n(s)} 项${s === "no_data" ? "尚无数据" : s === "no_baseline" ? "缺基线无法判断" : STATUS_LABELS[s]}`
    );
  const sentences = [
    `截至${formatMonth(asOf, {year: true})},${who} ${judged.length} 项量化目标中,${counts.length ? counts.join("、") : "尚无可判断的目标"}。`
  ];
  for (const s of BEHIND_STATUSES) {
    const items = rows.filter((r) => r.status === s).sort(byUrgency);
    if (!items.length) continue;
    const named = items.slice(0, limit).map(itemText).join(";");
    sentences.push(`${items.length} 项${STATUS_LABELS[s]}:${named}${items.length > limit ? ` 等` : ""}。`);
  }
  if (!rows.some((r) => isBehind(r.status)) && judged.length) sentences.push("暂无滞后或有风险的目标。");
  return sentences;
}

/**
 * 本期变化: the rows of each change kind since `previous` (newly achieved, newly behind, newly
 * reported, revised), in that order, each with its sentence; kinds with no row are kept (count 0).
 */
export function changeGroups(
  changes: readonly SummaryChange[],
  rows: readonly SummaryRow[]
): {kind: string; label: string; rows: (SummaryRow & {change: SummaryChange})[]}[] {
  const byKey = new Map(rows.map((r) => [`${r.target_id}|${r.unit_code}`, r]));
  return Object.keys(CHANGE_LABELS).map((kind) => ({
    kind,
    label: CHANGE_LABELS[kind]!,
    rows: changes
      .filter((c) => c.changes.includes(kind))
      .flatMap((c) => {
        const r = byKey.get(`${c.target_id}|${c.unit_code}`);
        return r ? [{...r, change: c}] : [];
      })
  }));
}

/** 较上月 in words: the actual's change and, when it moved, the status's (`+1,200 个,有风险→进度正常`); — with nothing to compare. */
export function changeText(
  change: SummaryChange | undefined,
  unit: string,
  status: string,
  {kind = "count"}: {kind?: string} = {}
): string {
  if (!change || (change.actual_from === null && change.status_from === "no_data"))
    return change?.changes.includes("reported") ? "新报送" : "—";
  const moved =
    change.status_from !== status
      ? `,${STATUS_LABELS[change.status_from as Status] ?? change.status_from}→${STATUS_LABELS[status as Status] ?? status}`
      : "";
  return `${formatChange(change.actual_change, unit, {kind})}${moved}`;
}

/** A value with its month when older than `asOf`: `1,200 个(10月)`; the plain value otherwise. */
export function staleValue(
  value: number | null,
  unit: string,
  period: string | null,
  asOf: string,
  {kind = "count"}: {kind?: string} = {}
): string {
  const text = formatValue(value, unit, {kind});
  return value !== null && period && period < asOf ? `${text}(${formatMonth(period)})` : text;
}
