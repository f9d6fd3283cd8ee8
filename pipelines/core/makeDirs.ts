import {mkdir, stat} from "node:fs/promises";
import {dirname, resolve} from "node:path";

/**
 * Creates folder `path` and the folders above it that are missing, one level at a time. Node's own
 * `mkdir(path, {recursive: true})` never returns under a file system that refuses new folders with
 * ENOENT (`/proc/x`, a typo of a `--data` or `--out` away): it spins at full CPU forever. Here each
 * level is made once, and the first refusal is thrown as it came (ENOENT, EACCES, ENOTDIR…).
 */
export async function makeDirs(path: string): Promise<void> {
  const missing: string[] = [];
  const target = resolve(path);
  for (let at = target; ;) {
    const found = await stat(at).then(
      (s) => s,
      (error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? null : Promise.reject(error))
    );
    if (found && !found.isDirectory())
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${target}'`), {code: "ENOTDIR", path: at});
    if (found) break;
    missing.push(at);
    const up = dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const dir of missing.reverse())
    await mkdir(dir).catch((error: NodeJS.ErrnoException) =>
      error.code === "EEXIST" ? undefined : Promise.reject(error)
    );
}
