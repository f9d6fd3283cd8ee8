import {
  BARE_NOTE_LABEL,
  DIVISION_LABEL,
  NOTE_LABEL,
  OFFICE_ENDING,
  parseChineseNumeral,
  parsePlanNumber
} from "../plan/index.js";

/**
 * The verbs that make a clause an action the plan commits to (推进, 实施, 建设, 出台, 完成, 开展,
 * 健全 …). A sentence without one (a statement of aim, a lead-in) is not a task of its own.
 */
export const ACTION_VERBS = [
  "推进",
  "推动",
  "实施",
  "建设",
  "建成",
  "新建",
  "改建",
  "扩建",
  "盘活",
  "提供",
  "放宽",
  "返还",
  "更新",
  "出台",
  "完成",
  "开展",
  "健全",
  "建立",
  "完善",
  "制定",
  "修订",
  "印发",
  "落实",
  "加强",
  "深化",
  "强化",
  "打造",
  "实现",
  "启动",
  "组织",
  "举办",
  "承办",
  "培育",
  "创建",
  "构建",
  "提升",
  "提高",
  "扩大",
  "新增",
  "优化",
  "做好",
  "抓好",
  "办好",
  "保障",
  "发挥",
  "支持",
  "鼓励",
  "引导",
  "探索",
  "形成",
  "用好",
  "加快",
  "确保",
  "规范",
  "巩固",
  "聚焦",
  "坚持",
  "创新",
  "编制",
  "发布",
  "召开",
  "评选",
  "遴选",
  "认定",
  "改造",
  "培训",
  "筛查",
  "开放",
  "覆盖",
  "承接",
  "迭代",
  "升级",
  "谋划",
  "部署",
  "统筹",
  "整治",
  "治理",
  "监测",
  "督导",
  "评估",
  "考核",
  "宣传",
  "学习",
  "贯彻",
  "压实",
  "严格",
  "严肃",
  "防范",
  "排查",
  "推广",
  "拓展",
  "引进",
  "招收",
  "招生",
  "配备",
  "增加",
  "减少",
  "降低",
  "设立",
  "成立",
  "举行",
  "参与",
  "服务",
  "助力",
  "激发",
  "营造",
  "弘扬",
  "打响",
  "擦亮",
  "扩容",
  "提质",
  "达到",
  "力争",
  "争创",
  "争取",
  "研制",
  "研究",
  "出版",
  "上线",
  "试点",
  "深入",
  "持续",
  "全面",
  "着力",
  "积极",
  "加大",
  "延伸",
  "指导",
  "帮扶",
  "结对",
  "实行",
  "执行",
  "维护",
  "守牢",
  "筑牢",
  "夯实",
  "选树",
  "表彰",
  "发展",
  "重塑",
  "做强",
  "做优",
  "公布",
  "细化",
  "调整",
  "梳理",
  "提交",
  "纳入",
  "列入",
  "移交",
  "处理",
  "负责",
  "安装",
  "发放",
  "稳定",
  "报送",
  "编发",
  "协调",
  "增派",
  "充实"
] as const;

/**
 * A verb right before 率 names a rate (参与率, 覆盖率, 完成率): a noun, not an action. A modal 要 before a word (`要督促其复查`,
 * `要亲自抓`) says what must be done: an action whatever its verb (not 主要, 重要, 需要, 要求, 要点 …).
 */
const VERB = new RegExp(
  `(?:${ACTION_VERBS.join("|")})(?!率)|(?<![主重需只纲必首摘概])要(?![求素点件闻务害是])(?=[\u4e00-\u9fff])`
);

/** The first action verb of a clause, or null when it states no action. */
export function actionVerb(text: string): string | null {
  return VERB.exec(text.replace(/\s+/g, ""))?.[0] ?? null; // a verb a line break or a space cuts (统\n筹) still counts
}

const MONTH = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
const yearOf = (text: string | undefined) => (text ? Number(text) : undefined);
const QUARTERS: Record<string, number> = {一: 3, 1: 3, 二: 6, 2: 6, 三: 9, 3: 9, 四: 12, 4: 12};

