import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {lstat, mkdir, readdir, rename} from "node:fs/promises";
import {basename, join} from "node:path";
import {ioReason} from "../core/index.js";
import {projectCatalog, storedName} from "../intake/index.js";
import {type FileStamp, type IngestResult, ingestFiles, sameStamp, stampOf} from "../intake/index.js";
import {type BuildManifest, buildSite} from "./buildSite.js";
import type {Logger} from "./effects.js";
import type {StageRecord} from "./runStages.js";

/** What one pass over the inbox did. */
export interface InboxPass {
  ingested: IngestResult[];
  /** Files left for the next pass: still changing, changed while read, or not readable now. */
  waiting: string[];
  manifest: (BuildManifest & {output: string}) | null;
}

/**
 * One pass of the unattended loop. Looks at the inbox twice, `settleMs` apart (`sleep`), and takes
 * the files whose size, modification time and inode held still (an empty file too: it is then
 * rejected as `empty_file`, not waited for); ingests them, checking that each is still as it was
 * seen settled when read ({@link ingestFiles} `settled`: a file that grew or changed is left for
 * the next pass); moves each file ingested (accepted, rejected, known, or refused by its type) into
 * `<inbox>/processed/` under a bounded name ({@link storedName}), one failed move never stopping
 * the others; and rebuilds the site when any was accepted. Folders in the inbox are said and left.
 * Options: `projectDir`, `inbox`, `dataDir`, `output`, `settleMs` (default 500), `sleep` (default:
 * a timer), `logger`, `onStage`.
 */
export async function processInbox({
  projectDir,
  inbox,
  dataDir,
  output,
  settleMs = 500,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  logger,
  onStage
}: {
  projectDir: string;
  inbox: string;
  dataDir: string;
  output?: string;
  settleMs?: number;
  sleep?: (ms: number) => Promise<unknown>;
  logger: Logger;
  onStage?: (record: StageRecord) => void;
}): Promise<InboxPass> {
  await mkdir(join(inbox, "processed"), {recursive: true});
  const {stable, waiting} = await settledEntries(inbox, settleMs, sleep, logger);
  if (!stable.size) return {ingested: [], waiting, manifest: null};
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
    if (r.status === "failed" && !codes.includes("not_a_file")) {
      waiting.push(r.path); // unreadable or changed now: tried again next pass
      continue;
    }
    const prefix = r.sha256
      ? r.sha256.slice(0, 12)
      : `unread-${createHash("sha256").update(r.path).digest("hex").slice(0, 8)}`;
    await rename(r.path, join(inbox, "processed", storedName(prefix, basename(r.path)))).catch((error) =>
      logger.error(`inbox: 无法把 ${basename(r.path)} 移入 processed/:${ioReason(error)}(已处理,不影响其他文件)`)
    );
  }
  const manifest = ingested.some((r) => r.status === "accepted")
    ? await buildSite({projectDir, dataDir, output, logger, onStage})
    : null;
  if (manifest)
    logger.log(
      `build: ${manifest.stages.filter((s) => s.ran).length} of ${manifest.stages.length} stages ran; data as of ${manifest.as_of}`
    );
  return {ingested, waiting, manifest};
}

/**
 * The inbox's entries (not hidden, not `processed/`) seen twice `settleMs` apart: those whose
 * state held still (with that state), and the rest. Entries that are not regular files are passed
 * on to be refused by their type, except folders, which are said and left.
 */
async function settledEntries(
  inbox: string,
  settleMs: number,
  sleep: (ms: number) => Promise<unknown>,
  logger: Logger
): Promise<{stable: Map<string, FileStamp>; waiting: string[]}> {
  const look = async (say: boolean) => {
    const seen = new Map<string, FileStamp | "other">();
    if (!existsSync(inbox)) return seen;
    for (const name of await readdir(inbox)) {
      if (name.startsWith(".") || name === "processed") continue;
      const info = await lstat(join(inbox, name)).catch(() => null);
      if (info?.isDirectory()) {
        if (say) logger.log(`inbox: 跳过文件夹 ${name}(不读取文件夹中的文件)`);
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
  return {stable, waiting};
}
