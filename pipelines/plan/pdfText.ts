import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {PlanwatchError, foldCompatibility} from "../core/index.js";
import {type Piece, type TableRow, baselines, borderlessTables, pageRules, pageTables} from "./pdfTables.js";
import {type PlanLine, isPageNumber, planLines} from "./structure.js";
import {unwrapLines} from "./unwrapLines.js";

/** A line of a page: its pieces left to right; a table's row is one line, its cells joined by ` | `. */
export interface PageLine {
  y: number;
  size: number;
  pieces: Piece[];
  row?: string;
  /** A table's row: its cells. */
  cells?: string[];
  /** The block of the page the line is in, in reading order: a column, or a band across the columns. */
  block?: number;
}

/** A CJK character or punctuation mark: no space is written next to one. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** The pieces of a page grouped into lines by their baseline (within half the font size), top to bottom. */
function pageLines(pieces: readonly Piece[]): PageLine[] {
  return baselines(pieces).map((line) => ({
    y: line[0]!.y,
    size: line[0]!.size,
    pieces: line.sort((a, b) => a.x - b.x)
  }));
}

/**
 * A line's text: its pieces in order, a space kept (or put where the pieces stand apart by more than
 * a third of the font size) only between two characters that are not CJK: the spaces a PDF shows
 * between 印发 and 2023 are its layout, not the text's.
 */
function lineText({pieces, row}: PageLine): string {
  if (row !== undefined) return foldCompatibility(row);
  let out = "";
  let end = -Infinity;
  for (const p of pieces) {
    const text = p.text.replace(/\s+/g, " ");
    const gap = p.x - end > p.size / 3;
    end = Math.max(end, p.x + p.width);
    if (!text.trim()) {
      if (!out.endsWith(" ")) out += " ";
      continue;
    }
    if (gap && out && !out.endsWith(" ")) out += " ";
    out += text;
  }
  return foldCompatibility(
    out
      .replace(/ +/g, " ")
      .replace(new RegExp(`(?<=${CJK.source}) | (?=${CJK.source})`, "g"), "")
      .trim()
  );
}

/**
 * A page's lines in reading order when it sets its text in two columns: the left column's lines, then
 * the right one's, between the lines that run across both (a title, a page number). The columns are
 * told by a gutter in the middle of the page that few pieces cross, with lines on both sides of it
 * at the same heights; a page of one column is its lines top to bottom ({@link pageLines}).
 */
function columnLines(pieces: readonly Piece[]): PageLine[] {
  const lines = pageLines(pieces);
  if (pieces.length < 8) return lines;
  const minX = Math.min(...pieces.map((p) => p.x));
  const maxX = Math.max(...pieces.map((p) => p.x + p.width));
  const crossing = (g: number) => pieces.filter((p) => p.x < g - 1 && p.x + p.width > g + 1).length;
  let gutter = NaN;
  let fewest = Infinity;
  for (let g = minX + (maxX - minX) * 0.3; g <= minX + (maxX - minX) * 0.7; g += 2) {
    const n = crossing(g);
    if (n < fewest) [gutter, fewest] = [g, n];
  }
  const side = (p: Piece) => (p.x + p.width <= gutter + 1 ? "left" : p.x >= gutter - 1 ? "right" : "across");
  /** A line across the gutter: a piece crosses it, or the pieces on its two sides stand closer than a character. */
  const isAcross = (l: PageLine) => {
    if (l.pieces.some((p) => side(p) === "across")) return true;
    const left = l.pieces.filter((p) => side(p) === "left");
    const right = l.pieces.filter((p) => side(p) === "right");
    if (!left.length || !right.length) return false;
    return Math.min(...right.map((p) => p.x)) - Math.max(...left.map((p) => p.x + p.width)) < l.size;
  };
  const across = lines.filter(isAcross);
  const rest = pieces.filter((p) => !across.some((l) => l.pieces.includes(p)));
  const columns = [
    pageLines(rest.filter((p) => side(p) === "left")),
    pageLines(rest.filter((p) => side(p) === "right"))
  ];
  const [left, right] = columns as [PageLine[], PageLine[]];
  const paired = left.filter((l) => right.some((r) => Math.abs(r.y - l.y) <= l.size / 2)).length;
  if (fewest > Math.max(2, lines.length * 0.1) || left.length < 4 || right.length < 4 || paired < left.length / 2)
    return lines;
  // bands top to bottom: a line across the gutter is a band of its own; between two, the left column, then the right
  const out: PageLine[] = [];
  let block = 0;
  let top = Infinity;
  for (const band of [...across, undefined]) {
    const bottom = band ? band.y : -Infinity;
    for (const column of columns) {
      block++;
      out.push(...column.filter((l) => l.y < top && l.y > bottom).map((l) => ({...l, block})));
    }
    if (band) out.push({...band, block: ++block});
    top = bottom;
  }
  return out;
}

