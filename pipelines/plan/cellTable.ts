import {stripGlosses} from "./glosses.js";
import {OFFICE_NAME_END} from "./officeEnding.js";

/** What a column of a plan's task or progress table holds, as its header names it. */
export type TableColumnRole = "no" | "task" | "deadline" | "lead" | "partners" | "progress" | "other";

const NO_HEADER = /^(?:序号|编号)$/;
const TASK_HEADER =
  /任务|工作内容|事项|实事|举措|(?:具体|细化)措施|^细化分工$|^(?:重点|主要)工作$|^工作重点$|^(?:项目|建设)(?:名称|内容)$/;
const DEADLINE_HEADER =
  /^(?:计划)?(?:完成)?(?:时限|时间|期限)(?:要求|节点|进度)?$|^时间节点$|^进度安排$|^(?:项目)?(?:建设|实施)(?:期限|时限|周期)$/;
const LEAD_HEADER = /^(?:牵头|主责)(?:责任)?(?:单位|部门|处室|科室|股室)$|^主要责任(?:单位|部门)$/;
const PARTNER_HEADER = /^(?:协同)?(?:配合|责任|负责|协办|协助|参与)(?:单位|部门|处室|科室|股室)$/;
/** A column that reports what was done (目前完成情况, 进展情况, 是否达到序时进度): no task, no target. */
const PROGRESS_HEADER =
  /(?:完成|进展|推进|落实|执行)(?:情况|比例)$|^(?:工作)?进展$|序时进度|^完成进度$|^进度(?:[((]百分比[))]|比例)?$/;
/** Columns of notes (单位, 备注, 类别), money (项目总投资(万元), 资金分配), problems met and the next quarter's plans: no task. */
const OTHER_HEADER = /单位|部门|领导|责任人|备注|类别|分类|领域|^指标$|投资|资金|金额|经费|万元|问题|困难|^下一步/;
/** A column of persons (责任领导, 牵头领导, 责任人): a cell of offices is none of its. */
const PERSON_HEADER = /领导|责任人|联系人/;

/**
 * What a task table's header cell says its column holds (`序号` → no, `重点任务`, `民生实事` or `细化分工` → task, `牵头单位` or `主要责任单位`
 * → lead, `配合单位`, `协同配合单位`, `责任单位`, `协助单位` or `负责部门` → partners, `完成时限`, `完成期限`, `计划完成时间` or
 * `时间进度` → deadline, `目前完成情况`, `进展比例` or `是否达到序时进度` → progress, other office or note columns → other), null
 * for no header; a name of two in one (`责任单位或牵头单位`) is the lead's when either names it.
 */
export function tableColumnRole(cell: string): TableColumnRole | null {
  // a mirror's pinyin glosses (`序號(hào)`) are no part of the name
  const c = (stripGlosses(cell)?.text ?? cell).replace(/\s+/g, "");
  if (!c || c.length > 12) return null;
  // a name of two columns in one (`责任单位或牵头单位`): the lead's when either names it, else the first's
  const either = c.split("或");
  if (either.length === 2 && either.every((part) => part.length >= 2)) {
    const roles = either.map(tableColumnRole);
    return roles.includes("lead") ? "lead" : roles[0]!;
  }
  if (NO_HEADER.test(c)) return "no";
  if (DEADLINE_HEADER.test(c)) return "deadline";
  if (PROGRESS_HEADER.test(c)) return "progress";
  if (TASK_HEADER.test(c)) return "task";
  if (LEAD_HEADER.test(c)) return "lead";
  if (PARTNER_HEADER.test(c)) return "partners";
  return OTHER_HEADER.test(c) ? "other" : null;
}

/** A line of text and where it starts in the text (a `PlanLine` is one). */
export interface TextLine {
  offset: number;
  line: string;
}

/** A column of a cell table: its role and its header's words (a header split over two lines joined). */
export interface CellColumn {
  role: TableColumnRole;
  header: string;
  /** The time a fragment of the header names (`重点任务` / `第二季度` → `第二季度`): when its cells are due. */
  time?: string;
}

