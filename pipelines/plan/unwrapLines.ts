import type {PlanLine} from "./structure.js";

/** Marks that end a paragraph's last line (or a heading that opens a list). */
const PARAGRAPH_END = /[。;!?:;:!?”"」』)】》]\s*$/;

/**
 * The plan's lines with the line breaks of a copy from a PDF taken out: in a text whose lines were
 * wrapped at one width (many lines of the same length, most not ending a sentence), a line of about
 * that full width that ends no sentence runs on into the next line when that one opens nothing
 * (no section or item mark). The joined line keeps the break (offsets stay those of the text). A
 * text of whole paragraphs, one per line, is left as it is.
 * Option `wrapped`: which lines were wrapped, when the caller knows (a PDF reader sees that a line
 * reaches the right margin and the next is not indented); it replaces the guess from widths and marks.
 */
export function unwrapLines<L extends PlanLine>(
  lines: readonly L[],
  {wrapped}: {wrapped?: (line: L, next: L) => boolean} = {}
): L[] {
  if (wrapped) return joinWrapped(lines, wrapped);
  const filled = lines.filter((l) => l.line.trim());
  if (filled.length < 6) return [...lines];
  const lengths = new Map<number, number>();
  for (const l of filled) lengths.set(l.line.trimEnd().length, (lengths.get(l.line.trimEnd().length) ?? 0) + 1);
  // the wrap width: the most common length (of 16 characters or more), when a fifth of the lines or
  // more have it; a wrapped line is within 3 of it (digits and spaces are narrower than characters)
  const [width, count] = [...lengths].filter(([n]) => n >= 16).reduce((best, e) => (e[1] > best[1] ? e : best), [0, 0]);
  const open = filled.filter((l) => !PARAGRAPH_END.test(l.line)).length;
  if (count < filled.length / 5 || open < filled.length / 2) return [...lines];
  return joinWrapped(lines, (last) => last.line.trimEnd().length >= width - 3 && !PARAGRAPH_END.test(last.line));
}

/** `lines`, each that `wrapped` says runs on joined to the next (break kept) when that one opens nothing. */
function joinWrapped<L extends PlanLine>(lines: readonly L[], wrapped: (line: L, next: L) => boolean): L[] {
  const out: L[] = [];
  for (const l of lines) {
    const last = out.at(-1);
    const runsOn = last && last.line.trim() && l.line.trim() && l.opens === null && wrapped(last, l);
    if (runsOn) out[out.length - 1] = {...last, line: `${last.line}\n${l.line}`};
    else out.push(l);
  }
  return out;
}
