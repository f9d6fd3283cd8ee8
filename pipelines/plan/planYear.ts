import {PlanwatchError, normalizePlanText} from "../core/index.js";
import {parseChineseNumeral} from "./numbers.js";

/**
 * Where a plan's year was read: the option, the title, a publication date, the heading, the five-year period, the
 * deadlines, a Republic of China year, a document number.
 */
export type PlanYearSource =
  "option" | "title" | "span" | "date" | "heading" | "period" | "deadline" | "roc" | "document" | "mention";

const TITLE_YEAR = /(\d{4})\s*年(?:度)?\s*(?:教育)?(?:工作要点|工作计划|重点工作|工作任务|行动计划|民生实事|计划)/;
const DATE_YEAR = /(?:发布|公布|印发|成文|发文|发表|生成)(?:日期|时间)\s*[::】\]]?\s*(\d{4})\s*(?:[-./年])/;
const YEAR = /(\d{4})\s*年(?!代)/g;
/**
 * A full date in digits (a press report's dateline, `台北 2025-11-20 10:49`, or printed day first as some mirrors print it,
 * `13.03.2015`): its year dates the heading.
 */
const DATED = /(?<![\d-])(?:(\d{4})[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](\d{4}))(?![\d-])/g;
/**
 * The title of the plan a press report says was issued or drawn up (`印发《…工作方案(2025-2027年)》`, `拍板「国家发展计划(114至117年)」`,
 * `编制了《…第十五个五年规划纲要》`): a plan the text reports on, not one it follows.
 */
const REPORTED = /(?:印发|发布|出台|公布|拍板|审议通过|编制)了?[^《「。,;\n]{0,6}[《「]([^》」\n]*)[》」]/g;
/** A span in Republic of China years (`114至117年`, 2025–2028). */
const ROC_SPAN = /(?<!\d)(1[01]\d)\s*[—–\-~～至]+\s*(1[01]\d)\s*年/;
/** A five-year plan by its ordinal (`第十五个五年规划` → 2030). */
const FIVE_YEAR_ORDINAL = /第十([一二三四五六七八九])个五年(?:规划|计划)/;
/**
 * A year a title line names with what is planned for it (`绘制2014年经济社会发展蓝图`, `2025年目标任务`): not a day's date
 * (`2019年12月02日`), a year counted from (`2003年以来`), nor a year a title reviews (`2022年…降至历史最低`).
 */
const TITLE_LINE_YEAR =
  /(\d{4})\s*年(?!\s*\d{1,2}\s*月|代|以来|以前|起)(?=[^\n]*?(?:蓝图|目标|计划|规划|任务|安排|要点|方案))/g;
/**
 * A document the text follows (`根据《某市国土空间总体规划(2021—2035年)》`, `贯彻落实《…》`): its years are that
 * document's, not the plan's.
 */
