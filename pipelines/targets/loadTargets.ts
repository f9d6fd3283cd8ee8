import {readPlanDocument, inferPlanYear} from "../plan/index.js";
import {existsSync} from "node:fs";
import {type CurationRow, type Target, curateTargets, readCuration} from "./curation.js";
import {extractTargets} from "./extractTargets.js";

/**
 * Reads a plan file and its curation file (when it exists) into the targets table: extraction,
 * defaults, then curation. Options: `plan`, the plan text file (UTF-8); `curation`, the curation CSV
 * (default: none); `year`, the plan's year (default: read from the text, see `inferPlanYear`; when
 * nothing says it, targets keep their period null and `warn` is told); `warn`, what receives a
 * warning (default: nothing). Throws `PlanwatchError` `invalid_plan` for an empty, binary or undecodable
 * or unreadable file (a missing one: the file system's ENOENT error, as before).
 */
export async function loadTargets({
  plan,
  curation,
  year,
  warn = () => {}
}: {
  plan: string;
  curation?: string;
  year?: number | null;
  warn?: (message: string) => void;
}): Promise<Target[]> {
  const text = (await readPlanDocument(plan)).text;
  const rows: CurationRow[] = curation && existsSync(curation) ? await readCuration(curation) : [];
  const planYear = inferPlanYear(text, {year}).year;
  if (planYear === null) warn(`${plan}: 标题和正文都没有写明计划年份,目标的起止月份留空(可用 --year 指定)`);
  const targets = extractTargets(text, {year: planYear, warn: (message) => warn(`${plan}: ${message}`)});
  return curateTargets(targets, rows, {planYear});
}
