import {CsvError, parse} from "csv-parse/sync";
import {PlanwatchError} from "./error.js";
import {type TextEncodingName, decodeText} from "./decodeText.js";
import {detectDelimiter} from "./detectDelimiter.js";
import {DEFAULT_MAX_CELLS, DEFAULT_MAX_LINE_BYTES, type ReadLimits, tooManyCells} from "./readLimits.js";

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
 * Reads a submission's bytes into a grid: an xlsx workbook (`readWorkbook`: the first visible
 * sheet, or `sheet`), or delimited text in any encoding {@link decodeText} detects, with comma, tab
 * or semicolon (whichever the header line uses most, outside quotes), CRLF, LF or CR, quoted fields
 * holding delimiters, quotes and newlines. The content decides, not the file name. Throws
 * `PlanwatchError` with code `binary_file`, `bad_csv` or `bad_sheet` (with a Chinese message and,
 * where known, the row as a spreadsheet shows it), `file_too_large` (over `maxCells`, or unpacking
 * to too much) or `zip_bomb`.
 */
export async function readGrid(
  bytes: Uint8Array,
  {
    sheet,
    maxCells = DEFAULT_MAX_CELLS,
    maxLineBytes = DEFAULT_MAX_LINE_BYTES,
    maxUnpackedBytes
  }: {sheet?: string} & ReadLimits = {}
): Promise<Grid> {
  if (ZIP.every((b, i) => bytes[i] === b)) {
    const {readWorkbook} = await import("./readWorkbook.js"); // exceljs is loaded for workbooks only
    return readWorkbook(bytes, {sheet, maxCells, maxUnpackedBytes});
  }
  const {text, encoding} = decodeText(bytes, {maxLineBytes});
  const delimiter = detectDelimiter(text);
  let records: string[][];
  let cells = 0;
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ["\r\n", "\n", "\r"],
      max_record_size: maxLineBytes,
      on_record: (record: string[], {records}: {records: number}) => {
        cells += record.length;
        if (cells > maxCells) throw tooManyCells(maxCells, records);
        return record;
      }
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const e = error as CsvError & {lines?: number; records?: number};
      const row = (e.records ?? 0) + 1;
      throw new PlanwatchError("bad_csv", csvMessage(e.code, row, e.lines), {cause: error, row});
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

/** csv-parse's error, said in Chinese for the person who sent the file. */
function csvMessage(code: string, row: number, line: number | undefined): string {
  const at = line !== undefined && line !== row ? `第 ${row} 行(文本第 ${line} 行附近)` : `第 ${row} 行`;
  switch (code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `CSV 格式错误:${at}有一个引号直到文件末尾都没有闭合(字段中的引号应写成两个 "")`;
    case "CSV_INVALID_CLOSING_QUOTE":
      return `CSV 格式错误:${at}的引号闭合后紧跟着其他字符(字段中的引号应写成两个 "",并用引号包住整个字段)`;
    case "INVALID_OPENING_QUOTE":
      return `CSV 格式错误:${at}的字段中间出现引号(字段中的引号应写成两个 "",并用引号包住整个字段)`;
    case "CSV_MAX_RECORD_SIZE":
      return `CSV 格式错误:${at}的一条记录过长(可能有未闭合的引号)`;
    default:
      return `CSV 格式错误:${at}无法解析(${code})`;
  }
}
