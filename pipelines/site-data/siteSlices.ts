import {STATUSES, type Status} from "../gaps/index.js";
import {compareMonths, latestMonth, targetSlug} from "../core/index.js";
import type {Target} from "../targets/index.js";
import type {QualityData, SubmissionCell} from "./quality.js";
import type {HistoryPoint, SiteChange, SiteGapRow, SiteGaps} from "./siteData.js";

// Each page loads only its own rows: a unit's page its unit's slice, a target's page its target's, the
// overview and the pages about targets (sections, offices, 民生实事) the city's. What one page loads
// does not grow with the number of other units. Every slice is made from the whole tables in one pass,
// once per build (the stage of `src/data/units/[unit].json.ts` writes every unit's file at once).

/** A gaps row without its sources (the pages that show provenance take them from their own slice). */
export type BareRow = Omit<SiteGapRow, "sources">;

/** What every slice shares with the site's gaps: the month, the month before, and the names of the units it names. */
interface SliceBase {
  as_of: string;
  previous_as_of: string | null;
  units: SiteGaps["units"];
  changes: SiteChange[];
}

/** A unit's page: its rows (with their rank among units), its changes, its submission record, the targets it names. */
export interface UnitSlice extends SliceBase {
  rows: BareRow[];
  /** Per target id, the unit's rank among the units of the same parent with a value (`3/13`). */
  ranks: Record<string, string>;
  /** The rows of the units directly below this one (a unit tree's children; empty for a unit without). */
  child_rows: BareRow[];
  targets: Target[];
  quality: {due_day: number; months: string[]; cells: SubmissionCell[]};
}

/** How the units below a top unit stand on one target: how many, and how many of them lag. */
export interface BelowCounts {
  units: number;
  off_track: number;
  at_risk: number;
}

/**
 * A target's page: the target, its city row with its sources, the rows of the units at the top of the
 * tree (every unit of a flat project), its city-wide history. A unit below another is counted on its
 * top unit's row (`below`) and shown on that unit's page, so the page does not grow with the tree.
 */
export interface TargetSlice extends SliceBase {
  target: Target;
  /** The source files of the city row, in first-use order, with the senders' notes (`fileIndex:row`). */
  files: SiteGaps["files"];
  notes: Record<string, string>;
  /** The city row first (with `sources`), then each top unit's, without theirs, with what stands below it (null: nothing). */
  rows: (SiteGapRow | (BareRow & {below: BelowCounts | null}))[];
  history: HistoryPoint[];
}

/** What the pages about city-wide standings read (sections, offices, 民生实事): the city's rows, changes and history. */
export interface CitySlice extends SliceBase {
  rows: BareRow[];
  /** Each target's city-wide path, month by month. */
  history: HistoryPoint[];
}

/**
 * The overview: the city's rows and changes, how many units reported this month, the last file's time,
 * and each unit's statuses in a compact form: `cells` holds one character per target (in `target_ids`
 * order): `.` for none, else the status's index in `statuses`; the cell's month is the unit's `period`
 * unless `periods` (by target index) says otherwise.
 */
export interface OverviewSlice extends Omit<CitySlice, "history"> {
  statuses: readonly Status[];
  target_ids: string[];
  submitted: {units: number; reported: number};
  /**
   * The units below the top whose latest data is older than `as_of` (a county silent this month), which the
   * units' table, listing the top only, does not show: how many, and the first {@link LATE_BELOW_NAMED}
   * of them, oldest first, with the unit they belong to.
   */
  late_below: {count: number; units: {code: string; name: string; parent_name: string; period: string}[]};
  last_ingest: string;
  units: (SiteGaps["units"][number] & {
    period: string | null;
    cells: string;
    periods: Record<number, string | null>;
  })[];
}

/** How many of the late units below the top the overview names (the rest it counts). */
export const LATE_BELOW_NAMED = 10;

const bare = ({sources: _sources, ...row}: SiteGapRow): BareRow => row;
const base = (gaps: SiteGaps, changes: SiteChange[], units: SiteGaps["units"] = []): SliceBase => ({
  as_of: gaps.as_of,
  previous_as_of: gaps.previous_as_of,
  units,
  changes
});

