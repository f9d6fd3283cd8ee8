import {parseMonth, PlanwatchError, readInputCsv} from "../core/index.js";
import type {ExtractedTask} from "./extractTasks.js";

/** One row of `responsibilities.csv`: who leads a work item or task, who helps, and when it is due. */
export interface Responsibility {
  /**
   * A work item (`1.3`: all its tasks), a task (`1.3-t2`: overrides its item's row) or a numeric
   * target (`6.1b`: its lead office, over the task that contains it; see targetOwners.ts).
   */
  id: string;
  /** The lead office's code. */
  lead: string;
  /** The partners: office codes or unit codes. */
  partners: string[];
  /** A deadline that overrides the text's, `YYYY-MM`, else null. */
  deadline: string | null;
  note: string;
}

/** A task with its owner (DESIGN.md, tasks table). */
export interface Task extends Omit<ExtractedTask, "deadline_source"> {
  /** The lead office's code, null when no row names one. */
  owner: string | null;
  partners: string[];
  deadline_source: ExtractedTask["deadline_source"] | "responsibilities";
  note: string;
}

const COLUMNS = ["id", "lead", "partners", "deadline", "note"];

/**
 * Reads and checks `responsibilities.csv` (`id,lead,partners,deadline,note`, partners separated by
 * `|`). `ids` holds the plan's item, task and target ids; `office(text)` finds an office's code by name or
 * alias, `partner(text)` an office's or unit's code. Throws `PlanwatchError`
 * `invalid_responsibilities`, in Chinese, naming the file, row and column of the first bad cell: an
 * unknown column, id, office or partner, a bad month, a repeated id.
 */
export async function readResponsibilities(
  file: string,
  {
    ids,
    office,
    partner
  }: {
    ids: ReadonlySet<string>;
    office: (text: string) => string | undefined;
    partner: (text: string) => string | undefined;
  }
): Promise<Responsibility[]> {
  const {name, header: names, rows} = readInputCsv(file, {code: "invalid_responsibilities"});
  const fail = (row: number, column: string, message: string): never => {
    throw new PlanwatchError("invalid_responsibilities", `${name}:${row}:${column} ${message}`, {row});
  };
  for (const h of names) if (!COLUMNS.includes(h)) fail(1, h, `无法识别的列“${h}”(应为 ${COLUMNS.join(",")})`);
  for (const c of ["id", "lead"]) if (!names.includes(c)) fail(1, c, `缺少“${c}”列`);
  const seen = new Map<string, number>();
  return rows.map(({line: row, cells}) => {
    const get = (column: string) => (cells[names.indexOf(column)] ?? "").trim();
    const id = get("id");
    if (!id) fail(row, "id", "编号为空");
    if (!ids.has(id)) fail(row, "id", `规划中没有编号为“${id}”的工作项、任务或指标`);
    if (seen.has(id)) fail(row, "id", `编号“${id}”与第 ${seen.get(id)} 行重复`);
    seen.set(id, row);
    const leadText = get("lead");
    const lead = leadText ? office(leadText) : undefined;
    if (!lead) fail(row, "lead", leadText ? `未知处室“${leadText}”(见 offices.csv)` : "牵头处室为空");
    const partners = get("partners")
      .split("|")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => partner(p) ?? fail(row, "partners", `未知配合单位“${p}”(见 offices.csv、units.csv)`));
    const written = get("deadline");
    const deadline = written ? parseMonth(written) : null;
    if (written && !deadline) fail(row, "deadline", `无法识别的月份“${written}”(应为 YYYY-MM)`);
    return {id, lead: lead!, partners, deadline, note: get("note")};
  });
}

/**
 * Gives each task its owner, partners, deadline and note: the task's own row, else its item's row.
 * A task row's deadline overrides the text's; an item row's deadline overrides only the plan's year
 * end (a deadline the task's own words name stands).
 */
export function assignResponsibilities(tasks: readonly ExtractedTask[], rows: readonly Responsibility[]): Task[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return tasks.map((t) => {
    const own = byId.get(t.task_id);
    const item = byId.get(t.item_id);
    const deadline = own?.deadline ?? (t.deadline_source === "year_end" ? item?.deadline : null) ?? null;
    return {
      ...t,
      owner: own?.lead ?? item?.lead ?? null,
      partners: (own ?? item)?.partners ?? [],
      deadline: deadline ?? t.deadline,
      deadline_source: deadline ? "responsibilities" : t.deadline_source,
      note: own?.note || item?.note || ""
    };
  });
}
