import {existsSync} from "node:fs";
import {readdir, rename, rm} from "node:fs/promises";
import {basename, dirname, join, relative, resolve} from "node:path";
import {FileBuildEffects, build} from "@observablehq/framework/dist/build.js";
import {type Config, readConfig, setCurrentDate} from "@observablehq/framework/dist/config.js";
import {PlanwatchError} from "../error.js";
import {consoleLogger, type Logger} from "./effects.js";
import {seedNpmCache} from "./npmCache.js";
import {inputSnapshot} from "../report/snapshot.js";

/**
 * Builds the site: seeds Framework's npm cache from node_modules (no CDN), drops cached loader
 * outputs so every loader runs on the current inputs, builds into a staging folder beside `output`,
 * and only when the whole build succeeded swaps it into `output` by rename. A failed build leaves
 * the previous `output` untouched.
 *
 * Options: `projectDir` (default: the current directory), holding `observablehq.config.ts`;
 * `dataDir`, the ingested data the loaders read (default: `<projectDir>/data`); `output` (default:
 * the config's `output`, `dist`), relative to `projectDir`; `logger` (default: standard error).
 * Returns the absolute path of the published folder. Throws `PlanwatchError` `build_failed`.
 */
export async function buildSite({
  projectDir = process.cwd(),
  dataDir,
  output,
  logger = consoleLogger
}: {projectDir?: string; dataDir?: string; output?: string; logger?: Logger} = {}): Promise<string> {
  process.env.OBSERVABLE_TELEMETRY_DISABLE = "1";
  const dir = resolve(projectDir);
  process.env.PLANWATCH_PROJECT = dir; // loaders read their inputs from here
  process.env.PLANWATCH_DATA = resolve(dir, dataDir ?? "data");
  const {snapshot, as_of} = await inputSnapshot({projectDir: dir});
  process.env.PLANWATCH_SNAPSHOT = snapshot; // the footer shows these, not a build time
  process.env.PLANWATCH_AS_OF = as_of ?? "";
  await import("tsx/esm"); // Framework imports the TypeScript config with Node's own loader
  const config = await readConfig(join(dir, "observablehq.config.ts"), dir);
  const root = resolve(dir, config.root);
  const target = resolve(dir, output ?? config.output);
  const staging = join(dirname(target), `.${basename(target)}.staging-${process.pid}`);
  const cacheDir = join(root, ".observablehq", "cache");
  const effects = new StagingEffects(staging, cacheDir, {logger, output: {write: () => true}});
  await seedNpmCache({root, projectDir: dir});
  await clearLoaderCache(cacheDir);
  await rm(staging, {recursive: true, force: true});
  config.output = staging; // Framework's build summary reads the pages back from config.output
  setCurrentDate(sourceDate());
  try {
    await runLoaders(config, root, effects);
    await build({config}, effects);
  } catch (error) {
    await rm(staging, {recursive: true, force: true});
    const reason = error instanceof PlanwatchError ? error.message : (error as Error).message;
    throw new PlanwatchError("build_failed", `site build failed, ${target} left as it was: ${reason}`, {cause: error});
  }
  await publish(staging, target);
  return target;
}

/** Framework's file effects, writing into a staging folder that buildSite has already emptied. */
class StagingEffects extends FileBuildEffects {
  override async prepare(): Promise<void> {}
}

/**
 * The time stamped on loader outputs (`FileAttachment(...).lastModified`): `SOURCE_DATE_EPOCH`
 * (seconds, the reproducible-builds convention) or the epoch, never the clock, so that identical
 * inputs build identical pages.
 */
function sourceDate(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH ?? 0);
  if (!Number.isInteger(epoch) || epoch < 0) throw new PlanwatchError("invalid_option", `invalid SOURCE_DATE_EPOCH: ${process.env.SOURCE_DATE_EPOCH}`);
  return new Date(epoch * 1000);
}

/**
 * Runs every data loader under `root` before Framework builds, and fails on the first that fails:
 * Framework's own build only logs a loader's failure and publishes the page without its data.
 */
async function runLoaders(config: Config, root: string, effects: unknown): Promise<void> {
  const entries = await readdir(root, {recursive: true, withFileTypes: true});
  for (const entry of entries) {
    if (!entry.isFile() || entry.parentPath.includes(".observablehq") || entry.name.includes("[")) continue;
    const output = entry.name.replace(/\.[^.]+$/, "");
    if (!/\.[^.]+$/.test(output)) continue; // a loader is named for its output: progress.json.ts
    const dir = relative(root, entry.parentPath);
    const loader = config.loaders.find(join("/", dir, output));
    if (loader?.path !== join(dir, entry.name)) continue; // a static file of that name wins
    try {
      await loader.load({}, effects);
    } catch (error) {
      throw new PlanwatchError("loader_failed", `data loader ${loader.path} failed: ${(error as Error).message}`, {cause: error});
    }
  }
}

/**
 * Removes Framework's cached loader outputs (everything in the cache but its `_npm`-style
 * folders), since Framework reruns a loader only when the loader file itself changes.
 */
async function clearLoaderCache(cacheDir: string): Promise<void> {
  if (!existsSync(cacheDir)) return;
  for (const entry of await readdir(cacheDir)) {
    if (!entry.startsWith("_")) await rm(join(cacheDir, entry), {recursive: true, force: true});
  }
}

/** Swaps `staging` into `target` by rename; the old tree is removed only after the swap. */
async function publish(staging: string, target: string): Promise<void> {
  const old = `${staging}.old`;
  if (existsSync(target)) await rename(target, old);
  await rename(staging, target);
  await rm(old, {recursive: true, force: true});
}
