import {stringify} from "csv-stringify/sync";

/** Prefixes `'` to text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first). */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Rows as CSV for people to open: UTF-8 with a BOM (Excel on a Chinese Windows reads it right), CRLF,
 * quoted where needed, text that a spreadsheet would run as a formula prefixed with `'`, objects as
 * JSON. `columns` (default: the first row's keys) picks and orders the columns. Written by
 * csv-stringify, planwatch's one CSV writer (the site's download button has a browser twin,
 * `src/components/csv.ts`, held to the same bytes by test/core/csv.test.ts).
 */
export function toCsv(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[] = Object.keys(rows[0] ?? {})
): string {
  const records = [columns, ...rows.map((r) => columns.map((c) => r[c]))];
  return (
    "\uFEFF" +
    stringify(records, {
      record_delimiter: "\r\n",
      quoted_match: /[\r\n]/, // a lone CR or LF too (csv-stringify quotes only the record delimiter itself)
      cast: {
        string: neutralizeFormula,
        boolean: String,
        date: (d) => JSON.stringify(d),
        object: (o) => JSON.stringify(o)
      }
    })
  );
}
