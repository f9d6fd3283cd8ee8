/**
 * An indicator's short form for a chart's label: what it says without its parenthesised remarks
 * (`长学制技术技能人才招生占中职(不含技校、中专)招生比例` → `长学制技术技能人才招生占中职招生比例`),
 * cut to `max` characters (default 8) with an ellipsis: `长学制技术技能…`.
 */
export function shortIndicator(indicator: string, {max = 8}: {max?: number} = {}): string {
  const plain = indicator.replace(/[(（][^()（）]*[)）]/g, "").trim() || indicator.trim();
  const chars = [...plain];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : plain;
}

/** A target's label on a chart's axis: its id and its indicator's short form (`6.1b 新增学位`). */
export function targetLabel(id: string, indicator: string | null | undefined, options?: {max?: number}): string {
  return indicator ? `${id} ${shortIndicator(indicator, options)}` : id;
}
