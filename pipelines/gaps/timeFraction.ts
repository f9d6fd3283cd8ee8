import type {Row} from "../core/index.js";
import type {ColumnTable} from "arquero";
import {op} from "./functions.js";

/**
 * Adds to a table of targets (`start`, `deadline`, `schedule`) the time fraction `f` of DESIGN.md
 * as of `asOf` (months from the start month through `asOf` over months from start through the
 * deadline, or the curated schedule's value), and `months_left` after `asOf` until the deadline;
 * both null for a target whose period is unknown.
 */
export function timeFraction(targets: ColumnTable, {asOf}: {asOf: string}): ColumnTable {
  return targets.params({asOf}).derive({
    f: (d: Row, $: Row) => op.pw_time_share(d.schedule, $.asOf, d.start, d.deadline),
    months_left: (d: Row, $: Row) =>
      d.deadline == null ? null : op.greatest(0, op.pw_month(d.deadline) - op.pw_month($.asOf))
  });
}
