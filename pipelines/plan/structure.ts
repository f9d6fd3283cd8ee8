import {parseChineseNumeral} from "./numbers.js";
import {NOTE_LABEL} from "./noteLabels.js";

/** A clause of the plan: a run of text between clause marks, inside one section and item. */
export interface Clause {
  section: number;
  item: number;
  /** Offsets into the input (UTF-16 units: JavaScript string indices). */
  start: number;
  end: number;
  /** The normalized text of the clause (`text.slice(start, end)` after normalizeText). */
  text: string;
  /** The whole paragraph the clause sits in, normalized, for de-duplication. */
  paragraph: string;
  /** The sentence the clause sits in (up to 。;!?), normalized: where a deadline or scope is named. */
  sentence: string;
  /** For each character of `text`, whether it lies inside quotation marks or a title (《》). */
  quoted: boolean[];
  /**
   * Whether the clause is part of a title or a heading: one of the first lines (at most five, up to
   * the first section or item, or the first line with a comma or a stop) when it is short, or a short
   * section line.
   * Counts there describe the plan (李家超列110项KPI, 十件民生实事), they are not its targets.
   */
  heading: boolean;
}

const SECTION = /^\s*([一二三四五六七八九十]+)、/;
/** A chapter or part (`第一章 总则`, `第二部分`): a section, as `一、` is. */
const CHAPTER = /^\s*第([一二三四五六七八九十]+)(?:章|部分)\s*/;
const ITEM = /^\s*(\d{1,2})[.、](?!\d)/;
/** An article (`第一条 …`): an item, numbered through the whole text as the plan numbers it. */
const ARTICLE = /^\s*第([一二三四五六七八九十百]+)条\s*/;
/** An item numbered with two digits and a space or straight text after it (`01 深化医改`, `02推进…`). */
const PADDED = /^\s*(\d{2})(?:\s+|(?=[\u4e00-\u9fff]))(?=\S)/;
/** A line that starts `一是…`: an item of its own when the section's items are numbered so (`一是粮食安全行动`). */
const ORDINAL_LINE = /^\s*([一二三四五六七八九十]{1,2})是(?![的否])/;
/** A stage of a plan's steps: `第一阶段启动宣传阶段。…`, `第二阶段:集中整治(5月—6月)`. */
const STAGE_LINE = /^\s*第([一二三四五六七八九十]{1,2})阶段[::,,]?\s*/;
const CLAUSE_MARK = /[。;!?]|(?<!\d)[,:]|[,:](?!\d)/g;
const SENTENCE_MARK = /[。;!?]/g;
/** A section or item mark of any kind ((一) included, or 〔一〕 as some copies print it): where the heading block ends. */
const BODY_MARK = /^\s*(?:[一二三四五六七八九十]+、|\d{1,2}[.、](?!\d)|[(〔][一二三四五六七八九十]+[)〕])/;
/** A group or item `(一)`, printed `〔一〕` by some copies. */
const SUBSECTION = /^\s*[(〔]([一二三四五六七八九十]+)[)〕]/;
/** An item numbered `(1)` or `1)`: a section's items when they come straight under its heading. */
const PAREN_ITEM = /^\s*(?:[(](\d{1,2})[)]|(\d{1,2})[)])/;
/** A section's line that goes on after its heading's stop: `三、推进普法教育。加强这项工作…:`. */
const SECTION_PROSE = /[。;!?]\s*[\u4e00-\u9fff]/;
/** A title line is short and has no full stop; so is a heading line. */
const isTitleLike = (line: string, max: number) => line.trim().length <= max && !/[。;]/.test(line);
/** A line with a comma or a stop is text: the title block ends before it (a colon may title: 交通运输部:…). */
const PROSE = /[,。;!?]/;
const OPEN_QUOTES = '“‘「『《〔【"';
const CLOSE_QUOTES = '”’」』》〕】"';

