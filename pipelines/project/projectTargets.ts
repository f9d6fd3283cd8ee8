import {readPlanDocument} from "../plan/index.js";
import {existsSync} from "node:fs";
import {readdir} from "node:fs/promises";
import {relative} from "node:path";
import {PlanwatchError} from "../core/index.js";
import {PROJECT_FILE, projectPaths} from "./projectFile.js";
import type {Target} from "../targets/index.js";
import {loadTargets} from "../targets/index.js";
import {type PlanSection, planSections, type PlanSegment, planSegments} from "../plan/index.js";

/**
 * The project's plan text: the file its project file names (`plan`), else the one `.txt` file in
 * `seeds/`. Throws `PlanwatchError` `invalid_project` when there is none or more than one.
 */
export async function projectPlanFile({projectDir}: {projectDir?: string} = {}): Promise<string> {
  const {plan, seeds, file} = projectPaths(projectDir);
  if (plan && existsSync(plan)) return plan;
  if (plan) throw new PlanwatchError("invalid_project", `${file}: the plan file ${plan} does not exist`);
  const texts = existsSync(seeds) ? (await readdir(seeds)).filter((f) => f.endsWith(".txt")) : [];
  throw new PlanwatchError(
    "invalid_project",
    `${seeds} must hold exactly one plan text (.txt), or ${PROJECT_FILE} must name it ("plan"); found ${texts.length}`
  );
}

/**
 * The project's targets: its plan text with its curation file (`seeds/targets.curation.csv`), in the
 * plan's year when the project file sets one. Options: `projectDir` (default: the project folder).
 */
export async function projectTargets({projectDir}: {projectDir?: string} = {}): Promise<Target[]> {
  const {curation, year} = projectPaths(projectDir);
  return loadTargets({plan: await projectPlanFile({projectDir}), curation, ...(year === undefined ? {} : {year})});
}

/**
 * The project's plan text cut into paragraphs and segments, each target's clause marked by its ids,
 * with the plan's sections.
 */
export async function projectPlan({projectDir}: {projectDir?: string} = {}): Promise<{
  file: string;
  sections: PlanSection[];
  paragraphs: PlanSegment[][];
}> {
  const plan = await projectPlanFile({projectDir});
  const [text, targets] = await Promise.all([readPlanDocument(plan).then((d) => d.text), projectTargets({projectDir})]);
  return {
    file: relative(projectPaths(projectDir).root, plan),
    sections: planSections(text),
    paragraphs: planSegments(text, targets)
  };
}