/** A cell of a row: its column and its span of the text (from its first paragraph to its last). */
export interface TableCell {
  column: number;
  role: TableColumnRole;
  start: number;
  end: number;
}

/** A row of a cell table: its 序号 and its cells, in column order (a column with no paragraph has none). */
export interface CellTableRow {
  no: number;
  /** The span of the row's 序号 cell. */
  start: number;
  end: number;
  cells: TableCell[];
}

/** A table copied one cell a paragraph: its columns, its rows, and the span it takes (header to last row). */
export interface CellTable {
  columns: CellColumn[];
  rows: CellTableRow[];
  start: number;
  end: number;
}

/** A row's 序号 cell: `1`, or `1.`/`1、` as some tables print it. */
const NUMBER_CELL = /^(\d{1,3})[.、]?$/;
/** A row of sections between rows (`一、…`, `(二)…`): no row, it ends the one before. */
const SECTION_ROW = /^(?:[一二三四五六七八九十]+、|[(][一二三四五六七八九十]+[)])/;
/** What a time-limit cell says: a year, a month, a quarter, the year's end, or all along. */
const TIME_CELL = /\d{4}\s*年|\d{1,2}\s*月|[一二三四1-4]季度|年底|年末|底前|上半年|下半年|全年|长期|持续|常态/;
/** A header cell: short, without a stop or a comma. */
const HEADER_LIKE = /^[^,。;:,;:]{1,12}$/;
/** A header fragment that names a time (`第二季度`, `上半年`, `6月`): it qualifies the column before it. */
const TIME_FRAGMENT = /^(?:第?[一二三四1-4]季度|[上下]半年|全年|\d{1,2}月(?:份)?)$/;

/** A row of sections between rows: a short `一、…` paragraph. */
const isSectionRow = (p: Paragraph) => SECTION_ROW.test(p.text) && p.text.length <= 60;

/** A header fragment that ends the name before it (`重点工作` / `任务`, `牵头` … `单位`), when the name keeps its role. */
const SUFFIX_FRAGMENT = /^(?:任务|单位|部门|科室|处室|时限|时间|情况|内容)$/;
/** A header fragment in brackets (`责任股室` / `(单位)`): a gloss of the name before it, which keeps its role. */
const BRACKET_FRAGMENT = /^[((][^()()]{1,8}[))]$/;

interface Paragraph {
  start: number;
  end: number;
  text: string;
}

/** The lines with text, trimmed, by their spans (a line of spaces or no-break spaces is no paragraph). */
function paragraphsOf(lines: readonly TextLine[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const {offset, line} of lines) {
    const text = line.trim();
    if (!text || line.includes("\n") || /[|｜\t]/.test(text)) {
      if (text) out.push({start: offset, end: offset, text: ""}); // a line of another kind: a barrier
      continue;
    }
    const lead = line.length - line.trimStart().length;
    out.push({start: offset + lead, end: offset + lead + text.length, text});
  }
  return out;
}

/**
 * The header that starts at paragraph `i`: its columns (at least three, the first 序号, one of them a task column),
 * each a known column name or two fragments of one (`责任` / `领导`; a time `第二季度` joins the column before it), and
 * the paragraph after it; null for none.
 */
function headerAt(paragraphs: readonly Paragraph[], i: number): {columns: CellColumn[]; next: number} | null {
  if (tableColumnRole(paragraphs[i]!.text) !== "no") return null;
  const columns: CellColumn[] = [];
  let j = i;
  while (j < paragraphs.length && HEADER_LIKE.test(paragraphs[j]!.text)) {
    const text = paragraphs[j]!.text;
    const role = tableColumnRole(text);
    const joined = j + 1 < paragraphs.length ? text + paragraphs[j + 1]!.text : "";
    const before = columns.at(-1);
    if (TIME_FRAGMENT.test(text) && before) {
      before.header += text;
      before.time = text;
      j++;
    } else if (BRACKET_FRAGMENT.test(text) && before) {
      before.header += text; // 责任股室 / (单位): one column
      j++;
    } else if (SUFFIX_FRAGMENT.test(text) && before && tableColumnRole(before.header + text) === before.role) {
      before.header += text; // 重点工作 / 任务: one column
      j++;
    } else if (role !== null) {
      columns.push({role, header: text});
      j++;
    } else if (HEADER_LIKE.test(joined) && tableColumnRole(joined) !== null) {
      columns.push({role: tableColumnRole(joined)!, header: joined});
      j += 2;
    } else break;
  }
  if (columns.length < 3 || !columns.some((c) => c.role === "task")) return null;
  return {columns, next: j};
}

