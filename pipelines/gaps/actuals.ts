import type {Row} from "../core/index.js";
import * as aq from "arquero";
import type {ColumnTable} from "arquero";
import {type Unit, unitPlaces} from "../project/index.js";
import "./functions.js";

/** The units' tree as the gaps need it: each unit's code and its parent's (null at the top). */
export type UnitTree = readonly Pick<Unit, "code" | "parent">[];

/**
 * Each unit's actual for each target as of `asOf` (DESIGN.md): only current (not superseded) values
 * of months up to `asOf`; for `basis=cumulative` each key's (unit × target × school) latest value,
 * for `basis=period` the sum of its values; then summed over the unit's schools. A ratio target's
 * actual is Σ numerators ÷ Σ denominators × 100. Every row carries the observations it came from
 * (`sources`: file, sha256, row, month, note) and its latest month (`period`). A parent's actual
 * aggregates its children (see {@link actuals}).
 *
 * `observations` has the observations table's columns; `targets` at least `target_id` and `aggregation`.
 */
export function unitActuals(
  observations: ColumnTable,
  targets: ColumnTable,
  {asOf, units = []}: {asOf: string; units?: UnitTree}
): ColumnTable {
  return actuals(observations, targets, {asOf, units}).units;
}

/**
 * The city's (the whole's) actual for each target: `sum` → Σ units' actuals; `ratio` → Σ numerators ÷
 * Σ denominators × 100 over the units' values (never a mean of percentages); `min` and `all` → the
 * lowest unit. Carries every source observation.
 */
export function cityActuals(
  observations: ColumnTable,
  targets: ColumnTable,
  {asOf, units = []}: {asOf: string; units?: UnitTree}
): ColumnTable {
  return actuals(observations, targets, {asOf, units}).city;
}

/**
 * Both {@link unitActuals} and {@link cityActuals}, choosing the observations used once, over the
 * tree of `units` (a unit not in it, or a flat list, stands at the top). A unit's own report of a
 * target counts only when no unit below it reports the target: children win, so a parent's actual
 * is its subtree's reports aggregated by the target's own aggregation (Σ for sums, Σ numerators ÷
 * Σ denominators for ratios, the lowest for min/all), each report counted once at every level above
 * it. `overridden` lists the parents' own reports set aside so (unit_code, target_id, actual, sources).
 */
export function actuals(
  observations: ColumnTable,
  targets: ColumnTable,
  {asOf, units: tree = [], sources = true}: {asOf: string; units?: UnitTree; sources?: boolean}
): {units: ColumnTable; city: ColumnTable; overridden: ColumnTable} {
  const used = usedObservations(observations, {asOf});
  const sums = sources ? SUMS : SUMS_WITHOUT_SOURCES;
  const own = unitsOf(used, targets, sums);
  const {paths, depth} = pathTable(tree, own.array("unit_code") as string[]);
  // A (unit, target) is covered when a unit strictly below it reports the target.
  const reported = own.filter((d: Row) => d.actual != null).lookup(paths, "unit_code", aq.not("unit_code"));
  let covered = aq.table({unit_code: [] as string[], target_id: [] as string[]});
  for (let k = 1; k < depth; k++)
    covered = covered.concat(
      reported
        .params({k})
        .filter((d: Row, $: Row) => d.level > $.k)
        .select({[`a${k}`]: "unit_code", target_id: "target_id"})
    );
  covered = covered.dedupe();
  const keys: [string[], string[]] = [
    ["unit_code", "target_id"],
    ["unit_code", "target_id"]
  ];
  const effective = own.antijoin(covered, keys);
  const overridden = own.semijoin(covered, keys).filter((d: Row) => d.actual != null);
  const usedEffective = used.semijoin(effective, keys).lookup(paths, "unit_code", aq.not("unit_code", "level"));
  const withPaths = effective.lookup(paths, "unit_code", aq.not("unit_code", "level"));
  let nodes: ColumnTable | null = null;
  for (let k = 1; k <= depth; k++) {
    const level = nodesAt(withPaths, usedEffective, targets, `a${k}`, sums);
    nodes = nodes ? nodes.concat(level) : level;
  }
  const city = cityOf(effective, used.semijoin(effective, keys), targets, sums);
  return {units: nodes ?? own.select(UNIT_COLUMNS), city, overridden};
}

const BY_NODE_TARGET: [string[], string[]] = [
  ["node", "target_id"],
  ["node", "target_id"]
];

const UNIT_COLUMNS = ["unit_code", "target_id", "value", "numerator", "denominator", "period", "sources", "actual"];

/**
 * Each unit's path from the top: `a1` … `a<depth>` (its ancestor at each level, itself at its own
 * level, null below it) and `level`. A code reported but not in the tree stands at the top.
 */
function pathTable(tree: UnitTree, reported: readonly string[]): {paths: ColumnTable; depth: number} {
  const places = unitPlaces(tree);
  const codes = [...new Set([...tree.map((u) => u.code), ...reported])];
  const chains = codes.map((code) => [...(places.get(code)?.ancestors ?? [])].reverse().concat(code));
  const depth = Math.max(1, ...chains.map((c) => c.length));
  const columns: Record<string, unknown[]> = {unit_code: codes, level: chains.map((c) => c.length)};
  for (let k = 1; k <= depth; k++) columns[`a${k}`] = chains.map((c) => c[k - 1] ?? null);
  return {paths: aq.table(columns), depth};
}