/** A line of the plan with the section and item it belongs to (0 before the first). */
export interface PlanLine {
  section: number;
  item: number;
  /** The line's offset into the text. */
  offset: number;
  line: string;
  /** Where the line's text begins after its list number (`一、`, `3.`), else 0. */
  body: number;
  /**
   * What the line opens: a section (`一、`), an item (`3.`, or `(三)` where a section's items are
   * numbered so), a group of items (`(一)` with `1.` items under it), or neither (a continuation or preamble).
   */
  opens: "section" | "group" | "item" | null;
}

/**
 * The plan's lines, each tagged with its section (`一、` → 1) and item (`3.` → 3): the one reading
 * of the plan's structure that targets and tasks share. A line of the preamble (the text before the
 * first section) met again ends the last item: the document starts over (a notice printed twice),
 * and its preamble belongs to no item.
 * A section whose first `(一)` comes before any `1.` numbers its items so: a `(一)` with `1.` lines
 * under it opens a group of those items (numbered on through the section when the next group starts
 * again at 1.), a `(一)` without is an item itself (`(三)` → 3). A `(一)` inside a `1.` item is its text.
 * A section whose first numbered line is `(1)` or `1)` numbers its items so; inside an item they are its text, and so
 * they are under a section whose line runs on after its heading's stop (`三、推进普法。为此要做好以下工作:`).
 * A copy that opens on an item (`(二)…`) or a stage (`第二阶段:…`) reads the items before its first section in section 0.
 */
export function planLines(text: string): PlanLine[] {
  const lines: PlanLine[] = [];
  const preamble = new Set<string>();
  const pieces = flattenedLines(text);
  const raw = pieces.map((p) => p.line);
  const grouping = subsectionGroups(raw);
  let section = 0;
  let item = 0;
  /** The section's last item number, for items numbered on across its groups. */
  let last = 0;
  let offset = 0;
  /** How the current section uses `(一)`: not yet seen, as structure (groups or items), or as an item's text. */
  let subsections: "unseen" | "structure" | "text" = "unseen";
  /** Whether the current section numbers its items `(1)` or `1)`. */
  let parenItems = false;
  /** Whether the current section's line goes on after its heading's stop (`三、推进普法。加强…:`): it is an item's text. */
  let prose = false;
  /** How the current section numbers items beyond `1.`: `01` numbers, `一是` lines, `第一阶段` stages, or neither yet. */
  let numbering: Numbering = null;
  // a plan without sections (一、, 第一章) takes its (一) and 一是 items in section 0
  const unsectioned = !raw.some((l) => SECTION.test(l) || CHAPTER.test(l));
  // a copy that opens on an item (`(二)…`, its section's heading on the page before) takes the items before its
  // first section in section 0 too
  // (or on a stage, `第二阶段:集中整治(5月15日至11月底)。…`, its schedule's heading and first stage on that page)
  const first = raw.find((l) => l.trim() && !isPageFurniture(l)) ?? "";
  const opensOnItem = SUBSECTION.test(first) || STAGE_LINE.test(first);
  /** The last line with text before this one. */
  let previous = "";
  raw.forEach((line, index) => {
    offset = pieces[index]!.offset;
    let body = 0;
    let opens: PlanLine["opens"] = null;
    const trimmed = line.trim();
    if (section === 0 && trimmed) preamble.add(trimmed);
    else if (preamble.has(trimmed)) section = item = 0;
    const s = SECTION.exec(line) ?? CHAPTER.exec(line);
    const sub = s ? null : SUBSECTION.exec(line);
    const chunk = pieces[index]!.chunk === true || opensChunk(line, previous);
    const i = s || sub || chunk ? null : ITEM.exec(line);
    const p = s || sub || i ? null : PAREN_ITEM.exec(line);
    const other =
      s || sub || i || p
        ? null
        : otherItem(line, {
            item,
            numbering,
            open: section > 0 || unsectioned || opensOnItem,
            midway: section === 0 && opensOnItem
          });
    if (s) {
      numbering = null;
      section = parseChineseNumeral(s[1]!);
      item = last = 0;
      subsections = "unseen";
      parenItems = false;
      prose = SECTION_PROSE.test(line.slice(s[0].length));
      body = s[0].length;
      opens = "section";
    } else if (
      sub &&
      (section > 0 || unsectioned || opensOnItem) &&
      subsections !== "text" &&
      (subsections === "structure" || item === 0)
    ) {
      subsections = "structure";
      numbering = null;
      body = sub[0].length;
      if (grouping[index]) {
        item = 0; // the group's lead-in belongs to no item
        opens = "group";
      } else {
        item = last = numberOn(parseChineseNumeral(sub[1]!), last);
        opens = "item";
      }
    } else if (p && section > 0 && (parenItems || (item === 0 && subsections === "unseen" && !prose))) {
      // (1) or 1) straight under the section's heading numbers its items; under an item, or a section whose line runs
      // on into its text, it is its text
      parenItems = true;
      numbering = null;
      item = last = Number(p[1] ?? p[2]);
      body = p[0].length;
      opens = "item";
    } else if (i) {
      if (subsections === "unseen") subsections = "text";
      numbering = null;
      // in a section of groups, a group that numbers its items from 1 again continues the count
      item = last = subsections === "structure" ? numberOn(Number(i[1]), last) : Number(i[1]);
      body = i[0].length;
      opens = "item";
    } else if (other) {
      numbering = other.numbering;
      item = last = other.item;
      body = other.body;
      opens = "item";
    }
    lines.push({section, item, offset, line, body, opens});
    if (trimmed) previous = line;
  });
  return lines;
}

