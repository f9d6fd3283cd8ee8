import type {Row} from "../core/index.js";
import type {ColumnTable} from "arquero";

/**
 * Adds where each row should stand (DESIGN.md): `baseline` (0 for counts; for levels the curated
 * baseline, else 0 with `f` set to 1 so a level is judged against its target itself), `target`
 * (the value, or baseline ± value for `increase`/`decrease`: null without a baseline; a unit's
 * allocation for counts when `allocated` is set) and `expected` = baseline + (target − baseline) × f.
 *
 * Reads `kind`, `comparator`, `target_value`, `curated_baseline`, `f`, and for unit rows of counts
 * `allocation` (null: the target does not apply to the unit).
 */
export function expected(table: ColumnTable): ColumnTable {
  return table
    .derive({
      judged_by_target: (d: Row) =>
        d.kind === "level" && d.curated_baseline == null && d.comparator !== "increase" && d.comparator !== "decrease",
      baseline: (d: Row) =>
        d.kind === "count"
          ? 0
          : (d.curated_baseline ?? (d.comparator === "increase" || d.comparator === "decrease" ? null : 0)),
      target: (d: Row) =>
        d.is_unit && d.kind === "count"
          ? d.allocation
          : d.comparator === "increase"
            ? d.curated_baseline == null
              ? null
              : d.curated_baseline + d.target_value
            : d.comparator === "decrease"
              ? d.curated_baseline == null
                ? null
                : d.curated_baseline - d.target_value
              : d.target_value
    })
    .derive({
      f: (d: Row) => (d.judged_by_target ? 1 : d.f),
      expected: (d: Row) =>
        d.target == null || d.baseline == null || (!d.judged_by_target && d.f == null)
          ? null
          : d.baseline + (d.target - d.baseline) * (d.judged_by_target ? 1 : d.f)
    });
}