/** Whether a paragraph names offices only (`农业股`, `区教育局、区财政局`): every name ends as an office's does. */
const namesOffices = (text: string) =>
  text
    .replace(/[。.]$/, "")
    .split(/[、,,;;\s]+/)
    .every((name) => name.length >= 2 && name.length <= 24 && OFFICE_NAME_END.test(name));

/** Whether a paragraph can be an office cell: short, no sentence inside, no time. */
const officeLike = (text: string) =>
  text.length <= 160 && !/[。;;!?!?](?=.)/.test(text) && !TIME_CELL.test(text) && !NUMBER_CELL.test(text);

/** Whether a paragraph can be a time-limit cell: a time (`2023年底`), or a short phrase that names no office (`年内`). */
const timeLike = (text: string) =>
  text.length <= 40 && (TIME_CELL.test(text) || (text.length <= 12 && !/[,。;,;]/.test(text) && !namesOffices(text)));

/** A paragraph that goes on a text cell: a sentence (its stop), naming no office and no time of its own. */
const continuesText = (text: string) => /[。;;!!]$/.test(text) && !namesOffices(text) && !TIME_CELL.test(text);

/** A stray paragraph a copy leaves between cells (`2`, a lone mark): skipped before a time-limit cell. */
const stray = (text: string) => /^(?:\d{1,2}|[^\p{L}\p{N}])$/u.test(text);

/** Whether a paragraph can be a task cell: no 序号, no office's name, no time alone (`12月底前`, not a sentence with a year). */
const taskLike = (text: string) =>
  !NUMBER_CELL.test(text) && !namesOffices(text) && !(timeLike(text) && !/[,,。;;]/.test(text));

/** Whether a paragraph can be a group's name (`公共文化服务`, `文化市场管理`): short, no stop or comma, no time. */
const groupLike = (text: string) => text.length <= 20 && !/[,。;:,;:!?!?]/.test(text) && !TIME_CELL.test(text);

/**
 * The table's group column, when it has one: a column of another kind (指标, 类别, 领域) before its first task column, its
 * cell merged over the rows of its group (printed on the first of them only); -1 for none.
 */
const groupColumn = (columns: readonly CellColumn[]) => {
  const task = columns.findIndex((c) => c.role === "task");
  return columns.findIndex((c, n) => n > 0 && n < task && c.role === "other");
};

/**
 * The rows with the time-limit and office cells merged within a group carried down: in a table whose group column is
 * merged (some rows print its cell, some not), a row that prints no group cell is in the group of the row above, and
 * takes that row's time-limit cell when it prints none, and its office cells when it prints none (a merged cell is
 * printed on the first row of its merge only). A row that opens a group takes nothing from the group before.
 */
function carryDown(columns: readonly CellColumn[], rows: readonly CellTableRow[]): CellTableRow[] {
  const group = groupColumn(columns);
  const opens = (r: CellTableRow) => r.cells.some((c) => c.column === group);
  if (group < 0 || rows.every(opens) || !rows.some(opens)) return [...rows];
  const out: CellTableRow[] = [];
  const isOffice = (c: TableCell) => c.role === "lead" || c.role === "partners";
  for (const row of rows) {
    const above = out.at(-1);
    if (!above || opens(row)) {
      out.push(row);
      continue;
    }
    const carried = [
      ...(row.cells.some((c) => c.role === "deadline") ? [] : above.cells.filter((c) => c.role === "deadline")),
      ...(row.cells.some(isOffice) ? [] : above.cells.filter(isOffice))
    ];
    out.push({...row, cells: [...row.cells, ...carried].sort((a, b) => a.column - b.column)});
  }
  return out;
}