/** A line that holds no text of the plan: a table rule (`|`), a page note (`[接上页]`, `(续上页)`; `(一)` is an item's mark). */
const PAGE_FURNITURE = /^\s*(?:[|\s\p{P}]*|[[【(](?![一二三四五六七八九十\d]+[\]】)])\S{1,5}[\]】)])\s*$/u;
export const isPageFurniture = (line: string) => PAGE_FURNITURE.test(line);
/** A line that is only a page number (`- 3 -`, `3`, `第 3 页`, `第3页 共8页`), at a page's top or foot. */
const PAGE_NUMBER =
  /^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;
export const isPageNumber = (line: string) => PAGE_NUMBER.test(line);
/** A section, group or item mark after a space, inside a line: `。 四、时间安排 (一)动员部署阶段(5月) 各县…`, `… 1.推进… (1)…`. */
const INLINE_MARK =
  / +(?=(?:[一二三四五六七八九十]+、|[(〔][一二三四五六七八九十]+[)〕]|\d{1,2}[.、](?!\d)|[(]\d{1,2}[)])\s*[\u4e00-\u9fff])/g;
/** The longest heading (or page note) a mark may follow inline without a stop: `四、时间安排 (一)…`. */
const INLINE_HEADING = 30;
/** A line of sentences that stops mid-word, short of the margin (`二是优化品种布局。引导农户种植`): a break the copy made. */
export const CUT_SENTENCE = /[。;;!?!?][^。;;!?!?,,::、]*[\u4e00-\u9fff]\s*$/;
/** A chunk's number (`2、`) and, after it, a mark no sentence opens on (`2、%;…`, `3、,…`): the rest of a cut sentence. */
const CHUNK_GOES_ON = /^\s*\d{1,2}、\s*[%‰;;,,、。::))]/;

/**
 * Whether `line` opens on a copy site's chunk number, not an item: a document site prints a file as chunks numbered `1、`,
 * `2、`, each run on as one line, and a chunk goes on the sentence the one before cut mid-word (`…坚决禁用高度` /
 * `2、高残农药,…`) or mid-number (`…增长16.5` / `2、%;…`). `previous` is the last line with text before it.
 */
