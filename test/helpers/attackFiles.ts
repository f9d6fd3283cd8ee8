// Hostile submission files, built the same way byte for byte: the committed ones in
// test/fixtures/attack/ (written by test/fixtures/makeAttackFixtures.ts) and the large ones that
// test/intake/attack.test.ts writes at run time.
import ExcelJS from "exceljs";
import JSZip from "jszip";

const FIXED_DATE = new Date(Date.UTC(2023, 0, 1));

export const HEADER = ["单位", "月份", "指标编号", "数值", "分子", "分母", "口径", "备注"];
/** One good row: 西湖区, June 2023, 6.1b 4200 places. */
export const GOOD = ["西湖区", "2023-06", "6.1b", "4200", "", "", "累计", ""];

/** A CSV line of cells (quoted where needed). */
export const csvLine = (cells: readonly string[]) =>
  cells.map((c) => (/[",\n\r]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",");

/** An xlsx written by exceljs from `build`, with every time stamp fixed, packed again by JSZip (`edit` may change its parts first). */
export async function workbookBytes(
  build: (wb: ExcelJS.Workbook) => void,
  edit?: (zip: JSZip) => Promise<void> | void
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = wb.lastModifiedBy = "planwatch";
  wb.created = wb.modified = FIXED_DATE;
  build(wb);
  const written = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  await edit?.(written);
  const zip = new JSZip();
  for (const name of Object.keys(written.files).sort()) {
    const entry = written.files[name]!;
    if (!entry.dir) zip.file(name, await entry.async("uint8array"), {date: FIXED_DATE, createFolders: false});
  }
  return zip.generateAsync({type: "nodebuffer", compression: "DEFLATE", compressionOptions: {level: 9}});
}

/** A one-sheet workbook of `rows` (strings, numbers, or exceljs cell values such as formulas). */
export const sheetBytes = (
  rows: readonly (readonly ExcelJS.CellValue[])[],
  edit?: (zip: JSZip) => Promise<void> | void
) =>
  workbookBytes((wb) => {
    const ws = wb.addWorksheet("报送");
    for (const row of rows) ws.addRow([...row]);
  }, edit);

/** A workbook whose first sheet's XML is `xml` (well formed, no rows), for sizes that only the XML makes. */
export const sheetXmlBytes = (xml: string) =>
  sheetBytes([HEADER], (zip) => void zip.file("xl/worksheets/sheet1.xml", xml));

/** Sets the size that the central directory states for member `name` of a zip to `size` (a lie, for the check that inflates). */
export function statedSize(bytes: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(bytes);
  for (let at = out.length - 46; at >= 0; at--) {
    if (out.readUInt32LE(at) !== 0x02014b50) continue;
    const length = out.readUInt16LE(at + 28);
    if (out.toString("utf8", at + 46, at + 46 + length) === name) {
      out.writeUInt32LE(size, at + 24);
      return out;
    }
  }
  throw new Error(`no member ${name}`);
}