/** A page's lines with its tables' rows among them, each row a line where its top is, top to bottom. */
function withRows(lines: PageLine[], rows: readonly TableRow[]): PageLine[] {
  const rowLines = rows.map((r): PageLine => ({
    y: r.top - r.size,
    size: r.size,
    pieces: [{text: "", x: r.x, y: r.top - r.size, width: r.width, size: r.size}],
    row: r.cells.join(" | "),
    cells: r.cells
  }));
  return [...lines, ...rowLines].sort((a, b) => b.y - a.y);
}

/** A row a page broke, going on from the page before: its first cell (its 序号) empty. A header's never is. */
const continued = (l: PageLine) => l.cells !== undefined && !l.cells[0];

/**
 * The pages without the header row a table repeats atop each page it runs on to: a page's first line
 * that is a table's row, the same as the first row of a table before it; never a row a page broke, however
 * like another it is (`| …等部门 |` atop two pages): {@link brokenRows} joins it to its row.
 */
export function repeatedHeaders(pages: readonly PageLine[][]): PageLine[][] {
  const headers = new Set<string>();
  return pages.map((page) => {
    const lines = page.filter((l) => lineText(l));
    const first = lines[0];
    const out =
      first?.row !== undefined && !continued(first) && headers.has(first.row) ? page.filter((l) => l !== first) : page;
    lines.forEach((l, i) => {
      if (l.row !== undefined && !continued(l) && lines[i - 1]?.row === undefined && !(i === 0 && headers.has(l.row)))
        headers.add(l.row);
    });
    return out;
  });
}

/**
 * The pages with each row a page broke made one again: a page's first line that is a table's row with its
 * first cell (its 序号) empty, after a page whose last line is a row of as many cells, goes on in that row's
 * cells (`推进…统筹城` / `乡学校…`), as Word, LibreOffice and Chromium print a row too tall for the page's rest.
 */
export function brokenRows(pages: readonly PageLine[][]): PageLine[][] {
  const text = (l: PageLine) => lineText(l) && !isPageNumber(lineText(l));
  return pages.map((page, n) => {
    const first = page.find(text);
    const last = n ? pages[n - 1]!.filter(text).at(-1) : undefined;
    if (!first?.cells || !last?.cells || first.cells[0] || first.cells.length !== last.cells.length) return page;
    last.cells = last.cells.map((cell, i) => {
      const more = first.cells![i]!;
      return !cell || !more || CJK.test(cell.at(-1)!) || CJK.test(more[0]!) ? cell + more : `${cell} ${more}`;
    });
    last.row = last.cells.join(" | ");
    return page.filter((l) => l !== first);
  });
}

/**
 * A line that holds a page number (`某市教育局 — 3 —`, `第3页`, a browser's `http://…/art_1.html 2/5` or `Page 2 of 5`
 * at its end): a running footer's, whatever its number.
 */
