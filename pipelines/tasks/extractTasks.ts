import {PlanwatchError, normalizePlanText} from "../core/index.js";
import {extractTargets} from "../targets/index.js";
import {
  OFFICE_NAME_END,
  planSections,
  inferPlanYear,
  planMonth,
  isPageFurniture,
  isPageNumber,
  planLines,
  unwrapLines
} from "../plan/index.js";
import type {TaskLine} from "./taskTable.js";
import {spacedTableLines, taskTableLines} from "./taskTable.js";
import {overlappingIds} from "./overlappingIds.js";
import {closingLines} from "./closingMatter.js";
import {
  type TaskOwners,
  officeNames,
  readHeadingOwners,
  readOwners,
  readOwnersInText,
  readOwnersSentence
} from "./owners.js";
import {
  ACTION_VERBS,
  actionVerb,
  isGroupName,
  isNoteLine,
  isPrefaceHeading,
  noteTailStart,
  notesInside,
  officeNoteStart,
  type PlanTime,
  readDeadline,
  readHeadingTime,
  namesTime,
  readTimeLimit,
  listYear,
  subListMarkers,
  subListRuns
} from "./phrases.js";

/** A work item of the plan: section `一、`, item `1.`, and the title its first sentence gives. */
export interface WorkItem {
  /** `section.item`: `1.3`. */
  item_id: string;
  section: number;
  item: number;
  section_title: string;
  /** The item's heading (`强化党的创新理论武装`): its first sentence, or first clause when it has one sentence. */
  title: string;
  /** The title's offsets into the input: `input.slice(start_offset, end_offset) === title`. */
  start_offset: number;
  end_offset: number;
}

/** One task of a work item: an action clause or sentence of the plan (DESIGN.md, tasks table). */
export interface ExtractedTask {
  /** The item id and the task's place in it: `1.3-t2` (stable while the item's text is unchanged). */
  task_id: string;
  item_id: string;
  section: number;
  item: number;
  item_title: string;
  /** The clause, exactly as in the input: `input.slice(start_offset, end_offset)`. */
  text: string;
  start_offset: number;
  end_offset: number;
  /** The first action verb of the clause (推进, 出台 …), null for a clause kept without one. */
  verb: string | null;
  /**
   * The last month the task may take, `YYYY-MM`: what the text names, else the plan's year end; null when the plan's
   * year is unknown and the text names no year.
   */
  deadline: string | null;
  /**
   * `text` when the clause or a note of its item names its deadline (`deadline_words` says how), `table` for a task
   * table's time-limit cell, `year_end` for the plan's year end, null for none.
   */
  deadline_source: "text" | "table" | "year_end" | null;
  deadline_words: string | null;
  /**
   * The office the plan names as leading the task, as printed: from a note in brackets (`(牵头单位:市卫健委;…)`,
   * `(市发改委牵头)`), a `牵头单位:` line of its item, a task table's 牵头单位 cell or the sentence (`由A会同B…`); null
   * when the plan names none.
   */
  lead: string | null;
  /** The other offices and units named with it (配合单位, 责任单位, 会同), as printed. */
  partners: string[];
  /** The numeric targets whose clause lies inside the task (`6.1b`). */
  target_ids: string[];
}

/** What {@link extractTasks} reads from a plan: its work items and their tasks, in plan order. */
export interface PlanTasks {
  /** The plan's year, null when nothing says it (`inferPlanYear`). */
  year: number | null;
  items: WorkItem[];
  tasks: ExtractedTask[];
}

const SENTENCE = /[^。;!?;!?]+[。;!?;!?]?/g;
/** What ends a task but is none of its text: stops, spaces, a table rule (`…考核。 |`, a page printed as a table cell). */
const TRAILING = /[\s,;:。,;:、!?!?|]+$/;
/** A list bullet: `•`, `●`, `■`, `▶`, `—` (or `——`), or a dash before a space. */
const BULLET_MARK = "(?:[•●○■□◆◇▪·▶►▸➢]|——?|[-–](?=\\s))";
const BULLET = new RegExp(`^\\s*${BULLET_MARK}?\\s*`);
/** A line that is one entry of a list: after a bullet, or starting `一是` or a step's `(1)` with no second entry in it. */
const ENTRY = new RegExp(`^\\s*(?:${BULLET_MARK}\\s*\\S|[一二三四五六七八九十]{1,2}是|[((]\\d{1,2}[))])`);

/**
 * Reads a plan's work items and tasks. A task is an action sentence (up to 。;!?) of an item, or
 * each entry of a numbered sub-list inside one (`一是…二是…`); a sentence with no action verb joins
 * the task before it; a sub-list's lead-in is not a task. A paragraph the text repeats in the same
 * section and item (the seed prints its notice twice) yields its tasks once, as targets do.
 * Options: `year`, the plan's year (default: read from its title, as for targets); `targets`, the
 * numeric targets to link by offset (default: the plan's own).
 * A plan without sections gives its items in section 0 (`0.3`, as targets are numbered).
 * A section or item that states the plan's aims or principles (总体要求, 指导思想, 基本原则) holds no tasks.
 * A plan whose year nothing says still gives its tasks, with deadlines only where the text names a year.
 * Throws `PlanwatchError` `invalid_plan` when `text` is not a string.
 */
