import type {Row} from "../core/index.js";
import type {ColumnTable} from "arquero";
import {PlanwatchError} from "../core/index.js";
import {op} from "./functions.js";

/**
 * Pace thresholds: on track from `onTrack`, at risk from `atRisk`, off track below; and
 * `finalMonths`, the last months before a deadline (as-of at most that many months before it) in
 * which a target whose projection misses it is at most at risk, whatever its pace (default 3: the
 * last quarter of a year).
 */
export interface Thresholds {
  onTrack: number;
  atRisk: number;
  finalMonths?: number;
}

/** The defaults of DESIGN.md: on track r ≥ 0.95, at risk 0.80 ≤ r < 0.95, the projection counts in the last 3 months. */
export const DEFAULT_THRESHOLDS: Thresholds = {onTrack: 0.95, atRisk: 0.8, finalMonths: 3};

/** Every status a gaps row can have. */
export const STATUSES = [
  "achieved",
  "on_track",
  "at_risk",
  "off_track",
  "no_data",
  "no_target",
  "no_baseline",
  "no_deadline"
] as const;
export type Status = (typeof STATUSES)[number];

/**
 * What a person reads for each status, in the CLI's tables (the site's `src/components/status.ts`,
 * which Framework serves apart from pipelines/, holds the same labels: a test keeps them equal).
 */
export const STATUS_LABELS: Record<Status, string> = {
  achieved: "已完成",
  on_track: "进度正常",
  at_risk: "有风险",
  off_track: "滞后",
  no_data: "无数据",
  no_baseline: "缺基线",
  no_deadline: "缺期限",
  no_target: "未分解"
};

/** A status as its Chinese label (an unknown one as itself). */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status as Status] ?? status;
}

/** The statuses that count as behind (有风险 or 滞后): what 本期变化 and the pages flag. */
export const BEHIND_STATUSES: readonly Status[] = ["at_risk", "off_track"];

/** Whether a status is behind: `at_risk` or `off_track`. */
export function isBehind(status: string): boolean {
  return (BEHIND_STATUSES as readonly string[]).includes(status);
}

/**
 * Adds `progress` p = (actual − baseline) ÷ (target − baseline) (for a level judged against its
 * target that must go down: target ÷ actual), `attainment` (actual ÷ target), `pace` r = p ÷ f and
 * `status`: `no_target` (a unit without an allocation of a count), `no_data`, `no_baseline`,
 * `achieved` (the comparator already holds), `no_deadline` (a target whose period is unknown, not
 * judged against its value alone), else `on_track`, `at_risk` or `off_track` by pace; near the
 * deadline (`months_left` ≤ `finalMonths`) a row whose `projection` does not meet the target is at
 * most `at_risk` (a rate at 87.2 % against ≥ 90 % in November is not on track, however close its
 * pace). Reads `projection`: run after {@link projection}.
 * Throws `PlanwatchError` `invalid_option` for thresholds that are not 0 < atRisk ≤ onTrack.
 */
export function status(
  table: ColumnTable,
  {thresholds = DEFAULT_THRESHOLDS}: {thresholds?: Thresholds} = {}
): ColumnTable {
  const {onTrack, atRisk, finalMonths = 3} = thresholds;
  if (!(atRisk > 0 && atRisk <= onTrack))
    throw new PlanwatchError("invalid_option", `invalid thresholds: on track ${onTrack}, at risk ${atRisk}`);
  if (!(Number.isInteger(finalMonths) && finalMonths >= 0))
    throw new PlanwatchError("invalid_option", `invalid thresholds: final months ${finalMonths}`);
  return table
    .params({onTrack, atRisk, finalMonths})
    .derive({
      progress: (d: Row) =>
        d.actual == null || d.target == null || d.baseline == null
          ? null
          : d.judged_by_target && d.direction === "down"
            ? d.actual > 0
              ? d.target / d.actual
              : null
            : d.target === d.baseline
              ? null
              : (d.actual - d.baseline) / (d.target - d.baseline),
      attainment: (d: Row) => (d.actual == null || !d.target ? null : d.actual / d.target)
    })
    .derive({
      pace: (d: Row) => (d.progress == null || !(d.f > 0) ? null : d.progress / d.f),
      status: (d: Row, $: Row) =>
        d.is_unit && d.kind === "count" && d.allocation == null
          ? "no_target"
          : d.actual == null
            ? "no_data"
            : d.target == null
              ? "no_baseline"
              : op.pw_holds(d.comparator, d.actual, d.target, d.target_value_max)
                ? "achieved"
                : d.f == null
                  ? "no_deadline"
                  : !(d.f > 0)
                    ? "on_track"
                    : d.progress / d.f >= $.atRisk &&
                        d.months_left <= $.finalMonths &&
                        d.projection != null &&
                        !op.pw_holds(d.comparator, d.projection, d.target, d.target_value_max)
                      ? "at_risk"
                      : d.progress / d.f >= $.onTrack
                        ? "on_track"
                        : d.progress / d.f >= $.atRisk
                          ? "at_risk"
                          : "off_track"
    });
}
