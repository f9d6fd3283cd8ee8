import {existsSync} from "node:fs";
import {join} from "node:path";
import {projectPaths} from "../project.js";
import {readObservations} from "../submissions/observations.js";
import {readUnits} from "../submissions/units.js";
import {projectTargets} from "../targets/projectTargets.js";
import {readAllocations} from "./allocations.js";
import {type GapRow, computeGaps} from "./computeGaps.js";
import type {Thresholds} from "./status.js";

/**
 * The project's gaps table: its targets, the observations of its data folder, and
 * `seeds/allocations.csv` when there is one. Options: `projectDir`, `dataDir` (default: the
 * project's data folder), `asOf`, `thresholds`.
 */
export async function projectGaps({projectDir, dataDir, asOf, thresholds}: {projectDir?: string; dataDir?: string; asOf?: string; thresholds?: Thresholds} = {}): Promise<GapRow[]> {
  const paths = projectPaths(projectDir);
  const [targets, units, observations] = await Promise.all([projectTargets({projectDir}), readUnits(paths.units), readObservations({dataDir: dataDir ?? paths.data})]);
  const file = join(paths.seeds, "allocations.csv");
  const allocations = existsSync(file)
    ? await readAllocations(file, {units: new Set(units.map((u) => u.code)), countTargets: new Set(targets.filter((t) => t.kind === "count").map((t) => t.id))})
    : [];
  return computeGaps({targets, observations, allocations, asOf, thresholds});
}
