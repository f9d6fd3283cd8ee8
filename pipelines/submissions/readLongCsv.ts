import {readFile} from "node:fs/promises";
import {basename} from "node:path";
import {PlanwatchError} from "../error.js";
import {parseCsv} from "../format/parseCsv.js";

/** One value as a submission states it, with the file and row it came from. */
export interface SubmittedValue {
  unit: string;
  period: string;
  target_id: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  basis: "cumulative" | "period";
  note: string;
  file: string;
  row: number;
}

const REQUIRED = ["unit", "period", "target_id", "value"] as const;

/**
 * Reads a long-form UTF-8 submission (`unit,period,target_id,value[,numerator,denominator,basis,note]`).
 * Row numbers are the file's line numbers as a spreadsheet shows them (the header is row 1).
 * Throws `PlanwatchError` `missing_column` or `bad_number` naming the file, row and column.
 */
export async function readLongCsv(file: string): Promise<SubmittedValue[]> {
  const name = basename(file);
  const records = parseCsv(await readFile(file), {name});
  const [header = [], ...rows] = records;
  const index = new Map(header.map((h, i) => [h.trim(), i]));
  for (const column of REQUIRED) {
    if (!index.has(column)) throw new PlanwatchError("missing_column", `${name}:1:${column} missing column`);
  }
  const cell = (row: string[], column: string) => (index.has(column) ? (row[index.get(column)!] ?? "").trim() : "");
  const number = (row: string[], column: string, line: number) => {
    const text = cell(row, column);
    if (text === "") return null;
    const value = Number(text);
    if (!Number.isFinite(value)) throw new PlanwatchError("bad_number", `${name}:${line}:${column} not a number: ${text}`);
    return value;
  };
  return rows.map((row, i) => {
    const line = i + 2;
    return {
      unit: cell(row, "unit"),
      period: cell(row, "period"),
      target_id: cell(row, "target_id"),
      value: number(row, "value", line),
      numerator: number(row, "numerator", line),
      denominator: number(row, "denominator", line),
      basis: cell(row, "basis") === "period" ? "period" : "cumulative",
      note: cell(row, "note"),
      file: name,
      row: line
    };
  });
}
