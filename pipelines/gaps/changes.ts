import type {Row} from "../core/index.js";
import * as aq from "arquero";
import type {ColumnTable} from "arquero";
import type {Observation} from "../intake/index.js";
import type {Target} from "../targets/index.js";
import type {Allocation} from "./allocations.js";
import type {UnitTree} from "./actuals.js";
import {type GapRow, computeGaps} from "./computeGaps.js";
import {monthIndex} from "./functions.js";
import {BEHIND_STATUSES} from "./status.js";
import {tableOf} from "./tableOf.js";

/** What changed for a target × unit between two periods (a row may be several). */
export const CHANGE_KINDS = ["achieved", "behind", "reported", "revised"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One row of the changes table: a target × unit as of `from` and as of `to`. */
export interface ChangeRow {
  target_id: string;
  unit_code: string;
  indicator: string;
  measure: string;
  from: string;
  to: string;
  actual_from: number | null;
  actual_to: number | null;
  /** actual_to − actual_from; null when either is missing. */
  actual_change: number | null;
  status_from: string;
  status_to: string;
  /**
   * achieved: newly achieved; behind: newly at risk or off track (or at risk → off track); reported: an
   * actual where there was none as of `from`; revised: a later submission changed the actual of `from`
   * that was published then (a value first reported with or after the next month's is no correction).
   */
  changes: ChangeKind[];
}

/**
 * Compares two gaps tables of the same targets (`from`, `to`: {@link GapRow} rows or tables): each
 * target × unit of `to` with its actual and status as of `from` (no_data when `from` has no row),
 * the change of its actual, and what changed (`changes`, see {@link ChangeRow}). `published`
 * (optional) is `from` as readers saw it then (computed from {@link observationsAsPublished}): a row
 * whose published actual was changed since is `revised`; a row that had no published actual is not
 * (its value is new, not a correction). Pure: no I/O.
 */
export function gapChanges(
  from: ColumnTable | readonly GapRow[],
  to: ColumnTable | readonly GapRow[],
  {published}: {published?: ColumnTable | readonly GapRow[]} = {}
): ColumnTable {
  const a = asTable(from);
  const fromMonth = a.numRows() ? (a.get("as_of", 0) as string) : "";
  const key: [string[], string[]] = [
    ["target_id", "unit_code"],
    ["target_id", "unit_code"]
  ];
  const previous = a.select({
    target_id: "target_id",
    unit_code: "unit_code",
    actual: "actual_from",
    status: "status_from"
  });
  const seen =
    published === undefined
      ? null
      : asTable(published).select({target_id: "target_id", unit_code: "unit_code", actual: "actual_published"});
  const joined = asTable(to)
    .select("target_id", "unit_code", "indicator", "measure", "as_of", "actual", "status")
    .lookup(previous, key, "actual_from", "status_from");
  return (seen ? joined.lookup(seen, key, "actual_published") : joined.derive({actual_published: () => null}))
    .params({fromMonth, behind: BEHIND_STATUSES, compare: seen !== null})
    .derive({
      from: (_: Row, $: Row) => $.fromMonth,
      to: (d: Row) => d.as_of,
      actual_to: (d: Row) => d.actual,
      actual_from: (d: Row) => d.actual_from ?? null,
      actual_published: (d: Row) => d.actual_published ?? null,
      status_from: (d: Row) => d.status_from ?? "no_data",
      status_to: (d: Row) => d.status
    })
    .derive({
      actual_change: (d: Row) => (d.actual_to == null || d.actual_from == null ? null : d.actual_to - d.actual_from),
      changes: (d: Row, $: Row) =>
        aq.op.compact([
          d.status_to === "achieved" && d.status_from !== "achieved" ? "achieved" : null,
          aq.op.includes($.behind, d.status_to) &&
          (!aq.op.includes($.behind, d.status_from) || (d.status_from === "at_risk" && d.status_to === "off_track"))
            ? "behind"
            : null,
          d.actual_to != null && d.actual_from == null ? "reported" : null,
          $.compare &&
          d.actual_published != null &&
          (d.actual_from == null || aq.op.abs(d.actual_from - d.actual_published) > 1e-9)
            ? "revised"
            : null
        ])
    })
    .select(
      "target_id",
      "unit_code",
      "indicator",
      "measure",
      "from",
      "to",
      "actual_from",
      "actual_to",
      "actual_change",
      "status_from",
      "status_to",
      "changes"
    );
}

/**
 * The observations as they stood when the report of `month` was current: those ingested before the
 * first value of a later month arrived, each superseded only by a file among them. Gaps computed
 * from these are the `from` side of {@link gapChanges} as readers saw it. None when no value of
 * `month` came before a later month's (a project catching up, several months in one batch): that
 * month's report was never published on its own, so nothing of it can have been corrected.
 */
export function observationsAsPublished(observations: readonly Observation[], {month}: {month: string}): Observation[] {
  const later = observations.filter((o) => monthIndex(o.period) > monthIndex(month)).map((o) => o.ingested_at);
  if (!later.length) return [...observations];
  const cutoff = later.reduce((x, y) => (y < x ? y : x));
  const kept = observations.filter((o) => o.ingested_at < cutoff);
  if (!kept.some((o) => o.period === month)) return [];
  const files = new Set(kept.map((o) => o.file_sha256));
  return kept.map((o) => (o.superseded_by !== null && !files.has(o.superseded_by) ? {...o, superseded_by: null} : o));
}

const asTable = (t: ColumnTable | readonly GapRow[]): ColumnTable =>
  Array.isArray(t)
    ? tableOf(t as GapRow[], ["target_id", "unit_code", "indicator", "measure", "as_of", "actual", "status", "sources"])
    : (t as ColumnTable);

/**
 * The changes from `from` to `to` (months `YYYY-MM`) for a plan's targets: `from` recomputed from
 * today's observations (so that a change is a month's real change) and compared with `from` as it
 * was published (for `revised`). Rows: {@link ChangeRow}.
 */
export function changesBetween({
  targets,
  observations,
  units = [],
  allocations = [],
  from,
  to
}: {
  targets: readonly Target[];
  observations: readonly Observation[];
  units?: UnitTree;
  allocations?: readonly Allocation[];
  from: string;
  to: string;
}): ChangeRow[] {
  // Changes show no provenance: the three tables are computed without their sources.
  const before = computeGaps({targets, observations, units, allocations, asOf: from, sources: false});
  const published = computeGaps({
    targets,
    observations: observationsAsPublished(observations, {month: from}),
    units,
    allocations,
    asOf: from,
    sources: false
  });
  const after = computeGaps({targets, observations, units, allocations, asOf: to, sources: false});
  return gapChanges(before, after, {published}).objects() as unknown as ChangeRow[];
}