/**
 * The row's paragraphs (after its 序号) put in its columns, in order: a task or note column takes one paragraph (a task
 * column before an office or time column the sentences after it too, that name no office or time); an
 * office column one that names offices, and the next too when it names only offices and the next column is no office
 * column (`农业股` / `乡村产业发展股`); a time-limit column one that names a time, past a stray `2`, else none; what
 * is left joins the last column that has a cell, unless it is a second task of the row with its own time (merged cells: it
 * gives its own cells, in the same columns).
 */
function rowCells(columns: readonly CellColumn[], paragraphs: readonly Paragraph[]): TableCell[] {
  const cells: TableCell[] = [];
  let p = 0;
  for (let k = 1; k < columns.length && p < paragraphs.length; k++) {
    const {role} = columns[k]!;
    const here = paragraphs[p]!;
    const put = (from: Paragraph, to: Paragraph) => cells.push({column: k, role, start: from.start, end: to.end});
    const next = paragraphs[p + 1]?.text;
    // a group's cell is printed on its first row only: a row that opens on its task leaves it out
    if (k === groupColumn(columns) && !(groupLike(here.text) && next !== undefined && taskLike(next))) continue;
    // a person (责任领导 夏俊贵) is no office: a cell of offices is the office column's, the person's left out
    if (role === "other" && PERSON_HEADER.test(columns[k]!.header) && namesOffices(here.text)) continue;
    if (role === "lead" || role === "partners") {
      if (!officeLike(here.text)) continue;
      let last = p;
      const nextRole = columns[k + 1]?.role;
      while (
        last + 1 < paragraphs.length &&
        nextRole !== "lead" &&
        nextRole !== "partners" &&
        namesOffices(paragraphs[last + 1]!.text)
      )
        last++;
      const to = paragraphs[last]!;
      // the closing stop of a list of names (`…,街道办事处。`) is no part of the cell
      put(here, {...to, end: to.end - (/[。.;;,,]$/.test(to.text) ? 1 : 0)});
      p = last + 1;
    } else if (role === "deadline") {
      let q = p;
      while (q < paragraphs.length && stray(paragraphs[q]!.text)) q++;
      if (q < paragraphs.length && timeLike(paragraphs[q]!.text)) {
        put(paragraphs[q]!, paragraphs[q]!);
        p = q + 1;
      }
    } else {
      // a task cell of two paragraphs (`推进示范建设。` / `开展教师培训。`): before an office or time column, a paragraph that
      // names no office and no time goes on the task
      let last = p;
      const nextRole = columns[k + 1]?.role;
      if (role === "task" && (nextRole === "lead" || nextRole === "partners" || nextRole === "deadline"))
        while (last + 1 < paragraphs.length && continuesText(paragraphs[last + 1]!.text)) last++;
      put(here, paragraphs[last]!);
      p = last + 1;
    }
  }
  const rest = paragraphs.slice(p);
  if (rest.length && cells.length) {
    if (isSecondTask(columns, rest)) cells.push(...rowCells(columns, rest));
    else cells.at(-1)!.end = paragraphs.at(-1)!.end;
  }
  return cells;
}

/**
 * Whether the paragraphs left after a row's last column are a second task of the row with its own time (`开工建设老年大学。`
 * / `12月底前`, the 序号 and office cells merged over both): in a table whose first column after 序号 is its task and whose
 * last is its time limit, a sentence that names no office or time, and a time last.
 */
const isSecondTask = (columns: readonly CellColumn[], rest: readonly Paragraph[]) =>
  columns[1]?.role === "task" &&
  columns.at(-1)!.role === "deadline" &&
  rest.length >= 2 &&
  continuesText(rest[0]!.text) &&
  timeLike(rest.at(-1)!.text) &&
  !continuesText(rest.at(-1)!.text);

/**
 * A record of one task copied one cell a paragraph, each column's name on a paragraph of its own just before its cell, as a
 * page of a single task prints it (`具体任务` / its sentence / `责任单位` / `卫健局、文旅局` / `完成时限` / `1月底前完成`): a table of
 * one row without 序号 (numbered 1), its first name a task column, at least three names; null for none.
 */
