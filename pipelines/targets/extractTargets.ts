import {PlanwatchError, normalizePlanText} from "../core/index.js";
import {indicatorName, listNames} from "./indicator.js";
import {type Comparator, type Mention, findMentions, openBrackets} from "./mentions.js";
import {type Clause, inferPlanYear, opensChunk, splitClauses, stripGlosses} from "../plan/index.js";
import {readIndicatorTables} from "./indicatorTable.js";
import {readTableRow} from "./tableRow.js";
import {withoutRestatedSubheadings, withoutRestatements} from "./restatements.js";
import {statesWorks} from "./worksState.js";

/** A numeric target as the plan text states it (the extracted part of DESIGN.md's targets table). */
export interface ExtractedTarget {
  /** `section.item` and a letter in order of appearance: `6.1b`. */
  id: string;
  section: number;
  item: number;
  indicator: string;
  comparator: Comparator;
  value: number;
  /** The upper end of a `between` range, else null. */
  value_max: number | null;
  unit: string;
  /** The deadline year the clause names (到2025年), else null. */
  year: number | null;
  /** The part of the territory the clause names (市区, 县(市), 农村), else null. */
  scope: string | null;
  /** The base-period value where the text gives one (an indicator table's base column), else null. */
  baseline: number | null;
  /** For `increase`/`decrease` against a year (较2022年增加): that year. */
  baseline_year: number | null;
  /** `year` when the change repeats every year (逐年下降). */
  per: "year" | null;
  /**
   * True for a five-year cumulative figure (an indicator table's 〔 〕 cell): the sum over the period, not a level to
   * reach.
   */
  cumulative: boolean;
  /** The clause, exactly as in the input: `input.slice(start_offset, end_offset)`. */
  text: string;
  start_offset: number;
  end_offset: number;
}

const DEADLINE_YEAR = /(?:到|至|截至|于|在)(\d{4})年|(\d{4})年(?:底|末)(?:前)?/;
const SCOPES: [RegExp, string][] = [
  [/市区/, "市区"],
  [/(?<!区、)县\(市\)/, "县(市)"],
  [/农村/, "农村"]
];

/**
 * Reads every numeric target out of a plan text. Targets are found clause by clause inside the
 * plan's sections (一、) and items (1.); a paragraph that the text repeats in the same section and
 * item yields its targets once. Offsets are JavaScript string indices into `text` as given.
 *
 * Commitments, not results: titles, headings and a headline with its subtitle state no targets (李家超列110项KPI,
 * 河南省政府发文,要求…到100%); what a
 * progress report or a retrospective says was done is no target either: a clause under a past period
 * (上半年, 前三季度, 截至目前, a year before the plan's: 2023年全市新建38所 in a 2024 plan, or, the plan's year
 * unknown, before the latest year the text names; a paragraph opening with 完成情况: or 主要成绩:, the paragraphs
 * under a subheading that looks back: 回顾2023年工作成果, 一、主要成绩, not 一、巩固拓展脱贫攻坚成果, a numbered paragraph
 * whose own heading looks back: 1.“十三五”发展取得的巨大成就。…), or one that says so (已完成, 已推出, 完成了, 截至…累计,
 * 为任务的116%, 比上年同期增长, 整体完成率111.5%, 超计划16项, 历史性跨越), or a paragraph that opens on figures (数据显示,…);
 * in a report (its title says so: …通报, …回顾, 规划《纲要》预计完成31项指标, or its opening sentence that the year's work was
 * done: 2017年,市图书馆…圆满完成了各项工作任务; up to a heading that turns to the plan: 二、2024年工作打算), 今年 is the year
 * reported unless its sentence says a plan. A target such a clause names counts (超额完成40所的年度目标任务 → 40). In a
 * report, a numbered item quotes the task it reports on;
 * in a plan that reviews and then turns to what is to be done (一、2022年工作回顾 … 二、2023年工作任务), the review
 * section's numbered items are results too. A grading scale's steps (1.完成招標50% … 4.啟用100%) state no targets.
 *
 * A clause (the text between two clause marks) longer than {@link MAX_CLAUSE} characters is no target clause (the
 * longest of the corpus has about 100): its numbers are not read, and `warn` is told where it starts, so the work
 * stays linear in the text's length however it is punctuated.
 *
 * Options: `year`, the plan's year, which tells past from future (default: {@link inferPlanYear}; null:
 * unknown, then only the words tell); `warn`, what receives a warning (in Chinese; default: nothing). Throws
 * `PlanwatchError` `invalid_plan` when `text` is not a string.
 */
export function extractTargets(
  text: string,
  {year, warn = () => {}}: {year?: number | null; warn?: (message: string) => void} = {}
): ExtractedTarget[] {
  if (typeof text !== "string") throw new PlanwatchError("invalid_plan", `invalid plan text: ${String(text)}`);
  const planYear = year === undefined ? inferPlanYear(text).year : year;
  // a page's pinyin glosses (64萬(wàn)平方米) are read without; offsets are mapped back to the text as given
  const unglossed = stripGlosses(text);
  if (!unglossed) return _extractTargets(text, planYear, warn, (offset) => offset);
  const {origin} = unglossed;
  return _extractTargets(unglossed.text, planYear, warn, origin).map((t) => {
    const start = origin(t.start_offset);
    const end = origin(t.end_offset - 1) + 1;
    return {...t, text: text.slice(start, end), start_offset: start, end_offset: end};
  });
}

/** The longest clause read for targets, in characters (see {@link extractTargets}). */
export const MAX_CLAUSE = 1000;
/** How many over-long clauses are named one by one before the rest are counted. */
const NAMED_LONG_CLAUSES = 5;

/** Words that announce last year's figures (公布去年, 通报上年). */
const ANNOUNCING = String.raw`(?:[\u4e00-\u9fa5]{0,6}?(?:公布|通报|介绍|显示)(?=去年|上年))?`;
/** Months of this year that have passed: 上半年, 前三季度, 前9个月, 1—4月, 一至三月. */
const PASSED_MONTHS = [
  "上半年|前三季度|前两个季度|前[一二三四五六七八九十\\d]{1,2}个?月|一季度|第一季度|[一二三]季度末",
  String.raw`\d{1,2}\s*[-—~至]\s*\d{1,2}月(?:份)?|[一二三四五六七八九十]+至[一二三四五六七八九十]+月`
].join("|");
/** Years that have passed, and "so far": 去年, 去冬今春, 过去五年, 过去 8 年来, 三年来, 10年来, 截至2023年底 (截止6月底), 目前, 2025年以来. */
const PASSED_YEARS = [
  "今年以来|(?<=年)以来|去年|去冬(?:今春|以来)?|上年|过去一年|过去五年|过去\\s*\\d{1,2}\\s*年(?:来|间|里)?|[一二三四五六七八九十]+年来|(?<![\\d.])\\d{1,2}\\s*年来|近年来|多年来",
  String.raw`截至|截止|至目前|目前`
].join("|");
/** The place a clause may name before its period (大陆前11月, 全省上半年, 我市今年以来). */
const PLACE = String.raw`全国|全省|全市|全县|全区|全州|我国|我省|我市|我县|我区|大陆|内地`;
/**
 * A period that has passed, opening a clause: what follows is what was done; an estimate of passed months too (预计1-6月份,
 * 初步预计上半年: the months' results, told before the statistics are out).
 */
const PAST_PERIOD = new RegExp(
  String.raw`^${ANNOUNCING}(?:${PLACE})?(?:\d{4}年)?(?:今年|全年)?(?:(?:(?:初步)?预计)?(?:${PASSED_MONTHS})|${PASSED_YEARS})`
);
/**
 * A title that says the text reports what was done (and not what is to be done): the last of these words comes after the
 * last of {@link PLAN_TITLE}'s (…工作报告要点之一:2022年工作回顾 reports, 2013年度审计工作情况 and 图书馆2019年度工作报告 too;
 * 2022年工作回顾及2023年工作要点 plans; a plan's execution reports: “十三五”规划《纲要》预计完成31项指标, not 确保圆满完成; a figure reached or risen to: …入学率已实现97%,
 * …基地增至216个, not 将增至; the years it looks back on: 5年增加43个, not 未来5年新增).
 */
const REPORT_TITLE =
  /截至|(?<![较比])去年(?=[\u4e00-\u9fa5]{0,4}?(?:完成|实现|新增|达到|增长|下降))|成果|成效|完成情况|执行情况|执行情形|工作情况|进展|回顾|总结|年度(?:工作)?报告|阅读报告|年报|成绩单|盘点|回眸|答卷|数据显示|统计公报|通报|获悉|发布会|同比|历史新低|已(?:经)?(?:实现|达到|完成|突破)|(?<!将|要|力争|确保|争取|努力)(?:增至|增加至|增加到)|(?<![\d.]|未来|今后)\d{1,2}年(?:来|间)?(?:增加|新增|累计)|(?<!确保|力争|争取|努力|要|将)(?:预计|顺利|圆满|超额)完成/g;
/** A task done, in a title (去年完成国土绿化任务, 完成年度目标任务): it reports, it plans nothing. */
const TASK_DONE = /(?<!确保|力争|争取|努力|要|将|全面|圆满|如期)完成[^,,。;]{0,12}?任务/g;
/**
 * An opening sentence that says the year's work was done (2017年,市图书馆…圆满完成了各项工作任务, 一年来…交出了一份精彩的答卷,
 * 各项工作取得了显著成效): with no plan word in its paragraph besides ({@link PLANNED}: not 现将今年工作总结和明年的工作计划报告如下),
 * the text reviews, as a report's title would say.
 */