export function opensChunk(line: string, previous: string): boolean {
  return /^\s*\d{1,2}、/.test(line) && (CUT_SENTENCE.test(previous) || CHUNK_GOES_ON.test(line));
}
/** A copy site's paragraph sign (a Cyrillic Р) where the page's line breaks were: `四、实施步骤Р第一阶段…`. */
const PARAGRAPH_SIGN = /Р(?=[\u4e00-\u9fff(“]|$)|(?<=[\u4e00-\u9fff。;!?:)”])Р/g;
/** A section mark run on in a line, no space: `…的需要。二、工作目标1.完善…`. */
const RUN_ON_SECTION = /([一二三四五六七八九十]{1,2})、(?=[\u4e00-\u9fff])/g;
/** An item mark run on in a line, no space: `…风尚。3.提高…` (not a decimal: `增长1.5个`). */
const RUN_ON_ITEM = /(?<![\d.])(\d{1,2})[.、](?![\d.])(?=[\u4e00-\u9fff])/g;
const STOP_END = /[。;;!?!?]\s*$/;
const HEADING_MARKS = /[,,。;;::!?!?]/;

/**
 * The text's lines with their offsets; a page flattened to one line (a copy from a viewer: `…报送。 四、时间安排
 * (一)动员部署阶段(5月) 各县…`) is cut before each section or item mark that a space sets off after a stop or after a
 * short heading, as if the line broke there (the space is left out; offsets stay those of the text). A copy site's
 * paragraph sign (Р) breaks a line too, and a page run on without spaces is cut by {@link runOnCuts}.
 */
function flattenedLines(text: string): {line: string; offset: number; chunk?: boolean}[] {
  const out: {line: string; offset: number; chunk?: boolean}[] = [];
  const wholes = text.split("\n");
  const chunks = pageChunks(wholes);
  let offset = 0;
  /** The last section a page run on cut, for the next line that goes on with the page (`…3、业…。五、抓好…`). */
  let after = 0;
  wholes.forEach((whole, index) => {
    let start = 0;
    const first = out.length;
    for (const sign of [...whole.matchAll(PARAGRAPH_SIGN), null]) {
      const end = sign ? sign.index : whole.length;
      const cut = cutLine(whole.slice(start, end), offset + start, after);
      out.push(...cut.pieces);
      if (whole.trim()) after = cut.after;
      start = end + 1;
    }
    if (chunks.has(index) && out[first]) out[first] = {...out[first]!, chunk: true};
    offset += whole.length + 1;
  });
  return out;
}

/**
 * The lines of a document preview that prints its pages run on, one a line, each behind its page number in turn (`1、`,
 * `2、`, `3、`), every page but the last broken off mid-sentence (`…争取和使用的项目` / `2、资金首先…`): from the second on,
 * page marks, no items.
 */
function pageChunks(wholes: readonly string[]): Set<number> {
  const filled = wholes.map((w, i) => [w, i] as const).filter(([w]) => w.trim());
  const run: number[] = [];
  for (const [w, i] of filled) {
    const n = /^\s*(\d{1,2})、/.exec(w);
    const previous = run.length ? wholes[run.at(-1)!]! : "";
    const goesOn = run.length === 0 || (previous.length >= FLATTENED_PAGE && !STOP_END.test(previous));
    if (n && Number(n[1]) === run.length + 1 && goesOn) run.push(i);
    else break;
  }
  // the first page's number is left as it reads: it may number the first item too (`1、…工作要点1.全面…`)
  return new Set(run.slice(1));
}

