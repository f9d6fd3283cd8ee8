import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {addMonths, dayStart, isMonth, monthRange} from "../lib/month.js";
import {projectPaths} from "../project.js";
import {periodInName} from "../submissions/cells.js";
import {dataPaths} from "../submissions/dataPaths.js";
import type {Finding} from "../submissions/findings.js";
import {type LedgerEntry, type Report, readLedger} from "../submissions/ledger.js";
import {readUnits} from "../submissions/units.js";

/** One unit × month of the submission record. */
export interface SubmissionCell {
  unit_code: string;
  period: string;
  /** on_time: accepted by the due day; late: accepted after it; rejected: only rejected files; missing: nothing. */
  state: "on_time" | "late" | "rejected" | "missing";
  /** More than one accepted file stated this month: a revision. */
  revised: boolean;
  accepted: number;
  rejected: number;
  /** When the first accepted file came (ISO), else null. */
  first_at: string | null;
}

/** What the quality page shows: the submission matrix, the ledger, every finding. */
export interface QualityData {
  due_day: number;
  months: string[];
  cells: SubmissionCell[];
  ledger: LedgerEntry[];
  findings: Finding[];
  /** The last failed builds (`.planwatch/failures.jsonl`), newest first: the site kept serving the one before. */
  failures: {at: string; reason: string}[];
}

/**
 * The submission record of the project's data folder from its first month through `asOf` (default:
 * the latest month any file states): per unit and month, whether it came on time (by `dueDay` of
 * the next month, default 10, Hangzhou time), late, rejected or not at all, and revised; plus the
 * ledger and every finding of every file. A rejected file is placed by the units and months its
 * readable rows state, else by its file name.
 */
export async function qualityData({projectDir, dataDir, dueDay = 10}: {projectDir?: string; dataDir?: string; dueDay?: number} = {}): Promise<QualityData> {
  const paths = projectPaths(projectDir);
  const data = dataPaths(dataDir ?? paths.data);
  const [units, ledger] = await Promise.all([readUnits(paths.units), readLedger(data.ledger)]);
  const findings: Finding[] = [];
  const placed: {entry: LedgerEntry; units: string[]; periods: string[]}[] = [];
  for (const entry of ledger) {
    const report = JSON.parse(await readFile(join(data.reports, `${entry.sha256}.json`), "utf8")) as Report;
    findings.push(...report.findings);
    const byName = units.filter((u) => entry.file.includes(u.name)).map((u) => u.code);
    const period = periodInName(entry.file);
    placed.push({entry, units: entry.units.length ? entry.units : byName, periods: entry.periods.length ? entry.periods : period ? [period] : []});
  }
  const all = placed.flatMap((p) => p.periods).filter(isMonth).sort();
  const months = all.length ? monthRange(all[0]!, all.at(-1)!) : [];
  const cells: SubmissionCell[] = [];
  for (const unit of units) {
    for (const period of months) {
      const here = placed.filter((p) => p.units.includes(unit.code) && p.periods.includes(period));
      const accepted = here.filter((p) => p.entry.status === "accepted");
      const rejected = here.length - accepted.length;
      const first = accepted[0]?.entry.ingested_at ?? null;
      const state = first ? (first <= dueInstant(period, dueDay) ? "on_time" : "late") : rejected ? "rejected" : "missing";
      cells.push({unit_code: unit.code, period, state, revised: accepted.length > 1, accepted: accepted.length, rejected, first_at: first});
    }
  }
  const failuresFile = join(paths.root, ".planwatch", "failures.jsonl");
  const failures = existsSync(failuresFile)
    ? (await readFile(failuresFile, "utf8")).split("\n").filter(Boolean).slice(-5).reverse().map((l) => {
        const {at, reason} = JSON.parse(l) as {at: string; reason: string};
        return {at, reason};
      })
    : [];
  return {due_day: dueDay, months, failures, cells: cells.filter((c) => c.accepted || c.rejected || units.find((u) => u.code === c.unit_code)!.kind !== "bureau"), ledger, findings};
}

/** The end of the due day (24:00 Hangzhou time) of the month after `period`, as an ISO instant. */
function dueInstant(period: string, dueDay: number): string {
  return dayStart(addMonths(period, 1), dueDay + 1).toISOString();
}
