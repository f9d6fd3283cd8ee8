import {existsSync} from "node:fs";
import {projectPaths, readUnits, projectTargets} from "../project/index.js";
import {readObservations} from "../intake/index.js";
import type {Target} from "../targets/index.js";
import {readAllocations} from "./allocations.js";
import {type GapRow, computeGaps} from "./computeGaps.js";
import type {Thresholds} from "./status.js";

/**
 * What the project's gaps are computed from: its targets, the observations of its data folder
 * (default: the project's), and `seeds/allocations.csv` when there is one.
 */
export async function projectGapInputs({projectDir, dataDir}: {projectDir?: string; dataDir?: string} = {}) {
  const paths = projectPaths(projectDir);
  const [plan, observations] = await Promise.all([
    projectGapPlan({projectDir}),
    readObservations({dataDir: dataDir ?? paths.data})
  ]);
  return {...plan, observations};
}

/** What the project's gaps are measured against, whatever the observations: its targets, units and allocations. */
export async function projectGapPlan({
  projectDir,
  targets: known
}: {projectDir?: string; targets?: readonly Target[]} = {}) {
  const paths = projectPaths(projectDir);
  const [targets, units] = await Promise.all([
    known ? [...known] : projectTargets({projectDir}),
    readUnits(paths.units, paths.unitOptions)
  ]);
  const file = paths.allocations;
  const allocations = existsSync(file)
    ? await readAllocations(file, {
        units: new Set(units.map((u) => u.code)),
        countTargets: new Set(targets.filter((t) => t.kind === "count").map((t) => t.id))
      })
    : [];
  return {targets, units, allocations};
}

/** The project's gaps table (see {@link projectGapInputs}). Options add `asOf` and `thresholds`. */
export async function projectGaps({
  projectDir,
  dataDir,
  asOf,
  thresholds
}: {projectDir?: string; dataDir?: string; asOf?: string; thresholds?: Thresholds} = {}): Promise<GapRow[]> {
  const {targets, observations, units, allocations} = await projectGapInputs({projectDir, dataDir});
  return computeGaps({targets, observations, units, allocations, asOf, thresholds});
}
