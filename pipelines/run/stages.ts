import {join} from "node:path";
import {PlanwatchError} from "../core/index.js";
import {type Allocation, type GapRow, computeGaps, noDataGaps} from "../gaps/index.js";
import {projectGapPlan} from "../gaps/index.js";
import {
  PROJECT_FILE,
  projectPaths,
  projectFacts,
  projectPlan,
  projectPlanFile,
  projectTargets,
  projectTasks
} from "../project/index.js";
import {
  type HistoryPoint,
  type QualityData,
  type SiteGaps,
  citySlice,
  overviewSlice,
  qualityData,
  siteChangesFrom,
  siteGapsFrom,
  siteHistoryFrom,
  siteTasksFrom,
  targetSlices,
  unitSlices
} from "../site-data/index.js";
import {dataPaths} from "../intake/index.js";
import {
  type Observation,
  readObservations,
  readProgress,
  writeProgressTemplate,
  writeTemplate
} from "../intake/index.js";
import type {Progress} from "../tasks/index.js";
import type {Unit, ProjectTasks} from "../project/index.js";
import type {Target} from "../targets/index.js";

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
  /**
   * The modules its `run` calls into, relative to the toolkit's folder: the stage's code is every
   * file they import, transitively ({@link moduleGraph}), hashed with the inputs.
   */
  code: string[];
  /** Earlier stages whose outputs it uses. */
  deps: string[];
  run(ctx: StageContext, deps: Record<string, unknown>): Promise<T>;
  /**
   * For a loader's stage: the loader file under `src/` and the text it writes. A parameterized loader
   * (`data/units/[unit].json.ts`) writes one text per value of its parameter, all at once: `render`
   * returns them by value (`330106` → the text of `data/units/330106.json`), so the build computes the
   * shared tables once rather than once per page.
   */
  loader?: {file: string; render(value: T): string | Map<string, string>};
}

/**
 * The files a loader's stage writes, by their path in Framework's cache (`data/units/330106.json`):
 * one for a plain loader, one per parameter value for a parameterized one.
 */
export function loaderFiles(stage: Stage, value: unknown): Map<string, string> {
  const output = stage.loader!.file.replace(/\.[^.]+$/, "");
  const rendered = stage.loader!.render(value);
  if (typeof rendered === "string") return new Map([[output, rendered]]);
  return new Map([...rendered].map(([param, text]) => [output.replace(/\[[^\]]+\]/, param), text]));
}

const json = (v: unknown) => JSON.stringify(v);
const each = <T>(slices: Map<string, T>) => new Map([...slices].map(([k, v]) => [k, json(v)]));

const planFile = async (ctx: StageContext) => [await projectPlanFile({projectDir: ctx.projectDir})];
const paths = (ctx: StageContext) => projectPaths(ctx.projectDir);
/** The project file (its `year`, `livelihood`, ... shape the stages) or where it would be. */
const projectFile = (ctx: StageContext) => join(paths(ctx).root, PROJECT_FILE);

