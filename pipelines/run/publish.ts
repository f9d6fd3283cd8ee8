import {existsSync, lstatSync} from "node:fs";
import {mkdir, readdir, readlink, rename, rm, symlink} from "node:fs/promises";
import {basename, dirname, join, relative, resolve} from "node:path";

/** The folder that holds a published site's builds: `dist` → `.dist.builds/`. */
export function buildsDir(target: string): string {
  return join(dirname(target), `.${basename(target)}.builds`);
}

/** A fresh folder for a new build of `target`, inside {@link buildsDir}. */
export async function newBuildDir(target: string): Promise<string> {
  const dir = join(buildsDir(target), `build-${new Date().toISOString().replace(/[:.]/g, "")}-${process.pid}`);
  await mkdir(dirname(dir), {recursive: true});
  await rm(dir, {recursive: true, force: true});
  return dir;
}

/**
 * Publishes a finished build: `target` becomes a symbolic link to `build`, swapped in by one
 * rename, so a server reading `target` sees the old site or the new one and never a mix. A real
 * folder at `target` (a first build, an older planwatch) is moved aside first. Keeps the previous
 * build for rollback and removes older and unfinished ones.
 */
export async function publish(build: string, target: string): Promise<void> {
  const builds = buildsDir(target);
  const previous = existsSync(target) && lstatSync(target).isSymbolicLink() ? resolve(dirname(target), await readlink(target)) : null;
  if (existsSync(target) && !lstatSync(target).isSymbolicLink()) await rename(target, join(builds, `moved-${Date.now()}`));
  const link = `${target}.link-${process.pid}`;
  await rm(link, {force: true});
  await symlink(relative(dirname(target), build), link, "dir");
  await rename(link, target);
  for (const entry of await readdir(builds)) {
    const path = join(builds, entry);
    if (path !== build && path !== previous) await rm(path, {recursive: true, force: true});
  }
}

/** Removes a build that did not finish. */
export async function discard(build: string): Promise<void> {
  await rm(build, {recursive: true, force: true});
}