/** A line cut before its inline marks (spaced, or run on in turn), each piece with its offset. */
function cutLine(
  line: string,
  offset: number,
  after: number
): {pieces: {line: string; offset: number}[]; after: number} {
  /** Where a piece ends, and where the next begins (after the space that set its mark off). */
  const cuts: {at: number; next: number}[] = [];
  let from = 0;
  for (const m of line.matchAll(INLINE_MARK)) {
    const before = line.slice(from, m.index);
    const heading = before.trim().length <= INLINE_HEADING && !HEADING_MARKS.test(before);
    // a section mark after a sentence the page left unclosed (`…控制在6以内, 一、做强产业`) starts one too
    const unclosed = /[,,]$/.test(before) && /^[一二三四五六七八九十]+、/.test(line.slice(m.index + m[0].length));
    if (!before.trim() || !(STOP_END.test(before) || heading || unclosed)) continue;
    cuts.push({at: m.index, next: m.index + m[0].length});
    from = m.index + m[0].length;
  }
  const runOn = cuts.length ? {cuts: [], last: 0} : runOnCuts(line, after);
  for (const at of runOn.cuts) cuts.push({at, next: at});
  if (!cuts.length) for (const at of runOnGroupCuts(line)) cuts.push({at, next: at});
  const out: {line: string; offset: number}[] = [];
  let start = 0;
  for (const {at, next} of cuts) {
    out.push({line: line.slice(start, at), offset: offset + start});
    start = next;
  }
  out.push({line: line.slice(start), offset: offset + start});
  return {pieces: out, after: runOn.last};
}

/**
 * Where a page run on without spaces or breaks (`…计划一、背景分析…需要。二、工作目标1.完善…。2.提升…`) starts its
 * sections and items: its section marks in turn from 一、 (the first at the line's start or after a title, each next
 * after a stop), at least two of them, and in each section its item marks in turn from 1. (the first after a stop or
 * the section's heading, each next after a stop). A line with one section mark, or marks out of turn, is not cut, but
 * for the next line of such a page (`after` its last section), whose marks go on in turn after a stop (`…。三、…`).
 * Also the last section cut, or 0.
 */
function runOnCuts(line: string, after = 0): {cuts: number[]; last: number} {
  const sections: number[] = [];
  for (const m of line.matchAll(RUN_ON_SECTION)) {
    const before = line.slice(0, m.index);
    const first = sections.length === 0 && !after && before.trim().length <= 40 && !HEADING_MARKS.test(before);
    if (parseChineseNumeral(m[1]!) === after + sections.length + 1 && (first || STOP_END.test(before)))
      sections.push(m.index);
  }
  if (sections.length < (after ? 1 : 2)) return {cuts: [], last: 0};
  const cuts = sections.filter((at) => at > 0);
  sections.forEach((at, k) => {
    const end = sections[k + 1] ?? line.length;
    const body = line.slice(at, end);
    let next = 1;
    for (const m of body.matchAll(RUN_ON_ITEM)) {
      const before = body.slice(0, m.index);
      const heading = next === 1 && before.length <= INLINE_HEADING && !HEADING_MARKS.test(before);
      if (Number(m[1]) !== next || !(heading || STOP_END.test(before))) continue;
      cuts.push(at + m.index);
      next++;
    }
  });
  return {cuts: cuts.sort((a, b) => a - b), last: after + sections.length};
}

/** A group mark run on in a line, no space: `…工作。实施专项整治工作(一)建筑施工场地专项整治…`. */
const RUN_ON_GROUP = /[(]([一二三四五六七八九十]{1,2})[)](?=[\u4e00-\u9fff])/g;
/** A note's label: `牵头领导:`, `责任部门:`. */
const NOTE_LABEL_WORDS = `(?:${NOTE_LABEL})[::]`;
/** A note's label opening the text since a sentence's stop: a note run on after its item's text. */
const NOTE_OPENING = new RegExp(`^${NOTE_LABEL_WORDS}`);
/** Where a note's label opens after a sentence's stop: `…环境卫生。牵头领导:…`. */
const NOTE_AFTER_STOP = new RegExp(`(?<=[。;!?])(?=${NOTE_LABEL_WORDS})`, "g");
/** The shortest a page flattened to one line is: a shorter line with marks in it is a sentence with a sub-list. */
const FLATTENED_PAGE = 200;

/**
 * Where a page flattened to one line without spaces (`…工作。实施专项整治工作(一)…环境卫生。牵头领导:…责任部门:建工科(二)…`)
 * starts its items and their notes: its group marks in turn from (一), at least two (the first after a stop and a short
 * heading, each next after a stop or a note run on after its item's text), and each note label after a stop in them.
 */
