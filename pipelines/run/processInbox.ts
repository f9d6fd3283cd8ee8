import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {lstat, readdir, rename} from "node:fs/promises";
import {basename, join} from "node:path";
import {PlanwatchError, ioReason, makeDirs} from "../core/index.js";
import {formatFinding, projectCatalog, storedName} from "../intake/index.js";
import {type FileStamp, type IngestResult, ingestFiles, sameStamp, stampOf} from "../intake/index.js";
import {type BuildManifest, buildSite} from "./buildSite.js";
import type {Logger} from "./effects.js";
import type {StageRecord} from "./runStages.js";
import {siteStale} from "./siteStale.js";

/** What one pass over the inbox did. */
export interface InboxPass {
  ingested: IngestResult[];
  /** Files left for the next pass: still changing, changed while read or since, or not readable now. */
  waiting: string[];
  /** Files named as partial uploads (`*.part`, `*.tmp`, `~$*`): left until renamed. */
  uploading: string[];
  manifest: (BuildManifest & {output: string}) | null;
}

/** Names that uploaders and editors give a file still being written: `x.part`, `x.tmp`, Office's `~$x.xlsx`. */
const PARTIAL_UPLOAD = /^~\$|\.(?:part|tmp)$/i;

/**
 * One pass of the unattended loop: {@link ingestInbox}, then a build of the site ({@link buildSite})
 * when any file was newly accepted or rejected (the quality page shows rejections too), or, with
 * `whenStale`, when the published site is not the one the inputs make ({@link siteStale}: after a
 * killed pass, or a failed build). Options: those of {@link ingestInbox}; `output`; `whenStale`
 * (default false); `onStage`.
 */
export async function processInbox({
  projectDir,
  inbox,
  dataDir,
  output,
  settleMs,
  sleep,
  whenStale = false,
  logger,
  onStage
}: {
  projectDir: string;
  inbox: string;
  dataDir: string;
  output?: string;
  settleMs?: number;
  sleep?: (ms: number) => Promise<unknown>;
  whenStale?: boolean;
  logger: Logger;
  onStage?: (record: StageRecord) => void;
}): Promise<InboxPass> {
  const pass = await ingestInbox({projectDir, inbox, dataDir, settleMs, sleep, logger});
  const changed = pass.ingested.some((r) => r.status === "accepted" || r.status === "rejected");
  const stale = !changed && whenStale ? await siteStale({projectDir, dataDir, output}) : null;
  if (stale) logger.log(`build: 网站不是最新的,重新构建:${stale}`);
  const manifest = changed || stale ? await buildSite({projectDir, dataDir, output, logger, onStage}) : null;
  if (manifest)
    logger.log(
      `build: ${manifest.stages.filter((s) => s.ran).length} of ${manifest.stages.length} stages ran; data as of ${manifest.as_of}`
    );
  return {...pass, manifest};
}

/**
 * Ingests what has arrived in the inbox, building nothing. Looks at the inbox twice, `settleMs`
 * apart (`sleep`), and takes the files whose size, modification time and inode held still (an empty
 * file too: it is then rejected as `empty_file`, not waited for); files named as partial uploads
 * (`*.part`, `*.tmp`, `~$*`; hidden files are never looked at) wait. Ingests them, checking that each
 * is still as it was seen settled when read ({@link ingestFiles} `settled`: a file that grew or
 * changed is left for the next pass); moves each file ingested (accepted, rejected, known, or refused
 * by its type) into `<inbox>/processed/` under its hash ({@link storedName}), but only while it is
 * still the file that was read: one written to since (an upload that stalled longer than `settleMs`,
 * then went on) stays in, or is put back into, the inbox for the next pass, so that nothing lies in
 * `processed/` under a hash it does not have. One failed move never stops the others. Folders in the
 * inbox are said and left. A missing inbox throws `PlanwatchError` `not_found`.
 * Options: `projectDir`, `inbox`, `dataDir`, `settleMs` (default 500), `sleep` (default: a timer), `logger`.
 */
