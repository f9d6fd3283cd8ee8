import type {Clause} from "../plan/index.js";
import {parseChineseNumeral, parsePlanNumber} from "../plan/index.js";
import {describesEvent} from "./eventCounts.js";

/** How a target compares the actual with its value (DESIGN.md, targets table). */
export type Comparator = ">=" | "<=" | "=" | ">" | "<" | "between" | "increase" | "decrease";

/** A number with a unit in a clause that reads as a target. Offsets are within the clause. */
export interface Mention {
  start: number;
  end: number;
  value: number;
  value_max: number | null;
  unit: string;
  comparator: Comparator;
  baseline_year: number | null;
  /** `year` for targets that repeat every year (逐年下降 1 个百分点). */
  per: "year" | null;
  /** Text between the previous mention (or the clause start) and this one, comparator words removed. */
  before: string;
  /** Text after the mention up to the next boundary (、 和 及 与, a number, the clause end). */
  after: string;
  /** True for 全覆盖 (value 100 %). */
  coverage: boolean;
}

/** Masses counted as a fuel or an emission: 吨标准煤, 吨标煤, 公斤二氧化碳当量, 公斤CO2e (see {@link UNITS}). */
const MASSES = ["吨", "公斤", "千克"];
const COUNTED_AS = ["标准煤", "标煤", "二氧化碳当量", "二氧化碳", "CO2当量", "CO2e", "CO₂e"];

/**
 * Units a target may be counted in, the one list of them: counts (所 个 名 …), money, areas and lengths (亩 公顷 公里),
 * rates (% ‰ 百分点, per 10万), ages and durations (岁 年 小时: only where the indicator is one), energy and freight
 * (千瓦 and 千瓦时, whose 千 is no multiplier: 12亿千瓦; 兆瓦, MW, GW; 标准箱, 标箱), a mass counted as a fuel or an
 * emission (吨标准煤, 公斤二氧化碳当量), concentrations (毫克/升, μg/m3), computing and storage (EFLOPS, PFLOPS, EB),
 * trips (人次, 项次, 车次, 架次), transport work (吨公里, 人公里: 运输总周转量1208亿吨公里), dollars (美元: 492亿美元), times (毫秒). A unit may be per a time or a quantity ({@link PER}: 立方米/秒, 公斤CO2e/度).
 */
export const UNITS = [
  ...MASSES.flatMap((mass) => COUNTED_AS.map((what) => `${mass}${what}`)),
  "个百分点",
  "千瓦时",
  "标准箱",
  "千瓦",
  "兆瓦",
  "瓩",
  "EFLOPS",
  "PFLOPS",
  "TFLOPS",
  "EFlops",
  "PFlops",
  "GWh",
  "MWh",
  "kWh",
  "GW",
  "MW",
  "kW",
  "EB",
  "PB",
  "μg/m3",
  "μg/m³",
  "µg/m3",
  "µg/m³",
  "ug/m3",
  "mg/L",
  "mg/l",
  "毫克/升",
  "毫秒",
  "标箱",
  "车次",
  "架次",
  "百分点",
  "个小时",
  "微克/立方米",
  "毫克/立方米",
  "平方公里",
  "平方千米",
  "吨公里",
  "人公里",
  "平方米",
  "平米",
  "立方米",
  "人次",
  "场次",
  "项次",
  "万元",
  "亿元",
  "美元",
  "港元",
  "欧元",
  "公里",
  "千米",
  "公顷",
  "公斤",
  "千克",
  "课时",
  "小时",
  "批次",
  "个工作日",
  "工作日",
  "工日",
  "km²",
  "km2",
  "m²",
  "m2",
  "m³",
  "m3",
  "/10万",
  "%",
  "‰",
  "所",
  "个",
  "名",
  "人",
  "门",
  "项",
  "次",
  "家",
  "座",
  "场",
  "间",
  "张",
  "台",
  "种",
  "户",
  "元",
  "节",
  "班",
  "篇",
  "部",
  "条",
  "亩",
  "株",
  "棵",
  "处",
  "套",
  "床",
  "辆",
  "吨",
  "斤",
  "栋",
  "块",
  "例",
  "册",
  "件",
  "页",
  "岁",
  "年"
];
/** What a unit may be per (立方米/秒, 毫克/升, 吨标准煤/万元, 公斤CO2e/度, a density 公里/万平方公里, a rate per thousand people 批次/千人). */
const PER = [
  "秒",
  "升",
  "立方米",
  "度",
  "千瓦时",
  "万元",
  "日",
  "天",
  "小时",
  "万平方公里",
  "百平方公里",
  "平方公里",
  "千人"
];
/** Units that spell another: 个百分点 is 百分点, 个小时 小时. */
const UNIT_ALIASES: Record<string, string> = {
  个百分点: "百分点",
  个小时: "小时",
  个工作日: "工作日",
  "km²": "平方公里",
  km2: "平方公里",
  "m²": "平方米",
  m2: "平方米",
  "m³": "立方米",
  m3: "立方米",
  "μg/m3": "微克/立方米",
  "μg/m³": "微克/立方米",
  "µg/m3": "微克/立方米",
  "µg/m³": "微克/立方米",
  "ug/m3": "微克/立方米",
  "mg/L": "毫克/升",
  "mg/l": "毫克/升",
  EFlops: "EFLOPS",
  PFlops: "PFLOPS"
};
/**
 * Characters that are never a measure word after a number (dates and times, multiples, grades and ranks (500强), versions, and the
 * words that say a bound or join a list): any other single character that ends its phrase is one (存栏0.95万头、, 完成土石方
 * 1325.2万方,), so a unit outside the vocabulary is still read.
 */
const NOT_MEASURE =
  "月日号时分秒周天年季期届版倍度点级强佳等余多左右内外前后上下中以及和与或各共约超达为至到是的了在第万亿";
/** What may follow a measure word: the end of its phrase (a bound, a list's next value, a bracket, a clause mark). */
const PHRASE_END = String.raw`\s*(?:以上|及以上|以下|以内|左右|[,;。、)(和与及]|$)`;
/**
 * Words that name an age or a duration as an indicator (人均预期寿命, 受教育年限): a target may be counted in 岁 or 年 only then.
 */
const AGE_OR_DURATION = /寿命|年龄|年限|年数|学制|工龄|时长/;
/**
 * Words before a count of working days that name a time as the indicator (审批时间压缩至90个工作日以内): only then is 工作日 a
 * target's unit, not a procedure's time limit (环评报告书14个工作日内完成审批).
 */
const TIME_INDICATOR = /时间|时限|时长|用时|周期/;
/** A noun the indicator's count is carried by when a number has only 万 or 亿 (体检人数达1000万, 新增就业目标1200万): its unit. */
const NOUN_UNITS: [RegExp, string][] = [
  [/人次$/, "人次"],
  [/人数$/, "人"],
  [/就业(?:目标)?$/, "人"],
  [/户数$/, "户"],
  [/次数$/, "次"]
];

/**
 * A number in digits, its thousands parted by commas or spaces (1,500, 77 100: not a percentage, 98 100% is two
 * cells); a page's spaces inside it are read through (6 . 5%, 1200 万人).
 */
