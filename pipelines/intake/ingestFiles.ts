import {type Stats, existsSync} from "node:fs";
import {lstat, open, readdir, rename, rm} from "node:fs/promises";
import {basename, dirname, join} from "node:path";
import {PlanwatchError, ioError, ioReason, makeDirs, withLock} from "../core/index.js";
import type {Catalog} from "./catalog.js";
import {dataPaths} from "./dataPaths.js";
import {type Finding, finding, formatFinding, rejects} from "./findings.js";
import {type Inspection, inspectFile} from "./inspectFile.js";
import {type LedgerEntry, type Report, appendLedger, readLedger, repairLedger} from "./ledger.js";
import {readObservations} from "./observations.js";
import {storedName} from "./storedName.js";
import type {PriorValue} from "./validateGrid.js";
import {readProgress} from "./readProgress.js";
import type {PriorProgress} from "../tasks/index.js";

/** What became of one file: newly accepted or rejected, already known by its bytes, not ingested
 * (`failed`: refused by its type, unreadable, changed while read, not stored; nothing recorded), or a
 * folder inside a folder named (`skipped`, said but not an error). */
export interface IngestResult {
  path: string;
  /** "" when the file's bytes were never read. */
  sha256: string;
  status: "accepted" | "rejected" | "known" | "failed" | "skipped";
  findings: Finding[];
}

/** What identifies a file's state: it is taken only while these hold still. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** One path to read, with what `lstat` said of it, or the finding that refuses it unopened. */
export interface Input {
  path: string;
  stamp: FileStamp | null;
  refused: Finding | null;
  /** A folder found inside a folder named: said, not an error. */
  folder: boolean;
}

/** A name with one of these is a correction: it follows a file of the same time. */
const CORRECTION = /更正|修正|更新/;

/**
 * Ingests files (folders are read for their files): each is validated against the data already
 * accepted; an accepted file is archived unchanged as `archive/<sha256>`, a rejected one copied to
 * `rejected/` (under {@link storedName}) with a readable report; then one ledger line records it.
 * Every write goes to a temporary name and is renamed into place, and the ledger line comes last, so
 * a run killed at any moment leaves each file ingested or not at all, and a rerun completes the job.
 * Bytes already in the ledger are not ingested again.
 *
 * A batch is taken in the order of the files' times (`clock`, else their modification time, to the
 * second), a correction (更正/修正/更新 in its name) after a file of the same time, then as listed,
 * so a correction supersedes its original. One file never stops the batch: anything not a regular
 * file (folder, FIFO, socket, device, symbolic link — never followed) is refused unopened
 * (`not_a_file`); a file that changed while it was read, or since `settled` said it held still, is
 * left (`file_changed`); any error reading or storing it becomes its finding `io_error`; and the
 * batch goes on. An error in the project's own inputs (`invalid_responsibilities`…, found when a file
 * first needs them) is thrown as it is, once, and the files not yet taken are left as they are.
 *
 * Options: `dataDir`; `catalog`; `clock(path)`, the submission time of each file (default: now);
 * `settled`, the state each file was seen settled in (by {@link processInbox}); `maxBytes`, `sheet`
 * as for {@link inspectFile}.
 */
export async function ingestFiles(
  inputs: readonly string[],
  {
    dataDir,
    catalog,
    clock,
    settled,
    maxBytes,
    sheet
  }: {
    dataDir: string;
    catalog: Catalog;
    clock?: (path: string) => Date;
    settled?: ReadonlyMap<string, FileStamp>;
    maxBytes?: number;
    sheet?: string;
  }
): Promise<IngestResult[]> {
  const paths = dataPaths(dataDir);
  await makeDirs(paths.root).catch((error) => {
    throw ioError(error, `无法创建数据文件夹 ${paths.root}`);
  });
  const started = new Date();
  const timeOf = clock ?? (() => started);
  return withLock(paths.lock, async () => {
    for (const dir of [paths.archive, paths.reports, paths.rejected])
      await makeDirs(dir).catch((error) => Promise.reject(ioError(error, `无法创建文件夹 ${dir}`)));
    await repairLedger(paths.ledger);
    await removeTemporaries([paths.archive, paths.reports, paths.rejected]);
    const known = new Map((await readLedger(paths.ledger)).map((e) => [e.sha256, e]));
    const history: PriorValue[] = (await readObservations({dataDir})).filter(
      (o) => o.superseded_by === null && o.value !== null
    ) as PriorValue[];
    const progressHistory: PriorProgress[] = (await readProgress({dataDir})).filter((p) => p.superseded_by === null);
    const results: IngestResult[] = [];
    for (const input of batchOrder(await expandInputs(inputs), clock)) {
      const {path} = input;
      if (input.refused) {
        results.push({path, sha256: "", status: input.folder ? "skipped" : "failed", findings: [input.refused]});
        continue;
      }
      let sha256 = "";
      try {
        const now = timeOf(path);
        const seen = settled?.get(path) ?? input.stamp!;
        const inspection = await inspectFile(path, {catalog, now, history, progressHistory, maxBytes, sheet});
        sha256 = inspection.sha256;
        const after = await lstat(path);
        if (!after.isFile() || !sameStamp(stampOf(after), seen) || inspection.bytes !== seen.size) {
          results.push({path, sha256: "", status: "failed", findings: [changedFinding(inspection.name)]});
          continue;
        }
        const previous = known.get(inspection.sha256);
        if (previous) {
          results.push({
            path,
            sha256,
            status: previous.status === "accepted" ? "known" : "rejected",
            findings: inspection.findings
          });
          continue;
        }
        const entry = ledgerEntry(inspection, now);
        if (entry.status === "accepted") {
          await writeAtomic(join(paths.archive, inspection.sha256), inspection.content!);
        } else {
          const copy = join(paths.rejected, storedName(inspection.sha256.slice(0, 16), inspection.name));
          if (inspection.content) await writeAtomic(copy, inspection.content);
          await writeAtomic(`${copy}.report.txt`, Buffer.from(rejectionReport(inspection)));
        }
        const report: Report = {
          entry,
          findings: inspection.findings,
          rows: entry.status === "accepted" ? inspection.rows : []
        };
        if (inspection.progress) report.progress = entry.status === "accepted" ? inspection.progress : [];
        await writeAtomic(join(paths.reports, `${inspection.sha256}.json`), Buffer.from(JSON.stringify(report)));
        await appendLedger(paths.ledger, entry);
        known.set(entry.sha256, entry);
        if (entry.status === "accepted")
          for (const r of inspection.rows) if (r.value !== null) history.push({...r, value: r.value});
        if (entry.status === "accepted") progressHistory.push(...(inspection.progress ?? []));
        results.push({path, sha256, status: entry.status, findings: inspection.findings});
      } catch (error) {
        await repairLedger(paths.ledger).catch(() => {}); // a line cut short (disk full) must not join the next
        // A project input found wrong while checking this file (a bad responsibilities.csv, read for the
        // first progress report) is the project's error, said once against its own file: it stops the
        // batch, and the files left wait for the project to be fixed.
        if (error instanceof PlanwatchError && error.code !== "io_error") throw error;
        results.push({
          path,
          sha256,
          status: "failed",
          findings: [
            finding(
              "io_error",
              basename(path),
              0,
              "",
              `无法读取或保存此文件:${ioReason(error)};未入库,其他文件照常处理`
            )
          ]
        });
      }
    }
    return results;
  });
}

