import {toCsv} from "../core/index.js";
import stringWidth from "string-width";
import {choiceOption} from "./options.js";

/** How a command prints a table: an aligned text table, JSON (an array of objects) or CSV. */
export type RowFormat = "table" | "json" | "csv";

export const ROW_FORMATS: readonly RowFormat[] = ["table", "json", "csv"];

/**
 * Cleans a `--format` value, one of `formats` (default {@link ROW_FORMATS}; unset: `table`). Throws
 * `PlanwatchError` `invalid_option`: `--format xml 不是可选的值(应为 table、json、csv 之一)`.
 */
export function rowFormat<T extends RowFormat>(value: unknown, formats: readonly T[] = ROW_FORMATS as T[]): T {
  return choiceOption("format", value, formats, "table" as T);
}

/**
 * Prints `rows` as `format`. `columns` (default: the keys of the first row) picks and orders the
 * columns of the table and CSV forms; JSON keeps every key. CSV by csv-stringify
 * ({@link toCsv}: UTF-8 with a BOM, CRLF, formulas neutralized). The table counts CJK characters as
 * two columns.
 */
export function formatRows(
  rows: readonly object[],
  {format = "table", columns}: {format?: RowFormat; columns?: readonly string[]} = {}
): string {
  const keys = columns ?? Object.keys(rows[0] ?? {});
  if (format === "json") return JSON.stringify(rows, null, 2) + "\n";
  if (format === "csv") return toCsv(rows as Record<string, unknown>[], keys);
  const records = rows.map((row) => keys.map((k) => (row as Record<string, unknown>)[k]));
  return alignedTable(
    keys,
    records.map((r) => r.map(displayCell))
  );
}

function displayCell(value: unknown): string {
  if (value == null) return "—";
  if (Array.isArray(value)) return value.join(" ");
  return String(value).replace(/\s+/g, " ");
}

function alignedTable(keys: readonly string[], cells: string[][]): string {
  // a loop, not Math.max(...cells): a spread of 200,000 rows overflows the stack
  const widths = keys.map((k, i) => cells.reduce((most, r) => Math.max(most, stringWidth(r[i]!)), stringWidth(k)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => c + " ".repeat(widths[i]! - stringWidth(c)))
      .join("  ")
      .trimEnd();
  return [line(keys), line(widths.map((w) => "─".repeat(w))), ...cells.map(line)].join("\n") + "\n";
}
