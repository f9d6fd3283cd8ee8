/** `<meta charset="gbk">` or `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`. */
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w-]+)/i;

/** The charset a page's `<meta>` names in its first 4 KB (`gb2312`, `utf-8`), undefined when none does. */
export function metaCharset(bytes: Uint8Array): string | undefined {
  return META_CHARSET.exec(new TextDecoder("latin1").decode(bytes.subarray(0, 4096)))?.[1];
}