export function extractTasks(
  text: string,
  {
    year,
    targets
  }: {year?: number | null; targets?: readonly {id: string; start_offset: number; end_offset: number}[]} = {}
): PlanTasks {
  if (typeof text !== "string") throw new PlanwatchError("invalid_plan", `invalid plan text: ${String(text)}`);
  const y = inferPlanYear(text, {year}).year;
  return _extractTasks(text, {time: {year: y, month: planMonth(text)}, targets: targets ?? extractTargets(text)});
}

interface Piece {
  start: number;
  end: number;
  lead: boolean;
  /** An entry of a numbered sub-list (`四是…`): a task of its own, verb or not. */
  entry?: boolean;
  /** The year its list's label names (`2019年任务:一是…`): its deadline's year, and its deadline when it names no month. */
  year?: number;
}

function _extractTasks(
  input: string,
  {time, targets}: {time: PlanTime; targets: readonly {id: string; start_offset: number; end_offset: number}[]}
): PlanTasks {
  const {year} = time;
  // read in simplified characters (same offsets): a traditional-character plan's verbs, notes and deadlines are found
  // too
  const normalized = normalizePlanText(input);
  const sectionTitles = new Map(planSections(input).map((s) => [s.section, s.title]));
  // sections of aims (总体要求, 指导思想…) hold no work items: decided once per section, not per line
  const prefaceSections = new Set(
    [...sectionTitles].filter(([, title]) => isPrefaceHeading(normalizePlanText(title))).map(([section]) => section)
  );
  const items = new Map<string, WorkItem>();
  const tasks: ExtractedTask[] = [];
  const counters = new Map<string, number>();
  const seen = new Set<string>();
  const preface = new Set<string>();
  const lines = noticeBeforeTable(
    sectionsAsItems(taskTableLines(unwrapLines(spacedTableLines(planLines(normalized)))), prefaceSections)
  );
  // a plan without sections (一、) numbers its items in section 0, as targets do
  const sectioned = lines.some((l) => l.opens === "section");
  // a copy that opens on an item (`(二)…`) has items before its first section: section 0 is no preamble then
  const opensOnItem = lines.find((l) => l.line.trim() && !isPageFurniture(l.line))?.opens === "item";
  /** The offices a `牵头单位:` line names for an item's tasks that name none. */
  const itemOwners = new Map<string, TaskOwners>();
  /** The offices a section's heading names in its closing note (`一、强化科技创新(区科技局牵头)`), for its tasks that name none. */
  const sectionOwners = new Map<number, TaskOwners>();
  for (const [section, title] of sectionTitles) {
    const cut = noteTailStart(title);
    const owners = cut < title.length ? readOwners(title.slice(cut)) : null;
    if (owners) sectionOwners.set(section, owners);
  }
  /** The time an item's heading names (`自查阶段(7月3日至7月15日)`), for its tasks that name none. */
  const itemDeadlines = new Map<string, NonNullable<ReturnType<typeof readDeadline>>>();
  /** Each item's tasks so far, for the notes that complete them (a plan of many items: not every task per note). */
  const itemTasks = new Map<string, ExtractedTask[]>();
  const targetIds = overlappingIds(targets);
  // a signature, its date, 抄送 and 附件 lines close the document: no tasks
  const closing = closingLines(lines);
  /** The items whose first line holds text after the title (`(一)聚力推进乡村振兴,…。全面落实…。`). */
  const openedWithText = new Set<string>();
  for (const [index, {section, item, offset, line, body, opens, deadline: timeCell, cells}] of lines.entries()) {
    // a section heading that names the office leading its items (`一、县示范区管委会牵头工作(8项)`), the heading met (a
    // covering notice's own 一、 comes before the list's)
    const headed = opens === "section" ? readHeadingOwners(input.slice(offset + body, offset + line.length)) : null;
    if (headed) sectionOwners.set(section, headed);
    if ((section === 0 && sectioned && !opensOnItem) || item === 0 || prefaceSections.has(section)) continue;
    const paragraph = line.slice(body).trim();
    if (!paragraph || isPageNumber(paragraph) || namesGroup(lines, index) || closing.has(index)) continue;
    const key = `${section}.${item}`;
    if (preface.has(key)) continue;
    if (opens === "item" && !items.has(key) && isPrefaceHeading(paragraph)) {
      preface.add(key); // 指导思想, 基本原则: the plan's aims, not a work item
      continue;
    }
    if (seen.has(`${key}:${paragraph}`)) continue;
    seen.add(`${key}:${paragraph}`);
    let from = body + (line.length - line.slice(body).trimStart().length - body);
    // a table printed one cell a line, each cell after the bar that closed the one before (`| 12月20日`): the bar is no text
    const barred = BAR_CELL.exec(line.slice(from));
    if (barred) {
      from += barred[0].length;
      const cell = line.slice(from).trim();
      // a cell of a time alone (`12月20日`) is no task; a cell of offices alone (`预报司`) names the item's tasks' offices
      if (TIME_ALONE.test(cell)) continue;
      const names = officeNames(cell);
      if (names.length && names.every((n) => n.length <= 16 && OFFICE_NAME_END.test(n) && !/[,。;]/.test(n))) {
        const owners = {lead: names[0]!, partners: names.slice(1)};
        itemOwners.set(key, owners);
        for (const t of itemTasks.get(key) ?? []) if (t.lead === null) Object.assign(t, owners);
        continue;
      }
    }
    // a scoring rule (`…有正订正技巧的得1分,负技巧的不得分。`, an assessment's 评分标准) says how a task is scored: no task
    if (isScoringRule(line.slice(from))) continue;
    const cut = noteTailStart(line);
    if (opens === "item" && !items.has(key)) {
      const next = lineAfter(
        lines,
        index,
        // a document's closing matter (a byline, a signature) is no text of the item above it
        (l, k) => l.line.trim() !== "" && !isNoteLine(l.line) && !namesGroup(lines, k) && !closing.has(k)
      );
      const below = lineAfter(lines, index, (l) => l.line.trim() !== "");
      // the title is read without the closing note: `组织开展评估工作。(市卫健委负责)` is one sentence, itself a task
      const title = itemTitle(line.slice(0, cut), from, {
        textBelow: next !== undefined && next.opens === null && next.section === section && next.item === item,
        // a table row's other cells are its notes: a task cell without a stop (开展专项整治) is its task
        // so is a heading whose note closes its line (`开展专项整治(牵头单位:市城管局)`)
        notesBelow:
          cells !== undefined ||
          cut < line.length ||
          (below !== undefined && below.opens === null && isNoteLine(below.line))
      });
      items.set(key, {
        item_id: key,
        section,
        item,
        section_title: sectionTitles.get(section) ?? "",
        title: input.slice(offset + title.start, offset + title.end),
        start_offset: offset + title.start,
        end_offset: offset + title.end
      });
      const titled = readHeadingTime(normalized.slice(offset + title.start, offset + title.end), time);
      if (titled) itemDeadlines.set(key, titled);
      from = title.bodyFrom;
      if (line.slice(from, cut).replace(TRAILING, "").trim()) openedWithText.add(key);
    }
    if (!items.has(key)) continue; // text under an item number the plan never opened
    // under an item whose first line holds text of its own, a paragraph that opens on a short heading sentence
    // (持续巩固提升脱贫攻坚成果。…) is headed by it (under a bare heading, the paragraphs are the item's text)
    if (opens === null && openedWithText.has(key)) from = paragraphBody(line, from);
    if (isNoteLine(paragraph)) {
      // 牵头单位:… names offices; 完成时限:… the time of the item's tasks that name none
      const named = readDeadline(paragraph, time);
      if (named)
        for (const t of itemTasks.get(key) ?? [])
          if (t.deadline_source !== "text")
            Object.assign(t, {deadline: named.deadline, deadline_source: "text", deadline_words: named.words});
      const owners = readOwners(input.slice(offset + body, offset + line.length));
      if (owners) {
        const known = itemOwners.get(key);
        // 牵头单位:… then 责任单位:… on lines of their own: one note, read together
        const merged = known ? mergeOwners(known, owners) : owners;
        itemOwners.set(key, merged);
        // a note that closes a block of items (no item after it) names the block's items before it that name none
        const next = lineAfter(lines, index, (l, k) => l.line.trim() !== "" && !isNoteLine(l.line) && !closing.has(k));
        const block = next?.opens === "item" ? [key] : [key, ...itemsBefore(key, section, items, itemTasks)];
        for (const k of block)
          for (const t of itemTasks.get(k) ?? [])
            if (t.lead === null || t.lead === known?.lead)
              Object.assign(t, {lead: merged.lead, partners: merged.partners});
      }
      continue;
    }
    const itemTitleText = items.get(key)!.title;
    // (牵头单位:…;完成时限:6月底前), or a table row's time-limit cell, dates the line's tasks
    const noted = readDeadline(line.slice(cut), time);
    const tabled = !noted && timeCell ? readTimeLimit(timeCell, time) : null;
    // the line's closing note, else the table row's office cells, name the line's tasks' offices
    // a closing bracket of offices' names only (`…。(市市场监管局、市知识产权局)`) names them too, the first leading
    const named = line.replace(TRAILING, "");
    const bracket = cut < line.length || cells ? named.length : officeNoteStart(named);
    const lineOwners =
      (cut < line.length ? readOwners(input.slice(offset + cut, offset + line.length)) : null) ??
      (bracket < named.length ? readOwners(input.slice(offset + bracket, offset + named.length)) : null) ??
      (cells ? tableOwners(input, cells) : null);
    /** The offices a sentence of the line names (`…,市建委牵头,相关部门配合,…`), for its later sentences too. */
    let inText: TaskOwners | null = null;
    const parts = lineParts(line, {from, cut, time, input, offset, noted, lineOwners});
    for (const {part, piece} of parts.flatMap((part) =>
      joinPieces(part.text, entryPieces(part.text, part.from) ?? pieces(part.text, part.from)).map((piece) => ({
        part,
        piece
      }))
    )) {
      // a sentence that only says who does the item's tasks (`由A、B负责落实。`) is no task: it names their offices
      const said = readOwnersSentence(input.slice(offset + piece.start, offset + piece.end));
      if (said) {
        for (const t of itemTasks.get(key) ?? []) if (t.lead === null) Object.assign(t, said);
        continue;
      }
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      const start = offset + piece.start;
      const end = offset + piece.end;
      const clause = normalized.slice(start, end);
      // an entry of a list labelled by its year (`2019年任务:一是…`) is due in that year
      const labelled = piece.year === undefined ? null : {deadline: `${piece.year}-12`, words: `${piece.year}年`};
      const {deadline, source} = taskDeadline([
        [readDeadline(clause, piece.year === undefined ? time : {year: piece.year}) ?? labelled, "text"],
        [part.noted, "text"],
        [itemDeadlines.get(key) ?? null, "text"],
        [tabled, "table"]
      ]);
      inText = readOwnersInText(input.slice(start, end)) ?? inText;
      const owners = part.owners ?? inText ?? itemOwners.get(key) ?? sectionOwners.get(section) ?? null;
      tasks.push({
        task_id: `${key}-t${n}`,
        item_id: key,
        section,
        item,
        item_title: itemTitleText,
        text: input.slice(start, end),
        start_offset: start,
        end_offset: end,
        verb: actionVerb(clause),
        deadline: deadline?.deadline ?? (year === null ? null : `${year}-12`),
        deadline_source: source ?? (year === null ? null : "year_end"),
        deadline_words: deadline?.words ?? null,
        lead: owners?.lead ?? null,
        partners: owners?.partners ?? [],
        target_ids: targetIds(start, end)
      });
      const ofItem = itemTasks.get(key);
      if (ofItem) ofItem.push(tasks.at(-1)!);
      else itemTasks.set(key, [tasks.at(-1)!]);
    }
  }
  return {year, items: [...items.values()], tasks};
}

