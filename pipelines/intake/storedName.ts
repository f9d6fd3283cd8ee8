/** C0 control characters and DEL, which a stored name must not hold. */
// eslint-disable-next-line no-control-regex -- control characters are what it is for
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** The longest a stored file's name may get from the name it was sent under, in UTF-8 bytes. */
const NAME_BYTES = 120;

/**
 * The name a file is kept under (`rejected/`, the inbox's `processed/`): `<prefix>-<name>`, the name
 * still readable but cut to {@link NAME_BYTES} bytes (its extension kept, `…` where it was cut) and
 * control characters replaced, so that with the prefix, a suffix such as `.report.txt` and a
 * temporary prefix it stays far below the 255 bytes a file system allows. The prefix (a hash) keeps
 * two cut names apart.
 */
export function storedName(prefix: string, name: string): string {
  const clean = name.replace(CONTROL_CHARACTERS, "_");
  if (Buffer.byteLength(clean) <= NAME_BYTES) return `${prefix}-${clean}`;
  const ext = /\.[^.]{1,12}$/.exec(clean)?.[0] ?? "";
  const budget = NAME_BYTES - Buffer.byteLength(ext) - Buffer.byteLength("…");
  let stem = "";
  for (const char of clean.slice(0, clean.length - ext.length)) {
    if (Buffer.byteLength(stem + char) > budget) break;
    stem += char;
  }
  return `${prefix}-${stem}…${ext}`;
}
