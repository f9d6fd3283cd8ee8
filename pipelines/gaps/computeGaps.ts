import type {Row} from "../core/index.js";
import * as aq from "arquero";
import type {ColumnTable} from "arquero";
import {GAP_COLUMNS} from "./gapColumns.js";
import {PlanwatchError, isMonth, latestMonth} from "../core/index.js";
import type {Observation} from "../intake/index.js";
import {unitPlaces} from "../project/index.js";
import type {Target} from "../targets/index.js";
import {type UnitTree, actuals} from "./actuals.js";
import type {Allocation} from "./allocations.js";
import {expected} from "./expected.js";
import {projection} from "./projection.js";
import {DEFAULT_THRESHOLDS, type Status, type Thresholds, status} from "./status.js";
import {tableOf} from "./tableOf.js";
import {timeFraction} from "./timeFraction.js";

/** One row of the gaps table (DESIGN.md): a target, city-wide or for one unit, as of a month. */
export interface GapRow {
  target_id: string;
  /** A unit's code, or `city`. */
  unit_code: string;
  /** The row this one rolls up into: the parent unit's code, `city` for a unit at the top, null for the city. */
  parent_code: string | null;
  /** 0 for the city (the whole), 1 for a unit at the top of `units.csv`, its parent's level + 1 below. */
  level: number;
  as_of: string;
  indicator: string;
  /** The unit of measure: 所, %, 百分点 … */
  measure: string;
  actual: number | null;
  target: number | null;
  expected: number | null;
  gap: number | null;
  attainment: number | null;
  progress: number | null;
  pace: number | null;
  status: Status;
  projection: number | null;
  required_rate: number | null;
  baseline: number | null;
  /** The time fraction the expectation uses (null: the target's period is unknown). */
  f: number | null;
  months_left: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The latest month of the data behind `actual`. */
  period: string | null;
  /** A unit's share of the city's actual (counts), else null. */
  share: number | null;
  /** The observations `actual` was computed from: file, sha256, row, month, and the sender's note. */
  sources: {file: string; file_sha256: string; row: number; period: string; note: string}[];
}

/** What {@link computeGaps} and {@link gapsByMonth} read. */
interface GapInputs {
  targets: readonly Target[];
  observations: readonly Observation[];
  units?: UnitTree;
  allocations?: readonly Allocation[];
  thresholds?: Thresholds;
  sources?: boolean;
}

function checkMonth(asOf: string): void {
  if (!isMonth(asOf)) throw new PlanwatchError("invalid_option", `as-of ${asOf} 不是有效月份(应为 2023-06 这样的年月)`);
}

/** Arquero's join keys for unit × target on both sides. */
const BY_UNIT_TARGET: [string[], string[]] = [
  ["unit_code", "target_id"],
  ["unit_code", "target_id"]
];

/**
 * Computes the gaps table with Arquero: for every target, the city's row and a row for every unit
 * that reports it, is above one that does, or has an allocation of it, as of `asOf` (default: the
 * latest month with data). Options: `targets` (curated), `observations`, `units` (the tree: each
 * code's `parent`; default none, every unit at the top; a parent aggregates its children, see
 * {@link actuals}), `allocations` (count targets' unit shares, at any level; a unit without one gets
 * `no_target`), `asOf`, `thresholds` (default {@link DEFAULT_THRESHOLDS}), `sources` (default true;
 * false leaves every row's `sources` empty, for computations that show no provenance: it saves most of the
 * time and memory of a large table). Throws `PlanwatchError` `invalid_option` for an `asOf` that is not `YYYY-MM`.
 */
export function computeGaps({
  targets,
  observations,
  units = [],
  allocations = [],
  asOf,
  thresholds = DEFAULT_THRESHOLDS,
  sources = true
}: GapInputs & {asOf?: string}): GapRow[] {
  if (asOf !== undefined) checkMonth(asOf);
  const current = observations.filter((o) => o.superseded_by === null);
  const month = asOf ?? latestMonth(current.map((o) => o.period));
  if (month === null)
    throw new PlanwatchError("no_data", "还没有任何数据,无法计算差距(请先用 planwatch ingest 接收填报)");
  return _computeGaps({
    targets,
    obs: observationTable(observations),
    units,
    allocations,
    asOf: month,
    thresholds,
    sources
  });
}