/** The build's stages, in an order where each comes after its dependencies. */
export const STAGES: Stage[] = [
  {
    name: "targets",
    files: async (ctx) => [...(await planFile(ctx)), paths(ctx).curation, projectFile(ctx)],
    code: ["pipelines/project/projectTargets.ts"],
    deps: [],
    run: (ctx) => projectTargets({projectDir: ctx.projectDir})
  },
  {
    name: "units",
    files: async (ctx) => [paths(ctx).units, paths(ctx).allocations],
    code: ["pipelines/gaps/projectGaps.ts"],
    deps: ["targets"],
    run: async (ctx) => {
      const {units, allocations} = await projectGapPlan({projectDir: ctx.projectDir});
      return {units, allocations};
    }
  },
  {
    name: "observations",
    files: async (ctx) => [dataPaths(ctx.dataDir).ledger],
    code: ["pipelines/intake/observations.ts"],
    deps: [],
    run: (ctx) => readObservations({dataDir: ctx.dataDir})
  },
  {
    name: "gaps",
    files: async () => [],
    code: ["pipelines/gaps/computeGaps.ts"],
    deps: ["targets", "units", "observations"],
    // Before the first submission every target is 无数据: the site publishes the plan, targets and tasks.
    run: async (_ctx, d) =>
      (d.observations as Observation[]).some((o) => o.superseded_by === null)
        ? computeGaps(gapInputs(d))
        : noDataGaps(gapInputs(d))
  },
  {
    name: "tasks",
    files: async (ctx) => [
      ...(await planFile(ctx)),
      paths(ctx).units,
      paths(ctx).offices,
      paths(ctx).responsibilities,
      projectFile(ctx)
    ],
    code: ["pipelines/project/projectTasks.ts"],
    deps: ["targets"],
    run: (ctx, d) => projectTasks({projectDir: ctx.projectDir, targets: d.targets as Target[]})
  },
  {
    name: "loader:gaps.json",
    files: async () => [],
    code: ["pipelines/site-data/siteData.ts"],
    deps: ["gaps", "units", "targets", "observations", "tasks"],
    run: async (_ctx, d) =>
      siteGapsFrom({
        rows: d.gaps as GapRow[],
        units: (d.units as {units: Unit[]}).units,
        targets: d.targets as Target[],
        changes: siteChangesFrom({...gapInputs(d), asOf: (d.gaps as GapRow[])[0]?.as_of}),
        owners: (d.tasks as ProjectTasks).target_owners,
        offices: (d.tasks as ProjectTasks).offices
      }),
    loader: {file: "data/gaps.json.ts", render: (v) => JSON.stringify(v)}
  },
  {
    name: "loader:history.json",
    files: async () => [],
    code: ["pipelines/site-data/siteData.ts"],
    deps: ["targets", "units", "observations"],
    run: async (_ctx, d) => siteHistoryFrom(gapInputs(d)),
    loader: {file: "data/history.json.ts", render: (v) => JSON.stringify(v)}
  },
  {
    name: "loader:quality.json",
    files: async (ctx) => [
      dataPaths(ctx.dataDir).ledger,
      paths(ctx).units,
      join(ctx.projectDir, ".planwatch", "failures.jsonl")
    ],
    code: ["pipelines/site-data/quality.ts"],
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
    name: "loader:city.json",
    files: async () => [],
    code: ["pipelines/site-data/siteSlices.ts"],
    deps: ["loader:gaps.json", "loader:history.json"],
    run: async (_ctx, d) => citySlice(d["loader:gaps.json"] as SiteGaps, d["loader:history.json"] as HistoryPoint[]),
    loader: {file: "data/city.json.ts", render: json}
  },
  {
    name: "loader:overview.json",
    files: async () => [],
    code: ["pipelines/site-data/siteSlices.ts"],
    deps: ["loader:gaps.json", "loader:quality.json"],
    run: async (_ctx, d) =>
      overviewSlice({gaps: d["loader:gaps.json"] as SiteGaps, quality: d["loader:quality.json"] as QualityData}),
    loader: {file: "data/overview.json.ts", render: json}
  },
  {
    name: "loader:units/[unit].json",
    files: async () => [],
    code: ["pipelines/site-data/siteSlices.ts"],
    deps: ["loader:gaps.json", "loader:quality.json", "targets"],
    run: async (_ctx, d) =>
      unitSlices({
        gaps: d["loader:gaps.json"] as SiteGaps,
        quality: d["loader:quality.json"] as QualityData,
        targets: d.targets as Target[]
      }),
    loader: {file: "data/units/[unit].json.ts", render: (v) => each(v as ReturnType<typeof unitSlices>)}
  },
  {
    name: "loader:targets/[id].json",
    files: async () => [],
    code: ["pipelines/site-data/siteSlices.ts"],
    deps: ["loader:gaps.json", "loader:history.json", "targets"],
    run: async (_ctx, d) =>
      targetSlices({
        gaps: d["loader:gaps.json"] as SiteGaps,
        history: d["loader:history.json"] as HistoryPoint[],
        targets: d.targets as Target[]
      }),
    loader: {file: "data/targets/[id].json.ts", render: (v) => each(v as ReturnType<typeof targetSlices>)}
  },
  {
    name: "progress",
    files: async (ctx) => [dataPaths(ctx.dataDir).ledger],
    code: ["pipelines/intake/readProgress.ts", "pipelines/intake/ledger.ts"],
    deps: [],
    run: (ctx) => readProgress({dataDir: ctx.dataDir})
  },
  {
    name: "loader:tasks.json",
    files: async () => [],
    code: ["pipelines/site-data/siteTasks.ts"],
    deps: ["tasks", "progress", "observations"],
    run: async (_ctx, d) => {
      const {items, tasks, offices} = d.tasks as ProjectTasks;
      const periods = (d.observations as Observation[]).filter((o) => o.superseded_by === null).map((o) => o.period);
      return siteTasksFrom({items, tasks, offices, progress: d.progress as Progress[], periods});
    },
    loader: {file: "data/tasks.json.ts", render: (v) => JSON.stringify(v)}
  },
  {
    name: "loader:plan.json",
    files: planFile,
    code: ["pipelines/project/projectTargets.ts"],
    deps: ["targets"],
    run: (ctx) => projectPlan({projectDir: ctx.projectDir}),
    loader: {file: "data/plan.json.ts", render: (v) => JSON.stringify(v)}
  },
  {
    name: "loader:templates/submission.csv",
    files: async () => [],
    code: ["pipelines/intake/writeTemplate.ts"],
    deps: ["targets"],
    run: async (_ctx, d) => (await writeTemplate({targets: d.targets as Target[]})).toString("utf8"),
    loader: {file: "data/templates/submission.csv.ts", render: (v) => v as string}
  },
  {
    name: "loader:templates/progress.csv",
    files: async () => [],
    code: ["pipelines/intake/writeProgressTemplate.ts"],
    deps: ["tasks"],
    run: async (_ctx, d) => (await writeProgressTemplate({tasks: (d.tasks as ProjectTasks).tasks})).toString("utf8"),
    loader: {file: "data/templates/progress.csv.ts", render: (v) => v as string}
  },
  {
    name: "loader:project.json",
    files: async (ctx) => [...(await planFile(ctx)), projectFile(ctx)],
    code: ["pipelines/project/projectFacts.ts"],
    deps: ["targets"],
    run: async (ctx, d) => projectFacts({projectDir: ctx.projectDir, targets: d.targets as Target[]}),
    loader: {file: "data/project.json.ts", render: (v) => JSON.stringify(v, null, 1)}
  }
];

function gapInputs(d: Record<string, unknown>) {
  const {units, allocations} = d.units as {units: Unit[]; allocations: Allocation[]};
  return {targets: d.targets as Target[], observations: d.observations as Observation[], units, allocations};
}

/**
 * What a data loader writes, computed from scratch: the loader files in `src/data/` call this, so a
 * loader run by Framework (in `npm run dev`) and the build's cached stage give the same bytes. A
 * parameterized loader (`units/[unit].json`) names the value it was run for (`param`, from its
 * `--unit`). A build never runs these: its stages write every loader's files into Framework's cache.
 */
export async function loaderOutput(
  name: string,
  {ctx = defaultContext(), param}: {ctx?: StageContext; param?: string} = {}
): Promise<string> {
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
  const output = stage.loader.file.replace(/\.[^.]+$/, "");
  const text = loaderFiles(stage, await compute(stage)).get(
    param === undefined ? output : output.replace(/\[[^\]]+\]/, param)
  );
  if (text === undefined)
    throw new PlanwatchError("unknown_page", `数据文件 ${name} 没有“${param}”的内容:不在单位或指标清单中`);
  return text;
}

function defaultContext(): StageContext {
  const {root, data} = projectPaths();
  return {projectDir: root, dataDir: data};
}
