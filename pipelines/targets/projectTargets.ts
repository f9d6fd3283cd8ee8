import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import {PlanwatchError} from "../error.js";
import {projectPaths} from "../project.js";
import type {Target} from "./curation.js";
import {loadTargets} from "./loadTargets.js";
import {type PlanSection, planSections} from "./planSections.js";
import {type PlanSegment, planSegments} from "./planSegments.js";

/**
 * The project's plan text: the one `.txt` file in `seeds/`. Throws `PlanwatchError`
 * `invalid_project` when there is none or more than one.
 */
export async function projectPlanFile({projectDir}: {projectDir?: string} = {}): Promise<string> {
  const {seeds} = projectPaths(projectDir);
  const texts = (await readdir(seeds)).filter((f) => f.endsWith(".txt"));
  if (texts.length !== 1) throw new PlanwatchError("invalid_project", `${seeds} must hold exactly one plan text (.txt); found ${texts.length}`);
  return join(seeds, texts[0]!);
}

/**
 * The project's targets: its plan text with `seeds/targets.curation.csv`.
 * Options: `projectDir` (default: the project folder).
 */
export async function projectTargets({projectDir}: {projectDir?: string} = {}): Promise<Target[]> {
  return loadTargets({plan: await projectPlanFile({projectDir}), curation: projectPaths(projectDir).curation});
}

/**
 * The project's plan text cut into paragraphs and segments, each target's clause marked by its ids,
 * with the plan's sections.
 */
export async function projectPlan({projectDir}: {projectDir?: string} = {}): Promise<{file: string; sections: PlanSection[]; paragraphs: PlanSegment[][]}> {
  const plan = await projectPlanFile({projectDir});
  const [text, targets] = await Promise.all([readFile(plan, "utf8"), projectTargets({projectDir})]);
  return {file: plan.slice(projectPaths(projectDir).root.length + 1), sections: planSections(text), paragraphs: planSegments(text, targets)};
}
