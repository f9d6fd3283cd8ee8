import {normalizePlanText} from "../core/index.js";
import {parsePlanNumber} from "./numbers.js";

/** A month's plan by its title (`区水利局2月工作计划`, `2017年三月份工作安排`, `6月份重点工作`): the month it plans. */
const MONTH_TITLE =
  /(?<![\d一二三四五六七八九十\-—–~至到])(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月份?\s*(?:工作|重点)?(?:计划|安排|要点|打算|重点工作)/;
/** The title is among the first lines, no prose (a comma, a stop). */
const TITLE_LINES = 3;

/**
 * The month a month's plan covers (1–12), read from a title line among its first lines (`区水利局2月工作计划` → 2), else
 * null: a year's plan, or one whose month nothing says. Its `月底` is that month's end.
 */
export function planMonth(text: string): number | null {
  const titles = normalizePlanText(text)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, TITLE_LINES)
    .filter((l) => !/[,,。;;!?!?]/.test(l));
  for (const line of titles) {
    const m = MONTH_TITLE.exec(line);
    if (!m) continue;
    const month = parsePlanNumber(m[1]!);
    if (month >= 1 && month <= 12) return month;
  }
  return null;
}
