import {writeXlsx} from "../core/index.js";
import {csvOf} from "./writeTemplate.js";
import {STATUS_LABELS} from "../tasks/index.js";
import type {Task} from "../tasks/index.js";

/** The progress template's headers: Chinese names that {@link validateProgress} reads. */
export const PROGRESS_TEMPLATE_HEADERS = [
  "任务编号",
  "任务内容",
  "单位",
  "月份",
  `进展状态(${Object.values(STATUS_LABELS).join("/")})`,
  "进展情况",
  "佐证材料"
];

/**
 * A blank progress report: one row per task (the tasks `office` leads, else every task), the
 * office filled in when given, 月份, 进展状态 and the texts left for the sender (a row left blank is
 * a task not reported, not an error). The status header lists the status words. CSV is UTF-8 with
 * a BOM, formulas neutralized (as {@link writeTemplate}'s); `xlsx` writes a workbook.
 */
export async function writeProgressTemplate({
  tasks,
  office,
  xlsx = false
}: {
  tasks: readonly Task[];
  office?: {code: string; name: string};
  xlsx?: boolean;
}): Promise<Buffer> {
  const own = office ? tasks.filter((t) => t.owner === office.code) : tasks;
  const rows = own.map((t) => [t.task_id, t.text, office?.name ?? "", "", "", "", ""]);
  if (xlsx) return writeXlsx([PROGRESS_TEMPLATE_HEADERS, ...rows], {sheet: "任务进展"});
  return csvOf(PROGRESS_TEMPLATE_HEADERS, rows);
}
