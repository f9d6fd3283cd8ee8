import type {Row} from "../core/index.js";
import * as aq from "arquero";
import type {ColumnTable} from "arquero";
import "./functions.js";

/**
 * Each unit's actual for each target as of `asOf` (DESIGN.md): only current (not superseded) values
 * of months up to `asOf`; for `basis=cumulative` each key's (unit × target × school) latest value,
 * for `basis=period` the sum of its values; then summed over the unit's schools. A ratio target's
 * actual is Σ numerators ÷ Σ denominators × 100. Every row carries the observations it came from
 * (`sources`: file, sha256, row, month, note) and its latest month (`period`).
 *
 * `observations` has the observations table's columns; `targets` at least `target_id` and `aggregation`.
 */
export function unitActuals(observations: ColumnTable, targets: ColumnTable, {asOf}: {asOf: string}): ColumnTable {
  return unitsOf(usedObservations(observations, {asOf}), targets);
}

/**
 * The city's actual for each target: `sum` → Σ units' actuals; `ratio` → Σ numerators ÷ Σ
 * denominators × 100 over the units' values (never a mean of percentages); `min` and `all` → the
 * lowest unit. Carries every source observation.
 */
export function cityActuals(observations: ColumnTable, targets: ColumnTable, {asOf}: {asOf: string}): ColumnTable {
  return actuals(observations, targets, {asOf}).city;
}

/** Both {@link unitActuals} and {@link cityActuals}, choosing the observations used once. */
export function actuals(
  observations: ColumnTable,
  targets: ColumnTable,
  {asOf}: {asOf: string}
): {units: ColumnTable; city: ColumnTable} {
  const used = usedObservations(observations, {asOf});
  const units = unitsOf(used, targets);
  return {units, city: cityOf(units, used, targets)};
}

function unitsOf(used: ColumnTable, targets: ColumnTable): ColumnTable {
  return used
    .groupby("unit_code", "target_id")
    .rollup(SUMS)
    .semijoin(targets, "target_id")
    .lookup(targets, "target_id", "aggregation")
    .derive(ACTUAL)
    .select(aq.not("aggregation"));
}

function cityOf(units: ColumnTable, used: ColumnTable, targets: ColumnTable): ColumnTable {
  const sources = used.groupby("target_id").rollup({sources: SUMS.sources, period: SUMS.period});
  return units
    .lookup(targets, "target_id", "aggregation")
    .groupby("target_id", "aggregation")
    .rollup({
      total: (d: Row) => (aq.op.valid(d.actual) > 0 ? aq.op.sum(d.actual) : null),
      lowest: (d: Row) => aq.op.min(d.actual),
      numerator: (d: Row) => (aq.op.valid(d.numerator) > 0 ? aq.op.sum(d.numerator) : null),
      denominator: (d: Row) => (aq.op.valid(d.denominator) > 0 ? aq.op.sum(d.denominator) : null),
      units: (d: Row) => aq.op.valid(d.actual)
    })
    .derive({
      unit_code: () => "city",
      actual: (d: Row) =>
        d.aggregation === "ratio"
          ? d.denominator > 0
            ? (100 * d.numerator) / d.denominator
            : null
          : d.aggregation === "sum"
            ? d.total
            : d.lowest
    })
    .ungroup()
    .lookup(sources, "target_id", "period", "sources")
    .select("unit_code", "target_id", "actual", "numerator", "denominator", "period", "units", "sources");
}

/** Current values up to `asOf`: the latest of each cumulative key, every one of a per-period key. */
function usedObservations(observations: ColumnTable, {asOf}: {asOf: string}): ColumnTable {
  return observations
    .params({asOf})
    .filter((d: Row, $: Row) => d.superseded_by === null && d.period <= $.asOf)
    .groupby("unit_code", "target_id", "school_id", "basis")
    .filter((d: Row) => d.basis === "period" || d.period === aq.op.max(d.period))
    .ungroup();
}

const SUMS = {
  value: (d: Row) => (aq.op.valid(d.value) > 0 ? aq.op.sum(d.value) : null),
  numerator: (d: Row) => (aq.op.valid(d.numerator) > 0 ? aq.op.sum(d.numerator) : null),
  denominator: (d: Row) => (aq.op.valid(d.denominator) > 0 ? aq.op.sum(d.denominator) : null),
  period: (d: Row) => aq.op.max(d.period),
  sources: () => aq.op.array_agg(aq.op.row_object("file", "file_sha256", "row", "period", "note"))
};

const ACTUAL = {
  actual: (d: Row) =>
    d.aggregation === "ratio" ? (d.denominator > 0 ? (100 * d.numerator) / d.denominator : null) : d.value
};
