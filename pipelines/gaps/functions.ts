import * as aq from "arquero";
import {monthIndex} from "../core/index.js";

export {monthIndex};

/**
 * The share of the way a target should have come by `asOf`: a curated schedule's fraction for that
 * month (linear between its listed months, from 0 the month before `start`), else the months from
 * `start` through `asOf` over the months from `start` through `deadline`. Clamped to [0, 1]. Null
 * when the target's period is unknown (`start` or `deadline` null: a plan whose year nothing says).
 */
export function timeShare(
  schedule: {period: string; fraction: number}[] | null,
  asOf: string,
  start: string | null,
  deadline: string | null
): number | null {
  if (start === null || deadline === null) return null;
  const at = monthIndex(asOf);
  const from = monthIndex(start) - 1;
  const to = monthIndex(deadline);
  if (to <= from) return 1;
  if (schedule && schedule.length) {
    let previous = {at: from, fraction: 0};
    for (const step of schedule) {
      const here = {at: monthIndex(step.period), fraction: step.fraction};
      if (at <= here.at)
        return clamp(
          previous.fraction +
            ((here.fraction - previous.fraction) * (at - previous.at)) / Math.max(1, here.at - previous.at)
        );
      previous = here;
    }
    return clamp(previous.fraction);
  }
  return clamp((at - from) / (to - from));
}

/** Whether `actual` meets the target as its comparator reads: `>=`, `between`, `decrease` … */
export function holds(comparator: string, actual: number | null, target: number | null, high: number | null): boolean {
  if (actual === null || target === null) return false;
  switch (comparator) {
    case ">":
      return actual > target;
    case "<":
      return actual < target;
    case "<=":
    case "decrease":
      return actual <= target;
    case "=":
      return actual === target;
    case "between":
      return actual >= target && (high === null || actual <= high);
    default:
      return actual >= target;
  }
}

const clamp = (f: number) => Math.min(1, Math.max(0, f));

// Registered once, so that Arquero expressions (derive, filter) can call them.
aq.addFunction("pw_month", monthIndex, {override: true});
aq.addFunction("pw_time_share", timeShare, {override: true});
aq.addFunction("pw_holds", holds, {override: true});

/** Arquero's `op` with planwatch's functions, for use inside table expressions. */
export const op = aq.op as typeof aq.op & {
  pw_month: typeof monthIndex;
  pw_time_share: typeof timeShare;
  pw_holds: typeof holds;
};
