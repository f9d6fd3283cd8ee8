import {existsSync} from "node:fs";
import {readFile} from "node:fs/promises";
import {type CurationRow, type Target, curateTargets, readCuration} from "./curation.js";
import {extractTargets} from "./extractTargets.js";
import {planYear} from "./planYear.js";

/**
 * Reads a plan file and its curation file (when it exists) into the targets table: extraction,
 * defaults, then curation. Options: `plan`, the plan text file (UTF-8); `curation`, the curation CSV
 * (default: none); `year`, the plan's year (default: read from its title).
 */
export async function loadTargets({plan, curation, year}: {plan: string; curation?: string; year?: number}): Promise<Target[]> {
  const text = await readFile(plan, "utf8");
  const rows: CurationRow[] = curation && existsSync(curation) ? await readCuration(curation) : [];
  return curateTargets(extractTargets(text), rows, {planYear: planYear(text, {year})});
}
