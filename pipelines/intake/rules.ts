import {monthOf, foldKey} from "../core/index.js";
import type {Catalog, PlanSpan, TargetRef} from "./catalog.js";
import type {FindingCode} from "./findings.js";

// The checks of a submission's rows, once, for both paths that read rows: the reference path
// (validateGrid: any file, rows as text) and the streaming path (aggregateRanges: large UTF-8 files,
// rows as bytes). Each check is a function of plain values (no allocation on a valid row); each code's
// message is made by its template here, and only when a finding is made, so that the same finding
// reads the same in both paths. Severities are FINDING_CODES' (findings.ts).

/** What a target's number checks need: the range its unit allows for a value, and whether it is a ratio. */
export interface TargetLimits {
  min: number;
  max: number;
  ratio: boolean;
  /** Whether its value may be written with `%`: a percentage or percentage points; never a count's. */
  percent: boolean;
}

/**
 * The range a target's value may take, from its unit: a percentage (`%`) 0–100, a per-mille (`‰`)
 * 0–1000, percentage points (`百分点`, a change) −100–100; anything else (a count, a number of
 * schools, places, times…) 0 or more. A count or a level alike: negative counts and levels are refused.
 */
export function targetLimits(target: Pick<TargetRef, "unit" | "aggregation">): TargetLimits {
  const unit = (target.unit ?? "").normalize("NFKC").trim();
  const ratio = target.aggregation === "ratio";
  if (unit === "%") return {min: 0, max: 100, ratio, percent: true};
  if (unit === "‰") return {min: 0, max: 1000, ratio, percent: false};
  if (unit === "百分点") return {min: -100, max: 100, ratio, percent: true};
  return {min: 0, max: Infinity, ratio, percent: false};
}

// Problems of a row's numbers, as bits: 0 when the numbers are fine.
/** The value, numerator or denominator is not a number (set by the caller, which reads the text). */
export const BAD_VALUE = 1;
export const BAD_NUMERATOR = 2;
export const BAD_DENOMINATOR = 4;
const VALUE_LOW = 8;
const VALUE_HIGH = 16;
const NUMERATOR_NEGATIVE = 32;
const DENOMINATOR_NEGATIVE = 64;
const WITHOUT_PARTS = 128;
const NUMERATOR_OVER = 256;
/** The value, numerator or denominator was written with `%` where its target's unit is no percentage (set by the caller). */
export const PERCENT_VALUE = 512;
export const PERCENT_NUMERATOR = 1024;
export const PERCENT_DENOMINATOR = 2048;

/**
 * The PERCENT_* bits of a row's numbers: `12%` for a count of places is a rate sent where a count is
 * asked (never read as 12); a numerator or a denominator is a count whatever the target.
 */
export function percentBits(limits: TargetLimits, value: boolean, numerator: boolean, denominator: boolean): number {
  return (
    (value && !limits.percent ? PERCENT_VALUE : 0) |
    (numerator ? PERCENT_NUMERATOR : 0) |
    (denominator ? PERCENT_DENOMINATOR : 0)
  );
}

/**
 * Checks a row's numbers for a target (NaN: blank or not a number; `bad`: the BAD_* bits of the
 * fields that were not numbers). Returns 0 when they are fine, else the problems' bits, which
 * {@link reportNumbers} turns into findings. The row gives a value when this is 0 and the target's
 * value is there (a ratio: both parts).
 */
export function checkNumbers(
  min: number,
  max: number,
  ratio: boolean,
  value: number,
  numerator: number,
  denominator: number,
  bad: number
): number {
  let p = bad;
  if (value < min) p |= VALUE_LOW;
  if (numerator < 0) p |= NUMERATOR_NEGATIVE;
  if (denominator < 0) p |= DENOMINATOR_NEGATIVE;
  if (p) return p;
  if (value > max) p |= VALUE_HIGH;
  if (ratio) {
    if (numerator !== numerator || denominator !== denominator) {
      if (value === value || numerator === numerator || denominator === denominator) p |= WITHOUT_PARTS;
    } else if (numerator > denominator) p |= NUMERATOR_OVER;
  }
  return p;
}

