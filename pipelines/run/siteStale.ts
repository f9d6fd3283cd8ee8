import {readFile} from "node:fs/promises";
import {join, resolve} from "node:path";
import {frameworkCache} from "../project/index.js";
import {inputSnapshot} from "../site-data/index.js";
import {planStages} from "./runStages.js";

/**
 * Why the site published at `output` is not the site the inputs make now, or null when it is:
 * nothing published there (no `planwatch-manifest.json`), a published snapshot other than the
 * inputs' ({@link inputSnapshot}: a build killed after ingesting, or before publishing), or a stage
 * that would run again ({@link planStages}: changed code or pages). Nothing is run or written.
 * Options: `projectDir`, `dataDir`, `output` (default `dist`, relative to `projectDir`).
 */
export async function siteStale({
  projectDir,
  dataDir,
  output = "dist"
}: {
  projectDir: string;
  dataDir: string;
  output?: string;
}): Promise<string | null> {
  const dir = resolve(projectDir);
  const data = resolve(dir, dataDir);
  const file = join(resolve(dir, output), "planwatch-manifest.json");
  const manifest = await readFile(file, "utf8").then(
    (text) => JSON.parse(text) as {snapshot?: unknown},
    () => null
  );
  if (!manifest) return `尚未发布网站(没有 ${file})`;
  const {snapshot} = await inputSnapshot({projectDir: dir, dataDir: data});
  if (manifest.snapshot !== snapshot)
    return `已发布的网站来自另一份输入(快照 ${String(manifest.snapshot)},现在 ${snapshot})`;
  const plans = await planStages(
    {projectDir: dir, dataDir: data},
    {stateDir: join(dir, ".planwatch", "stages"), loaderCacheDir: frameworkCache(dir)}
  );
  const stale = plans.filter((p) => p.stale);
  return stale.length ? `有阶段需要重新运行:${stale.map((p) => `${p.stage.name}(${p.reason})`).join("、")}` : null;
}
