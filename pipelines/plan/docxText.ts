import type {ChildNode, Element} from "domhandler";
import {PlanwatchError, checkZip} from "../core/index.js";
import {cellText} from "./cellText.js";

/** How one level of a Word list numbers its paragraphs (`w:lvl` of `word/numbering.xml`). */
interface ListLevel {
  start: number;
  format: string;
  /** `%1、`, `(%2)`: `%n` is the count of level n - 1. */
  text: string;
  /** What follows the number: `tab` (Word's default), `space` or `nothing`. */
  suffix: string;
  /** `w:isLgl`: the level writes every number of its text in digits (`1.1`, not `一.1`). */
  legal: boolean;
}

/**
 * A list of the document (`w:num`): its levels (0 to 8) with their start overrides, and whose
 * counters it advances: those of its abstract list, shared by every `w:num` of that list that
 * restarts no level (as Word counts them), else its own.
 */
interface List {
  levels: ListLevel[];
  counter: string;
}

/** The numbering of a document: each `w:numId`'s list. */
type Numbering = Map<string, List>;

/** A paragraph's list: its `numId` and level. */
interface ListRef {
  numId: string;
  level: number;
}

const CHINESE_DIGITS = "〇一二三四五六七八九";
const HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸";
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";

/** `n` in Chinese numerals (1 → 一, 12 → 十二, 20 → 二十, 105 → 一百零五), for `chineseCounting` lists. */
function chineseNumber(n: number): string {
  if (n <= 0 || n >= 1000) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = hundreds ? `${CHINESE_DIGITS[hundreds]}百` : "";
  if (tens) out += `${hundreds || tens > 1 ? CHINESE_DIGITS[tens] : ""}十`;
  else if (hundreds && ones) out += "零";
  if (ones) out += CHINESE_DIGITS[ones];
  return out;
}

function roman(n: number): string {
  const parts: [number, string][] = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"]
  ];
  let out = "";
  for (const [value, letters] of parts) while (n >= value) [out, n] = [out + letters, n - value];
  return out;
}

/** The count `n` as a list level of format `format` (a `w:numFmt` value) writes it. */
function formatNumber(n: number, format: string): string {
  switch (format) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "chineseLegalSimplified":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "ideographLegalTraditional":
      return chineseNumber(n);
    case "ideographDigital":
    case "taiwaneseDigital":
      return [...String(n)].map((d) => CHINESE_DIGITS[Number(d)]).join("");
    case "ideographTraditional":
      return HEAVENLY_STEMS[(n - 1) % 10] ?? String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return CIRCLED[n - 1] ?? String(n);
    case "decimalFullWidth":
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join("");
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "lowerLetter":
      return String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
    case "upperLetter":
      return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
    case "lowerRoman":
      return roman(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    default:
      return String(n);
  }
}

/** The element children of `node` named `name` (`w:p`). */
function childElements(node: Element, name?: string): Element[] {
  return node.children.filter((c): c is Element => c.type === "tag" && (name === undefined || c.name === name));
}

function child(node: Element | undefined, name: string): Element | undefined {
  return node ? childElements(node, name)[0] : undefined;
}

const val = (node: Element | undefined): string | undefined => node?.attribs["w:val"];
/** A toggle property (`<w:vanish/>`, `<w:isLgl w:val="true"/>`): on unless its value says off. */
const isOn = (node: Element | undefined): boolean => !!node && !/^(?:0|false|off)$/.test(val(node) ?? "");

