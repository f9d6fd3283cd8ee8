import {open, readFile, rm} from "node:fs/promises";
import {PlanwatchError} from "../error.js";

/**
 * Runs `work` holding an exclusive lock file at `path` (created with O_EXCL, holding the owner's
 * pid). A lock left by a process that no longer runs (killed) is taken over; a live one throws
 * `PlanwatchError` `locked`. The lock is removed when `work` settles.
 */
export async function withLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  await acquire(path);
  try {
    return await work();
  } finally {
    await rm(path, {force: true});
  }
}

async function acquire(path: string, attempt = 0): Promise<void> {
  try {
    const handle = await open(path, "wx");
    await handle.writeFile(`${process.pid}\n`);
    await handle.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw lockedError(path, error);
    const pid = Number((await readFile(path, "utf8").catch(() => "")).trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw lockedError(path, error, pid);
    await rm(path, {force: true}); // stale: its owner is gone
    await acquire(path, attempt + 1);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function lockedError(path: string, cause: unknown, pid?: number): PlanwatchError {
  return new PlanwatchError("locked", `another planwatch run holds ${path}${pid ? ` (pid ${pid})` : ""}`, {cause});
}