type Deadline = ReturnType<typeof readDeadline>;

/**
 * A task's deadline from where it may be said, in order (its words, its note, its item's heading, its table row's cell), with
 * where it was said: the first that names a limit, else the first after its words that names the year, else its words
 * (`全年`, `年内` in a sentence span the year, `力争全年盘活10家`: a limit said elsewhere says more), else none. `年内` said in
 * the words or a note (`年内持续推进`) names no month: the year's end (`year_end`, as 持续推进); a table's time-limit cell
 * stays the table's.
 */
function taskDeadline(said: readonly (readonly [Deadline, "text" | "table"])[]): {
  deadline: Deadline;
  source: "text" | "table" | "year_end" | null;
} {
  const found =
    said.find(([d]) => d !== null && !/^(?:全年|年内)$/.test(d.words)) ??
    [...said.slice(1), said[0]].find((s) => s !== undefined && s[0] !== null);
  const withinYear = found?.[1] === "text" && found[0]!.words === "年内";
  return {deadline: found?.[0] ?? null, source: withinYear ? "year_end" : (found?.[1] ?? null)};
}

/** A cell after the bar that closed the cell before it, the bar and its spaces (see `_extractTasks`). */
const BAR_CELL = /^[|｜]\s*(?=\S)/;
/** A cell that names a time alone (`12月20日`, `2031年6月底前`): a time-limit cell. */
const TIME_ALONE = /^(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|上旬|中旬|下旬)?前?$/;
/** What a scoring rule says: points earned or taken off (`得1分`, `扣0.5分`, `不得分`). */
const SCORING = /(?:得|扣)\d+(?:\.\d+)?分|不得分/;

