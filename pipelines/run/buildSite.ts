import {existsSync} from "node:fs";
import {appendFile, mkdir, readFile, writeFile} from "node:fs/promises";
import {basename, dirname, join, relative, resolve} from "node:path";
import type {Config} from "@observablehq/framework/dist/config.js";
import {PlanwatchError, packageRoot as installedToolkit, withLock} from "../core/index.js";
import {consoleLogger, type Logger} from "./effects.js";
import {claimLoaderCache} from "./loaderCache.js";
import {linkSiteRoot} from "./linkSiteRoot.js";
import {filesUnder} from "./filesUnder.js";
import {seedNpmCache} from "./npmCache.js";
import {checkPageCount, siteConfig, siteContext} from "../site-data/index.js";
import {checkOutput, discard, newBuildDir, publish} from "./publish.js";
import {type StageRecord, runStages} from "./runStages.js";
import {shareJsdomWindow} from "./sharedJsdom.js";
import {cacheSidebarScripts, clearSidebarScripts} from "./sidebarScripts.js";

/** What `planwatch-manifest.json` holds: what the build was made of, and what it did. */
export interface BuildManifest {
  planwatch: string;
  versions: Record<string, string>;
  snapshot: string;
  as_of: string | null;
  stages: StageRecord[];
  /** Timings, the only part that differs between two builds of the same inputs. */
  built_at: string;
  duration_ms: number;
}

/**
 * Builds the site: seeds Framework's npm cache from node_modules (no CDN); runs the stale stages of
 * the build's DAG ({@link runStages}), which rewrite exactly the loader outputs whose inputs
 * changed (after {@link claimLoaderCache} has cleared another project's or data folder's outputs from a
 * shared root's cache); builds into a new folder; and only when the whole build succeeded publishes it as
 * `output` by one rename ({@link publish}), with `planwatch-manifest.json` (input hashes, versions,
 * as-of, each stage's duration). A failed or killed build leaves the previous `output` serving; a
 * failure is appended to `.planwatch/failures.jsonl`, which the quality page shows.
 *
 * The site's configuration is made for this build from this build's context ({@link siteConfig}:
 * the project file, units, targets, as-of month, snapshot) and handed to Framework, so builds in one
 * process (`watch`, `schedule`) each publish their own; `observablehq.config.ts` is not read.
 *
 * Options: `projectDir` (default: the current directory), holding the project file and `seeds/`;
 * `dataDir`, the ingested data (default: `<projectDir>/data`); `output` (default: `dist`), relative
 * to `projectDir`; `logger` (default: standard error); `onStage`, told of each stage as it ends;
 * `toolkitDir`, where the stages' code is (default: planwatch's own folder). Returns the manifest.
 * `maxPages`: the most pages it builds (default `MAX_PAGES`). Throws `PlanwatchError` `too_many_pages`
 * past it, before anything is built; `npm_cache` when a page imports a package that is not installed (naming
 * both), `build_failed`, `locked`,
 * or `invalid_output` when `output` is neither absent, an empty folder, nor a link to an earlier
 * build ({@link checkOutput}): then nothing is built or changed.
 */