/** A row's fields as its findings name them: each number's text and column, the target and its column. */
export interface NumberFields {
  target: TargetRef;
  targetColumn: string;
  /** value, numerator, denominator: the text as written, and the column. */
  texts: readonly [string, string, string];
  columns: readonly [string, string, string];
  numerator: number;
  denominator: number;
}

/** Reports the problems {@link checkNumbers} found, in a fixed order, each with its column and message. */
export function reportNumbers(
  problems: number,
  fields: NumberFields,
  report: (code: FindingCode, column: string, message: string) => void
): void {
  const {target, texts, columns} = fields;
  const {min, max} = targetLimits(target);
  [BAD_VALUE, BAD_NUMERATOR, BAD_DENOMINATOR].forEach((bit, i) => {
    if (problems & bit) report("non_numeric", columns[i]!, RULES.non_numeric({text: texts[i]!}));
  });
  [PERCENT_VALUE, PERCENT_NUMERATOR, PERCENT_DENOMINATOR].forEach((bit, i) => {
    if (problems & bit)
      report("non_numeric", columns[i]!, RULES.percent_not_allowed({target, text: texts[i]!, part: i > 0}));
  });
  [VALUE_LOW, NUMERATOR_NEGATIVE, DENOMINATOR_NEGATIVE].forEach((bit, i) => {
    if (!(problems & bit)) return;
    if (i === 0 && min < 0)
      report("rate_over_100", columns[0], RULES.rate_over_100({target, text: texts[0], min, max}));
    else report("negative_count", columns[i]!, RULES.negative_count({target, text: texts[i]!}));
  });
  if (problems & WITHOUT_PARTS) report("ratio_without_parts", fields.targetColumn, RULES.ratio_without_parts({target}));
  if (problems & VALUE_HIGH)
    report("rate_over_100", columns[0], RULES.rate_over_100({target, text: texts[0], min, max}));
  if (problems & NUMERATOR_OVER)
    report(
      "numerator_over_denominator",
      columns[1],
      RULES.numerator_over_denominator({numerator: fields.numerator, denominator: fields.denominator})
    );
}

/**
 * Checks a row's month (a month index) against when the file was sent (`now`, a month index) and
 * the plan's span (null: not known, not checked): `future_period`, `period_outside_plan`, or null.
 */
export function checkPeriod(
  month: number,
  now: number,
  span: PlanSpan | null
): "future_period" | "period_outside_plan" | null {
  if (month > now) return "future_period";
  if (span && (month < span.from || month > span.to)) return "period_outside_plan";
  return null;
}

/** The message of a period {@link checkPeriod} refused. */
export function periodMessage(
  code: "future_period" | "period_outside_plan",
  month: number,
  now: number,
  span: PlanSpan | null
): string {
  return code === "future_period"
    ? RULES.future_period({period: monthOf(month), now: monthOf(now)})
    : RULES.period_outside_plan({period: monthOf(month), span: span!});
}

/** A row's target: found (and read by its name when the id is blank), or why not. */
export type TargetLookup =
  | {target: TargetRef; byName: boolean; code: null; message: ""}
  | {target: null; byName: boolean; code: "unknown_target" | "target_mismatch"; message: string};

/**
 * Finds a long-form row's target from its id (`6.1b`) and its name (`新增学位`; "" where the file has
 * no such column): by the id, else by the name. When both are given and the name is another
 * target's (`6.1b` with `新增普惠托位`), that is `target_mismatch`; a name that is no target's is
 * taken as a label of the id's.
 */