export async function ingestInbox({
  projectDir,
  inbox,
  dataDir,
  settleMs = 500,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  logger
}: {
  projectDir: string;
  inbox: string;
  dataDir: string;
  settleMs?: number;
  sleep?: (ms: number) => Promise<unknown>;
  logger: Logger;
}): Promise<Omit<InboxPass, "manifest">> {
  const info = await lstat(inbox).catch(() => null);
  if (!info?.isDirectory())
    throw new PlanwatchError("not_found", `收件箱文件夹不存在:${inbox}(请检查 --inbox 是否写错,或先创建这个文件夹)`);
  const processed = join(inbox, "processed");
  const kept = await lstat(processed).catch(() => null);
  if (kept && !kept.isDirectory())
    throw new PlanwatchError(
      "io_error",
      `收件箱中的 ${processed} 不是文件夹(是${kept.isSymbolicLink() ? "符号链接" : "文件"}),` +
        "无法存放已处理的文件:请移走或改名后重试(收件箱中的文件都未处理,原样保留)"
    );
  await makeDirs(processed);
  const {stable, waiting, uploading} = await settledEntries(inbox, settleMs, sleep, logger);
  if (uploading.length)
    logger.log(`inbox: 等待上传完成(文件名表明仍在上传):${uploading.map((p) => basename(p)).join("、")}`);
  if (!stable.size) return {ingested: [], waiting, uploading};
  logger.log(
    `inbox: ${stable.size} file(s) to ingest${waiting.length ? `, ${waiting.length} still being written` : ""}`
  );
  const ingested = await ingestFiles([...stable.keys()], {
    dataDir,
    catalog: await projectCatalog({projectDir}),
    settled: stable
  });
  for (const r of ingested) {
    const codes = r.findings.map((f) => f.code);
    logger.log(
      `ingest: ${r.status} ${basename(r.path)}${r.status === "failed" ? ` (${r.findings.map((f) => `${f.code} ${f.message}`).join(";")})` : ""}`
    );
    if (r.status === "rejected") for (const f of r.findings) logger.log(`  ${formatFinding(f)}`);
    if (r.status === "failed" && !codes.includes("not_a_file")) {
      waiting.push(r.path); // unreadable or changed now: tried again next pass
      continue;
    }
    if (!(await moveProcessed(r, stable.get(r.path)!, inbox, logger))) waiting.push(r.path);
  }
  return {ingested, waiting, uploading};
}

/**
 * Moves an ingested file into `processed/` under its hash, only while it is as it was read (`seen`);
 * false when it was written to since, and is left in (or put back into) the inbox.
 */
async function moveProcessed(r: IngestResult, seen: FileStamp, inbox: string, logger: Logger): Promise<boolean> {
  const name = basename(r.path);
  const prefix = r.sha256
    ? r.sha256.slice(0, 12)
    : `unread-${createHash("sha256").update(r.path).digest("hex").slice(0, 8)}`;
  const target = join(inbox, "processed", storedName(prefix, name));
  const read = seen.ino >= 0; // a regular file that was read, not one refused by its type
  const unchanged = async (path: string) => {
    const now = await lstat(path).catch(() => null);
    return !read || (now !== null && sameStamp(stampOf(now), seen));
  };
  const changed = () =>
    logger.warn(
      `inbox: ${name} 在读取后又被写入(上传停顿后继续?),留在收件箱,下一轮重新处理;已入库的是读取时的内容(sha256 ${r.sha256.slice(0, 12)})`
    );
  if (!(await unchanged(r.path))) {
    changed();
    return false;
  }
  try {
    await rename(r.path, target);
  } catch (error) {
    logger.error(`inbox: 无法把 ${name} 移入 processed/:${ioReason(error)}(已处理,不影响其他文件)`);
    return true;
  }
  if (await unchanged(target)) return true;
  // Written to between the look and the move: back to the inbox, unless a new file took its name.
  if (!existsSync(r.path)) await rename(target, r.path).catch(() => {});
  changed();
  return false;
}

/**
 * The inbox's entries (not hidden, not `processed/`) seen twice `settleMs` apart: those whose
 * state held still (with that state), those named as partial uploads, and the rest. Entries that
 * are not regular files are passed on to be refused by their type, except folders, which are said
 * and left.
 */
async function settledEntries(
  inbox: string,
  settleMs: number,
  sleep: (ms: number) => Promise<unknown>,
  logger: Logger
): Promise<{stable: Map<string, FileStamp>; waiting: string[]; uploading: string[]}> {
  const uploading: string[] = [];
  const look = async (say: boolean) => {
    const seen = new Map<string, FileStamp | "other">();
    if (!existsSync(inbox)) return seen;
    for (const name of await readdir(inbox)) {
      if (name.startsWith(".") || name === "processed") continue;
      const info = await lstat(join(inbox, name)).catch(() => null);
      if (info?.isDirectory()) {
        if (say) logger.log(`inbox: 跳过文件夹 ${name}(不读取文件夹中的文件)`);
      } else if (PARTIAL_UPLOAD.test(name)) {
        if (say && info) uploading.push(join(inbox, name));
      } else if (info) seen.set(join(inbox, name), info.isFile() ? stampOf(info) : "other");
    }
    return seen;
  };
  const before = await look(false);
  await sleep(settleMs);
  const after = await look(true);
  const stable = new Map<string, FileStamp>();
  const waiting: string[] = [];
  for (const [path, stamp] of after) {
    const was = before.get(path);
    if (stamp === "other" || was === "other")
      stable.set(path, {size: -1, mtimeMs: -1, ino: -1}); // refused by type when ingested
    else if (was && sameStamp(was, stamp)) stable.set(path, stamp);
    else waiting.push(path);
  }
  return {stable, waiting, uploading};
}
