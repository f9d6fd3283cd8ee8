/** A vowel with a tone mark: what tells a pinyin gloss from a Latin abbreviation in brackets. */
const TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
const SYLLABLE = `[a-zü${TONED}]{1,6}`;
/** A pinyin gloss in brackets right after a Chinese character: 萬(wàn), 經(jīng), 產(chǎn) (at least one toned vowel). */
const GLOSS = new RegExp(`(?<=[\\u4e00-\\u9fa5])\\((?=[^)]{0,40}[${TONED}])${SYLLABLE}(?: ${SYLLABLE})*\\)`, "g");

/** A text without its glosses, and where each of its characters (and its end) lies in the text with them. */
export interface Unglossed {
  text: string;
  /** `origin[i]` is the offset in the original text of the character at `i` (`origin[text.length]`: its end). */
  origin: (offset: number) => number;
}

/**
 * Removes the pinyin glosses that a page prints after characters (`64萬(wàn)平方米` → `64萬平方米`, `經(jīng)濟` → `經濟`), so
 * that a number meets its unit and words read whole. Brackets without a toned vowel (`(GDP)`, `(km)`) are kept.
 * Returns null when the text has none (the common case: nothing is copied).
 */
export function stripGlosses(text: string): Unglossed | null {
  const cuts: [number, number][] = [];
  for (const m of text.matchAll(GLOSS)) cuts.push([m.index!, m.index! + m[0].length]);
  if (cuts.length === 0) return null;
  const parts: string[] = [];
  // the stripped text's offset where each kept run starts, and that run's offset in the original
  const runs: [number, number][] = [];
  let from = 0;
  let at = 0;
  for (const [start, end] of [...cuts, [text.length, text.length] as [number, number]]) {
    runs.push([at, from]);
    parts.push(text.slice(from, start));
    at += start - from;
    from = end;
  }
  const origin = (offset: number) => {
    let lo = 0;
    let hi = runs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (runs[mid]![0] <= offset) lo = mid + 1;
      else hi = mid;
    }
    const [stripped, original] = runs[Math.max(0, lo - 1)]!;
    return original + offset - stripped;
  };
  return {text: parts.join(""), origin};
}