const ARABIC = String.raw`(?:\d{1,3}(?:,\d{3})+|(?<![\d.A-Za-z])\d{1,3}(?: \d{3})+(?![\d.%‰])|\d+)(?:\.\d+| \. \d+)?(?: ?(?:万亿|兆(?![瓦赫帕焦欧伏字位比])|[万亿]))?`;
/** Digits with Chinese magnitudes inside: 41万9100, 1万2千, 3亿5千万, 3亿5000万, 5千万 (千 of 千米, 千瓦… is the unit's). */
const MIXED = String.raw`\d+(?:亿\d+千?万|[千百][万亿]|万\d{1,4}(?:[千百](?![米克瓦伏]))?(?![\d.万亿]))`;
/** A Chinese numeral: 三十, 两千万, 一千二百万, 三亿五千万, 一万二千. */
const CHINESE = "[零〇一二两三四五六七八九十百千]+(?:[万亿]+[零〇一二两三四五六七八九十百千]+)*(?:万亿|[万亿])?";
const NUMBER = `(?:${MIXED}|${ARABIC}|${CHINESE})`;
const RANGE_SEP = "\\s*(?:——|—|–|-|~|至|到)\\s*";
/**
 * A unit of {@link UNITS} (one in Latin letters not followed by another letter: 20 GW, not 5G; 部 not of 部门 or 部分:
 * 六部门联合印发 counts the issuers), per one of {@link PER}.
 */
const UNIT = `(?:(?:${[...UNITS]
  .sort((a, b) => b.length - a.length)
  .map((u) => (/[A-Za-z\d²³]$/.test(u) ? `${u}(?![A-Za-z])` : u === "部" ? "部(?![门分])" : u))
  .join("|")})(?:/(?:${PER.join("|")}))?)`;
/** People a number with only 万 or 亿 may count directly (为200万中小学生, 惠及10万群众): its unit is 人. */
const PEOPLE = String.raw`[\u4e00-\u9fa5]{0,4}?(?:学生|儿童|少年|老人|老年人|群众|居民|农民|职工|妇女|青年|患者|残疾人|人口)`;
/** A measure word outside the vocabulary: a Chinese character that ends its phrase (万头、, 1325.2万方,). */
const MEASURE = String.raw`(?![${NOT_MEASURE}])[\u4e00-\u9fa5](?=${PHRASE_END})`;
/**
 * The rest of a list after a value without a unit, up to its last value and that value's unit (a unit the whole list
 * shares): 4.68万和7000个, 小学6000、初中4000、高中2000个, 90、85和80%. Each further value may follow a short name; a list
 * is read up to 14 values, so the work stays linear.
 */
const LIST_TAIL = String.raw`(?:\s*[、和与及]\s*[\u4e00-\u9fa5]{0,8}?${ARABIC}(?![\d.])){0,12}?\s*[、和与及]\s*[\u4e00-\u9fa5]{0,8}?${ARABIC}\s*(?:${UNIT}(?!月|工作日|星期|性)|${MEASURE})`;
/** The unit a list's last value carries, read from the rest of the list (see {@link LIST_TAIL}). */
const LIST_UNIT = new RegExp(String.raw`^(?=${LIST_TAIL})(?:.*?)${ARABIC}\s*(${UNIT}|${MEASURE})`);
/**
 * A number (or range) with its unit (余 or 多 between: at least), a number with only 万 or 亿 that a
 * noun gives the unit of (体检人数达1000万以上) or that counts people (200万中小学生), a score after an index's name (指数达85), or 全覆盖
 * (100 %).
 */
/** After a number with only 万 or 亿, what makes it a count: a bound, a list's end, or the people it counts. */
const BARE_MULTIPLIER = `(?<=[万亿兆])(?=以上|及以上|左右|[,;。、)和与及]|$|(?<people>${PEOPLE}))`;
/** Households a number counts directly, the noun's 户 its unit (带动3000农户, 帮扶500贫困户). */
const HOUSEHOLDS = String.raw`(?=(?<households>(?:农|贫困|脱贫|困难|低保)户))`;
/**
 * Indicators whose value has no unit: an index or a score (指数达85), a ratio (PUE降低到1.3以下), a count per people or
 * vehicles (每千人口执业医师数3.2, 万车死亡率不超过2.2).
 */
const SCORED = String.raw`指数|系数|得分|评分|分值|PUE|(?:每|万)[千万百十]?(?:人口|人|车|辆)[\u4e00-\u9fa5()]{0,12}?(?:数|率)`;
/** The verb between such an indicator and its value. */
const SCORE_VERB =
  "达到|达|为|提高到|提升至|保持在|降低到|降低至|降至|下降到|控制在|不超过|不高于|不低于|不少于|低于|超过|高于";
/** A margin either side of a value (28±2%, 5%±0.5, 28%加减2%): a range from value − margin to value + margin. */
const PLUS_MINUS = String.raw`(?:(?<pmUnit>[%‰])?\s*(?:±|\+/-|加减)\s*(?<pm>\d+(?:\.\d+)?))?`;
/** Right after a margin whose value carried the unit (5%±0.5): the unit is that value's. */
const PLUS_MINUS_AFTER = String.raw`\s*(?:±|\+/-|加减)\s*\d+(?:\.\d+)?(?![\d.])`;
/**
 * A ratio 1:N after the name of one (床人比不低于1:1.6, 医护比1:1.2, 师生比达到1:15): read as N, with no unit, the
 * comparator as the words say (docs/plans.md). A ratio whose first term is not 1 is not read.
 */
const RATIO = String.raw`(?<=比(?:例)?[^\d,;。]{0,6})(?<![\d.])1\s*[:∶]\s*(?<ratio>\d+(?:\.\d+)?)(?![\d.:∶%])`;
/**
 * A ratio N:1 a goal sets for a 比 or a 差距 (城乡居民收入差距缩小到1.6:1以内, 之比达到2.2:1): read as N, with no unit,
 * the comparator as the words say; not one a sentence states (比例为2:1).
 */
const RATIO_TO_ONE = String.raw`(?<=(?:比|差距)[^\d,;。]{0,6}(?:达到|缩小到|缩小至|控制在|降至|降到|下降到|不高于|不超过|不低于|提高到|提升到|保持在))(?<![\d.])(?<ratioN>\d+(?:\.\d+)?)\s*[:∶]\s*1(?![\d.:∶%])`;
/**
 * A multiple a goal sets (产值提高到2倍, 服务能力≥2倍, 达到2020年的2倍以上, 不高于理论时延1.5倍): N in 倍, only after such a
 * verb or sign (增长了1.3倍, 是全国平均水平的2倍 state one; 翻一番 names no figure).
 */
const MULTIPLE = String.raw`(?<=(?:提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|扩大到|扩大至|达到|≥|>=|不低于|不少于|不高于|不超过)(?:\d{4}\s*年)?[^\d,;。]{0,8}?)(?<![\d.])(?<multiple>\d+(?:\.\d+)?)\s*倍(?!数)`;
/** The numeral of a percentage in words (百分之五, 百分之四点五, as the Taiwan and Hong Kong press prints them). */
const PERCENT_NUMERAL = "[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?";
const MENTION = new RegExp(
  `(?:百分之(?<pctLow>${PERCENT_NUMERAL})${RANGE_SEP})?百分之(?<pct>${PERCENT_NUMERAL})|` +
    `(?<symbol>[≥≤><]=?\\s*)?(?:(?<low>${NUMBER})%?${RANGE_SEP})?(?<num>${NUMBER})${PLUS_MINUS}(?<more>余|多)?\\s*` +
    `(?:(?<unit>${UNIT})(?!月|工作日|星期|性)|${BARE_MULTIPLIER}|${HOUSEHOLDS}|(?<=[万亿])(?<kwh>度)|(?<=[%‰]${PLUS_MINUS_AFTER})|(?![${NOT_MEASURE}])(?<measure>[\u4e00-\u9fa5])(?=${PHRASE_END}))` +
    `|(?<=(?:${SCORED})(?:${SCORE_VERB})?)(?<score>\\d+(?:\\.\\d+)?)(?![\\d.%‰万亿]|\\s*(?:${UNIT}))` +
    `|(?<![\\d.])(?<bare>${ARABIC})(?=${LIST_TAIL})` +
    `|${RATIO}` +
    `|${RATIO_TO_ONE}` +
    `|${MULTIPLE}` +
    // not the 全 of a word before it (健全覆盖全民的…体系: 健全 the verb)
    `|(?<![健齐安周])(?<coverage>全覆盖)`,
  "g"
);
const IS_CHINESE = /^[零〇一二两三四五六七八九十百千]/;
/**
 * A Chinese numeral that counts (a digit and a magnitude: 三十, 五千, 二千亿, 三万) before a unit of the vocabulary: a
 * quantity with or without a verb before it (增加五千张病床, 三万个简约公屋单位), unlike 一人一档.
 */