const REVIEW_OPENING =
  /一年来|回眸|盘点|成绩单|答卷|(?:取得|获得)了[^,,。;]{0,8}(?:成效|成绩|成就|成果)|圆满完成了?[^,,。;]{0,8}任务/;
/** What an opening paragraph says the text is (现将有关情况通报如下, 现将今年工作总结和明年的工作计划报告如下). */
const ANNOUNCED = /现将([^。;!?]{0,40}?)如下/;
/** A news dateline opening a lede (新华社南昌10月31日电(记者 王聿昊), 本报讯): the clause's words follow it. */
const DATELINE = /^[^,,。;:]{0,16}?(?:\d{1,2}月\d{1,2}日电|本报讯|讯)\s*(?:\([^()]{0,30}\))?\s*/;
/**
 * Numbered headings a flattened page runs on before a clause's prose, each closed by a space (`一、完成情况 (一)主要经济指标完成情况
 * 预计1-6月份`): the prose opens after them.
 */
const RUN_IN_MARKED =
  /^(?:(?:[一二三四五六七八九十]+、|[(][一二三四五六七八九十\d]{1,2}[)]|\d{1,2}[.、](?!\d))[^\s,。;:]{1,30}\s+)+(?=\S)/;
/** A news dateline's agency and reporter (日电 (记者 王小军), 日报讯 (记者 路鹏宇)) anywhere in a clause. */
const DATELINE_WITHIN = /(?:电|讯)\s*\((?:见习)?(?:记者|通讯员)[^()]{0,30}\)/;
/** A date that opens a news paragraph (1月21日,…): the title is the words after it. */
const LEADING_DATE = /^\s*\d{1,2}月\d{1,2}日[,,]?/;
/** A day (22日,) or a date that opens a lede, and the lede's first sentence. */
const LEADING_DAY = /^(?:\d{1,2}月)?\d{1,2}日[,,]?/;
const LEDE = /^[^。;!?\n]*/;
/** A lede's paragraph citing a bulletin it reports (发布《2022年中国国土绿化状况公报》显示): the text reports. */
const BULLETIN_CITED = /公报》?(?:显示|表明)|根据[^,。]{0,12}公报/;
/**
 * A lede that reports on what was done (a narrower list than a title's: a lede may tell where the news was heard), or a
 * statistics office's release (政府統計處今日發布…數字).
 */
const REPORTING_LEDE =
  /通报|(?:完成|执行|进展)情况|统计公报|数据显示|统计(?:处|局)[^,。;]{0,24}?(?:发布|公布)|(?:进展|成效|成就)[^,。;]{0,12}?发布会/;
/** An office named for plans (规划计划司, 发展规划处): its 规划 and 计划 name no plan. */
const PLANNING_OFFICE = /(?:规划|计划)[\u4e00-\u9fa5]{0,4}?(?:司|处|科|室)(?![\u4e00-\u9fa5]{0,2}(?:安排|部署))/g;
/** 目标完成情况: a report on targets (目标 there names no plan). */
const TARGETS_REPORTED = /目标(?:任务)?完成情况/g;
/** A subheading (a short line with no clause mark and no figure but a year) that opens a look back: 回顾2023年工作成果. */
const SUBHEADING = /^[^,,。;:!?\d]{0,12}(?:\d{4}年[^,,。;:!?\d]{0,12})?$/;
/** Words of a subheading that look back: 回顾, 总结, 主要成绩, 工作成效, 完成情况, 进展情况. */
const LOOK_BACK = /回顾|总结|成绩|成果|成效|成就|(?:完成|进展|执行|落实|实施|推进|工作)情况|主要做法/g;
/**
 * Words before a look-back word that make it the plan's object, not its subject (the plan will do it):
 * 巩固拓展脱贫攻坚成果, 转化科研成果.
 */
const PLAN_OBJECT =
  /(?:巩固|拓展|转化|扩大|用好|深化|放大|运用|推广|共享|应用|提升|保持|检验|展示|宣传|固化|确保)[\u4e00-\u9fa5]{0,10}?$/;
/** What follows 总结 when it is the plan's to do (总结推广经验). */
const SUMMING_UP = /^(?:推广|提炼|经验|交流)/;
/** Words of a subheading that look ahead: the heading's last such word or look-back word (its head noun) decides. */
const LOOK_AHEAD = /目标|任务|计划|安排|思路|打算|措施|举措|重点|要点|展望|部署|规划|方向/g;
const PLAN_TITLE = /部署|计划|要点|安排|规划|目标|任务/g;
/** Spaces that end a section line's heading run into its prose (一、2014年工作总结  2014年,…). */
const RUN_ON = /\s{2,}|\u3000/;
/** A paragraph that ends on a lead-in to the lines after it (…,以下是2023年工作回顾:): the lead-in, its last clause. */
const LEAD_IN = /(?:^|[,,。;])([^,,。;:]{2,30})[::]$/;
/**
 * A story's paragraph that says the report or meeting reviews a year (报告回顾了2024年的工作, 会议总结了过去一年的工作): it and
 * the paragraphs after it tell what was done, up to one that says what the report sets out (报告提出了2025年目标任务);
 * not one that sets out the year's work too (会议总结2023年…工作成效,对2024年重点工作进行部署).
 */
const STORY_REVIEWS = /^(?:报告|会议|讲话|大会)(?:全面|系统|简要)?(?:回顾|总结)了?(?:过去一年|\d{4}年)/;
const STORY_TURNS_AHEAD = /^(?:报告|会议|讲话|大会)(?:还)?(?:提出|部署|明确|安排)了?/;
/** Words that set out what is to be done, in the reviewing paragraph itself (会议总结2023年…,对2024年重点工作进行部署). */
const STORY_PLANS = /部署|提出|明确|安排|目标|计划|将/;
/**
 * A section's heading (the words after 一、): a line with no clause mark, up to 30 characters; or two short phrases
 * parted by one comma (一、充分肯定成绩,2011年经济工作取得了显著成效).
 */
const SECTION_HEADING = /^[^,,。;:!?]{1,30}$|^[^,,。;:!?]{2,12}[,,][^,,。;:!?]{2,20}$/;
/** A line that opens a section: 一、, 第一章, 第一部分. */
const SECTION_LINE = /^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+(?:章|部分))/;
/** A numbered paragraph (1. (一) 一、) or a table row after its row number: in a report, the quoted tasks. */
const NUMBERED = /^\s*(?:[一二三四五六七八九十]+、|\d{1,2}[.、](?!\d)|[(][一二三四五六七八九十\d]+[)])/;
/**
 * A numbered paragraph that opens on a title of its own, with no figure (一、工作进展情况 … (一)现代农业质效齐增。完成4万亩…),
 * or two short phrases parted by one comma (3、与时俱进,及时增加现代化服务窗口。…), or up to three closed by a space as a flattened
 * page runs its heading into its prose (一、夯基础,优服务,文化惠民深入民心 (一) 做好志愿服务,坚持免费开放 2022年,…): its prose
 * reports, it quotes no task.
 */
const TITLED = new RegExp(
  `${NUMBERED.source}(?:(?:[^。;:,\\d]{2,24}|[^。;:,\\d]{2,12},[^。;:,\\d]{2,16})[。:]\\s*|\\s*[^。;:,\\d\\s]{2,12}(?:,[^。;:,\\d\\s]{2,16}){0,2}\\s+)\\S`
);
/**
 * A numbered paragraph that opens on its own heading, a short sentence with no clause mark (1.“十三五”发展取得的巨大成就。…):
 * the heading's words.
 */
const RUN_IN_HEADING =
  /^\s*(?:[一二三四五六七八九十]+、|\d{1,2}[.、](?!\d)|[(][一二三四五六七八九十\d]+[)])\s*([^,,。;:!?]{2,30})。/;
/** A paragraph that reports: 2023年完成情况: … */
const REPORT_PARAGRAPH =
  /^(?:\d{4}年)?(?:(?:完成|进展|实施|落实|推进|执行)情况|(?:主要|工作|取得的)?(?:成绩|成效|成果)|工作回顾)[::]/;
/** Words in a clause, before a number, that say it was done (历史性跨越2500亿元大关: a milestone passed). */
const RESULT_WORDS =
  /已(?:经)?(?!知|往)[\u4e00-\u9fa5]|截至|为任务的|比上年同期|比原计划|高出全省|超过省定任务|时序进度|历史性/;
/**
 * 已 and a verb (已支持, 已建成), or 首次: words that say a clause was done, and the clauses after it in its sentence, unless
 * a goal or plan is named before them (总体目标已经设定,城镇新增就业70万人 sets the goals).
 */
const ALREADY = /已(?:经)?(?!知|往|有)[\u4e00-\u9fa5]|首次/;
/**
 * 共 (共计) and a verb of work done before a count (今年共接待读者19703人次, 共举办48场活动, 共完成3个): a total of what was done,
 * unless its sentence plans or a goal is named before it (计划共举办…, 力争共接待…).
 */
