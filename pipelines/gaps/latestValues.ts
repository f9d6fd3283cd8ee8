import * as aq from "arquero";
import type {ColumnTable} from "arquero";

/**
 * From a table of submitted values (`unit`, `period`, `target_id`, `value`, ...), keeps each unit ×
 * target's latest row with `period <= asOf` (default: every period). Periods are `YYYY-MM` strings,
 * so their order is the string order.
 */
export function latestValues(table: ColumnTable, {asOf}: {asOf?: string} = {}): ColumnTable {
  const upTo = asOf === undefined ? table : table.params({asOf}).filter((d: any, $: any) => d.period <= $.asOf);
  return upTo
    .groupby("unit", "target_id")
    .filter((d: any) => d.period === aq.op.max(d.period))
    .ungroup()
    .orderby("unit", "target_id");
}
