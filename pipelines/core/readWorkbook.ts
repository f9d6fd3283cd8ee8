import {createRequire} from "node:module";
import {Readable} from "node:stream";
import {createInflateRaw} from "node:zlib";
import ExcelJS from "exceljs";
import {PlanwatchError} from "./error.js";
import {type ZipEntry, checkZip, packedBytes} from "./checkZip.js";
import type {Grid} from "./readGrid.js";
import {DEFAULT_MAX_CELLS, tooManyCells} from "./readLimits.js";

/** A sheet as the workbook lists it (exceljs's model of `xl/workbook.xml`). */
interface SheetModel {
  id: number;
  name: string;
  rId: string;
  state?: string;
}

/** The parts of exceljs's streaming `WorkbookReader` used here, beyond its type declarations. */
interface StreamingReader {
  options: object;
  model?: {sheets?: SheetModel[]};
  workbookRels?: {Id: string; Target: string}[];
  sharedStrings?: unknown[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  /** In "emit" mode: each string as `{index, text}`. */
  _parseSharedStrings(entry: Readable): AsyncIterable<{index: number; text: unknown}>;
}

type WorksheetReaderClass = new (args: {
  workbook: StreamingReader;
  id: number;
  iterator: AsyncIterable<Buffer>;
  options: object;
}) => AsyncIterable<ExcelJS.Row>;
const WorksheetReader = createRequire(import.meta.url)(
  "exceljs/lib/stream/xlsx/worksheet-reader.js"
) as WorksheetReaderClass;

/**
 * Reads one sheet of an xlsx workbook as a stream, with exceljs's streaming readers, after
 * {@link checkZip} has bounded what its parts unpack to. The parts are read in the order they are
 * needed, whatever their order in the zip (Excel puts the shared strings after the sheets): the
 * workbook's relationships, the workbook, the styles (dates), the shared strings, then only the
 * sheet asked for: `sheet` by name, else the first visible one (a hidden first sheet is not what the
 * sender sees). Rows are kept as text as they pass, and a workbook with more than `maxCells` cells
 * (or shared strings) is refused as it is read (`file_too_large`), not after. A formula cell gives
 * its cached value; without one it reads `=` and its formula, which no number, month or unit
 * matches, so the cell is named by the check that meets it. Throws `PlanwatchError`: `bad_sheet` in
 * Chinese (with the row near which a damaged sheet failed), `file_too_large`, `zip_bomb`.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  {
    sheet,
    maxCells = DEFAULT_MAX_CELLS,
    maxUnpackedBytes
  }: {sheet?: string; maxCells?: number; maxUnpackedBytes?: number} = {}
): Promise<Grid> {
  const entries = await checkZip(bytes, {maxUnpackedBytes});
  const part = (path: string): Readable | null => {
    const e = entries.find((x) => x.name === path || x.name === `/${path}`);
    return e ? memberStream(bytes, e) : null;
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: "emit",
    sharedStrings: "emit",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore"
  }) as unknown as StreamingReader;
  let row = 0;
  try {
    const rels = part("xl/_rels/workbook.xml.rels");
    const book = part("xl/workbook.xml");
    if (!rels || !book)
      throw new PlanwatchError(
        "bad_sheet",
        "Excel 文件中没有工作簿(可能是改了扩展名的其他文件),请另存为 .xlsx 后再报送"
      );
    await reader._parseRels(rels);
    await reader._parseWorkbook(book);
    const styles = part("xl/styles.xml");
    if (styles) await reader._parseStyles(styles);
    const sheets = reader.model?.sheets ?? [];
    const want =
      sheet === undefined
        ? (sheets.find((s) => !s.state || s.state === "visible") ?? sheets[0])
        : sheets.find((s) => s.name === sheet);
    if (!want) {
      if (sheet !== undefined && sheets.length)
        throw new PlanwatchError(
          "bad_sheet",
          `没有名为“${sheet}”的工作表(现有:${sheets.map((s) => s.name).join("、")})`
        );
      throw new PlanwatchError("bad_sheet", "Excel 文件中没有工作表");
    }
    const target = reader.workbookRels?.find((r) => r.Id === want.rId)?.Target;
    const data = target === undefined ? null : part(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    if (!data) throw new PlanwatchError("bad_sheet", `Excel 文件中缺少工作表“${want.name}”的内容`);
    // Shared strings are kept here (not by exceljs) so that their number is bounded too.
    const strings: unknown[] = [];
    const shared = part("xl/sharedStrings.xml");
    if (shared) {
      for await (const {index, text} of reader._parseSharedStrings(shared)) {
        if (index >= maxCells)
          throw new PlanwatchError(
            "file_too_large",
            `Excel 文件的共享字符串超过 ${maxCells.toLocaleString("en-US")} 个,请拆分文件后分别报送`
          );
        strings[index] = text;
      }
    }
    reader.sharedStrings = strings;
    const rows: string[][] = [];
    const rowNumbers: number[] = [];
    let cells = 0;
    for await (const r of new WorksheetReader({
      workbook: reader,
      id: want.id,
      iterator: data,
      options: reader.options
    })) {
      row = r.number;
      const values = r.values as unknown[];
      const texts: string[] = [];
      for (let i = 1; i < values.length; i++) texts.push(cellText(values[i]));
      while (texts.length && texts.at(-1) === "") texts.pop();
      cells += texts.length;
      if (cells > maxCells) throw tooManyCells(maxCells, row);
      if (texts.every((c) => c.trim() === "")) continue;
      rows.push(texts);
      rowNumbers.push(row);
    }
    return {format: "xlsx", encoding: null, delimiter: null, sheet: want.name, rows, rowNumbers};
  } catch (error) {
    if (error instanceof PlanwatchError) throw error;
    // Rows come in batches (one per inflated chunk): the damage is after the last row read.
    const where = row ? `(读到第 ${row} 行之后出错)` : "";
    throw new PlanwatchError(
      "bad_sheet",
      `无法读取 Excel 文件${where}:文件已损坏或不是标准的 .xlsx,请用 Excel 打开后重新保存`,
      {cause: error, row: row ? row + 1 : undefined}
    );
  }
}

/** A zip member's bytes as a stream: inflated in 64 KiB steps from views of the file (stored members as they are). */
function memberStream(bytes: Uint8Array, e: ZipEntry): Readable {
  const packed = packedBytes(bytes, e);
  const chunks = function* () {
    for (let at = 0; at < packed.length; at += 64 * 1024)
      yield Buffer.from(packed.buffer, packed.byteOffset + at, Math.min(64 * 1024, packed.length - at));
  };
  const raw = Readable.from(chunks(), {objectMode: false});
  return e.method === 0 ? raw : raw.pipe(createInflateRaw());
}

/**
 * A cell's value as text: numbers in full, dates as YYYY-MM-DD, rich text joined, a formula as its
 * cached result or, without one, `=` and the formula (never `[object Object]`).
 */
function cellText(value: unknown): string {
  if (value == null) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as {
      result?: unknown;
      formula?: string;
      sharedFormula?: string;
      richText?: {text: string}[];
      text?: unknown;
      error?: string;
    };
    if ("formula" in v || "sharedFormula" in v)
      return v.result !== undefined ? cellText(v.result) : `=${v.formula || v.sharedFormula || ""}`;
    if ("result" in v) return cellText(v.result);
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return v.error;
    return "";
  }
  return String(value);
}
