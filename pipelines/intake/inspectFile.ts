import {createHash} from "node:crypto";
import {readFile, stat} from "node:fs/promises";
import {basename} from "node:path";
import {PlanwatchError, hashFile} from "../core/index.js";
import type {Catalog} from "./catalog.js";
import {type Finding, type FindingCode, finding} from "./findings.js";
import {type Grid, readGrid} from "../core/index.js";
import {type PriorValue, type Validation, validateGrid} from "./validateGrid.js";
import {isProgressHeader} from "../tasks/index.js";
import type {PriorProgress, ProgressRow} from "../tasks/index.js";
import {validateProgress} from "./validateProgress.js";

/** The default size limit of one submission: 50 MB. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** A submission file read and checked, not yet archived. */
export interface Inspection extends Omit<Validation, "form"> {
  /** `progress` for a task progress report. */
  form: Validation["form"] | "progress";
  path: string;
  name: string;
  sha256: string;
  bytes: number;
  grid: Grid | null;
  content: Buffer | null;
  /** A progress report's rows (form `progress`; `rows` is then empty). */
  progress?: ProgressRow[];
}

/**
 * Reads and validates one file (a dry run: nothing is written). Options: `catalog`; `now`, the
 * submission time; `history`, earlier accepted values;
 * `progressHistory`, earlier accepted progress reports (a file whose header names a task and a
 * status is a progress report); `maxBytes` (default 50 MB); `sheet`, the
 * workbook sheet to read (default: the first visible one). A file too large (in bytes, cells or
 * what it unpacks to), a zip bomb, not text, or malformed is reported as a finding (with the row
 * where reading stopped, when known), never thrown.
 */
export async function inspectFile(
  path: string,
  {
    catalog,
    now,
    history = [],
    progressHistory = [],
    maxBytes = DEFAULT_MAX_BYTES,
    sheet
  }: {
    catalog: Catalog;
    now: Date;
    history?: readonly PriorValue[];
    progressHistory?: readonly PriorProgress[];
    maxBytes?: number;
    sheet?: string;
  }
): Promise<Inspection> {
  const name = basename(path);
  const {size} = await stat(path);
  const base = {path, name, bytes: size, grid: null, content: null, rows: [], form: null};
  if (size > maxBytes) {
    const sha256 = await hashFile(path);
    return {
      ...base,
      sha256,
      findings: [finding("file_too_large", name, 0, "", `文件大小 ${mb(size)} 超过上限 ${mb(maxBytes)}`)]
    };
  }
  const content = await readFile(path);
  const sha256 = createHash("sha256").update(content).digest("hex");
  let grid: Grid;
  try {
    grid = await readGrid(content, {sheet});
  } catch (error) {
    if (!(error instanceof PlanwatchError)) throw error;
    const code = READ_CODES.find((c) => c === error.code) ?? "binary_file";
    const message =
      code === "binary_file" ? `不是文本或 Excel 文件(${error.message}),请另存为 CSV(UTF-8)或 .xlsx` : error.message;
    return {...base, sha256, content, findings: [finding(code, name, error.row ?? 0, "", message)] satisfies Finding[]};
  }
  if (catalog.progress && grid.rows.length && isProgressHeader(grid.rows[0]!)) {
    const checked = validateProgress(grid, {
      file: name,
      catalog: await catalog.progress(),
      now,
      history: progressHistory
    });
    return {
      ...base,
      sha256,
      content,
      grid,
      findings: checked.findings,
      rows: [],
      form: "progress",
      progress: checked.progress
    };
  }
  return {...base, sha256, content, grid, ...validateGrid(grid, {file: name, catalog, now, history})};
}

/** The codes reading a file may refuse it with (anything else it throws is `binary_file`). */
const READ_CODES = [
  "bad_csv",
  "bad_sheet",
  "binary_file",
  "file_too_large",
  "zip_bomb"
] as const satisfies readonly FindingCode[];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
