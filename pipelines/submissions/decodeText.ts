import {PlanwatchError} from "../error.js";

/** The encodings planwatch reads, as it reports them. */
export type TextEncodingName = "utf-8" | "utf-8-bom" | "gb18030" | "utf-16le" | "utf-16be";

/**
 * Decodes a submission's bytes, detecting (never silently guessing) the encoding: a BOM says UTF-8,
 * UTF-16LE or UTF-16BE; without one, UTF-16 shows as every other byte zero, valid UTF-8 is UTF-8,
 * and anything else must decode as GB18030 (GBK is its subset: what Excel writes on a Chinese
 * Windows). Throws `PlanwatchError` `binary_file` for bytes that are none of these, or text full
 * of control characters.
 */
export function decodeText(bytes: Uint8Array): {text: string; encoding: TextEncodingName} {
  const [a, b, c] = bytes;
  let encoding: TextEncodingName;
  let body = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) [encoding, body] = ["utf-8-bom", bytes.subarray(3)];
  else if (a === 0xff && b === 0xfe) [encoding, body] = ["utf-16le", bytes.subarray(2)];
  else if (a === 0xfe && b === 0xff) [encoding, body] = ["utf-16be", bytes.subarray(2)];
  else encoding = sniff(bytes);
  const label = encoding === "utf-8-bom" ? "utf-8" : encoding;
  let text: string;
  try {
    text = new TextDecoder(label, {fatal: true, ignoreBOM: true}).decode(body);
  } catch {
    throw new PlanwatchError("binary_file", `按 ${encoding} 无法解码`);
  }
  if (controlShare(text) > 0.01) throw new PlanwatchError("binary_file", "含有大量控制字符");
  return {text, encoding};
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