/** Whether every sentence of a paragraph is a scoring rule (`…的得1分,负技巧的不得分。`): an assessment's standard, no task. */
function isScoringRule(paragraph: string): boolean {
  const sentences = paragraph.split(/[。;;]/).filter((s) => s.trim());
  return sentences.length > 0 && sentences.every((s) => SCORING.test(s));
}

/**
 * The lines with a notice's own numbered paragraphs before a task table left out (`1、本次下达资金由…绩效监控。` … then the
 * table's rows `1 | …`, `2 | …`): when the first table's rows number items that lines of prose in the same section numbered
 * before it, those lines and every line between them and the table are the notice's (its requirements, its 附件 line,
 * the table's title), no item: the table's rows are the plan's items.
 */
function noticeBeforeTable(lines: readonly TaskLine[]): readonly TaskLine[] {
  const first = lines.findIndex((l) => l.table && l.opens === "item");
  if (first < 0) return lines;
  const {section} = lines[first]!;
  const numbers = new Set(
    lines.flatMap((l) => (l.table && l.opens === "item" && l.section === section ? [l.item] : []))
  );
  const from = lines.findIndex(
    (l, k) => k < first && !l.table && l.opens === "item" && l.section === section && numbers.has(l.item)
  );
  if (from < 0) return lines;
  return lines.map((l, k) => (k >= from && k < first && l.section === section ? {...l, item: 0, opens: null} : l));
}

/**
 * The lines of a plan whose sections (`一、推动文旅事业发展。做好…。`) hold no numbered items: each section, aims
 * (总体要求) left out, is a work item of section 0 numbered as the section (`0.3`), as a plan without sections numbers its
 * items; a plan with items anywhere is left as it is.
 */
