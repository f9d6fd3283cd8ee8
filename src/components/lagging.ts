/** The fields of a gaps row that say how far behind it is. */
export interface BehindRow {
  status: string;
  pace: number | null;
  attainment: number | null;
}

const RANK: Record<string, number> = {off_track: 0, at_risk: 1};
const key = (r: BehindRow) => r.pace ?? r.attainment ?? Infinity;

/**
 * The rows that lag (滞后, then 有风险), worst first: off track before at risk, then the lowest
 * pace (进度比; the completion rate when there is none).
 */
export function laggingRows<R extends BehindRow>(rows: readonly R[]): R[] {
  return rows.filter((r) => r.status in RANK).sort((a, b) => RANK[a.status]! - RANK[b.status]! || key(a) - key(b));
}
