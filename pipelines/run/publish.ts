import {lstat, readdir, readlink, rename, rm, rmdir, symlink} from "node:fs/promises";
import {basename, dirname, join, relative, resolve} from "node:path";
import {PlanwatchError, makeDirs} from "../core/index.js";

/** The folder that holds a published site's builds: `dist` → `.dist.builds/`. */
export function buildsDir(target: string): string {
  return join(dirname(target), `.${basename(target)}.builds`);
}

/** A fresh folder for a new build of `target`, inside {@link buildsDir}. */
export async function newBuildDir(target: string): Promise<string> {
  const dir = join(buildsDir(target), `build-${new Date().toISOString().replace(/[:.]/g, "")}-${process.pid}`);
  await makeDirs(dirname(dir));
  await rm(dir, {recursive: true, force: true});
  return dir;
}

/**
 * What is at `target` now: nothing (or an empty folder), or planwatch's link to a build in
 * {@link buildsDir} (returned: the previous build). Anything else — a folder with files, a file, a
 * link elsewhere — is not planwatch's to replace: throws `PlanwatchError` `invalid_output`, so that
 * `--output data` or `--output .` deletes nothing.
 */
export async function checkOutput(target: string): Promise<{previous: string | null}> {
  const info = await lstat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (!info) return {previous: null};
  const refuse = (what: string) =>
    new PlanwatchError(
      "invalid_output",
      `输出位置 ${target} ${what},不是 planwatch 的构建:为免删除其中的内容,不予发布。请换一个不存在或空的输出文件夹`
    );
  if (info.isSymbolicLink()) {
    const previous = resolve(dirname(target), await readlink(target));
    if (dirname(previous) !== buildsDir(target)) throw refuse(`是指向 ${previous} 的链接`);
    return {previous};
  }
  if (!info.isDirectory()) throw refuse("是一个文件");
  if ((await readdir(target)).length) throw refuse("是一个有内容的文件夹");
  return {previous: null};
}

/**
 * Publishes a finished build: `target` becomes a symbolic link to `build`, swapped in by one
 * rename, so a server reading `target` sees the old site or the new one and never a mix. `target`
 * must be what {@link checkOutput} accepts (an empty folder there is removed first). Keeps the
 * previous build for rollback and removes older and unfinished ones.
 */
export async function publish(build: string, target: string): Promise<void> {
  const {previous} = await checkOutput(target);
  if (!previous)
    await rmdir(target).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error; // rmdir removes nothing but an empty folder
    });
  const link = `${target}.link-${process.pid}`;
  await rm(link, {force: true});
  await symlink(relative(dirname(target), build), link, "dir");
  await rename(link, target);
  const builds = buildsDir(target);
  for (const entry of await readdir(builds)) {
    const path = join(builds, entry);
    if (/^(build|moved)-/.test(entry) && path !== build && path !== previous)
      await rm(path, {recursive: true, force: true});
  }
}

/** Removes a build that did not finish. */
export async function discard(build: string): Promise<void> {
  await rm(build, {recursive: true, force: true});
}
