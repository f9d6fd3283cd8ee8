import {existsSync} from "node:fs";
import {readFile, writeFile} from "node:fs/promises";
import {basename} from "node:path";
import {PlanwatchError, foldKey, readGrid, readInputCsv, toCsv} from "../core/index.js";
import {planFormat, readPlanDocument, zipKind} from "../plan/index.js";
import {
  type ExtractedTask,
  type Role,
  type WorkItem,
  extractTasks,
  officeLookup,
  officeNames,
  projectOffices,
  readTimeLimit,
  taskTableRole
} from "../tasks/index.js";
import {DRAFT_NOTE} from "./draftOwners.js";
import {projectPaths} from "./projectFile.js";
import {projectPlanFile, projectTargets} from "./projectTargets.js";

/** A row of a task-breakdown table that names no task of the plan. */
export interface UnmatchedRow {
  /** The row as the table shows it (a spreadsheet's row number, a Word table's line). */
  row: number;
  task: string;
  /** `任务分解表.xlsx:第 7 行 …`, in Chinese, for the person who imports. */
  message: string;
}

/** What {@link importBreakdown} wrote. */
export interface BreakdownImport {
  responsibilities: string;
  offices: string;
  /** The plan id each matched row was written for, by row. */
  matched: {row: number; id: string}[];
  unmatched: UnmatchedRow[];
  /** The office names the table named that `offices.csv` did not have, added with new codes. */
  newOffices: string[];
}

const IMPORT_NOTE = "由任务分解表导入";
const RESPONSIBILITY_COLUMNS = ["id", "lead", "partners", "deadline", "note"];
const OFFICE_COLUMNS = ["code", "name", "short_name", "aliases"];
/** A plan id written in the number column: an item (`1.3`) or a task (`1.3-t2`). */
const PLAN_ID = /^\d{1,2}\.\d{1,3}(?:-t\d{1,3})?$/;

/**
 * Imports a task-breakdown table (任务分解表: `.xlsx`, `.csv`, or a table of a Word `.docx`, a `.pdf` or a saved web
 * page, with 序号, 任务, 牵头单位,
 * 配合单位 or 责任单位, 完成时限; headers read by meaning, as the plan's task tables are) into the project's
 * `seeds/responsibilities.csv`, and the office names it names that `seeds/offices.csv` lacks into that file. Each row is
 * matched to the plan's task by the id in its number cell (`1.3-t2`, `1.3`), else by its text (the task's or the
 * item title's, spaces and punctuation ignored); rows that match none are returned, not written. A row of the table
 * replaces the project's row for the same id when that one is a draft (`init`'s, or an earlier import); a row a person
 * wrote is kept, and the import refused (`PlanwatchError` `hand_edits`), unless `force` (default false).
 * Options: `projectDir` (default: the project folder), `force`.
 * Throws `invalid_breakdown` when the table has no header with a task column and an office column.
 */
export async function importBreakdown(
  file: string,
  {projectDir, force = false}: {projectDir?: string; force?: boolean} = {}
): Promise<BreakdownImport> {
  const paths = projectPaths(projectDir);
  const name = basename(file);
  const table = await readTable(file);
  const header = table.findIndex((r) => headerRoles(r.cells) !== null);
  if (header < 0)
    throw new PlanwatchError("invalid_breakdown", `${name}: 找不到表头(应有“任务”列和“牵头单位”或“责任单位”列)`);
  const roles = headerRoles(table[header]!.cells)!;
  const column = (role: Role) => roles.indexOf(role);
  const [text, targets] = await Promise.all([
    projectPlanFile({projectDir})
      .then(readPlanDocument)
      .then((d) => d.text),
    projectTargets({projectDir})
  ]);
  const {year, items, tasks} = extractTasks(text, {targets, year: paths.year});
  const find = planMatcher(items, tasks);
  const offices = await projectOffices(paths.offices);
  const office = officeLookup(offices);
  const newOffices: string[] = [];
  const known = (n: string) => office(n) !== undefined || newOffices.some((o) => foldKey(o) === foldKey(n));
  const written = new Map<string, Record<string, string>>();
  const matched: BreakdownImport["matched"] = [];
  const unmatched: UnmatchedRow[] = [];
  for (const {row, cells} of table.slice(header + 1)) {
    const cell = (role: Role) => (column(role) >= 0 ? (cells[column(role)] ?? "").trim() : "");
    const task = cell("task");
    if (!task) continue;
    const id = find(cell("no"), task);
    if (!id) {
      unmatched.push({
        row,
        task,
        message: `${name}:第 ${row} 行 任务“${clip(task)}”在规划中找不到对应的任务(请核对文字,或在序号列写任务编号,如 1.3-t2)`
      });
      continue;
    }
    const names = [...officeNames(cell("lead")), ...officeNames(cell("partners"))];
    const unique = [...new Map(names.map((n) => [foldKey(n), n])).values()];
    if (!unique.length) {
      unmatched.push({row, task, message: `${name}:第 ${row} 行 任务“${clip(task)}”没有写牵头单位或责任单位`});
      continue;
    }
    for (const n of unique) if (!known(n)) newOffices.push(n);
    const deadline = cell("deadline") ? readTimeLimit(cell("deadline"), {year}) : null;
    written.set(id, {
      id,
      lead: office(unique[0]!)?.name ?? unique[0]!,
      partners: unique
        .slice(1)
        .map((n) => office(n)?.name ?? n)
        .join("|"),
      deadline: deadline?.deadline ?? "",
      note: `${IMPORT_NOTE}:${name} 第 ${row} 行`
    });
    matched.push({row, id});
  }
  const kept = existsSync(paths.responsibilities)
    ? readInputCsv(paths.responsibilities, {code: "invalid_responsibilities"})
    : null;
  const existing = kept
    ? kept.rows.map(({line, cells}) => ({
        line,
        row: Object.fromEntries(RESPONSIBILITY_COLUMNS.map((c) => [c, (cells[kept.header.indexOf(c)] ?? "").trim()]))
      }))
    : [];
  const handEdited = existing.filter(
    ({row}) => written.has(row.id!) && row.note !== DRAFT_NOTE && !row.note!.startsWith(IMPORT_NOTE)
  );
  if (handEdited.length && !force)
    throw new PlanwatchError(
      "hand_edits",
      `${basename(paths.responsibilities)} 中已有手工填写的行(第 ${handEdited.map((h) => h.line).join("、")} 行:${handEdited
        .map((h) => h.row.id)
        .join("、")}),导入会覆盖它们:请核对后加 --force 覆盖,或先删去这些行`
    );
  const rows = [...existing.map(({row}) => written.get(row.id!) ?? row), ...written.values()].filter(
    (r, i, all) => all.findIndex((o) => o.id === r.id) === i
  );
  await writeFile(paths.responsibilities, toCsv(rows, RESPONSIBILITY_COLUMNS));
  if (newOffices.length) {
    const used = new Set(offices.map((o) => o.code));
    let n = 0;
    const code = () => {
      do n++;
      while (used.has(`o${String(n).padStart(2, "0")}`));
      return `o${String(n).padStart(2, "0")}`;
    };
    const all = [
      ...offices.map((o) => ({code: o.code, name: o.name, short_name: o.short_name, aliases: o.aliases.join("|")})),
      ...newOffices.map((name) => ({code: code(), name, short_name: "", aliases: ""}))
    ];
    await writeFile(paths.offices, toCsv(all, OFFICE_COLUMNS));
  }
  return {responsibilities: paths.responsibilities, offices: paths.offices, matched, unmatched, newOffices};
}