const CHINESE_QUANTITY = /[一二两三四五六七八九][十百千万亿]/;

const BEFORE_RULES: [RegExp, Comparator][] = [
  [
    /(降至|降到|下降到|下降至|降低到|降低至|减少到|减少至|减至|减到|压减到|压减至|压降到|压降至|压缩到|压缩至|缩小到|缩小至)$/,
    "<="
  ],
  [/(不少于|不低于|不小于|至少|≥|>=)$/, ">="],
  [/(不超过|不高于|不多于|不大于|控制在|控制为|≤|<=)$/, "<="],
  [/(超过|超出|超|逾|高于|多于|大于|>)$/, ">"],
  [/(低于|少于|小于|<)$/, "<"]
];
/** What a value is per, between the verb and the value (降至每度电0.241公斤): the verb still says the comparator. */
const PER_UNIT = /每(?:度电?|千瓦时|吨|公斤|人|户|万元)$/;
/** Words of reaching that say `>=` and are no part of the indicator. */
const REACH = /(力争|争取|确保|累计)?(达到|达|实现|完成|提升至|提升到|提高至|提高到|增至|保持在|稳定在)?$/;
/** Counting verbs that say `>=` and stay in the indicator (新增学位). */
const COUNT = /(新增|新建成|新建|建成|增加)$/;
const CHANGE = /(?:较|比)(\d{4})年(?:底|末)?[\u4e00-\u9fa5]{0,8}?(增加|增长|提高|提升|扩大|减少|下降|降低|压减)$/;
/**
 * An amount more than last year's or a past five-year period's end (力争比上年增长50亿元, 比“十三五”末增0.8亿元): a rise by that
 * amount (a rate, 比上年增长8%, is a level).
 */
const LAST_YEAR_CHANGE =
  /(?:较|比)(?:上年|去年|上一年|“?十[一二三四五]五”?(?:期)?末)[\u4e00-\u9fa5]{0,4}?(增加|增长|增|减少|下降|降低|减)$/;
/** A rise opening a clause (增加0.24亿元) right after a level in the same unit (总收入达2.63亿元,): the level's rise. */
const RISE_ALONE = /^(增加|减少)$/;
/** The change words of {@link CHANGE}, {@link LAST_YEAR_CHANGE} and {@link YEARLY} that say `decrease`. */
const FALLING = /减少|下降|降低|压减|降幅/;
/** A change every year, a list's too (年均分别增长10%和12%). */
const YEARLY = /(?:逐年|每年|年均)(?:分别)?(增加|增长|增速|增幅|提高|提升|减少|下降|降低|降幅)$/;
/**
 * A change by percentage points, or an age by years, with no base year (入托率提高6个百分点, 人均预期寿命再提升1岁): a rise
 * or fall over the plan's period.
 */
const POINTS_CHANGE = /(提高|提升|增加|增长|上升|扩大|下降|降低|减少|压减|缩小)$/;
/** 以上 right after the unit, or after a short noun (500所小学以上), within the same phrase. */
const AT_LEAST_AFTER = /^(?:[^\s\d,、;和及与]{0,8}?)(以上|及以上)/;
const AT_MOST_AFTER = /^(以下|及以下|以内)/;
/** 左右 right after the unit: about (GDP增长5%左右, 保持在4%左右), unless the words before say a bound (控制在). */
const ABOUT_AFTER = /^左右/;
/** A value a plan sets (赤字率拟按3%安排, with 安排 after the value): exactly that. */
const SET_AT = /(?:拟)?按$/;
/** Verbs a Chinese numeral must follow (or a comparator) to count: 一人一档 is no target. */
const COUNTING_VERBS =
  "新建成|新建|新增|建成|建设|培育|创建|打造|开设|开展|完成|实现|达到|达|增加|认定|遴选|举办|招收|培训";
const COUNTING_VERB = new RegExp(`(${COUNTING_VERBS})$`);
/** An action anywhere in a phrase (what a scope word no longer governs). */
const ACTION = new RegExp(`${COUNTING_VERBS}|实施|改造|提升|整治`);

/** Indicators whose target is a ceiling (a concentration, a death rate): a neutral verb means at most. */
const LOWER_IS_BETTER = /浓度|死亡率|发病率|发生率|事故率|能耗|排放量|排放系数|排放强度|失业率|辍学率|超标/;
/** Such an indicator's name right before its value, no verb between (婴儿死亡率 5.0‰). */
const LOWER_IS_BETTER_END = new RegExp(`(?:${LOWER_IS_BETTER.source})$`);
/**
 * What follows a count that only describes (针对12个乡镇, 涵盖6个发展领域, 10件民生实事); not a bracket after it, nor a
 * count listed in 实事 (新建改造化粪池2880户(其中490户列入省为民办实事项目): the households are the target).
 */
const DESCRIPTIVE_NOUN =
  /^(?:大)?(?:[\u4e00-\u9fa5]{0,2}领域|方面|维度|板块|大类|类别|环节|原则)|^(?![^,;。]*?(?:列入|纳入))[^,;。()]{0,40}?实事/;
/**
 * What follows a count that 全覆盖 spans in its phrase (实现11个镇(街道)应急消防管理站建设全覆盖): the scope of the
 * coverage (its target is 100 %), no target of its own.
 */
const COVERAGE_SCOPE = /^[^,;。\d]{0,24}?全覆盖/;
/** Words before a count that make it the scope or what a text has, not the target (针对12个乡镇, 纲要共设18篇; 预计共有 plans). */
const DESCRIPTIVE_VERB =
  /(针对|涉及|涵盖|包括|包含|分为|共分|围绕|聚焦|列入|列举|确定了?|共设|设有|下设|(?<!预计)共有)$/;
/**
 * The counts a list names before the next (共有15个部分、61条; a document's parts run on, 共分19篇65章): the verb before them
 * governs this one too.
 */
const COUNTS_LISTED = /(?:\d+[\u4e00-\u9fa5]{1,12}[、和及与]|\d+[篇章节])+$/;
/** The scope further on (涉及全县15个镇、乡村道路700多处): 涉及, 涵盖 or 针对 and no action before the count. */
const DESCRIPTIVE_SCOPE = /(?:针对|涉及|涵盖)([^,;。]{0,24})$/;
/**
 * What a document sets out (现将规划中明确提出的9项具体建设任务…进行责任分解, a heading's 应急体系9个具体建设任务, 明确145项目标任务,
 * 细化为222个具体工作内容), or lists (列入2013年“四大行动计划”的660个项目): a count of its tasks or projects that no action
 * before it does, no target.
 */
