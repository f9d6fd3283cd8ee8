import {toCsv} from "../core/index.js";
import type {ExtractedTask} from "../tasks/index.js";

/** The offices and responsibilities tables `planwatch init` drafts from the owners the plan names. */
export interface OwnersDraft {
  /** `seeds/offices.csv`: one row an office the plan names, coded `o01`, `o02` … in order of appearance. */
  offices: string;
  /** `seeds/responsibilities.csv`: one row an item whose tasks share their owners and deadline, else one a task. */
  responsibilities: string;
  officeCount: number;
  rowCount: number;
}

/** The note of a row `init` drafted: a draft, not a hand edit, so an import may replace it. */
export const DRAFT_NOTE = "草稿：由规划原文读出，请核对";

/**
 * Drafts a project's offices and responsibilities from the leads, partners and deadlines the plan names, so no one
 * retypes them; a person checks them. Null when the plan names no lead (the tables stay empty to fill).
 */
export function draftOwners(tasks: readonly ExtractedTask[]): OwnersDraft | null {
  const led = tasks.filter((t) => t.lead !== null);
  if (!led.length) return null;
  const codes = new Map<string, string>();
  for (const t of led)
    for (const name of [t.lead!, ...t.partners])
      if (!codes.has(name)) codes.set(name, `o${String(codes.size + 1).padStart(2, "0")}`);
  const stated = (t: ExtractedTask) =>
    t.deadline_source === "text" || t.deadline_source === "table" ? t.deadline : "";
  const key = (t: ExtractedTask) => JSON.stringify([t.lead, t.partners, stated(t)]);
  const rows: Record<string, string>[] = [];
  const row = (id: string, t: ExtractedTask) => ({
    id,
    lead: t.lead!,
    partners: t.partners.join("|"),
    deadline: stated(t) ?? "",
    note: DRAFT_NOTE
  });
  for (const itemId of [...new Set(led.map((t) => t.item_id))]) {
    const all = tasks.filter((t) => t.item_id === itemId);
    const own = all.filter((t) => t.lead !== null);
    if (own.length === all.length && new Set(all.map(key)).size === 1) rows.push(row(itemId, all[0]!));
    else for (const t of own) rows.push(row(t.task_id, t));
  }
  return {
    offices: toCsv(
      [...codes].map(([name, code]) => ({code, name, short_name: "", aliases: ""})),
      ["code", "name", "short_name", "aliases"]
    ),
    responsibilities: toCsv(rows, ["id", "lead", "partners", "deadline", "note"]),
    officeCount: codes.size,
    rowCount: rows.length
  };
}
