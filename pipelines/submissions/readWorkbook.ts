import {Readable} from "node:stream";
import ExcelJS from "exceljs";
import {PlanwatchError} from "../error.js";
import {checkZip} from "./checkZip.js";
import type {Grid} from "./readGrid.js";
import {DEFAULT_MAX_CELLS, tooManyCells} from "./readLimits.js";

/** A sheet as the workbook lists it (exceljs's model of `xl/workbook.xml`). */
interface SheetModel {
  id: number;
  name: string;
  rId: string;
  state?: string;
}

/** What exceljs's streaming reader exposes beyond its type declarations. */
interface StreamingReader {
  /** Worksheets as `{eventType: "worksheet", value}`; shared strings, in "emit" mode, as bare `{index, text}`. */
  parse(): AsyncIterable<{eventType?: string; value?: unknown; index?: number; text?: unknown}>;
  model?: {sheets?: SheetModel[]};
  workbookRels?: {Id: string; Target: string}[];
}

interface StreamingSheet extends AsyncIterable<ExcelJS.Row> {
  id: number | string;
  name: string;
  iterator?: {destroy?: () => void};
}

/**
 * Reads one sheet of an xlsx workbook as a stream (exceljs's `WorkbookReader`), after
 * {@link checkZip} has bounded what it unpacks to: rows are kept as text as they pass, and a
 * workbook with more than `maxCells` cells (or shared strings) is refused as it is read
 * (`file_too_large`), not after. The sheet is `sheet` by name, else the first visible one (a hidden
 * first sheet is not what the sender sees). A formula cell gives its cached value; without one it
 * reads `=` and its formula, which no number, month or unit matches, so the cell is named by the
 * check that meets it. Throws `PlanwatchError`: `bad_sheet` in Chinese (with the row near which a
 * damaged sheet failed), `file_too_large`, `zip_bomb`.
 */
export async function readWorkbook(bytes: Uint8Array, {sheet, maxCells = DEFAULT_MAX_CELLS, maxUnpackedBytes}: {sheet?: string; maxCells?: number; maxUnpackedBytes?: number} = {}): Promise<Grid> {
  await checkZip(bytes, {maxUnpackedBytes});
  // The bytes in slices (views, not copies): the unzipper joins what it holds to each chunk it is given.
  const input = Readable.from(slices(bytes, 64 * 1024), {objectMode: false});
  // Shared strings are kept here (not by exceljs) so that their number is bounded too.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {worksheets: "emit", sharedStrings: "emit", styles: "cache", hyperlinks: "ignore", entries: "ignore"}) as unknown as StreamingReader;
  const strings: unknown[] = [];
  const seen: string[] = [];
  let row = 0;
  try {
    for await (const {eventType, value, index, text} of reader.parse()) {
      if (index !== undefined) {
        if (index >= maxCells) throw new PlanwatchError("file_too_large", `Excel 文件的共享字符串超过 ${maxCells.toLocaleString("en-US")} 个,请拆分文件后分别报送`);
        strings[index] = text;
        continue;
      }
      if (eventType !== "worksheet") continue;
      const ws = value as StreamingSheet;
      const sheets = reader.model?.sheets ?? [];
      const want = sheet === undefined ? (sheets.find((s) => !s.state || s.state === "visible") ?? sheets[0]) : sheets.find((s) => s.name === sheet);
      seen.push(ws.name);
      const wanted = want ? ws.name === want.name || String(ws.id) === sheetNumber(reader, want) : sheet === undefined;
      if (!wanted) {
        ws.iterator?.destroy?.();
        continue;
      }
      const name = want?.name ?? ws.name;
      const rows: string[][] = [];
      const rowNumbers: number[] = [];
      let cells = 0;
      for await (const r of ws) {
        row = r.number;
        const values = r.values as unknown[];
        const texts: string[] = [];
        for (let i = 1; i < values.length; i++) texts.push(cellText(values[i], strings));
        while (texts.length && texts.at(-1) === "") texts.pop();
        cells += texts.length;
        if (cells > maxCells) throw tooManyCells(maxCells, row);
        if (texts.every((c) => c.trim() === "")) continue;
        rows.push(texts);
        rowNumbers.push(row);
      }
      input.destroy();
      return {format: "xlsx", encoding: null, delimiter: null, sheet: name, rows, rowNumbers};
    }
  } catch (error) {
    input.destroy();
    if (error instanceof PlanwatchError) throw error;
    const where = row ? `第 ${row + 1} 行附近` : "";
    throw new PlanwatchError("bad_sheet", `无法读取 Excel 文件${where ? `(${where}出错)` : ""}:文件已损坏或不是标准的 .xlsx,请用 Excel 打开后重新保存`, {cause: error, row: row ? row + 1 : undefined});
  }
  const names = (reader.model?.sheets ?? []).map((s) => s.name);
  if (sheet !== undefined && names.length) throw new PlanwatchError("bad_sheet", `没有名为“${sheet}”的工作表(现有:${names.join("、")})`);
  if (sheet !== undefined && seen.length) throw new PlanwatchError("bad_sheet", `没有名为“${sheet}”的工作表(现有:${seen.join("、")})`);
  throw new PlanwatchError("bad_sheet", "Excel 文件中没有工作表");
}

function* slices(bytes: Uint8Array, size: number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield Buffer.from(bytes.buffer, bytes.byteOffset + at, Math.min(size, bytes.length - at));
}

/** The number N of `xl/worksheets/sheetN.xml`, the part the workbook's relationship points a sheet to. */
function sheetNumber(reader: StreamingReader, sheet: SheetModel): string | undefined {
  const target = reader.workbookRels?.find((r) => r.Id === sheet.rId)?.Target;
  return target === undefined ? undefined : /worksheets\/sheet(\d+)\.xml$/.exec(target)?.[1];
}

/**
 * A cell's value as text: numbers in full, dates as YYYY-MM-DD, rich text joined, a formula as its
 * cached result or, without one, `=` and the formula (never `[object Object]`).
 */
function cellText(value: unknown, strings: readonly unknown[]): string {
  if (value == null) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as {result?: unknown; formula?: string; sharedFormula?: string; richText?: {text: string}[]; text?: unknown; error?: string; sharedString?: number};
    if ("formula" in v || "sharedFormula" in v) return v.result !== undefined ? cellText(v.result, strings) : `=${v.formula || v.sharedFormula || ""}`;
    if ("result" in v) return cellText(v.result, strings);
    if (typeof v.sharedString === "number") return cellText(strings[v.sharedString], strings);
    if (v.richText) return v.richText.map((r) => r.text).join("");
    if (v.text !== undefined) return cellText(v.text, strings);
    if (v.error) return v.error;
    return "";
  }
  return String(value);
}
