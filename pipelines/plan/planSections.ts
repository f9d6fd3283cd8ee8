import {normalizePlanText} from "../core/index.js";
import {planLines} from "./structure.js";

/** A section of the plan: its number (一、 → 1) and its heading, the first time the text gives it. */
export interface PlanSection {
  section: number;
  title: string;
}

/** The plan's sections in order, each once (the seed prints the notice twice). */
export function planSections(text: string): PlanSection[] {
  const sections = new Map<number, string>();
  for (const {section, line, body, opens} of planLines(normalizePlanText(text))) {
    if (opens === "section" && !sections.has(section))
      sections.set(section, line.slice(0, body).trim() + line.slice(body).trim());
  }
  return [...sections].map(([section, title]) => ({section, title}));
}
