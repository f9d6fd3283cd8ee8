import {normalizeText} from "./normalizeText.js";
import {parseChineseNumeral} from "./numbers.js";

/** A section of the plan: its number (一、 → 1) and its heading, the first time the text gives it. */
export interface PlanSection {
  section: number;
  title: string;
}

/** The plan's sections in order, each once (the seed prints the notice twice). */
export function planSections(text: string): PlanSection[] {
  const sections = new Map<number, string>();
  for (const line of normalizeText(text).split("\n")) {
    const m = /^\s*([一二三四五六七八九十]+)、(.+)$/.exec(line);
    if (!m) continue;
    const section = parseChineseNumeral(m[1]!);
    if (!sections.has(section)) sections.set(section, `${m[1]}、${m[2]!.trim()}`);
  }
  return [...sections].map(([section, title]) => ({section, title}));
}