function runOnGroupCuts(line: string): number[] {
  if (line.length < FLATTENED_PAGE) return [];
  const marks: number[] = [];
  for (const m of line.matchAll(RUN_ON_GROUP)) {
    const before = line.slice(0, m.index);
    const stop = Math.max(...[..."。;!?"].map((c) => before.lastIndexOf(c)));
    if (stop < 0) continue;
    const since = before.slice(stop + 1);
    const first = marks.length === 0 && since.length <= INLINE_HEADING && !HEADING_MARKS.test(since);
    const next = marks.length > 0 && (!since.trim() || NOTE_OPENING.test(since));
    if (parseChineseNumeral(m[1]!) === marks.length + 1 && (first || next)) marks.push(m.index);
  }
  if (marks.length < 2) return [];
  const notes = [...line.slice(marks[0]).matchAll(NOTE_AFTER_STOP)];
  return [...marks, ...notes.map((n) => marks[0]! + n.index!)].sort((a, b) => a - b);
}

/**
 * The item a line opens by an article (`第三条`), a two-digit number (`01 `, then `02`…, or on from the last) or an
 * ordinal (`一是…` where the section's items are numbered so: the first when no item is open, then the next), else
 * null. Where a `一是` runs on in the same line (`一是…,二是…`) it is a sub-list, not an item.
 */
function otherItem(
  line: string,
  {item, numbering, open, midway = false}: {item: number; numbering: Numbering; open: boolean; midway?: boolean}
): {item: number; body: number; numbering: Numbering} | null {
  const a = ARTICLE.exec(line);
  if (a) {
    const n = parseChineseNumeral(a[1]!);
    return Number.isFinite(n) && n > 0 ? {item: n, body: a[0].length, numbering: null} : null;
  }
  if (!open) return null;
  const d = PADDED.exec(line);
  if (d) {
    const n = Number(d[1]);
    const follows = numbering === "padded" ? n === item + 1 : d[1]!.startsWith("0") && (item === 0 || n === 1);
    if (n > 0 && follows) return {item: n, body: d[0].length, numbering: "padded"};
  }
  const st = STAGE_LINE.exec(line);
  if (st) {
    const n = parseChineseNumeral(st[1]!);
    // a section's steps (四、实施步骤) are its items, the first when no item is open (any, on a page that opens midway
    // through them); inside an item they are its text
    return n === (numbering === "stage" ? item + 1 : midway ? n : 1) && (numbering === "stage" || item === 0)
      ? {item: n, body: st[0].length, numbering: "stage"}
      : null;
  }
  const o = ORDINAL_LINE.exec(line);
  if (o && (numbering === "ordinal" || item === 0)) {
    const n = parseChineseNumeral(o[1]!);
    const inline = /[,;:,;:。\s][一二三四五六七八九十]{1,2}是/.test(line.slice(o[0].length));
    if (n === (numbering === "ordinal" ? item + 1 : 1) && !inline)
      return {item: n, body: o[0].length, numbering: "ordinal"};
  }
  return null;
}

/** How a section numbers items beyond `1.`: `01` numbers, `一是` lines, `第一阶段` stages. */
type Numbering = "padded" | "ordinal" | "stage" | null;

/** `n`, or the number after `last` when `n` does not count on from it. */
const numberOn = (n: number, last: number) => (n > last ? n : last + 1);

/** For each line, whether it is a `(一)` with a `1.` line under it before the next `(二)` or section. */
function subsectionGroups(lines: readonly string[]): boolean[] {
  const out = lines.map(() => false);
  let open = -1;
  lines.forEach((line, index) => {
    if (SECTION.test(line)) open = -1;
    else if (SUBSECTION.test(line)) open = index;
    else if (open >= 0 && ITEM.test(line)) {
      out[open] = true;
      open = -1;
    }
  });
  return out;
}