const DONE_TOTAL =
  /共(?:计)?(?:接待|完成|举办|开展|服务|发放|接收|受理|办理|培训|走访|组织|查处|检查|救助)[^,,。;]{0,16}$/;
/**
 * A figure told roughly, more than it says (办证650余个, 15万余份, 700多处): a count of what was done or of what there is;
 * a plan sets a bound (650个以上, 不少于15万份), so unless a goal or plan is named in its sentence, no target.
 */
const APPROXIMATE = /(?:\d|[十百千万亿])(?:余|多)/;
/** The date near the start of a news lede (日照讯(记者 黄建玲)8月1日,记者从市图书馆获悉): its month. */
const LEDE_DATE = /^[^。;\n]{0,40}?(?<!\d)(\d{1,2})月\d{1,2}日/;
/** A month opening a clause (7月份, 7月24日当天, 仅7月份就…): before the lede's month, a period passed. */
const MONTH_OPENING = /^(?:仅|在)?(\d{1,2})月(?:份|\d{1,2}日)?/;
/** A threshold passed for the first time (首次降到1%以内, 首次超过90%): a result, unless a goal is named before it. */
const FIRST_TIME = /首次(?:降到|降至|降低到|超过|突破|达到|实现|跻身|进入|迈上)/;
/**
 * A clause that opens on a short subject and 将, the future (屯昌将始终坚持, 我局将继续): what its sentence names after it is
 * the plan's, in a report too; not 将近, nor 将 that takes an object (将其, 将之, 将此).
 */
const SUBJECT_WILL = /(?<=^|[,,;:])\s*[\u4e00-\u9fa5]{2,8}?将(?!近|其|之|此|这|该|所|于)/;
/** Words of a sentence that hope or strive for what follows (希望通过五年的努力, 力争): in a report too, the plan's. */
const HOPED = /希望通过|力争/;
/** A verb with 了 before a number: what was done (完成了校舍改造20万平方米, 建成了体育馆3座). */
const PAST_TENSE =
  /(?:完成|建成|新建|新增|实现|达到|开展|培训|改造|建设|引进|投入|举办|创建|打造|修建|扩建|改建|培育|办理|接种|筛查|增长|增加|提高|提升|下降|减少|降低|惠及|带动|接待|签约|招收|认定|准备|策划|购置|采购|举行|组织)了/;
/**
 * Words after a count that opens its clause and say it was done (46项任务全部完成, 318件建议提案全部办理完毕, 对6所小学…进行了
 * 环境改造, 其他36所985大学进入了A类: any verb with 了, not 为了, 除了, 到了, 了解, nor 了 before a year), or how it progresses against the plan (16项基本符合或快于预期, 4项指标提前实现, 4项相对滞后).
 */
const DONE_AFTER =
  /^[^,;。]{0,16}?(?:全部|均已|已经|已)(?:完成|办结|办理完毕|建成|落实|完工|竣工)|^[^,;。]{0,16}?(?:办理完毕|[\u4e00-\u9fa5](?<![为除到])了(?!解|\s*\d{4}\s*年))|^[^,;。]{0,8}?(?:(?:基本)?符合(?:或快于)?预期|快于预期|慢于预期|提前(?:实现|完成)|(?:相对)?滞后)/;
/**
 * A paragraph whose first sentence says what was won (水利脱贫攻坚战也取得重大胜利。, 各项工作取得一系列成果。): its figures are
 * results, unless the paragraph plans ({@link PLANNED}) or names a deadline (到2025年).
 */
const WON_OPENING =
  /^[^。;!?]*?(?<!要|将|力争|确保|争取|努力)(?:取得|获得)了?[^,,。;]{0,8}(?:胜利|成效|成绩|成就|成果)[^。;]*。/;
/** A paragraph that opens on figures (数据显示, 据统计): it tells results, the plan's year's too. */
const FIGURES_PARAGRAPH =
  /^(?:据|经)?(?:数据|统计|监测|调查)(?:显示|表明)|^(?:根)?据(?:初步)?统计|^(?:据|经)?初步(?:测算|核算)/;
/**
 * A paragraph that opens on an estimate (预计地区生产总值超过2100亿元, 经初步预计): in a text whose title names no plan, the
 * estimated results of the year just ending, unless it names a time ahead (预计到2027年, 预计明年, 预计将).
 */
const ESTIMATE_PARAGRAPH = /^(?:经)?(?:初步)?预计(?![^,,。;]{0,8}?(?:到|至|将|明年|今后|未来|下一步|下半年))/;
/**
 * A clause that recounts achievements (介绍了…“十四五”时期相关成就, 回顾了…成绩, 回顾“十三五”时期…成就介绍说): what its paragraph
 * says after it was done,
 * until a clause turns ahead ({@link TURNING_AHEAD}).
 */
const RECOUNTS = /(?:(?:介绍|总结)了|回顾了?)[^。;]{0,40}?(?:成就|成绩|成效|成果)/;
const TURNING_AHEAD = /^(?:展望|今后|下一步|未来)/;
/** An inspection's finding opening a clause (经督查核实,): the rest of its paragraph tells what was found, results. */
const FINDINGS = /^经(?:督查|核查|核实|检查|审计|调查)/;
/** A deadline (到2020年, 至2025年; not 截至): a clause naming one not before the reference year is the plan's. */
const FORWARD_DEADLINE = /(?<!截)(?:到|至)(\d{4})年/;
/** An earlier five-year period opening a clause (“十一五”期间, 十三五以来): its number, 十五 when none. */
const FIVE_YEAR_PERIOD = /^“?十([一二三四五六七八九])?五”?(?:期间|时期|以来)/;
const PERIOD_NUMBERS = "一二三四五六七八九";
/** 今年 (not 今年以来): the text names its own year so, after a year it named (2021年,…。今年…目标是:). */
const THIS_YEAR = /今年(?!以来)/;
/**
 * 今年 and a plan word right after it (省政府今年要办的实事是…, 今年将, 今年计划): after a passed period of its paragraph
 * (目前,累计完成…), the plan again; not 超过了今年《政府工作报告》提出的…目标, nor with 已 (今年计划任务已全部开工).
 */
const THIS_YEAR_PLANS = /今年(?!以来)[^,,;。]{0,6}?(?:将|要|计划|力争|确保|争取)/;
/**
 * Words of a report's sentence that plan what it names (2020年,…将重点完成, 2013年,全国计划新开工…630万套): narrower than
 * {@link FUTURE_WORDS} (a result too names its 目标 or 预期), not 将近, not 计划的 (完成年度计划的61%), nor the plan a share is
 * of (占年初审计项目计划20个的135%).
 */
