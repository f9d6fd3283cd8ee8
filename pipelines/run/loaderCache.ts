import {existsSync} from "node:fs";
import {mkdir, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {join, resolve} from "node:path";

/** The file in Framework's cache that names the project and data folder its loader outputs are of. */
export const LOADER_CACHE_OWNER = "planwatch-owner.json";

/** Whose loader outputs a Framework cache holds: the project folder and the data folder (absolute). */
export interface LoaderCacheOwner {
  project: string;
  data: string;
}

/**
 * Makes the loader outputs in Framework's cache (`cacheDir`, `<root>/.observablehq/cache`) this
 * project's and this data folder's. Each project has a cache of its own (a project without a `src/`, in its
 * `.planwatch/site/`: `linkSiteRoot`), but `dev` and `build` of one project may show other data folders, and
 * Framework serves a cached output as fresh whenever it is newer than its loader, whoever wrote it (a cache from
 * before projects had their own may still hold another project's). When the cache names another owner (or none),
 * every loader output in it is removed (the
 * npm cache, `_npm/` and the other `_` folders, stays) and this owner is written, so the next build's
 * stages or the preview's loaders make them again from this project's inputs. Returns whether it
 * cleared anything.
 */
export async function claimLoaderCache({
  cacheDir,
  projectDir,
  dataDir
}: {
  cacheDir: string;
  projectDir: string;
  dataDir: string;
}): Promise<boolean> {
  const owner: LoaderCacheOwner = {project: resolve(projectDir), data: resolve(dataDir)};
  const file = join(cacheDir, LOADER_CACHE_OWNER);
  const current = existsSync(file) ? await readFile(file, "utf8").catch(() => "") : "";
  const text = JSON.stringify(owner) + "\n";
  if (current === text) return false;
  await mkdir(cacheDir, {recursive: true});
  let cleared = false;
  for (const entry of await readdir(cacheDir)) {
    if (entry.startsWith("_") || entry === LOADER_CACHE_OWNER) continue;
    await rm(join(cacheDir, entry), {recursive: true, force: true});
    cleared = true;
  }
  await writeFile(file, text);
  return cleared;
}