/**
 * How deadlines are phrased, in the order they are tried: each gives a month (1–12) and, where the
 * text names it, a year (else the plan's). A month is the last month the work may take: 6月底前 → 6,
 * 上半年 → 6, 秋季开学前 → 8 (the school year opens in September).
 */
const DEADLINES: {pattern: RegExp; read(m: RegExpExecArray): {year?: number; month?: number} | null}[] = [
  {
    pattern: new RegExp(`(?:(\\d{4})年)?(?<![\\d.])${MONTH}月\\d{1,2}日(?:之|以)?前`),
    read: (m) => ({year: yearOf(m[1]), month: parsePlanNumber(m[2]!)})
  },
  // a span of days or of parts of months (7月3日至7月15日, 2025年1月11日-2025年10月底, 3月上旬至5月底): the month it runs to
  {
    pattern: new RegExp(
      `(?:(\\d{4})年)?(?<![\\d.])${MONTH}月(?:\\d{1,2}日|底|末|初|上旬|中旬|下旬)(?:至|到|—|–|~|-)` +
        `(?:(\\d{4})年)?${MONTH}月(?:\\d{1,2}日|底|末|上旬|中旬|下旬)?(?![\\d份])`
    ),
    read: (m) => ({year: yearOf(m[3]) ?? yearOf(m[1]), month: parsePlanNumber(m[4]!)})
  },
  // a span of months (2024年3-6月, 8月至11月): the month it runs to; a bare 1-6月份 counts a period, it dates no work
  {
    pattern: new RegExp(
      `(?:(\\d{4})年${MONTH}月?(?:至|到|—|–|~|-)|(?<![\\d.年])${MONTH}月(?:至|到))(?:(\\d{4})年)?${MONTH}月(?![\\d份])`
    ),
    read: (m) => ({year: yearOf(m[4]) ?? yearOf(m[1]), month: parsePlanNumber(m[5]!)})
  },
  {
    // a project's completion (2023年5月竣工), not its start (开工)
    pattern: new RegExp(`(\\d{4})年${MONTH}月(?:底|末|份|上旬|中旬|下旬)?(?:前|底|末|完成|建成|竣工|完工)`),
    read: (m) => ({year: Number(m[1]), month: parsePlanNumber(m[2]!)})
  },
  {pattern: /(?:到|至|于|在)?(\d{4})年(?:底|末|内)(?:前)?/, read: (m) => ({year: Number(m[1]), month: 12})},
  // the day or month a plan strives for (力争2021年7月1日正式开馆, 确保6月开工建设: the plan's year), not one it starts
  // from (2021年5月1日起)
  {
    pattern: new RegExp(`(?:力争|争取|确保|计划)(?:(\\d{4})年)?${MONTH}月(?:\\d{1,2}日)?(?![\\d日]|起|以来|开始|至)`),
    read: (m) => ({year: yearOf(m[1]), month: parsePlanNumber(m[2]!)})
  },
  // until a day or a month: 延长至2022年4月30日, 2021年5月1日至2022年4月30日 (the day it runs to)
  {
    pattern: new RegExp(`(?:到|至|截至|截止)(\\d{4})年${MONTH}月(?:\\d{1,2}日)?`),
    read: (m) => ({year: Number(m[1]), month: parsePlanNumber(m[2]!)})
  },
  {pattern: /(?:到|至)(\d{4})年/, read: (m) => ({year: Number(m[1]), month: 12})},
  {
    pattern: new RegExp(`(?<![\\d.年])${MONTH}月(?:(?:底|末|份|上旬|中旬|下旬)?(?:前|底|末)|上旬|中旬|下旬)`),
    read: (m) => ({month: parsePlanNumber(m[1]!)})
  },
  {
    pattern: /(?:(\d{4})年)?(?:第)?([一二三四1-4])季度(?:末|底)?(?:前)?/,
    read: (m) => ({year: yearOf(m[1]), month: QUARTERS[m[2]!]!})
  },
  {pattern: /(?:(\d{4})年)?上半年/, read: (m) => ({year: yearOf(m[1]), month: 6})},
  {pattern: /(?:(\d{4})年)?(?:下半年|全年)|年底前?|年末|年内/, read: (m) => ({year: yearOf(m[1]), month: 12})},
  {pattern: /春季(?:学期)?开学前/, read: () => ({month: 2})},
  {pattern: /(?:暑假|暑期)前/, read: () => ({month: 6})},
  {pattern: /暑假|暑期|秋季(?:学期)?开学前/, read: () => ({month: 8})},
  {pattern: /秋季(?:学期)?开学|秋季学期/, read: () => ({month: 9})},
  {pattern: /寒假前|春节前/, read: () => ({month: 1})},
  // a month's end that names no month (力争在月底完成, 本月底前): in a month's plan, that month's (not 每月底, 次月底, 上月底)
  {pattern: /(?<![\d一二三四五六七八九十每个次上下])本?月(?:底|末)(?:前)?/, read: () => ({})}
];

