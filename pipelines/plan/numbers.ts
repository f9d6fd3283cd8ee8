const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9
};
const SMALL_UNITS: Record<string, number> = {十: 10, 百: 100, 千: 1000};
/** What 万 and 亿 multiply by: a number's magnitude word, or a unit's (万亩, 亿元). */
export const BIG_UNITS: Readonly<Record<string, number>> = {万: 1e4, 亿: 1e8};

/** The characters of a Chinese numeral (一 … 九, 两, 零, 十 百 千 万 亿). */
export const CHINESE_NUMERAL = "零〇一二两三四五六七八九十百千万亿";

/**
 * Parses a Chinese numeral (`一` → 1, `十` → 10, `十五` → 15, `两百` → 200, `三千零五` → 3005,
 * `一万二千` → 12000, `三亿五千万` → 350000000). Returns NaN for anything else.
 */
export function parseChineseNumeral(text: string): number {
  if (!text || [...text].some((c) => !CHINESE_NUMERAL.includes(c))) return NaN;
  return parseMagnitudes([...text].map((c) => (c in DIGITS ? DIGITS[c]! : c)));
}

/**
 * The value of a numeral read as digits and magnitudes: a digit (or a number in Arabic digits, 41万9100) before 十 百
 * 千 multiplies it; 万 multiplies what stands since the last 亿, 亿 all before it (三亿五千万 = 3 × 10^8 + 5000 × 10^4,
 * 1.3万亿 = 1.3 × 10^12). NaN when two digits stand side by side (一二).
 */
function parseMagnitudes(tokens: readonly (number | string)[]): number {
  let yi = 0; // the part counted in 亿
  let wan = 0; // the part counted in 万 since the last 亿
  let section = 0; // below 万
  let digit: number | null = null;
  for (const t of tokens) {
    if (typeof t === "number") {
      if (digit !== null && digit !== 0) return NaN;
      digit = t;
    } else if (t in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[t]!;
      digit = null;
    } else if (t === "万") {
      wan = (wan + section + (digit ?? 0)) * 1e4;
      section = 0;
      digit = null;
    } else if (t === "亿") {
      yi = (yi + wan + section + (digit ?? 0)) * 1e8;
      wan = section = 0;
      digit = null;
    } else return NaN;
  }
  return Math.round((yi + wan + section + (digit ?? 0)) * 1e6) / 1e6;
}

/** A numeral of Arabic digits and Chinese magnitudes: 41万9100, 3亿5千万, 5千万, 1.3万亿. */
const MIXED = /^(?:\d+(?:\.\d+)?[十百千万亿]+)+\d*$/;

/**
 * Parses a number as plans write it, after {@link normalizeText}: `72`, `6.1`, `1,500`, `77 100`, `6.1万`
 * (61000), `2亿`, `1.3万亿`, `4兆` (a trillion, as Taiwan and Hong Kong write it), `41万9100`, `3亿5千万`, `90%` (90: the unit is said elsewhere), `十`, `两百`. Returns NaN
 * when `text` is not a number.
 */
export function parsePlanNumber(text: string): number {
  let t = text.trim().replace(/%$/, "");
  let scale = 1;
  const big = /(?:万亿|兆|[万亿])$/.exec(t);
  if (big && /[\d.]$/.test(t.slice(0, big.index))) {
    scale = big[0] === "万亿" || big[0] === "兆" ? 1e12 : BIG_UNITS[big[0]]!;
    t = t.slice(0, big.index);
  }
  if (/^\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/[, ]/g, "");
  if (/^\d+(\.\d+)?$/.test(t)) return roundScaled(Number(t), scale);
  if (scale !== 1) t = text.trim().replace(/%$/, ""); // 3亿5千万: the last 万 belongs to the whole numeral
  if (MIXED.test(t))
    return parseMagnitudes(t.match(/\d+(?:\.\d+)?|[十百千万亿]/g)!.map((x) => (/\d/.test(x) ? Number(x) : x)));
  return parseChineseNumeral(t);
}

/** 6.1 × 10000 is 61000.00000000001 in binary floating point: round to the input's precision. */
function roundScaled(value: number, scale: number): number {
  return scale === 1 ? value : Math.round(value * scale * 1e6) / 1e6;
}
