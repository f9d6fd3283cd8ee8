import {parseMonth} from "./month.js";
import {normalizeText} from "./normalizeText.js";

/** A cell read as a number: missing (blank, —, -, 无), a number (and whether it had `%`), or bad. */
export type CellNumber = {kind: "missing"} | {kind: "number"; value: number; percent: boolean} | {kind: "bad"};

const MISSING = /^(?:[—–\-－/]+|无|暂无|n\/?a|null|空)$/i;

/**
 * Reads a cell as a number as people type them in Excel: full-width digits, thousands separators
 * (1,500 and 1，500), 万 and 亿 (6.1万 → 61000), a trailing `%`, a sign. Blank, `—`, `-` and `无` are
 * missing, not zero.
 */
export function parseCellNumber(text: string): CellNumber {
  let t = normalizeText(text).trim().replace(/\s+/g, "");
  if (t === "" || MISSING.test(t)) return {kind: "missing"};
  const percent = t.endsWith("%");
  if (percent) t = t.slice(0, -1);
  let scale = 1;
  if (/[万亿]$/.test(t)) {
    scale = t.endsWith("万") ? 1e4 : 1e8;
    t = t.slice(0, -1);
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replaceAll(",", "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return {kind: "bad"};
  const value = scale === 1 ? Number(t) : Math.round(Number(t) * scale * 1e6) / 1e6;
  return Number.isFinite(value) ? {kind: "number", value, percent} : {kind: "bad"};
}

/**
 * Reads a month cell (`2023-06`, `2023年6月`, `2023/6`, `2023.06`, `202306`, `2023-06-01` → `2023-06`), strictly: else
 * null. See {@link parseMonth}.
 */
export function parsePeriod(text: string): string | null {
  return parseMonth(normalizeText(text));
}

/** Finds a month written inside a file name (`2023年6月西湖区.csv`, `xihu_202306.xlsx`), else null. */
export function periodInName(name: string): string | null {
  const m = /(?<!\d)((?:19|20)\d{2})[-_.年/]?(\d{1,2})(?:月|(?!\d))/.exec(normalizeText(name));
  return m ? parsePeriod(`${m[1]}-${m[2]}`) : null;
}

/** Reads the basis of a value: 累计/cumulative (the default when blank) or 当期/period; else null. */
export function parseBasis(text: string): "cumulative" | "period" | null {
  const t = text.trim().toLowerCase();
  if (t === "" || ["cumulative", "累计", "累计值", "累计数"].includes(t)) return "cumulative";
  if (["period", "当期", "本期", "当月", "本月", "月度"].includes(t)) return "period";
  return null;
}

/**
 * The key a header or name is compared by: trimmed, full-width folded (digits, signs and letters:
 * `ｊｊｃ` is `jjc`, `２.２－ｔ１` is `2.2-t1`), spaces dropped, lower case.
 */
export function foldKey(text: string): string {
  return normalizeText(text)
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "")
    .toLowerCase();
}
