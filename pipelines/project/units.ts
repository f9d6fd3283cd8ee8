import {readFile} from "node:fs/promises";
import {basename} from "node:path";
import {PlanwatchError, parseCsv} from "../core/index.js";

/** One reporting unit: a district, county or bureau unit of `seeds/units.csv`. */
export interface Unit {
  code: string;
  name: string;
  short_name: string;
  kind: "district" | "county" | "bureau";
  aliases: string[];
}

const KINDS = new Set(["district", "county", "bureau"]);

/**
 * Reads `units.csv` (`code,name,short_name,kind,aliases`, aliases separated by `|`).
 * Throws `PlanwatchError` `invalid_units` naming the file and row of a bad line.
 */
export async function readUnits(file: string): Promise<Unit[]> {
  const [header = [], ...records] = parseCsv(await readFile(file), {name: basename(file)});
  const rows = records.map((cells) => Object.fromEntries(header.map((h, i) => [h.trim(), cells[i] ?? ""])));
  return rows.map((row, i) => {
    const {code = "", name = "", short_name = "", kind = "", aliases = ""} = row;
    if (!/^\d{6}$/.test(code) || !name || !KINDS.has(kind)) {
      throw new PlanwatchError("invalid_units", `${file}:${i + 2}: invalid unit: ${JSON.stringify(row)}`);
    }
    return {code, name, short_name, kind: kind as Unit["kind"], aliases: aliases.split("|").filter(Boolean)};
  });
}
