import {foldKey, monthIndex, monthOf} from "../core/index.js";
import type {Unit} from "../project/index.js";
import type {Target} from "../targets/index.js";
import type {Office, Task} from "../tasks/index.js";
import {projectTasks} from "../project/index.js";
import type {ProgressCatalog} from "./validateProgress.js";
import type {PlanSpan} from "./catalog.js";

/**
 * A {@link ProgressCatalog} over tasks, offices and units: offices are found before units. With the
 * plan's `year` (default: unknown), its span runs from the year's January to its December or the
 * latest task deadline after it; unknown, months are not checked against the plan.
 */
export function makeProgressCatalog({
  tasks,
  offices,
  units,
  year = null
}: {
  tasks: readonly (Pick<Task, "task_id" | "owner" | "partners"> & {deadline?: string | null})[];
  offices: readonly Office[];
  units: readonly Unit[];
  year?: number | null;
}): ProgressCatalog {
  const byId = new Map(tasks.map((t) => [foldKey(t.task_id), t]));
  const reporters = new Map<string, {code: string; name: string}>();
  for (const u of units)
    for (const key of [u.code, u.name, u.short_name, ...u.aliases])
      if (key) reporters.set(foldKey(key), {code: u.code, name: u.name});
  for (const o of offices)
    for (const key of [o.code, o.name, o.short_name, ...o.aliases])
      if (key) reporters.set(foldKey(key), {code: o.code, name: o.name});
  return {
    task: (id) => byId.get(foldKey(id)),
    reporter: (text) => reporters.get(foldKey(text)),
    span: year === null ? null : taskSpan(year, tasks)
  };
}

function taskSpan(year: number, tasks: readonly {deadline?: string | null}[]): PlanSpan {
  const from = monthIndex(`${year}-01`);
  const deadlines = tasks.map((t) => monthIndex(t.deadline ?? "")).filter((i) => i === i);
  const to = Math.max(monthIndex(`${year}-12`), ...deadlines);
  return {start: monthOf(from), end: monthOf(to), from, to};
}

/**
 * The project's progress catalog: its tasks with owners, its offices and units. Options: `projectDir`;
 * `targets`, the project's targets when already read.
 */
export async function projectProgressCatalog({
  projectDir,
  targets
}: {projectDir?: string; targets?: readonly Target[]} = {}): Promise<ProgressCatalog> {
  return makeProgressCatalog(await projectTasks({projectDir, targets}));
}
