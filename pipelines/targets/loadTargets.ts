import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {PlanwatchError} from "../error.js";
import {type CurationRow, type Target, curateTargets, readCuration} from "./curation.js";
import {extractTargets} from "./extractTargets.js";
import {inferPlanYear} from "./planYear.js";

/**
 * Reads a plan file and its curation file (when it exists) into the targets table: extraction,
 * defaults, then curation. Options: `plan`, the plan text file (UTF-8); `curation`, the curation CSV
 * (default: none); `year`, the plan's year (default: read from the text, see `inferPlanYear`; when
 * nothing says it, targets keep their period null and `warn` is told); `warn`, what receives a
 * warning (default: nothing). Throws `PlanwatchError` `invalid_plan` for an empty, binary, non-UTF-8
 * or unreadable file (a missing one: the file system's ENOENT error, as before).
 */
export async function loadTargets({
  plan,
  curation,
  year,
  warn = () => {}
}: {plan: string; curation?: string; year?: number | null; warn?: (message: string) => void}): Promise<Target[]> {
  const text = await readPlanText(plan);
  const rows: CurationRow[] = curation && existsSync(curation) ? await readCuration(curation) : [];
  const planYear = inferPlanYear(text, {year}).year;
  if (planYear === null) warn(`${plan}: 标题和正文都没有写明计划年份,目标的起止月份留空(可用 --year 指定)`);
  return curateTargets(extractTargets(text, {year: planYear}), rows, {planYear});
}

/** The plan's text; `invalid_plan` when the file cannot be read, is not UTF-8 text, or holds nothing. */
async function readPlanText(plan: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(plan);
  } catch (error) {
    // A missing file stays what it is (the CLI says not_found: no such file); anything else unreadable is invalid_plan.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw error;
    throw new PlanwatchError("invalid_plan", `${plan}: 无法读取计划文本 (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", {fatal: true, ignoreBOM: true}).decode(bytes);
  } catch {
    throw new PlanwatchError("invalid_plan", `${plan}: 计划文本不是 UTF-8 编码`);
  }
  if (text.includes("\0")) throw new PlanwatchError("invalid_plan", `${plan}: 计划文本含有二进制内容`);
  if (!text.trim()) throw new PlanwatchError("invalid_plan", `${plan}: 计划文本为空`);
  return text;
}