/**
 * The plan's time, for deadlines that name only part of it: `year`, the plan's year (null when nothing says it), and
 * `month`, the month a month's plan covers (`planMonth`; none for a year's plan).
 */
export type PlanTime = {year: number | null; month?: number | null};

/**
 * The deadline a clause names, as `YYYY-MM` with the words that say it, or null when it names none.
 * `year` is the plan's year, for deadlines that name only a month or a season (null: such a
 * deadline cannot be placed, and is not read); `month` a month's plan's month, for a `月底` that names none.
 */
export function readDeadline(text: string, {year, month}: PlanTime): {deadline: string; words: string} | null {
  for (const {pattern, read} of DEADLINES) {
    const m = pattern.exec(text);
    if (!m) continue;
    const found = read(m);
    const due = found?.month ?? month ?? 0;
    if (!found || !(due >= 1 && due <= 12)) continue;
    const y = found.year ?? year;
    if (y === null) continue;
    return {deadline: `${y}-${String(due).padStart(2, "0")}`, words: m[0]};
  }
  return null;
}

/** Whether a clause names a deadline of its own (`于9月25日前`, `年底前`), whatever the plan's year. */
export const namesTime = (text: string): boolean => readDeadline(text, {year: 0}) !== null;

/** The milestone a time-limit cell may name after its month (`9月投入使用`, `10月开工`): what is due in that month. */
const MILESTONE = "(?:完成|建成|投入使用|投用|开工|动工|竣工|开放|启用|交付|运行|上线)";
/**
 * A month or a day a time-limit cell names bare (`2024年3月`, `9月`, `2025年1月10日`), or the last of a span of months
 * (`3-6月`, `3月—6月`), maybe with the milestone due then (`9月投入使用`): in a table's 完成时限 column or a stage heading's
 * brackets, the month it is due.
 */
const CELL_MONTH = new RegExp(
  `^(?:(\\d{4})年)?(?:${MONTH}月?(?:至|到|—|–|~|-))?${MONTH}月(?:\\d{1,2}日|份)?${MILESTONE}?$`
);

/** A month a cell names with its year (`2021年8月`). */
const DATED_MONTH = /(\d{4})年(\d{1,2})月/g;

/**
 * The time of a cell that dates two or more parts of one task, each with its year (`2021年2月公布预算信息,2021年8月公布决算信息`):
 * the task is done when its last part is, the latest month; null for a cell of one month, or one that names a month
 * without its year (`1月底前…;其它事项12月底前…`).
 */
function datedParts(cell: string): {deadline: string; words: string} | null {
  const dated = [...cell.matchAll(DATED_MONTH)];
  const months = cell.match(/\d{1,2}月/g) ?? [];
  if (dated.length < 2 || months.length !== dated.length) return null;
  const key = (m: RegExpMatchArray) => Number(m[1]) * 12 + Number(m[2]);
  const last = dated.reduce((a, b) => (key(b) > key(a) ? b : a));
  const month = Number(last[2]);
  return month >= 1 && month <= 12 ? {deadline: `${last[1]}-${String(month).padStart(2, "0")}`, words: last[0]} : null;
}

/**
 * The deadline a task table's time-limit cell names (`6月底前`, `三季度`, `2024年3月`, `长期` → none), as
 * {@link readDeadline} reads it, a bare month included; the spaces a copy puts between its figures are ignored
 * (`2016 年底前`); a cell dating two parts of the task, each with its year, names the later (`datedParts`).
 */
