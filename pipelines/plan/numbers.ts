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
const BIG_UNITS: Record<string, number> = {万: 1e4, 亿: 1e8};

/** The characters of a Chinese numeral (一 … 九, 两, 零, 十 百 千 万 亿). */
export const CHINESE_NUMERAL = "零〇一二两三四五六七八九十百千万亿";

/**
 * Parses a Chinese numeral (`一` → 1, `十` → 10, `十五` → 15, `两百` → 200, `三千零五` → 3005,
 * `一万二千` → 12000). Returns NaN for anything else.
 */
export function parseChineseNumeral(text: string): number {
  if (!text || [...text].some((c) => !CHINESE_NUMERAL.includes(c))) return NaN;
  let total = 0; // completed 万/亿 groups
  let section = 0; // within the current group
  let digit: number | null = null;
  for (const c of text) {
    if (c in DIGITS) {
      if (digit !== null && digit !== 0) return NaN; // 一二: not a numeral
      digit = DIGITS[c]!;
    } else if (c in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[c]!;
      digit = null;
    } else {
      const big = BIG_UNITS[c]!;
      total = (total + section + (digit ?? 0)) * big;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/**
 * Parses a number as plans write it, after {@link normalizeText}: `72`, `6.1`, `1,500`, `6.1万`
 * (61000), `2亿`, `1.3万亿`, `90%` (90: the unit is said elsewhere), `十`, `两百`. Returns NaN when `text` is
 * not a number.
 */
export function parsePlanNumber(text: string): number {
  let t = text.trim().replace(/%$/, "");
  let scale = 1;
  const big = /(?:万亿|[万亿])$/.exec(t);
  if (big && /[\d.]$/.test(t.slice(0, big.index))) {
    scale = big[0] === "万亿" ? 1e12 : BIG_UNITS[big[0]]!;
    t = t.slice(0, big.index);
  }
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replaceAll(",", "");
  if (/^\d+(\.\d+)?$/.test(t)) return roundScaled(Number(t), scale);
  return parseChineseNumeral(t);
}

/** 6.1 × 10000 is 61000.00000000001 in binary floating point: round to the input's precision. */
function roundScaled(value: number, scale: number): number {
  return scale === 1 ? value : Math.round(value * scale * 1e6) / 1e6;
}