/** Groups `items` by `key`, keeping their order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Every unit's slice, by unit code: one pass over the gaps and the submission record. */
export function unitSlices({
  gaps,
  quality,
  targets
}: {
  gaps: SiteGaps;
  quality: Pick<QualityData, "due_day" | "months" | "cells">;
  targets: readonly Target[];
}): Map<string, UnitSlice> {
  const byId = new Map(targets.map((t) => [t.id, t]));
  const unitRows = gaps.rows.filter((r) => r.unit_code !== "city");
  const rowsOf = groupBy(unitRows, (r) => r.unit_code);
  const changesOf = groupBy(gaps.changes, (c) => c.unit_code);
  const cellsOf = groupBy(quality.cells, (c) => c.unit_code);
  const parentOf = (r: SiteGapRow) => r.parent_code ?? "city";
  const childRowsOf = groupBy(unitRows, parentOf);
  // Each unit's children in the units' order, found once (a unit's parent is on each of its rows).
  const childrenOf = groupBy(
    gaps.units.filter((u) => rowsOf.has(u.code)),
    (u) => parentOf(rowsOf.get(u.code)![0]!)
  );
  // A unit's rank on a target: among the units of the same parent with a value, by 完成率, else share,
  // else actual (the page's order).
  const ranks = new Map<string, string>();
  const key = (r: SiteGapRow) => r.attainment ?? r.share ?? r.actual ?? -Infinity;
  for (const peers of groupBy(unitRows, (r) => `${r.target_id}|${parentOf(r)}`).values()) {
    const ranked = peers.filter((r) => r.actual !== null).sort((a, b) => key(b) - key(a));
    ranked.forEach((r, i) => ranks.set(`${r.target_id}|${r.unit_code}`, `${i + 1}/${ranked.length}`));
  }
  const slices = new Map<string, UnitSlice>();
  for (const unit of gaps.units) {
    const rows = rowsOf.get(unit.code) ?? [];
    slices.set(unit.code, {
      ...base(gaps, changesOf.get(unit.code) ?? [], [unit, ...(childrenOf.get(unit.code) ?? [])]),
      rows: rows.map(bare),
      child_rows: (childRowsOf.get(unit.code) ?? []).map(bare),
      ranks: Object.fromEntries(rows.map((r) => [r.target_id, ranks.get(`${r.target_id}|${unit.code}`) ?? "—"])),
      targets: [...new Set(rows.map((r) => r.target_id))].flatMap((id) => byId.get(id) ?? []),
      quality: {due_day: quality.due_day, months: quality.months, cells: cellsOf.get(unit.code) ?? []}
    });
  }
  return slices;
}

/** Every target's slice, by its page's slug (6.1b → 6-1b). */
export function targetSlices({
  gaps,
  history,
  targets
}: {
  gaps: SiteGaps;
  history: readonly HistoryPoint[];
  targets: readonly Target[];
}): Map<string, TargetSlice> {
  const rowsOf = groupBy(gaps.rows, (r) => r.target_id);
  const changesOf = groupBy(gaps.changes, (c) => c.target_id);
  const pointsOf = groupBy(
    history.filter((p) => p.unit_code === "city"),
    (p) => p.target_id
  );
  const unitOf = new Map(gaps.units.map((u) => [u.code, u]));
  // Each unit's top unit (its ancestor at level 1), from the parents its rows carry.
  const parentOf = new Map(gaps.rows.map((r) => [r.unit_code, r.parent_code]));
  const topOf = (code: string): string => {
    let at = code;
    for (let parent = parentOf.get(at); parent && parent !== "city" && parentOf.has(parent); parent = parentOf.get(at))
      at = parent;
    return at;
  };
  const slices = new Map<string, TargetSlice>();
  for (const target of targets) {
    const all = rowsOf.get(target.id) ?? [];
    const below = new Map<string, BelowCounts>();
    for (const r of all) {
      if (r.level < 2) continue;
      const top = topOf(r.unit_code);
      const counts = below.get(top) ?? {units: 0, off_track: 0, at_risk: 0};
      counts.units++;
      if (r.status === "off_track") counts.off_track++;
      if (r.status === "at_risk") counts.at_risk++;
      below.set(top, counts);
    }
    const rows = all.filter((r) => r.level < 2);
    const shown = new Set(rows.map((r) => r.unit_code));
    const files: SiteGaps["files"] = [];
    const notes: Record<string, string> = {};
    const local = new Map<number, number>();
    const own = rows.map((r) => {
      if (r.unit_code !== "city") {
        return {...bare(r), below: below.get(r.unit_code) ?? null};
      }
      const sources = r.sources.map(([i, row]): [number, number] => {
        let j = local.get(i);
        if (j === undefined) local.set(i, (j = files.push(gaps.files[i]!) - 1));
        const note = gaps.notes[`${i}:${row}`];
        if (note !== undefined) notes[`${j}:${row}`] = note;
        return [j, row];
      });
      return {...r, sources};
    });
    slices.set(targetSlug(target.id), {
      ...base(
        gaps,
        (changesOf.get(target.id) ?? []).filter((c) => c.unit_code === "city" || shown.has(c.unit_code)),
        rows.flatMap((r) => unitOf.get(r.unit_code) ?? [])
      ),
      target,
      files,
      notes,
      rows: own,
      history: pointsOf.get(target.id) ?? []
    });
  }
  return slices;
}

