import type {Clause} from "./structure.js";
import {parsePlanNumber} from "./numbers.js";

/** How a target compares the actual with its value (DESIGN.md, targets table). */
export type Comparator = ">=" | "<=" | "=" | ">" | "<" | "between" | "increase" | "decrease";

/** A number with a unit in a clause that reads as a target. Offsets are within the clause. */
export interface Mention {
  start: number;
  end: number;
  value: number;
  value_max: number | null;
  unit: string;
  comparator: Comparator;
  baseline_year: number | null;
  /** `year` for targets that repeat every year (逐年下降 1 个百分点). */
  per: "year" | null;
  /** Text between the previous mention (or the clause start) and this one, comparator words removed. */
  before: string;
  /** Text after the mention up to the next boundary (、 和 及 与, a number, the clause end). */
  after: string;
  /** True for 全覆盖 (value 100 %). */
  coverage: boolean;
}

/** Units a target may be counted in, longest first so that 人次 wins over 人. */
export const UNITS = ["个百分点", "百分点", "人次", "万元", "亿元", "平方米", "课时", "小时", "%", "所", "个", "名", "人", "门", "项", "次", "家", "座", "场", "间", "张", "台", "种", "户", "元", "节", "班", "篇", "部", "条"] as const;

const ARABIC = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?[万亿]?`;
const CHINESE = "[零〇一二两三四五六七八九十百千]+[万亿]?";
const NUMBER = `(?:${ARABIC}|${CHINESE})`;
const RANGE_SEP = "\\s*(?:——|—|–|-|~|至|到)\\s*";
const UNIT = `(?:${UNITS.join("|")})`;
/** A number (or range) with its unit; 全覆盖 stands for 100 %. */
const MENTION = new RegExp(
  `(?<symbol>[≥≤><]=?\\s*)?(?:(?<low>${NUMBER})%?${RANGE_SEP})?(?<num>${NUMBER})\\s*(?<unit>${UNIT})(?!月|工作日|星期|性)|(?<coverage>全覆盖)`,
  "g"
);
const IS_CHINESE = /^[零〇一二两三四五六七八九十百千]/;

const BEFORE_RULES: [RegExp, Comparator][] = [
  [/(不少于|不低于|不小于|至少|≥|>=)$/, ">="],
  [/(不超过|不高于|不多于|不大于|控制在|≤|<=)$/, "<="],
  [/(超过|高于|多于|大于|>)$/, ">"],
  [/(低于|少于|小于|<)$/, "<"]
];
/** Words of reaching that say `>=` and are no part of the indicator. */
const REACH = /(力争|争取|确保|累计)?(达到|达|实现|完成|提升至|提升到|提高至|提高到|增至|保持在|稳定在)?$/;
/** Counting verbs that say `>=` and stay in the indicator (新增学位). */
const COUNT = /(新增|新建成|新建|建成|增加)$/;
const CHANGE = /(?:较|比)(\d{4})年(?:底|末)?[\u4e00-\u9fa5]{0,8}?(增加|增长|提高|提升|扩大|减少|下降|降低|压减)$/;
const YEARLY = /(?:逐年|每年|年均)(增加|增长|提高|提升|减少|下降|降低)$/;
/** 以上 right after the unit, or after a short noun (500所小学以上), within the same phrase. */
const AT_LEAST_AFTER = /^(?:[^\s\d,、;和及与]{0,8}?)(以上|及以上)/;
const AT_MOST_AFTER = /^(以下|及以下|以内)/;
/** Verbs a Chinese numeral must follow (or a comparator) to count: 一人一档 is no target. */
const COUNTING_VERB = /(新建成|新建|新增|建成|建设|培育|创建|打造|开设|开展|完成|实现|达到|达|增加|认定|遴选|举办|招收|培训)$/;

/**
 * Finds the targets in one clause: numbers with a unit, ranges, percentages and 全覆盖, with their
 * comparator read from the words around them. Skips what is quoted or titled (slogans, names),
 * ordinals (第二批), congress numbers (十五届二次全会), durations (6个月), slogans with a plus
 * (1+N), and Chinese numerals that no comparator or counting verb introduces.
 */
export function findMentions(clause: Clause): Mention[] {
  const {text, quoted} = clause;
  const mentions: Mention[] = [];
  let boundary = 0;
  for (const m of text.matchAll(MENTION)) {
    const start = m.index!;
    const end = start + m[0].length;
    const g = m.groups!;
    if (quoted.slice(start, end).some(Boolean)) continue;
    const left = text.slice(Math.max(0, start - 3), start);
    if (/第$/.test(left) || /[+＋]$/.test(left) || /^[+＋]/.test(text.slice(end))) continue;
    if (g.unit === "次" && (/届[\u4e00-\u9fa5]*$/.test(left) || /^(全会|会议|会)/.test(text.slice(end)))) continue;
    const prefix = text.slice(boundary, start);
    let comparator: Comparator = ">=";
    let explicit = false;
    let baseline_year: number | null = null;
    let per: Mention["per"] = null;
    let before = prefix;
    const change = CHANGE.exec(before);
    const yearly = YEARLY.exec(before);
    if (change) {
      comparator = /减少|下降|降低|压减/.test(change[2]!) ? "decrease" : "increase";
      baseline_year = Number(change[1]);
      before = before.slice(0, change.index);
      explicit = true;
    } else if (yearly) {
      comparator = /减少|下降|降低/.test(yearly[1]!) ? "decrease" : "increase";
      per = "year";
      before = before.slice(0, yearly.index);
      explicit = true;
    } else {
      for (const [rule, c] of BEFORE_RULES) {
        const r = rule.exec(before);
        if (r) {
          comparator = c;
          before = before.slice(0, r.index);
          explicit = true;
          break;
        }
      }
    }
    const reach = REACH.exec(before);
    if (reach?.[0]) {
      explicit ||= Boolean(reach[2]);
      before = before.slice(0, reach.index);
    }
    explicit ||= COUNT.test(before);
    if (boundary > 0) before = before.slice(Math.max(...["、", "和", "及", "与", "并"].map((c) => before.lastIndexOf(c) + 1)));
    if (g.symbol) {
      const symbol = g.symbol.trim();
      comparator = symbol.startsWith("≥") || symbol === ">=" ? ">=" : symbol.startsWith("≤") || symbol === "<=" ? "<=" : symbol === ">" ? ">" : "<";
      explicit = true;
    }
    const rest = text.slice(end);
    if (AT_MOST_AFTER.test(rest)) {
      if (comparator === ">=") comparator = "<=";
      explicit = true;
    } else if (AT_LEAST_AFTER.test(rest)) {
      explicit = true;
    }
    if (!g.coverage && IS_CHINESE.test(g.num!) && !explicit && !COUNTING_VERB.test(prefix)) continue;
    const coverage = Boolean(g.coverage);
    const unit = coverage ? "%" : g.unit === "个百分点" ? "百分点" : g.unit!;
    const value = coverage ? 100 : parsePlanNumber(g.num!);
    if (!Number.isFinite(value)) continue;
    let value_max: number | null = null;
    let lowValue = value;
    if (g.low) {
      lowValue = parsePlanNumber(scaleLike(g.low, g.num!));
      if (!Number.isFinite(lowValue)) continue;
      value_max = value;
      comparator = "between";
    }
    const after = (rest.split(/[、,;和及与并]|\d/)[0] ?? "").replace(/以上|以下|以内/g, "");
    mentions.push({
      start,
      end,
      value: lowValue,
      value_max,
      unit,
      comparator,
      baseline_year,
      per,
      before,
      after,
      coverage
    });
    boundary = end;
  }
  return mentions;
}

/** In a range like 2—3万, the low end takes the high end's 万/亿: 2万—3万. */
function scaleLike(low: string, high: string): string {
  const big = /[万亿]$/.exec(high);
  return big && !/[万亿]$/.test(low) ? low + big[0] : low;
}
