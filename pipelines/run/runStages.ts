import {existsSync, readFileSync} from "node:fs";
import {mkdir, readFile, rename, utimes, writeFile} from "node:fs/promises";
import {dirname, join, relative} from "node:path";
import {siteRoot} from "../project/index.js";
import {packageRoot as installedToolkit, combine, hashFile, hashText} from "../core/index.js";
import {moduleGraph} from "./moduleGraph.js";
import {type Stage, type StageContext, STAGES, loaderFiles} from "./stages.js";

/** What the build knows of one stage: its inputs' hashes, whether it ran and why, how long it took. */
export interface StageRecord {
  name: string;
  fingerprint: string;
  inputs: Record<string, string>;
  output_hash: string;
  ran: boolean;
  /** Why it ran (`never built`, `changed: data/ledger.jsonl, stage:observations`), or `fresh`. */
  reason: string;
  duration_ms: number;
}

/** What a stage's inputs are now, and whether they differ from the last run's. */
export interface StagePlan {
  stage: Stage;
  inputs: Record<string, string>;
  fingerprint: string;
  stale: boolean;
  reason: string;
}

interface Meta {
  fingerprint: string;
  inputs: Record<string, string>;
  output_hash: string;
  /** For a loader's stage: the hash of each file it wrote into Framework's cache, by its path there. */
  loader_files?: Record<string, string>;
}

/** Where the code the stages run lives (default: the installed toolkit's folder). */
interface CodeOptions {
  toolkitDir?: string;
}

/**
 * Runs the build's stages ({@link STAGES}) in order: a stage re-runs only when the hash of one of
 * its inputs changed (its files, its own code, an earlier stage's output, the toolkit and the
 * lockfile), or its output is gone; otherwise its cached output stands. A loader's stage writes that
 * loader's output into Framework's cache (`loaderCacheDir`), so Framework reruns exactly the loaders
 * whose inputs changed. Options: `stateDir`, where stage outputs and their hashes are kept;
 * `loaderCacheDir`, Framework's cache folder; `onStage`, told of each stage as it ends.
 */
export async function runStages(
  ctx: StageContext,
  {
    stateDir,
    loaderCacheDir,
    onStage = () => {},
    toolkitDir
  }: {stateDir: string; loaderCacheDir: string; onStage?: (record: StageRecord) => void} & CodeOptions
): Promise<StageRecord[]> {
  await mkdir(stateDir, {recursive: true});
  const records = new Map<string, StageRecord>();
  const values = new Map<string, unknown>();
  const toolkit = await toolkitInputs({toolkitDir});
  const value = async (name: string) => {
    if (!values.has(name)) values.set(name, JSON.parse(await readFile(outputFile(stateDir, name), "utf8")));
    return values.get(name);
  };
  for (const stage of STAGES) {
    const started = performance.now();
    const plan = await planStage(stage, ctx, {
      stateDir,
      loaderCacheDir,
      toolkit,
      outputs: (d) => records.get(d)!.output_hash
    });
    let outputHash: string;
    if (plan.stale) {
      const deps: Record<string, unknown> = {};
      for (const d of stage.deps) deps[d] = await value(d);
      const result = await stage.run(ctx, deps);
      const files = stage.loader ? loaderFiles(stage, result) : undefined;
      const hashes = files && Object.fromEntries([...files].map(([f, text]) => [f, hashText(text)]));
      // A parameterized loader's pages are read by no later stage: its output is the hashes of its files, not a
      // second copy of them.
      const json = JSON.stringify(stage.loader?.file.includes("[") ? hashes : result);
      outputHash = hashText(json);
      values.set(stage.name, JSON.parse(json));
      await writeAtomic(outputFile(stateDir, stage.name), json);
      for (const [file, text] of files ?? []) await writeAtomic(join(loaderCacheDir, file), text);
      const meta: Meta = {
        fingerprint: plan.fingerprint,
        inputs: plan.inputs,
        output_hash: outputHash,
        ...(hashes ? {loader_files: hashes} : {})
      };
      await writeAtomic(metaFile(stateDir, stage.name), JSON.stringify(meta));
    } else {
      outputHash = (JSON.parse(await readFile(metaFile(stateDir, stage.name), "utf8")) as Meta).output_hash;
      const now = new Date();
      // fresh for Framework, whatever the loader file's mtime
      for (const file of Object.keys(readMeta(stateDir, stage.name)?.loader_files ?? {}))
        await utimes(join(loaderCacheDir, file), now, now);
    }
    const record = {
      name: stage.name,
      fingerprint: plan.fingerprint,
      inputs: plan.inputs,
      output_hash: outputHash,
      ran: plan.stale,
      reason: plan.reason,
      duration_ms: Math.round(performance.now() - started)
    };
    records.set(stage.name, record);
    onStage(record);
  }
  return [...records.values()];
}