/** The levels of each list of `word/numbering.xml` (none when the document has no lists). */
function readNumbering(root: Element | undefined): Numbering {
  const out: Numbering = new Map();
  if (!root) return out;
  const abstract = new Map<string, ListLevel[]>();
  for (const a of childElements(root, "w:abstractNum")) {
    const levels: ListLevel[] = [];
    for (const lvl of childElements(a, "w:lvl")) {
      levels[Number(lvl.attribs["w:ilvl"] ?? 0)] = {
        start: Number(val(child(lvl, "w:start")) ?? 1),
        format: val(child(lvl, "w:numFmt")) ?? "decimal",
        text: val(child(lvl, "w:lvlText")) ?? "",
        suffix: val(child(lvl, "w:suff")) ?? "tab",
        legal: isOn(child(lvl, "w:isLgl"))
      };
    }
    abstract.set(a.attribs["w:abstractNumId"] ?? "", levels);
  }
  for (const num of childElements(root, "w:num")) {
    const abstractId = val(child(num, "w:abstractNumId")) ?? "";
    const numId = num.attribs["w:numId"] ?? "";
    const levels = [...(abstract.get(abstractId) ?? [])];
    let restarts = false;
    for (const override of childElements(num, "w:lvlOverride")) {
      const level = Number(override.attribs["w:ilvl"] ?? 0);
      const start = val(child(override, "w:startOverride"));
      if (start !== undefined && levels[level])
        [levels[level], restarts] = [{...levels[level], start: Number(start)}, true];
    }
    out.set(numId, {levels, counter: restarts ? `num ${numId}` : `abstract ${abstractId}`});
  }
  return out;
}

/** The list of each paragraph style that numbers its paragraphs (`w:style` with a `w:numPr`), by style id. */
function readStyleLists(root: Element | undefined): Map<string, ListRef> {
  const out = new Map<string, ListRef>();
  if (!root) return out;
  for (const style of childElements(root, "w:style")) {
    const numPr = child(child(style, "w:pPr"), "w:numPr");
    const numId = val(child(numPr, "w:numId"));
    if (numId !== undefined)
      out.set(style.attribs["w:styleId"] ?? "", {numId, level: Number(val(child(numPr, "w:ilvl")) ?? 0)});
  }
  return out;
}

/**
 * Elements whose text is not the document's: deleted and moved-away revisions, field codes, the
 * fallback copy of a drawing, a ruby's reading (`w:rt`, the pinyin over its base), properties.
 */
const SKIPPED = new Set([
  "w:del",
  "w:moveFrom",
  "w:instrText",
  "w:delText",
  "mc:Fallback",
  "w:rt",
  "w:pPr",
  "w:rPr",
  "w:sectPr",
  "w:sdtPr",
  "w:sdtEndPr",
  "w:tblPr",
  "w:trPr",
  "w:tcPr"
]);

/** Fields whose result is generated from the document itself: a table of contents (目录), an index. */
const GENERATED_FIELD = /^\s*(?:TOC|INDEX|TOA)\b/i;

/**
 * The text elements (`w:t`, `w:tab`, `w:br`) inside the result of a generated field, a table of
 * contents above all: it repeats the headings (`一、学前教育……1`), so it is left out. A field runs
 * from its `begin` to its `end` mark, across runs and paragraphs; its result follows `separate`.
 */
function generatedText(body: Element): Set<Element> {
  const out = new Set<Element>();
  const fields: {code: string; result: boolean}[] = [];
  const walk = (node: Element) => {
    for (const c of node.children) {
      if (c.type !== "tag") continue;
      if (c.name === "w:fldChar") {
        const type = c.attribs["w:fldCharType"];
        if (type === "begin") fields.push({code: "", result: false});
        else if (type === "separate" && fields.length) fields.at(-1)!.result = true;
        else if (type === "end") fields.pop();
      } else if (c.name === "w:instrText" && fields.length) {
        fields.at(-1)!.code += c.children.map((t) => (t.type === "text" ? t.data : "")).join("");
      } else if (c.name === "w:t" || c.name === "w:tab" || c.name === "w:br") {
        if (fields.some((f) => f.result && GENERATED_FIELD.test(f.code))) out.add(c);
      } else if (!SKIPPED.has(c.name) || c.name === "w:instrText") walk(c);
    }
  };
  walk(body);
  return out;
}

/** Whether a run is hidden (`w:vanish`): Word neither shows nor prints it. */
const hidden = (run: Element) => isOn(child(child(run, "w:rPr"), "w:vanish"));

