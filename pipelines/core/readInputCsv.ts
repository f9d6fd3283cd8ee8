import {basename} from "node:path";
import {decodeText} from "./decodeText.js";
import {PlanwatchError} from "./error.js";
import {type InputTable, parseCsv} from "./parseCsv.js";
import {readInputFile} from "./readInputFile.js";

/**
 * Reads one of the project's tables (units, offices, curation, allocations, responsibilities,
 * headers) through {@link readInputFile} (a regular file within the size limit), decoded as
 * submissions are (UTF-8, UTF-16 with a BOM, or GBK as Excel saves it), and parsed by {@link parseCsv}.
 * Anything wrong throws `PlanwatchError` `code` (default `invalid_csv`) in Chinese, starting
 * `<name>:<line>`; a missing file stays the file system's ENOENT.
 */
export function readInputCsv(file: string, {code = "invalid_csv"}: {code?: string} = {}): InputTable {
  const name = basename(file);
  const bytes = readInputFile(file);
  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch (error) {
    if (!(error instanceof PlanwatchError)) throw error;
    throw new PlanwatchError(
      code,
      `${name}:${error.row ?? 1}: 不是可读的文本表格(${error.message}),请另存为 CSV(UTF-8)`
    );
  }
  return parseCsv(text, {name, code});
}
