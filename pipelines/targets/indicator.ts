import type {Mention} from "./mentions.js";

const QUOTES = /[“”‘’「」『』"《》]/g;
const LEADING =
  /^(?:[、,和及与并且\-–—•·]|当中|年内|其中|同时|全市|全区|全省|实现|确保|力争|争取|保障|完成|帮助学生|掌握|积极|持续|推动|努力|基本|进一步|分别)+/;
const TRAILING = /(?:分别|全市|全区|均|都|累计|共|合计|总计|年度|目标任务|任务|目标值?为?)+$/;
/** Verbs that open a count (新增 2 所学校): the indicator is the verb and what it counts. */
const COUNT_VERB = /(新建成|新建|新增|建成|培育|创建|打造|开设|开展|认定|遴选|举办|招收|为)$/;

/**
 * A short name for the quantity a mention counts, from the words around it: the noun phrase before
 * it (专职校医配备率达到90% → 专职校医配备率), or the verb and the noun after it (新建71所老年学校
 * → 新建老年学校); 全覆盖 names a coverage rate (老年学校全覆盖 → 老年学校覆盖率). Falls back to
 * `previous` (the clause's last indicator: 分别达到35%、65%).
 */
/**
 * The names a list of values shares its verb with, in order: 婴儿死亡率、孕产妇死亡率分别下降到4.0‰、
 * 10/10万 → [婴儿死亡率, 孕产妇死亡率]. Empty unless the clause says 分别.
 */
export function listNames(clause: string): string[] {
  const m = /([^,;:]*?)分别/.exec(clause);
  if (!m) return [];
  const names = m[1]!.replace(QUOTES, "").replace(/\s+/g, "").replace(LEADING, "").split("、").filter(Boolean);
  return names.length > 1 ? names : [];
}

export function indicatorName(mention: Mention, previous: string | null): string {
  let before = clean(ownCell(mention.before, "before"));
  const after = clean(ownCell(mention.after, "after"));
  const ofIndex = before.lastIndexOf("的");
  if (ofIndex >= 0 && before.length - ofIndex > 2) before = before.slice(ofIndex + 1);
  before = before.replace(LEADING, "").replace(TRAILING, "");
  if (mention.coverage) return `${before || previous || ""}覆盖率`;
  const verb = COUNT_VERB.exec(before);
  if (after && verb && before.length === verb[0].length) return (verb[0] === "为" ? "" : verb[0]) + after;
  if (after && (!before || verb))
    return (verb && verb[0] !== "为" ? before : before.slice(0, before.length - (verb?.[0].length ?? 0))) + after;
  if (after && after.length <= 4) return before + after;
  return before || after || previous || "";
}

/** A table row's cell parting (`1 | 地区生产总值增长6%左右 | 市发改委`). */
const CELL_BAR = /\s*[|｜]\s*/;

/**
 * A space between words: where a table cell's paragraphs were joined (`新增100张…床位 改建100张…`), or a page's parts
 * run together; a name has none.
 */
const PARTED = /(?<=[\u4e00-\u9fff、)”])\s+(?=[\u4e00-\u9fff“(])/;

/**
 * The words of a table row's cells on the mention's side that name it: before it, the last cell with words that is
 * not a row number alone (`1 | 地区生产总值增长` → `地区生产总值增长`, `地区生产总值 | ` → `地区生产总值`), and of that cell
 * the part the mention is in, up to a space between words ({@link PARTED}); after it, its own part's rest.
 */
function ownCell(text: string, side: "before" | "after"): string {
  const cells = text.split(CELL_BAR);
  if (side === "after") return cells[0]!.split(PARTED)[0]!;
  const cell = cells.filter((c) => c.trim() && !/^\s*\d{1,3}[.、]?\s*$/.test(c)).at(-1) ?? "";
  return cell.split(PARTED).at(-1)!;
}

function clean(text: string): string {
  return text
    .replace(QUOTES, "")
    .replace(/^\((?:间|个|套)\)/, "")
    .replace(/^的?目标$/, "")
    .replace(/\s+/g, "")
    .replace(/^[、,;:]+|[、,;:]+$/g, "");
}
