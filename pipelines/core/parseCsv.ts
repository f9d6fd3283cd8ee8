import {CsvError, parse} from "csv-parse/sync";
import {PlanwatchError} from "./error.js";

/** A project table as read: its file's name, its header (trimmed), and each row with the line it starts on. */
export interface InputTable {
  /** The file's name, as errors name it (`units.csv`). */
  name: string;
  header: string[];
  rows: {line: number; cells: string[]}[];
}

/**
 * Parses a small CSV (a project table, the sample's manifest) into its header (trimmed) and rows,
 * each with the line it starts on; a BOM and blank lines skipped. Every row must have as many cells
 * as the header. A malformed file throws `PlanwatchError` `code` (default `invalid_csv`) in Chinese,
 * `<name>:<line>:<column> <what is wrong>`, the column counted from 1.
 */
export function parseCsv(text: string, {name, code = "invalid_csv"}: {name: string; code?: string}): InputTable {
  let records: {record: string[]; info: {lines: number}}[];
  try {
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const e = error as CsvError & {lines?: number; column?: number | string};
    const reason = CSV_REASONS[error.code] ?? "CSV 格式错误";
    throw new PlanwatchError(code, `${name}:${e.lines ?? "?"}:${Number(e.column ?? 0) + 1} ${reason}`, {
      cause: error,
      ...(e.lines ? {row: e.lines} : {})
    });
  }
  const [head, ...rest] = records;
  const header = (head?.record ?? []).map((h) => h.trim());
  const rows = rest.map(({record, info}) => ({line: info.lines - newlines(record), cells: record}));
  for (const {line, cells} of rows) {
    if (cells.length === header.length) continue;
    const more = cells.length > header.length;
    throw new PlanwatchError(
      code,
      `${name}:${line}:${Math.min(cells.length, header.length) + 1} 此行有 ${cells.length} 个单元格,表头有 ${header.length} 列` +
        (more ? "(内容中的逗号须放在英文双引号内)" : "(缺少的单元格请以逗号留空)"),
      {row: line}
    );
  }
  return {name, header, rows};
}

/** How many line ends a record's cells hold: a quoted cell may span lines, and `info.lines` is where the record ends. */
function newlines(record: readonly string[]): number {
  let n = 0;
  for (const cell of record) n += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  return n;
}

/** csv-parse's errors, as people read them. */
const CSV_REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "英文双引号没有闭合(引号内的内容直到文件末尾)",
  CSV_INVALID_CLOSING_QUOTE: '英文双引号闭合后紧跟了其他字符(单元格内的双引号须写成两个:"")',
  INVALID_OPENING_QUOTE: "单元格中间出现英文双引号(含双引号的单元格须整体加双引号,内部双引号写成两个)",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "英文双引号闭合后紧跟了其他字符",
  CSV_MAX_RECORD_SIZE: "单元格过长"
};