export async function buildSite({
  projectDir = process.cwd(),
  dataDir,
  output,
  logger = consoleLogger,
  onStage,
  toolkitDir,
  maxPages
}: {
  projectDir?: string;
  dataDir?: string;
  output?: string;
  logger?: Logger;
  onStage?: (record: StageRecord) => void;
  toolkitDir?: string;
  maxPages?: number;
} = {}): Promise<BuildManifest & {output: string}> {
  const dir = resolve(projectDir);
  if (output !== undefined) await checkOutput(resolve(dir, output)); // at once, before anything is read or written
  const state = join(dir, ".planwatch");
  await mkdir(state, {recursive: true});
  return withLock(join(state, "build.lock"), async () => {
    const started = performance.now();
    const toolkit = toolkitDir ?? installedToolkit();
    process.env.OBSERVABLE_TELEMETRY_DISABLE = "1";
    const data = resolve(dir, dataDir ?? "data");
    // A loader Framework runs itself (one whose output no stage wrote) is a child process: it reads its inputs from
    // here.
    process.env.PLANWATCH_PROJECT = dir;
    process.env.PLANWATCH_DATA = data;
    // The project's own Framework root and cache (links to the toolkit's pages for a project without a src/): no other
    // project's build or dev, even at this moment, writes the loader outputs this build publishes.
    await linkSiteRoot(dir);
    // This build's configuration, made from this build's context: never a cached module's.
    const context = await siteContext({projectDir: dir, dataDir: data});
    const {build, normalizeConfig, setCurrentDate, StagingEffects} = await framework();
    checkPageCount(context, {maxPages}); // before anything is built: Framework's time and memory grow with the pages
    const {snapshot, asOf: as_of} = context;
    const config = normalizeConfig(siteConfig(context), dir);
    const root = config.root;
    const target = resolve(dir, output ?? config.output);
    await checkOutput(target); // before anything is written beside it
    const cacheDir = join(root, ".observablehq", "cache");
    const staging = await newBuildDir(target);
    const effects = new StagingEffects(staging, cacheDir, {logger, output: {write: () => true}});
    config.output = staging; // Framework's build summary reads the pages back from config.output
    setCurrentDate(sourceDate());
    let stages: StageRecord[];
    try {
      await seedNpmCache({root, projectDir: toolkit});
      await claimLoaderCache({cacheDir, projectDir: dir, dataDir: data});
      stages = await runStages(
        {projectDir: dir, dataDir: data},
        {stateDir: join(state, "stages"), loaderCacheDir: cacheDir, onStage, toolkitDir: toolkit}
      );
      await runLoaders(config, root, effects);
      await build({config}, effects);
      const manifest: BuildManifest = {
        planwatch: await packageVersion(toolkit),
        versions: await dependencyVersions(toolkit),
        snapshot,
        as_of,
        stages,
        built_at: new Date().toISOString(),
        duration_ms: Math.round(performance.now() - started)
      };
      await writeFile(join(staging, "planwatch-manifest.json"), JSON.stringify(manifest, null, 1) + "\n");
      await publish(staging, target);
      return {...manifest, output: target};
    } catch (error) {
      await discard(staging);
      const reason = (error as Error).message;
      await appendFile(
        join(state, "failures.jsonl"),
        JSON.stringify({at: new Date().toISOString(), output: target, reason}) + "\n"
      );
      // A page that imports what is not installed: the one line that names the page and the package.
      if (error instanceof PlanwatchError && error.code === "npm_cache") throw error;
      throw new PlanwatchError("build_failed", `站点构建失败,${target} 保持原样:${reason}`, {
        cause: error
      });
    }
  });
}

const DEPENDENCIES = ["@observablehq/framework", "arquero", "vega", "vega-lite", "vega-embed", "csv-parse", "exceljs"];

async function packageVersion(dir: string): Promise<string> {
  return (JSON.parse(await readFile(join(dir, "package.json"), "utf8")) as {version: string}).version;
}

/** The installed versions of the libraries that shape the numbers and the pages. */
async function dependencyVersions(dir: string): Promise<Record<string, string>> {
  const versions: Record<string, string> = {node: process.version};
  for (const name of DEPENDENCIES) {
    const file = join(dir, "node_modules", name, "package.json");
    versions[name] = existsSync(file)
      ? (JSON.parse(await readFile(file, "utf8")) as {version: string}).version
      : "missing";
  }
  return versions;
}

/**
 * Framework's build, loaded when a build runs and after {@link shareJsdomWindow} (which must come before
 * Framework's HTML module is first loaded), with its file effects writing into a staging folder that
 * buildSite has already emptied.
 */
async function framework() {
  shareJsdomWindow();
  cacheSidebarScripts();
  clearSidebarScripts();
  const [{FileBuildEffects, build}, {normalizeConfig, setCurrentDate}] = await Promise.all([
    import("@observablehq/framework/dist/build.js"),
    import("@observablehq/framework/dist/config.js")
  ]);
  class StagingEffects extends FileBuildEffects {
    override async prepare(): Promise<void> {}
  }
  return {build, normalizeConfig, setCurrentDate, StagingEffects};
}

/**
 * The time stamped on loader outputs (`FileAttachment(...).lastModified`): `SOURCE_DATE_EPOCH`
 * (seconds, the reproducible-builds convention) or the epoch, never the clock, so that identical
 * inputs build identical pages.
 */
function sourceDate(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH ?? 0);
  if (!Number.isInteger(epoch) || epoch < 0)
    throw new PlanwatchError(
      "invalid_option",
      `环境变量 SOURCE_DATE_EPOCH 的值“${process.env.SOURCE_DATE_EPOCH}”无效:应为不小于 0 的整数秒数(如 1700000000),或不设置`
    );
  return new Date(epoch * 1000);
}

/**
 * Runs every data loader under `root` before Framework builds, and fails on the first that fails:
 * Framework's own build only logs a loader's failure and publishes the page without its data.
 */
async function runLoaders(config: Config, root: string, effects: unknown): Promise<void> {
  for (const file of await filesUnder(root)) {
    const name = basename(file);
    if (name.includes("[")) continue;
    const output = name.replace(/\.[^.]+$/, "");
    if (!/\.[^.]+$/.test(output)) continue; // a loader is named for its output: progress.json.ts
    const dir = relative(root, dirname(file));
    const loader = config.loaders.find(join("/", dir, output));
    if (loader?.path !== join(dir, name)) continue; // a static file of that name wins
    try {
      await loader.load({}, effects);
    } catch (error) {
      throw new PlanwatchError("loader_failed", `data loader ${loader.path} failed: ${(error as Error).message}`, {
        cause: error
      });
    }
  }
}
