import {randomBytes} from "node:crypto";
import {readFileSync} from "node:fs";
import {link, open, readFile, rm, stat, unlink} from "node:fs/promises";
import {PlanwatchError} from "./error.js";
import {ioError} from "./ioError.js";

/** How old an empty or unreadable lock file must be before it counts as abandoned. */
const EMPTY_LOCK_AGE_MS = 10_000;
/** How old a takeover guard must be before it counts as abandoned (a takeover takes milliseconds). */
const GUARD_AGE_MS = 10_000;

/**
 * Runs `work` holding an exclusive lock file at `path`, removed when `work` settles.
 *
 * The lock is made whole and then linked into place (`link` fails when `path` exists, like
 * `O_EXCL`), so it is never seen empty; it holds the owner's pid, its start time and a random tag.
 * A lock whose holder no longer runs (no such pid, a zombie, or a pid reused by a process started later) is
 * taken over, by one process only: the taker first creates, with `O_EXCL`, a guard named for that
 * very lock (its inode and contents), checks under the guard that the stale lock is still there,
 * removes it and links its own. Every taking is verified by reading the lock back. An empty or
 * unreadable lock (another program's, or written by hand) is held until it is
 * {@link EMPTY_LOCK_AGE_MS} old. A live holder throws `PlanwatchError` `locked`; a folder where no
 * lock can be written (read-only, missing, full) throws `io_error`, not `locked`.
 */
export async function withLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const mine = await acquire(path);
  try {
    return await work();
  } finally {
    if ((await readFile(path, "utf8").catch(() => "")) === mine) await rm(path, {force: true});
  }
}

/** What a lock file says: `pid start tag`. */
interface Holder {
  pid: number;
  start: string;
}

async function acquire(path: string): Promise<string> {
  const mine = `${process.pid} ${startTime(process.pid)} ${randomBytes(6).toString("hex")}\n`;
  const draft = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.draft`;
  try {
    await writeWhole(draft, mine);
  } catch (error) {
    throw ioError(error, `无法创建锁文件 ${path}`);
  }
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await linkLock(draft, path)) {
        if ((await readFile(path, "utf8").catch(() => "")) === mine) return mine;
        continue; // removed under us by a taker that judged it stale: try again
      }
      const seen = await look(path);
      if (!seen) continue; // released meanwhile
      if (!seen.stale) throw lockedError(path, seen.holder);
      if (!(await takeOver(path, seen.id, draft))) continue;
      if ((await readFile(path, "utf8").catch(() => "")) === mine) return mine;
    }
    throw lockedError(path);
  } finally {
    await rm(draft, {force: true});
  }
}

/** Links the finished draft as the lock; false when a lock is already there. */
async function linkLock(draft: string, path: string): Promise<boolean> {
  try {
    await link(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw ioError(error, `无法创建锁文件 ${path}`);
  }
}

/** The lock at `path`: who holds it, whether that holder is gone, and an id of this very lock file. */
async function look(path: string): Promise<{holder: Holder | null; stale: boolean; id: string} | null> {
  let text: string;
  let info: {ino: number; mtimeMs: number};
  try {
    [text, info] = await Promise.all([readFile(path, "utf8"), stat(path)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw ioError(error, `无法读取锁文件 ${path}`);
  }
  const id = `${info.ino}-${Buffer.from(text).toString("hex").slice(0, 64)}`;
  const [pid, start = ""] = text.trim().split(/\s+/);
  const holder = /^\d+$/.test(pid ?? "") ? {pid: Number(pid), start} : null;
  if (!holder) return {holder, stale: Date.now() - info.mtimeMs > EMPTY_LOCK_AGE_MS, id};
  return {holder, stale: !running(holder), id};
}

/**
 * Replaces the stale lock `id` by `draft`. Only the process that creates the guard for this lock
 * may remove it; the guard is left behind only by a taker killed within the takeover, and is
 * cleared once older than {@link GUARD_AGE_MS}. True when the draft was linked.
 */
async function takeOver(path: string, id: string, draft: string): Promise<boolean> {
  const guard = `${path}.takeover-${id.slice(0, 80)}`;
  try {
    await writeWhole(guard, `${process.pid}\n`, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw ioError(error, `无法接管锁文件 ${path}`);
    const age = await stat(guard).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0
    );
    if (age > GUARD_AGE_MS) await rm(guard, {force: true});
    return false;
  }
  try {
    const now = await look(path);
    if (now?.id === id && now.stale) await unlink(path).catch(() => {});
    return await linkLock(draft, path);
  } finally {
    await rm(guard, {force: true});
  }
}

async function writeWhole(path: string, text: string, flags = "w"): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

/**
 * True while the holder runs: its pid exists, is not a zombie (dead, not yet reaped by its parent),
 * and, where the system says, started when the lock says.
 */
function running(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const {state, start: now} = processStat(holder.pid);
  if (state === "Z" || state === "X") return false;
  return !holder.start || holder.start === "-" || now === "-" || now === holder.start;
}

/** A process's start time (clock ticks since boot, from /proc), or "-" where the system does not say. */
function startTime(pid: number): string {
  return processStat(pid).start;
}

/** A process's state letter and start time from /proc; "-" where the system does not say. */
function processStat(pid: number): {state: string; start: string} {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return {state: fields[0] ?? "-", start: fields[19] ?? "-"};
  } catch {
    return {state: "-", start: "-"};
  }
}

function lockedError(path: string, holder?: Holder | null): PlanwatchError {
  return new PlanwatchError(
    "locked",
    `另一个 planwatch 进程${holder ? `(pid ${holder.pid})` : ""}正在使用 ${path},请稍后再试`
  );
}
