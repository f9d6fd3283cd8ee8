import {PlanwatchError, readInputCsv} from "../core/index.js";

const COLUMNS = "unit_code,target_id,value";

/** A count target's share allocated to one unit (at any level of the tree). */
export interface Allocation {
  unit_code: string;
  target_id: string;
  value: number;
  /** Its row in `allocations.csv` (the header is row 1), when it was read from one. */
  row?: number;
}

/**
 * Reads `allocations.csv` (`unit_code,target_id,value`), checking each row against the known units
 * and count targets. Throws `PlanwatchError` `invalid_allocation` naming the file, row and column.
 */
export async function readAllocations(
  file: string,
  {units, countTargets}: {units: ReadonlySet<string>; countTargets: ReadonlySet<string>}
): Promise<Allocation[]> {
  const {name, header, rows} = readInputCsv(file, {code: "invalid_allocation"});
  if (header.join(",") !== COLUMNS)
    throw new PlanwatchError("invalid_allocation", `${name}:1:1 表头应为 ${COLUMNS},实为 ${header.join(",")}`);
  const seen = new Map<string, number>();
  return rows.map(({line, cells}) => {
    const [unit_code = "", target_id = "", value = ""] = cells.map((c) => c.trim());
    const fail = (column: string, message: string): never => {
      throw new PlanwatchError("invalid_allocation", `${name}:${line}:${column} ${message}`, {row: line});
    };
    if (!units.has(unit_code)) fail("unit_code", `未知单位代码“${unit_code}”(见 units.csv)`);
    if (!countTargets.has(target_id)) fail("target_id", `“${target_id}”不是规划中数量类目标的编号`);
    const v = Number(value);
    if (value === "" || !Number.isFinite(v) || v < 0) fail("value", `任务数“${value}”无效(应为不小于 0 的数)`);
    const key = `${unit_code}|${target_id}`;
    if (seen.has(key)) fail("unit_code", `单位 ${unit_code} 的目标 ${target_id} 与第 ${seen.get(key)} 行重复`);
    seen.set(key, line);
    return {unit_code, target_id, value: v, row: line};
  });
}
