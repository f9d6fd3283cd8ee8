/** The fields of a gaps row that say how far behind it is. */
export interface BehindRow {
  status: string;
  pace: number | null;
  attainment: number | null;
}

import {BEHIND_STATUSES, isBehind} from "./status.js";

/** Worse first: the order of BEHIND_STATUSES (滞后 before 有风险). */
const rank = (r: BehindRow) => (BEHIND_STATUSES as readonly string[]).indexOf(r.status);
const key = (r: BehindRow) => r.pace ?? r.attainment ?? Infinity;

/**
 * The rows that lag (滞后, then 有风险), worst first: off track before at risk, then the lowest
 * pace (进度比; the completion rate when there is none).
 */
export function laggingRows<R extends BehindRow>(rows: readonly R[]): R[] {
  return rows.filter((r) => isBehind(r.status)).sort((a, b) => rank(a) - rank(b) || key(a) - key(b));
}