/**
 * The paths named, and the entries of folders named (not hidden ones, in name order), each with its
 * `lstat`; what is not a regular file is refused by its type before anything opens it.
 */
export async function expandInputs(inputs: readonly string[]): Promise<Input[]> {
  const listed: Input[] = [];
  for (const path of inputs) {
    const info = await lstat(path).catch((error: unknown) => error as Error);
    if (info instanceof Error) {
      listed.push({
        path,
        stamp: null,
        folder: false,
        refused: finding("io_error", basename(path), 0, "", `无法读取:${ioReason(info)}`)
      });
    } else if (info.isDirectory()) {
      const names = (await readdir(path))
        .filter((n) => !n.startsWith("."))
        .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      for (const name of names) {
        const entry = join(path, name);
        const inner = await lstat(entry).catch((error: unknown) => error as Error);
        if (inner instanceof Error)
          listed.push({
            path: entry,
            stamp: null,
            folder: false,
            refused: finding("io_error", name, 0, "", `无法读取:${ioReason(inner)}`)
          });
        else listed.push(typed(entry, inner, true));
      }
    } else {
      listed.push(typed(path, info, false));
    }
  }
  return listed;
}

/** A path as its `lstat` says: a regular file to read, or refused with `not_a_file`. */
function typed(path: string, info: Stats, inFolder: boolean): Input {
  const name = basename(path);
  if (info.isFile()) return {path, stamp: stampOf(info), refused: null, folder: false};
  const what = info.isDirectory()
    ? "是文件夹(文件夹中的文件夹不读取)"
    : info.isSymbolicLink()
      ? "是符号链接(不跟随链接读取,以免把别处的文件收入)"
      : info.isFIFO()
        ? "是命名管道(FIFO)"
        : info.isSocket()
          ? "是套接字"
          : "是设备文件";
  return {
    path,
    stamp: null,
    folder: inFolder && info.isDirectory(),
    refused: finding("not_a_file", name, 0, "", `不是普通文件:${what},未读取`)
  };
}

/** The batch in the order it must be taken: by time (to the second), a correction last of its time, then as listed. */
function batchOrder(inputs: Input[], clock: ((path: string) => Date) | undefined): Input[] {
  const key = inputs.map((input, index) => {
    const time = clock && !input.refused ? clock(input.path).getTime() : (input.stamp?.mtimeMs ?? 0);
    return {input, index, second: Math.floor(time / 1000), correction: CORRECTION.test(basename(input.path)) ? 1 : 0};
  });
  key.sort((a, b) => a.second - b.second || a.correction - b.correction || a.index - b.index);
  return key.map((k) => k.input);
}

/** What identifies a file's state. */
export function stampOf(info: Stats): FileStamp {
  return {size: info.size, mtimeMs: info.mtimeMs, ino: info.ino};
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
}

function changedFinding(name: string): Finding {
  return finding("file_changed", name, 0, "", "读取时文件仍在变化(大小或修改时间变了,可能仍在上传):未入库,稍后再处理");
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
  return [
    `文件 ${inspection.name} 未被接收:${errors} 个错误。`,
    `sha256 ${inspection.sha256}`,
    "",
    ...inspection.findings.map(formatFinding),
    ""
  ].join("\n");
}

/** Writes to a temporary name in the same folder, flushes, and renames into place. */
async function writeAtomic(path: string, content: Buffer): Promise<void> {
  const tmp = join(dirname(path), `.tmp-${process.pid}-${basename(path)}`);
  try {
    const handle = await open(tmp, "w");
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, {force: true}).catch(() => {}); // a disk that filled up gets its space back
    throw error;
  }
}

/** Removes what a killed run left half-written. */
async function removeTemporaries(dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of await readdir(dir)) if (name.startsWith(".tmp-")) await rm(join(dir, name), {force: true});
  }
}
