import {CsvError, parse} from "csv-parse/sync";
import ExcelJS from "exceljs";
import {PlanwatchError} from "../error.js";
import {type TextEncodingName, decodeText} from "./decodeText.js";
import {csvErrorText} from "./csvErrorText.js";
import {detectDelimiter} from "./detectDelimiter.js";

/** A submission as a grid of text cells, with the spreadsheet row number of each row. */
export interface Grid {
  format: "csv" | "xlsx";
  /** For CSV: the encoding detected; for xlsx: null. */
  encoding: TextEncodingName | null;
  delimiter: "," | "\t" | ";" | null;
  sheet: string | null;
  /** Rows of cells as text; fully empty rows are left out. */
  rows: string[][];
  /** `rowNumbers[i]` is the row number a spreadsheet shows for `rows[i]` (the header is usually 1). */
  rowNumbers: number[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * Reads a submission's bytes into a grid: an xlsx workbook (the first sheet, or `sheet`), or
 * delimited text in any encoding {@link decodeText} detects, with comma, tab or semicolon (whichever
 * the header line uses most, outside quotes), CRLF or LF, quoted fields holding delimiters, quotes
 * and newlines. The content decides, not the file name. Throws `PlanwatchError` with code
 * `binary_file`, `bad_csv` (naming the line) or `bad_sheet`.
 */
export async function readGrid(bytes: Uint8Array, {sheet}: {sheet?: string} = {}): Promise<Grid> {
  if (ZIP.every((b, i) => bytes[i] === b)) return readWorkbook(bytes, sheet);
  const {text, encoding} = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {delimiter, relax_column_count: true, skip_empty_lines: false, record_delimiter: ["\r\n", "\n", "\r"]}) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const e = error as CsvError & {lines?: number};
      throw new PlanwatchError("bad_csv", `CSV 格式错误(第 ${e.lines ?? "?"} 行附近):${csvErrorText(error.code)}`, {cause: error});
    }
    throw error;
  }
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  records.forEach((record, i) => {
    if (record.every((c) => c.trim() === "")) return;
    rows.push(record);
    rowNumbers.push(i + 1);
  });
  return {format: "csv", encoding, delimiter, sheet: null, rows, rowNumbers};
}

async function readWorkbook(bytes: Uint8Array, name?: string): Promise<Grid> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new PlanwatchError("bad_sheet", `无法读取 Excel 文件:${(error as Error).message}`, {cause: error});
  }
  const sheet = name === undefined ? workbook.worksheets[0] : workbook.getWorksheet(name);
  if (!sheet) {
    const names = workbook.worksheets.map((w) => w.name).join("、");
    throw new PlanwatchError("bad_sheet", name === undefined ? "Excel 文件中没有工作表" : `没有名为“${name}”的工作表(现有:${names})`);
  }
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  sheet.eachRow({includeEmpty: false}, (row, rowNumber) => {
    const values = row.values as unknown[];
    const cells = values.slice(1).map(cellText);
    while (cells.length && cells.at(-1) === "") cells.pop();
    if (cells.every((c) => c.trim() === "")) return;
    rows.push(cells);
    rowNumbers.push(rowNumber);
  });
  return {format: "xlsx", encoding: null, delimiter: null, sheet: sheet.name, rows, rowNumbers};
}

/** A cell's value as text: numbers in full, dates as YYYY-MM-DD, formulas as their result, rich text joined. */
function cellText(value: unknown): string {
  if (value == null) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as {result?: unknown; richText?: {text: string}[]; text?: unknown; error?: string};
    if ("result" in v) return cellText(v.result);
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return v.error;
  }
  return String(value);
}