export function readTimeLimit(text: string, time: PlanTime): {deadline: string; words: string} | null {
  const {year} = time;
  // a copy spaces a cell's figures apart (`2016 年 6 月底前`): a cell's spaces part no words
  const cell = text.replace(/\s+/g, "");
  const parts = datedParts(cell);
  if (parts) return parts;
  const named = readDeadline(cell, time);
  if (named) return named;
  // a cell of a year alone (`2022`, `2022年度`: a project's term) runs to that year's end
  const only = /^((?:19|20)\d{2})(?:年度?)?$/.exec(cell);
  if (only) return {deadline: `${only[1]}-12`, words: text.trim()};
  const m = CELL_MONTH.exec(cell);
  const y = m?.[1] ? Number(m[1]) : year;
  if (!m || y === null) return null;
  const month = parsePlanNumber(m[3]!);
  return month >= 1 && month <= 12 ? {deadline: `${y}-${String(month).padStart(2, "0")}`, words: m[0]} : null;
}

/**
 * The time an item's heading names: as {@link readDeadline} reads it, else a month or span of months in brackets
 * (`动员部署阶段(5月)`, `督查阶段(8月-11月)`: the month it runs to), as a time-limit cell names it.
 */
export function readHeadingTime(heading: string, time: PlanTime): {deadline: string; words: string} | null {
  const named = readDeadline(heading, time);
  if (named) return named;
  for (const m of heading.matchAll(/[(]([^()]{2,12})[)]/g)) {
    const found = readTimeLimit(m[1]!, time);
    if (found) return {deadline: found.deadline, words: m[0]};
  }
  return null;
}

/** Numbers printed in one character: circled (`①`), and in brackets (`⑴`, a word processor's list). */
const CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩";
const PARENTHESIZED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽";

/**
 * Where a numbered sub-list (`一是…,二是…`, `(一)…(二)…`, `(1)…(2)…`, `①…②…`, `⑴…⑵…`) starts each entry in a
 * sentence: the offsets of the markers, when the sentence has at least a first and a second.
 */
export function subListMarkers(sentence: string): number[] {
  return subListRuns(sentence).flat();
}

/**
 * The numbered sub-lists of a text, each the offsets of its markers: a list counts up 1, 2, 3 …, and a first marker after
 * a stop past the last one's entry starts a second list (`2019年任务:一是…;二是…。2020年任务:一是…;二是…`) when a second
 * marker follows it.
 */
export function subListRuns(text: string): number[][] {
  for (const marker of [
    /(?<=^|[,;:,;:。\s])([一二三四五六七八九十]{1,2})是/g,
    /[((]([一二三四五六七八九十]{1,2})[))]/g,
    /[((](\d{1,2})[))]/g,
    new RegExp(`([${CIRCLED}])`, "g"),
    new RegExp(`([${PARENTHESIZED}])`, "g")
  ]) {
    const found = [...text.matchAll(marker)];
    const ordinals = found.map((m) => ordinal(m[1]!));
    if (ordinals[0] !== 1 || ordinals[1] !== 2) continue;
    // keep the markers that count up 1, 2, 3 …, and start again at a 1 after a stop when a 2 follows it
    const runs: number[][] = [[]];
    for (let i = 0, next = 1; i < found.length; i++) {
      const at = found[i]!.index!;
      const run = runs.at(-1)!;
      const restart =
        ordinals[i] === 1 && ordinals[i + 1] === 2 && run.length > 1 && /[。!?!?]/.test(text.slice(run.at(-1)!, at));
      if (restart) {
        runs.push([at]);
        next = 2;
      } else if (ordinals[i] === next) {
        run.push(at);
        next++;
      }
    }
    return runs;
  }
  return [];
}

/** A list's label naming the year its entries are due (`2019年任务:`, `2020年:`) just before its first marker. */
const LIST_YEAR = /(\d{4})\s*年(?:度)?(?:重点)?(?:工作)?(?:任务|目标)?[::]\s*$/;

/** The year a sub-list's label names for its entries (`2019年任务:一是…` → 2019), from the text before its first marker. */
export function listYear(before: string): number | null {
  const m = LIST_YEAR.exec(before);
  return m ? Number(m[1]) : null;
}

