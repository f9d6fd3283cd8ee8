import type {AnyNode, Element} from "domhandler";
import {PlanwatchError, decodeText, foldCompatibility} from "../core/index.js";
import {metaCharset} from "./metaCharset.js";

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
/** Lists and their items: a site's menus and link lists, never the paragraphs of an article. */
const BLOCK_LISTS = new Set(["ul", "ol", "li", "dl", "dt", "dd"]);
/** A link to an attached file: `附件:1.<a href="….doc">任务分解表</a>` is another document, not this one's text. */
const FILE_LINK = /\.(?:docx?|wps|pdf|ofd|xlsx?|et|csv|zip|rar|7z|pptx?)(?:[?#].*)?$/i;
const CHINESE_CHARSETS = /^(?:gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312)$/i;

/** The bytes as UTF-8 when they are valid UTF-8 holding more than ASCII, else undefined. */
function utf8(bytes: Uint8Array): string | undefined {
  if (!bytes.some((b) => b >= 0x80)) return undefined;
  try {
    return new TextDecoder("utf-8", {fatal: true}).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The page's text: the charset its `<meta>` names (GBK family, unless the bytes are UTF-8 that the page was
 * saved again in; or UTF-8), else detected ({@link decodeText}).
 */
function decodePage(bytes: Uint8Array, file: string): string {
  const charset = metaCharset(bytes);
  try {
    // a page saved again in UTF-8 (an editor's or a tool's copy) keeps the <meta> it was published with: Chinese
    // text in GBK is never valid UTF-8 of more than ASCII, so valid UTF-8 with such bytes is UTF-8
    if (charset && CHINESE_CHARSETS.test(charset))
      return (utf8(bytes) ?? new TextDecoder("gb18030").decode(bytes)).replace(/^\uFEFF/, "");
    if (charset && /^utf-?8$/i.test(charset)) return new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
    return decodeText(bytes).text;
  } catch (error) {
    if (!(error instanceof PlanwatchError)) throw error;
    throw new PlanwatchError("invalid_plan", `${file}: 网页不是可读的文本(${error.message})`);
  }
}

const hanCount = (text: string) => text.match(HAN)?.length ?? 0;

/** Whether `node` is chrome: a script or a style (which the parser types apart from tags), a form, navigation. */
const isChrome = (node: AnyNode) =>
  node.type === "script" || node.type === "style" || (node.type === "tag" && CHROME.has(node.name));

/** The text of `node` and what it holds, as one run (no line breaks), chrome left out. */
function flatText(node: AnyNode): string {
  if (node.type === "text") return node.data;
  if (!("children" in node) || isChrome(node)) return "";
  if (node.type === "tag" && node.name === "br") return " ";
  return node.children.map(flatText).join("");
}

const clean = (text: string) => text.replace(/[\s\u00a0\u3000]+/g, " ").trim();

const isTag = (node: AnyNode, ...names: string[]): node is Element =>
  node.type === "tag" && (names.length === 0 || names.includes(node.name));
const cellsOf = (row: Element) => row.children.filter((c): c is Element => isTag(c, "td", "th"));
/** The rows of a table, in its `<tbody>`, `<thead>`, `<tfoot>` or directly under it (not those of a table inside). */
const rowsOf = (table: Element): Element[] =>
  table.children.flatMap((c) => (isTag(c, "tr") ? [c] : isTag(c, "tbody", "thead", "tfoot") ? rowsOf(c) : []));
const holdsTable = (node: AnyNode): boolean =>
  "children" in node && node.children.some((c) => isTag(c, "table") || (isTag(c) && holdsTable(c)));

/**
 * A row that lays a page out rather than holding data: one cell (a frame, a column of the page, a
 * heading across a table), or a cell that holds a table of its own. Its cells are read as blocks,
 * each paragraph a line, not as one line of cells.
 */
const isLayoutRow = (row: Element) => {
  const cells = cellsOf(row);
  if (cells.length === 1 || cells.some((cell) => holdsTable(cell) || holdsArticle(cell))) return true;
  // the site's menu beside the article, however short
  return cells.some(isMenu) && cells.some((cell) => !isMenu(cell) && lineCount(cell) >= 3);
};
/** A cell of a page's menu: two links or more, and no text beside them but separators. */
const isMenu = (cell: Element) => {
  const links = findLinks(cell);
  const rest = besideLinks(clean(flatText(cell)), links);
  return links.length >= 2 && !/[^\s|\uff5c·•\-—、,,]/.test(rest);
};
/** The blocks and line breaks that part a cell's text into lines. */
const LINE_TAGS = new Set(["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6"]);
const lineCount = (node: AnyNode): number =>
  "children" in node
    ? node.children.reduce((n, c) => n + (isTag(c) && LINE_TAGS.has(c.name) ? 1 : 0) + lineCount(c), 0)
    : 0;
/**
 * A cell that holds an article (a column of the page beside its menu): five lines or more and 200 Chinese
 * characters, more than a data table's cell holds.
 */
const holdsArticle = (cell: Element) => lineCount(cell) >= 5 && hanCount(flatText(cell)) >= 200;
/** A table that lays a page out: every row of it a layout row. */
const isLayoutTable = (table: Element) => {
  const rows = rowsOf(table);
  return rows.length > 0 && rows.every(isLayoutRow);
};

/** Whether `node` holds no block (a paragraph written as a `<div>` or a `<span>` of text): a paragraph of the article. */
const isParagraph = (node: Element): boolean =>
  !node.children.some((c) => isTag(c) && (BLOCK.has(c.name) || c.name === "td" || !isParagraph(c)));

/** Per table, the cells of rows above that span down (`rowspan`), by column: their text and the rows they still cover. */
const spanning = new WeakMap<Element, ({text: string; rows: number} | undefined)[]>();

/**
 * A table row's cells as Word's and a PDF's rows are read: a cell spanning rows (`rowspan`, a 牵头单位 for
 * several tasks) gives each of its rows its text; a cell spanning columns (`colspan`) is followed by empty
 * ones, so that the cells after it stay under their headers.
 */
function rowCells(row: Element): string[] {
  let table = row.parent;
  while (table && !isTag(table, "table")) table = table.parent;
  const above = (table && spanning.get(table as Element)) || [];
  const out: string[] = [];
  const spanned = () => {
    for (let span = above[out.length]; span && span.rows > 0; span = above[out.length]) {
      out.push(span.text);
      span.rows--;
    }
  };
  for (const cell of cellsOf(row)) {
    spanned();
    const text = clean(flatText(cell));
    const rows = Math.min(Number(cell.attribs.rowspan) || 1, 1000);
    const columns = Math.min(Number(cell.attribs.colspan) || 1, 100);
    for (let k = 0; k < columns; k++) {
      if (rows > 1) above[out.length] = {text: k === 0 ? text : "", rows: rows - 1};
      out.push(k === 0 ? text : "");
    }
  }
  spanned();
  if (table) spanning.set(table as Element, above);
  return out;
}

/**
 * The lines of `node`: a block element (paragraph, heading, list item) starts a line, `<br>` ends
 * one, a table row is one line of its cells joined by ` | `; chrome (scripts, styles, navigation) is left out.
 */
function blockLines(node: AnyNode): string[] {
  const lines: string[] = [];
  let current = "";
  let files: string[] = []; // the texts of the current line's links to files
  const flush = () => {
    const line = clean(current);
    const rest = files.reduce((t, f) => t.replace(f, ""), line);
    if (files.length && ATTACHMENT_REST.test(rest)) {
      // a line of attachment links (parted by <br>), and the lone 附件: line above them
      if (LONE_LABEL.test(lines.at(-1) ?? "")) lines.pop();
    } else if (line) lines.push(line);
    current = "";
    files = [];
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
    if (el.name === "a" && FILE_LINK.test(el.attribs.href ?? "")) files.push(clean(flatText(el)));
    if (isAttachment(el)) return;
    if (el.name === "tr" && !isLayoutRow(el)) {
      flush();
      const cells = rowCells(el);
      if (cells.some(Boolean)) lines.push(cells.join(" | "));
      return;
    }
    const block = BLOCK.has(el.name) || el.name === "td" || el.name === "th";
    if (block) flush();
    for (const c of el.children) walk(c);
    if (block) flush();
  };
  walk(node);
  flush();
  return lines;
}

/**
 * What a page's template writes about its article and for its reader: the article's details (发布时间,
 * 来源, 作者, 浏览次数), the font size switch (【字体:大 中 小】), the print, close and share buttons.
 */
const CHROME_WORDS = new RegExp(
  [
    "(?:发布|发稿|更新|成文|印发)?(?:时间|日期)\\s*[:\\uff1a]\\s*[\\d\\-/.年月日:\\uff1a ]+",
    "(?:信息|文章|稿件)?来源\\s*[:\\uff1a]\\s*\\S*",
    "(?:作者|责任编辑|编辑|发布机构|发布者)\\s*[:\\uff1a]\\s*\\S*",
    "(?:浏览|访问|点击|阅读)(?:次数|量|数|人次)\\s*[:\\uff1a]?\\s*[\\d,]*\\s*次?",
    "(?:字体|字号)\\s*[:\\uff1a]?\\s*(?:[大中小]|默认|超大|标准|\\s)+",
    "打印(?:本页|此页|文章)?",
    "关闭(?:本页|窗口)?",
    "返回(?:顶部|首页|列表)?",
    "收藏(?:本页)?",
    "分享(?:到)?\\s*[:\\uff1a]?(?:\\s*(?:微信|微博|新浪微博|腾讯微博|QQ空间|QQ|人人网|豆瓣))*",
    "扫一扫在手机(?:上)?(?:打开|浏览)当前页"
  ].join("|"),
  "g"
);
/** A line of those words only (brackets, bars and spaces aside): the template's, not the article's. */
const isChromeLine = (line: string) => {
  const rest = line.replace(CHROME_WORDS, "");
  return rest !== line && !rest.replace(/[\s|\u3010\u3011[\]()\uff08\uff09\uff5c]/g, "");
};

/** The label `附件:` alone on its line, above the attachments' links. */
const LONE_LABEL = /^(?:相关)?附件[:\uff1a]?$/;
/** What an attachment's line holds beside its links: at most the label `附件:` and a number. */
const ATTACHMENT_REST = /^(?:(?:相关)?附件\s*[:\uff1a]?)?\s*(?:\d{1,2}\s*[.\u3001\uff0e]?)?\s*$/;

/**
 * A paragraph listing an attached file: its text is a link to a file (`.doc`, `.pdf`, `.xls`…), after
 * at most the label `附件:` and a number; a lone `附件:` above such paragraphs goes with them.
 */
function isAttachment(node: Element): boolean {
  if (!BLOCK.has(node.name) || node.name === "table") return false;
  const links = findLinks(node);
  const text = clean(flatText(node));
  if (LONE_LABEL.test(text)) return nextBlock(node) !== null && isAttachment(nextBlock(node)!);
  if (!links.length || !links.every((a) => FILE_LINK.test(a.attribs.href ?? ""))) return false;
  const rest = besideLinks(text, links);
  return ATTACHMENT_REST.test(rest);
}

/** A node's text without its links' texts: what it holds beside them. */
const besideLinks = (text: string, links: readonly Element[]) =>
  links.reduce((t, a) => t.replace(clean(flatText(a)), ""), text);

function findLinks(node: Element): Element[] {
  return node.children.flatMap((c) => (isTag(c, "a") ? [c] : isTag(c) ? findLinks(c) : []));
}

function nextBlock(node: Element): Element | null {
  for (let n = node.next; n; n = n.next) {
    if (isTag(n)) return BLOCK.has(n.name) ? n : null;
    if (n.type === "text" && n.data.trim()) return null;
  }
  return null;
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
      else if (!isTag(c) || CHROME.has(c.name) || isAttachment(c)) continue;
      else if (c.name === "table") score += isLayoutTable(c) ? 0 : hanCount(flatText(c));
      else if (c.name === "tbody") score += isLayoutTable(el) ? 0 : hanCount(flatText(c));
      else if (c.name === "p" || (c.name !== "td" && c.name !== "tr" && !BLOCK_LISTS.has(c.name) && isParagraph(c)))
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
  const lines = main ? blockLines(main).filter((l) => !isChromeLine(l)) : [];
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
