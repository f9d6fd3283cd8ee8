import {readFile} from "node:fs/promises";
import {basename} from "node:path";
import {PlanwatchError, parseCsv} from "../core/index.js";

/**
 * One reporting unit of `seeds/units.csv`: a city, district, county or bureau unit (or a kind the
 * project declares), and the unit it belongs to (`parent`, null at the top).
 */
export interface Unit {
  code: string;
  name: string;
  short_name: string;
  /** `city`, `district`, `county`, `bureau`, or a short code the project file declares (`unit_kinds`). */
  kind: string;
  aliases: string[];
  /** The code of the unit this one belongs to; null for a unit at the top. */
  parent: string | null;
}

/** The kinds every project knows; a project file adds its own with `unit_kinds`. */
export const UNIT_KINDS: readonly string[] = ["city", "district", "county", "bureau"];

/** What a kind a project declares looks like: a short lower-case code (`town`, `school_group`). */
export const UNIT_KIND_PATTERN = /^[a-z][a-z0-9_]{0,23}$/;

/** A unit's code: 6 digits (a county's administrative code), or 9 or 12 for a town or village below it. */
const CODE = /^\d{6}(?:\d{3}){0,2}$/;

/**
 * Reads `units.csv` (`code,name,short_name,kind,aliases[,parent]`, aliases separated by `|`). `parent`
 * is optional (a file without it is one level, as before) and names another unit's code; the units
 * form a tree of any depth. `kinds` adds the project's own kinds to {@link UNIT_KINDS}.
 * Throws `PlanwatchError` `invalid_units` naming the file, row and column of a bad line: a bad code,
 * a missing name, an unknown kind, a repeated code, an unknown parent, a unit its own parent, a cycle.
 */
export async function readUnits(file: string, {kinds = []}: {kinds?: readonly string[]} = {}): Promise<Unit[]> {
  const name = basename(file);
  const [header = [], ...records] = parseCsv(await readFile(file), {name});
  const columns = header.map((h) => h.trim().replace(/^\uFEFF/, ""));
  for (const required of ["code", "name", "kind"])
    if (!columns.includes(required))
      throw new PlanwatchError("invalid_units", `${name}:1:${required} 缺少列 ${required}(应有 code,name,kind)`);
  const rows = records
    .map((cells, i) => ({row: i + 2, cells}))
    .filter(({cells}) => cells.some((c) => c.trim() !== ""))
    .map(({row, cells}) => ({row, ...Object.fromEntries(columns.map((h, j) => [h, (cells[j] ?? "").trim()]))}));
  return checkUnits(rows, {file: name, kinds: new Set([...UNIT_KINDS, ...kinds])});
}

type UnitRecord = {row: number} & Record<string, string | number | undefined>;

function checkUnits(rows: UnitRecord[], {file, kinds}: {file: string; kinds: ReadonlySet<string>}): Unit[] {
  const fail = (row: number, column: string, message: string): never => {
    throw new PlanwatchError("invalid_units", `${file}:${row}:${column} ${message}`);
  };
  const rowOf = new Map<string, number>();
  const units = rows.map((r) => {
    const text = (key: string) => String(r[key] ?? "");
    const [code, name, kind] = [text("code"), text("name"), text("kind")];
    if (!CODE.test(code)) fail(r.row, "code", `单位代码应为 6、9 或 12 位数字:${JSON.stringify(code)}`);
    if (rowOf.has(code)) fail(r.row, "code", `单位代码重复:${code}(第 ${rowOf.get(code)} 行已有)`);
    if (!name) fail(r.row, "name", `缺少单位名称(单位代码 ${code})`);
    if (!kinds.has(kind)) fail(r.row, "kind", `未知的单位类别:${JSON.stringify(kind)}(可用:${[...kinds].join("、")})`);
    rowOf.set(code, r.row);
    const unit: Unit = {
      code,
      name,
      short_name: text("short_name"),
      kind,
      aliases: text("aliases").split("|").filter(Boolean),
      parent: text("parent") || null
    };
    return unit;
  });
  const byCode = new Map(units.map((u) => [u.code, u]));
  for (const unit of units) {
    const row = rowOf.get(unit.code)!;
    if (unit.parent === null) continue;
    if (unit.parent === unit.code) fail(row, "parent", `单位不能以自身为上级:${unit.code}`);
    if (!byCode.has(unit.parent)) fail(row, "parent", `上级单位代码不存在:${unit.parent}(单位 ${unit.code})`);
    const seen = [unit.code];
    for (let up = byCode.get(unit.parent); up; up = up.parent === null ? undefined : byCode.get(up.parent)) {
      if (seen.includes(up.code))
        fail(row, "parent", `上级关系成环:${[...seen, up.code].join(" → ")}(单位 ${unit.code})`);
      seen.push(up.code);
    }
  }
  return units;
}

/** Where a unit stands in the tree: its parent, its level (1 at the top; 0 is the whole, `city`), its ancestors. */
export interface UnitPlace {
  parent: string | null;
  level: number;
  /** The unit's ancestors, nearest first (not the whole). */
  ancestors: string[];
}

/**
 * Each unit's place in the tree of `units` (checked by {@link readUnits}): level 1 for a unit without
 * a parent, its parent's level + 1 below. A parent not among `units` is treated as absent (level 1).
 */
export function unitPlaces(units: readonly Pick<Unit, "code" | "parent">[]): Map<string, UnitPlace> {
  const parentOf = new Map(units.map((u) => [u.code, u.parent]));
  const places = new Map<string, UnitPlace>();
  for (const {code} of units) {
    const ancestors: string[] = [];
    let up = parentOf.get(code) ?? null;
    while (up !== null && parentOf.has(up) && !ancestors.includes(up)) {
      ancestors.push(up);
      up = parentOf.get(up) ?? null;
    }
    places.set(code, {parent: ancestors[0] ?? null, level: ancestors.length + 1, ancestors});
  }
  return places;
}
