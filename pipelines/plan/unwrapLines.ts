import {type PlanLine, CUT_SENTENCE} from "./structure.js";

/**
 * A line that opens on a number the structure reads as no item (`2、资金首先…`): a preview's page mark, the page before
 * broken off mid-sentence runs on into it.
 */
const PAGE_MARK = /^\s*\d{1,2}、/;
/** Marks that end a paragraph's last line (or a heading that opens a list). */
const PARAGRAPH_END = /[。;!?:;:!?”"」』)】》]\s*$/;

/**
 * The plan's lines with the line breaks of a copy from a PDF taken out: in a text whose lines were
 * wrapped at one width (many lines of the same length, most not ending a sentence), a line of about
 * that full width that ends no sentence runs on into the next line when that one opens nothing
 * (no section or item mark). The joined line keeps the break (offsets stay those of the text). A
 * text of whole paragraphs, one per line, is left as it is, but for a paragraph a page break cut mid-sentence
 * ({@link breaksMidSentence}): it runs on over the blank lines into the next. In a double-spaced copy (most lines
 * followed by a blank one) a wrapped line runs on over the blank line too. Widths are counted without
 * the indentation.
 * Option `wrapped`: which lines were wrapped, when the caller knows (a PDF reader sees that a line
 * reaches the right margin and the next is not indented); it replaces the guess from widths and marks.
 */
export function unwrapLines<L extends PlanLine>(
  lines: readonly L[],
  {wrapped}: {wrapped?: (line: L, next: L) => boolean} = {}
): L[] {
  if (wrapped) return joinWrapped(lines, wrapped);
  const pageGoesOn = (last: L, next: L) =>
    next.opens === null && PAGE_MARK.test(next.line) && !PARAGRAPH_END.test(last.line);
  const filled = lines.filter((l) => l.line.trim());
  if (filled.length < 6) return [...lines];
  // the wrap width: the longest length (of 16 characters or more) that a fifth of the lines or more
  // come near, within a tenth of it or 3 (justified lines, digits and quotation marks vary a line's
  // count of characters), and that few lines pass; a wrapped line comes that near it
  // a double-spaced copy (most lines followed by a blank one) is measured in characters, a copy of lines that follow
  // each other as it prints (see printedWidth)
  const spaced = lines.filter((l, i) => l.line.trim() && i + 1 < lines.length && !lines[i + 1]!.line.trim()).length;
  const overBlanks = spaced >= filled.length / 2;
  const measure = (line: string) => (overBlanks ? line.length : printedWidth(line));
  const lengths = filled.map((l) => measure(l.line.trim())).sort((a, b) => b - a);
  const near = (width: number) => width - Math.max(3, width / 10);
  let width: number | undefined;
  // lengths run from the longest down: the lines near each are a window that only moves on (linear in the lines)
  for (let i = 0, j = 0; i < lengths.length && lengths[i]! >= 16; i++) {
    if (i > 0 && lengths[i] === lengths[i - 1]) continue;
    j = Math.max(j, i);
    while (j < lengths.length && lengths[j]! >= near(lengths[i]!)) j++;
    if (j - i >= filled.length / 5) {
      // a width most lines reach, not one a fifth of the lines or more pass (whole paragraphs under short headings)
      if (i < filled.length / 5) width = lengths[i];
      break;
    }
  }
  const open = filled.filter((l) => !PARAGRAPH_END.test(l.line)).length;
  if (width === undefined || open < filled.length / 2)
    return joinWrapped(lines, (last, next) => pageGoesOn(last, next) || breaksMidSentence(last, next), {
      overBlanks: true
    });
  // a table's row (cells split by |) is no wrapped prose, nor runs into one
  // a line cut short mid-word, or short by a lost indentation, runs on only in a copy whose lines follow each other: in
  // a double-spaced copy such a line is a paragraph, a title, or a table's cell (`区工信局、区住建局`)

  return joinWrapped(
    lines,
    (last, next) =>
      pageGoesOn(last, next) ||
      ((measure(lastLine(last.line).trim()) + (last.line.includes("\n") || overBlanks ? 0 : INDENT) >= near(width) ||
        (!overBlanks && CUT_SENTENCE.test(lastLine(last.line))) ||
        (!overBlanks && last.opens === null && CUT_CLAUSE.test(lastLine(last.line)))) &&
        !WRAP_END.test(last.line) &&
        !last.line.includes("|") &&
        !next.line.includes("|")),
    {overBlanks}
  );
}

/**
 * How wide a line prints, in Chinese characters: a Latin letter, digit or space takes half (`2024 年,全乡…面积 x` is as
 * wide as its neighbours of Chinese text); punctuation, read as ASCII, prints full width.
 */
const printedWidth = (line: string) => {
  let half = 0;
  for (let i = 0; i < line.length; i++) if (/[A-Za-z0-9 .+%-]/.test(line[i]!)) half++;
  return line.length - half / 2;
};

/** The indentation a paragraph's first line had, in characters, before the copy lost it. */
const INDENT = 2;

/**
 * Marks that end a paragraph when a full-width line ends on them: a semicolon or a closing quotation mark at the margin
 * (`…监测点;`, `…“三片”`) falls where the page width broke the line, the paragraph runs on.
 */
const WRAP_END = /(?:[。!?:!?:)】]|[。!?!?][”"」』])\s*$/;

/** A line of text (it opens nothing) whose last clause stops mid-word (`…“一村一品”,逐步形成`): a break the copy made. */
const CUT_CLAUSE = /[,,、][^。;;!?!?,,::、]*[\u4e00-\u9fff]\s*$/;

/** A paragraph that a page break cut: sentences, then text that ends on a character, no stop (`…停车场(位)等生活`). */
const CUT_PARAGRAPH = /[。;;!?!?].{20,}[\u4e00-\u9fff]\s*$/;
/** A line that ends inside a quotation it opened (`…积极开展“法律进`): a break the copy made, however short the text. */
const OPEN_QUOTATION = /[“「『][^”」』]*[\u4e00-\u9fff]\s*$/;
/** Prose: a line with a sentence stop in it (a heading or a name has none). */
const SENTENCE_STOP = /[。;;!?!?]/;

/**
 * Whether a paragraph of whole lines runs on into the next over a page break: it holds sentences and ends mid-sentence
 * on a character (or inside a quotation it opened), and the next is prose too (no table row on either side).
 */
const breaksMidSentence = (last: PlanLine, next: PlanLine) =>
  (CUT_PARAGRAPH.test(lastLine(last.line)) || OPEN_QUOTATION.test(lastLine(last.line))) &&
  SENTENCE_STOP.test(next.line) &&
  !last.line.includes("|") &&
  !next.line.includes("|");

/** The last line of a joined line (the one a wrap would continue). */
const lastLine = (line: string) => line.slice(line.lastIndexOf("\n") + 1);

/**
 * `lines`, each that `wrapped` says runs on joined to the next (break kept) when that one opens nothing; with
 * `overBlanks`, over the blank lines between them too (they are kept in the joined line, so offsets hold).
 */
function joinWrapped<L extends PlanLine>(
  lines: readonly L[],
  wrapped: (line: L, next: L) => boolean,
  {overBlanks = false}: {overBlanks?: boolean} = {}
): L[] {
  const out: L[] = [];
  /** Blank lines met since the last line with text, held while it may run on over them. */
  let blanks: L[] = [];
  for (const l of lines) {
    const last = out.at(-1);
    if (overBlanks && !l.line.trim() && last?.line.trim()) {
      blanks.push(l);
      continue;
    }
    const runsOn = last && last.line.trim() && l.line.trim() && l.opens === null && wrapped(last, l);
    if (runsOn) out[out.length - 1] = {...last, line: [last.line, ...blanks.map((b) => b.line), l.line].join("\n")};
    else out.push(...blanks, l);
    blanks = [];
  }
  out.push(...blanks);
  return out;
}
