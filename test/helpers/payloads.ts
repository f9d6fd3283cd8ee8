import type {Page} from "playwright-core";

/** Every text of a page a reader sees, senders' notes and progress texts included (code listings aside). */
export async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (!node.parentElement?.closest("pre, code, script, style")) parts.push(node.textContent ?? "");
    return parts.join("\n");
  });
}

/** Markup or spreadsheet formulas in a text: test payloads that have no place on a page of the sample. */
export function payloads(text: string): string[] {
  const markup =
    /<\s*\/?\s*(script|img|iframe|svg|object|embed|style|link|meta|a)\b[^>]*>?|\bon[a-z]+\s*=|javascript:/gi;
  const formula = /(^|[\s,,;;:(])[=+@-][A-Z][A-Z0-9.]*\s*\(/gm;
  return [...text.matchAll(markup), ...text.matchAll(formula)].map((m) => m[0].trim());
}
