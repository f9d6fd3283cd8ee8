/** What a target found in a text has to be compared with another (see {@link withoutRestatements}). */
interface Found {
  value: number;
  value_max: number | null;
  unit: string;
  comparator: string;
  year: number | null;
  start_offset: number;
  end_offset: number;
}

/** Comparators that bound from below (80%以上, 超过80%, 不少于两个, a plain figure). */
const FROM_BELOW = new Set([">=", ">"]);
/**
 * The words a restatement may word otherwise (至少…两个 / 不少于两个, 80%以上 / 超过80%): the bound, the modal, the
 * number and its measure word, the figure's own characters.
 */
const REWORDED = /至少|不少于|不低于|以上|超过|超|达到|达|将|要|[〇零一二两三四五六七八九十百千万亿个]/g;
/** The fewest characters a clause keeps without its figure to be compared at all (覆盖的大城市). */
const MIN_WORDS = 6;
/** How far after a statement (a subheading's line, a clause) its restatement may stand, in characters. */
const RESTATED_WITHIN = 400;
/** How many more characters the longer of two restating clauses may have (高铁覆盖… / 覆盖…). */
const EXTRA_WORDS = 2;

/**
 * Without the targets a text states again in a later sentence (每个县(市)将至少建设两个人防人口疏散基地, then 每个县(市)将建设
 * 人防人口疏散基地不少于两个; 高铁覆盖80%以上的大城市, then 覆盖超过80%的大城市): the same figure, unit and deadline, bounded
 * from below both times, in a clause whose words, but for the bound and the figure, are the other's (at most
 * {@link EXTRA_WORDS} characters more, none other), up to {@link RESTATED_WITHIN} characters on. The first statement is kept, as a target stated twice counts once.
 * `text` is the one the offsets index.
 */
export function withoutRestatements<T extends Found>(found: readonly T[], text: string): T[] {
  const words = (t: T) =>
    (text.slice(t.start_offset, t.end_offset).match(/[\u4e00-\u9fa5]/g) ?? []).join("").replace(REWORDED, "");
  const kept: T[] = [];
  const keptWords: string[] = [];
  for (const t of found) {
    const own = words(t);
    let restates = false;
    // the statements kept up to RESTATED_WITHIN before it (found is in text order): linear in the text's length
    for (let i = kept.length - 1; i >= 0 && !restates; i--) {
      const k = kept[i]!;
      if (t.start_offset - k.end_offset > RESTATED_WITHIN) break;
      const between = text.slice(k.end_offset, t.start_offset);
      restates =
        k.value === t.value &&
        k.value_max === t.value_max &&
        k.unit === t.unit &&
        (k.year === t.year || k.year === null || t.year === null) &&
        FROM_BELOW.has(k.comparator) &&
        FROM_BELOW.has(t.comparator) &&
        /[。;;!?!?]/.test(between) &&
        !between.includes("\n") &&
        sameWords(keptWords[i]!, own);
    }
    if (!restates) {
      kept.push(t);
      keptWords.push(own);
    }
  }
  return kept;
}

/** Whether the shorter of two clauses' words is the longer's but for up to {@link EXTRA_WORDS} characters. */
function sameWords(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < MIN_WORDS || long.length - short.length > EXTRA_WORDS) return false;
  let at = 0;
  for (const c of long) if (at < short.length && c === short[at]) at++;
  return at === short.length;
}

/** A line with no clause mark nor stop (a subheading, a table cell, a key figure). */
const SUBHEADING_ONLY = /^[^,,。;;!?]{1,40}$/;
/** A subheading that names its field before a colon (农业:粮食总产突破80亿斤, 交通:江南高速公路建成通车). */
const FIELD_SUBHEADING = /^[\u4e00-\u9fa5]{1,6}[::][^,,。;;!?::]{1,34}$/;
/** A news subheading of two phrases parted by a space (今年目标没大事故 搭载旅客32.5亿人次). */
const PHRASED_SUBHEADING = /^[\u4e00-\u9fa5]{2,16}[ \u3000]+[^,,。;;!?::\s]{2,24}$/;
/** A news subheading behind its column's tag and a bar (2024两会|2024年目标GDP增长5%). */
const TAGGED_SUBHEADING = /^[^|,,。;;!?]{1,12}\|[^|,,。;;!?]{1,40}$/;
/**
 * Without the targets of a field's subheading that the prose right below restates (农业:粮食总产突破80亿斤, then 力争今年
 * 粮食总产突破80亿斤; a news subheading 今年目标没大事故 搭载旅客32.5亿人次, then …国家铁路搭载旅客32.5亿人次): the
 * subheading names the paragraph's goal, the paragraph states it. Not a list of key figures
 * (关键数字: then 粮食总产量力争达到1200亿斤 on its own line), whose lines state them. A tagged subheading too
 * (2024两会|2024年目标GDP增长5%, then 国内生产总值增长5%左右): its plain figure stands for any bound the paragraph gives.
 * Any subheading set apart by blank lines that the prose below repeats word for word too.
 */
export function withoutRestatedSubheadings<
  T extends {value: number; unit: string; comparator: string; start_offset: number}
>(found: readonly T[], text: string): T[] {
  const lineOf = (offset: number) => {
    const start = text.lastIndexOf("\n", offset - 1) + 1;
    const end = text.indexOf("\n", offset);
    return {line: text.slice(start, end < 0 ? text.length : end).trim(), start, end: end < 0 ? text.length : end};
  };
  return found.filter((t) => {
    const {line, start, end} = lineOf(t.start_offset);
    // any subheading set apart by blank lines (not a list of key figures, one a line) that the prose below repeats word
    // for word (a WeChat layout's 力争全年水利投资超过1000亿元, then …,力争全年水利投资超过1000亿元,…)
    const apart = /\n\s*\n\s*$/.test(text.slice(0, start)) && /^\n\s*\n/.test(text.slice(end));
    const repeated =
      apart && SUBHEADING_ONLY.test(line) && text.slice(end, end + RESTATED_WITHIN + line.length).includes(line);
    if (!FIELD_SUBHEADING.test(line) && !PHRASED_SUBHEADING.test(line) && !TAGGED_SUBHEADING.test(line) && !repeated)
      return true;
    // restated in prose below (a flattened table's cells, one a line, repeat values of other rows)
    return !found.some(
      (u) =>
        u !== t &&
        u.start_offset > end &&
        u.start_offset - end <= RESTATED_WITHIN &&
        !SUBHEADING_ONLY.test(lineOf(u.start_offset).line) &&
        u.value === t.value &&
        u.unit === t.unit &&
        // a subheading's plain figure drops the paragraph's bound (2024年目标GDP增长5%, then 增长5%左右)
        (u.comparator === t.comparator || t.comparator === ">=")
    );
  });
}
