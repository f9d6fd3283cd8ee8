/** A run of a plan paragraph: plain text, or a clause that states the targets `ids`. */
export interface PlanSegment {
  text: string;
  ids: string[];
}

/**
 * Cuts a plan text into paragraphs (its lines, blank ones dropped), each a list of segments, so a
 * page can show the document with every target's clause marked and anchored. `clauses` are the
 * targets' ids and offsets; targets that share a clause share one segment.
 */
export function planSegments(
  text: string,
  clauses: readonly {id: string; start_offset: number; end_offset: number}[]
): PlanSegment[][] {
  const byStart = new Map<number, {end: number; ids: string[]}>();
  for (const c of clauses) {
    const span = byStart.get(c.start_offset);
    if (span) span.ids.push(c.id);
    else byStart.set(c.start_offset, {end: c.end_offset, ids: [c.id]});
  }
  const paragraphs: PlanSegment[][] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const lineStart = offset;
    offset += line.length + 1;
    if (!line.trim()) continue;
    const segments: PlanSegment[] = [];
    let at = 0;
    const starts = [...byStart.keys()]
      .filter((s) => s >= lineStart && s < lineStart + line.length)
      .sort((a, b) => a - b);
    for (const s of starts) {
      const {end, ids} = byStart.get(s)!;
      if (s - lineStart > at) segments.push({text: line.slice(at, s - lineStart), ids: []});
      segments.push({text: line.slice(s - lineStart, end - lineStart), ids});
      at = end - lineStart;
    }
    if (at < line.length) segments.push({text: line.slice(at), ids: []});
    paragraphs.push(segments);
  }
  return paragraphs;
}