function ordinal(text: string): number {
  const one = Math.max(CIRCLED.indexOf(text), PARENTHESIZED.indexOf(text));
  return one >= 0 ? one + 1 : /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text);
}

/**
 * The labels of a note that names a task's offices or time (`牵头单位:`, `责任科室:`, `牵头责任单位:`, `主要协作单位:`, `完成时限:`,
 * `部门分工:`), or the official in charge of it (`分管省领导:`, a person), not a task.
 */
const NOTE = `(?:${NOTE_LABEL}|${DIVISION_LABEL}|完成(?:时限|时间)|时间节点|时限要求)`;
const NOTE_LINE = new RegExp(`^[((]?${NOTE}[::]`);
/** Text in brackets that may hold a bracket of its own (`各市(区)人民政府`). */
const BRACKETED = "(?:[^()()]|[((][^()()]*[))])";
/** Text in 〔〕 that may hold brackets of its own, but no 〔〕. */
const HEX_BRACKETED = "(?:[^〔〕()()]|[((][^()()]*[))])";
/** Text in [] or 【】 that may hold brackets of its own, but no square ones. */
const SQUARE_BRACKETED = "(?:[^\\[\\]【】()()]|[((][^()()]*[))])";
/** The longest a note's text runs on either side of its 牵头 or 负责: a note is short, and a bracket never closed costs no more. */
const NOTE_SPAN = "{0,400}";
/**
 * A note in brackets that names offices or a time: `(责任科室:…)`, `(市发改委牵头,各区负责)`, or the same in 〔〕 (a
 * note that holds brackets of its own: `〔市生态环境局牵头,…各县、区人民政府(管委会)负责落实。〕`), in [] or in 【】
 * (`[牵头单位:区卫健局;责任单位:各街办(新区)]`).
 */
const NOTE_BRACKET =
  `(?:[((](?:${NOTE}[::]|${BRACKETED}${NOTE_SPAN}(?:牵头|负责))${BRACKETED}${NOTE_SPAN}[))]` +
  `|〔(?:${NOTE}[::]|${HEX_BRACKETED}${NOTE_SPAN}(?:牵头|负责))${HEX_BRACKETED}${NOTE_SPAN}〕` +
  `|[\\[【](?:${NOTE}[::]|${SQUARE_BRACKETED}${NOTE_SPAN}(?:牵头|负责))${SQUARE_BRACKETED}${NOTE_SPAN}[\\]】])`;
/** Text inside a note of mismatched brackets: no bracket but a pair of round ones (`各县(市)区政府`). */
const ANY_BRACKETED = "(?:[^()()\\[\\]【】〔〕]|[((][^()()]*[))])";
/**
 * A note whose brackets a copy mismatched (`[市水务局牵头,…负责落实。以下…不再列出)]`, `(市教育局牵头,…配合]`): opened by one
 * kind, closed by another or by two.
 */
const NOTE_MISMATCHED = `[((〔\\[【](?:${NOTE}[::]|${ANY_BRACKETED}${NOTE_SPAN}(?:牵头|负责))${ANY_BRACKETED}${NOTE_SPAN}[))〕\\]】]{1,2}`;
/** An assessment's weight in brackets (`(9分)`, `(0.5分)`): a note of its points, no part of the title or the task. */
const WEIGHT = "[((]\\d+(?:\\.\\d+)?分[))]";
/** A note that closes the text. */
const NOTE_TAIL = new RegExp(`(?:${NOTE_BRACKET}|${NOTE_MISMATCHED}|${WEIGHT})\\s*$`);
/** A note after a sentence (its stop) with more text after it: it names the offices of the sentences before it. */
const NOTE_INSIDE = new RegExp(`[。;;!?!?]\\s*(${NOTE_BRACKET})(?=\\s*\\S)`, "g");

/** Whether a paragraph is a note naming offices or a time limit (`牵头单位:区发改局`): not a task. */
export function isNoteLine(paragraph: string): boolean {
  return NOTE_LINE.test(paragraph.trim());
}

/** Where a note in brackets that ends the text starts (`…制度。(责任科室:组干科)`, `(市发改委牵头)`), else the text's length. */
export function noteTailStart(text: string): number {
  return NOTE_TAIL.exec(text)?.index ?? unmarkedNoteStart(text);
}

