import {CsvError, parse} from "csv-parse/sync";
import {PlanwatchError} from "./error.js";

/**
 * Parses a small CSV (seeds, curation) into rows of cells, BOM and blank lines skipped. A malformed
 * file throws `PlanwatchError` `invalid_csv` naming `name`, the line and the field.
 */
export function parseCsv(input: Buffer | string, {name}: {name: string}): string[][] {
  try {
    return parse(input, {bom: true, skip_empty_lines: true}) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const e = error as CsvError & {lines?: number; column?: number | string};
      throw new PlanwatchError(
        "invalid_csv",
        `${name}:${e.lines ?? "?"}:${Number(e.column ?? 0) + 1} ${error.message}`,
        {cause: error}
      );
    }
    throw error;
  }
}
