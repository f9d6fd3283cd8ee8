/**
 * Numbers as a Chinese report writes them, in one place for pages, tables, summaries and chart
 * axes: 万 and 亿 for large numbers, counts as whole numbers, rates in %, 百分点 only for a change of
 * a rate, and nothing "still needed" once a target is met.
 */

/** The fields of a target that say what it asks for. */
export interface TargetStatement {
  comparator: string;
  value: number;
  value_max: number | null;
  unit: string;
  baseline_year?: number | null;
  per?: string | null;
}

const DASH = "—";
const valid = (v: number | null | undefined): v is number => v != null && Number.isFinite(v);
const SYMBOLS: Record<string, string> = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": ""};

/** Whether values of a unit of measure are rates (%): `%`, and `百分点` (a target that moves a rate by points). */
export function isRate(unit: string): boolean {
  return unit === "%" || unit === "百分点";
}

/**
 * A number as a Chinese reader writes it: 1,500 · 6.1万 · 1.25亿 (at most `digits` decimals, 2 by
 * default, trailing zeros dropped; 万 from 10,000, 亿 from 100,000,000).
 */
export function formatNumber(value: number | null | undefined, {digits = 2}: {digits?: number} = {}): string {
  if (!valid(value)) return DASH;
  const abs = Math.abs(value);
  const plain = (v: number, d: number) => v.toLocaleString("zh-CN", {maximumFractionDigits: d});
  if (abs >= 1e8) return `${plain(value / 1e8, 2)}亿`;
  if (abs >= 1e4) return `${plain(value / 1e4, 2)}万`;
  return plain(value, digits);
}

/** What a target measures: `count` (accumulates: whole numbers) or `level` (a state: may be 1.8 项). */
export type Kind = "count" | "level";

/**
 * A level or a count with its unit: rates in % with one decimal (a `百分点` target's actual is a
 * rate too: 51.5%), counts as whole numbers (7.3 所 → 7 所), other levels with one decimal (1.8 项),
 * large ones in 万/亿 (61,000 个 → 6.1 万个). `kind` defaults to `count`.
 */
export function formatValue(
  value: number | null | undefined,
  unit: string,
  {kind = "count"}: {kind?: Kind | string} = {}
): string {
  if (!valid(value)) return DASH;
  if (isRate(unit)) return `${formatNumber(value, {digits: 1})}%`;
  if (kind === "level") return withUnit(formatNumber(value, {digits: 1}), unit);
  return withUnit(formatNumber(Math.round(value), {digits: 0}), unit);
}

/** A formatted number and its unit: 87.2%, 1,500 个, 6.1 万个 (the 万 goes with the unit), 1 个百分点. */
function withUnit(n: string, unit: string): string {
  if (unit === "%") return `${n}%`;
  const u = unit === "百分点" ? "个百分点" : unit;
  return (/[万亿]$/.test(n) ? `${n.slice(0, -1)} ${n.slice(-1)}${u}` : `${n} ${u}`).trim();
}

/** A share or ratio as a percentage: 0.934 → 93.4% (— for none). */
export function formatPercent(value: number | null | undefined): string {
  return valid(value) ? `${formatNumber(value * 100, {digits: 1})}%` : DASH;
}

/**
 * A change between two values of a unit: a rate's change in 百分点 (+1.2 个百分点), a count's with its
 * sign (+1,200 个, −3 所), 持平 for none, — when either side is missing.
 */
export function formatChange(
  delta: number | null | undefined,
  unit: string,
  {kind = "count"}: {kind?: Kind | string} = {}
): string {
  if (!valid(delta)) return DASH;
  const rate = isRate(unit);
  const rounded = rate || kind === "level" ? Math.round(delta * 10) / 10 : Math.round(delta);
  if (rounded === 0) return "持平";
  const sign = rounded > 0 ? "+" : "−";
  return rate
    ? `${sign}${formatNumber(Math.abs(rounded), {digits: 1})} 个百分点`
    : `${sign}${formatValue(Math.abs(rounded), unit, {kind})}`;
}

/**
 * What is still needed each month (the required rate): `每月 2.1万名`; 无需 when the target is met or
 * nothing is left to do (never a negative amount); — when unknown. A rate or another level needs
 * the distance, not a monthly amount: `尚差 2.8 个百分点`, `尚差 0.2 项`.
 */
export function formatRequired(
  required: number | null | undefined,
  unit: string,
  {gap = null, kind = "count"}: {gap?: number | null; kind?: Kind | string} = {}
): string {
  if (kind === "level" && !isRate(unit))
    return !valid(gap) ? DASH : gap <= 0 ? "无需" : `尚差 ${formatValue(gap, unit, {kind})}`;
  if (isRate(unit)) {
    if (!valid(gap)) return valid(required) && required <= 0 ? "无需" : DASH;
    return gap <= 0 ? "无需" : `尚差 ${formatNumber(gap, {digits: 1})} 个百分点`;
  }
  if (!valid(required)) return valid(gap) && gap <= 0 ? "无需" : DASH;
  return required <= 0 || (valid(gap) && gap <= 0) ? "无需" : `每月 ${formatValue(Math.ceil(required), unit)}`;
}

/**
 * What a target asks for, in Chinese: `≥ 90%`, `2–3 项`, `较2022年增加 2,800 名`, `逐年下降 1 个百分点`.
 */
export function formatTarget(t: TargetStatement): string {
  const amount = withUnit(formatNumber(t.value), t.unit);
  switch (t.comparator) {
    case "between":
      return withUnit(`${formatNumber(t.value)}–${formatNumber(t.value_max)}`, t.unit);
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

/** A month as its Chinese label: 2023-11 → 11月 (with the year when `year` is set: 2023年11月). */
export function formatMonth(period: string | null | undefined, {year = false}: {year?: boolean} = {}): string {
  if (!period || !/^\d{4}-\d{2}$/.test(period)) return DASH;
  const m = `${Number(period.slice(5, 7))}月`;
  return year ? `${period.slice(0, 4)}年${m}` : m;
}

const SHANGHAI_PARTS = new Intl.DateTimeFormat("en-US", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23"
});

/** An instant's calendar parts in Asia/Shanghai (a ledger time is UTC: `2023-12-07T17:30:00.000Z` is 8 December there). */
function shanghaiParts(instant: string): Record<string, string> | null {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(SHANGHAI_PARTS.formatToParts(date).map((p) => [p.type, p.value]));
}

/** An instant as the day it was in Asia/Shanghai: `2023-12-07T17:30:00.000Z` → 2023年12月8日. */
export function formatDay(instant: string | null | undefined): string {
  const p = instant ? shanghaiParts(instant) : null;
  return p ? `${p.year}年${p.month}月${p.day}日` : DASH;
}

/** An instant as the day and time it was in Asia/Shanghai: `2023-12-07T17:30:00.000Z` → 2023年12月8日 01:30. */
export function formatTime(instant: string | null | undefined): string {
  const p = instant ? shanghaiParts(instant) : null;
  return p ? `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}` : DASH;
}

/**
 * A Vega expression that labels an axis the way {@link formatNumber} writes numbers (万, 亿; a
 * rate axis `%`): use as `axis.labelExpr`. `percent` is for axes of shares (0.5 → 50%).
 */
export function axisLabelExpr({percent = false}: {percent?: boolean} = {}): string {
  if (percent) return "format(datum.value * 100, '~r') + '%'";
  const v = "datum.value";
  return `abs(${v}) >= 1e8 ? format(${v} / 1e8, '~r') + '亿' : abs(${v}) >= 1e4 ? format(${v} / 1e4, '~r') + '万' : format(${v}, ',~r')`;
}