/**
 * The gaps as of each of `months` (`YYYY-MM`), one table at a time, for a history: the observations are
 * made a table once for every month. Options as {@link computeGaps}, but `sources` defaults to false.
 */
export function* gapsByMonth({
  targets,
  observations,
  units = [],
  allocations = [],
  months,
  thresholds = DEFAULT_THRESHOLDS,
  sources = false
}: GapInputs & {months: readonly string[]}): Generator<GapRow[]> {
  months.forEach(checkMonth);
  const obs = observationTable(observations);
  for (const asOf of months) yield _computeGaps({targets, obs, units, allocations, asOf, thresholds, sources});
}

/**
 * The gaps table of a project before its first submission: every target's city row (and a row for
 * each unit with an allocation) with status `no_data`, `as_of` "" and nothing judged against time
 * (`expected`, `f`, `months_left` null), so that the site publishes the plan, its targets and tasks
 * from the start of the year. Options as {@link computeGaps}, without `observations`.
 */
export function noDataGaps({
  targets,
  units = [],
  allocations = [],
  thresholds = DEFAULT_THRESHOLDS
}: {
  targets: readonly Target[];
  units?: UnitTree;
  allocations?: readonly Allocation[];
  thresholds?: Thresholds;
}): GapRow[] {
  // Any month serves: with no actual, no row is judged; the time-dependent columns are cleared below.
  const month = [...targets.map((t) => t.start).filter(isMonth)].sort()[0] ?? "2000-01";
  return _computeGaps({
    targets,
    obs: observationTable([]),
    units,
    allocations,
    asOf: month,
    thresholds,
    sources: true
  }).map((row) => ({
    ...row,
    as_of: "",
    expected: null,
    f: null,
    months_left: null
  }));
}

function _computeGaps({
  targets,
  obs,
  units: tree,
  allocations,
  asOf,
  thresholds,
  sources
}: {
  targets: readonly Target[];
  obs: ColumnTable;
  units: UnitTree;
  allocations: readonly Allocation[];
  asOf: string;
  thresholds: Thresholds;
  sources: boolean;
}): GapRow[] {
  const targetTable = gapTargets(targets, {asOf});
  const {units, city: cityActuals} = actuals(obs, targetTable, {asOf, units: tree, sources});
  const {places, lineage} = treeTables(tree);
  // Columns are added by lookup (a key found at most once on the right), which leaves the left table's as they are.
  const city = targetTable
    .select("target_id")
    .lookup(cityActuals, "target_id", "actual", "numerator", "denominator", "period", "sources")
    .derive({
      unit_code: () => "city",
      parent_code: () => null,
      level: () => 0,
      is_unit: () => false,
      allocation: () => null,
      share: () => null
    });
  const allocationTable = aq.table({
    unit_code: allocations.map((a) => a.unit_code),
    target_id: allocations.map((a) => a.target_id),
    allocation: allocations.map((a) => a.value)
  });
  // A unit's row: it reports the target, is above one that does, or has an allocation of it.
  const reported = obs.select("unit_code", "target_id").dedupe();
  const unitRows = reported
    .concat(reported.join(lineage, "unit_code").select({ancestor: "unit_code", target_id: "target_id"}))
    .concat(allocationTable.select("unit_code", "target_id"))
    .dedupe()
    .semijoin(targetTable, "target_id")
    .lookup(places, "unit_code", "parent_code", "level")
    .lookup(units, BY_UNIT_TARGET, "actual", "numerator", "denominator", "period", "sources")
    .lookup(allocationTable, BY_UNIT_TARGET, "allocation")
    .lookup(targetTable, "target_id", "kind")
    .lookup(city, "target_id", {city_actual: (d: Row) => d.actual})
    .derive({
      parent_code: (d: Row) => d.parent_code ?? "city",
      level: (d: Row) => d.level ?? 1,
      is_unit: () => true,
      share: (d: Row) => (d.kind === "count" && d.actual != null && d.city_actual > 0 ? d.actual / d.city_actual : null)
    })
    .select(aq.not("kind", "city_actual"));
  return judgeGaps(city.concat(unitRows), targetTable, {asOf, thresholds});
}

