/**
 * Counts that describe the page or the event a text tells of, not what a plan sets out to do: a web page's own counts
 * (全文共1744字, 1733次阅读, 阅读次数:69次, a document preview's 18页 on its own line or in its file name), the party
 * that visits (调研组一行3人, 省政协委员约50人到…视察) and those who speak at a meeting (…等11家港口企业…代表发言).
 */
const PAGE_CHARACTERS = /(?:全文共?|(?:当前|已|仅)显示|剩余|字数[::]?)\s*$/;
const PAGE_VIEWS_BEFORE = /(?:阅读|浏览|点击)(?:次数|量)?\s*[::]\s*$/;
const PAGE_VIEWS_AFTER = /^\s*(?:阅读|浏览|点击)/;
/** A preview's page count: alone on its line (18页 / 33.20KB) or in the file's name ((18页).docx). */
const PAGES_OF_FILE = /^\s*(?:$|\n|\)\s*\.(?:docx?|pdf|pptx?|xlsx?|wps)\b)/i;
/** A party of visitors: 一行 before its size, or its size before where it goes to look (到…视察, 赴…调研). */
const PARTY_BEFORE = /一行\s*$/;
const PARTY_AFTER = /^\s*(?:到|赴|前往|来到|莅临)[^,;。]{0,30}?(?:视察|调研|考察|检查|督导|参观|慰问)/;
/** Those who speak: the units or people counted, their representatives' 发言 after (…单位代表发言并汇报). */
const SPEAKERS_AFTER =
  /^[^\d,;。]{0,24}?(?:代表|负责人|同志)(?:们)?(?:先后|分别|依次)?(?:作了?|做了?)?(?:交流|表态)?发言/;

/** Whether a count (its unit, its sentence up to it, its clause after it) describes the page or the event. */
export function describesEvent(unit: string | undefined, before: string, after: string): boolean {
  if (unit === "字") return PAGE_CHARACTERS.test(before);
  if (unit === "次" && (PAGE_VIEWS_BEFORE.test(before) || PAGE_VIEWS_AFTER.test(after))) return true;
  if (unit === "页" && PAGES_OF_FILE.test(after)) return true;
  if ((unit === "人" || unit === "名") && (PARTY_BEFORE.test(before) || PARTY_AFTER.test(after))) return true;
  return SPEAKERS_AFTER.test(after);
}
