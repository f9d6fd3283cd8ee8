import {join} from "node:path";
import {type Allocation} from "../gaps/allocations.js";
import {type GapRow, computeGaps} from "../gaps/computeGaps.js";
import {projectGapInputs} from "../gaps/projectGaps.js";
import {projectPaths} from "../project.js";
import {qualityData} from "../report/quality.js";
import {siteChangesFrom, siteGapsFrom, siteHistoryFrom} from "../report/siteData.js";
import {dataPaths} from "../submissions/dataPaths.js";
import {type Observation, readObservations} from "../submissions/observations.js";
import type {Unit} from "../submissions/units.js";
import type {Target} from "../targets/curation.js";
import {projectPlan, projectPlanFile, projectTargets} from "../targets/projectTargets.js";

/** Where a stage runs: the project and its data folder. */
export interface StageContext {
  projectDir: string;
  dataDir: string;
}

/**
 * One stage of the build's DAG: what it reads (files, its own code, earlier stages) and what it
 * makes. A stage whose loader file is named writes that Framework loader's output (`render`).
 */
export interface Stage<T = unknown> {
  name: string;
  /** Input files (absolute), hashed to decide whether the stage is stale. */
  files(ctx: StageContext): Promise<string[]>;
  /** The stage's own code: files and folders under the project, hashed with the inputs. */
  code: string[];
  /** Earlier stages whose outputs it uses. */
  deps: string[];
  run(ctx: StageContext, deps: Record<string, unknown>): Promise<T>;
  /** For a loader's stage: the loader file under `src/` and the text it writes. */
  loader?: {file: string; render(value: T): string};
}

const planFile = async (ctx: StageContext) => [await projectPlanFile({projectDir: ctx.projectDir})];
const seed = (ctx: StageContext, name: string) => join(projectPaths(ctx.projectDir).seeds, name);

/** The build's stages, in an order where each comes after its dependencies. */
export const STAGES: Stage[] = [
  {
    name: "targets",
    files: async (ctx) => [...(await planFile(ctx)), seed(ctx, "targets.curation.csv")],
    code: ["pipelines/targets"],
    deps: [],
    run: (ctx) => projectTargets({projectDir: ctx.projectDir})
  },
  {
    name: "units",
    files: async (ctx) => [seed(ctx, "units.csv"), seed(ctx, "allocations.csv")],
    code: ["pipelines/submissions/units.ts", "pipelines/gaps/allocations.ts"],
    deps: ["targets"],
    run: async (ctx) => {
      const {units, allocations} = await projectGapInputs({projectDir: ctx.projectDir, dataDir: ctx.dataDir});
      return {units, allocations};
    }
  },
  {
    name: "observations",
    files: async (ctx) => [dataPaths(ctx.dataDir).ledger],
    code: ["pipelines/submissions/observations.ts", "pipelines/submissions/ledger.ts"],
    deps: [],
    run: (ctx) => readObservations({dataDir: ctx.dataDir})
  },
  {
    name: "gaps",
    files: async () => [],
    code: ["pipelines/gaps"],
    deps: ["targets", "units", "observations"],
    run: async (_ctx, d) => computeGaps(gapInputs(d))
  },
  {
    name: "loader:gaps.json",
    files: async () => [],
    code: ["pipelines/report/siteData.ts", "pipelines/gaps"],
    deps: ["gaps", "units", "targets", "observations"],
    run: async (_ctx, d) => siteGapsFrom({rows: d.gaps as GapRow[], units: (d.units as {units: Unit[]}).units, targets: d.targets as Target[], changes: siteChangesFrom({...gapInputs(d), asOf: (d.gaps as GapRow[])[0]?.as_of})}),
    loader: {file: "data/gaps.json.ts", render: (v) => JSON.stringify(v)}
  },
  {
    name: "loader:history.json",
    files: async () => [],
    code: ["pipelines/report/siteData.ts", "pipelines/gaps"],
    deps: ["targets", "units", "observations"],
    run: async (_ctx, d) => siteHistoryFrom(gapInputs(d)),
    loader: {file: "data/history.json.ts", render: (v) => JSON.stringify(v)}
  },
  {
    name: "loader:quality.json",
    files: async (ctx) => [dataPaths(ctx.dataDir).ledger, seed(ctx, "units.csv"), join(ctx.projectDir, ".planwatch", "failures.jsonl")],
    code: ["pipelines/report/quality.ts"],
    deps: [],
    run: (ctx) => qualityData({projectDir: ctx.projectDir, dataDir: ctx.dataDir}),
    loader: {file: "data/quality.json.ts", render: (v) => JSON.stringify(v)}
  },
  {
    name: "loader:targets.json",
    files: async () => [],
    code: [],
    deps: ["targets"],
    run: async (_ctx, d) => d.targets,
    loader: {file: "data/targets.json.ts", render: (v) => JSON.stringify(v, null, 1)}
  },
  {
    name: "loader:plan.json",
    files: planFile,
    code: ["pipelines/targets/planSegments.ts", "pipelines/targets/planSections.ts"],
    deps: ["targets"],
    run: (ctx) => projectPlan({projectDir: ctx.projectDir}),
    loader: {file: "data/plan.json.ts", render: (v) => JSON.stringify(v)}
  }
];

function gapInputs(d: Record<string, unknown>) {
  const {allocations} = d.units as {allocations: Allocation[]};
  return {targets: d.targets as Target[], observations: d.observations as Observation[], allocations};
}

/**
 * What a data loader writes, computed from scratch: the loader files in `src/data/` call this, so a
 * loader run by Framework (in `npm run dev`) and the build's cached stage give the same bytes.
 */
export async function loaderOutput(name: string, ctx: StageContext = defaultContext()): Promise<string> {
  const stage = STAGES.find((s) => s.name === `loader:${name}`);
  if (!stage?.loader) throw new Error(`no loader stage for ${name}`);
  const values = new Map<string, unknown>();
  const compute = async (s: Stage): Promise<unknown> => {
    if (values.has(s.name)) return values.get(s.name);
    const deps: Record<string, unknown> = {};
    for (const d of s.deps) deps[d] = await compute(STAGES.find((x) => x.name === d)!);
    const value = await s.run(ctx, deps);
    values.set(s.name, value);
    return value;
  };
  return stage.loader.render(await compute(stage));
}

function defaultContext(): StageContext {
  const paths = projectPaths();
  return {projectDir: paths.root, dataDir: paths.data};
}

