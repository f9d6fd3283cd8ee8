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
/** How far after a statement its restatement may stand, in characters. */
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
  for (const t of found) {
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
        sameWords(words(k), words(t));
    }
    if (!restates) kept.push(t);
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
