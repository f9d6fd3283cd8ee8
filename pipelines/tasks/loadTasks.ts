import {readPlanDocument} from "../plan/index.js";
import {type PlanTasks, extractTasks} from "./extractTasks.js";

/**
 * Reads a plan file into its work items and tasks. Options: `plan`, the plan text file (UTF-8 or GBK);
 * `year`, the plan's year (default: read from its title).
 */
export async function loadTasks({plan, year}: {plan: string; year?: number}): Promise<PlanTasks> {
  return extractTasks((await readPlanDocument(plan)).text, {year});
}
