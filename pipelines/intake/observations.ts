import type {Row} from "../core/index.js";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {dataPaths} from "./dataPaths.js";
import {type Report, readLedger} from "./ledger.js";
import type {SubmittedRow} from "./validateGrid.js";

/** One accepted value with its provenance (DESIGN.md, observations table). */
export interface Observation extends SubmittedRow {
  file_sha256: string;
  file: string;
  ingested_at: string;
  /** The sha256 of the later file that gives this key a new value, else null: history is kept. */
  superseded_by: string | null;
}

/** The key a later submission supersedes: unit × period × target × school. */
export const OBSERVATION_KEY = ["unit_code", "period", "target_id", "school_id"] as const;

/**
 * The observations of a data folder: the rows of every accepted file, in ledger order, each marked
 * `superseded_by` the next file in the ledger that states the same key.
 */
export async function readObservations({dataDir}: {dataDir: string}): Promise<Observation[]> {
  const paths = dataPaths(dataDir);
  const rows: (SubmittedRow & {file_sha256: string; file: string; ingested_at: string; seq: number})[] = [];
  let seq = 0;
  for (const entry of await readLedger(paths.ledger)) {
    if (entry.status !== "accepted") continue;
    const report = JSON.parse(await readFile(join(paths.reports, `${entry.sha256}.json`), "utf8")) as Report;
    for (const r of report.rows)
      rows.push({...r, file_sha256: entry.sha256, file: entry.file, ingested_at: entry.ingested_at, seq});
    seq++;
  }
  if (!rows.length) return [];
  const aq = await import("arquero"); // loaded only when there is something to mark (validate of a first file skips it)
  return aq
    .from(rows)
    .groupby(...OBSERVATION_KEY)
    .orderby("seq", "row")
    .derive({superseded_by: (d: Row) => aq.op.lead(d.file_sha256) ?? null})
    .ungroup()
    .orderby("seq", "row")
    .select(aq.not("seq"))
    .objects() as Observation[];
}
