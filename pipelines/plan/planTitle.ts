/**
 * A plan's title, read from its text: the first non-empty line, with a covering notice's wrapping
 * taken off (`某市教育局关于印发2024年工作要点的通知` → `某市教育局2024年工作要点`) and book-title
 * marks dropped; simplified or traditional characters, as written. Null for a text with no line.
 */
export function planTitle(text: string): string | null {
  const line = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .find(Boolean);
  if (!line) return null;
  const notice = /^(.*?)(?:关于|關於)?(?:印发|印發|转发|轉發|下达|下達)(.+?)的(?:通知|通知書)$/.exec(line);
  const title = notice ? `${notice[1]!.replace(/(?:关于|關於)$/, "")}${notice[2]!}` : line;
  return title.replace(/[《》〈〉]/g, "").trim() || null;
}