const SET_OUT_BEFORE =
  /(?:(?:提出|明确|确定|列出|部署|规定)|(?:列入|纳入)[^,;。]{0,24}?(?:计划|规划|方案|清单|名单)[”"」]?)的(?:[^,;。]{0,24}?[和及、])?$/;
const TASKS_AFTER = /^(?:具体|重点|主要)?(?:建设|工作|目标)?(?:任务|举措|措施|内容)(?:[,;。和及、]|$)/;
/**
 * Who attends, not what is done (参加大会的237名代表, 出席会议的代表155人, 应到代表172人; after: 2900名代表出席开幕式,
 * 共计100余人参加了会议; 1000人参加技能培训 is a target).
 */
const ATTENDING =
  /(?:参加|出席|列席)[^,;。]{0,24}的(?:代表|委员|人员)?$|(?:应到|实到|应出席|实际出席)(?:代表|委员|人员)?$/;
const ATTENDING_AFTER =
  /^[^\d,;。]{0,16}?(?:代表|委员|嘉宾|主席|主任|负责人|同志)(?:们)?(?:出席|参加|列席)了?(?:本次|此次|这次)?(?:会议|大会|座谈会|开幕式|闭幕式)|^(?:代表|委员|嘉宾)(?:们)?(?:出席|参加|列席)|^(?:出席|参加|列席)了?(?:本次|此次|这次)?(?:会议|大会|座谈会|开幕式|闭幕式)/;
/** A contact field's label and its words before a number (联系地址:市政中心517室, 地址:某路88号): an address. */
const CONTACT_BEFORE = /(?:地址|住址|通讯处|邮编|邮政编码|电话|传真|邮箱)\s*[::]\s*[^,;。:]{0,30}$/;
/** A demand the text projects (总房屋需求为41万9100个单位, 预计需求是301 000个): what a target meets, no target. */
const DEMAND_BEFORE = /需求量?(?:为|是|约|达)?$/;
/**
 * A forecast in the value's clause (人均GDP可望突破4万美元, 预估…会超过5%, 概估为7.64%, 上看2,000亿元, 将接近1兆美元): no
 * target, unless the value names the target it may reach (有望实现60%的目标).
 */
const FORECAST_BEFORE = /可望|有望|概估|预估|上看|将接近/;
/** A number that a formula multiplies or divides by (计划数*100%): no target. */
const FORMULA = /[*×÷/]\s*$/;
/** A bracket right after a name: what it holds at the end of a cell or line is a weight (推展會展活動(6%)). */
const WEIGHT = /[\u4e00-\u9fa5)」”]\s*\($/;
/** People or households a measure reaches (涉及居民865万户): a count of them is its target, not its scope. */
const REACHED = /^[\u4e00-\u9fa5]{0,4}?(?:居民|群众|农户|家庭|住户|人口|学生|职工)$/;
/** A base the target builds on (在2023年117公里的基础上翻了一番). */
const BASE_AFTER = /^(?:的)?基础上/;
/** A change's starting value (由现在的46.7%提高至90%, 从19.6/10万下降到18.3/10万): the words before and after it. */
const CHANGE_FROM = /(?:由|从)(?:\d{4}年(?:底|末)?的?|(?:现在|目前|当前|现状|原本|原来|现有)的?)?$/;
const CHANGE_TO = /^(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|缩小|压减|压降)(?:到|至)|^(?:增至|降至|升至|降到)/;
/** A bracket that notes the current or a base year's value (目前8.1‰, 2014年为3.6亿人, 较现况下降约35%): no target. */
const BASE_NOTE = /^(?:目前|现状|现在|当前|基期|\d{4}年(?:底|末)?(?:为|是)|不?含|较(?:现况|现状|目前|现在|当前))/;
/**
 * 以上的 (or 以下的) before a noun, a (含) or (不含…) beside it: the number qualifies it (常住人口在100万以上的城市, 职工30人(含)以下的企业),
 * unless it names a target (“1200万人以上”的城镇新增就业目标, the quote closed before 的).
 */
/**
 * A count or level that scopes a comparison (在67个受评比国家中排名第8, 在人口超过2,000万人的经济体中), or the need a
 * capacity meets (可支应…每小时900吨用气需求): no target.
 */
const AMONG_AFTER =
  /^[\u4e00-\u9fa5]{0,8}中(?:排名|位居|位列|排在|居)|^的[\u4e00-\u9fa5]{1,8}中|^[\u4e00-\u9fa5]{0,4}需求/;
/**
 * A time a network is reached in (2小时通达, 1小时交通圈), a milestone a time is counted from (达成3万美元以来) or the time
 * it took (突破200亿件用时仅83天): no target.
 */
const REACHED_IN_AFTER = /^(?:内)?(?:通达|可达|到达|交通圈|经济圈|生活圈|通勤圈)|^以来|^\s*用时/;
/**
 * A travel time that names a circle, a list's values too (1、2、3小时铁路出行圈, 2小时高铁圈): no target. Only after a
 * time (建成14个高品质生活服务圈 counts circles).
 */
const TIME_CIRCLE_AFTER = /^(?:\s*[、和]\s*\d+)*\s*(?:小时|分钟|天)?[\u4e00-\u9fa5]{0,6}?圈/;
const QUALIFIER_AFTER =
  /^(?:\(不?含[^)]{0,8}\))?(?:及)?以[上下](?:\(不?含[^)]{0,8}\))?[”」]?的(?![^,;。]{0,16}?(?:目标|任务))/;
/**
 * A share of things and the words on them up to a figure (实现20%的村集体年收入超, 70%以上网上申办事项到现场办理次数不超过): the
 * figure is what the things meet, the share's condition. Not a rate that classes them (增速10%以上的企业达到50家).
 */
const SHARE_CONDITION =
  /(?:^|实现|推动|促进|确保|力争|争取|使|让)\s*\d+(?:\.\d+)?\s*%\s*(?:以上的?|的)[^\d,;。、]{2,30}$/;
/**
 * A verb of coverage right before a share and its 的 (覆盖80%以上的大城市, 实现80%以上的行政村通客车): the share of what
 * is covered, a target.
 */
const COVERING_BEFORE = /(?:覆盖|实现)\s*$/;
/**
 * A population right after 人口 and a noun after its 以上 (覆盖人口20万以上城市, 城区常住人口100万以上城市): the size of the
 * places counted, no target (新增城镇人口20万人以上。 is one).
 */
const POPULATION_CLASS_BEFORE = /人口\s*$/;
const POPULATION_CLASS_AFTER = /^(?:及)?以[上下](?:的)?[\u4e00-\u9fa5]/;
/**
 * 的 and a noun right after a value that no verb before it makes the target: the value is the noun's attribute
 * (研发投入过5000万元的企业, 下调费率50%的政策, 全覆盖的学习培训), unless the noun names a target (增长6%的目标,
 * 2.6平方米的人均体育场地面积目标).
 */
const ATTRIBUTE_AFTER =
  /^(?:以上|以下|左右)?[”」]?的(?![^,;。]{0,16}?(?:目标|任务)|要求|水平|增长|增幅|增速|基础上|控制|标准|进度)[\u4e00-\u9fa5]/;
/** A range's high end written with its own unit (3万元-5万元的资金支持): what follows it is what follows the low end. */
const RANGE_HIGH = /^\s*[-—~至到]\s*\d+(?:\.\d+)?\s*[万亿]?(?:%|[\u4e00-\u9fa5]{1,2}?(?=的))?/;
/** The verbs that make a value before 的 the target (完成80%的工程量, 达到90%的). */
const VERB_BEFORE = new RegExp(
  `(?:${COUNTING_VERBS}|提升至|提升到|提高至|提高到|提高|提升|增至|保持在|稳定在|控制在|不低于|不少于|不超过|超过|增长|下降|降低|减少|力争|确保)$`
);
/** A capacity that names a plant or a project (80万吨乙烯改扩建项目, 500千伏变电站): no target, the count of them is. */
const CAPACITY_UNIT = /^(?:吨|千瓦|兆瓦|千伏|伏安|千伏安)$/;
const CAPACITY_AFTER = /^级?[\u4e00-\u9fa5A-Za-z\d]{0,12}?(?:项目|工程|生产线|装置|机组|变电站|电站|码头|泊位)/;
/** A ceiling the words after the number name (低于国家4.6%的控制目标), the list's next values between (4.6%和3.5%的…). */
const CONTROL_TARGET_AFTER =
  /^(?:[、和][^,;。\d]{0,8}\d+(?:\.\d+)?\s*[%‰]?)*的?[\u4e00-\u9fa5]{0,4}?控制(?:目标|指标|线)/;
