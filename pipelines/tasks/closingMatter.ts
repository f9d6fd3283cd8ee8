import type {PlanLine} from "../plan/index.js";

/** A copy's distribution line (`抄送:县委办公室,…`), or the list a notice is sent to (`主送:`). */
const DISTRIBUTION = /^(?:抄送|抄报|主送|分送)\s*[::]/;
/** The line that opens a document's attachments (`附件:1.重点任务分解表`, `附件`, `附件2`), no sentence of its own. */
const ATTACHMENTS = /^附件\s*\d{0,2}\s*(?:[::]|$)(?!.*[。;;])/;
/** An attachment's number under that line (`2.`). */
const ATTACHMENT_NUMBER = /^\d{1,2}\s*[.、.]/;
/** A title, or the part of one a line holds: short, no sentence. */
const TITLE_PART = /^[^。;;,,::]{1,44}$/;
/** How an attachment's title closes: on a document's name. */
const DOCUMENT_NAME = /(?:表|清单|名单|方案|目录|办法|细则|要点|计划|标准|指南|台账|一览表)$/;
/** A date line (`2024年3月1日`, `2024年3月1日印发`), a signature's. */
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:印发|发布)?$/;
/** A print line: the issuing office and the day it printed the document (`某县人民政府办公室  2024年3月1日印发`). */
const PRINTED = /^[\u4e00-\u9fff\s]{2,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/;
/** A signing office's name, a line of its own (`某县人民政府办公室`, `中共某县委  某县人民政府`). */
const SIGNER = /^[\u4e00-\u9fff()()\s]{2,40}(?:局|委|厅|办公室|办|政府|委员会|小组|指挥部|中心|部)$/;
/** A contact line (`联 系 人:…`, `联系电话:…`, `咨询电话:…`): a person, a number or an address, no task. */
const CONTACT = /^(?:联\s*系\s*人|联系(?:电话|方式|地址)|咨询电话|电子邮箱)\s*[::]/;
/** A page's metadata copied as a table row of labels and values (`索引号: | 1137…/2022-04772 | 成文日期: | 2022-10-08 |`). */
const METADATA = /^(?:[^|｜:：]{1,8}[:：]\s*[|｜][^|｜]*(?:[|｜]\s*|$))+$/;
/** A publication remark (`(此件公开发布)`), a seal's (`(国家知识产权局代章)`). */
const REMARK = /^[((](?:此件[^()()]{0,12}|[^()()]{2,30}代章)[))]$/;

/**
 * A news story's byline (`三秦都市报记者张维`, `记者 王忠虎`) or its pointer to the full text (`详见三秦网`): a line of its own,
 * no task.
 */
const BYLINE =
  /^(?:(?:详见|詳見)[\u4e00-\u9fff]{2,12}(?:网|網|报|報)|[\u4e00-\u9fff]{0,12}(?:记者|記者|通讯员|通訊員)\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})*)$/;

/**
 * The lines (by index) of a document's closing matter, which hold no task: the signing office and the date under it, a
 * date line, a publication remark, a contact line (联系人:…, 联系电话:…), a page's metadata row (索引号: | … | 成文日期: | …),
 * a news story's byline, the distribution
 * (抄送:…) and the attachments' list (附件:1.…, 2.…, a title wrapped over lines). Only lines that open nothing are read.
 */
export function closingLines(lines: readonly Pick<PlanLine, "line" | "opens">[]): Set<number> {
  const out = new Set<number>();
  const text = (k: number) => lines[k]!.line.trim();
  const nextAfter = (k: number): number | undefined => {
    for (let j = k + 1; j < lines.length; j++) if (text(j)) return j;
    return undefined;
  };
  /**
   * The last line of the attachment's title `title` that starts at line `k`: `k` when it closes on a document's name,
   * else the line under it (at most two) that completes it so, a short line without a number; undefined for none.
   */
  const titleEnd = (k: number, title: string): number | undefined => {
    if (DOCUMENT_NAME.test(title)) return k;
    let joined = title;
    for (let j = nextAfter(k), n = 0; j !== undefined && n < 2; j = nextAfter(j), n++) {
      if (ATTACHMENT_NUMBER.test(text(j)) || !TITLE_PART.test(text(j))) return undefined;
      joined += text(j);
      if (DOCUMENT_NAME.test(joined)) return j;
    }
    return undefined;
  };
  const take = (from: number, to: number) => {
    for (let j = from; j <= to; j++) if (text(j)) out.add(j);
  };
  let inAttachments = false;
  for (let k = 0; k < lines.length; k++) {
    const t = text(k);
    if (!t) continue;
    if (ATTACHMENTS.test(t)) {
      // the title on its line may run on under it (`附件:1.某县…三年` / `行动计划任务清单`)
      const title = t.replace(/^附件\s*\d{0,2}\s*[::]?\s*/, "");
      const end = title ? titleEnd(k, title) : undefined;
      take(k, end ?? k);
      k = end ?? k;
      inAttachments = true;
      continue;
    }
    const end = inAttachments && ATTACHMENT_NUMBER.test(t) && TITLE_PART.test(t) ? titleEnd(k, t) : undefined;
    if (end !== undefined) {
      take(k, end); // a numbered title, maybe wrapped over two lines (`2.…任务` / `清单`)
      k = end;
      continue;
    }
    inAttachments = false;
    if (lines[k]!.opens !== null) continue;
    if (
      DISTRIBUTION.test(t) ||
      DATE_LINE.test(t) ||
      PRINTED.test(t) ||
      REMARK.test(t) ||
      CONTACT.test(t) ||
      BYLINE.test(t) ||
      METADATA.test(t)
    )
      out.add(k);
    else if (SIGNER.test(t) && signs(k)) out.add(k);
  }
  return out;

  /** Whether a signing office's name at line `k` is over a date, itself or under a second office's name. */
  function signs(k: number): boolean {
    const next = nextAfter(k);
    if (next === undefined) return false;
    if (DATE_LINE.test(text(next))) return true;
    const after = SIGNER.test(text(next)) ? nextAfter(next) : undefined;
    return after !== undefined && DATE_LINE.test(text(after));
  }
}
