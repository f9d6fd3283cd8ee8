/** What csv-parse's error codes mean, in Chinese, for a reader who fixes the file. */
const TEXTS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "引号未闭合(某个单元格以英文双引号开头却没有结束的引号)",
  CSV_INVALID_CLOSING_QUOTE: "结束引号后紧跟了其他字符",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "结束引号后紧跟了其他字符",
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "各行列数不一致",
  CSV_RECORD_INCONSISTENT_COLUMNS: "各行列数不一致",
  CSV_MAX_RECORD_SIZE: "单行过长",
  CSV_INVALID_OPENING_QUOTE: "单元格中间出现了引号",
  CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH: "各行列数不一致"
};

/** A csv-parse error as a Chinese sentence (its code's meaning; an unknown code as "无法解析"). */
export function csvErrorText(code: string | undefined): string {
  return (code && TEXTS[code]) ?? "无法按 CSV 解析";
}
