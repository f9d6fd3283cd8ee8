import {PlanwatchError} from "../core/index.js";
import {metaCharset} from "./metaCharset.js";

/** A web archive's start: a MIME message of related parts (`.mht`, Word's 单个文件网页, a browser's page saved as one file). */
export const MHT_START = /^\s*(?:[\w-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?Content-Type:\s*multipart\/related\b/i;

/** A part's headers and body. */
interface Part {
  headers: Map<string, string>;
  body: string;
}

/** The header block `text` opens with (folded lines joined), by lower-case name, and where it ends. */
function readHeaders(text: string): {headers: Map<string, string>; end: number} {
  const blank = /\r?\n\r?\n/.exec(text);
  const end = blank ? blank.index + blank[0].length : text.length;
  const headers = new Map<string, string>();
  for (const line of text
    .slice(0, blank?.index ?? text.length)
    .replace(/\r?\n[ \t]+/g, " ")
    .split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return {headers, end};
}

/** A header's parameter (`boundary="…"`, `charset=gb2312`). */
const parameter = (value: string | undefined, name: string) =>
  new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i")
    .exec(value ?? "")
    ?.slice(1)
    .find(Boolean);

/** A quoted-printable body's bytes (RFC 2045): `=XX` a byte, `=` at a line's end a soft break. */
function quotedPrintable(body: string): Uint8Array {
  const text = body.replace(/=\r?\n/g, "");
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === "=" ? /^[0-9A-Fa-f]{2}/.exec(text.slice(i + 1, i + 3)) : null;
    if (hex) {
      out.push(parseInt(hex[0], 16));
      i += 2;
    } else out.push(text.charCodeAt(i) & 0xff);
  }
  return Uint8Array.from(out);
}

/**
 * The page a web archive holds (MIME `multipart/related`: `.mht`/`.mhtml`, Word's 单个文件网页 that sites often
 * name `.doc`, a browser's page saved as one file): the bytes of its first `text/html` part, decoded from
 * quoted-printable or base64, with a `<meta charset>` put first when only the part's header names the charset.
 * `file` names the archive in messages. Throws `PlanwatchError` `invalid_plan` for an archive with no page.
 */
export function mhtPage(bytes: Uint8Array, {file}: {file: string}): Uint8Array {
  // headers and encoded bodies are ASCII; a preamble in another charset is skipped
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const top = readHeaders(text);
  const boundary = parameter(top.headers.get("content-type"), "boundary");
  const parts: Part[] = [];
  if (boundary)
    for (const chunk of text.slice(top.end).split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith("--")) break;
      const {headers, end} = readHeaders(chunk.replace(/^[ \t]*\r?\n/, ""));
      parts.push({headers, body: chunk.replace(/^[ \t]*\r?\n/, "").slice(end)});
    }
  const page = parts.find((p) => /^text\/html\b/i.test(p.headers.get("content-type") ?? ""));
  if (!page) throw new PlanwatchError("invalid_plan", `${file}: 网页存档(.mht)中没有网页`);
  const encoding = (page.headers.get("content-transfer-encoding") ?? "").toLowerCase();
  const html =
    encoding === "base64"
      ? Uint8Array.from(Buffer.from(page.body, "base64"))
      : encoding === "quoted-printable"
        ? quotedPrintable(page.body)
        : Uint8Array.from(Buffer.from(page.body.replace(/\r?\n$/, ""), "latin1"));
  const charset = parameter(page.headers.get("content-type"), "charset");
  if (!charset || metaCharset(html)) return html;
  return Uint8Array.from(Buffer.concat([Buffer.from(`<meta charset="${charset}">`), html]));
}
