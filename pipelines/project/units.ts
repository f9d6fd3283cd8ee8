import {PlanwatchError, foldKey, readInputCsv} from "../core/index.js";

/** One reporting unit: a district, county or bureau unit of `seeds/units.csv`. */
export interface Unit {
  code: string;
  name: string;
  short_name: string;
  kind: "district" | "county" | "bureau";
  aliases: string[];
}

const KINDS = ["district", "county", "bureau"];
const COLUMNS = ["code", "name", "short_name", "kind", "aliases"];

/**
 * Reads `units.csv` (`code,name,short_name,kind,aliases`, aliases separated by `|`), through the
 * project's checked reader ({@link readInputCsv}). Throws `PlanwatchError` `invalid_units`, in
 * Chinese, `<file>:<row>:<column> <what is wrong>`: an unknown or missing column, a code that is not
 * six digits, an empty name, an unknown kind, a repeated code, or a name (full, short or alias) that
 * two codes share, since a submission naming it could not tell which unit it is.
 */
export async function readUnits(file: string): Promise<Unit[]> {
  const {name: table, header, rows} = readInputCsv(file, {code: "invalid_units"});
  const fail = (row: number, column: string, message: string): never => {
    throw new PlanwatchError("invalid_units", `${table}:${row}:${column} ${message}`, {row});
  };
  for (const h of header) if (!COLUMNS.includes(h)) fail(1, h, `无法识别的列“${h}”(应为 ${COLUMNS.join(",")})`);
  for (const c of ["code", "name", "kind"]) if (!header.includes(c)) fail(1, c, `缺少“${c}”列`);
  const codes = new Map<string, number>();
  const names = new Map<string, {code: string; row: number}>();
  return rows.map(({line, cells}) => {
    const get = (column: string) => (cells[header.indexOf(column)] ?? "").trim();
    const [code, name, short_name, kind] = [get("code"), get("name"), get("short_name"), get("kind")];
    if (!/^\d{6}$/.test(code)) fail(line, "code", `单位代码“${code}”无效(应为 6 位数字,如 330106)`);
    if (codes.has(code)) fail(line, "code", `单位代码“${code}”与第 ${codes.get(code)} 行重复`);
    codes.set(code, line);
    if (!name) fail(line, "name", "单位名称为空");
    if (!KINDS.includes(kind)) fail(line, "kind", `单位类型“${kind}”无效(应为 ${KINDS.join("、")})`);
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
    return {code, name, short_name, kind: kind as Unit["kind"], aliases};
  });
}