const NUMBERED = /[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页|\d{1,4}\s*(?:\/|of)\s*\d{1,4}\s*$/i;

/**
 * The lines each page repeats at its top or foot (a running header: the plan's title, the bureau's
 * name; a footer), at the same height on at least two pages and half of them: such a line is the
 * page's, not the text's, and left out so that it neither enters the plan nor parts a sentence the
 * page broke. Two of a page's first and last lines are looked at; a line with a page number in it
 * is compared with its number left out.
 */
function runningLines(pages: readonly PageLine[][]): Set<PageLine> {
  const key = (l: PageLine) => {
    const text = lineText(l);
    return `${Math.round(l.y / 4)} ${NUMBERED.test(text) ? text.replace(/\d+/g, "#") : text}`;
  };
  const edges = pages.map((lines) => {
    const texts = lines.filter((l) => lineText(l));
    return [...new Set([...texts.slice(0, 2), ...texts.slice(-2)])];
  });
  const count = new Map<string, number>();
  for (const lines of edges) for (const k of new Set(lines.map(key))) count.set(k, (count.get(k) ?? 0) + 1);
  const out = new Set<PageLine>();
  for (const lines of edges)
    for (const l of lines) {
      const n = count.get(key(l)) ?? 0;
      if (n >= 2 && n >= pages.length / 2) out.add(l);
    }
  return out;
}

/** A line of the document's text and where it stands: whether it reaches the right margin, whether it is indented. */
interface TextLine {
  text: string;
  full: boolean;
  indented: boolean;
  /** Whether the line ends its page (no blank line shows a paragraph break there). */
  last?: boolean;
}

/**
 * A page's lines as text: a blank line where the space between two lines is over one and a half
 * times the page's usual line spacing (a paragraph break), a page number at its top or foot left out.
 */
function pageText(all: readonly PageLine[], {right}: {right: number}): TextLine[] {
  const blocks: PageLine[][] = [];
  for (const l of all)
    if (blocks.length && blocks.at(-1)![0]!.block === l.block) blocks.at(-1)!.push(l);
    else blocks.push([l]);
  // a page set across its width reaches the document's right margin (a page of short lines reaches none); a column its own
  return blocks.flatMap((block) => blockText(block, {right: block[0]!.block === undefined ? right : -Infinity}));
}

/** The right end of a line's pieces. */
const rightEnd = (l: PageLine) => Math.max(...l.pieces.map((p) => p.x + p.width));

/** A list's number as a piece of its own (`1.`, `(二)`, `①`), the item's text set after it (a hanging indent). */
const LIST_NUMBER = /^\s*(?:\d{1,3}[.、.]|[((][一二三四五六七八九十\d]{1,3}[))]|[\u2460-\u2473])\s*$/;

/**
 * A block's lines (a page's, a column's) as text; see {@link pageText}. `right`: the document's right margin, the
 * block's widest line if that reaches further.
 */
function blockText(all: readonly PageLine[], {right: documentRight}: {right: number}): TextLine[] {
  let lines = all.map((l) => ({line: l, text: lineText(l)})).filter((l) => l.text);
  while (lines.length && isPageNumber(lines.at(-1)!.text)) lines = lines.slice(0, -1);
  while (lines.length && isPageNumber(lines[0]!.text)) lines = lines.slice(1);
  const left = (l: PageLine) => l.pieces[0]!.x;
  const right = rightEnd;
  const margin = {
    left: Math.min(...lines.map((l) => left(l.line))),
    right: Math.max(documentRight, ...lines.map((l) => right(l.line)))
  };
  const gaps = lines.slice(1).map((l, i) => lines[i]!.line.y - l.line.y);
  const usual = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? 0;
  const out: TextLine[] = [];
  // where the text of a numbered item stands after its number: its wrapped lines start there (Word's hanging indent)
  let hang: number | undefined;
  lines.forEach(({line, text}, i) => {
    const rows = line.row !== undefined && lines[i - 1]?.line.row !== undefined;
    if (i > 0 && usual > 0 && gaps[i - 1]! > usual * 1.5 && !rows) out.push({text: "", full: false, indented: false});
    const row = line.row !== undefined; // a table's row runs into no line, and no line into it
    const under = hang !== undefined && out.at(-1)?.full && Math.abs(left(line) - hang) < line.size / 2;
    out.push({
      text,
      full: !row && right(line) >= margin.right - line.size * 3,
      indented: row || (left(line) > margin.left + line.size * 0.8 && !under),
      last: i === lines.length - 1
    });
    const body = line.pieces.findIndex((p, k) => k > 0 && p.text.trim());
    if (!under)
      hang =
        !row &&
        body > 0 &&
        LIST_NUMBER.test(
          line.pieces
            .slice(0, body)
            .map((p) => p.text)
            .join("")
        )
          ? line.pieces[body]!.x
          : undefined;
  });
  return out;
}

/** Where pdfjs-dist keeps its character maps and standard fonts (read from disk: nothing is downloaded). */
function pdfjsData(): {cMapUrl: string; standardFontDataUrl: string} {
  const root = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
  return {cMapUrl: join(root, "cmaps") + "/", standardFontDataUrl: join(root, "standard_fonts") + "/"};
}

/**
 * A character a plan's text holds: Latin, Greek, Cyrillic, the scripts printed beside Chinese (Arabic for
 * Uyghur, Tibetan, Mongolian), punctuation, symbols and bullets, CJK punctuation, the common ideographs,
 * full-width forms. A font with no Unicode map gives its glyphs' numbers instead: rare ideographs
 * (CJK Extension A), box drawing, Yi syllables, private use, controls.
 */
const PLAUSIBLE =
  /[\x20-\x7e\u00a0-\u024f\u0370-\u04ff\u0600-\u06ff\u0f00-\u0fff\u1800-\u18af\u2000-\u2bff\u2e80-\u2fdf\u3000-\u33ff\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;

/** Whether a PDF's text reads as text: four in five of its characters (past 20) are {@link PLAUSIBLE}. */
function legible(text: string): boolean {
  const chars = [...text.replace(/\s+/g, "")];
  return chars.length < 20 || chars.filter((c) => PLAUSIBLE.test(c)).length >= chars.length * 0.8;
}

/**
 * The text of a PDF as planwatch reads a plan: each page's text pieces grouped into lines by their
 * position, page numbers left out, compatibility characters folded ({@link foldCompatibility}: the
 * Kangxi radical ⼯ is 工), and the lines the page width broke rejoined ({@link unwrapLines}).
 * pdf.js runs in this process (no worker, no network). `file` names the document in messages.
 * Throws `PlanwatchError` `invalid_plan` for a damaged or encrypted PDF, one with no text (a scan), or one
 * whose text is noise (fonts with no Unicode map, {@link legible}).
 */
export async function pdfText(bytes: Uint8Array, {file}: {file: string}): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  let document: Awaited<ReturnType<typeof pdfjs.getDocument>["promise"]>;
  try {
    document = await pdfjs.getDocument({
      data: new Uint8Array(bytes), // pdf.js takes the buffer over
      ...pdfjsData(),
      cMapPacked: true,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0
    }).promise;
  } catch (error) {
    const why = (error as Error).name === "PasswordException" ? "已加密,请去除密码后重试" : "已损坏或不是 PDF";
    throw new PlanwatchError("invalid_plan", `${file}: 无法读取 PDF(${why})`);
  }
  const pages: PageLine[][] = [];
  try {
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const [content, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
      const pieces: Piece[] = [];
      for (const item of content.items) {
        if (!("str" in item) || !item.str) continue;
        const [a, b, , , x, y] = item.transform as number[];
        pieces.push({text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!) || item.height || 1});
      }
      const ruled = pageTables(pieces, pageRules(ops));
      const loose = borderlessTables(ruled.rest);
      const rows = [...ruled.rows, ...loose.rows];
      pages.push(rows.length ? withRows(pageLines(loose.rest), rows) : columnLines(loose.rest));
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  const running = runningLines(pages);
  const kept = brokenRows(repeatedHeaders(pages.map((page) => page.filter((l) => !running.has(l)))));
  const prose = kept.flat().filter((l) => l.row === undefined && l.block === undefined && lineText(l));
  const right = Math.max(-Infinity, ...prose.map(rightEnd));
  const lines = kept.flatMap((page) => pageText(page, {right}));
  const text = foldCompatibility(lines.map((l) => l.text).join("\n"));
  if (!text.trim())
    throw new PlanwatchError("invalid_plan", `${file}: PDF 中没有文字(可能是扫描件),请先做文字识别或另存为文本`);
  if (!legible(text))
    throw new PlanwatchError(
      "invalid_plan",
      `${file}: PDF 中的文字读出来是乱码(其字体没有 Unicode 映射),请改用原始的 Word 文档或网页,或先对 PDF 做文字识别`
    );
  // a line runs on into the next when it reaches the right margin and the next is not indented; in a
  // document whose paragraphs stand apart (a blank line for every four lines or more), whenever no
  // blank line comes between (a word or a quotation that would not fit leaves a line short)
  const blanks = lines.filter((l) => !l.text).length;
  const spaced = blanks >= (lines.length - blanks) / 4;
  const byOffset = new Map<number, TextLine>();
  let offset = 0;
  for (const l of lines) {
    byOffset.set(offset, l);
    offset += l.text.length + 1;
  }
  const wrapped = (last: PlanLine, next: PlanLine) => {
    const end = byOffset.get(last.offset + last.line.lastIndexOf("\n") + 1);
    return !!end && ((spaced && !end.last) || end.full) && !byOffset.get(next.offset)?.indented;
  };
  return (
    unwrapLines(planLines(text), {wrapped})
      .map((l) => l.line.replace(/\n/g, ""))
      .join("\n") + "\n"
  );
}