/** The text of a run container (a paragraph, a hyperlink, an insertion): `w:t`, tabs and breaks. */
function runText(node: Element, generated: ReadonlySet<Element>): string {
  let out = "";
  for (const c of node.children) {
    if (c.type === "text") continue; // whitespace between elements is not the document's text
    if (c.type !== "tag" || SKIPPED.has(c.name) || generated.has(c)) continue;
    if (c.name === "w:t") out += c.children.map((t) => (t.type === "text" ? t.data : "")).join("");
    else if (c.name === "w:tab") out += "\t";
    else if (c.name === "w:br" || c.name === "w:cr") out += "\n";
    else if (c.name === "w:noBreakHyphen") out += "-";
    else if (c.name === "w:p")
      out += `${runText(c, generated)}\n`; // a text box's paragraphs
    else if (c.name !== "w:r" || !hidden(c)) out += runText(c, generated);
  }
  return out;
}

/** The counters of the document's lists, as Word advances them paragraph by paragraph. */
class ListCounters {
  readonly #counts = new Map<string, number[]>();
  constructor(readonly numbering: Numbering) {}

  /** The number a paragraph of list `ref` shows (`一、`, `1.`), counting it; empty for a bullet. */
  next({numId, level}: ListRef): string {
    const list = this.numbering.get(numId);
    const levels = list?.levels;
    const lvl = levels?.[level];
    if (!list || !levels || !lvl || numId === "0") return "";
    const counts = this.#counts.get(list.counter) ?? [];
    counts[level] = counts[level] === undefined ? lvl.start : counts[level] + 1;
    counts.length = level + 1; // a deeper level starts over
    this.#counts.set(list.counter, counts);
    if (lvl.format === "bullet" || lvl.format === "none") return "";
    const label = lvl.text.replace(/%(\d)/g, (_, d: string) => {
      const k = Number(d) - 1;
      const format = lvl.legal ? "decimal" : (levels[k]?.format ?? "decimal");
      return formatNumber(counts[k] ?? levels[k]?.start ?? 1, format);
    });
    if (!label) return "";
    const closed = /[、.．:：)）]$/.test(label);
    return lvl.suffix === "nothing" || closed ? label : `${label} `;
  }
}

/** Elements that wrap rows or cells of a table, or block content, without being any: content controls, custom XML. */
const WRAPPERS = new Set(["w:sdt", "w:sdtContent", "w:customXml", "w:smartTag"]);

/** The children of `node` named `name`, looking through content controls and custom XML around them. */
function wrapped(node: Element, name: string): Element[] {
  return childElements(node).flatMap((c) => (c.name === name ? [c] : WRAPPERS.has(c.name) ? wrapped(c, name) : []));
}

/** A content control Word fills with a table of contents (目录): generated from the headings, left out. */
const isContents = (sdt: Element) =>
  /table of contents/i.test(val(child(child(child(sdt, "w:sdtPr"), "w:docPartObj"), "w:docPartGallery")) ?? "");

/** A row deleted as a tracked change (`w:trPr/w:del`). */
const deletedRow = (row: Element) => !!child(child(row, "w:trPr"), "w:del");

/**
 * A table's rows, each row's cells joined by ` | `, a cell's paragraphs run together. A cell merged
 * down (`w:vMerge`) gives each row it covers its text, so that every row of a 牵头单位 spanning rows
 * has its lead; a cell spanning columns (`w:gridSpan`) is followed by empty cells, so that the cells
 * after it stay under their headers. A row of one cell (a frame around text, a 专栏 box, a section's
 * heading across the table) is its paragraphs, each a line.
 */
function tableLines(table: Element, read: (node: Element) => string[]): string[] {
  const lines: string[] = [];
  const above = new Map<number, string>(); // the text of a vertically merged cell, by its first grid column
  for (const row of wrapped(table, "w:tr")) {
    if (deletedRow(row)) continue;
    const trPr = child(row, "w:trPr");
    let column = Number(val(child(trPr, "w:gridBefore")) ?? 0);
    const cells: string[] = Array<string>(column).fill("");
    const tcs = wrapped(row, "w:tc");
    if (tcs.length === 1 && !child(child(tcs[0], "w:tcPr"), "w:vMerge")) {
      lines.push(
        ...read(tcs[0]!)
          .map((l) => l.trim())
          .filter(Boolean)
      );
      above.clear();
      continue;
    }
    for (const cell of tcs) {
      const tcPr = child(cell, "w:tcPr");
      const span = Math.max(1, Number(val(child(tcPr, "w:gridSpan")) ?? 1));
      const merge = child(tcPr, "w:vMerge");
      let text = cellText(read(cell));
      if (merge && val(merge) !== "restart") text = above.get(column) ?? text;
      else if (merge) above.set(column, text);
      else above.delete(column);
      cells.push(text, ...Array<string>(span - 1).fill(""));
      column += span;
    }
    if (cells.some(Boolean)) lines.push(cells.join(" | "));
  }
  return lines;
}

