export {formatNumber, formatTarget} from "./formatTarget.js";

/** A value with its unit of measure: 61,000 个 · 87.2% · — */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value == null || !Number.isFinite(value)) return "—";
  const digits = unit === "%" || unit === "百分点" || Math.abs(value) < 10 ? 1 : 0;
  const text = value.toLocaleString("zh-CN", {maximumFractionDigits: digits});
  return unit === "%" ? `${text}%` : `${text} ${unit}`;
}

/** A share as a percentage: 0.934 → 93.4% (— for none). */
export function formatPercent(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? "—" : `${(value * 100).toLocaleString("zh-CN", {maximumFractionDigits: 1})}%`;
}