const PLANNED = /将(?!近)|力争|确保|(?<!占[\u4e00-\u9fa5]{0,10})计划(?!的|任务)|争取|目标(?:为|是)/;
/** A year and the statement of its goals after it (2018年我省商务发展主要预期目标为:, 2017年目标为68.3%). */
const GOALS_OF_YEAR = /^\d{4}\s*年[^,,;。]{0,20}?目标(?:为|是)/;
/** Words that make a dated sentence the plan's (2024年,全市将新建…). */
const FUTURE_WORDS = /将|要|力争|确保|计划|目标|争取|预期/;
/** A line that ends in a photo's credit (（鉅亨網資料照 ）, (记者某某 摄), (图源:…)): a caption. */
const CAPTION = /[(（][^()（）]{0,20}(?:资料照|资料图|摄|供图|图源|图片来源)[^()（）]{0,10}[)）]\s*$/;
/** A repost's line naming the story's original headline (原标题:…, 原標題:…): the headline restated. */
const ORIGINAL_TITLE = /^\s*[[【(（]?原[标標][题題]\s*[:：]/;
/** A page's breadcrumbs: 首页 > 地方频道 > 要闻, 当前位置:首页>新闻. */
const BREADCRUMBS =
  /^(?:当前位置|您的位置|您现在的位置|位置)?[::]?\s*首页\s*[>>»]|^[^,,。;>>»]{1,12}(?:\s*[>>»]\s*[^,,。;>>»]{1,12}){2,}$/;
/** A site's greeting above its page (您好,欢迎访问中国食品安全网!): no title, the line after it is. */
const GREETING = /^(?:您好|你好)[,,!!]?\s*欢迎(?:访问|光临|来到)[^。\n]{0,30}$/;
/** A headline line: short, no full stop (a comma allowed on the first line: 河南省政府发文,要求…). */
const HEADLINE = /^[^。;!?]{1,60}$/;
/**
 * 同比 (against the same period of last year; 比上年, 与去年) before a number: a result (同比增长187.8%), unless a goal is named
 * before it in its sentence (发展目标为:…同比增长10%) or the number is bounded (同比增长不低于12%, 10%以上).
 */
const YEAR_ON_YEAR = /同比|(?:比|较|与)(?:上年|去年)/;
/**
 * A clause of its sentence that opens on a change against last year, by a plain number (,同比增长3.9%, ,与去年增长10.9%):
 * the levels before it in the sentence are results (总产值81.10亿元,同比增长3.9%), unless a goal is named or the change is
 * bounded (同比增长6%以上).
 */
const CHANGE_WORDS = String.raw`(?:比上年|同比|较上年|比去年|较去年|与上年|与去年)(?:末|底)?(?:同期)?(?:相比)?[,,]?(?:分别)?(?:增长|下降|上升|提高|减少|增加|降低|回落)了?\s*\d+(?:\.\d+)?(?![\d.])\s*(?:%|个百分点|倍)?`;
/**
 * A change with no base named, right after a level's clause (服务贸易进出口291.7亿美元,增长14.5%): a statistic's pair, the
 * change on last year as 同比 says it; unless bounded (增长7%左右), as above.
 */
const PAIRED_CHANGE = String.raw`(?<=\d\s*(?:万|亿)?[\u4e00-\u9fa5]{1,3}[,,])\s*(?:增长|下降)\s*\d+(?:\.\d+)?(?![\d.])\s*%`;
const CHANGE_ON_LAST_YEAR = new RegExp(String.raw`(?:^|[,,])\s*${CHANGE_WORDS}|${PAIRED_CHANGE}`, "g");
/** A clause that is such a change: where it starts in its sentence, the regular expression's lastIndex. */
const PAIRED_CHANGE_AT = new RegExp(PAIRED_CHANGE, "y");
/**
 * A clause that opens on such a change (,比上年增长3.3%。其中,第一产业增加值100.23亿元,增长4.4%): the paragraph reports, the
 * figures after it too (a breakdown, the next level and its change), unless its sentence plans or the change is bounded.
 */
const OPENS_ON_CHANGE = new RegExp(String.raw`^\s*${CHANGE_WORDS}`);
const GOAL_WORDS = /目标|预期|力争|确保|计划|争取|任务/;
const BOUND_BEFORE = /(?:不低于|不少于|不超过|不高于|控制在|至少)\s*$/;
const BOUND_AFTER = /^\s*(?:以上|以内|左右)/;
/** How far back (characters) a goal word is looked for before a clause, within its line and sentence. */
const GOAL_REACH = 200;
/** Words anywhere in a sentence that say its figures were done (新增就业66289人,为任务的116.3%). */
const RESULT_SENTENCE = new RegExp(
  [
    String.raw`为任务的|为(?:年度)?目标任务的|完成(?:全年|年度)?(?:目标)?任务(?:\([^)]*\))?的|占年度(?:目标|计划)的`,
    // a share of the year's plan, its amount named (占年度计划15.3亿元的44.8%, 占年初审计项目计划20个的135%)
    String.raw`占(?:年度|全年|年初)[\u4e00-\u9fa5]{0,6}?(?:目标|计划)[^,,;。的]{1,12}的\s*\d+(?:\.\d+)?\s*%`,
    // a share of a plan however the plan is qualified (占计划68.1%, 占市级计划144%, 占计划任务的104%, 占年计划任务数的116%)
    String.raw`占[\u4e00-\u9fa5]{0,6}?(?:目标|计划)(?:任务数?)?的?\s*\d+(?:\.\d+)?\s*%`,
    // a share of a task or expected target completed (完成年初任务的122%, 完成年度预期目标46.4%)
    String.raw`完成(?:全年|年度|年初)?(?:预期)?(?:目标任务|目标|任务)的?\s*\d+(?:\.\d+)?\s*%`,
    // a share of a plan completed (完成省局下达计划的107.3%)
    String.raw`完成[\u4e00-\u9fa5]{0,6}?计划的\s*\d`,
    // over the plan by a number (新开工30项,超计划16项)
    String.raw`超计划\s*\d`,
    // a completion rate: 整体完成率111.5%, or any over 100% (完成率168%)
    String.raw`(?:整体|总体|综合)完成率|完成率(?:为|达到?)?\s*(?:10[1-9]|1[1-9]\d|[2-9]\d\d)(?:\.\d+)?%`
  ].join("|")
);
/**
 * Words of a sentence that report a change done (增加了5458批次, 增长了48.81%), any count a verb with 了 reports (选出了6名代表;
 * not 为了, 除了, 到了, nor a year after it: 明确了2025年…) or what was found (检出不合格食品347批次): all
 * its figures are results, unless a goal is named before them or their clause says 今年 or a plan word (今年实施约30公里,
 * 比2023年的26公里增加了4公里 plans).
 */
const DONE_SENTENCE =
  /(?:增加|增长|提高|上升|下降|减少|降低)了\s*\d|检出[\u4e00-\u9fa5]{0,8}?\d|[\u4e00-\u9fa5](?<![为除到])了\s*\d(?!\d{3}\s*年)/;
/** A source of funds named just before an amount (中央预算内资金1436万元, 地方配套467.88万元, 企业自筹). */
const FUNDING_SOURCE = /(?:资金|配套|自筹|贷款|补助|补贴|债券|拨款)\s*$/;
/** A total investment split after 其中 (总投资1903.88万元,其中…): the amounts of its sources are no targets. */
const INVESTMENT_SPLIT = /投资[^。;]*?其中/;
/**
 * A number the words before name as the target (完成全年目标任务(10万公里), 优于年度目标32.9微克/立方米, 确保目标增长12%,
 * 完成年任务(40.2亿元), 占任务数16900万元的63.7%, 占年初审计项目计划20个的135%); not a difference from it (好于年度目标0.6个百分点).
 */
const NAMED_BEFORE =
  /(?:目标(?:任务)?|目标值|(?:年|年度|全年)任务|任务数|(?:年度|全年)计划|年初[\u4e00-\u9fa5]{0,6}?计划)(?:为|是)?(?:增长|增加|提高|下降|降低|达到)?\(?\s*$/;
/** A value in a list the target named after it shares (…下降4%、重污染天数同比减少6%的改善目标 → 4 too; 4.6%和3.5%的…目标). */
const NAMED_IN_LIST = /^[、和][^,;。\d]{0,24}\d+(?:\.\d+)?\s*[%‰]?\s*的[\u4e00-\u9fa5]{0,16}目标/;
/**
 * A number that a report says was the target (超额完成40所的年度目标任务, 完成4600人年计划的61.78%, 低于4%的控制指标,
 * 超额完成了国家下达的110万人的任务).
 */
const NAMED_TARGET =
  /^的?(?:年度|全年|年)计划|^的任务|^的?[\u4e00-\u9fa5]{0,4}?控制(?:目标|指标)|^的?(?:年度)?目标(?:任务)?|^的?年度任务|^的[\u4e00-\u9fa5]{1,16}目标|^(?:左右|以上)[”」]?的[\u4e00-\u9fa5]{0,8}?目标|^(?:以上|左右)?(?:全年|年度)[\u4e00-\u9fa5]{0,12}目标/;
/**
 * A total to date (全国累计完成营造林面积11.6亿亩, 累计建成…): a result, unless its sentence plans before it or names a
 * deadline not passed (到2025年累计完成…, 将累计建成…), or its clause forecasts it (预计2022年累计完成…: the year's total to be).
 */
const CUMULATIVE_DONE =
  /(?<!(?:预计|预期|有望|力争|计划|将)[^,,;。]{0,12})累计(?:已)?(?:完成|建成|实现|新增|改造|培训|发放|投入|帮助|惠及)[^,,;。]*$/;

/**
 * A comparison's base: 较/比 a past year (较2024年, 比上年), then the figures of that year, up to the word that compares
 * ({@link COMPARED}: 较2024年62亿元,更新4.1万台大幅扩容). A change right after it (较2022年增加5%, 比上年增长11%) is the
 * plan's; the base then holds no figure.
 */
const COMPARED_WITH = /[较比](?:(\d{4})\s*年|上年|去年)(?:的|同期)?/g;
const COMPARED = /增长|增加|提高|提升|上升|扩容|扩大|减少|下降|降低|翻番|翻一番|多|少|高|低/;
/**
 * A figure a clause opens on as planned (重庆开工率达75%,计划改造1227个; 本年度计划开工项目255项): the plan figure a
 * progress note measures its results against, a target even there. Not 计划的, 计划内, a result against it (完成年度计划,
 * 比原计划多), nor a list's part (其中计划开工项目6个: the list's projects by kind), nor its total (计划投资总额331654万元).
 */
const PLAN_OPENING =
  /^(?!其中)(?:(?!完成|占|超|比|较|原)[\u4e00-\u9fa5]){0,6}?(?:本年度|年度|全年|今年)?计划(?!内|外|之|任务)(?![^\d,,;。()()的]*总)[^\d,,;。()()的]{1,14}$/;

/**
 * A calendar year in a clause, unless it is a baseline (较2022年), a deadline (到2025年), a range's end or a period's
 * (2025年1—4月).
 */
const CONTEXT_YEAR =
  /(?<![较比到至于在—–\-~])(\d{4})\s*年(?!底|末|前|版|度|以来|(?:完成|进展|实施|落实|推进)情况|\s*\d{1,2}\s*(?:[-—~至]\s*\d{1,2}\s*)?月)/g;

function _extractTargets(
  input: string,
  planYear: number | null,
  warn: (message: string) => void,
  origin: (offset: number) => number
): ExtractedTarget[] {
  const normalized = forwardCutoffs(normalizePlanText(input), planYear);
  const tables = readIndicatorTables(normalized);
  const spans = [...tables.spans].sort((a, b) => a[0] - b[0]);
  const spanStarts = spans.map(([s]) => s);
  const spanEnds: number[] = [];
  spans.reduce((most, [, e]) => (spanEnds.push(Math.max(most, e)), Math.max(most, e)), -1);
  // spans by start, with the furthest end so far: a clause lies in a table when a span starting at or before it ends after it
  const inTable = (offset: number) => {
    const i = lastAtOrBefore(spanStarts, offset);
    return i >= 0 && spanEnds[i]! > offset;
  };
  const found: (Omit<ExtractedTarget, "id"> & {order: number})[] = [];
  const seenParagraphs = new Set<string>();
  const clauses = splitClauses(normalized);
  const lines = normalized.split("\n");
  const first = lines.find((l) => l.trim() && !GREETING.test(l.trim())) ?? "";
  // The title, or the opening words of a first line that is a paragraph (记者…获悉).
  const title = /^[^,。]*/.exec(first.replace(LEADING_DATE, ""))![0];
  const titleEnd = normalized.indexOf(first) + first.length;
  const headlineEnd = headlineBlockEnd(lines);
  // A report (its title says so): prose tells what was done; numbered paragraphs quote the tasks.
  // under a headline, the lede's first sentence too (22日,生态环境部通报了…目标完成情况): 目标完成情况 reports on targets
  // the lede's first paragraph, and its first sentence
  const ledeParagraph = headlineEnd > 0 ? /^[^\n]*/.exec(normalized.slice(headlineEnd).trimStart())![0] : "";
  // a dated news lede (8月1日,记者从…获悉): a month before its month, opening a clause, has passed (7月份,…共接待读者36万余人次)
  const ledeMonth = Number(LEDE_DATE.exec(ledeParagraph)?.[1] ?? 0);
  const lede = LEDE.exec(ledeParagraph.replace(LEADING_DAY, ""))![0];
  // a task the title says was done (去年完成国土绿化任务超1亿亩) names no plan
  const titlePlanAt = lastIndex(
    PLAN_TITLE,
    title.replace(TASK_DONE, (m) => "　".repeat(m.length))
  );
  // a text that opens on prose says what it is there (现将有关情况通报如下:), as a title would
  const announced = headlineEnd === 0 ? (ANNOUNCED.exec(first)?.[1] ?? "") : "";
  // the opening sentence (the first line's when it is prose, else the lede's) and its paragraph
  const openingSentence = headlineEnd === 0 ? LEDE.exec(first)![0] : lede;
  const openingParagraph = headlineEnd === 0 ? first : ledeParagraph;
  let report =
    lastIndex(REPORT_TITLE, title) > titlePlanAt ||
    (titlePlanAt < 0 &&
      REVIEW_OPENING.test(openingSentence) &&
      !PLANNED.test(openingParagraph.replace(REVIEW_OPENING, ""))) ||
    lastIndex(REPORT_TITLE, announced) > lastIndex(PLAN_TITLE, announced) ||
    (titlePlanAt < 0 &&
      !NUMBERED.test(openingSentence) &&
      ((REPORTING_LEDE.test(openingSentence) &&
        lastIndex(PLAN_TITLE, openingSentence.replace(TARGETS_REPORTED, "").replace(PLANNING_OFFICE, "")) < 0) ||
        (BULLETIN_CITED.test(ledeParagraph) && lastIndex(PLAN_TITLE, ledeParagraph) < 0)));
  // a text whose title names no plan, whose words never look ahead (no 将, 目标, 计划, 今年 …, but in a task or goal
  // done: 提前完成任务, 基本完成年度目标) and that says what was done (提前完成, 被命名为, 入选) reviews, its numbered items
  // too; not a progress note (进展情况, 完成情况), whose cells quote the tasks it measures against
  const reviewsOnly =
    titlePlanAt < 0 &&
    DONE_WORDS.test(normalized) &&
    !PROGRESS_NOTE.test(normalized) &&
    !LOOKING_AHEAD.test(normalized.replace(AHEAD_DONE, ""));
  if (reviewsOnly) report = true;
  const lineStarts: number[] = [];
  lines.reduce((at, l) => (lineStarts.push(at), at + l.length + 1), 0);
  const quotesTask = (offset: number) => {
    let i = lastAtOrBefore(lineStarts, offset);
    const line = lines[i]!;
    while (--i >= 0 && !lines[i]!.trim());
    // a copy site's chunk (`2、%;全社会固定资产投资…`) goes on the paragraph before: no task
    if (NUMBERED.test(line)) return !TITLED.test(line) && !opensChunk(line, lines[i] ?? "");
    return i >= 0 && /^\s*\d{1,3}\s*\|?\s*$/.test(lines[i]!);
  };
  const scale = gradingScale(lines);
  // a photo's caption (…达成率95%!…。(钜亨网资料照)) restates the story, a repost's 原标题 line its headline: no targets
  const captions = new Set(lines.flatMap((line, i) => (CAPTION.test(line) || ORIGINAL_TITLE.test(line) ? [i] : [])));
  /** Whether a goal is named before `mention` in its sentence (up to GOAL_REACH back), or its own words bound it. */
  const goalNamed = (clause: Clause, mention: Mention) => {
    const before = clause.text.slice(0, mention.start);
    if (BOUND_BEFORE.test(before) || BOUND_AFTER.test(clause.text.slice(mention.end))) return true;
    return goalBefore(clause, before);
  };
  /** Whether a goal is named in `clause`'s line and sentence up to GOAL_REACH before it, or in `own` (its words). */
  const goalBefore = (clause: Clause, own: string) => {
    const lineStart = lineStarts[lastAtOrBefore(lineStarts, clause.start)]!;
    const back = normalized.slice(Math.max(lineStart, clause.start - GOAL_REACH), clause.start);
    return GOAL_WORDS.test(back.slice(back.lastIndexOf("。") + 1) + own);
  };
  let currentParagraph: string | null = null; // the clause's paragraph (the same string for all of a line's clauses)
  let currentKey = "";
  let skip = false;
  let longClauses = 0;
  // what a sentence says for all its clauses, read once per sentence (its clauses share the string)
  let currentSentence: string | null = null;
  let sentenceFacts = {
    deadline: null as number | null,
    scope: null as string | null,
    results: false,
    done: false,
    changeAt: -1,
    alreadyAt: -1,
    goalAt: -1,
    hoped: false,
    willAt: -1,
    bases: [] as [number, number][]
  };
  let sentenceCursor = 0; // where in its sentence the previous clause ended
  let past = false; // whether the paragraph, from here on, tells what was done
  let figures = false; // whether the paragraph opens on figures (数据显示): the plan's own year in it is reported too
  let recounting = false; // whether the paragraph, since a clause that recounts achievements, tells what was done
  let runInBack = false; // whether the paragraph's own heading looks back (1.“十三五”发展取得的巨大成就。): so does it
  let thisYearAt = -1; // where the paragraph says 今年, else -1: a year it names before that is last year
  let lookingBack = false; // whether the paragraphs since the last subheading tell what was done (回顾2023年工作成果)
  // the year past and future are told by: the plan's, else the latest the text names (一、2022年工作 … 二、2023年工作)
  const reference = planYear ?? latestYear(normalized);
  // A plan that reviews, then turns to what is to be done (一、2022年工作回顾 … 二、2023年工作任务): its review sections
  // tell what was done, numbered items and all (in a progress report, a numbered item quotes the task it reports on).
  const turnsAhead = lines.some((l) => {
    const heading = SECTION_LINE.exec(l) && l.replace(SECTION_LINE, "").trim();
    return (
      Boolean(heading) && SECTION_HEADING.test(heading as string) && looksAhead(heading as string, planYear, reference)
    );
  });
  let sectionLooksBack = false; // whether the section (一、2022年工作回顾) of such a plan tells what was done
  let leadInBack = false; // whether the lines since a lead-in that looks back (以下是2023年工作回顾:) tell what was done
  let reviewSection = 0; // that section's number: a section numbered again from 一 inside it is its part
  for (const clause of clauses) {
    const sameParagraph = clause.paragraph === currentParagraph && currentKey === `${clause.section}.${clause.item}`;
    if (!sameParagraph) {
      currentParagraph = clause.paragraph;
      currentKey = `${clause.section}.${clause.item}`;
      const paragraphKey = `${currentKey}:${clause.paragraph}`;
      // a repeated cell of a flattened table (100%, 2場) is another row's value, not a repeated paragraph
      skip = seenParagraphs.has(paragraphKey) && (clause.paragraph.match(/[\u4e00-\u9fa5]/g)?.length ?? 0) >= 6;
      seenParagraphs.add(paragraphKey);
      const line = lines[lastAtOrBefore(lineStarts, clause.start)]!;
      const opensSection = SECTION_LINE.test(line);
      // a section line whose heading runs into its prose after spaces (一、2014年工作总结  2014年,…): its heading
      const heading = opensSection ? clause.paragraph.trim().split(RUN_ON)[0]! : clause.paragraph.trim();
      const leadIn = LEAD_IN.exec(heading)?.[1];
      if (clause.start >= titleEnd && (SUBHEADING.test(heading) || (opensSection && SECTION_HEADING.test(heading)))) {
        lookingBack = lookingBackFrom(heading, planYear, reference);
        leadInBack = false;
        // a report reads as results up to a heading that turns ahead (二、2024年工作打算): the plan's from there on
        if (report && !lookingBack && turnsToPlan(heading, reference)) report = false;
        if (opensSection && (lookingBack || clause.section > reviewSection)) {
          // in a report, a numbered item quotes the task it reports on; elsewhere a review section's items are results
          sectionLooksBack = lookingBack && (turnsAhead || !report);
          reviewSection = sectionLooksBack ? clause.section : 0;
        }
      } else if (clause.start >= titleEnd && leadIn !== undefined) {
        // a lead-in (以下是2023年工作回顾:) opens a look back over the lines after it, one that looks ahead closes it
        if (lookingBackFrom(leadIn, planYear, reference)) lookingBack = leadInBack = true;
        else if (looksAhead(leadIn, planYear, reference)) lookingBack = leadInBack = false;
        if (opensSection && clause.section > reviewSection) sectionLooksBack = false;
      } else if (opensSection && clause.section > reviewSection) sectionLooksBack = false;
      if (clause.start >= titleEnd && STORY_REVIEWS.test(heading) && !STORY_PLANS.test(heading))
        lookingBack = leadInBack = true;
      else if (clause.start >= titleEnd && leadInBack && STORY_TURNS_AHEAD.test(heading))
        lookingBack = leadInBack = false;
      recounting = false;
      figures =
        FIGURES_PARAGRAPH.test(clause.paragraph.trim()) ||
        (titlePlanAt < 0 && ESTIMATE_PARAGRAPH.test(clause.paragraph.trim()));
      const runIn = RUN_IN_HEADING.exec(line);
      runInBack = runIn !== null && lookingBackFrom(runIn[1]!, planYear, reference);
      const lineIndex = lastAtOrBefore(lineStarts, clause.start);
      const thisYear = THIS_YEAR.exec(lines[lineIndex]!);
      thisYearAt = thisYear ? lineStarts[lineIndex]! + thisYear.index : -1;
      const para = clause.paragraph.trim();
      past =
        reviewsOnly ||
        REPORT_PARAGRAPH.test(clause.paragraph) ||
        (WON_OPENING.test(para) && !PLANNED.test(para) && !FORWARD_DEADLINE.test(para)) ||
        figures ||
        runInBack ||
        sectionLooksBack ||
        leadInBack ||
        ((report || lookingBack) && !quotesTask(clause.start));
    }
    if (
      skip ||
      clause.heading ||
      clause.start < headlineEnd ||
      inTable(clause.start) ||
      scale.has(lastAtOrBefore(lineStarts, clause.start)) ||
      captions.has(lastAtOrBefore(lineStarts, clause.start))
    )
      continue;
    if (clause.text.length > MAX_CLAUSE) {
      if (++longClauses <= NAMED_LONG_CLAUSES)
        warn(
          `第 ${origin(clause.start)} 个字符起的一个分句长 ${clause.text.length} 字,超过 ${MAX_CLAUSE} 字(没有逗号、分号或句号),不会是一条目标,其中的数字未读取`
        );
      continue;
    }
    if (clause.sentence !== currentSentence) {
      currentSentence = clause.sentence;
      const deadline = DEADLINE_YEAR.exec(clause.sentence);
      sentenceFacts = {
        deadline: deadline ? Number(deadline[1] ?? deadline[2]) : null,
        scope: SCOPES.find(([re]) => re.test(clause.sentence))?.[1] ?? null,
        results: RESULT_SENTENCE.test(clause.sentence),
        done: DONE_SENTENCE.test(clause.sentence),
        changeAt: lastChangeOnLastYear(clause.sentence),
        alreadyAt: ALREADY.exec(clause.sentence)?.index ?? -1,
        goalAt: GOAL_WORDS.exec(clause.sentence)?.index ?? -1,
        hoped: HOPED.test(clause.sentence),
        willAt: SUBJECT_WILL.exec(clause.sentence)?.index ?? -1,
        bases: comparisonBases(clause.sentence, reference)
      };
      sentenceCursor = 0;
    }
    // the clause's place in its sentence (found from where the previous one ended: linear in the sentence)
    const inSentence = clause.sentence.indexOf(clause.text, sentenceCursor);
    if (inSentence >= 0) sentenceCursor = inSentence + clause.text.length;
    const changeFollows = inSentence >= 0 && sentenceFacts.changeAt > inSentence;
    // the change of such a pair, unbounded: on last year, as 同比 says it
    PAIRED_CHANGE_AT.lastIndex = inSentence;
    const pairedChange =
      inSentence > 0 &&
      PAIRED_CHANGE_AT.test(clause.sentence) &&
      !BOUND_AFTER.test(clause.sentence.slice(PAIRED_CHANGE_AT.lastIndex));
    // 已 in an earlier clause of the sentence (已支持…建设34.7万张…,提供64.7万人次…): done too, unless it turns to the plan
    const {alreadyAt, goalAt} = sentenceFacts;
    const doneBefore =
      inSentence > 0 && alreadyAt >= 0 && alreadyAt < inSentence && (goalAt < 0 || goalAt >= inSentence);
    const doneInSentence = doneBefore && !FUTURE_WORDS.test(clause.text);
    const period = FIVE_YEAR_PERIOD.exec(clause.text);
    // 十一五 ends in 2010, 十五 in 2005: a period that ended before the reference year is past
    const periodEnd = period ? 2005 + 5 * (PERIOD_NUMBERS.indexOf(period[1] ?? "") + 1) : null;
    const opening = clause.text.replace(DATELINE, "").replace(RUN_IN_MARKED, "");
    const month = MONTH_OPENING.exec(opening);
    const pastPeriod =
      (PAST_PERIOD.test(opening) && !plannedMonths(opening, clause, inSentence, report)) ||
      (periodEnd !== null && reference !== null && periodEnd < reference) ||
      (month !== null && Number(month[1]) < ledeMonth);
    if (pastPeriod || FINDINGS.test(clause.text)) past = true;
    // a five-year period not yet ended: in a report, its sentence that plans (“十四五”期间全国计划新建…) is the plan's, as
    // the year reported with a plan is below; 十四五以来 reviews
    else if (period?.[0].endsWith("以来")) past = true;
    else if (period && report && !sectionLooksBack && PLANNED.test(clause.sentence)) past = false;
    const change = OPENS_ON_CHANGE.exec(clause.text);
    if (
      change &&
      !BOUND_AFTER.test(clause.text.slice(change[0].length)) &&
      !FUTURE_WORDS.test(clause.sentence) &&
      !goalBefore(clause, clause.text)
    )
      past = true;
    if (RECOUNTS.test(clause.text)) recounting = past = true;
    else if (recounting && TURNING_AHEAD.test(clause.text)) recounting = past = false;
    const openAt = openBrackets(clause.text);
    let earlierYear = false; // whether the clause names a year before the reference (its 计划 is that year's)
    for (const m of clause.text.matchAll(CONTEXT_YEAR)) {
      // a year in brackets notes a base or a milestone (5.3亿人(2014年为3.6亿人)): it does not date the clause
      if (openAt(m.index) >= 0) continue;
      // A later year is the plan's future; the plan's own year is, in a report, the year reported.
      if (reference === null) continue;
      const y = Number(m[1]);
      if (y < reference) earlierYear = true;
      past = y < reference || ((report || figures || runInBack || lookingBack) && y === reference && past);
      // a year whose goals the clause goes on to state (2018年我省主要预期目标为:…): the goals are targets, whatever the year
      if (GOALS_OF_YEAR.test(clause.text.slice(m.index))) past = false;
      // in a report, the year reported with a plan in its sentence (2020年,交通运输领域将重点完成…): the plan's; not a year
      // after 其中, a breakdown of the figure before it (累计完成投资103730.73万元,其中2004年完成投资61688.8万元)
      const breakdown = /其中\s*$/.test(clause.text.slice(0, m.index));
      if (y === reference && report && !pastPeriod && !sectionLooksBack && !breakdown && PLANNED.test(clause.sentence))
        past = false;
      // the year named before the paragraph turns to 今年, and no plan words in its sentence: last year
      if (y === reference && clause.start < thisYearAt && !FUTURE_WORDS.test(clause.sentence)) past = true;
    }
    // the paragraph turns to 今年 (今年发展主要预期目标是:): what follows is the plan's; in a report, only when its
    // sentence says a plan (特别是今年…均创历史新高 reports this year). A later 今年 of the paragraph turns it back so
    // when its clause says a plan and nothing done ({@link THIS_YEAR_PLANS})
    if (
      ((thisYearAt >= clause.start && thisYearAt < clause.end) ||
        (THIS_YEAR_PLANS.test(clause.text) && !ALREADY.test(clause.text))) &&
      !pastPeriod &&
      !sectionLooksBack &&
      !recounting &&
      !(report && !FUTURE_WORDS.test(clause.sentence))
    )
      past = false;
    // a deadline not before the reference year: what follows is the plan's (去年7月,计划发布,提出到2020年,…)
    const deadline = FORWARD_DEADLINE.exec(clause.text);
    if (deadline && reference !== null && Number(deadline[1]) >= reference && !pastPeriod && !sectionLooksBack)
      past = false;
    // a report's sentence that hopes or strives for what it names: the plan's, not a result (clause by clause)
    // in a report, the clauses after one whose subject will do something (屯昌将始终坚持…,保持…比重在80%以上): the plan's
    const willDo = report && sentenceFacts.willAt >= 0 && inSentence >= sentenceFacts.willAt && !sectionLooksBack;
    const hoped = past && !pastPeriod && (sentenceFacts.hoped || willDo);
    const row = readTableRow(clause.text);
    let previous: string | null = null;
    const mentions = row ? [] : findMentions(clause);
    // a bracket that restates a count just stated (新建8个村庄公厕(8个村庄公厕均列入省任务)): no second target
    const bracketOpen = openBrackets(clause.text);
    const restated = new Set(
      mentions
        .filter((m) => {
          const open = bracketOpen(m.start);
          return open >= 0 && mentions.some((p) => p.end <= open && p.value === m.value && p.unit === m.unit);
        })
        .map((m) => m.start)
    );
    const shared = listNames(clause.text);
    const named = (mention: Mention, i: number) =>
      shared.length === mentions.length ? shared[i]! : (previous = indicatorName(mention, previous));
    // the words before a dateline inside the clause (近邻运动场 今年将建20处以上 厦门日报讯 (记者 路鹏宇)): a headline's copy
    const datelineAt = DATELINE_WITHIN.exec(clause.text)?.index ?? -1;
    const targets = row
      ? [{...row, baseline_year: null, per: null}]
      : mentions
          .map((mention, i) => ({...mention, indicator: named(mention, i), baseline: null}))
          .filter((mention) => mention.end > datelineAt && !restated.has(mention.start))
          .filter(
            (mention) =>
              namesTarget(clause.text, mention) ||
              (PLAN_OPENING.test(clause.text.slice(0, mention.start)) && !pastPeriod && !earlierYear) ||
              !(
                (past && !hoped) ||
                doneInSentence ||
                firstTime(clause.text.slice(0, mention.start)) ||
                RESULT_WORDS.test(clause.text.slice(0, mention.start)) ||
                (APPROXIMATE.test(clause.text.slice(mention.start, mention.end)) &&
                  !FUTURE_WORDS.test(clause.sentence) &&
                  !goalNamed(clause, mention)) ||
                (DONE_TOTAL.test(clause.text.slice(0, mention.start)) &&
                  !FUTURE_WORDS.test(clause.sentence) &&
                  !goalNamed(clause, mention)) ||
                (clause.text.includes("了") && PAST_TENSE.test(clause.text.slice(0, mention.start))) ||
                ((changeFollows || pairedChange || YEAR_ON_YEAR.test(clause.text.slice(0, mention.start))) &&
                  !goalNamed(clause, mention)) ||
                sentenceFacts.results ||
                (sentenceFacts.done &&
                  !goalNamed(clause, mention) &&
                  !THIS_YEAR.test(clause.text) &&
                  !FUTURE_WORDS.test(clause.text)) ||
                (FUNDING_SOURCE.test(clause.text.slice(0, mention.start)) &&
                  INVESTMENT_SPLIT.test(clause.sentence.slice(0, Math.max(0, inSentence) + mention.start))) ||
                doneAfter(clause.text, mention) ||
                statesWorks(clause.text.slice(0, mention.start), clause.text.slice(mention.end)) ||
                (CUMULATIVE_DONE.test(clause.text.slice(0, mention.start)) &&
                  !FUTURE_WORDS.test(clause.sentence.slice(0, Math.max(0, inSentence) + mention.start)) &&
                  (sentenceFacts.deadline === null || reference === null || sentenceFacts.deadline < reference)) ||
                (inSentence >= 0 &&
                  sentenceFacts.bases.some(
                    ([s, e]) => s <= inSentence + mention.start && inSentence + mention.start < e
                  ))
              )
          );
    for (const target of targets) {
      found.push({
        order: clause.start,
        section: clause.section,
        item: clause.item,
        indicator: target.indicator,
        comparator: target.comparator,
        value: target.value,
        value_max: target.value_max,
        unit: target.unit,
        year: sentenceFacts.deadline,
        scope: sentenceFacts.scope,
        baseline: target.baseline,
        baseline_year: target.baseline_year,
        per: target.per,
        cumulative: false,
        text: input.slice(clause.start, clause.end),
        start_offset: clause.start,
        end_offset: clause.end
      });
    }
  }
  if (longClauses > NAMED_LONG_CLAUSES)
    warn(`另有 ${longClauses - NAMED_LONG_CLAUSES} 个超过 ${MAX_CLAUSE} 字的分句,其中的数字同样未读取`);
  const clauseStarts = clauses.map((c) => c.start);
  for (const row of tables.rows) {
    const at = clauses[lastAtOrBefore(clauseStarts, row.start)];
    found.push({
      order: row.start,
      section: at?.section ?? 0,
      item: at?.item ?? 0,
      indicator: row.indicator,
      comparator: row.comparator,
      value: row.value,
      value_max: row.value_max,
      unit: row.unit,
      year: row.year,
      scope: null,
      baseline: row.baseline,
      baseline_year: row.baseline_year,
      per: null,
      cumulative: row.cumulative,
      text: input.slice(row.start, row.end),
      start_offset: row.start,
      end_offset: row.end
    });
  }
  found.sort((a, b) => a.order - b.order);
  const counters = new Map<string, number>();
  return withoutRestatements(withoutRestatedSubheadings(found, normalized), normalized).map(
    ({order: _order, ...target}) => {
      const key = `${target.section}.${target.item}`;
      const n = counters.get(key) ?? 0;
      counters.set(key, n + 1);
      return {id: `${key}${letter(n)}`, ...target};
    }
  );
}

/** Words right after such months that say what was done in them (1-5月实际完成, 上半年已完成): no deadline. */
const DONE_IN_MONTHS = /^[\s,,]*(?:实际|已(?:经)?|累计)(?:完成|实现|建成)/;
/** Months of this year opening a clause (上半年, 前三季度, 1—4月): see {@link plannedMonths}. */
const MONTHS_OPENING = new RegExp(String.raw`^(?:${PLACE})?(?:\d{4}年)?(?:今年|全年)?(?:${PASSED_MONTHS})`);

/**
 * Whether months of this year that open a clause are the plan's deadline, not a period passed: outside a report, when
 * its sentence up to the clause's end plans ({@link PLANNED}: 确保2024年建成通车高速公路500公里,…,上半年实现…突破10000公里;
 * 上半年将完成), unless the words after them say what was done ({@link DONE_IN_MONTHS}: 计划新增蓄水能力2万方,1-5月实际完成…
 * 0.88万方). `inSentence` is the clause's offset in its sentence (-1: not found, the whole sentence is read).
 */
function plannedMonths(opening: string, clause: Clause, inSentence: number, report: boolean): boolean {
  const months = MONTHS_OPENING.exec(opening);
  if (report || !months || DONE_IN_MONTHS.test(opening.slice(months[0].length))) return false;
  const upTo = inSentence >= 0 ? inSentence + clause.text.length : clause.sentence.length;
  return PLANNED.test(clause.sentence.slice(0, upTo));
}

/** Whether the words around a number name it the target (超额完成40所的年度目标任务, 完成全年目标任务(10万公里)). */
function namesTarget(text: string, mention: Mention): boolean {
  if (NAMED_TARGET.test(text.slice(mention.end)) || NAMED_IN_LIST.test(text.slice(mention.end))) return true;
  const before = text.slice(0, mention.start);
  // not a difference from it (好于年度目标0.6个百分点), nor a share of it (占年度投资目标92.40%, 完成年度预期目标46.4%,
  // 完成年度任务100.8%)
  return (
    NAMED_BEFORE.test(before) &&
    !(mention.unit === "百分点" && /(?:好于|优于|高于|低于|超过|超出)[^,;]*$/.test(before)) &&
    !(mention.unit === "%" && /(?:占|完成)[^,;]{0,8}(?:目标(?:任务)?|计划|任务)的?$/.test(before))
  );
}

/**
 * Whether a subheading opens a look back: it names only years before the plan's; or, naming the plan's own year
 * (2008年工作回顾 in a 2008 text) or the plan's year unknown, its head noun looks back (2022年工作回顾, 主要成绩, 目标任务完成情况;
 * not 巩固拓展脱贫攻坚成果, nor 2023年工作总结及2024年工作计划) or it names only years before the latest of the text
 * (`reference`).
 */
function lookingBackFrom(subheading: string, planYear: number | null, reference: number | null): boolean {
  const years = [...subheading.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
  // years before the plan's look back; a later one looks ahead; the plan's own year, as its head noun says
  if (years.length > 0 && planYear !== null && !years.every((y) => y <= planYear)) return false;
  if (years.length > 0 && planYear !== null && years.every((y) => y < planYear)) return true;
  const heading = subheading.trim();
  const back = [...heading.matchAll(LOOK_BACK)].at(-1);
  const ahead = [...heading.matchAll(LOOK_AHEAD)].at(-1);
  const object =
    back &&
    (PLAN_OBJECT.test(heading.slice(0, back.index)) ||
      (back[0] === "总结" && SUMMING_UP.test(heading.slice(back.index + 2))));
  if (back && !object && (!ahead || ahead.index < back.index)) return true;
  return !ahead && reference !== null && years.length > 0 && years.every((y) => y < reference);
}

/** Words of a heading that turn a report to what is to be done (二、下一步工作打算, 明年工作计划, 2024年工作思路). */
const PLAN_HEADING = /明年|下一步|下阶段|下半年|今后|计划|打算|展望|思路|安排|要点|部署/;
/**
 * Words that look ahead, anywhere in a text: a plan heading's ({@link PLAN_HEADING}: 下一步, 打算, 安排 …), 将, 力争, 目标,
 * 任务, 今年, 到2025年 …; not 将近, 主要, 重要.
 */
const LOOKING_AHEAD = new RegExp(
  String.raw`${PLAN_HEADING.source}|将(?!近)|(?<![主重需只必])要(?!求|素|点)|力争|确保|规划|争取|目标|任务|预期|(?<!模)拟|设想|今年(?!以来)|未来|(?<!截)(?:到|至)\d{4}年`
);
/** Words that say a work was done or honoured (提前完成, 圆满完成, 已完成, 被命名为, 荣获, 入选): a review's. */
const DONE_WORDS = /(?:提前|超额|基本|圆满|顺利|已(?:经)?|均已)完成|被(?:评为|命名为|授予|列为)|荣获|获评|入选/;
/** Words of a progress note (进展情况, 完成情况): it measures against the tasks it quotes. */
const PROGRESS_NOTE = /进展|(?:完成|落实|推进|实施|执行)情况/;
/** A task or goal done (提前完成任务, 基本完成年度目标, 完成年度目标任务): it looks back. */
const AHEAD_DONE = /完成[^,,。;]{0,12}?(?:目标|任务)/g;

/**
 * Whether a heading that does not look back turns a report to the plan: its words ({@link PLAN_HEADING}) or a year after
 * the reference (二、2024年工作 in a review of 2023); not 重点工作 nor 目标任务 alone, which a review reports on too.
 */
function turnsToPlan(heading: string, reference: number | null): boolean {
  const years = [...heading.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
  return PLAN_HEADING.test(heading) || (reference !== null && years.some((y) => y > reference));
}

/**
 * Whether a section heading turns to what is to be done: 二、2023年工作任务, 下一步工作打算, a year not before the
 * reference (二、2023年工作), and it does not look back.
 */
function looksAhead(heading: string, planYear: number | null, reference: number | null): boolean {
  if (lookingBackFrom(heading, planYear, reference)) return false;
  const years = [...heading.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
  return (
    new RegExp(LOOK_AHEAD.source).test(heading) ||
    /今年|明年|下一步|下阶段/.test(heading) ||
    (reference !== null && years.some((y) => y >= reference))
  );
}

/**
 * Where the headline block ends: the first non-empty line when it reads as a headline (up to 60 characters, no full
 * stop; a comma allowed: 河南省政府发文,要求…到100%), and the short lines without a clause mark straight after it
 * (a subtitle: 今年GDP预期增长7.5%左右), or the headline printed again (a mirror's copy); a site's greeting above it is
 * skipped. They restate what the text says; they state no targets. 0 when there is none.
 */
function headlineBlockEnd(lines: readonly string[]): number {
  let at = 0;
  let end = 0;
  let first = true;
  let headline = "";
  for (const line of lines) {
    const next = at + line.length + 1;
    if (line.trim() && !(first && GREETING.test(line.trim()))) {
      // a mirror's or WeChat copy's headline printed twice: the repeat is the headline still
      const fits = first ? HEADLINE.test(line.trim()) : SUBHEADING_LINE.test(line.trim()) || line.trim() === headline;
      if (!fits || NUMBERED.test(line)) break;
      end = next;
      if (first) headline = line.trim();
      // a page's breadcrumbs (首页>地方频道>要闻) above the headline: the line after them is the headline
      first = BREADCRUMBS.test(line.trim());
    }
    at = next;
  }
  return end;
}
/** A line under the headline that is no prose: up to 60 characters, no clause mark. */
const SUBHEADING_LINE = /^[^,,。;:!?]{1,60}$/;

/** 截至 and a year (截至2025年年底), the words after it up to the sentence's end. */
const CUTOFF = /截[至止](\s*(\d{4})\s*年[^。;\n]*)/g;
/** Words after a cutoff that bound or promise what it names: a goal, not a result (不低于50亿元, 力争). */
const CUTOFF_GOAL = /将|力争|确保|不低于|不少于|不高于|不超过/;

/**
 * 截至 before a year that is not past (截至2025年年底,全市绿色贷款较年初新增不低于50亿元, in a 2025 plan) is a deadline:
 * written 直到 (of the same length, offsets kept), so that it reads as 到2025年 does, and not as a report's 截至2023年底.
 * A later year, or the plan's (else the latest named) when the words after it bound or promise.
 */
function forwardCutoffs(text: string, planYear: number | null): string {
  const reference = planYear ?? latestYear(text);
  if (reference === null) return text;
  return text.replace(CUTOFF, (whole, rest: string, year: string) =>
    Number(year) > reference || (Number(year) === reference && CUTOFF_GOAL.test(rest)) ? `直到${rest}` : whole
  );
}

/** The latest plausible calendar year the text names (2023年), else null. */
function latestYear(text: string): number | null {
  let latest: number | null = null;
  for (const m of text.matchAll(/(?<!\d)(\d{4})\s*年/g)) {
    const y = Number(m[1]);
    if (y >= 1949 && y <= 2100 && (latest === null || y > latest)) latest = y;
  }
  return latest;
}

/** A numbered line that ends in a percentage (1.完成工程招標50%, 4.第一期工程開工(70%)). */
const SCALE_STEP = /^\s*\d{1,2}[.、](?!\d).*?(\d+(?:\.\d+)?)%\)?\s*$/;

/**
 * The lines of a grading scale: three or more numbered lines in a row, each ending in a percentage
 * that rises to 100% (1.完成招標50% … 4.市場啟用100%). They measure progress toward one target; none is a target.
 */
function gradingScale(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  const close = () => {
    const values = run.map((i) => Number(SCALE_STEP.exec(lines[i]!)![1]));
    if (run.length >= 3 && values.at(-1) === 100 && values.every((v, k) => k === 0 || v >= values[k - 1]!))
      for (const i of run) out.add(i);
    run = [];
  };
  lines.forEach((line, i) => (SCALE_STEP.test(line) ? run.push(i) : close()));
  close();
  return out;
}

/**
 * Whether a count opens its clause (nothing before promises or does it, or only 对 names it the object, 其他 the rest, or a list of
 * names ends with 等 before it) and the words after it say it was done (46项任务全部完成, 北京、天津等22个省份已完成,
 * 对6所小学进行了环境改造).
 */
function doneAfter(text: string, mention: Mention): boolean {
  return (
    /^(?:共|约|累计|对|其他|其余)?\s*$|等\s*$/.test(text.slice(0, mention.start)) &&
    DONE_AFTER.test(text.slice(mention.end))
  );
}

/** Whether the words before a number pass a threshold for the first time, no goal named before (see {@link FIRST_TIME}). */
function firstTime(before: string): boolean {
  const at = FIRST_TIME.exec(before);
  return at !== null && !GOAL_WORDS.test(before.slice(0, at.index));
}

/** Where the last match of the global `pattern` in `text` starts, else -1. */
function lastIndex(pattern: RegExp, text: string): number {
  let at = -1;
  for (const m of text.matchAll(pattern)) at = m.index;
  return at;
}

/**
 * Where in `sentence` the last clause opening on an unbounded change against last year starts (see
 * {@link CHANGE_ON_LAST_YEAR}), else -1.
 */
function lastChangeOnLastYear(sentence: string): number {
  let at = -1;
  for (const m of sentence.matchAll(CHANGE_ON_LAST_YEAR))
    if (!BOUND_AFTER.test(sentence.slice(m.index + m[0].length))) at = m.index;
  return at;
}

/**
 * Where a sentence names a comparison's base ({@link COMPARED_WITH}), as [start, end) spans: from 较 to the word that
 * compares, when it is in the base's clause or the next one, that clause planning nothing (较2024年62亿元,更新4.1万台大幅扩容);
 * else to the base's clause end. None for a year not before `reference`, nor for a change right after the base.
 */
function comparisonBases(sentence: string, reference: number | null): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of sentence.matchAll(COMPARED_WITH)) {
    if (m[1] !== undefined && (reference === null || Number(m[1]) >= reference)) continue;
    const from = m.index + m[0].length;
    const change = COMPARED.exec(sentence.slice(from));
    if (change?.index === 0) continue;
    const changeAt = change ? from + change.index : -1;
    const clauseEnd = from + (/[,,;;。]|$/.exec(sentence.slice(from))?.index ?? 0);
    if (changeAt >= 0 && changeAt < clauseEnd) spans.push([m.index, changeAt]);
    else {
      const next = sentence.slice(
        clauseEnd + 1,
        clauseEnd + 1 + (/[,,;;。]|$/.exec(sentence.slice(clauseEnd + 1))?.index ?? 0)
      );
      const closes =
        changeAt > clauseEnd &&
        changeAt <= clauseEnd + next.length &&
        !FUTURE_WORDS.test(next) &&
        !/达到|以上|不低于|不少于/.test(next);
      spans.push([m.index, closes ? changeAt : clauseEnd]);
    }
  }
  return spans;
}

/** The index of the last of the ascending `starts` that is ≤ `offset` (-1 when none is). */
function lastAtOrBefore(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** a … z, then z1, z2 … (a plan item rarely holds more than a few targets). */
function letter(n: number): string {
  return n < 26 ? String.fromCharCode(97 + n) : `z${n - 25}`;
}
