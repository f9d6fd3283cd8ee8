import {existsSync} from "node:fs";
import {PlanwatchError, foldKey, readInputCsv} from "../core/index.js";

/** One office of the bureau (`seeds/offices.csv`): the owners of the plan's tasks. */
export interface Office {
  /** A short ASCII code (`jjc`), used in page paths. */
  code: string;
  name: string;
  short_name: string;
  aliases: string[];
}

const CODE = /^[a-z][a-z0-9_-]{0,31}$/;
const COLUMNS = ["code", "name", "short_name", "aliases"];

/**
 * Reads `offices.csv` (`code,name,short_name,aliases`, aliases separated by `|`). Throws
 * `PlanwatchError` `invalid_offices` naming the file, row and column of a bad cell or a repeated
 * code or name.
 */
export async function readOffices(file: string): Promise<Office[]> {
  const {name, header, rows} = readInputCsv(file, {code: "invalid_offices"});
  const at = (column: string) => header.indexOf(column);
  for (const h of header)
    if (!COLUMNS.includes(h))
      throw new PlanwatchError("invalid_offices", `${name}:1:${h} 无法识别的列“${h}”(应为 ${COLUMNS.join(",")})`);
  for (const column of ["code", "name"])
    if (at(column) < 0) throw new PlanwatchError("invalid_offices", `${name}:1:${column} 缺少“${column}”列`);
  const seen = new Map<string, number>();
  return rows.map(({line: row, cells}) => {
    const get = (column: string) => (cells[at(column)] ?? "").trim();
    const office = {
      code: get("code"),
      name: get("name"),
      short_name: get("short_name") || get("name"),
      aliases: get("aliases")
        .split("|")
        .map((a) => a.trim())
        .filter(Boolean)
    };
    if (!CODE.test(office.code))
      throw new PlanwatchError(
        "invalid_offices",
        `${name}:${row}:code 处室代码“${office.code}”无效(应为小写字母开头的字母、数字)`
      );
    if (!office.name) throw new PlanwatchError("invalid_offices", `${name}:${row}:name 处室名称为空`);
    for (const [column, key] of [
      ["code", office.code],
      ["name", office.name]
    ] as const) {
      const first = seen.get(foldKey(key));
      if (first !== undefined)
        throw new PlanwatchError("invalid_offices", `${name}:${row}:${column} “${key}”与第 ${first} 行重复`);
      seen.set(foldKey(key), row);
    }
    return office;
  });
}

/** Finds an office by code, name, short name or alias (case, width and spaces ignored). */
export function officeLookup(offices: readonly Office[]): (text: string) => Office | undefined {
  const keys = new Map<string, Office>();
  for (const o of offices)
    for (const key of [o.code, o.name, o.short_name, ...o.aliases])
      if (key && !keys.has(foldKey(key))) keys.set(foldKey(key), o);
  return (text) => keys.get(foldKey(text));
}

/**
 * A project's offices: its offices table, or none when the project has no such file (no task owners, no office pages).
 */
export async function projectOffices(file: string): Promise<Office[]> {
  return existsSync(file) ? readOffices(file) : [];
}