/** A count of the plan's own tasks after the verb that lays them out (部署25项重点任务, 提出8条措施): it describes the plan. */
const PARTS_VERB = /(?:部署|提出|明确)了?$/;
const PLAN_PARTS = /^(?:重点|主要|重大|具体)?(?:任务|举措|措施|行动|工程)/;
/**
 * A count of the tasks a plan or a division has, said after them or with 有 (今年主要任务有4项, (分解任务15项), 主要有5项任务):
 * it describes the plan, no target; not the tasks to be done (完成重点任务15项, 上报重大战略任务3个).
 */
const TASKS_HAD =
  /(?<!完成|落实|推进|实施|承担)(?:主要|重点|分解|具体)(?:工作)?任务(?:共有?|有|为|是|共计)?$|任务(?:共有?|有|共计)$/;
const HAVING = /(?:^|[^拥具享])有$/;
/**
 * A count of a plan's indicators or goals (17项主要指标, 5个约束性指标, 实现一个目标, 250项施政目标, 471项关键绩效指标): it
 * describes the plan, no target.
 */
const INDICATOR_COUNT =
  /^(?:主要|核心|重点|关键|约束性|预期性|预期|监测|考核|评价|统计|施政|绩效){0,2}(?:指标|KPI|目标(?=[及和与]|[^\u4e00-\u9fa5]|$))/;
/** A count listed after a count of a plan's indicators or goals (共77项目标、88项策略措施): the plan's parts too. */
const AFTER_INDICATOR_COUNT = /\d+\s*[项个条][\u4e00-\u9fa5]{0,4}?(?:指标|目标)[、和及与]$/;
/**
 * Points right after a target's name (高于目标2.1个百分点, 低于目标1.8个百分点, 塌目标18.7个百分点): a difference from the target,
 * whatever the verb, no target.
 */
const FROM_TARGET = /(?:目标|目标值|计划|预期)$/;
/** A figure right after a verb of overrunning a target (超出目标304亿元, 超出年度任务37.3%): the difference, no target. */
const OVER_TARGET = /(?:超出|超过|高出|多出)(?:年度|全年)?(?:目标|任务|计划)(?:值|数)?$/;
/**
 * The list a count counts (民生实事项目40项, 10件民生实事48个子项目, 民生实事共有12类45件53个事项, 正式项目62项, 十方面共32项): it describes
 * the list, no target.
 */
const LIST_COUNT = /(?:实事(?:项目)?(?:共有?|包括)?(?:\d+大?类)?(?:\d+件)?|方面(?:共计?|共有)?、?)$/;
/**
 * A count in 项 of projects (安排正式项目62项, 预备项目7项): the size of a list of projects; not the projects to be
 * started or finished (计划开工项目255项, 竣工项目30项: what is done to them is the target).
 */
const PROJECTS_COUNTED = /(?<!开工|竣工|完工|建成|投产|签约|落地|开建)项目$/;
/**
 * A project list's size: a count of projects closing its clause (安排重点项目91宗, 集中开工项目共36个, 实施10个重点项目)
 * whose sentence goes on, past its parts by class (涉及产业类项目14个,…), to the list's total (,总投资1964.4亿元), and that
 * total; the year's planned investment after it is the target (年度投资计划304亿元), a project's own 总投资 too.
 */
const PROJECT_COUNT_BEFORE = /项目(?:共有?|共计)?$/;
const PROJECT_COUNT_AFTER = /^[^,;。\d]{0,8}项目\s*$/;
const LIST_TOTAL_AFTER =
  /^(?:\s*,\s*(?:其中|涉及|包括)?[^,;。\d]{0,12}项目\s*\d+(?:\.\d+)?\s*[个宗项])*\s*,\s*(?:项目)?总投资/;
const LIST_TOTAL_BEFORE =
  /(?:项目(?:共有?|共计)?\s*\d+(?:\.\d+)?\s*[个宗项]|\d+(?:\.\d+)?\s*[个宗项][^,;。\d]{0,8}项目)\s*,\s*$/;
const LIST_TOTAL = /^(?:项目)?总投资(?:约|达|为)?$/;
/** A share of a cost, after 按(照) and who pays it (按照省级补助60%、地方配套40%比例): the sharing rule, before its 比例. */
const COST_SHARE_BEFORE = /按(?:照)?[^,,;;。]{0,24}$/;
const COST_SHARE_AFTER = /^[^,,;;。]{0,16}?比例/;
/**
 * A count of a plan's parts that a colon opens (完成一个任务:顺利通过…, 开展三大行动:…, 重点做好8项工作:…, 新增14项包括:…): it
 * names the list after it.
 */
const PARTS_OPENED =
  /^\s*(?:大?(?:重点|主要|具体)?(?:目标|任务|行动|抓手|举措|措施|工程|工作)|(?:包括|分别是|分别为))\s*[:\uff1a]/;
/** A rate a measure pays at (按照平均每年每院5万元的标准给予补助): a standard, no target. */
const STANDARD_BEFORE = /按(?:照)?[^,;。]{0,16}$/;
const STANDARD_AFTER = /^的?[\u4e00-\u9fa5]{0,4}?标准/;
/** A share a measure pays or levies at (按…缴纳失业保险费的30%返还, 按50%给予补贴): a rate, no target. */
const RATE_BEFORE = /按(?:照)?[^,;。]{0,32}$/;
const RATE_AFTER = /^(?:的)?(?:比例)?(?:予以|给予)?(?:返还|补贴|补助|奖励|发放|征收|收取|计征|核定|计算|扣除|减免)/;

/**
 * A quotation that holds a value, alone or after its indicator, and the goal it is named after it (今年「1200萬人以上」的
 * 城鎮新增就業目標, 提出“城镇新增就业10万人以上”的目标).
 */
