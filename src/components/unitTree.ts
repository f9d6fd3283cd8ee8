import {STATUS_ORDER, type Status, isBehind} from "./status.js";

/** A gaps row as the unit tree reads it (`level` and `parent_code` as `planwatch gaps` gives them). */
export interface TreeRow {
  unit_code: string;
  parent_code?: string | null;
  level?: number | null;
  status: string;
  period: string | null;
}

/** A unit as the pages have it (`gaps.json`'s `units`, in `units.csv`'s order). */
export interface TreeUnit {
  code: string;
  name: string;
}

/**
 * The rows of the units at the top of the tree (level 1: no parent), which the overview lists; the
 * whole (`city`) is left out. A flat units table (the Hangzhou sample) has every unit at the top.
 */
export function topLevelRows<R extends TreeRow>(rows: readonly R[]): R[] {
  return rows.filter((r) => r.unit_code !== "city" && (r.level ?? 1) === 1);
}

/** One child's standing on its parent's page: how many of its targets are in each status, and its latest month. */
export interface ChildStanding {
  code: string;
  name: string;
  counts: Record<Status, number>;
  /** Its targets behind (滞后 or 有风险). */
  behind: number;
  /** The latest month of its data (null: none yet). */
  period: string | null;
}

/**
 * The standing of each unit directly below `code` (the units whose rows have it as `parent_code`, in
 * the order of `units`, a code not among them last): the status counts of its gaps rows and its
 * latest month. Empty for a unit without children.
 */
export function childStandings(rows: readonly TreeRow[], units: readonly TreeUnit[], code: string): ChildStanding[] {
  const children = new Set(rows.filter((r) => r.parent_code === code).map((r) => r.unit_code));
  const order = new Map(units.map((u, i) => [u.code, i]));
  const name = new Map(units.map((u) => [u.code, u.name]));
  return [...children]
    .sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b))
    .map((child) => ({code: child, name: name.get(child) ?? child}))
    .map((u) => {
      const mine = rows.filter((r) => r.unit_code === u.code);
      const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>;
      for (const r of mine) if (r.status in counts) counts[r.status as Status] += 1;
      const period =
        mine
          .map((r) => r.period)
          .filter((p): p is string => p !== null)
          .sort()
          .at(-1) ?? null;
      return {code: u.code, name: u.name, counts, behind: mine.filter((r) => isBehind(r.status)).length, period};
    });
}

/** The statuses at least one child has, in the pages' order: the columns of the children's table. */
export function standingStatuses(standings: readonly ChildStanding[]): Status[] {
  return STATUS_ORDER.filter((s) => standings.some((c) => c.counts[s] > 0));
}
