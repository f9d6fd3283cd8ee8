import {PlanwatchError} from "../error.js";
import {normalizeText} from "./normalizeText.js";

const TITLE_YEAR = /(\d{4})年(?:度)?(?:教育)?(?:工作要点|工作计划|重点工作|工作任务|行动计划|民生实事|计划)/;

/**
 * The year a plan covers, read from its title (`2023年工作要点` → 2023), unless `year` is given.
 * Throws `PlanwatchError` `invalid_plan` when neither says it.
 */
export function planYear(text: string, {year}: {year?: number} = {}): number {
  if (year !== undefined) {
    if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new PlanwatchError("invalid_plan", `invalid plan year: ${year}`);
    return year;
  }
  const match = TITLE_YEAR.exec(normalizeText(text));
  if (!match) throw new PlanwatchError("invalid_plan", "cannot tell the plan's year from its title: pass --year");
  return Number(match[1]);
}
