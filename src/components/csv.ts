/** Prefixes `'` to text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first). */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The browser's twin of `pipelines/core/csv.ts` (csv-stringify, the CLI's writer), for the charts'
 * download button; test/core/csv.test.ts holds both to the same bytes. Pages cannot import from
 * pipelines/ (Framework serves only `src/`), and csv-stringify's browser build is a package subpath
 * that the offline npm cache does not seed.
 *
 * Rows as CSV for a download: UTF-8 with a BOM (Excel on a Chinese Windows reads it right), CRLF,
 * quoted where needed, and text that a spreadsheet would run as a formula prefixed with `'`.
 * `columns` (default: the first row's keys) picks and orders the columns.
 */
export function toCsv(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[] = Object.keys(rows[0] ?? {})
): string {
  const cell = (value: unknown): string => {
    if (value == null) return "";
    const text =
      typeof value === "string"
        ? neutralizeFormula(value)
        : typeof value === "object"
          ? JSON.stringify(value)
          : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return (
    "\uFEFF" +
    [columns.map(cell).join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\r\n") +
    "\r\n"
  );
}