const CITED = /(?:根据|依据|依照|按照|遵照|遵循|落实|贯彻|对照|衔接|参照)[^《。,;]{0,8}《[^》\n]*》/g;
/** 十四五 (the 14th five-year plan, 2021–2025), as plans name their period. */
const FIVE_YEAR_PLAN = /十([一二三四五六七八九])五(?=”|"|时期|期间|规划|计划)/;
/** The span a title names (`(2023—2025年)`): the plan covers to its end. */
const SPAN = /(\d{4})\s*[—–\-~～至]+\s*(\d{4})\s*年/;
/** A year the text names, not one it counts from (`2003年以来`, `2021年5月1日起`) nor one already past (`2020 年已达标`). */
const MENTION = /(\d{4})\s*年(?!代|以来|以前|起|开始|已)/g;
/** A year printed with two digits where a goal names it (`力争08年`, `到15年底`): of this century, read last. */
const SHORT_YEAR = /(?:力争|争取|确保|到|至|于)\s*(\d{2})\s*年(?!代|以来|以前|来|后|内|间|左右|多)/g;
/** A time limit in a year (`于2018年6月底前`, `2018年底前`): a year the plan's work is due by. */
const LIMIT_YEAR = /(\d{4})\s*年\s*(?:\d{1,2}\s*月\s*)?(?:底|末|中旬|上旬|下旬|\d{1,2}\s*日)?\s*(?:之)?前/g;
/**
 * A page that is another's copy of the plan: a model-text site's, which masks the plan's years (`*年`, `制定*年度…`,
 * `闽委[*]4号`) or notes its text came from a reader's upload (`来源于网友上传`), or a society's site reposting it
 * (`来源:某某促进会`). Its dates (`发表时间:2018-4-17`, `时间:2022-11-27`) are the copy's post, not the plan's year.
 */
const COPY_PAGE =
  /(?<![\d*])[*＊]\s*年|[[〔【(]\s*[*＊]\s*[\]〕】)]|来源于网友(?:上传|投稿)|来源\s*[:：]\s*[^\s,，。;；]{0,20}(?:促进会|协会|学会|研究会|商会)/;
const DEADLINE = /(?:到|至|截至|于|在)\s*(\d{4})\s*年|(\d{4})\s*年\s*(?:底|末)/g;
/** A section (一、) or item (1. 1、 (一)) mark: where the heading block ends. */
const BODY_MARK = /^\s*(?:[一二三四五六七八九十]+、|\d{1,2}[.、](?!\d)|[((][一二三四五六七八九十]+[))])/;
/** A line with a comma or a stop is prose, no title. */
const PROSE = /[,。;!?]/;
/** The heading block is at most this many non-empty lines. */
const HEADING_LINES = 5;

const plausible = (y: number) => y >= 1949 && y <= 2100;
/**
 * A year of the Republic of China calendar (民國114年 = 2025), as Taiwanese plans count: three digits
 * before 年 or 年度, not part of a longer number. Read last, and only from the heading block, where a
 * plain count of years (建校100年) would hardly stand.
 */
const ROC_YEAR = /(?:民國|中華民國)?(?<!\d)(1[01]\d)\s*年(?:度)?/g;
const ROC_OFFSET = 1911;
/** The year of a document number (`厦府办〔2019〕10号`, `许政 [2020] 20号`): the plan's own, or the documents it follows. */
const DOCUMENT_YEAR = /[\u4e00-\u9fff]\s*[〔[【]\s*(\d{4})\s*[〕\]】]\s*\d{1,4}\s*号/g;

/**
 * The year a plan covers and where it was read, or `year: null` when nothing says it. In order: the
 * `year` option; a title such as `2023年工作要点`; a title line of the heading block that names its span
 * (`(2023—2025年)` → 2025) or its five-year period (`十四五` → 2025); the span or period of the plan a press report says
 * was issued (`印发《…(2025-2027年)》`, `拍板「…(114至117年)」`, `编制了《…第十五个五年规划纲要》`); a title line naming one
 * year with what it plans (`绘制2014年经济社会发展蓝图`); a publication date (`发布日期:2023-04-25`; after every year the
 * text names, one a time limit `于2018年6月底前`, it is a copy's: that limit's year; none read where the page is another's
 * copy: a model-text site's, `*年`, `来源于网友上传`, or a society's repost, `来源:某某促进会`); the
 * latest `YYYY年` of the heading block (the lines before the first section or item, at most five: a
 * heading that reviews 2023 and plans 2024 is a 2024 plan; a dateline's date when no title line names a year; not the
 * years of a document it follows, `根据《…(2021—2035年)》`); the
 * latest deadline in the text (`到2030年`, `2023年底前`); a Republic of China year of the heading block
 * (`114年度施政計畫` → 2025); the latest year of a document number, the plan's own or those it follows
 * (`厦府办〔2019〕10号`, `根据…(昆政发〔2016〕13号)` → 2016); else the latest year the text names, not one it
 * counts from (`2003年以来`); else a two-digit year a goal names (`力争08年…` → 2008). Throws `PlanwatchError` `invalid_plan` for a
 * `year` option that is not a year.
 */
export function inferPlanYear(
  text: string,
  {year}: {year?: number | null} = {}
): {year: number | null; source: PlanYearSource | null} {
  if (year !== undefined && year !== null) {
    if (!Number.isInteger(year) || year < 1900 || year > 2999)
      throw new PlanwatchError("invalid_plan", `invalid plan year: ${year}`);
    return {year, source: "option"};
  }
  const normalized = normalizePlanText(text);
  const title = TITLE_YEAR.exec(normalized);
  if (title) return {year: Number(title[1]), source: "title"};
  const heading: string[] = [];
  /** The lines before the first section or item, however many (a page's header can push the title down). */
  const preamble: string[] = [];
  for (const line of normalized.split("\n")) {
    if (!line.trim()) continue;
    if (BODY_MARK.test(line)) break;
    if (heading.length < HEADING_LINES) heading.push(line);
    preamble.push(line);
  }
  // a title line (no comma, no stop) that names its span or five-year period: the plan covers to its end,
  // whatever year the notice or the page was dated; the span's title may stand below a page's header
  const titles = heading.filter((line) => !PROSE.test(line));
  const span = preamble
    .filter((line) => !PROSE.test(line))
    .map((line) => SPAN.exec(line))
    .find((m) => m && plausible(Number(m[2])));
  if (span) return {year: Number(span[2]), source: "span"};
  const period = FIVE_YEAR_PLAN.exec(titles.join("\n"));
  if (period) return {year: 1955 + 5 * (10 + parseChineseNumeral(period[1]!)), source: "period"};
  // a press report with no title line: the span or five-year period of the plan it says was issued
  for (const [, reported] of heading.join("\n").matchAll(REPORTED)) {
    const own = SPAN.exec(reported!);
    if (own && plausible(Number(own[2]))) return {year: Number(own[2]), source: "span"};
    const roc = ROC_SPAN.exec(reported!);
    if (roc) return {year: Number(roc[2]) + ROC_OFFSET, source: "span"};
    const ordinal = FIVE_YEAR_ORDINAL.exec(reported!) ?? FIVE_YEAR_PLAN.exec(reported!);
    if (ordinal) return {year: 1955 + 5 * (10 + parseChineseNumeral(ordinal[1]!)), source: "period"};
  }
  // a title line naming one year and what it plans (`某市绘制2014年经济社会发展蓝图`): the plan's, whatever date a
  // repost carries
  const titleYears = new Set(
    titles.flatMap((line) => [...line.matchAll(TITLE_LINE_YEAR)].map((m) => Number(m[1]))).filter(plausible)
  );
  if (titleYears.size === 1) return {year: [...titleYears][0]!, source: "heading"};
  // another's copy of the plan (a model-text site's, a society's repost): a date over it is the copy's post, not the plan's
  const copy = COPY_PAGE.test(normalized);
  const date = copy ? null : DATE_YEAR.exec(normalized);
  if (date && plausible(Number(date[1]))) {
    // a date after every year the text names, one of them a time limit (`于2018年6月底前报…`), is a later copy's: the
    // plan's year is that limit's
    const dated = Number(date[1]);
    const named = [...normalized.replace(date[0], "").matchAll(MENTION)].map((m) => Number(m[1])).filter(plausible);
    const limits = [...normalized.matchAll(LIMIT_YEAR)].map((m) => Number(m[1])).filter(plausible);
    if (limits.length && Math.max(...named) < dated) return {year: Math.max(...limits), source: "deadline"};
    return {year: dated, source: "date"};
  }
  // a dateline's year counts when no title line names one (`2021年某市抽检合格率` dated 2022-02-28 reports 2021)
  const titled = titles.some((line) => new RegExp(YEAR.source).test(line));
  const headingYears = heading
    .map((line) => line.replace(CITED, ""))
    .flatMap((line) =>
      [...line.matchAll(YEAR), ...(titled || copy ? [] : line.matchAll(DATED))].map((m) => Number(m[1] ?? m[2]))
    )
    .filter(plausible);
  if (headingYears.length) return {year: Math.max(...headingYears), source: "heading"};
  const deadlines = [...normalized.matchAll(DEADLINE)].map((m) => Number(m[1] ?? m[2])).filter(plausible);
  if (deadlines.length) return {year: Math.max(...deadlines), source: "deadline"};
  const roc = [...heading.join("\n").matchAll(ROC_YEAR)].map((m) => Number(m[1]) + ROC_OFFSET).filter(plausible);
  if (roc.length) return {year: Math.max(...roc), source: "roc"};
  const documents = [...normalized.matchAll(DOCUMENT_YEAR)].map((m) => Number(m[1])).filter(plausible);
  if (documents.length) return {year: Math.max(...documents), source: "document"};
  const mentioned = [...normalized.matchAll(MENTION)].map((m) => Number(m[1])).filter(plausible);
  if (mentioned.length) return {year: Math.max(...mentioned), source: "mention"};
  const short = [...normalized.matchAll(SHORT_YEAR)].map((m) => 2000 + Number(m[1]));
  if (short.length) return {year: Math.max(...short), source: "mention"};
  return {year: null, source: null};
}

/**
 * The year a plan covers, read from its title (`2023年工作要点` → 2023), unless `year` is given.
 * Throws `PlanwatchError` `invalid_plan` when neither says it. (Reading the rest of the text too,
 * and returning null instead of throwing: {@link inferPlanYear}.)
 */
export function planYear(text: string, {year}: {year?: number} = {}): number {
  if (year !== undefined) return inferPlanYear(text, {year}).year!;
  const match = TITLE_YEAR.exec(normalizePlanText(text));
  if (!match) throw new PlanwatchError("invalid_plan", "cannot tell the plan's year from its title: pass --year");
  return Number(match[1]);
}
