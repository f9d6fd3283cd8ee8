import {PlanwatchError} from "./error.js";

/** The bounds of reading one submission, so that a hostile file costs little time and memory. */
export interface ReadLimits {
  /** The most cells a grid may hold (default 1,000,000): more is `file_too_large`, found as they are read. */
  maxCells?: number;
  /** The longest line of a text file, in bytes (default 1 MiB): longer is `bad_csv`, found before decoding. */
  maxLineBytes?: number;
  /** The most bytes an xlsx may unpack to, all its parts together (default 256 MiB). */
  maxUnpackedBytes?: number;
}

export const DEFAULT_MAX_CELLS = 500_000;
export const DEFAULT_MAX_LINE_BYTES = 1 << 20;
export const DEFAULT_MAX_UNPACKED_BYTES = 256 << 20;

/** The error of a grid over `maxCells`, found at spreadsheet row `row`. */
export function tooManyCells(maxCells: number, row: number): PlanwatchError {
  return new PlanwatchError(
    "file_too_large",
    `到第 ${row} 行已超过 ${maxCells.toLocaleString("en-US")} 个单元格的上限,请拆分文件后分别报送`,
    {row}
  );
}

/** Bytes as people read them: `12 KB`, `3.5 MB`. */
export function sizeText(n: number): string {
  return n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/**
 * The longest plan text read, in characters (1,000,000): about 75 times the seed's 13,212 (37 KB), the longest plan
 * of the corpora. Larger is no plan but a wrong file or a compilation, refused before it is read.
 */
export const MAX_PLAN_CHARACTERS = 1_000_000;

/** The error of a plan text of `characters` characters, over `maxCharacters`, naming the file. */
export function planTooLarge(file: string, characters: number, maxCharacters = MAX_PLAN_CHARACTERS): PlanwatchError {
  const n = (x: number) => x.toLocaleString("en-US");
  return new PlanwatchError(
    "plan_too_large",
    `${file}: 计划文本共 ${n(characters)} 字,超过 ${n(maxCharacters)} 字的上限(一份工作计划通常不足十万字):请确认选对了文件,汇编多份计划时请分别建立项目`
  );
}
