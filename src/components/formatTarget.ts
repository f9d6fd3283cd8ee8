/** The fields of a target that say what it asks for. */
export interface TargetStatement {
  comparator: string;
  value: number;
  value_max: number | null;
  unit: string;
  baseline_year?: number | null;
  per?: string | null;
}

const SYMBOLS: Record<string, string> = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": ""};

/** A number as Chinese readers write it: 61,000 · 0.5 · 1,500. */
export function formatNumber(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? "—" : value.toLocaleString("zh-CN", {maximumFractionDigits: 2});
}

/**
 * What a target asks for, in Chinese: `≥ 90%`, `2–3 项`, `较2022年增加 2,800 名`, `逐年下降 1 百分点`.
 */
export function formatTarget(t: TargetStatement): string {
  const unit = t.unit === "%" ? "%" : ` ${t.unit}`;
  const amount = `${formatNumber(t.value)}${unit}`;
  switch (t.comparator) {
    case "between":
      return `${formatNumber(t.value)}–${formatNumber(t.value_max)}${unit}`;
    case "increase":
    case "decrease": {
      const verb = t.comparator === "increase" ? "增加" : "下降";
      const since = t.per === "year" ? "逐年" : t.baseline_year ? `较${t.baseline_year}年` : "";
      return `${since}${verb} ${amount}`;
    }
    default:
      return `${SYMBOLS[t.comparator] ?? t.comparator} ${amount}`.trim();
  }
}