function sectionsAsItems(lines: TaskLine[], preface: ReadonlySet<number>): TaskLine[] {
  // an item before the first section (a preview's first page number, `1、某局工作要点一、…`) is the preamble's
  if (!lines.some((l) => l.opens === "section") || lines.some((l) => l.section > 0 && l.item > 0)) return lines;
  const notice = noticeLines(lines);
  // the aims' lines, and a covering notice's own, are read as the preamble is: no item
  return lines.map((l, index) =>
    l.section === 0
      ? {...l, item: 0, opens: l.opens === "item" ? null : l.opens}
      : preface.has(l.section) || notice.has(index)
        ? {...l, section: 0, opens: null}
        : {...l, section: 0, item: l.section, opens: l.opens === "section" ? "item" : l.opens}
  );
}

/**
 * The line of a covering notice that sends a plan and opens its own numbered requirements: `现将《…》印发给你们,并就有关事项
 * 通知如下:`, `现印发给你们,请结合以下要求认真贯彻执行。` (a notice that sends none, `现就做好防汛工作通知如下:`, numbers the
 * work itself).
 */
const NOTICE_LEAD = /(?:印发|印發|转发|轉發).*(?:通知如下|(?:以下|如下)要求|要求如下)/;

/**
 * The lines of a covering notice's own sections (`现将《…》印发给你们,并就有关事项通知如下:一、…二、…`): from the line that
 * announces them up to the sent plan's first section (its numbers start again at 一、), or the end when the page prints
 * the notice alone. Its sections tell the units how to handle the plan; they are no work items.
 */
function noticeLines(lines: readonly TaskLine[]): Set<number> {
  const out = new Set<number>();
  const lead = lines.findIndex((l) => l.opens === null && l.section === 0 && NOTICE_LEAD.test(l.line));
  if (lead < 0) return out;
  let last = 0;
  for (let i = lead + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.opens === "section") {
      if (l.section <= last) break;
      last = l.section;
    }
    out.add(i);
  }
  return out;
}

/** A run of a line's sentences and the note that closes it: the text to cut into tasks, from `from`, and what the note names. */
interface LinePart {
  /** The line up to the run's end (offsets stay the line's). */
  text: string;
  from: number;
  noted: ReturnType<typeof readDeadline>;
  owners: TaskOwners | null;
}

/**
 * A line's runs of sentences, each with the note that closes it: a note between sentences (`出台方案。(牵头单位:A)完善制度。`)
 * names the offices and time of the sentences before it, back to the note before; the line's closing note (or table cells,
 * `lineOwners`) those after the last.
 */
function lineParts(
  line: string,
  {
    from,
    cut,
    time,
    input,
    offset,
    noted,
    lineOwners
  }: {
    from: number;
    cut: number;
    time: PlanTime;
    input: string;
    offset: number;
    noted: ReturnType<typeof readDeadline>;
    lineOwners: TaskOwners | null;
  }
): LinePart[] {
  const parts: LinePart[] = [];
  let start = from;
  for (const note of notesInside(line.slice(0, cut), from)) {
    parts.push({
      text: line.slice(0, note.start),
      from: start,
      noted: readDeadline(line.slice(note.start, note.end), time),
      owners: readOwners(input.slice(offset + note.start, offset + note.end))
    });
    start = note.end;
  }
  parts.push({text: line.slice(0, cut), from: start, noted, owners: lineOwners});
  return parts;
}

/** The first line after line `index` that `accept`s (given its index), else undefined; no copy of the lines. */
function lineAfter(
  lines: readonly TaskLine[],
  index: number,
  accept: (line: TaskLine, index: number) => boolean
): TaskLine | undefined {
  for (let k = index + 1; k < lines.length; k++) if (accept(lines[k]!, k)) return lines[k];
  return undefined;
}

/**
 * The items of `section` just before item `key` (nearest first) none of whose tasks names an office: the run a note after
 * them all may name (`1.… 2.… 责任单位:…`), up to an item that names its own.
 */
function itemsBefore(
  key: string,
  section: number,
  items: ReadonlyMap<string, WorkItem>,
  itemTasks: ReadonlyMap<string, readonly ExtractedTask[]>
): string[] {
  const keys = [...items.keys()];
  const out: string[] = [];
  for (let k = keys.indexOf(key) - 1; k >= 0; k--) {
    const id = keys[k]!;
    const tasks = itemTasks.get(id) ?? [];
    if (items.get(id)!.section !== section || !tasks.length || tasks.some((t) => t.lead !== null)) break;
    out.push(id);
  }
  return out;
}

/** A note's leads and partners with a later note's (`牵头单位:` then `责任单位:` on lines of their own). */
function mergeOwners(a: TaskOwners, b: TaskOwners): TaskOwners {
  const names = [...(a.lead ? [a.lead] : []), ...a.partners, ...(b.lead ? [b.lead] : []), ...b.partners];
  const unique = [...new Set(names)];
  return {lead: unique[0] ?? null, partners: unique.slice(1)};
}