const GAP_TARGET_COLUMNS = [
  "target_id",
  "order",
  "indicator",
  "measure",
  "kind",
  "aggregation",
  "comparator",
  "direction",
  "target_value",
  "target_value_max",
  "curated_baseline",
  "start",
  "deadline",
  "schedule"
];

/** The columns of the actuals {@link judgeGaps} reads, city-wide and per unit. */
export const ACTUAL_COLUMNS = [
  "target_id",
  "unit_code",
  "parent_code",
  "level",
  "is_unit",
  "allocation",
  "share",
  "actual",
  "numerator",
  "denominator",
  "period",
  "sources"
];

/**
 * The targets as the gaps computation reads them, one row each in the plan's order (`order`), with
 * the time fraction `f` and `months_left` as of `asOf` ({@link timeFraction}).
 */
export function gapTargets(targets: readonly Target[], {asOf}: {asOf: string}): ColumnTable {
  return timeFraction(
    tableOf(
      targets.map((t, order) => ({
        target_id: t.id,
        order,
        indicator: t.indicator,
        measure: t.unit,
        kind: t.kind,
        aggregation: t.aggregation,
        comparator: t.comparator,
        direction: t.direction,
        target_value: t.value,
        target_value_max: t.value_max,
        curated_baseline: t.baseline,
        start: t.start,
        deadline: t.deadline,
        schedule: t.schedule
      })),
      GAP_TARGET_COLUMNS
    ),
    {asOf}
  );
}

/**
 * The one status pipeline both engines end in: from the actuals of each target, city-wide
 * (`unit_code` city) and per unit (`target_id`, `unit_code`, `parent_code`, `level`, `is_unit`,
 * `allocation`, `share`, `actual`, `numerator`, `denominator`, `period`, `sources`), and the targets
 * of {@link gapTargets}, the gaps rows: {@link expected}, {@link projection} and {@link status}, the
 * city first within each target, in the plan's order.
 */
export function judgeGaps(
  rows: ColumnTable,
  targetTable: ColumnTable,
  {asOf, thresholds = DEFAULT_THRESHOLDS}: {asOf: string; thresholds?: Thresholds}
): GapRow[] {
  const joined = rows.lookup(targetTable, "target_id", aq.not("target_id"));
  const all = status(projection(expected(joined)), {thresholds})
    .params({asOf})
    .derive({
      as_of: (_: Row, $: Row) => $.asOf,
      sources: (d: Row) => d.sources ?? [],
      city_first: (d: Row) => (d.unit_code === "city" ? 0 : 1)
    })
    .orderby("order", "city_first", "unit_code");
  // Arquero leaves undefined where a lookup found nothing: the table's contract says null.
  const out = all.select(...COLUMNS).objects() as Record<string, unknown>[];
  for (const row of out) for (const c of COLUMNS) if (row[c] === undefined) row[c] = null;
  return out as unknown as GapRow[];
}

const COLUMNS = GAP_COLUMNS;

/**
 * The tree as two tables: `places` (each unit's `parent_code`, `city` at the top, and `level`) and
 * `lineage` (a unit and each unit above it: `unit_code`, `ancestor`).
 */
export function treeTables(tree: UnitTree): {places: ColumnTable; lineage: ColumnTable} {
  const places = [...unitPlaces(tree)];
  const lineage = places.flatMap(([code, p]) => p.ancestors.map((ancestor) => ({unit_code: code, ancestor})));
  return {
    places: aq.table({
      unit_code: places.map(([code]) => code),
      parent_code: places.map(([, p]) => p.parent ?? "city"),
      level: places.map(([, p]) => p.level)
    }),
    lineage: aq.table({unit_code: lineage.map((l) => l.unit_code), ancestor: lineage.map((l) => l.ancestor)})
  };
}

/** The observations as a table, with its columns even when there is none. */
export function observationTable(observations: readonly Observation[]): ColumnTable {
  const columns = [
    "unit_code",
    "period",
    "target_id",
    "school_id",
    "value",
    "numerator",
    "denominator",
    "basis",
    "note",
    "row",
    "file_sha256",
    "file",
    "ingested_at",
    "superseded_by"
  ];
  return tableOf(observations, columns);
}
