import {existsSync} from "node:fs";
import {mkdir, open, readdir, rename, rm, stat} from "node:fs/promises";
import {basename, dirname, join} from "node:path";
import {withLock} from "../run/lock.js";
import type {Catalog} from "./catalog.js";
import {dataPaths} from "./dataPaths.js";
import {type Finding, formatFinding, rejects} from "./findings.js";
import {type Inspection, inspectFile} from "./inspectFile.js";
import {type LedgerEntry, type Report, appendLedger, readLedger, repairLedger} from "./ledger.js";
import {readObservations} from "./observations.js";
import type {PriorValue} from "./validateGrid.js";
import {readProgress} from "../tasks/readProgress.js";
import type {PriorProgress} from "../tasks/validateProgress.js";

/** What became of one file: newly accepted or rejected, or already known by its bytes. */
export interface IngestResult {
  path: string;
  sha256: string;
  status: "accepted" | "rejected" | "known";
  findings: Finding[];
}

/**
 * Ingests files (folders are read for their files, in name order): each is validated against the
 * data already accepted; an accepted file is archived unchanged as `archive/<sha256>`, a rejected one
 * copied to `rejected/` with a readable report; then one ledger line records it. Every write goes
 * to a temporary name and is renamed into place, and the ledger line comes last, so a run killed at
 * any moment leaves each file ingested or not at all, and a rerun completes the job. Bytes already
 * in the ledger are not ingested again.
 *
 * Options: `dataDir`; `catalog`; `clock(path)`, the submission time of each file (default: now);
 * `maxBytes`, `sheet` as for {@link inspectFile}.
 */
export async function ingestFiles(
  inputs: readonly string[],
  {dataDir, catalog, clock = () => new Date(), maxBytes, sheet}: {dataDir: string; catalog: Catalog; clock?: (path: string) => Date; maxBytes?: number; sheet?: string}
): Promise<IngestResult[]> {
  const paths = dataPaths(dataDir);
  await mkdir(paths.root, {recursive: true});
  return withLock(paths.lock, async () => {
    for (const dir of [paths.archive, paths.reports, paths.rejected]) await mkdir(dir, {recursive: true});
    await repairLedger(paths.ledger);
    await removeTemporaries([paths.archive, paths.reports, paths.rejected]);
    const known = new Map((await readLedger(paths.ledger)).map((e) => [e.sha256, e]));
    const history: PriorValue[] = (await readObservations({dataDir})).filter((o) => o.superseded_by === null && o.value !== null) as PriorValue[];
    const progressHistory: PriorProgress[] = (await readProgress({dataDir})).filter((p) => p.superseded_by === null);
    const results: IngestResult[] = [];
    for (const path of await expandInputs(inputs)) {
      const now = clock(path);
      const inspection = await inspectFile(path, {catalog, now, history, progressHistory, maxBytes, sheet});
      const previous = known.get(inspection.sha256);
      if (previous) {
        results.push({path, sha256: inspection.sha256, status: previous.status === "accepted" ? "known" : "rejected", findings: inspection.findings});
        continue;
      }
      const entry = ledgerEntry(inspection, now);
      if (entry.status === "accepted") {
        await writeAtomic(join(paths.archive, inspection.sha256), inspection.content!);
      } else {
        const copy = join(paths.rejected, `${inspection.sha256.slice(0, 16)}-${inspection.name}`);
        if (inspection.content) await writeAtomic(copy, inspection.content);
        await writeAtomic(`${copy}.report.txt`, Buffer.from(rejectionReport(inspection)));
      }
      const report: Report = {entry, findings: inspection.findings, rows: entry.status === "accepted" ? inspection.rows : []};
      if (inspection.progress) report.progress = entry.status === "accepted" ? inspection.progress : [];
      await writeAtomic(join(paths.reports, `${inspection.sha256}.json`), Buffer.from(JSON.stringify(report)));
      await appendLedger(paths.ledger, entry);
      known.set(entry.sha256, entry);
      if (entry.status === "accepted") for (const r of inspection.rows) if (r.value !== null) history.push({...r, value: r.value});
      if (entry.status === "accepted") progressHistory.push(...(inspection.progress ?? []));
      results.push({path, sha256: inspection.sha256, status: entry.status, findings: inspection.findings});
    }
    return results;
  });
}

/** Files named, and the files inside folders named (not hidden ones), in name order. */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if ((await stat(input)).isDirectory()) {
      const entries = await readdir(input, {withFileTypes: true});
      for (const e of entries.filter((e) => e.isFile() && !e.name.startsWith(".")).sort((a, b) => (a.name < b.name ? -1 : 1))) files.push(join(input, e.name));
    } else {
      files.push(input);
    }
  }
  return files;
}

function ledgerEntry(inspection: Inspection, now: Date): LedgerEntry {
  const {findings} = inspection;
  const rows: {unit_code: string; period: string}[] = inspection.progress ?? inspection.rows;
  return {
    sha256: inspection.sha256,
    file: inspection.name,
    status: rejects(findings) ? "rejected" : "accepted",
    units: [...new Set(rows.map((r) => r.unit_code))].sort(),
    periods: [...new Set(rows.map((r) => r.period))].sort(),
    ingested_at: now.toISOString(),
    bytes: inspection.bytes,
    encoding: inspection.grid?.encoding ?? null,
    form: inspection.form,
    rows_read: Math.max(0, (inspection.grid?.rows.length ?? 1) - 1),
    rows_accepted: rejects(findings) ? 0 : rows.length,
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length
  };
}

/** A rejected file's report, in Chinese, one finding a line as `planwatch validate` prints them. */
export function rejectionReport(inspection: Pick<Inspection, "name" | "sha256" | "findings">): string {
  const errors = inspection.findings.filter((f) => f.severity === "error").length;
  return [`文件 ${inspection.name} 未被接收:${errors} 个错误。`, `sha256 ${inspection.sha256}`, "", ...inspection.findings.map(formatFinding), ""].join("\n");
}

/** Writes to a temporary name in the same folder, flushes, and renames into place. */
async function writeAtomic(path: string, content: Buffer): Promise<void> {
  const tmp = join(dirname(path), `.tmp-${process.pid}-${basename(path)}`);
  const handle = await open(tmp, "w");
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
}

/** Removes what a killed run left half-written. */
async function removeTemporaries(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of await readdir(dir)) if (name.startsWith(".tmp-")) await rm(join(dir, name), {force: true});
  }
}