/** The offices a task table row's 牵头单位 and 配合单位 cells name, as printed, else null. */
function tableOwners(input: string, cells: NonNullable<TaskLine["cells"]>): TaskOwners | null {
  // a cell of two paragraphs (`农业股` / `乡村产业发展股`) names an office in each
  const names = (role: string) =>
    cells
      .filter((c) => c.role === role)
      .flatMap((c) => input.slice(c.start, c.end).split(/\s*\n\s*/))
      .flatMap((part) => officeNames(part));
  const lead = names("lead");
  const partners = names("partners");
  const all = [...lead, ...partners];
  return all.length ? {lead: all[0]!, partners: all.slice(1)} : null;
}

/**
 * Whether line `index` names a group of the items under it (`地區事項統籌工作組` before `2.`): a short line, no list entry,
 * without punctuation or an action verb, followed by an item, group or section.
 */
function namesGroup(lines: readonly TaskLine[], index: number): boolean {
  const {line, opens} = lines[index]!;
  if (opens !== null || !isGroupName(line)) return false;
  const next = lineAfter(lines, index, (l) => l.line.trim() !== "" && !isNoteLine(l.line));
  return next !== undefined && next.opens !== null;
}

/**
 * The item's title on its first line: the first sentence when more follows (the tasks start after
 * it) and it reads as a heading (no comma, or a numbered sub-list follows it); a bare heading (no
 * punctuation, or one short sentence with text under it: `1.主要目标指标。`), its tasks in the
 * paragraphs under it; else the first clause (and the sentence is a task).
 */
function itemTitle(
  line: string,
  from: number,
  {textBelow, notesBelow}: {textBelow: boolean; notesBelow: boolean}
): {start: number; end: number; bodyFrom: number} {
  const rest = line.slice(from);
  const bare = rest.replace(TRAILING, "");
  // a heading set off from its text by a space, no stop (`动员部署阶段(5月) 各县…。`): the heading titles, the text is its tasks
  const spaced = SPACED_HEADING.exec(rest);
  if (spaced && !insideQuotes(spaced[1]!))
    return {start: from, end: from + spaced[1]!.length, bodyFrom: from + spaced[0].length};
  // a heading that runs on, no stop, into a sentence whose subject is the units told what to do
  // (`全面开展楼院卫生整治各社区居委会、驻辖区单位要认真组织…`): the heading ends before them, their sentence is its task
  const runOn = RUN_ON_SUBJECT.exec(rest);
  if (runOn) return {start: from, end: from + runOn.index, bodyFrom: from + runOn.index};
  // a heading that runs on, no mark, into its own text (`依法加强森林资源管理工作加强对木材采伐…,…。`): it ends at its
  // first 工作 or 建设 before the text's verb or 一是
  const heading = RUN_ON_TEXT.exec(rest);
  if (heading && /[,,。;;]/.test(rest.slice(heading.index)))
    return {start: from, end: from + heading.index, bodyFrom: from + heading.index};
  // a bare heading: its tasks are in the paragraphs under it; with only notes under it (责任单位:…), it is its task
  if (!/[。;!?;!?,:,:]/.test(bare) && (textBelow || bare.length === rest.trimEnd().length))
    return {start: from, end: from + bare.length, bodyFrom: textBelow || !notesBelow ? line.length : from};
  // a heading of clauses without a stop (推进重大项目建设,打造文旅名城) over text: its first clause titles it, it is no task
  if (!/[。;!?;!?]/.test(bare) && textBelow) {
    const clause = searchUnquoted(bare, /[,:,:]/);
    return {start: from, end: from + (clause > 0 ? clause : bare.length), bodyFrom: line.length};
  }
  const stop = rest.search(/[。!?!?]/);
  const after = rest.slice(stop + 1).trim();
  if (stop > 0 && after && (!/[,;,;]/.test(rest.slice(0, stop)) || subListMarkers(after)[0] === 0))
    return {start: from, end: from + stop, bodyFrom: from + stop + 1};
  // a comma inside quotation marks (关于“严守耕地保护红线,划定永久基本农田”的问题) ends no clause
  const clause = searchUnquoted(rest, /[,;:,;:。]/);
  const end = clause > 0 ? clause : rest.replace(TRAILING, "").length;
  // a label without a verb before a colon (`泵站工程:加快…建设`) names the item: its text is what follows
  const label = clause > 0 && /[::]/.test(rest[clause]!) && actionVerb(rest.slice(0, clause)) === null;
  return {start: from, end: from + end, bodyFrom: label ? from + clause + 1 : from};
}

/**
 * A short heading (no comma or stop), a space, then text of sentences: `切实加强动态报告工作 环保专项行动领导小组办公室要…。`;
 * not a count and its unit a space parts (`新建公厕6 座。`).
 */
const SPACED_HEADING = /^([^\s,,。;;::!?!?]{2,30})(?<!\d) +(?=[\u4e00-\u9fff][^。;;!?!?]*[。;;!?!?])/;

/** A heading of four characters or more, no mark, then units told what to do (`各社区居委会、驻辖区单位要…`). */
const RUN_ON_SUBJECT =
  /(?<=^[^\s,,。;;::!?!?]{4,30})各[\u4e00-\u9fff]{1,12}(?:、[\u4e00-\u9fff]{1,12}){0,5}要(?=[\u4e00-\u9fff])/;