/** The city's rows, changes and (given `history`) city-wide history, for the pages about city-wide standings. */
export function citySlice(gaps: SiteGaps, history: readonly HistoryPoint[] = []): CitySlice {
  return {
    ...base(
      gaps,
      gaps.changes.filter((c) => c.unit_code === "city")
    ),
    rows: gaps.rows.filter((r) => r.unit_code === "city").map(bare),
    history: history.filter((p) => p.unit_code === "city")
  };
}

/** The overview's data: the city's slice, the month's submissions, and each unit's statuses, compact. */
export function overviewSlice({
  gaps,
  quality
}: {
  gaps: SiteGaps;
  quality: Pick<QualityData, "cells" | "ledger">;
}): OverviewSlice {
  const {history: _history, ...city} = citySlice(gaps);
  const targetIds = city.rows.map((r) => r.target_id);
  const position = new Map(targetIds.map((id, i) => [id, i]));
  const rowsOf = groupBy(
    gaps.rows.filter((r) => r.unit_code !== "city"),
    (r) => r.unit_code
  );
  // Each unit's latest month, the one its data is as of.
  const periodOf = (code: string) => latestMonth((rowsOf.get(code) ?? []).flatMap((r) => (r.period ? [r.period] : [])));
  // The units at the top of the tree (their parent is the whole): a unit below another is on its parent's page.
  const below = new Set(gaps.rows.filter((r) => r.parent_code && r.parent_code !== "city").map((r) => r.unit_code));
  const units = gaps.units
    .filter((u) => !below.has(u.code))
    .map((u) => {
      const rows = rowsOf.get(u.code) ?? [];
      const period = periodOf(u.code);
      const cells = Array.from(targetIds, () => ".");
      const periods: Record<number, string | null> = {};
      for (const r of rows) {
        const i = position.get(r.target_id);
        if (i === undefined || r.status === "no_target") continue;
        cells[i] = String.fromCharCode(48 + STATUSES.indexOf(r.status));
        if (r.period !== period) periods[i] = r.period;
      }
      return {...u, period, cells: cells.join(""), periods};
    });
  const latest = quality.cells.filter((c) => c.period === gaps.as_of);
  const nameOf = new Map(gaps.units.map((u) => [u.code, u.name]));
  const late = gaps.units.flatMap((u) => {
    if (!below.has(u.code)) return [];
    const period = periodOf(u.code);
    if (!period || compareMonths(period, gaps.as_of) >= 0) return [];
    const parent = rowsOf.get(u.code)![0]!.parent_code!;
    return [{code: u.code, name: u.name, parent_name: nameOf.get(parent) ?? parent, period}];
  });
  late.sort((a, b) => compareMonths(a.period, b.period));
  return {
    ...city,
    statuses: STATUSES,
    target_ids: targetIds,
    submitted: {
      units: latest.length,
      reported: latest.filter((c) => c.state === "on_time" || c.state === "overdue").length
    },
    late_below: {count: late.length, units: late.slice(0, LATE_BELOW_NAMED)},
    last_ingest:
      quality.ledger
        .map((e) => e.ingested_at)
        .sort()
        .at(-1) ?? "",
    units
  };
}
