import type {Row} from "../core/index.js";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {dataPaths} from "./dataPaths.js";
import {type Report, readLedger} from "./ledger.js";
import type {Progress, ProgressRow} from "../tasks/index.js";

/** A stored report row: reports written before `progress_text` name the free text `progress`. */
type LegacyProgressRow = Omit<ProgressRow, "progress_text"> & {progress_text?: string; progress?: string};

/** The key a later progress report supersedes: task × unit × month. */
export const PROGRESS_KEY = ["task_id", "unit_code", "period"] as const;

/**
 * The progress reports of a data folder: the rows of every accepted progress file, in ledger order,
 * each marked `superseded_by` the next file in the ledger that reports the same key (a revision).
 */
export async function readProgress({dataDir}: {dataDir: string}): Promise<Progress[]> {
  const paths = dataPaths(dataDir);
  const rows: (ProgressRow & {file_sha256: string; file: string; ingested_at: string; seq: number})[] = [];
  let seq = 0;
  for (const entry of await readLedger(paths.ledger)) {
    if (entry.status !== "accepted" || entry.form !== "progress") continue;
    const report = JSON.parse(await readFile(join(paths.reports, `${entry.sha256}.json`), "utf8")) as Report;
    for (const {progress, ...r} of (report.progress ?? []) as LegacyProgressRow[])
      rows.push({
        ...r,
        progress_text: r.progress_text ?? progress ?? "",
        file_sha256: entry.sha256,
        file: entry.file,
        ingested_at: entry.ingested_at,
        seq
      });
    seq++;
  }
  if (!rows.length) return [];
  const aq = await import("arquero"); // loaded only when there is something to mark (validate of a first file skips it)
  return aq
    .from(rows)
    .groupby(...PROGRESS_KEY)
    .orderby("seq", "row")
    .derive({superseded_by: (d: Row) => aq.op.lead(d.file_sha256) ?? null})
    .ungroup()
    .orderby("seq", "row")
    .select(aq.not("seq"))
    .objects() as Progress[];
}