/** A heading's end, no mark, before its text's verb (maybe after an adverb) or `一是`: `…管理工作|加强对…`, `…建设|一是…`. */
const RUN_ON_TEXT = new RegExp(
  `(?<=^[^,,、。;;::!?!?]{2,30}?(?:工作|建设))(?=一是|(?:稳步|认真|积极|切实|大力|全面|进一步|扎实|着力|继续|依法)?(?:${ACTION_VERBS.join("|")}))`
);

/** Whether the end of `text` lies inside quotation marks (`继续深入开展“关爱生命`): a space there ends no heading. */
const insideQuotes = (text: string) =>
  [...text].reduce((depth, c) => depth + (OPEN_QUOTE.includes(c) ? 1 : CLOSE_QUOTE.includes(c) ? -1 : 0), 0) > 0;

/** The longest a paragraph's heading sentence runs (`加快推进农业现代化进程。`): a sentence longer is a task. */
const PARAGRAPH_HEADING = 25;

/**
 * Where the tasks of a paragraph under an item start: after its first sentence when that is a short heading (no comma,
 * number or time, at most {@link PARAGRAPH_HEADING} characters) with more sentences after it in the paragraph, else at
 * `from`. A list entry (`- …`, `二是…`) has no heading: it is one task.
 */
function paragraphBody(line: string, from: number): number {
  const rest = line.slice(from);
  const stop = rest.search(/[。!?!?]/);
  const first = rest.slice(0, stop);
  if (stop <= 0 || stop > PARAGRAPH_HEADING || ENTRY.test(rest) || /[,;:,;:、\d]/.test(first) || namesTime(first))
    return from;
  return rest.slice(stop + 1).trim() ? from + stop + 1 : from;
}

const OPEN_QUOTE = "“‘「『《";
const CLOSE_QUOTE = "”’」』》";

/** The index of the first character of `text` matching `mark` outside quotation marks and titles, else -1. */
function searchUnquoted(text: string, mark: RegExp): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (OPEN_QUOTE.includes(c)) depth++;
    else if (CLOSE_QUOTE.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && mark.test(c)) return i;
  }
  return -1;
}

/**
 * A line that is one entry of a list (`▶ 推进…。完善…。`, a `二是…` paragraph under `一是…`) is one task, however many
 * sentences it holds: the line from `from` as one piece (a page number after its last stop left out), else null (a line with a sub-list of its own is cut by it).
 */
function entryPieces(line: string, from: number): Piece[] | null {
  const rest = line.slice(from);
  if (!ENTRY.test(rest) || subListMarkers(rest).length) return null;
  // a page number the copy printed after the entry's last stop (`…和项目。 第1页共4页`) is none of it
  const stop = Math.max(...[..."。;!?;!?"].map((c) => rest.lastIndexOf(c)));
  const end = stop >= 0 && isPageNumber(rest.slice(stop + 1)) ? from + stop + 1 : line.length;
  const piece = trimmed(line, from, end, false);
  return piece.end > piece.start ? [piece] : [];
}

/**
 * Cuts a line from `from` into sentences, and a sentence with a numbered sub-list into its entries;
 * a sub-list whose entries run over several sentences (`一是…。…。二是…`) gives one piece an entry. A second list that
 * starts over after a stop (`…。2020年任务:一是…`) ends the first at its entry's stop, and a list's year label
 * (`2019年任务:`) dates its entries.
 */
function pieces(line: string, from: number): Piece[] {
  const rest = line.slice(from);
  const runs = subListRuns(rest);
  const markers = runs.flat();
  const last = lastEntryEnd(rest, runs.at(-1) ?? []);
  if (!markers.length || !markers.some((at, i) => /[。!?!?]/.test(rest.slice(at, markers[i + 1] ?? last))))
    return sentencePieces(line, from, line.length);
  // the sentences before the list are tasks of their own; the list's lead-in is not
  const leadAt = (to: number, after = 0) =>
    Math.max(after, ...[...rest.slice(after, to).matchAll(/[。!?!?]/g)].map((m) => after + m.index! + 1));
  const lead = leadAt(markers[0]!);
  const out = [...sentencePieces(line, from, from + lead), trimmed(line, from + lead, from + markers[0]!, true)];
  // an entry closed by ; (一是…;二是…;三是…。…;) ends there, the sentences after it are tasks of their own
  const end = last > markers.at(-1)! ? last : rest.length;
  runs.forEach((run, r) => {
    const next = runs[r + 1];
    // a list another follows ends at the stop of its last entry's sentence; the sentences after it are tasks, the next
    // list's label its lead-in
    const stop = next ? rest.slice(run.at(-1)!, next[0]).search(/[。!?!?]/) : -1;
    const runEnd = next ? run.at(-1)! + stop + 1 : end;
    const year = listYear(rest.slice(0, run[0]));
    run.forEach((at, i) =>
      out.push({
        ...trimmed(line, from + at, from + (run[i + 1] ?? runEnd), false),
        entry: true,
        ...(year === null ? {} : {year})
      })
    );
    if (next) {
      const nextLead = leadAt(next[0]!, runEnd);
      out.push(...sentencePieces(line, from + runEnd, from + nextLead));
      out.push(trimmed(line, from + nextLead, from + next[0]!, true));
    }
  });
  out.push(...sentencePieces(line, from + end, line.length));
  return out.filter((p) => p.end > p.start);
}