/**
 * Which stages are stale and why, without running anything (`planwatch status`). A stage after a
 * stale one is judged by its last recorded inputs: it is stale when they are.
 */
export async function planStages(
  ctx: StageContext,
  {stateDir, loaderCacheDir, toolkitDir}: {stateDir: string; loaderCacheDir: string} & CodeOptions
): Promise<StagePlan[]> {
  const toolkit = await toolkitInputs({toolkitDir});
  const plans = new Map<string, StagePlan>();
  for (const stage of STAGES) {
    const plan = await planStage(stage, ctx, {
      stateDir,
      loaderCacheDir,
      toolkit,
      outputs: (d) =>
        plans.get(d)!.stale ? `stale:${plans.get(d)!.fingerprint}` : (readMeta(stateDir, d)?.output_hash ?? "missing")
    });
    plans.set(stage.name, plan);
  }
  return [...plans.values()];
}

async function planStage(
  stage: Stage,
  ctx: StageContext,
  {
    stateDir,
    loaderCacheDir,
    toolkit,
    outputs
  }: {stateDir: string; loaderCacheDir: string; toolkit: ToolkitInputs; outputs: (dep: string) => string}
): Promise<StagePlan> {
  const inputs: Record<string, string> = {toolkit: toolkit.hash};
  for (const file of await stage.files(ctx)) inputs[label(ctx, file)] = await hashFile(file);
  for (const file of new Set([...stage.code.flatMap((m) => toolkit.graph.get(m) ?? []), STAGES_MODULE]))
    inputs[file] = toolkit.files.get(file) ?? "missing";
  if (stage.loader)
    inputs[join("src", stage.loader.file)] = await hashFile(join(siteRoot(ctx.projectDir), stage.loader.file));
  for (const d of stage.deps) inputs[`stage:${d}`] = outputs(d);
  const fingerprint = combine(inputs);
  const meta = readMeta(stateDir, stage.name);
  let reason = "fresh";
  if (!meta) reason = "never built";
  else if (!existsSync(outputFile(stateDir, stage.name))) reason = "output missing";
  else if (stage.loader && !(await loaderFilesIntact(loaderCacheDir, meta)))
    reason = "output missing"; // gone, or written by another project's build
  else if (meta.fingerprint !== fingerprint) {
    const changed = [...new Set([...Object.keys(inputs), ...Object.keys(meta.inputs)])]
      .filter((k) => inputs[k] !== meta.inputs[k])
      .sort();
    reason = `changed: ${changed.join(", ")}`;
  }
  return {stage, inputs, fingerprint, stale: reason !== "fresh", reason};
}

/** The module that declares the stages (and defines their `run`): part of every stage's code. */
const STAGES_MODULE = "pipelines/run/stages.ts";

interface ToolkitInputs {
  /** The toolkit's identity: its package.json, its lockfile (every dependency's version), Node's version. */
  hash: string;
  /** Each stage module's graph: the toolkit's files it imports, transitively. */
  graph: Map<string, string[]>;
  /** The hash of every file of those graphs, keyed by its path in the toolkit. */
  files: Map<string, string>;
}

/** What the stages' code is made of, read once for a whole run. */
async function toolkitInputs({toolkitDir = installedToolkit()}: CodeOptions): Promise<ToolkitInputs> {
  const manifests = [
    await hashFile(join(toolkitDir, "package.json")),
    await hashFile(join(toolkitDir, "package-lock.json"))
  ];
  const hash = hashText(`${manifests.join(" ")} ${process.version}`);
  const graph = await moduleGraph(toolkitDir, [...new Set(STAGES.flatMap((s) => s.code))]);
  const files = new Map<string, string>();
  for (const file of new Set([...[...graph.values()].flat(), STAGES_MODULE]))
    files.set(file, await hashFile(join(toolkitDir, file)));
  return {hash, graph, files};
}

function readMeta(stateDir: string, name: string): Meta | null {
  try {
    return JSON.parse(readFileSync(metaFile(stateDir, name), "utf8")) as Meta;
  } catch {
    return null;
  }
}

const safe = (name: string) => name.replace(/[^\w.-]/g, "-");
const outputFile = (stateDir: string, name: string) => join(stateDir, `${safe(name)}.json`);
const metaFile = (stateDir: string, name: string) => join(stateDir, `${safe(name)}.meta.json`);
/** Whether every file a loader's stage wrote into Framework's cache is still there as it wrote it. */
async function loaderFilesIntact(loaderCacheDir: string, meta: Meta): Promise<boolean> {
  if (!meta.loader_files) return false;
  for (const [file, hash] of Object.entries(meta.loader_files))
    if ((await hashFile(join(loaderCacheDir, file))) !== hash) return false;
  return true;
}
const label = (ctx: StageContext, file: string) =>
  file.startsWith(ctx.projectDir) ? relative(ctx.projectDir, file) : `data:${relative(ctx.dataDir, file)}`;

async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), {recursive: true});
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}
