import {toSimplified} from "./simplified.js";

/**
 * Traditional → simplified for the characters that carry a target's meaning (comparators, units,
 * multipliers, structure words), and the small punctuation forms (`1﹒` as `1.`). One character for one, so offsets into the normalized text are
 * offsets into the input.
 */
const FROM = [
  "達個學萬億項門於過蓋點較將級數規劃實現減長區縣鄉鎮園專職醫師備為與並應進務養設訓練義書參稱體藝術覽開關機構類場館",
  "時間屆會議內產業視檢驗評標準盡爭確證齡歲線網絡幹處條張臺種戶節課經費積極優質際兒護營運動從後總圓齊輪屬當對導統計",
  "錄額資車電腦擴礎險縮滿團創辦試層圖築％．，；：～＋－（）≧≦＞＜畝頃噸輛棟塊冊約餘況續畫歷發佈漲﹐﹑﹒﹔﹕﹖﹗"
].join("");
const TO = [
  "达个学万亿项门于过盖点较将级数规划实现减长区县乡镇园专职医师备为与并应进务养设训练义书参称体艺术览开关机构类场馆",
  "时间届会议内产业视检验评标准尽争确证龄岁线网络干处条张台种户节课经费积极优质际儿护营运动从后总圆齐轮属当对导统计",
  "录额资车电脑扩础险缩满团创办试层图筑%.,;:~+-()≥≤><亩顷吨辆栋块册约余况续画历发布涨,、.;:?!"
].join("");
const TRADITIONAL = new Map([...FROM].map((c, i) => [c, TO[i]!]));
/** Every character the function changes: full-width digits and the traditional ones above. */
const CHANGED = new RegExp(`[０-９${FROM}]`, "g");

/**
 * Returns `text` with full-width digits and signs made ASCII and the traditional characters that
 * matter made simplified, one UTF-16 unit for one: `result.length === text.length`, so an offset
 * found in the result slices the same clause out of `text`.
 */
export function normalizeText(text: string): string {
  return text.replace(CHANGED, (c) => {
    const code = c.charCodeAt(0);
    return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xff10 + 48) : TRADITIONAL.get(c)!;
  });
}

/**
 * A plan's text as planwatch reads it: {@link normalizeText}, then every traditional character made
 * simplified by OpenCC ({@link toSimplified}), still one UTF-16 unit for one, when the text has any
 * of the common traditional characters. Plans are read once; a spreadsheet cell, read millions of
 * times, takes {@link normalizeText} alone.
 */
export function normalizePlanText(text: string): string {
  const folded = normalizeText(text);
  return TRADITIONAL_HINT.test(text) ? toSimplified(folded) : folded;
}

/** Any of the common traditional characters above: a text without one is simplified already, and OpenCC is skipped. */
const TRADITIONAL_HINT = new RegExp(`[${[...FROM].filter((c) => c >= "\u4e00").join("")}]`);

/**
 * Compatibility characters that stand for a common CJK character: the Kangxi radicals (⼯ U+2F2F for
 * 工), the CJK radicals supplement and the CJK compatibility ideographs, as Chinese PDFs (and text
 * copied from them) often map their glyphs.
 */
const COMPATIBILITY = /[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/g;

/**
 * Returns `text` with each CJK compatibility character (a Kangxi radical, a compatibility ideograph)
 * folded to its NFKC form, the common character it stands for (⼯ → 工); other characters are left
 * as they are (full-width punctuation stays full-width).
 */
export function foldCompatibility(text: string): string {
  return text.replace(COMPATIBILITY, (c) => RADICALS.get(c) ?? c.normalize("NFKC"));
}

/**
 * The radicals of the CJK radicals supplement that are a whole simplified character, and that
 * character: NFKC leaves them (⻚ U+2EDA stays), yet a PDF whose font draws 页 with the radical's glyph
 * maps 页 to ⻚ (`第1⻚ 共2⻚`). Radicals that are only a part of a character (⺅, ⻌) are left.
 */
const RADICALS = new Map(
  [
    ..."⺠民⻄西⻅见⻆角⻉贝⻋车⻓长⻔门⻘青⻙韦⻚页⻛风⻜飞⻝食⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻬齐⻮齿⻰龙⻳龟".matchAll(
      /(.)(.)/gu
    )
  ].map(([, radical, character]) => [radical!, character!])
);
