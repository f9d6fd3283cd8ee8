import {PlanwatchError, foldKey, readInputCsv} from "../core/index.js";

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

/** The default unit code: 6 digits (a county's administrative code), or 9 or 12 for a town or village below it. */
const ADMINISTRATIVE_CODE = /^\d{6}(?:\d{3}){0,2}$/;

/** The code the whole (全市) goes by in the gaps table; no unit may take it. */
const WHOLE = "city";

const COLUMNS = ["code", "name", "short_name", "kind", "aliases", "parent"];

/**
 * The rule a project's unit codes follow, from the project file's `unit_code_pattern` (a regular
 * expression the whole code must match, as `\d{10}` for schools' 10-digit codes). Throws
 * `PlanwatchError` `invalid_project` when the pattern does not compile, or admits an empty code or
 * `city` (the code of the whole).
 */
export function unitCodeRule(pattern: string): RegExp {
  let rule: RegExp;
  try {
    rule = new RegExp(`^(?:${pattern})$`, "u");
  } catch (error) {
    throw new PlanwatchError("invalid_project", `unit_code_pattern 不是有效的正则表达式:${(error as Error).message}`);
  }
  if (rule.test("")) throw new PlanwatchError("invalid_project", `unit_code_pattern“${pattern}”不能接受空的单位代码`);
  if (rule.test(WHOLE))
    throw new PlanwatchError("invalid_project", `unit_code_pattern“${pattern}”不能接受“${WHOLE}”(全市的代码)`);
  return rule;
}

/** How {@link readUnits} reads a project's units. */
export interface UnitOptions {
  /** Kinds the project adds to {@link UNIT_KINDS} (the project file's `unit_kinds`; default none). */
  kinds?: readonly string[];
  /**
   * The pattern a unit's code matches (the project file's `unit_code_pattern`, see {@link unitCodeRule});
   * default: 6, 9 or 12 digits, the administrative codes.
   */
  codePattern?: string;
}

/**
 * Reads `units.csv` (`code,name,short_name,kind,aliases[,parent]`, aliases separated by `|`), through
 * the project's checked reader ({@link readInputCsv}). `parent` is optional (a file without it is one
 * level, as before) and names another unit's code; the units form a tree of any depth. Throws
 * `PlanwatchError` `invalid_units`, in Chinese, `<file>:<row>:<column> <what is wrong>`: an unknown or
 * missing column, a code the project's rule does not admit, an empty name, an unknown kind, a repeated
 * code, a name (full, short or alias) that two codes share (a submission naming it could not tell which
 * unit it is), an unknown parent, a unit its own parent, or parents that form a cycle.
 */
export async function readUnits(file: string, {kinds = [], codePattern}: UnitOptions = {}): Promise<Unit[]> {
  const {name: table, header, rows} = readInputCsv(file, {code: "invalid_units"});
  const fail = (row: number, column: string, message: string): never => {
    throw new PlanwatchError("invalid_units", `${table}:${row}:${column} ${message}`, {row});
  };
  for (const h of header) if (!COLUMNS.includes(h)) fail(1, h, `无法识别的列“${h}”(应为 ${COLUMNS.join(",")})`);
  for (const c of ["code", "name", "kind"]) if (!header.includes(c)) fail(1, c, `缺少“${c}”列`);
  const known = [...UNIT_KINDS, ...kinds.filter((k) => !UNIT_KINDS.includes(k))];
  const codeRule = codePattern === undefined ? ADMINISTRATIVE_CODE : unitCodeRule(codePattern);
  const codeShape =
    codePattern === undefined
      ? "应为 6 位行政区划代码(如 330106),街道、乡镇 9 位,村 12 位"
      : `应符合项目文件 unit_code_pattern 规定的格式 ${codePattern}`;
  const codes = new Map<string, number>();
  const names = new Map<string, {code: string; row: number}>();
  const units = rows.map(({line, cells}) => {
    const get = (column: string) => (cells[header.indexOf(column)] ?? "").trim();
    const [code, name, short_name, kind] = [get("code"), get("name"), get("short_name"), get("kind")];
    if (!code) fail(line, "code", "单位代码为空");
    if (!codeRule.test(code)) fail(line, "code", `单位代码“${code}”无效(${codeShape})`);
    if (codes.has(code)) fail(line, "code", `单位代码“${code}”与第 ${codes.get(code)} 行重复`);
    codes.set(code, line);
    if (!name) fail(line, "name", "单位名称为空");
    if (!known.includes(kind)) fail(line, "kind", `单位类型“${kind}”无效(应为 ${known.join("、")})`);
    const aliases = get("aliases")
      .split("|")
      .map((a) => a.trim())
      .filter(Boolean);
    const keys: [string, string][] = [
      ["name", name],
      ["short_name", short_name],
      ...aliases.map((a): [string, string] => ["aliases", a])
    ];
    for (const [column, key] of keys) {
      if (!key) continue;
      const other = names.get(foldKey(key));
      if (other && other.code !== code)
        fail(line, column, `“${key}”已是第 ${other.row} 行单位 ${other.code} 的名称,同一名称不能指两个单位`);
      names.set(foldKey(key), {code, row: line});
    }
    const unit: Unit = {code, name, short_name, kind, aliases, parent: get("parent") || null};
    return unit;
  });
  checkTree(units, {rowOf: codes, fail});
  return units;
}

/** Fails on a parent that is no unit's code, a unit its own parent, or parents that go round. */
function checkTree(
  units: readonly Unit[],
  {rowOf, fail}: {rowOf: ReadonlyMap<string, number>; fail: (row: number, column: string, message: string) => never}
): void {
  const byCode = new Map(units.map((u) => [u.code, u]));
  for (const unit of units) {
    if (unit.parent === null) continue;
    const row = rowOf.get(unit.code)!;
    if (unit.parent === unit.code) fail(row, "parent", `单位 ${unit.code} 不能以自身为上级`);
    if (!byCode.has(unit.parent)) fail(row, "parent", `上级单位代码“${unit.parent}”不是本表中任何单位的代码`);
    const seen = [unit.code];
    for (let up = byCode.get(unit.parent); up; up = up.parent === null ? undefined : byCode.get(up.parent)) {
      if (seen.includes(up.code)) fail(row, "parent", `上级关系成环:${[...seen, up.code].join(" → ")}`);
      seen.push(up.code);
    }
  }
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
