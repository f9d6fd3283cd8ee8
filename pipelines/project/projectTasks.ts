import {readPlanDocument} from "../plan/index.js";
import {existsSync} from "node:fs";
import {projectPaths} from "./projectFile.js";
import {foldKey} from "../core/index.js";
import {type Unit, readUnits} from "./units.js";
import type {Target} from "../targets/index.js";
import {projectPlanFile, projectTargets} from "./projectTargets.js";
import {
  type WorkItem,
  extractTasks,
  type Office,
  officeLookup,
  projectOffices,
  type Task,
  assignResponsibilities,
  readResponsibilities,
  type TargetOwner,
  targetOwners
} from "../tasks/index.js";

/** The plan's tasks with their owners, the work items, and the offices and units that may report. */
export interface ProjectTasks {
  year: number | null;
  items: WorkItem[];
  tasks: Task[];
  offices: Office[];
  units: Unit[];
  /** Each target's lead office (in the targets' order). */
  target_owners: TargetOwner[];
}

/**
 * The project's work items and tasks, each task with its owner from `seeds/responsibilities.csv`
 * (when the project has one; offices from `seeds/offices.csv`), and each target's lead office (its
 * own row there, else its task's owner). Options: `projectDir` (default: the
 * project folder); `targets`, the project's targets when already read (default: read them).
 */
export async function projectTasks({
  projectDir,
  targets: known
}: {projectDir?: string; targets?: readonly Target[]} = {}): Promise<ProjectTasks> {
  const paths = projectPaths(projectDir);
  const [text, targets, units, offices] = await Promise.all([
    projectPlanFile({projectDir})
      .then(readPlanDocument)
      .then((d) => d.text),
    known ?? projectTargets({projectDir}),
    readUnits(paths.units, paths.unitOptions),
    projectOffices(paths.offices)
  ]);
  const {year, items, tasks} = extractTasks(text, {targets, year: paths.year});
  const office = officeLookup(offices);
  const unitKeys = new Map<string, Unit>();
  for (const u of units)
    for (const key of [u.code, u.name, u.short_name, ...u.aliases]) if (key) unitKeys.set(foldKey(key), u);
  const rows = existsSync(paths.responsibilities)
    ? await readResponsibilities(paths.responsibilities, {
        ids: new Set([...items.map((i) => i.item_id), ...tasks.map((t) => t.task_id), ...targets.map((t) => t.id)]),
        office: (t) => office(t)?.code,
        partner: (t) => office(t)?.code ?? unitKeys.get(foldKey(t))?.code
      })
    : [];
  const owned = assignResponsibilities(tasks, rows);
  const target_owners = targetOwners(
    targets.map((t) => t.id),
    owned,
    rows
  );
  return {year, items, tasks: owned, offices, units, target_owners};
}