const QUOTED_GOAL = /^(?:以上|以内|左右)?[”」』"]的[^,;。]{0,16}?目标/;
/** The words of a quotation before its value: an indicator's name, no other figure nor a stop. */
const QUOTED_NAME = /[“「『"][^“”「」『』",;。、\d]{0,16}$/;
function quotedGoal(text: string, start: number, end: number): boolean {
  return QUOTED_NAME.test(text.slice(Math.max(0, start - 17), start)) && QUOTED_GOAL.test(text.slice(end));
}

/**
 * Finds the targets in one clause: numbers with a unit, ranges, percentages and 全覆盖, with their
 * comparator read from the words around them. Skips what is quoted or titled (slogans, names; not a quoted value named
 * a goal after it, 「1200萬人以上」的…目標),
 * ordinals (第二批), congress numbers (十五届二次全会), durations (6个月), slogans with a plus
 * (1+N), Chinese numerals that no comparator or counting verb introduces, calendar years, ages and
 * durations that qualify a noun (65岁以上老年人, 五年生存率) or belong to no age or duration
 * indicator, classes (10亿元以上项目25个), qualifiers (常住人口在100万以上的城市), attributes (研发投入过5000万元的企业),
 * capacities (80万吨乙烯改扩建项目), rates a measure pays at (按…的30%返还), a change's starting
 * value (由现在的46.7%提高至90%), current or base values in brackets ((目前8.1‰), (2014年为3.6亿人)),
 * descriptive counts (针对12个乡镇, 6个发展领域, 民生实事项目40项) and a count that a following percentage
 * is a share of (约600个黑点…消除至少75%).
 */
export function findMentions(clause: Clause): Mention[] {
  const {text, quoted} = clause;
  const mentions: Mention[] = [];
  /** Per mention: whether its own words bound it (not 左右), and whether it follows the one before in a list (、和). */
  const ownComparator: boolean[] = [];
  const linked: boolean[] = [];
  let boundary = 0;
  const openAt = openBrackets(text);
  // the clause's sentence up to it (a label's colon ends a clause: 联系地址: / 市政中心517室)
  const inSentence = clause.sentence.indexOf(text);
  const sentenceBefore = clause.sentence.slice(0, Math.max(0, inSentence));
  // the clause's sentence after it (…项目91宗 / ,总投资1964.4亿元)
  const sentenceAfter = inSentence >= 0 ? clause.sentence.slice(inSentence + text.length) : "";
  for (const m of text.matchAll(MENTION)) {
    const start = m.index!;
    const end = start + m[0].length;
    const g = m.groups!;
    if (g.measure) g.unit = g.measure; // a measure word is a unit from here on
    if (g.households) g.unit = "户";
    if (g.kwh) g.unit = g.kwh; // 3500亿度: electricity, never a degree in 亿
    if (g.pmUnit) g.unit = g.pmUnit; // 5%±0.5: the margin is in the value's unit
    if (g.pct) {
      g.num = percentInDigits(g.pct);
      g.unit = "%";
      if (g.pctLow) g.low = percentInDigits(g.pctLow);
    }
    if (g.ratio || g.ratioN) g.num = (g.ratio ?? g.ratioN)!;
    if (g.multiple) {
      g.num = g.multiple;
      g.unit = "倍";
    }
    if (g.num) g.num = g.num.replaceAll(" ", "");
    if (g.low) g.low = g.low.replaceAll(" ", "");
    if (g.bare) {
      // a value whose unit its list's last value carries (小学6000、初中4000、高中2000个): that unit is its own
      const listed = LIST_UNIT.exec(text.slice(start + g.bare.length))?.[1];
      if (!listed) continue;
      g.num = g.bare.replaceAll(" ", "");
      g.unit = listed;
    }
    if (quoted.slice(start, end).some(Boolean) && !quotedGoal(text, start, end)) continue;
    const left = text.slice(Math.max(0, start - 3), start);
    if (/第\s*$/.test(left) || /[+＋]$/.test(left) || /^[+＋]/.test(text.slice(end))) continue;
    // a range whose low end the copy lost (各安排-10场: a dash after a word, no number before it) states no figure
    if (/[\u4e00-\u9fa5]\s*[-–—~]\s*$/.test(left) && !/——\s*$/.test(left)) continue;
    // a margin without its value (弹性从加减1%扩大至加减2%)
    if (/(?:±|加减)\s*$/.test(text.slice(Math.max(0, start - 3), start))) continue;
    // a formula's factor (完成数/计划数*100%) and a weight in brackets after a goal's name (推展會展活動(6%))
    if (FORMULA.test(left) || (g.unit === "%" && !g.low && WEIGHT.test(left) && /^\)\s*(?:\||$)/.test(text.slice(end))))
      continue;
    if (g.unit === "次" && (/届[\u4e00-\u9fa5]*$/.test(left) || /^(全会|会议|会)/.test(text.slice(end)))) continue;
    const rest = text.slice(end);
    const prefix = text.slice(boundary, start);
    /** The words before the number, without the spaces and 约 right before it. */
    const bare = prefix.replace(/[\s约]+$/, "");
    if (!acceptUnit(g, prefix, rest, clause.sentence)) continue;
    // a class when a count of what it classes follows (10亿元以上项目25个); 2项以上艺术技能 is a target, and so is a
    // list's value (20处以上近邻运动场和6个智慧健身房)
    if (g.unit && /^(?:及)?以上[^\d,、;和与及]{1,8}?(?:\d|[一二三四五六七八九十两])/.test(rest)) continue;
    // a class a count after 的 is of (年营业收入超1000亿元的2个): the count is the target, not a multiple (的2倍)
    if (g.unit && /^(?:及?以上)?的\s*\d+(?:\.\d+)?\s*(?!倍)[\u4e00-\u9fa5]/.test(rest)) continue;
    if (g.unit && g.unit !== "%" && DESCRIPTIVE_NOUN.test(rest)) continue;
    if (g.unit && g.unit !== "%" && COVERAGE_SCOPE.test(rest)) continue;
    if ((g.unit === "项" || g.unit === "个") && INDICATOR_COUNT.test(rest)) continue;
    if ((g.unit === "项" || g.unit === "个" || g.unit === "条") && AFTER_INDICATOR_COUNT.test(bare)) continue;
    if ((g.unit === "项" || g.unit === "条") && PARTS_VERB.test(bare) && PLAN_PARTS.test(rest)) continue;
    if (
      (g.unit === "项" || g.unit === "个" || g.unit === "条" || g.unit === "件") &&
      (TASKS_HAD.test(bare) || (HAVING.test(bare) && TASKS_AFTER.test(rest)))
    )
      continue;
    // a contact's address or number (联系地址:市政中心517室, 邮编:…): where to write, no figure to reach
    if (CONTACT_BEFORE.test(sentenceBefore + text.slice(0, start))) continue;
    if (PARTS_OPENED.test(rest + sentenceAfter)) continue;
    // a project list's count and total (安排重点项目91宗,总投资1964.4亿元): its size, no target
    if (
      ((g.unit === "个" || g.unit === "宗" || g.unit === "项") &&
        (PROJECT_COUNT_BEFORE.test(bare) ? !rest.trim() : PROJECT_COUNT_AFTER.test(rest)) &&
        LIST_TOTAL_AFTER.test(sentenceAfter)) ||
      (g.unit === "元" && LIST_TOTAL.test(bare) && LIST_TOTAL_BEFORE.test(sentenceBefore))
    )
      continue;
    // the units an instruction goes to (要求35家成员单位对照…): who is asked, not what is done
    if (/要求$/.test(bare) && /^(?:成员)?(?:单位|部门)/.test(rest)) continue;
    // a price said in speech (每件还要收村民5块钱左右): 块 of 块钱 is money, not pieces
    if (g.unit === "块" && /^钱/.test(rest)) continue;
    // a cost's shares (按照省级补助60%、地方配套40%比例实施): how it is paid, no figure to reach
    if (g.unit === "%" && COST_SHARE_BEFORE.test(sentenceBefore + text.slice(0, start)) && COST_SHARE_AFTER.test(rest))
      continue;
    // a rank (跃居全省前40位, 进入全国前10名)
    if ((g.unit === "位" || g.unit === "名") && /前\s*$/.test(bare)) continue;
    // the page's or the event's own counts (全文共1744字, 1733次阅读, 调研组一行3人): the site's or the visit's, not the plan's
    if (describesEvent(g.unit, (sentenceBefore + text.slice(0, start)).replace(/[\s约]+$/, ""), rest)) continue;
    // a size in words that names a class, a count of it after (百亿元县市区30个): the count is the target
    if (IS_CHINESE.test(g.num ?? "") && /元$/.test(g.unit ?? "") && /^[\u4e00-\u9fa5]{1,8}?\d/.test(rest)) continue;
    // a writing-samples site's count of its samples (小编精心整理的12篇…方案)
    if (g.unit === "篇" && /(?:整理|收集|精选|推荐|汇编)了?的\s*$/.test(bare)) continue;
    // the ones just named, counted again after 这 or 该 (…西北农林科技大学这3所985院校)
    if (/(?:这|该)\s*$/.test(left)) continue;
    // the figure the things a share counts meet (实现20%的村集体年收入超30万元): the share's condition, no target
    if (SHARE_CONDITION.test(text.slice(0, start))) continue;
    // a rank band (冲击全球前0.1%行列, 进入全国前10%): a share of those ranked, not a target (提前 is no rank)
    if (g.unit === "%" && /(?<!提)前\s*$/.test(bare)) continue;
    // each one's size, right after the count of them (3个5000亩县级示范片): the count is the target
    if (g.unit && g.unit !== "%" && !/^(?:个|座|处)$/.test(g.unit) && /\d\s*(?:个|座|处)\s*$/.test(left)) continue;
    if ((g.unit === "百分点" || g.unit === "个百分点") && FROM_TARGET.test(bare)) continue;
    if (OVER_TARGET.test(bare)) continue;
    if (
      DESCRIPTIVE_VERB.test(bare.replace(COUNTS_LISTED, "")) ||
      ATTENDING.test(prefix.trimEnd()) ||
      ATTENDING_AFTER.test(rest) ||
      DEMAND_BEFORE.test(bare) ||
      (FORECAST_BEFORE.test(bare) && !/^的?目标/.test(rest)) ||
      LIST_COUNT.test(prefix.trimEnd()) ||
      (g.unit === "项" && PROJECTS_COUNTED.test(prefix.trimEnd())) ||
      (STANDARD_BEFORE.test(prefix) && STANDARD_AFTER.test(rest)) ||
      (RATE_BEFORE.test(prefix) && RATE_AFTER.test(rest)) ||
      BASE_AFTER.test(rest) ||
      (QUALIFIER_AFTER.test(rest) && !(g.unit === "%" && COVERING_BEFORE.test(bare))) ||
      (POPULATION_CLASS_BEFORE.test(bare) && POPULATION_CLASS_AFTER.test(rest)) ||
      REACHED_IN_AFTER.test(rest) ||
      ((g.unit === "小时" || g.unit === "个小时" || g.unit === "分钟" || g.unit === "天") &&
        TIME_CIRCLE_AFTER.test(rest)) ||
      AMONG_AFTER.test(rest.replace(/^\s+/, "")) ||
      (ATTRIBUTE_AFTER.test(rest.replace(RANGE_HIGH, "")) &&
        !VERB_BEFORE.test(bare) &&
        !(g.unit === "%" && COVERING_BEFORE.test(bare))) ||
      (g.unit !== undefined && CAPACITY_UNIT.test(g.unit) && CAPACITY_AFTER.test(rest)) ||
      // a size that names a class (25万吨级航道, 千亩级基地, 千亿级产业): no quantity
      (g.unit !== undefined && !g.measure && /^级/.test(rest)) ||
      (CHANGE_FROM.test(prefix.trimEnd()) && CHANGE_TO.test(rest.trimStart())) ||
      baseNote(text, start, openAt(start))
    )
      continue;
    if (g.unit === "项" || g.unit === "个" || g.unit === "条") {
      const before = text.slice(0, start).trimEnd();
      const setOut = SET_OUT_BEFORE.exec(before);
      if (setOut ? !ACTION.test(before.slice(0, setOut.index)) : TASKS_AFTER.test(rest) && !ACTION.test(before))
        continue;
    }
    const scope = DESCRIPTIVE_SCOPE.exec(text.slice(0, start));
    // not when it names a target (涉及年度投资目标6.28亿元)
    if (scope && !ACTION.test(scope[1]!) && !REACHED.test(scope[1]!) && !/目标$/.test(scope[1]!)) continue;
    if (
      g.unit &&
      g.unit !== "%" &&
      g.unit !== "百分点" &&
      g.unit !== "个百分点" &&
      !/\($/.test(prefix) &&
      sharedBy(text, end) &&
      !COUNTING_VERB.test(bare) &&
      !SHARE_OF_TASK.test(bare)
    )
      continue;
    let comparator: Comparator = ">=";
    let explicit = Boolean(g.more || g.score);
    let own = false; // whether this mention's own words say its comparator
    let baseline_year: number | null = null;
    let per: Mention["per"] = null;
    let atLeastOnly = false; // whether 以上 after the value is all its own words say
    let before = prefix
      .replace(/\s+$/, "")
      .replace(/(?:大约|约为|约)$/, "")
      .replace(/\s+$/, "");
    const change = CHANGE.exec(before);
    const yearly = YEARLY.exec(before);
    if (change) {
      comparator = FALLING.test(change[2]!) ? "decrease" : "increase";
      baseline_year = Number(change[1]);
      before = before.slice(0, change.index);
      explicit = own = true;
    } else if (g.unit && !/^(?:%|‰|百分点|个百分点)$/.test(g.unit) && LAST_YEAR_CHANGE.test(before)) {
      const last = LAST_YEAR_CHANGE.exec(before)!;
      comparator = FALLING.test(last[1]!) ? "decrease" : "increase";
      before = before.slice(0, last.index);
      explicit = own = true;
    } else if (g.unit && RISE_ALONE.test(text.slice(0, start).trim()) && levelBefore(sentenceBefore, g.unit)) {
      comparator = FALLING.test(before) ? "decrease" : "increase";
      before = "";
      explicit = own = true;
    } else if (yearly) {
      comparator = FALLING.test(yearly[1]!) ? "decrease" : "increase";
      per = "year";
      before = before.slice(0, yearly.index);
      explicit = own = true;
    } else if ((g.unit === "百分点" || g.unit === "个百分点" || g.unit === "岁") && POINTS_CHANGE.test(before)) {
      const verb = POINTS_CHANGE.exec(before)!;
      comparator = /下降|降低|减少|压减|缩小/.test(verb[1]!) ? "decrease" : "increase";
      before = before.slice(0, verb.index);
      explicit = own = true;
    } else {
      for (const [rule, c] of BEFORE_RULES) {
        const r = rule.exec(before.replace(PER_UNIT, ""));
        if (r) {
          comparator = c;
          before = before.slice(0, r.index);
          explicit = own = true;
          break;
        }
      }
    }
    const reach = REACH.exec(before);
    if (reach?.[0]) {
      explicit ||= Boolean(reach[2]);
      before = before.slice(0, reach.index);
    }
    explicit ||= COUNT.test(before);
    if (boundary > 0)
      before = before.slice(Math.max(...["、", "和", "及", "与", "并"].map((c) => before.lastIndexOf(c) + 1)));
    if (g.symbol) {
      const symbol = g.symbol.trim();
      comparator =
        symbol.startsWith("≥") || symbol === ">="
          ? ">="
          : symbol.startsWith("≤") || symbol === "<="
            ? "<="
            : symbol === ">"
              ? ">"
              : "<";
      explicit = own = true;
    }
    if (AT_MOST_AFTER.test(rest)) {
      if (comparator === ">=") comparator = "<=";
      explicit = own = true;
    } else if (AT_LEAST_AFTER.test(rest)) {
      atLeastOnly = !own;
      explicit = own = true;
    } else if (ABOUT_AFTER.test(rest) && !g.low) {
      if (!own) comparator = "=";
      explicit = own = true;
    } else if (!own && !g.low && SET_AT.test(before) && /^安排/.test(rest)) {
      comparator = "=";
      explicit = own = true;
    }
    // 浓度为30, 优于年度目标32.9 (of a concentration named earlier in the sentence), 排放系数的目标定为每度电0.319: at most
    // and a bare value after such an indicator's name (婴儿死亡率 5.0‰); a 控制目标 it is named is a ceiling, whatever the
    // verb before says of the result (低于国家4.6%的控制目标, 低于4%的控制指标)
    if (
      CONTROL_TARGET_AFTER.test(rest) ||
      (!own &&
        comparator === ">=" &&
        ((/(?:为|达到?|目标值?)(?:每[\u4e00-\u9fa5]{1,3})?$/.test(before) &&
          (LOWER_IS_BETTER.test(before) || (/目标值?$/.test(before) && LOWER_IS_BETTER.test(clause.sentence)))) ||
          LOWER_IS_BETTER_END.test(before)))
    )
      comparator = "<=";
    const previous = mentions.at(-1);
    // (a bound closing the value before stays in this one's prefix: 分别下降8%、10%以上、10%以上)
    const listed = previous !== undefined && /^(?:以上|以下|以内|左右)?[、和及与]?$/.test(prefix.trim());
    // the list's last value about (分别增长10.6%和12.3%左右): 左右 is each value's, as a bound after it is
    if (listed && comparator === "=" && ABOUT_AFTER.test(rest))
      for (let j = mentions.length - 1; j >= 0 && !ownComparator[j] && mentions[j]!.comparator === ">="; j--) {
        mentions[j]!.comparator = "=";
        if (!linked[j]) break;
      }
    // a list's change every year bounded at its last value (年均分别增长10%和12%以上): the change is each value's
    const changeShared = atLeastOnly && (previous?.comparator === "increase" || previous?.comparator === "decrease");
    if ((!own || changeShared) && listed) {
      // a list that shares its verb: 分别下降到4.0‰、4.5‰、10/10万
      comparator = previous.comparator;
      baseline_year = previous.baseline_year;
      per = previous.per;
      explicit = true;
    }
    if (
      !g.coverage &&
      !g.score &&
      IS_CHINESE.test(g.num!) &&
      !explicit &&
      !COUNTING_VERB.test(prefix) &&
      !(CHINESE_QUANTITY.test(g.num!) && !g.measure)
    )
      continue;
    const coverage = Boolean(g.coverage);
    const listUnit = LIST_UNIT.exec(rest)?.[1];
    const unit = coverage
      ? "%"
      : g.score || g.ratio || g.ratioN
        ? ""
        : g.unit
          ? (UNIT_ALIASES[g.unit] ?? g.unit)
          : g.people !== undefined
            ? "人"
            : nounUnit(before) || (listUnit ? (UNIT_ALIASES[listUnit] ?? listUnit) : "");
    const value = coverage ? 100 : g.score ? Number(g.score) : parsePlanNumber(g.num!);
    if (!Number.isFinite(value)) continue;
    let value_max: number | null = null;
    let lowValue = value;
    if (g.pm) {
      const margin = Number(g.pm);
      lowValue = roundRange(value - margin);
      value_max = roundRange(value + margin);
      comparator = "between";
    } else if (g.low) {
      lowValue = parsePlanNumber(scaleLike(g.low, g.num!));
      if (!Number.isFinite(lowValue)) continue;
      value_max = value;
      comparator = "between";
    }
    const after = (rest.split(/[、,;和及与并]|\d/)[0] ?? "").replace(/以上|以下|以内/g, "");
    ownComparator.push(own && !ABOUT_AFTER.test(rest));
    linked.push(listed);
    mentions.push({
      start,
      end,
      value: lowValue,
      value_max,
      unit,
      comparator,
      baseline_year,
      per,
      before,
      after,
      coverage
    });
    boundary = end;
  }
  return mentions;
}

/**
 * Whether a number's unit reads as a target's: a calendar year (2023年) never; an age (岁) or a
 * duration in years only when the words say the indicator is one (人均预期寿命达82.4岁) and the
 * number does not qualify a noun (65岁以上老年人, 五年生存率).
 */
function acceptUnit(g: Record<string, string | undefined>, prefix: string, rest: string, sentence: string): boolean {
  if (g.unit === "工作日" || g.unit === "个工作日") return TIME_INDICATOR.test(prefix);
  if (g.unit !== "岁" && g.unit !== "年") return true;
  if (g.unit === "年" && /^\d{4}$/.test(g.num ?? "")) return false;
  if (
    /^(?:及)?(?:以上|以下)?(?:左右)?[\u4e00-\u9fa5]/.test(rest) &&
    !/^(?:及)?(?:以上|以下|以内|左右)(?:[,;。]|$)/.test(rest)
  )
    return false;
  return AGE_OR_DURATION.test(prefix) || AGE_OR_DURATION.test(sentence);
}

/**
 * Where the bracket open at an offset starts (its `(`), else -1, for offsets asked in ascending order: the text is
 * walked once, however many offsets are asked.
 */
export function openBrackets(text: string): (at: number) => number {
  let scanned = 0;
  let open = -1;
  return (at) => {
    for (; scanned < at; scanned++) {
      if (text[scanned] === "(") open = scanned;
      else if (text[scanned] === ")") open = -1;
    }
    return open;
  };
}

/** Whether the number at `start`, in the bracket opened at `open` (-1: none), notes a current or base value (目前8.1‰). */
/** Whether a sentence's words before a clause end on a figure in `unit` and a comma (总收入达2.63亿元,): a level stated. */
function levelBefore(sentenceBefore: string, unit: string): boolean {
  const escaped = unit.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return new RegExp(String.raw`\d\s*(?:万|亿)?${escaped}\s*[,,]\s*$`).test(sentenceBefore);
}

function baseNote(text: string, start: number, open: number): boolean {
  return open >= 0 && BASE_NOTE.test(text.slice(open + 1, Math.min(start, open + 12)));
}

/** Whether a percentage follows in the same clause after a noun phrase: the count is what the share is of. */
function sharedBy(text: string, end: number): boolean {
  const rest = text.slice(end);
  if (/^\s*\(/.test(rest)) return false; // a bracket after the count notes it (0.319公斤CO2e/度(较现况下降约35%))
  return (
    /^[^,;、。]{1,40}?(?:至少|不少于|不低于|达到|达)\s*\d+(?:\.\d+)?\s*%/.test(rest) ||
    /^[^\d,;、。]{1,24}?\d+(?:\.\d+)?\s*%/.test(rest)
  );
}

/**
 * A task or the year's plan named before the count a share is of (占任务数16900万元的63.7%, 占年度计划15.3亿元的44.8%,
 * 占年初审计项目计划20个的135%): the count is the task, a target.
 */
const SHARE_OF_TASK =
  /(?:任务数|目标(?:任务)?|(?:年|年度|全年)任务|(?:年度|全年)计划|年初[\u4e00-\u9fa5]{0,6}?计划)\(?$/;

/** The unit a noun carries for a number with only 万 or 亿 (体检人数 → 人), else none. */
function nounUnit(before: string): string {
  return NOUN_UNITS.find(([re]) => re.test(before))?.[1] ?? "";
}

/** A range's end computed from a margin (0.3 − 0.1 is 0.19999999999999998 in binary floating point): to 1e-9. */
function roundRange(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** In a range like 2—3万, the low end takes the high end's 万/亿: 2万—3万. */
function scaleLike(low: string, high: string): string {
  const big = /[万亿]$/.exec(high);
  return big && !/[万亿]$/.test(low) ? low + big[0] : low;
}

/** A percentage's numeral in words in digits: 四点五 → 4.5, 十二 → 12. */
function percentInDigits(words: string): string {
  const [whole = "", decimals] = words.split("点");
  const digits = decimals ? `.${[...decimals].map((c) => parseChineseNumeral(c === "〇" ? "零" : c)).join("")}` : "";
  return `${parseChineseNumeral(whole)}${digits}`;
}
