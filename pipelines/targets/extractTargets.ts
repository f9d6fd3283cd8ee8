import {PlanwatchError} from "../error.js";
import {indicatorName} from "./indicator.js";
import {type Comparator, findMentions} from "./mentions.js";
import {normalizeText} from "./normalizeText.js";
import {splitClauses} from "./structure.js";
import {readTableRow} from "./tableRow.js";

/** A numeric target as the plan text states it (the extracted part of DESIGN.md's targets table). */
export interface ExtractedTarget {
  /** `section.item` and a letter in order of appearance: `6.1b`. */
  id: string;
  section: number;
  item: number;
  indicator: string;
  comparator: Comparator;
  value: number;
  /** The upper end of a `between` range, else null. */
  value_max: number | null;
  unit: string;
  /** The deadline year the clause names (到2025年), else null. */
  year: number | null;
  /** The part of the territory the clause names (市区, 县(市), 农村), else null. */
  scope: string | null;
  /** The base-period value where the text gives one (an indicator table's base column), else null. */
  baseline: number | null;
  /** For `increase`/`decrease` against a year (较2022年增加): that year. */
  baseline_year: number | null;
  /** `year` when the change repeats every year (逐年下降). */
  per: "year" | null;
  /** The clause, exactly as in the input: `input.slice(start_offset, end_offset)`. */
  text: string;
  start_offset: number;
  end_offset: number;
}

const DEADLINE_YEAR = /(?:到|至|截至|于|在)(\d{4})年|(\d{4})年(?:底|末)(?:前)?/;
const SCOPES: [RegExp, string][] = [
  [/市区/, "市区"],
  [/(?<!区、)县\(市\)/, "县(市)"],
  [/农村/, "农村"]
];

/**
 * Reads every numeric target out of a plan text. Targets are found clause by clause inside the
 * plan's sections (一、) and items (1.); a paragraph that the text repeats in the same section and
 * item yields its targets once. Offsets are JavaScript string indices into `text` as given.
 * Throws `PlanwatchError` `invalid_plan` when `text` is not a string.
 */
export function extractTargets(text: string): ExtractedTarget[] {
  if (typeof text !== "string") throw new PlanwatchError("invalid_plan", `invalid plan text: ${String(text)}`);
  return _extractTargets(text);
}

function _extractTargets(input: string): ExtractedTarget[] {
  const targets: ExtractedTarget[] = [];
  const seenParagraphs = new Set<string>();
  const counters = new Map<string, number>();
  let currentParagraph = "";
  let skip = false;
  for (const clause of splitClauses(normalizeText(input))) {
    const paragraphKey = `${clause.section}.${clause.item}:${clause.paragraph}`;
    if (paragraphKey !== currentParagraph) {
      currentParagraph = paragraphKey;
      skip = seenParagraphs.has(paragraphKey);
      seenParagraphs.add(paragraphKey);
    }
    if (skip) continue;
    const row = readTableRow(clause.text);
    let previous: string | null = null;
    const found = row
      ? [{...row, baseline_year: null, per: null}]
      : findMentions(clause).map((mention) => ({...mention, indicator: (previous = indicatorName(mention, previous)), baseline: null}));
    for (const target of found) {
      const key = `${clause.section}.${clause.item}`;
      const n = counters.get(key) ?? 0;
      counters.set(key, n + 1);
      const deadline = DEADLINE_YEAR.exec(clause.sentence);
      targets.push({
        id: `${key}${letter(n)}`,
        section: clause.section,
        item: clause.item,
        indicator: target.indicator,
        comparator: target.comparator,
        value: target.value,
        value_max: target.value_max,
        unit: target.unit,
        year: deadline ? Number(deadline[1] ?? deadline[2]) : null,
        scope: SCOPES.find(([re]) => re.test(clause.sentence))?.[1] ?? null,
        baseline: target.baseline,
        baseline_year: target.baseline_year,
        per: target.per,
        text: input.slice(clause.start, clause.end),
        start_offset: clause.start,
        end_offset: clause.end
      });
    }
  }
  return targets;
}

/** a … z, then z1, z2 … (a plan item rarely holds more than a few targets). */
function letter(n: number): string {
  return n < 26 ? String.fromCharCode(97 + n) : `z${n - 25}`;
}
