/**
 * A table cell's paragraphs as one text, in a Word file and a web page alike: run together after a sentence's end or
 * a mark (`。`, `、`), else parted by a space (two offices in two paragraphs, `市教育局 市人社局`, are not one name). A
 * table in the cell is read within it, its cells parted by spaces.
 */
export function cellText(lines: readonly string[]): string {
  let out = "";
  for (const line of lines.map((l) => l.replace(/ \| /g, " ").trim()).filter(Boolean))
    out += !out || /[。;；,，、:：!！?？)）\]】”]$/.test(out) ? line : ` ${line}`;
  return out;
}
