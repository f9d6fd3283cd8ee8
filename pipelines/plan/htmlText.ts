import type {AnyNode, Element} from "domhandler";
import {PlanwatchError, decodeText, foldCompatibility} from "../core/index.js";

/** Elements that hold no text of the page's article: code, styles, forms, the page's chrome. */
const CHROME = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "svg",
  "head",
  "nav",
  "header",
  "footer",
  "aside",
  "form",
  "select",
  "button",
  "textarea"
]);
/** Elements that start a line of their own. */
const BLOCK = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "center",
  "table",
  "tr",
  "address",
  "figure",
  "figcaption",
  "hr"
]);
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
/** `<meta charset="gbk">` or `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`. */
const META_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w-]+)/i;
const CHINESE_CHARSETS = /^(?:gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/i;

/** The page's text: the charset its `<meta>` names (GBK family or UTF-8), else detected ({@link decodeText}). */
function decodePage(bytes: Uint8Array, file: string): string {
  const charset = META_CHARSET.exec(new TextDecoder("latin1").decode(bytes.subarray(0, 4096)))?.[1];
  try {
    if (charset && CHINESE_CHARSETS.test(charset)) return new TextDecoder("gb18030").decode(bytes);
    if (charset && /^utf-?8$/i.test(charset)) return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
    return decodeText(bytes).text;
  } catch (error) {
    if (!(error instanceof PlanwatchError)) throw error;
    throw new PlanwatchError("invalid_plan", `${file}: 网页不是可读的文本(${error.message})`);
  }
}

const hanCount = (text: string) => text.match(HAN)?.length ?? 0;

/** The text of `node` and what it holds, as one run (no line breaks), chrome left out. */
function flatText(node: AnyNode): string {
  if (node.type === "text") return node.data;
  if (!("children" in node) || (node.type === "tag" && CHROME.has(node.name))) return "";
  if (node.type === "tag" && node.name === "br") return " ";
  return node.children.map(flatText).join("");
}

const clean = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, " ").trim();

/**
 * The lines of `node`: a block element (paragraph, heading, list item) starts a line, `<br>` ends
 * one, a table row is one line of its cells joined by ` | `; chrome (scripts, styles, navigation) is left out.
 */
function blockLines(node: AnyNode): string[] {
  const lines: string[] = [];
  let current = "";
  const flush = () => {
    const line = clean(current);
    if (line) lines.push(line);
    current = "";
  };
  const walk = (n: AnyNode) => {
    if (n.type === "text") {
      current += n.data;
      return;
    }
    if (n.type !== "tag" && n.type !== "root" && n.type !== "script" && n.type !== "style") return;
    const el = n as Element;
    if (n.type !== "root" && CHROME.has(el.name)) return;
    if (el.name === "br") return flush();
    if (el.name === "tr") {
      flush();
      const cells = el.children
        .filter((c): c is Element => c.type === "tag" && (c.name === "td" || c.name === "th"))
        .map((c) => clean(flatText(c)));
      if (cells.some(Boolean)) lines.push(cells.join(" | "));
      return;
    }
    const block = BLOCK.has(el.name);
    if (block) flush();
    for (const c of el.children) walk(c);
    if (block) flush();
  };
  walk(node);
  flush();
  return lines;
}

/**
 * The article of a page: the element whose `<p>` children (and table rows, and its own text) hold the
 * most Chinese characters, as a reader view chooses it; the page's navigation, breadcrumb, details
 * and footer lie outside it.
 */
function article(root: AnyNode): Element | null {
  let best: Element | null = null;
  let bestScore = 0;
  const visit = (n: AnyNode) => {
    if (n.type !== "tag" && n.type !== "root") return;
    const el = n as Element;
    if (n.type === "tag" && CHROME.has(el.name)) return;
    let score = 0;
    for (const c of el.children) {
      if (c.type === "text") score += hanCount(c.data);
      else if (c.type === "tag" && (c.name === "p" || c.name === "table" || c.name === "tbody"))
        score += hanCount(flatText(c));
    }
    if (n.type === "tag" && score > bestScore) [best, bestScore] = [el, score];
    for (const c of el.children) visit(c);
  };
  visit(root);
  return best;
}

/**
 * The text of a saved web page as planwatch reads a plan: the article alone (the element with the
 * most Chinese text in its paragraphs), a line for each paragraph, each table row a line of its cells
 * joined by ` | `, with the page's heading (`<h1>`, else its `<title>` before the site's name) first
 * when the article does not start with it. Navigation, breadcrumbs, visit counts, footers (备案号),
 * scripts and styles are left out. The charset is the `<meta>`'s, else detected as for text.
 * `file` names the page in messages. Throws `PlanwatchError` `invalid_plan` for a page with no text.
 */
export async function htmlText(bytes: Uint8Array, {file}: {file: string}): Promise<string> {
  const [{parseDocument}, {findOne, getElementsByTagName}] = await Promise.all([
    import("htmlparser2"),
    import("domutils")
  ]);
  const document = parseDocument(decodePage(bytes, file));
  const main = article(document);
  const lines = main ? blockLines(main) : [];
  if (!lines.length) throw new PlanwatchError("invalid_plan", `${file}: 网页中没有找到正文`);
  const h1 = findOne((e) => e.name === "h1" && hanCount(flatText(e)) > 0, document.children);
  const [title] = getElementsByTagName("title", document, true, 1);
  const heading = clean(h1 ? flatText(h1) : title ? flatText(title).split(/\s*[-_|–—]\s*/)[0]! : "");
  if (heading && !lines[0]!.includes(heading) && !(main && h1 && isInside(h1, main))) lines.unshift(heading);
  return foldCompatibility(lines.join("\n")) + "\n";
}

function isInside(node: AnyNode, ancestor: AnyNode): boolean {
  for (let n: AnyNode | null = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}
