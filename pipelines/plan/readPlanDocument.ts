import {extname} from "node:path";
import {MAX_PLAN_CHARACTERS, PlanwatchError, planTooLarge, readInputFile} from "../core/index.js";
import {MHT_START, mhtPage} from "./mhtPage.js";
import {decodePlanText} from "./readPlanText.js";

/** The kinds of plan document planwatch reads. */
export type PlanFormat = "text" | "docx" | "pdf" | "html";

/** A plan document read: the text planwatch reads (offsets index it) and the format it came in. */
export interface PlanDocument {
  text: string;
  format: PlanFormat;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OLE2 compound file: Word 97–2003 (.doc), WPS 文字 (.wps), Excel 97–2003 (.xls), WPS 表格 (.et). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Word 2003's XML document (WordprocessingML 2003: `<?mso-application progid="Word.Document"?>`, `<w:wordDocument`). */
const WORD_2003_XML = /^\s*<\?xml[^>]*>\s*(?:<\?mso-application\s+progid="Word\.Document"|<w:wordDocument\b)/;
const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b/i;
const HTML_TAG = /<(?:html|body|p|div|table|br)\b[^>]*>/i;
/** Formats planwatch does not read, by extension, with the name a person knows them by. */
const FORMAT_NAMES: Record<string, string> = {
  ".doc": "Word 97-2003 文档(.doc)",
  ".wps": "WPS 文字文档(.wps)",
  ".ofd": "OFD 版式文档(.ofd)",
  ".rtf": "RTF 文档(.rtf)",
  ".odt": "OpenDocument 文档(.odt)",
  ".wpt": "WPS 模板(.wpt)",
  ".dot": "Word 模板(.dot)",
  ".xls": "Excel 表格",
  ".xlsx": "Excel 表格",
  ".et": "WPS 表格",
  ".ppt": "演示文稿",
  ".pptx": "演示文稿",
  ".caj": "CAJ 文档(.caj)"
};

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** The extensions of OLE2 compound files: their name tells what the file is. */
const OLE2_EXTENSIONS = new Set([".doc", ".wps", ".wpt", ".dot", ".xls", ".et", ".ppt"]);
/** What an OLE2 compound file holds, by the name of its main stream (UTF-16LE in its directory). */
const OLE2_STREAMS: [string, string][] = [
  ["WordDocument", "Word 97-2003 文档(.doc)"],
  ["Workbook", "Excel 97-2003 表格(.xls)"],
  ["PowerPoint Document", "演示文稿(.ppt)"]
];

/**
 * What an OLE2 file is when its name does not say it (a `.doc` saved as `plan.docx`, or with no
 * extension): the kind its main stream names, else undefined (the extension's name, or none).
 */
function ole2Kind(bytes: Uint8Array, file: string): string | undefined {
  if (OLE2_EXTENSIONS.has(extname(file).toLowerCase())) return undefined;
  const names = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return OLE2_STREAMS.find(([stream]) => names.includes(Buffer.from(stream, "utf16le")))?.[1];
}

/** `unsupported_plan_format`: the file is a document planwatch cannot read, and what to save it as. */
export function unsupportedPlanFormat(file: string, kind?: string): PlanwatchError {
  const name = kind ?? FORMAT_NAMES[extname(file).toLowerCase()] ?? "planwatch 不能读取的格式";
  return new PlanwatchError(
    "unsupported_plan_format",
    `${file}: 是${name},planwatch 不能直接读取:请在 WPS 或 Word 中另存为 .docx 或 .txt 后重试(也可用 .pdf 或网页 .html)`
  );
}

/**
 * What a plan file is, by its content rather than its name: a zip (a Word document, or an OFD, an
 * OpenDocument or an Excel file, which are zips too), a PDF (`%PDF-`), a web archive (`mht`: MIME
 * `multipart/related`, whatever its name: Word's 单个文件网页 is often named `.doc`), a web page (HTML tags),
 * else text. A binary document planwatch cannot read (an OLE2 `.doc`/`.wps`, an RTF, or a file with
 * such an extension that is not text) is `unsupported_plan_format`.
 */
export function planFormat(bytes: Uint8Array, {file}: {file: string}): PlanFormat | "zip" | "mht" {
  if (startsWith(bytes, ZIP)) return "zip";
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  if (/^\s*%PDF-/.test(head.slice(0, 1024))) return "pdf";
  if (MHT_START.test(head)) return "mht";
  if (startsWith(bytes, OLE2)) throw unsupportedPlanFormat(file, ole2Kind(bytes, file));
  if (head.startsWith("{\\rtf")) throw unsupportedPlanFormat(file, "RTF 文档");
  if (WORD_2003_XML.test(head)) throw unsupportedPlanFormat(file, "Word 2003 XML 文档");
  const ext = extname(file).toLowerCase();
  const html =
    HTML_START.test(head.replace(/^\uFEFF|^\xef\xbb\xbf/, "")) || (/^\.x?html?$/.test(ext) && HTML_TAG.test(head));
  if (html) return "html";
  return "text";
}

/**
 * What a zip is: `docx` for a Word document, else what it is (an OFD, an OpenDocument, a spreadsheet), for the message.
 * Rejects for a damaged zip.
 */
export async function zipKind(bytes: Uint8Array): Promise<"docx" | string> {
  const {default: JSZip} = await import("jszip");
  const zip = await JSZip.loadAsync(bytes);
  if (zip.file("word/document.xml")) return "docx";
  if (zip.file("OFD.xml")) return "OFD 版式文档(.ofd)";
  if (zip.file("content.xml")) return "OpenDocument 文档(.odt)";
  if (zip.file("xl/workbook.xml")) return "Excel 表格";
  if (zip.file("ppt/presentation.xml")) return "演示文稿";
  return "压缩包";
}

/** The largest plan document read (a PDF with its fonts embedded is larger than its text). */
export const MAX_DOCUMENT_BYTES = 64 << 20;

/**
 * Reads a plan as a bureau publishes it: a Word document (`.docx`), a PDF, a saved web page or text
 * (UTF-8, GBK, UTF-16), chosen by the file's content ({@link planFormat}); the readers of `.docx`,
 * PDF and HTML load only when such a file comes. Every reader of the plan reads it here, so offsets
 * into the text are the same for all. Throws `PlanwatchError` `unsupported_plan_format` for a `.doc`,
 * `.wps`, `.ofd` and other binaries (saying what to save it as), `invalid_plan` for an unreadable,
 * damaged or empty one, `plan_too_large` for a text over {@link MAX_PLAN_CHARACTERS} characters (so that extraction
 * stays bounded in time and memory); a missing file stays the file system's ENOENT.
 */
export async function readPlanDocument(plan: string): Promise<PlanDocument> {
  return bounded(await readDocument(plan), plan);
}

async function readDocument(plan: string): Promise<PlanDocument> {
  let bytes: Buffer;
  try {
    // the one checked reader of project inputs: a regular file (never a FIFO or a device), within a limit
    bytes = readInputFile(plan, {maxBytes: MAX_DOCUMENT_BYTES});
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw error;
    throw new PlanwatchError("invalid_plan", `计划文本:${(error as Error).message}`, {cause: error});
  }
  const format = planFormat(bytes, {file: plan});
  let text: string;
  if (format === "zip") {
    let kind: string;
    try {
      kind = await zipKind(bytes);
    } catch {
      throw new PlanwatchError("invalid_plan", `${plan}: 压缩包已损坏,无法读取(Word 文档请重新保存为 .docx)`);
    }
    if (kind !== "docx") throw unsupportedPlanFormat(plan, kind);
    const {docxText} = await import("./docxText.js");
    return checked({text: await docxText(bytes, {file: plan}), format: "docx"}, plan);
  }
  if (format === "pdf") {
    const {pdfText} = await import("./pdfText.js");
    text = await pdfText(bytes, {file: plan});
  } else if (format === "html" || format === "mht") {
    const {htmlText} = await import("./htmlText.js");
    text = await htmlText(format === "mht" ? mhtPage(bytes, {file: plan}) : bytes, {file: plan});
    return checked({text, format: "html"}, plan);
  } else {
    if (FORMAT_NAMES[extname(plan).toLowerCase()]) {
      try {
        return {text: decodePlanText(bytes, {file: plan}), format};
      } catch {
        throw unsupportedPlanFormat(plan); // a .doc, .wps or .ofd that is not text
      }
    }
    return {text: decodePlanText(bytes, {file: plan}), format};
  }
  return checked({text, format}, plan);
}

function bounded(document: PlanDocument, plan: string): PlanDocument {
  if (document.text.length > MAX_PLAN_CHARACTERS) throw planTooLarge(plan, document.text.length);
  return document;
}

function checked(document: PlanDocument, plan: string): PlanDocument {
  if (!document.text.trim()) throw new PlanwatchError("invalid_plan", `${plan}: 文档中没有文字`);
  return document;
}