/**
 * Where a sub-list's last entry ends when its entries are closed by `;` (`一是…;二是…;三是…。…;`): after the first `;`
 * past its marker (or the stop of its sentence when no `;` follows), else at its marker (its extent unknown).
 */
function lastEntryEnd(rest: string, markers: readonly number[]): number {
  const at = markers.at(-1) ?? 0;
  const closed = markers.length > 1 && markers.slice(1).every((m) => /[;;]\s*$/.test(rest.slice(0, m)));
  const semi = rest.slice(at).search(/[;;]/);
  if (closed && semi >= 0) return at + semi + 1;
  const stop = rest.slice(at).search(/[。!?!?]/);
  return closed && stop >= 0 && rest.slice(at + stop + 1).trim() ? at + stop + 1 : at;
}

/** Cuts `line` between `from` and `to` into sentences, and a sentence with a numbered sub-list into its entries. */
function sentencePieces(line: string, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  for (const m of line.slice(from, to).matchAll(SENTENCE)) {
    const start = from + m.index!;
    const sentence = m[0];
    const markers = subListMarkers(sentence);
    if (markers.length) {
      out.push(trimmed(line, start, start + markers[0]!, true));
      markers.forEach((at, i) =>
        out.push({...trimmed(line, start + at, start + (markers[i + 1] ?? sentence.length), false), entry: true})
      );
    } else {
      // a sentence of its own that opens an entry (一是…;二是…;) is one too, after its lead-in (…以下任务:一是…;)
      const lead = leadInLength(sentence, line.slice(start, to));
      if (lead) out.push(trimmed(line, start, start + lead, true));
      // the line's last sentence ending in a colon (共谋划农业项目5个:) leads in the lines under it
      else if (/[::]\s*$/.test(sentence) && !line.slice(start + sentence.length).trim()) {
        out.push(trimmed(line, start, start + sentence.length, true));
        continue;
      }
      out.push({
        ...trimmed(line, start + lead, start + sentence.length, false),
        entry: lead > 0 || ORDINAL_ENTRY.test(sentence)
      });
    }
  }
  return out.filter((p) => p.end > p.start);
}

/**
 * A sub-list's lead-in that runs on to its first entry in one sentence: `…重点抓好以下六个方面的整治任务:` before `一是…`, or
 * before a first `①`, `⑴` or `(1)` whose list goes on past the sentence (`推进场馆建设:⑴…;⑵…。`, `rest` the text from the
 * sentence on): its length, else 0.
 */
function leadInLength(sentence: string, rest: string): number {
  const lead = LEAD_IN_ENTRY.exec(sentence)?.[0].length ?? 0;
  if (!lead || sentence.startsWith("一是", lead)) return lead;
  const markers = subListMarkers(rest);
  return markers[0] === lead && markers.length > 1 ? lead : 0;
}

const LEAD_IN_ENTRY = /^[^::]+[::]\s*(?=一是|[①⑴]|[((]1[))])/;

/** A sentence that opens with an ordinal (`二是…`): an entry of a sub-list. */
const ORDINAL_ENTRY = /^\s*[一二三四五六七八九十]{1,2}是(?![的否])/;

function trimmed(line: string, start: number, end: number, lead: boolean): Piece {
  const text = line.slice(start, end);
  const head = BULLET.exec(text)![0].length; // a list bullet (- , •) is no text of the task
  const ends = text.replace(TRAILING, "");
  // a closing bracket that names only offices is no text of the task
  const kept = ends.slice(0, officeNoteStart(ends)).replace(TRAILING, "");
  return {start: start + head, end: Math.max(start + head, start + kept.length), lead};
}

/** A sentence saying why the work matters, closing on what it is (`…,是创建平安社区的重要基础`): no task. */
const SAYS_WHY = /(?:^|[,,])是[^,,。;;]*的(?:重要|根本|关键)?(?:基础|前提|保障|途径|内容|工作)[。;;]?\s*$/;

/**
 * Drops sub-list lead-ins and sentences that say why, and joins a piece with no action verb to the task before it (to the one
 * after it when it comes first), so every task holds a verb where the text gives one; a sub-list's
 * entries and a sentence that names its own deadline stay tasks of their own.
 */
function joinPieces(line: string, all: readonly Piece[]): Piece[] {
  const out: Piece[] = [];
  let pending: Piece | null = null;
  for (const p of all) {
    const text = line.slice(p.start, p.end);
    // a page number printed in the text (第1页共4页) is none of it, nor a sentence saying why the work matters
    if (p.lead || isPageNumber(text) || SAYS_WHY.test(text)) continue;
    // a sub-list's entry, or a sentence that names its own time (于9月25日前报…), is a commitment of its own
    if (actionVerb(text) === null && !p.entry && !namesTime(text)) {
      if (out.length) out[out.length - 1] = {...out.at(-1)!, end: p.end};
      // the verbless pieces before any task, kept whole
      else pending = {start: (pending as Piece | null)?.start ?? p.start, end: p.end, lead: false};
      continue;
    }
    out.push(pending ? {...p, start: pending.start} : p);
    pending = null;
  }
  if (pending) out.push(pending);
  return out;
}
