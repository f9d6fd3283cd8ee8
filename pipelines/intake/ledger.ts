import {existsSync} from "node:fs";
import {appendFile, open, readFile, truncate} from "node:fs/promises";
import type {Finding} from "./findings.js";
import type {SubmittedRow} from "./validateGrid.js";
import type {ProgressRow} from "../tasks/index.js";

/** One line of the append-only ledger: a file that was ingested, accepted or rejected. */
export interface LedgerEntry {
  sha256: string;
  /** The file's name as it was sent. */
  file: string;
  status: "accepted" | "rejected";
  /** Unit codes and periods the file reports. */
  units: string[];
  periods: string[];
  /** When planwatch took it (ISO 8601); the ledger's order is the order of supersession. */
  ingested_at: string;
  bytes: number;
  encoding: string | null;
  form: "long" | "wide" | "progress" | null;
  rows_read: number;
  rows_accepted: number;
  errors: number;
  warnings: number;
}

/** What a report file (`reports/<sha256>.json`) holds: every finding and the normalized rows. */
export interface Report {
  entry: LedgerEntry;
  findings: Finding[];
  rows: SubmittedRow[];
  /** A progress report's rows (pipelines/intake/readProgress.ts reads them). */
  progress?: ProgressRow[];
}

/**
 * Reads the ledger (JSON lines). A last line without its newline (a write cut short by a kill) is
 * not part of the ledger.
 */
export async function readLedger(file: string): Promise<LedgerEntry[]> {
  if (!existsSync(file)) return [];
  const text = await readFile(file, "utf8");
  const complete = text.slice(0, text.lastIndexOf("\n") + 1);
  return complete
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LedgerEntry);
}

/** Cuts a partial last line off the ledger, so the next append starts on a line of its own. */
export async function repairLedger(file: string): Promise<void> {
  if (!existsSync(file)) return;
  const text = await readFile(file);
  const end = text.lastIndexOf(0x0a) + 1;
  if (end !== text.length) await truncate(file, end);
}

/** Appends one entry as a single write, flushed to disk before it returns. */
export async function appendLedger(file: string, entry: LedgerEntry): Promise<void> {
  await appendFile(file, JSON.stringify(entry) + "\n");
  const handle = await open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
