import {PlanwatchError} from "./error.js";
import {sizeText} from "./readLimits.js";

/** The encodings planwatch reads, as it reports them. */
export type TextEncodingName = "utf-8" | "utf-8-bom" | "gb18030" | "utf-16le" | "utf-16be";

/**
 * Decodes a submission's bytes, detecting (never silently guessing) the encoding: a BOM says UTF-8,
 * UTF-16LE or UTF-16BE; without one, UTF-16 shows as every other byte zero, valid UTF-8 is UTF-8,
 * and anything else must decode as GB18030 (GBK is its subset: what Excel writes on a Chinese
 * Windows). Throws `PlanwatchError` `binary_file` for bytes that are none of these, text full of
 * control characters, or a NUL anywhere (naming its line). With `maxLineBytes`, a line (ended by LF,
 * CR or CRLF) longer than that many bytes is `bad_csv`, found on the bytes before any decoding.
 */
export function decodeText(
  bytes: Uint8Array,
  {maxLineBytes}: {maxLineBytes?: number} = {}
): {text: string; encoding: TextEncodingName} {
  const [a, b, c] = bytes;
  let encoding: TextEncodingName;
  let body = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) [encoding, body] = ["utf-8-bom", bytes.subarray(3)];
  else if (a === 0xff && b === 0xfe) [encoding, body] = ["utf-16le", bytes.subarray(2)];
  else if (a === 0xfe && b === 0xff) [encoding, body] = ["utf-16be", bytes.subarray(2)];
  else encoding = sniff(bytes);
  if (maxLineBytes !== undefined)
    checkLines(body, {unit: encoding.startsWith("utf-16") ? 2 : 1, bigEndian: encoding === "utf-16be", maxLineBytes});
  const label = encoding === "utf-8-bom" ? "utf-8" : encoding;
  let text: string;
  try {
    text = new TextDecoder(label, {fatal: true, ignoreBOM: true}).decode(body);
  } catch {
    throw new PlanwatchError(
      "binary_file",
      encoding === "gb18030"
        ? "既不是有效的 UTF-8,也不是 GBK/GB18030(可能混用了两种编码)"
        : `按 ${encoding.toUpperCase()} 无法解码`
    );
  }
  if (controlShare(text) > 0.01) throw new PlanwatchError("binary_file", "含有大量控制字符");
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    const line = lineOf(text, nul);
    throw new PlanwatchError("binary_file", `第 ${line} 行含有 NUL 字节`, {row: line});
  }
  return {text, encoding};
}

/** The line (from 1) that character `at` of `text` is on, counting LF, CR and CRLF as line ends. */
function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/**
 * Throws `bad_csv` at the first line of `bytes` longer than `maxLineBytes`: a line ends at an LF or
 * a CR code unit (`unit` bytes wide, so a UTF-16 character holding the byte 0x0A ends no line).
 */
function checkLines(
  bytes: Uint8Array,
  {unit, bigEndian, maxLineBytes}: {unit: 1 | 2; bigEndian: boolean; maxLineBytes: number}
): void {
  const low = unit === 2 && bigEndian ? 1 : 0;
  let start = 0;
  let line = 1;
  for (let i = 0; i + unit <= bytes.length; i += unit) {
    const c = bytes[i + low]!;
    if ((c !== 10 && c !== 13) || (unit === 2 && bytes[i + 1 - low] !== 0)) continue;
    if (i - start > maxLineBytes) break;
    // CRLF is one line end.
    const crlf = c === 13 && bytes[i + unit + low] === 10 && (unit === 1 || bytes[i + unit + 1 - low] === 0);
    if (crlf) i += unit;
    start = i + unit;
    line++;
  }
  if (bytes.length - start > maxLineBytes) {
    let end = start;
    // How long the line is, to say so (up to its end, or the end of the file).
    for (; end + unit <= bytes.length; end += unit) {
      const c = bytes[end + low]!;
      if ((c === 10 || c === 13) && (unit === 1 || bytes[end + 1 - low] === 0)) break;
    }
    throw new PlanwatchError(
      "bad_csv",
      `第 ${line} 行长 ${sizeText(end - start)},超过每行 ${sizeText(maxLineBytes)} 的上限(不像表格数据,请检查文件)`,
      {row: line}
    );
  }
}

function sniff(bytes: Uint8Array): TextEncodingName {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (pairs > 0 && oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return "utf-16le";
  if (pairs > 0 && evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return "utf-16be";
  if (evenZero + oddZero > 0) throw new PlanwatchError("binary_file", "含有 NUL 字节");
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

function controlShare(text: string): number {
  if (!text.length) return 0;
  let control = 0;
  const n = Math.min(text.length, 8192);
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd) control++;
  }
  return control / n;
}
