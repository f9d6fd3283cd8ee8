import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {addMonths, dayStart, isMonth, monthRange, periodInName} from "../core/index.js";
import {projectPaths, readUnits} from "../project/index.js";
import {dataPaths} from "../intake/index.js";
import {type Finding, finding, type LedgerEntry, type Report, readLedger} from "../intake/index.js";

/** How many of one file's findings the quality page lists; its report on disk keeps them all. */
export const MAX_FINDINGS_PER_FILE = 200;

/** One unit × month of the submission record. */
export interface SubmissionCell {
  unit_code: string;
  period: string;
  /** on_time: accepted by the due day; overdue: accepted after it; rejected: only rejected files; missing: nothing. */
  state: "on_time" | "overdue" | "rejected" | "missing";
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
  /** Files whose findings were cut at the cap: how many are shown of how many. */
  omitted: {file: string; sha256: string; shown: number; total: number}[];
  /** The last failed builds (`.planwatch/failures.jsonl`), newest first: the site kept serving the one before. */
  failures: {at: string; reason: string}[];
}

/**
 * The submission record of the project's data folder from its first month through `asOf` (default:
 * the latest month any file states): per unit and month, whether it came on time (by `dueDay` of
 * the next month, default 10, Hangzhou time), overdue, rejected or not at all, and revised; plus the
 * ledger and every finding of every file. A rejected file is placed by the units and months its
 * readable rows state, else by its file name. Each file's findings are listed up to
 * `maxFindingsPerFile` (default {@link MAX_FINDINGS_PER_FILE}), then one `more_findings` says how
 * many more its report on disk holds (`omitted` lists those files).
 */
export async function qualityData({
  projectDir,
  dataDir,
  dueDay = 10,
  maxFindingsPerFile = MAX_FINDINGS_PER_FILE
}: {projectDir?: string; dataDir?: string; dueDay?: number; maxFindingsPerFile?: number} = {}): Promise<QualityData> {
  const paths = projectPaths(projectDir);
  const data = dataPaths(dataDir ?? paths.data);
  const [units, ledger] = await Promise.all([readUnits(paths.units, paths.unitOptions), readLedger(data.ledger)]);
  const findings: Finding[] = [];
  const omitted: {file: string; sha256: string; shown: number; total: number}[] = [];
  const placed: {entry: LedgerEntry; units: string[]; periods: string[]}[] = [];
  for (const entry of ledger) {
    const report = JSON.parse(await readFile(join(data.reports, `${entry.sha256}.json`), "utf8")) as Report;
    const shown = Math.min(report.findings.length, maxFindingsPerFile);
    for (let i = 0; i < shown; i++) findings.push(report.findings[i]!); // no spreading: a file may have 300,000
    if (shown < report.findings.length) {
      const rest = report.findings.length - shown;
      omitted.push({file: entry.file, sha256: entry.sha256, shown, total: report.findings.length});
      findings.push(
        finding(
          "more_findings",
          entry.file,
          0,
          "",
          `此文件另有 ${rest} 条问题未在此列出(共 ${report.findings.length} 条);全部见数据文件夹 reports/${entry.sha256}.json`
        )
      );
    }
    const byName = units.filter((u) => entry.file.includes(u.name)).map((u) => u.code);
    const period = periodInName(entry.file);
    placed.push({
      entry,
      units: entry.units.length ? entry.units : byName,
      periods: entry.periods.length ? entry.periods : period ? [period] : []
    });
  }
  const all = placed
    .flatMap((p) => p.periods)
    .filter(isMonth)
    .sort();
  const months = all.length ? monthRange(all[0]!, all.at(-1)!) : [];
  const cells: SubmissionCell[] = [];
  // A unit with units below it that sent no file of its own (a province's city) is not expected to:
  // its figures are its units' sums, so it has no months missed.
  const parents = new Set(units.map((u) => u.parent));
  for (const unit of units) {
    if (parents.has(unit.code) && !placed.some((p) => p.units.includes(unit.code))) continue;
    for (const period of months) {
      const here = placed.filter((p) => p.units.includes(unit.code) && p.periods.includes(period));
      const accepted = here.filter((p) => p.entry.status === "accepted");
      const rejected = here.length - accepted.length;
      const first = accepted[0]?.entry.ingested_at ?? null;
      const state = first
        ? first <= dueInstant(period, dueDay)
          ? "on_time"
          : "overdue"
        : rejected
          ? "rejected"
          : "missing";
      cells.push({
        unit_code: unit.code,
        period,
        state,
        revised: accepted.length > 1,
        accepted: accepted.length,
        rejected,
        first_at: first
      });
    }
  }
  const failuresFile = join(paths.root, ".planwatch", "failures.jsonl");
  const failures = existsSync(failuresFile)
    ? (await readFile(failuresFile, "utf8"))
        .split("\n")
        .filter(Boolean)
        .slice(-5)
        .reverse()
        .map((l) => {
          const {at, reason} = JSON.parse(l) as {at: string; reason: string};
          return {at, reason};
        })
    : [];
  return {
    due_day: dueDay,
    months,
    failures,
    omitted,
    cells: cells.filter(
      (c) => c.accepted || c.rejected || units.find((u) => u.code === c.unit_code)!.kind !== "bureau"
    ),
    ledger,
    findings
  };
}

/** The end of the due day (24:00 Hangzhou time) of the month after `period`, as an ISO instant. */
function dueInstant(period: string, dueDay: number): string {
  return dayStart(addMonths(period, 1), dueDay + 1).toISOString();
}