function recordAt(paragraphs: readonly Paragraph[], i: number): {table: CellTable; next: number} | null {
  const columns: CellColumn[] = [{role: "no", header: ""}];
  const cells: TableCell[] = [];
  let j = i;
  for (; j + 1 < paragraphs.length; j += 2) {
    const [name, cell] = [paragraphs[j]!, paragraphs[j + 1]!];
    const role = HEADER_LIKE.test(name.text) ? tableColumnRole(name.text) : null;
    if (role === null || role === "no" || !cell.text || tableColumnRole(cell.text) !== null) break;
    columns.push({role, header: name.text});
    cells.push({column: columns.length - 1, role, start: cell.start, end: cell.end});
  }
  if (cells.length < 3 || cells[0]!.role !== "task") return null;
  const first = paragraphs[i]!;
  const row: CellTableRow = {no: 1, start: first.start, end: first.end, cells};
  return {table: {columns, rows: [row], start: first.start, end: paragraphs[j - 1]!.end}, next: j};
}

/**
 * The tables of a text copied one cell a paragraph (a web page's table: each cell on a line of its own, blank lines
 * between, no `|`): a header of known column names (序号, then 重点工作任务, 牵头单位, 计划完成时间, 完成情况 …; a
 * name split over two lines joined) and the rows under it, each opened by its 序号 (numbers rising: a stray `2` in a
 * row is none), its paragraphs put in the columns (see `rowCells`: a cell of two paragraphs, a column left empty). A
 * row of sections (`一、…`) between rows is kept out of the rows; the table ends at a line of another kind (a `|` row)
 * or at a row of more paragraphs than its columns allow. A record of one task, each column's name before its cell
 * (`recordAt`), is a table of one row. Offsets are the lines' (into the text they index).
 */
export function cellTables(lines: readonly TextLine[]): CellTable[] {
  const paragraphs = paragraphsOf(lines);
  const tables: CellTable[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const header = headerAt(paragraphs, i);
    const record = header ? null : recordAt(paragraphs, i);
    if (record) {
      tables.push(record.table);
      i = record.next - 1;
      continue;
    }
    if (!header) continue;
    const {columns} = header;
    const rows: CellTableRow[] = [];
    let j = header.next;
    let end = paragraphs[header.next - 1]!.end;
    for (;;) {
      while (j < paragraphs.length && isSectionRow(paragraphs[j]!)) j++;
      const number = paragraphs[j] && NUMBER_CELL.exec(paragraphs[j]!.text);
      if (!number) break;
      const no = Number(number[1]);
      if (rows.length && no <= rows.at(-1)!.no) break;
      // the row's paragraphs: up to the next row's 序号 (a larger number followed by text), a section row or a barrier
      let k = j + 1;
      const isRowStart = (m: number) => {
        const n = NUMBER_CELL.exec(paragraphs[m]!.text);
        const after = paragraphs[m + 1]?.text ?? "";
        return n !== null && Number(n[1]) > no && after !== "" && !NUMBER_CELL.test(after);
      };
      while (k < paragraphs.length && paragraphs[k]!.text !== "" && !isRowStart(k) && !isSectionRow(paragraphs[k]!))
        k++;
      // a row of more paragraphs than its columns allow is the table's last: the text after it is none of its cells
      const last = k - (j + 1) > columns.length + 2;
      if (last) k = j + columns.length;
      const own = paragraphs.slice(j + 1, k);
      if (!own.length || NUMBER_CELL.test(own[0]!.text)) break;
      const cells = rowCells(columns, own);
      if (!cells.some((c) => c.role === "task")) break;
      rows.push({no, start: paragraphs[j]!.start, end: paragraphs[j]!.end, cells});
      end = own.at(-1)!.end;
      j = k;
      if (last) break;
    }
    if (!rows.length) continue;
    tables.push({columns, rows: carryDown(columns, rows), start: paragraphs[i]!.start, end});
    i = j - 1;
  }
  return tables;
}
