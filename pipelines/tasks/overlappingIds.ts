/** A span of the plan text with an id: a target's clause. */
interface Span {
  id: string;
  start_offset: number;
  end_offset: number;
}

/**
 * A lookup of the spans that overlap `[start, end)`, their ids in the order `spans` gives them: the same answer as
 * filtering every span, in time that grows with the spans that overlap (and a logarithm), not with all of them, so a
 * plan of many tasks and many targets costs their sum, not their product.
 */
export function overlappingIds(spans: readonly Span[]): (start: number, end: number) => string[] {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a]!.start_offset - spans[b]!.start_offset || a - b);
  const starts = order.map((i) => spans[i]!.start_offset);
  // the furthest end among the spans up to each place in `order`: the scan back stops where no earlier span reaches
  const reach: number[] = [];
  order.forEach((i, k) => reach.push(Math.max(k > 0 ? reach[k - 1]! : -Infinity, spans[i]!.end_offset)));
  return (start, end) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    const hits: number[] = [];
    for (let k = lo - 1; k >= 0 && reach[k]! > start; k--)
      if (spans[order[k]!]!.end_offset > start) hits.push(order[k]!);
    return hits.sort((a, b) => a - b).map((i) => spans[i]!.id);
  };
}
