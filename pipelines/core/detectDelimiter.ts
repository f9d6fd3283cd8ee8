/** The delimiter the first non-empty line uses most, outside quotes (comma when none). */
export function detectDelimiter(text: string): "," | "\t" | ";" {
  const counts = {",": 0, "\t": 0, ";": 0};
  let quoted = false;
  let seen = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) {
      if (seen) break;
    } else if (!quoted && c in counts) counts[c as keyof typeof counts]++;
    if (c.trim()) seen = true;
  }
  const [best, count] = (Object.entries(counts) as [keyof typeof counts, number][]).sort((x, y) => y[1] - x[1])[0]!;
  return count > 0 ? best : ",";
}
