import {readFile} from "node:fs/promises";
import {basename} from "node:path";
import {PlanwatchError, parseCsv} from "../core/index.js";

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
  const name = basename(file);
  const [header = [], ...rows] = parseCsv(await readFile(file), {name});
  if (header.join(",") !== "unit_code,target_id,value")
    throw new PlanwatchError("invalid_allocation", `${name}:1: expected the columns unit_code,target_id,value`);
  const seen = new Set<string>();
  return rows.map(([unit_code = "", target_id = "", value = ""], i) => {
    const fail = (column: string, message: string): never => {
      throw new PlanwatchError("invalid_allocation", `${name}:${i + 2}:${column} ${message}`);
    };
    if (!units.has(unit_code)) fail("unit_code", `unknown unit: ${unit_code}`);
    if (!countTargets.has(target_id)) fail("target_id", `not a count target: ${target_id}`);
    const v = Number(value);
    if (value.trim() === "" || !Number.isFinite(v) || v < 0) fail("value", `invalid value: ${value}`);
    if (seen.has(`${unit_code}|${target_id}`)) fail("unit_code", `repeated allocation: ${unit_code} ${target_id}`);
    seen.add(`${unit_code}|${target_id}`);
    return {unit_code, target_id, value: v, row: i + 2};
  });
}