/** The actual of every unit at one level (its code in `column`) from the reports that count in its subtree. */
function nodesAt(
  effective: ColumnTable,
  used: ColumnTable,
  targets: ColumnTable,
  column: string,
  sums: Sums
): ColumnTable {
  const at = (t: ColumnTable) =>
    t
      .rename({[column]: "node"})
      .filter((d: Row) => d.node !== null)
      .groupby("node", "target_id");
  const sources = at(used).rollup({sources: sums.sources, period: sums.period}).ungroup();
  return at(effective.lookup(targets, "target_id", "aggregation"))
    .rollup({...AGGREGATE, aggregation: (d: Row) => aq.op.any(d.aggregation)})
    .ungroup()
    .derive({value: (d: Row) => (d.aggregation === "sum" ? d.total : d.lowest), ...ACTUAL_OF_PARTS})
    .lookup(sources, BY_NODE_TARGET, "period", "sources")
    .rename({node: "unit_code"})
    .select(UNIT_COLUMNS);
}

function unitsOf(used: ColumnTable, targets: ColumnTable, sums: Sums): ColumnTable {
  return used
    .groupby("unit_code", "target_id")
    .rollup(sums)
    .semijoin(targets, "target_id")
    .lookup(targets, "target_id", "aggregation")
    .derive(ACTUAL)
    .select(aq.not("aggregation"));
}

function cityOf(units: ColumnTable, used: ColumnTable, targets: ColumnTable, sums: Sums): ColumnTable {
  const sources = used.groupby("target_id").rollup({sources: sums.sources, period: sums.period});
  return units
    .lookup(targets, "target_id", "aggregation")
    .groupby("target_id", "aggregation")
    .rollup({...AGGREGATE, units: (d: Row) => aq.op.valid(d.actual)})
    .derive({unit_code: () => "city", ...ACTUAL_OF_PARTS})
    .ungroup()
    .lookup(sources, "target_id", "period", "sources")
    .select("unit_code", "target_id", "actual", "numerator", "denominator", "period", "units", "sources");
}

/** How units' actuals add up to their parent's (the city's, or a unit's above them). */
const AGGREGATE = {
  total: (d: Row) => (aq.op.valid(d.actual) > 0 ? aq.op.sum(d.actual) : null),
  lowest: (d: Row) => aq.op.min(d.actual),
  numerator: (d: Row) => (aq.op.valid(d.numerator) > 0 ? aq.op.sum(d.numerator) : null),
  denominator: (d: Row) => (aq.op.valid(d.denominator) > 0 ? aq.op.sum(d.denominator) : null)
};

/** A parent's actual from {@link AGGREGATE}'s parts, by the target's aggregation. */
const ACTUAL_OF_PARTS = {
  actual: (d: Row) =>
    d.aggregation === "ratio"
      ? d.denominator > 0
        ? (100 * d.numerator) / d.denominator
        : null
      : d.aggregation === "sum"
        ? d.total
        : d.lowest
};

/**
 * Current values up to `asOf`: the latest of each cumulative key (unit × target × school), every one of a
 * per-period key. One pass over the columns: a group-by of four columns over every observation, run for
 * each month of the history, cost more than the rest of the gaps together.
 */
function usedObservations(observations: ColumnTable, {asOf}: {asOf: string}): ColumnTable {
  const current = observations
    .params({asOf})
    .filter((d: Row, $: Row) => d.superseded_by === null && d.period <= $.asOf)
    .reify();
  const [unit, target, school, basis, period] = ["unit_code", "target_id", "school_id", "basis", "period"].map(
    (c) => current.array(c) as string[]
  ) as [string[], string[], string[], string[], string[]];
  const n = current.numRows();
  const keys: (string | null)[] = new Array<string | null>(n).fill(null);
  const latest = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    if (basis[i] === "period") continue;
    const key = `${unit[i]}\u0000${target[i]}\u0000${school[i]}`;
    keys[i] = key;
    const seen = latest.get(key);
    if (seen === undefined || period[i]! > seen) latest.set(key, period[i]!);
  }
  const keep = keys.map((key, i) => key === null || latest.get(key) === period[i]);
  return current
    .assign(aq.table({used_: keep}))
    .filter((d: Row) => d.used_)
    .select(aq.not("used_"));
}

const SUMS = {
  value: (d: Row) => (aq.op.valid(d.value) > 0 ? aq.op.sum(d.value) : null),
  numerator: (d: Row) => (aq.op.valid(d.numerator) > 0 ? aq.op.sum(d.numerator) : null),
  denominator: (d: Row) => (aq.op.valid(d.denominator) > 0 ? aq.op.sum(d.denominator) : null),
  period: (d: Row) => aq.op.max(d.period),
  sources: () => aq.op.array_agg(aq.op.row_object("file", "file_sha256", "row", "period", "note"))
};

/** {@link SUMS} for a computation that shows no provenance (the history's months, the changes): no list of sources is built. */
const SUMS_WITHOUT_SOURCES = {...SUMS, sources: () => null};

type Sums = typeof SUMS | typeof SUMS_WITHOUT_SOURCES;

const ACTUAL = {
  actual: (d: Row) =>
    d.aggregation === "ratio" ? (d.denominator > 0 ? (100 * d.numerator) / d.denominator : null) : d.value
};