/** The longest name a note without colons lists: longer, the text after the label is a sentence. */
const UNMARKED_NAME = 12;

/**
 * Where a note that lost its colons closes the text (`…整治活动责任单位各社区居委会、驻辖区单位`, `…责任单位环卫分公司配合单位
 * 办事处、城管中队`): the first such label after text, with only short names (cut at 、 and commas) and labels to the end,
 * no stop; else the text's length.
 */
function unmarkedNoteStart(text: string): number {
  const trimmed = text.trimEnd();
  for (const m of trimmed.matchAll(BARE_NOTE_LABEL)) {
    if (m.index === 0 || !/[\u4e00-\u9fff]/.test(trimmed[m.index - 1]!)) continue;
    const names = trimmed
      .slice(m.index)
      .replace(BARE_NOTE_LABEL, "、")
      .split(/[、,,]/)
      .filter(Boolean);
    if (names.length && names.every((n) => n.length <= UNMARKED_NAME && !/[。;;::!?!?()()\s]/.test(n))) return m.index;
  }
  return text.length;
}

/**
 * The notes in brackets between the sentences of a text from `from` (`出台方案。(牵头单位:市教育局)完善制度。`): each after a
 * sentence's stop with text after it, as `[start, end)` offsets into `text`; a note that closes the text is not one of them
 * ({@link noteTailStart}).
 */
export function notesInside(text: string, from = 0): {start: number; end: number}[] {
  return [...text.slice(from).matchAll(NOTE_INSIDE)].map((m) => {
    const end = from + m.index! + m[0].length;
    return {start: end - m[1]!.length, end};
  });
}

/** An office's name: a run of characters ending as offices' names end (局, 委, 办公室, 政府 …). */
const OFFICE = `[\\u4e00-\\u9fff]{1,20}?(?:${OFFICE_ENDING})`;
/** A closing bracket that names only offices, each maybe with its part: `(環境及生態局)`, `(市教育局牵头)`, `(市发改委/市财政局)`. */
const OFFICE_NOTE = new RegExp(
  `[((](?![^()()]*简称)(?:${OFFICE}(?:牵头|牽頭|负责|負責|配合|参与|參與)?[/、,,;;和及]?)+[))]$`
);

/** Where a bracket naming only offices that ends the text starts (`…减半(環境及生態局)`), else the text's length. */
export function officeNoteStart(text: string): number {
  return OFFICE_NOTE.exec(text)?.index ?? text.length;
}

/** How the name of a working group ends (工作组, 专班, 委员会 …). */
const GROUP_SUFFIX = /(?:组|組|专班|專班|委员会|委員會|指挥部|指揮部)$/;

/**
 * Whether a line that is no list entry reads as the name of a group of items (`地區事項統籌工作組`):
 * short, without punctuation, and without an action verb or named as a working group is. It names
 * the items under it, it is not a task.
 */
export function isGroupName(paragraph: string): boolean {
  const t = paragraph.trim();
  return (
    t.length > 0 && t.length <= 30 && !/[,,。;;::!?!?]/.test(t) && (actionVerb(t) === null || GROUP_SUFFIX.test(t))
  );
}

/**
 * Headings of aims and principles, of goals (工作目标, 背景与目标: targets, not tasks), and a regulation's general and closing
 * chapters (总则, 附则, or spaced, `总 则`: purpose, scope, entry into force).
 */
const PREFACE =
  /^(?:总体要求|总体思路|指导思想|基本原则|工作原则|(?:总\s*则|附\s*则)\s*$|(?:[\u4e00-\u9fff]{1,4}与)?(?:工作|主要|总体|发展)?目标(?:\s|$))/;

/**
 * Whether a section or item heading (its number left out) states the plan's aims or principles (总体要求, 指导思想, 基本原则 …): it
 * holds no tasks.
 */
export function isPrefaceHeading(heading: string): boolean {
  return PREFACE.test(
    heading.replace(
      /^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+(?:章|部分)|[(〔][一二三四五六七八九十]+[)〕]|\d{1,2}[.、]|[(]?\d{1,2}[)])\s*/,
      ""
    )
  );
}
