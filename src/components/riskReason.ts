import {type Kind, formatNumber, formatPercent, formatValue, isRate} from "./format.js";

/** The fields of a gaps row that say why it is at risk. */
export interface RiskRow {
  status: string;
  measure: string;
  kind?: Kind | string | null;
  target: number | null;
  projection: number | null;
  months_left: number | null;
  pace: number | null;
}

/**
 * Why a row is 有风险, in Chinese, or null for any other status: near the deadline (at most
 * `finalMonths` months left, default 3, as in the status rule) the projection that misses the target
 * (`预计期末 99.9%,距目标 0.1 个百分点,剩 1 个月`); otherwise its pace below 95 % (`进度比 88.0%,
 * 低于 95%`).
 */
export function riskReason(r: RiskRow, {finalMonths = 3, onTrack = 0.95} = {}): string | null {
  if (r.status !== "at_risk") return null;
  const kind = r.kind ?? "count";
  if (r.projection != null && r.target != null && r.months_left != null && r.months_left <= finalMonths) {
    const short = Math.abs(r.target - r.projection);
    const distance = isRate(r.measure)
      ? `${formatNumber(short, {digits: 1})} 个百分点`
      : formatValue(short, r.measure, {kind});
    const left = r.months_left > 0 ? `剩 ${r.months_left} 个月` : "已到期限";
    return `预计期末 ${formatValue(r.projection, r.measure, {kind})},距目标 ${distance},${left}`;
  }
  if (r.pace != null) return `进度比 ${formatPercent(r.pace)},低于 ${formatPercent(onTrack)}`;
  return null;
}