const clip = (text: string) => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

/** A table's rows of cells, each with its row number: a workbook or CSV as a spreadsheet shows it, a Word table's rows. */
async function readTable(file: string): Promise<{row: number; cells: string[]}[]> {
  const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") throw new PlanwatchError("not_found", `${file}: 文件不存在`);
    throw new PlanwatchError("invalid_breakdown", `${basename(file)}: 无法读取文件(${error.code ?? error.message})`);
  });
  if (!(await isDocument(bytes, file))) {
    const grid = await readGrid(bytes);
    return grid.rows.map((cells, i) => ({row: grid.rowNumbers[i]!, cells}));
  }
  // a Word, PDF or web page table: readPlanDocument keeps its rows as lines of cells split by `|`
  const {text} = await readPlanDocument(file);
  return text
    .split("\n")
    .map((line, i) => ({row: i + 1, line}))
    .filter(({line}) => line.includes("|"))
    .map(({row, line}) => ({row, cells: line.split("|").map((c) => c.trim())}));
}

/**
 * Whether the bytes are a document whose tables planwatch reads as a plan's (a PDF, a saved web page, a Word
 * document: a zip holding `word/document.xml`), not a workbook or a CSV.
 */
async function isDocument(bytes: Uint8Array, file: string): Promise<boolean> {
  let format: string;
  try {
    format = planFormat(bytes, {file});
  } catch {
    return false; // an old binary file (.xls, .doc): the spreadsheet reader says what it is
  }
  if (format === "pdf" || format === "html" || format === "mht") return true;
  return format === "zip" && (await zipKind(bytes).catch(() => null)) === "docx";
}

/**
 * The role of each cell of a header row (a task column and an office column at least), else null. A table without a
 * 牵头单位 column takes its 责任单位 column's first office as the lead, as notes do.
 */
function headerRoles(cells: readonly string[]): (Role | null)[] | null {
  const roles = cells.map((c) => taskTableRole(c));
  if (!roles.includes("task") || !(roles.includes("lead") || roles.includes("partners"))) return null;
  return roles;
}

/** Finds a row's plan id: the id in its number cell, else the task (or item) whose text is the row's, else null. */
function planMatcher(
  items: readonly WorkItem[],
  tasks: readonly ExtractedTask[]
): (no: string, text: string) => string | null {
  const ids = new Set([...items.map((i) => i.item_id), ...tasks.map((t) => t.task_id)]);
  const key = (text: string) => foldKey(text).replace(/[\s\p{P}]/gu, "");
  const taskKeys = tasks.map((t) => [t.task_id, key(t.text)] as const).filter(([, k]) => k.length >= 4);
  const itemKeys = items.map((i) => [i.item_id, key(i.title)] as const).filter(([, k]) => k.length >= 4);
  return (no, text) => {
    if (PLAN_ID.test(no) && ids.has(no)) return no;
    const k = key(text);
    if (k.length < 4) return null;
    for (const pool of [taskKeys, itemKeys]) {
      const exact = pool.find(([, t]) => t === k);
      if (exact) return exact[0];
    }
    // the row holds the task's text, or the task the row's (a table shortens or lengthens it)
    const within = taskKeys.filter(([, t]) => k.includes(t) || t.includes(k));
    if (within.length === 1) return within[0]![0];
    const titled = itemKeys.filter(([, t]) => k.startsWith(t));
    return titled.length === 1 ? titled[0]![0] : null;
  };
}
