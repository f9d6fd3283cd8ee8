import iconv from "iconv-lite";

/** The encodings the sample writes, as districts' Excel does. */
export type SampleEncoding = "utf-8" | "utf-8-bom" | "gbk" | "utf-16le";

/** Encodes text as `encoding` (UTF-16LE with its BOM, as Excel's "Unicode text" does). */
export function encodeText(text: string, encoding: SampleEncoding): Buffer {
  switch (encoding) {
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "utf-8-bom":
      return Buffer.from("\uFEFF" + text, "utf8");
    case "gbk":
      return iconv.encode(text, "gbk");
    case "utf-16le":
      return Buffer.from("\uFEFF" + text, "utf16le");
  }
}
