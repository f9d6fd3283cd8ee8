import {existsSync} from "node:fs";
import {mkdir, readdir, rename, stat} from "node:fs/promises";
import {basename, join} from "node:path";
import {projectCatalog} from "../submissions/catalog.js";
import {type IngestResult, ingestFiles} from "../submissions/ingestFiles.js";
import {type BuildManifest, buildSite} from "./buildSite.js";
import type {Logger} from "./effects.js";
import type {StageRecord} from "./runStages.js";

/** What one pass over the inbox did. */
export interface InboxPass {
  ingested: IngestResult[];
  /** Files left for the next pass because they were still growing. */
  waiting: string[];
  manifest: (BuildManifest & {output: string}) | null;
}

/**
 * One pass of the unattended loop: takes the inbox's files whose size has stopped changing (a file
 * still being copied is left for the next pass), ingests them, moves each into `<inbox>/processed/`
 * (accepted files are archived, rejected ones kept with their report: nothing is lost), and
 * rebuilds the site when any was accepted. Options: `projectDir`, `inbox`, `dataDir`, `output`,
 * `settleMs` (how long a size must hold still, default 500), `logger`, `onStage`.
 */
export async function processInbox({
  projectDir,
  inbox,
  dataDir,
  output,
  settleMs = 500,
  logger,
  onStage
}: {projectDir: string; inbox: string; dataDir: string; output?: string; settleMs?: number; logger: Logger; onStage?: (record: StageRecord) => void}): Promise<InboxPass> {
  await mkdir(join(inbox, "processed"), {recursive: true});
  const {stable, waiting} = await settledFiles(inbox, settleMs);
  if (!stable.length) return {ingested: [], waiting, manifest: null};
  logger.log(`inbox: ${stable.length} file(s) to ingest${waiting.length ? `, ${waiting.length} still being written` : ""}`);
  const ingested = await ingestFiles(stable, {dataDir, catalog: await projectCatalog({projectDir})});
  for (const r of ingested) {
    logger.log(`ingest: ${r.status} ${basename(r.path)}`);
    await rename(r.path, join(inbox, "processed", `${r.sha256.slice(0, 12)}-${basename(r.path)}`));
  }
  const manifest = ingested.some((r) => r.status === "accepted") ? await buildSite({projectDir, dataDir, output, logger, onStage}) : null;
  if (manifest) logger.log(`build: ${manifest.stages.filter((s) => s.ran).length} of ${manifest.stages.length} stages ran; data as of ${manifest.as_of}`);
  return {ingested, waiting, manifest};
}

/** The inbox's files (not hidden, not folders), split by whether their size held still for `settleMs`. */
async function settledFiles(inbox: string, settleMs: number): Promise<{stable: string[]; waiting: string[]}> {
  const list = async () => {
    if (!existsSync(inbox)) return new Map<string, number>();
    const entries = (await readdir(inbox, {withFileTypes: true})).filter((e) => e.isFile() && !e.name.startsWith("."));
    return new Map(await Promise.all(entries.map(async (e) => [join(inbox, e.name), (await stat(join(inbox, e.name))).size] as const)));
  };
  const before = await list();
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const after = await list();
  const stable = [...after].filter(([path, size]) => before.get(path) === size && size > 0).map(([path]) => path).sort();
  const waiting = [...after.keys()].filter((p) => !stable.includes(p));
  return {stable, waiting};
}
