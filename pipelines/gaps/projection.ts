import type {Row} from "../core/index.js";
import type {ColumnTable} from "arquero";

/**
 * Adds where each row is heading (DESIGN.md): `projection` at the deadline = baseline + (actual −
 * baseline) ÷ f (a level judged against its target: the actual itself), `gap`, the distance still
 * to cover (target − actual, or actual − target for one that goes down; negative when exceeded),
 * and `required_rate` = (target − actual) ÷ months left (null with no month left).
 */
export function projection(table: ColumnTable): ColumnTable {
  return table.derive({
    projection: (d: Row) =>
      d.actual == null || d.baseline == null
        ? null
        : d.judged_by_target
          ? d.actual
          : d.f > 0
            ? d.baseline + (d.actual - d.baseline) / d.f
            : null,
    gap: (d: Row) =>
      d.actual == null || d.target == null ? null : d.direction === "down" ? d.actual - d.target : d.target - d.actual,
    required_rate: (d: Row) =>
      d.actual == null || d.target == null || !(d.months_left > 0) ? null : (d.target - d.actual) / d.months_left
  });
}