/**
 * Splits a normalized plan text into clauses, each tagged with the section (`一、` → 1) and item
 * (`3.` → 3) it belongs to (0 before the first). List numbers are not part of a clause; a comma
 * between digits (1,500) does not end one.
 */
export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let headingLines = 0; // non-empty lines of the heading block so far, or Infinity once it ended
  for (const {section, item, offset, line, body} of planLines(text)) {
    if (line.trim() && (BODY_MARK.test(line) || PROSE.test(line) || headingLines >= 5)) headingLines = Infinity;
    const heading =
      (line.trim() !== "" && headingLines < 5 && isTitleLike(line, 60)) ||
      ((SECTION.test(line) || SUBSECTION.test(line)) && isTitleLike(line, 30));
    if (line.trim() && headingLines < 5) headingLines++;
    const paragraph = line.slice(body).trim();
    if (!paragraph) continue;
    const quoted = quoteMask(line);
    let from = body;
    const marks = [...line.matchAll(CLAUSE_MARK)].map((m) => m.index!);
    const sentenceEnds = [...line.matchAll(SENTENCE_MARK)].map((m) => m.index!);
    // clauses come in order: the sentence ends are walked once, and the clauses of one sentence share its string (a
    // line of one long sentence costs its length, not its length times its clauses)
    let nextEnd = 0; // the first of sentenceEnds that may close the current clause's sentence
    let sentenceStart = -1;
    let sentence = "";
    for (const to of [...marks, line.length]) {
      if (to < from) continue;
      const raw = line.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      const clause = raw.trim();
      if (clause) {
        const start = from + lead;
        while (nextEnd < sentenceEnds.length && sentenceEnds[nextEnd]! < start) nextEnd++;
        const opens = Math.max(body, nextEnd > 0 ? sentenceEnds[nextEnd - 1]! + 1 : 0);
        let closes = nextEnd;
        while (closes < sentenceEnds.length && sentenceEnds[closes]! < start + clause.length) closes++;
        const sentenceEnd = Math.min(line.length, sentenceEnds[closes] ?? line.length);
        if (opens !== sentenceStart) {
          sentenceStart = opens;
          sentence = line.slice(sentenceStart, sentenceEnd);
        }
        clauses.push({
          section,
          item,
          start: offset + start,
          end: offset + start + clause.length,
          text: clause,
          paragraph,
          sentence,
          quoted: quoted.slice(start, start + clause.length),
          heading
        });
      }
      from = to + 1;
    }
  }
  return clauses;
}

/** Quoted speech (局长表示:“今年…不少于2200场次;新建…100块。”): a quotation with a clause mark inside, longer than a name. */
const SPEECH = /[,。;:!?]/;
const SPEECH_MIN = 16;

/**
 * Marks the characters of `line` inside quotation marks, titles or document-number brackets: names,
 * slogans and titles state no targets. Quoted speech is read as text (its quotation marks and the
 * names quoted inside it stay marked).
 */
function quoteMask(line: string): boolean[] {
  const mask = _quoteMask(line);
  for (let s = 0; s < mask.length; s++) {
    if (!mask[s]) continue;
    let e = s;
    while (e < mask.length && mask[e]) e++;
    const inner = line.slice(s + 1, e - 1);
    if (!"《〔【".includes(line[s]!) && inner.length >= SPEECH_MIN && SPEECH.test(inner))
      quoteMask(inner).forEach((m, k) => (mask[s + 1 + k] = m)); // no spread: a quotation may be a megabyte long
    s = e;
  }
  return mask;
}

function _quoteMask(line: string): boolean[] {
  const mask: boolean[] = [];
  let depth = 0;
  let straight = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') {
      straight = !straight;
      mask.push(true);
      continue;
    }
    if (OPEN_QUOTES.includes(c)) depth++;
    mask.push(depth > 0 || straight);
    if (CLOSE_QUOTES.includes(c) && depth > 0) depth--;
  }
  return mask;
}
