import * as aq from "arquero";
import type {ColumnTable} from "arquero";

/**
 * A table of `rows` that has `columns` even when there is no row (Arquero's `from([])` has none, and every
 * expression over it then fails: a plan with no numeric target, a month nothing was reported for).
 */
export function tableOf(rows: readonly object[], columns: readonly string[]): ColumnTable {
  return rows.length ? aq.from(rows as object[]) : aq.table(Object.fromEntries(columns.map((c) => [c, []])));
}
