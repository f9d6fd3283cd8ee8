import {
  type Allocation,
  type ChangeRow,
  type GapRow,
  type UnitTree,
  changesBetween,
  gapsByMonth
} from "../gaps/index.js";
import {addMonths} from "../core/index.js";
import type {Observation} from "../intake/index.js";
import type {Unit} from "../project/index.js";
import type {Target} from "../targets/index.js";
import type {Office, TargetOwner} from "../tasks/index.js";

/**
 * A gaps row as the site carries it: `sources` as [file index, row] pairs into `files`; the target's
 * kind and its lead office (`owner`, a code, `owner_name` and `owner_short_name`; null when no one is named).
 */
export type SiteGapRow = Omit<GapRow, "sources"> & {
  sources: [number, number][];
  kind: string | null;
  owner: string | null;
  owner_name: string | null;
  /** The office's short name (基教处), for tables. */
  owner_short_name: string | null;
};

/** What the site's pages read: the gaps as of the latest month, with the files they come from. */
export interface SiteGaps {
  as_of: string;
  /** The source files, in first-use order: name, sha256, and each row's note (text, never markup). */
  files: {file: string; sha256: string}[];
  rows: SiteGapRow[];
  /** The senders' notes on source rows, by `fileIndex:row`: text to show as text. */
  notes: Record<string, string>;
  units: {code: string; name: string; short_name: string; kind: string}[];
  /** The month 较上月 compares with (the month before `as_of`), or null. */
  previous_as_of: string | null;
  /** Per target × unit, the change since `previous_as_of` (see {@link siteChangesFrom}). */
  changes: SiteChange[];
}

/** A change as the site carries it: the key, the earlier actual and status, the actual's change, and what changed. */
export type SiteChange = Pick<
  ChangeRow,
  "target_id" | "unit_code" | "actual_from" | "status_from" | "actual_change" | "changes"
>;

/**
 * What changed for each target × unit since the month before `asOf` (本期变化, 较上月): every row of
 * {@link changesBetween}, trimmed to what pages show. None without `asOf` or data before it.
 */
export function siteChangesFrom({
  targets,
  observations,
  units = [],
  allocations,
  asOf
}: {
  targets: readonly Target[];
  observations: readonly Observation[];
  units?: UnitTree;
  allocations: readonly Allocation[];
  asOf: string | undefined;
}): SiteChange[] {
  if (!asOf) return [];
  const from = addMonths(asOf, -1);
  if (!observations.some((o) => o.period <= from)) return [];
  return changesBetween({targets, observations, units, allocations, from, to: asOf}).map(
    ({target_id, unit_code, actual_from, status_from, actual_change, changes}) => ({
      target_id,
      unit_code,
      actual_from: round(actual_from),
      status_from,
      actual_change: round(actual_change),
      changes
    })
  );
}

/**
 * The gaps table for the site, with provenance compacted: each row's sources become [file index,
 * row] pairs into one list of files, and the senders' notes a map beside them.
 */
export function siteGapsFrom({
  rows,
  units,
  changes = [],
  targets = [],
  owners = [],
  offices = []
}: {
  rows: readonly GapRow[];
  units: readonly Unit[];
  changes?: readonly SiteChange[];
  targets?: readonly Pick<Target, "id" | "kind">[];
  /** Each target's lead office (from `projectTasks`). */
  owners?: readonly Pick<TargetOwner, "target_id" | "owner">[];
  offices?: readonly Pick<Office, "code" | "name" | "short_name">[];
}): SiteGaps {
  const kinds = new Map(targets.map((t) => [t.id, t.kind]));
  const ownerOf = new Map(owners.map((o) => [o.target_id, o.owner]));
  const officeOf = new Map(offices.map((o) => [o.code, o]));
  const files: SiteGaps["files"] = [];
  const index = new Map<string, number>();
  const fileIndex = (file: string, sha256: string) => {
    let i = index.get(sha256);
    if (i === undefined) {
      i = files.push({file, sha256}) - 1;
      index.set(sha256, i);
    }
    return i;
  };
  const notes: Record<string, string> = {};
  const compact = (s: GapRow["sources"][number]): [number, number] => {
    const i = fileIndex(s.file, s.file_sha256);
    if (s.note) notes[`${i}:${s.row}`] = s.note;
    return [i, s.row];
  };
  const ownerFields = (code: string | null) => {
    const office = code === null ? undefined : officeOf.get(code);
    return {
      owner: code,
      owner_name: office?.name ?? code,
      owner_short_name: office?.short_name || office?.name || code
    };
  };
  return {
    as_of: rows[0]?.as_of ?? "",
    files,
    rows: rows.map(({sources, ...row}) => ({
      ...row,
      kind: kinds.get(row.target_id) ?? null,
      ...ownerFields(ownerOf.get(row.target_id) ?? null),
      sources: sources.map(compact)
    })),
    notes,
    units: units.map(({code, name, short_name, kind}) => ({code, name, short_name, kind})),
    previous_as_of: rows[0]?.as_of && changes.length ? addMonths(rows[0].as_of, -1) : null,
    changes: [...changes]
  };
}

/** One point of a target's path: its actual and expected value, city-wide or for a unit, as of a month. */
export interface HistoryPoint {
  target_id: string;
  unit_code: string;
  as_of: string;
  actual: number | null;
  expected: number | null;
  target: number | null;
  status: GapRow["status"];
}

/**
 * The gaps as of every month from the first with data through the latest: each target's trend,
 * city-wide and per unit, for the charts.
 */
export function siteHistoryFrom({
  targets,
  observations,
  units = [],
  allocations
}: {
  targets: readonly Target[];
  observations: readonly Observation[];
  units?: UnitTree;
  allocations: readonly Allocation[];
}): HistoryPoint[] {
  const periods = [...new Set(observations.filter((o) => o.superseded_by === null).map((o) => o.period))].sort();
  const points: HistoryPoint[] = [];
  for (const rows of gapsByMonth({targets, observations, units, allocations, months: periods})) {
    for (const r of rows) {
      points.push({
        target_id: r.target_id,
        unit_code: r.unit_code,
        as_of: r.as_of,
        actual: round(r.actual),
        expected: round(r.expected),
        target: r.target,
        status: r.status
      });
    }
  }
  return points;
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);
