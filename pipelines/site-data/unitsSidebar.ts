import {type Unit, unitPlaces} from "../project/index.js";

/** A link of the sidebar (Framework's `{name, path}`). */
export interface SidebarLink {
  name: string;
  path: string;
}

/**
 * A section of the sidebar (Framework's `{name, path, open, pages}`; `path` makes its heading a link).
 * Framework 1.13 does not nest sections: a section holds links only.
 */
export interface SidebarSection {
  name: string;
  path?: string;
  open: boolean;
  pages: SidebarLink[];
}

/** The most units the sidebar lists one by one (each page carries the sidebar). */
export const SIDEBAR_UNITS = 100;

/** The name of the flat units' section (the Hangzhou sample's), and of its one link past the limit. */
const FLAT = "各区县(市)与直属单位";

/**
 * The sidebar's entries for the units' pages, in `units.csv`'s order.
 *
 * - Units without a parent (a flat table, as the Hangzhou sample's): one section listing them all;
 *   past `limit` units, one link to the overview's table of units instead.
 * - A unit tree of at most `limit` units: one section per unit at the top that has units below it,
 *   its heading a link to that unit's page and its links the units below it, depth first (a unit
 *   below the second level named with its parent's short name: `清波街道(上城)`); the units at
 *   the top without units below them in one last section, 直属单位.
 * - A larger tree: one section listing the units at the top only (each unit's page lists the units
 *   below it, 下级单位); past `limit` units at the top, the one link to the overview.
 *
 * Options: `limit` (default {@link SIDEBAR_UNITS}).
 */
export function unitsSidebar(
  units: readonly Pick<Unit, "code" | "name" | "short_name" | "parent">[],
  {limit = SIDEBAR_UNITS}: {limit?: number} = {}
): (SidebarLink | SidebarSection)[] {
  const link = (u: Pick<Unit, "code" | "name">, name = u.name): SidebarLink => ({name, path: `/units/${u.code}`});
  const places = unitPlaces(units);
  const top = units.filter((u) => places.get(u.code)!.parent === null);
  if (top.length > limit) return [{name: `${FLAT}(${units.length} 个,见总览)`, path: "/"}];
  if (top.length === units.length) return [{name: FLAT, open: false, pages: units.map((u) => link(u))}];
  if (units.length > limit)
    return [{name: `各单位(共 ${units.length} 个,下级单位见其上级页面)`, open: false, pages: top.map((u) => link(u))}];
  const children = new Map<string, typeof units>();
  for (const u of units) {
    const parent = places.get(u.code)!.parent;
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const byCode = new Map(units.map((u) => [u.code, u]));
  const below = (code: string, level: number): SidebarLink[] =>
    (children.get(code) ?? []).flatMap((u) => [
      link(u, level > 2 ? `${u.name}(${byCode.get(code)!.short_name})` : u.name),
      ...below(u.code, level + 1)
    ]);
  const leaves = top.filter((u) => !children.has(u.code));
  return [
    ...top
      .filter((u) => children.has(u.code))
      .map((u) => ({name: u.name, path: `/units/${u.code}`, open: false, pages: below(u.code, 2)})),
    ...(leaves.length ? [{name: "直属单位", open: false, pages: leaves.map((u) => link(u))}] : [])
  ];
}