/** The lines of the document's body: each paragraph one line (with its list number), each table row one line. */
function bodyLines(body: Element, counters: ListCounters, styles: Map<string, ListRef>): string[] {
  const generated = generatedText(body);
  const read = (node: Element): string[] => {
    const lines: string[] = [];
    for (const c of childElements(node)) {
      if (c.name === "w:p") {
        const pPr = child(c, "w:pPr");
        const numPr = child(pPr, "w:numPr");
        const numId = val(child(numPr, "w:numId"));
        const styled = styles.get(val(child(pPr, "w:pStyle")) ?? "");
        const ref: ListRef | undefined =
          numId !== undefined ? {numId, level: Number(val(child(numPr, "w:ilvl")) ?? styled?.level ?? 0)} : styled;
        const text = runText(c, generated);
        const label = ref && text.trim() ? counters.next(ref) : "";
        lines.push(...`${label}${text}`.split("\n"));
      } else if (c.name === "w:tbl") lines.push(...tableLines(c, read));
      else if (c.name === "w:sdt" && isContents(c)) continue;
      else if (!SKIPPED.has(c.name)) lines.push(...read(c)); // w:sdt, w:sdtContent, w:customXml
    }
    return lines;
  };
  return read(body);
}

/**
 * The text of a Word document (`.docx`, Office Open XML) as planwatch reads a plan: each paragraph a
 * line, its list number written out as Word shows it (`一、`, `1.`, `(1)`), each table row a line of
 * its cells joined by ` | ` (as task and indicator tables are read). Deleted revisions and field codes
 * are left out. `file` names the document in messages. Throws `PlanwatchError` `invalid_plan` for a
 * zip that is not a Word document or is damaged, and the zip checks' codes (`zip_bomb`, `file_too_large`).
 */
export async function docxText(bytes: Uint8Array, {file}: {file: string}): Promise<string> {
  try {
    await checkZip(bytes);
  } catch (error) {
    if (!(error instanceof PlanwatchError)) throw error;
    const code = error.code === "bad_sheet" ? "invalid_plan" : error.code;
    throw new PlanwatchError(code, `${file}: Word 文档${error.message.replace(/^Excel 文件/, "")}`);
  }
  const [{default: JSZip}, {parseDocument}] = await Promise.all([import("jszip"), import("htmlparser2")]);
  const zip = await JSZip.loadAsync(bytes);
  const xml = async (name: string) => {
    const entry = zip.file(name);
    return entry ? parseDocument(await entry.async("string"), {xmlMode: true}) : undefined;
  };
  const [document, numbering, styles] = await Promise.all([
    xml("word/document.xml"),
    xml("word/numbering.xml"),
    xml("word/styles.xml")
  ]);
  const root = (doc: typeof document, name: string) =>
    doc?.children.find((c: ChildNode): c is Element => c.type === "tag" && c.name === name);
  const body = child(root(document, "w:document"), "w:body");
  if (!body) throw new PlanwatchError("invalid_plan", `${file}: 不是有效的 Word 文档(缺少 word/document.xml)`);
  const counters = new ListCounters(readNumbering(root(numbering, "w:numbering")));
  const lines = bodyLines(body, counters, readStyleLists(root(styles, "w:styles")));
  return (
    lines
      .map((l) => l.replace(/\s+$/, ""))
      .join("\n")
      .replace(/^\n+|\n+$/g, "") + "\n"
  );
}
