import ExcelJS from "exceljs";
import JSZip from "jszip";

const FIXED_DATE = new Date(Date.UTC(2023, 0, 1));

/**
 * An xlsx workbook of one sheet holding `rows`, byte for byte the same for the same rows: exceljs
 * stamps the time on the workbook and on every zip entry, so both are fixed here.
 */
export async function writeXlsx(
  rows: readonly (readonly (string | number | null)[])[],
  {sheet = "报送"}: {sheet?: string} = {}
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = workbook.lastModifiedBy = "planwatch";
  workbook.created = workbook.modified = FIXED_DATE;
  const worksheet = workbook.addWorksheet(sheet);
  for (const row of rows) worksheet.addRow([...row]);
  const written = await JSZip.loadAsync(Buffer.from(await workbook.xlsx.writeBuffer()));
  const zip = new JSZip();
  for (const name of Object.keys(written.files).sort()) {
    const entry = written.files[name]!;
    if (!entry.dir) zip.file(name, await entry.async("uint8array"), {date: FIXED_DATE, createFolders: false});
  }
  return zip.generateAsync({type: "nodebuffer", compression: "DEFLATE"});
}