export function lookUpTarget(catalog: Catalog, id: string, name: string): TargetLookup {
  const byName = id === "" && name !== "";
  const ref = byName ? name : id;
  const target = catalog.target(ref);
  if (!target) {
    const suggestion = catalog.suggestTarget(ref);
    return {target: null, byName, code: "unknown_target", message: RULES.unknown_target({text: ref, suggestion})};
  }
  if (!byName && name !== "" && foldKey(name) !== foldKey(target.indicator)) {
    const other = catalog.target(name);
    if (other && other !== target)
      return {target: null, byName, code: "target_mismatch", message: RULES.target_mismatch({id, name, target, other})};
  }
  return {target, byName, code: null, message: ""};
}

const label = (t: TargetRef) => `${t.id} ${t.indicator}`;
const fmt = (v: number) => String(Math.round(v * 1e6) / 1e6);

/**
 * The message template of each code a row check makes, in Chinese, for the people who send the
 * file (the row and column are the finding's own). Both paths make their messages here.
 */
export const RULES = {
  ragged_row: ({used, width}: {used: number; width: number}) =>
    `本行有 ${used} 列,表头有 ${width} 列(可能有未加引号的逗号或缺列)`,
  unknown_unit: ({text}: {text: string}) =>
    text ? `未知单位“${text}”(可填单位表中的全称、简称、别名或单位代码)` : "单位为空",
  bad_period: ({text}: {text: string}) => (text ? `无法识别的月份“${text}”(应为 2023-06、2023年6月 等)` : "月份为空"),
  future_period: ({period, now}: {period: string; now: string}) => `月份 ${period} 晚于报送时间 ${now}`,
  period_outside_plan: ({period, span}: {period: string; span: PlanSpan}) =>
    `月份 ${period} 不在计划期(${span.start} 至 ${span.end})内,不计入本计划的指标`,
  bad_basis: ({text}: {text: string}) => `无法识别的口径“${text}”(应为“累计”或“当期”)`,
  unknown_target: ({text, suggestion}: {text: string; suggestion: string | undefined}) =>
    text ? `未知指标“${text}”${suggestion ? `,是否为“${suggestion}”?` : ""}` : "指标编号为空",
  target_mismatch: ({id, name, target, other}: {id: string; name: string; target: TargetRef; other: TargetRef}) =>
    `指标编号“${id}”(${target.indicator})与指标名称“${name}”(${other.id})不一致,请核对是哪一项指标`,
  non_numeric: ({text}: {text: string}) => `“${text}”不是数字`,
  percent_not_allowed: ({target, text, part}: {target: TargetRef; text: string; part: boolean}) =>
    part
      ? `“${text}”带有 %:分子、分母应填人数、校数等数量,不带 %`
      : `“${text}”带有 %,但 ${label(target)} 以“${target.unit ?? "数量"}”计:请填写数量本身,不带 %`,
  negative_count: ({target, text}: {target: TargetRef; text: string}) => `${label(target)} 不能为负数:${text}`,
  rate_over_100: ({target, text, min, max}: {target: TargetRef; text: string; min: number; max: number}) =>
    min === 0 && max === 100
      ? `${label(target)} 为百分比,不能超过 100:${text}`
      : `${label(target)} 以“${target.unit}”计,应在 ${fmt(min)} 至 ${fmt(max)} 之间:${text}`,
  ratio_without_parts: ({target}: {target: TargetRef}) =>
    `${label(target)} 是比率指标,须同时填写分子和分母(全市比率无法由各区百分比算出)`,
  numerator_over_denominator: ({numerator, denominator}: {numerator: number; denominator: number}) =>
    `分子 ${fmt(numerator)} 大于分母 ${fmt(denominator)}`,
  duplicate_key: ({school}: {school: boolean}) => `同一单位、月份、指标${school ? "、学校" : ""}出现多次:只能有一个值`,
  duplicate_column: ({
    name,
    index,
    first,
    firstName
  }: {
    name: string;
    index: number;
    first: number;
    firstName: string;
  }) => `第 ${index + 1} 列“${name}”与第 ${first + 1} 列“${firstName}”是同一列,无法确定以哪一列为准`,
  no_rows: () => "文件只有表头,没有数据行(不计为一次报送)"
} satisfies {[C in FindingCode | "percent_not_allowed"]?: (args: never) => string};
