import {
  type CellTable,
  OFFICE_ENDING,
  OFFICE_NAME_END,
  type PlanLine,
  cellTables,
  tableColumnRole
} from "../plan/index.js";
import {officeNames} from "./owners.js";
import {actionVerb, namesTime, readTimeLimit, subListRuns} from "./phrases.js";

/**
 * A line of the plan as tasks read it: a table row's task cell is a line of its own, with the row's time-limit cell.
 */
export interface TaskLine extends PlanLine {
  /** The row's time-limit cell (`2024年6月底前`), for a table row's task cell. */
  deadline?: string;
  /** Whether a table's row gave the line (a task table's cell, not the plan's prose). */
  table?: true;
  /** The row's office cells (牵头单位, 配合单位 or 责任单位), by their offsets into the text. */
  cells?: {role: "lead" | "partners"; start: number; end: number}[];
}

/** What a header cell of a task table says its column holds. */
export type Role = "no" | "task" | "deadline" | "lead" | "partners" | "other";
/** Whether a column names an office: its lead (牵头) or its partners (配合, 责任). */
const isOffice = (role: string | null | undefined): role is "lead" | "partners" =>
  role === "lead" || role === "partners";

/** A row's 序号 cell: `1`, or `1.`/`1、` as some tables print it. */
const NUMBER_CELL = /^(\d{1,3})[.、]?$/;

/**
 * What a task table's header cell says its column holds (`序号` → no, `重点任务` → task, `牵头单位` → lead, `配合单位` or
 * `责任单位` → partners, `完成时限` → deadline, progress, other office or note columns → other), null for no header;
 * the names are `tableColumnRole`'s (pipelines/plan).
 */
export function taskTableRole(cell: string): Role | null {
  return roleOf(cell);
}

function roleOf(cell: string): Role | null {
  const role = tableColumnRole(cell);
  return role === "progress" ? "other" : role;
}

/** A cell of a table: the line it is on and where it lies in it. */
interface Cell {
  line: number;
  start: number;
  end: number;
  text: string;
}

/** What parts a row's cells: `|`, a full-width `｜`, or a tab (a table copied from Word or Excel). */
const CELL_BAR = /[|｜\t]/;
/** A Markdown table's rule under its header (`|---|:---:|`): no cells. */
const RULE = /^:?-{3,}:?$/;

/** A line of bars only (`|`, `||||`): an empty cell, or the rule between cells of a table printed one cell a line. */
const BARS_ONLY = /^[|｜]+$/;

/**
 * The cells of the plan's lines in order: a line split at `|`, `｜` or a tab (a bar before the first cell or after the
 * last opens or ends no cell), else the line; a Markdown rule (`|---|---|`) gives none, nor does a line of bars only
 * next to a line of text without a bar (a table printed one cell a line between lone `|` lines: the bars part cells,
 * they are none; next to cells that end in `|`, a lone `|` is an empty cell).
 */
function cellsOf(lines: readonly PlanLine[]): Cell[] {
  const out: Cell[] = [];
  const text = (k: number) => lines[k]?.line.trim() ?? "";
  const nearest = (k: number, step: 1 | -1) => {
    let j = k + step;
    while (j >= 0 && j < lines.length && !text(j)) j += step;
    return text(j);
  };
  const bare = (t: string) => t !== "" && !CELL_BAR.test(t);
  lines.forEach(({line}, index) => {
    if (!line.trim()) return;
    if (BARS_ONLY.test(line.trim()) && (bare(nearest(index, -1)) || bare(nearest(index, 1)))) return;
    const parts = lineCells(line, index);
    if (parts.length > 1 && parts.every((p) => RULE.test(p.text))) return;
    out.push(...parts);
  });
  return out;
}

/** The cells of one line (of the plan's line `index`): split at bars or tabs, a bar before the first or after the last opening or ending none. */
function lineCells(line: string, index: number): Cell[] {
  const parts: Cell[] = [];
  let from = 0;
  for (const part of line.split(CELL_BAR)) {
    const lead = part.length - part.trimStart().length;
    parts.push({line: index, start: from + lead, end: from + lead + part.trim().length, text: part.trim()});
    from += part.length + 1;
  }
  if (parts.length > 1 && parts.at(-1)!.text === "") parts.pop();
  if (parts.length > 1 && parts[0]!.text === "" && CELL_BAR.test(line.trimStart()[0] ?? "")) parts.shift();
  return parts;
}

/** A cell of a row a line by its offsets into the text (a cell wrapped over two lines, joined, spans both). */
type Span = {start: number; end: number; text: string};

/** The cells of line `j` of `lines`, by their offsets into the text. */
function lineSpans(lines: readonly TaskLine[], j: number): Span[] {
  const {line, offset} = lines[j]!;
  return lineCells(line, j).map((c) => ({start: offset + c.start, end: offset + c.end, text: c.text}));
}

/** A row's offices: its cells in the lead and partner columns that hold text, by their offsets into the text. */
function officeSpans(
  roles: readonly (Role | null)[],
  cellAt: (k: number) => Span | undefined
): NonNullable<TaskLine["cells"]> {
  return roles.flatMap((role, k) => {
    const c = cellAt(k);
    return isOffice(role) && c?.text ? [{role, start: c.start, end: c.end}] : [];
  });
}

/** The lines with those a table reader `made` (by line index, an empty list for a line it took) put in their place. */
function replaced(lines: readonly TaskLine[], made: ReadonlyMap<number, TaskLine[]>): readonly TaskLine[] {
  if (!made.size) return lines;
  return lines.flatMap((l, index) => made.get(index) ?? [l]);
}

/**
 * Whether a time-limit cell holds the row's steps (`①2月上旬前,完成设计招标。②3月底前,完成图纸深化设计。`, `⑴…⑵…`,
 * `(1)…(2)…`): one numbered list from the cell's start, each entry naming its own time and an action.
 */
export function isStepsCell(text: string): boolean {
  const cell = text.trim();
  const runs = subListRuns(cell);
  const markers = runs[0] ?? [];
  if (runs.length !== 1 || markers.length < 2 || markers[0] !== 0) return false;
  return markers.every((at, i) => {
    const entry = cell.slice(at, markers[i + 1] ?? cell.length);
    return namesTime(entry) && actionVerb(entry) !== null;
  });
}

/**
 * A row's task lines with its time-limit cell (its offset into the text and its text): the cell dates them; a cell of
 * the row's steps (`isStepsCell`) is a line of its own after them instead, its steps the row's tasks, each dated by its
 * words (the row's task cell then titles the item).
 */
function withTimeCell(row: readonly TaskLine[], cell: {start: number; text: string} | undefined): TaskLine[] {
  if (!cell?.text || !row.length) return [...row];
  if (!isStepsCell(cell.text)) return row.map((l) => ({...l, deadline: cell.text}));
  const {section, item, cells} = row[0]!;
  const steps: TaskLine = {section, item, offset: cell.start, line: cell.text, body: 0, opens: null, table: true};
  return [...row, cells ? {...steps, cells} : steps];
}

/** A row's number printed at the head of its first cell, in a table with no 序号 column (`14.改扩建…`, `1、城市…`). */
const CELL_NUMBER = /^(\d{1,3})\s*[.、.]\s*/;

/**
 * The lines with each table of rows a line, cells parted by bars, that has no 序号 column read (`类别 | 民生事项名称 |
 * 年度任务目标 | 责任单位 | …`, then `四、教育文化 | 14.改扩建… | 完成… | 教育体育局 | …`): a header line of column names (most
 * known, a task column and an office column among them), then rows whose first own cell opens on its number. A
 * leading column that a row leaves out is a group merged over rows (printed on its first row only): a row's cells are
 * the last columns' (their trailing empty cells dropped). The first cell after the groups opens the item its number
 * names, titling it; the row's later task cells are its tasks, with its office and time cells. Other lines are kept.
 */
function numberedBarRows(lines: readonly TaskLine[]): readonly TaskLine[] {
  const made = new Map<number, TaskLine[]>();
  const spans = (j: number) => lineSpans(lines, j);
  const nextLine = (j: number) => {
    let k = j + 1;
    while (k < lines.length && !lines[k]!.line.trim()) k++;
    return k;
  };
  for (let i = 0; i < lines.length; i++) {
    const head = lineCells(lines[i]!.line, i);
    const roles = head.map((c) => roleOf(c.text));
    const known = roles.filter((r) => r !== null).length;
    if (head.length < 4 || roles.includes("no") || !roles.includes("task")) continue;
    if (!roles.some(isOffice) || known * 2 < head.length) continue;
    // a table that closes its rows with a bar: a row line without one runs on to the next (a cell wrapped over lines)
    const closes = CELL_BAR.test(lines[i]!.line.trim().at(-1) ?? "");
    const rows: {lines: number[]; cells: Span[]}[] = [];
    for (let j = nextLine(i); j < lines.length; j = nextLine(j)) {
      const cells = spans(j);
      const taken = [j];
      for (let k = nextLine(j); closes && !CELL_BAR.test(lines[taken.at(-1)!]!.line.trim().at(-1) ?? "");) {
        if (k >= lines.length || !CELL_BAR.test(lines[k]!.line) || !cells.length) break;
        const [joined, ...rest] = spans(k);
        const last = cells.pop()!;
        cells.push({start: last.start, end: joined!.end, text: last.text + joined!.text}, ...rest);
        taken.push(k);
        k = nextLine(k);
      }
      while (cells.length && !cells.at(-1)!.text) cells.pop();
      // a group's cell the row's number was cut from (`四、教育文化 |`, `生 态 环 境 |`) is a line of its own: no row
      if (cells.length === 1 && (lines[j]!.opens === "section" || closes)) continue;
      if (cells.length < 2 || cells.length > head.length) break;
      rows.push({lines: taken, cells});
      j = taken.at(-1)!;
    }
    // the title column: the first row's numbered cell (its first, or its second after a group's cell)
    const lead = rows[0]?.cells.findIndex((c, k) => k < 2 && CELL_NUMBER.test(c.text)) ?? -1;
    if (lead < 0) continue;
    const first = head.length - rows[0]!.cells.length + lead;
    const read: typeof rows = [];
    for (const row of rows) {
      const title = row.cells[first - (head.length - row.cells.length)];
      if (row.cells.length < head.length - first || !title || !CELL_NUMBER.test(title.text)) break;
      read.push(row);
    }
    if (!read.length) continue;
    for (const {lines: taken, cells} of read) {
      const {section} = lines[taken[0]!]!;
      const at = (k: number) => cells[k - (head.length - cells.length)];
      const offices = officeSpans(roles, (k) => (k >= first ? at(k) : undefined));
      const due = roles.indexOf("deadline");
      const deadline = due >= first ? at(due) : undefined;
      const title = at(first)!;
      const number = CELL_NUMBER.exec(title.text)!;
      // the title and task cells, each on one line of the row
      const parts = [
        {...title, start: title.start + number[0].length},
        ...roles.flatMap((r, k) => (r === "task" && k > first && at(k)?.text ? [at(k)!] : []))
      ].flatMap((c) => {
        const l = taken.map((k) => lines[k]!).find((x) => c.start >= x.offset && c.end <= x.offset + x.line.length);
        return l ? [{c, line: l.line.slice(c.start - l.offset, c.end - l.offset)}] : [];
      });
      made.set(
        taken[0]!,
        withTimeCell(
          parts.map(({c, line}, n): TaskLine => ({
            section,
            item: Number(number[1]),
            offset: c.start,
            line,
            body: 0,
            opens: n === 0 ? "item" : null,
            table: true,
            ...(offices.length ? {cells: offices} : {})
          })),
          deadline
        )
      );
      for (const k of taken.slice(1)) made.set(k, []);
    }
    made.set(i, []);
    i = read.at(-1)!.lines.at(-1)!;
  }
  return replaced(lines, made);
}

/** Whether a cell names a time (`2021年8月前`, `6月底前`, `长期推进`): a time-limit cell's. */
const timeCell = (text: string) =>
  readTimeLimit(text, {year: 2000}) !== null || /长期|持续|常态|全年|年内|年底|年末/.test(text);
/**
 * Whether a cell opens on an office's name (`疾控处`, `应急处、监督处…等按职责分工落实`, `规划信息处(爱卫办)` with its alias in
 * brackets): an office cell's.
 */
const officeCell = (text: string) => {
  const first = officeNames(text)[0]?.replace(/[((][^()()]*[))]$/, "");
  return first !== undefined && first.length <= 24 && OFFICE_NAME_END.test(first);
};

/** How well a cell fits a column of `role`: a time in a time-limit column, offices in an office column, a task elsewhere. */
function fit(role: Role, text: string): number {
  if (!text) return 0;
  const time = timeCell(text) && text.length <= 40;
  const office = officeCell(text);
  if (role === "deadline") return time ? 1 : -2;
  if (isOffice(role)) return office && !time ? 1 : -2;
  if (role === "task") return office || time ? -1 : 1;
  return 0;
}

/** The sets of `count` columns of `1 … last` (rising), earliest first. */
function leftOut(last: number, count: number, from = 1): number[][] {
  if (count === 0) return [[]];
  const out: number[][] = [];
  for (let k = from; k <= last - count + 1; k++)
    for (const rest of leftOut(last, count - 1, k + 1)) out.push([k, ...rest]);
  return out;
}

/**
 * A row's cells by column (`widest` columns, its 序号 first), when it prints fewer: the columns it leaves out are those whose
 * cells then fit their columns best (a time in the time-limit column, offices in an office column), the earliest on a
 * tie (a group merged over the rows on the left).
 */
function alignRow(cells: readonly Span[], roles: readonly Role[], widest: number): (Span | undefined)[] {
  let best: {score: number; columns: (Span | undefined)[]} | null = null;
  for (const out of leftOut(widest - 1, widest - cells.length)) {
    const columns: (Span | undefined)[] = [cells[0]];
    let next = 1;
    for (let k = 1; k < widest; k++) columns.push(out.includes(k) ? undefined : cells[next++]);
    const score = columns.reduce((sum, c, k) => sum + (k > 0 && c ? fit(roles[k]!, c.text) : 0), 0);
    if (!best || score > best.score) best = {score, columns};
  }
  return best!.columns;
}

/**
 * The lines with each table of rows a line, cells parted by bars, whose rows leave out merged cells read (`序号 | 工作任务 |
 * 细化分工 | 责任处室 | 完成时限 | 备注`, then `1 | 做好疫情信息发布 | 重点围绕…发布权威信息 | 应急处 | 长期推进 |` and `2 | 扎实做好… |
 * 疾控处 | 长期推进 |`): a header line of column names only, a 序号 first and a task column among them, then rows a line,
 * each opening on its 序号 (numbers rising; lines of bars only between them close rows). A cell merged over rows is
 * printed on the first row of its merge only: a row of fewer cells than the table's first (its widest; an empty 备注 no
 * row prints is none of its columns) leaves out the columns its cells fit worst (`alignRow`). A task column a row leaves
 * out is a group over the rows (no text on any row, as a 类别 column) when another is printed on every row; an office or
 * time-limit column left out has the cell of the row above (its merge's first), unless no cell of the row follows it (an
 * empty cell not printed). Each row opens the item its 序号 names, its first task cell titling it, with its office and
 * time cells. A table whose rows all print as many cells is left to `barTableLines`; other lines are kept.
 */
function mergedBarRows(lines: readonly TaskLine[]): readonly TaskLine[] {
  const made = new Map<number, TaskLine[]>();
  const cellsAt = (j: number) => lineSpans(lines, j);
  const numberOf = (cells: readonly (Span | undefined)[]) => Number(NUMBER_CELL.exec(cells[0]!.text)![1]);
  for (let i = 0; i < lines.length; i++) {
    if (!CELL_BAR.test(lines[i]!.line)) continue;
    const roles = cellsAt(i).map((c) => roleOf(c.text));
    if (roles.length < 4 || roles[0] !== "no" || !roles.includes("task") || roles.some((r) => r === null)) continue;
    const header = roles as Role[];
    const rows: {line: number; cells: Span[]}[] = [];
    const taken = [i];
    for (let j = i + 1; j < lines.length; j++) {
      const text = lines[j]!.line.trim();
      if (!text) continue;
      if (BARS_ONLY.test(text)) {
        taken.push(j);
        continue;
      }
      const cells = CELL_BAR.test(text) ? cellsAt(j) : [];
      if (cells.length < 3 || cells.length > header.length || !NUMBER_CELL.test(cells[0]!.text)) break;
      if (rows.length && numberOf(cells) <= numberOf(rows.at(-1)!.cells)) break;
      rows.push({line: j, cells});
      taken.push(j);
    }
    const widest = rows[0]?.cells.length ?? 0;
    if (rows.some((r) => r.cells.length > widest) || rows.every((r) => r.cells.length === widest)) continue;
    const aligned = rows.map((r) => alignRow(r.cells, header, widest));
    const tasks = header.flatMap((r, k) => (r === "task" && k < widest ? [k] : []));
    // a task column some row leaves out is a group over the rows, when another is printed on every row
    const groups = tasks.filter((k) => aligned.some((columns) => !columns[k]));
    const own = tasks.filter((k) => !groups.includes(k));
    if (!own.length || aligned.some((columns) => !own.some((k) => columns[k]?.text))) continue;
    aligned.forEach((columns, r) => {
      const printed = columns.reduce((last, c, k) => (c ? k : last), 0);
      // a merged office or time cell: the row above's (the first of its merge)
      for (let k = 1; k < printed; k++) if (!columns[k] && r > 0) columns[k] = aligned[r - 1]![k];
    });
    rows.forEach(({line}, r) => {
      const columns = aligned[r]!;
      const offices = officeSpans(header, (k) => columns[k]);
      const due = header.indexOf("deadline");
      const {section, offset, line: text} = lines[line]!;
      made.set(
        line,
        withTimeCell(
          own
            .flatMap((k) => (columns[k]?.text ? [columns[k]] : []))
            .map((c, n): TaskLine => ({
              section,
              item: numberOf(columns),
              offset: c.start,
              line: text.slice(c.start - offset, c.end - offset),
              body: 0,
              opens: n === 0 ? "item" : null,
              table: true,
              ...(offices.length ? {cells: offices} : {})
            })),
          due >= 0 ? columns[due] : undefined
        )
      );
    });
    for (const k of taken) if (!made.has(k)) made.set(k, []);
    i = taken.at(-1)!;
  }
  return replaced(lines, made);
}

/**
 * Reads the task tables of a plan (`序号 | 重点任务 | 牵头单位 | 完成时限`), with cells split by `|`, `｜` or tabs
 * (a Markdown table too), or pasted one cell per line: each row (a number cell, then one cell per column) becomes one line, its
 * task cell, opening the item its number names (in the section the row is in); the header and the
 * other cells are no text. The row's time-limit cell goes with it. Other lines are kept as they are.
 */
export function taskTableLines(lines: readonly PlanLine[]): TaskLine[] {
  return barTableLines(mergedBarRows(numberedBarRows(spaceTableLines(cellTableLines(joinedHeaders(lines))))));
}

/**
 * The lines with each bar table's header printed on two lines made one, for the readers after: a header line (a 序号
 * first, a task column among them) and under it a line of cells parted by bars that names no row (no 序号): either the
 * ends of the header's cells broken over two lines (`序号 | 重点工作 | 责任 | 责任 | 完成时限`, then `| | 领导 | 科室 |`: each
 * header cell that names no column takes the next end, 责任领导, 责任科室), or the sub-columns of a merged office header
 * (`序号 | 重点任务 | 责任单位 | | 完成时限`, then `牵头单位 | 配合单位`: the first office cell and the empty cells after it give
 * way to the names under it; so too in a table whose cells spaces part, `序号 重点任务 责任单位 完成时限` over `牵头单位 配合单位`).
 * The second line is then no text; other lines are kept.
 */
function joinedHeaders(lines: readonly PlanLine[]): readonly PlanLine[] {
  const made = new Map<number, PlanLine[]>();
  // a line's cells: parted by bars or tabs, else (a page that lost its table's rules) by spaces
  const cellTexts = (line: string, k: number) =>
    CELL_BAR.test(line) ? lineCells(line, k).map((c) => c.text) : line.trim().split(/ +/);
  for (let i = 0; i + 1 < lines.length; i++) {
    const head = lines[i]!;
    const barred = CELL_BAR.test(head.line);
    const top = cellTexts(head.line, i);
    let j = i + 1;
    while (j < lines.length && !lines[j]!.line.trim()) j++;
    if (top.length < 3 || j >= lines.length || CELL_BAR.test(lines[j]!.line) !== barred) continue;
    const under = cellTexts(lines[j]!.line, j).filter(Boolean);
    if (!under.length || NUMBER_CELL.test(under[0]!) || roleOf(top[0] ?? "") !== "no") continue;
    // spaced lines: only a merged office header's names under it (a header's broken ends need the bars to place them)
    if (!barred && !under.every((c) => isOffice(roleOf(c)))) continue;
    const joined = joinHeader(top, under);
    if (!joined || !joined.map(roleOf).includes("task") || joined.some((c) => roleOf(c) === null)) continue;
    made.set(i, [{...head, line: joined.join(barred ? " | " : " ")}]);
    made.set(j, []);
    i = j;
  }
  return replaced(lines, made);
}

/** A header's cells with the line under it joined in (see `joinedHeaders`), null when the lines do not fit so. */
function joinHeader(top: readonly string[], under: readonly string[]): string[] | null {
  const open = top.flatMap((c, k) => (c && roleOf(c) === null ? [k] : []));
  if (open.length === under.length && open.every((k, n) => roleOf(top[k]! + under[n]!) !== null)) {
    const out = [...top];
    open.forEach((k, n) => (out[k] = top[k]! + under[n]!));
    return out;
  }
  const office = (c: string) => isOffice(roleOf(c));
  const parent = top.findIndex(office);
  if (parent < 0 || !under.every(office) || under.length < 2) return null;
  let end = parent + 1;
  while (end < top.length && !top[end]) end++;
  return [...top.slice(0, parent), ...under, ...top.slice(end)].filter(Boolean);
}

/**
 * The header of a table whose cells spaces part, for both readers of such tables: a 序号 first, then a task column
 * (`序号 类别 主要任务 细化措施 牵头单位 参与单位`, `序号 2023年重点工作任务 牵头  领导 牵头  责任单位 …`), its words and their
 * roles (null for a word that names no column); null for any other line, and for cells parted by bars or tabs (the
 * other readers'). When every word names a column, the columns can be counted (`spaceTableLines`), else a row's cells
 * are read by what they hold (`spacedTableLines`).
 */
function spaceHeader(line: string): {words: string[]; roles: (Role | null)[]} | null {
  if (CELL_BAR.test(line)) return null;
  const words = line.trim().split(/ +/);
  const roles = words.map(roleOf);
  return roles[0] === "no" && roles.slice(1).includes("task") ? {words, roles} : null;
}

/** A row of a table whose cells single spaces part: its 序号, a space, then its cells. */
const SPACE_ROW = /^(\d{1,3})[.、]? /;
/** What a sentence holds and a short cell (a title, a group, a name) does not: a stop or a comma. */
const SENTENCE_MARK = /[。;;,,]/;

/** A physical line of the text (a line `unwrapLines` joined holds several): its plan line and where it starts. */
interface Row {
  index: number;
  offset: number;
  text: string;
}

/**
 * The cells of a row of a table whose cells single spaces part (`1 加强水资源保 护 严守…红线 实施…。 市水利局 市发改委等 各县…`),
 * for its header's `roles`, as `[start, end)` offsets into the row; null when the row does not fit. The 序号 is the first word
 * and the office and time cells at the end are a word each (from the right); the sentence cell (a task column's, its
 * sentences holding stops) runs from the first word with a stop to them; the cells before it (a group, a title) take
 * the words between: parted at a double space (an empty cell, a merged group), else each later one its last word and
 * the first the rest (a narrow column breaks its words: `加强水资源保 护`).
 */
function spaceCells(text: string, roles: readonly Role[]): [number, number][] | null {
  const words: [number, number][] = [];
  for (let at = 0; at <= text.length;) {
    const end = text.indexOf(" ", at) < 0 ? text.length : text.indexOf(" ", at);
    words.push([at, end]);
    at = end + 1;
  }
  const tail =
    roles.length - 1 - [...roles].reverse().findIndex((r) => r !== "lead" && r !== "partners" && r !== "deadline");
  const last = roles.length - 1 - tail; // the office and time cells at the end
  const middle = words.slice(1, words.length - last);
  const marked = middle.findIndex(([a, b]) => SENTENCE_MARK.test(text.slice(a, b)));
  // a task cell without a stop (开展专项整治) is the last word before the office cells
  const sentence = marked < 0 ? middle.length - 1 : marked;
  const before = tail - 1; // the columns between the 序号 and the sentence cell
  if (roles[tail] !== "task" || sentence < before) return null;
  const span = (ws: [number, number][]): [number, number] => (ws.length ? [ws[0]![0], ws.at(-1)![1]] : [0, 0]);
  const lead = middle.slice(0, sentence);
  const isEmpty = ([a, b]: [number, number]) => a === b;
  let parts: [number, number][][] = [];
  if (lead.some(isEmpty))
    // an empty word is an empty cell, the words between two such one cell
    lead.forEach((w, k) => {
      if (isEmpty(w)) parts.push([]);
      else if (k > 0 && !isEmpty(lead[k - 1]!)) parts.at(-1)!.push(w);
      else parts.push([w]);
    });
  else if (before === 0) parts = lead.length ? [lead] : [];
  else if (lead.length >= before)
    parts = [lead.slice(0, lead.length - before + 1), ...lead.slice(lead.length - before + 1).map((w) => [w])];
  if (parts.length !== before) return null;
  const cells: [number, number][] = [span([words[0]!]), ...parts.map(span), span(middle.slice(sentence))];
  cells.push(...words.slice(words.length - last));
  return cells.length === roles.length && cells.slice(-last).every(([a, b]) => b > a) ? cells : null;
}

/**
 * The lines with each table whose cells single spaces part read (`序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位`, then
 * a row a line: a page that lost its table's rules): each row opens the item its 序号 names; its first task cell (no
 * stop: a title) heads it and a later one (its sentences) holds its tasks, with the row's office and time cells. A
 * line whose words are not all headers, or rows that do not fit, are left as they are.
 */
function spaceTableLines(lines: readonly TaskLine[]): readonly TaskLine[] {
  const rows: Row[] = lines.flatMap((l, index) => {
    let at = 0;
    return l.line.split("\n").map((text) => {
      const row = {index, offset: l.offset + at, text};
      at += text.length + 1;
      return row;
    });
  });
  const made = new Map<number, TaskLine[]>();
  const dropped = new Set<number>();
  for (let i = 0; i < rows.length; i++) {
    const found = spaceHeader(rows[i]!.text);
    if (!found || found.roles.length < 4 || found.roles.some((r) => r === null)) continue;
    const header = found.roles as Role[];
    const read: {row: Row; cells: [number, number][]}[] = [];
    let j = i + 1;
    for (; j < rows.length; j++) {
      const row = rows[j]!;
      if (!row.text.trim()) continue;
      const cells = SPACE_ROW.test(row.text) ? spaceCells(row.text, header) : null;
      if (!cells) break;
      read.push({row, cells});
    }
    // a table is read only when its rows fill their lines (a joined line holds nothing else)
    const used = new Set([rows[i]!.index, ...read.map((r) => r.row.index)]);
    const whole = rows.every((r, k) => !used.has(r.index) || (k >= i && k < j) || !r.text.trim());
    if (!read.length || !whole) continue;
    for (const index of used) dropped.add(index);
    for (const {row, cells} of read) {
      const {section} = lines[row.index]!;
      const at = (k: number) => ({start: row.offset + cells[k]![0], end: row.offset + cells[k]![1]});
      const offices = header.flatMap((role, k) =>
        isOffice(role) && cells[k]![1] > cells[k]![0] ? [{role, ...at(k)}] : []
      );
      const due = header.indexOf("deadline");
      const deadline = due >= 0 ? row.text.slice(cells[due]![0], cells[due]![1]) : "";
      const tasks = header.flatMap((role, k) => (role === "task" && cells[k]![1] > cells[k]![0] ? [k] : []));
      const out = tasks.map((k, n): TaskLine => ({
        section,
        item: Number(SPACE_ROW.exec(row.text)![1]),
        offset: at(k).start,
        line: row.text.slice(cells[k]![0], cells[k]![1]),
        body: 0,
        opens: n === 0 ? "item" : null,
        table: true,
        ...(deadline ? {deadline} : {}),
        ...(offices.length ? {cells: offices} : {})
      }));
      made.set(row.index, [...(made.get(row.index) ?? []), ...out]);
    }
    i = j - 1;
  }
  if (!dropped.size) return lines;
  return lines.flatMap((l, index) => made.get(index) ?? (dropped.has(index) ? [] : [l]));
}

/** A row of such a table: its 序号, a space, its task cell (no space in it), then the row's other cells. */
const SPACED_ROW = /^(\d{1,3})\s+([^\s\d][^\s]*[\u4e00-\u9fff][^\s]*)(?=\s|$)/;
/** A unit a row's cell names: an office's name, a zone's (县开发区, 高新区), or units named by kind (各乡镇, 有关单位). */
const isUnit = (word: string) => OFFICE_NAME_END.test(word) || /(?:开发区|高新区|新区)$/.test(word) || /^各/.test(word);

/**
 * The lines with a task table whose cells are parted by spaces read (a table copied from a page as text: its header cells
 * themselves spaced, `牵头  领导`, a cell broken over lines): a header line opens it (序号, then a task column and an
 * office column), each line opening on a 序号 and a task cell is a row, the lines under it the rest of its cells, up to a
 * blank line or a numbered heading. The columns cannot be counted, so a row's offices are read by content: after the task
 * cell and any leader's name (a person), the run of units' names — the first leads, the others take part. The header and
 * the other cells are no text. Read before lines are unwrapped: a row's short cells would run its lines together.
 */
export function spacedTableLines(lines: readonly PlanLine[]): TaskLine[] {
  const out: TaskLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = spaceHeader(lines[i]!.line);
    // a header of column names only, each cell a word, is the table `spaceTableLines` counts the columns of
    if (!header || header.roles.every((r) => r !== null) || !header.words.some((w) => /单位|部门/.test(w))) {
      out.push(lines[i]!);
      continue;
    }
    let row: TaskLine | null = null;
    /** The units the row names so far, and whether their run has ended. */
    let units: NonNullable<TaskLine["cells"]> = [];
    const named = new Set<string>();
    let ended = false;
    const close = () => {
      if (row && units.length) row.cells = units;
      if (row) out.push(row);
      row = null;
    };
    let k = i + 1;
    for (; k < lines.length; k++) {
      const l = lines[k]!;
      if (!l.line.trim() || l.opens !== null) break;
      const m = SPACED_ROW.exec(l.line);
      let from = 0;
      if (m) {
        close();
        const start = m.index + m[0].length - m[2]!.length;
        row = {
          section: l.section,
          item: Number(m[1]),
          offset: l.offset + start,
          line: m[2]!,
          body: 0,
          opens: "item",
          table: true
        };
        units = [];
        named.clear();
        ended = false;
        from = m[0].length;
      } else if (!row) break;
      for (const w of l.line.slice(from).matchAll(/\S+/g)) {
        if (ended) break;
        if (!isUnit(w[0])) {
          ended = units.length > 0;
          continue;
        }
        // a unit named in two cells (牵头 and 主体 the same office) is named once
        if (named.has(w[0])) continue;
        named.add(w[0]);
        const start = l.offset + from + w.index;
        units.push({role: units.length ? "partners" : "lead", start, end: start + w[0].length});
      }
    }
    close();
    if (k === i + 1) out.push(lines[i]!); // a header without rows is no table
    i = k - 1;
  }
  return out;
}

/**
 * The plan's lines with each table copied one cell a paragraph (`cellTables`) read: each row gives its task cells, the
 * first opening the item its 序号 names (in the section the row is in), the others under it (with the time their
 * column's header names, `第二季度`), with the row's time-limit and office cells; the table's other lines (header,
 * progress and note cells) are no text, its rows of sections (`一、…`) stay.
 */
function cellTableLines(lines: readonly PlanLine[]): readonly TaskLine[] {
  const tables = cellTables(lines);
  if (!tables.length) return lines;
  const base = lines[0]?.offset ?? 0;
  const text = lines.map((l) => l.line).join("\n");
  /** The line `offset` lies on (the last that starts at or before it: lines run in order). */
  const lineAt = (offset: number) => {
    let low = 0;
    for (let high = lines.length - 1; low < high;) {
      const mid = (low + high + 1) >> 1;
      if (lines[mid]!.offset <= offset) low = mid;
      else high = mid - 1;
    }
    return lines[low]!;
  };
  const out: TaskLine[] = [];
  /** A table's rows and its rows of sections, put in the order of the text when the table ends. */
  let held: TaskLine[] = [];
  let t = 0;
  const close = () => {
    held.push(...tableRows(tables[t++]!, {text, base, lineAt}));
    out.push(...held.sort((a, b) => a.offset - b.offset));
    held = [];
  };
  for (const l of lines) {
    while (t < tables.length && l.offset > tables[t]!.end) close();
    if (t < tables.length && l.offset >= tables[t]!.start) {
      if (l.opens === "section") held.push(l);
    } else out.push(l);
  }
  while (t < tables.length) close();
  return out;
}

/** Where a name of a unit ends, for cutting a cell of names run together: an office's ending, a town's, a zone's. */
const UNIT_END = new RegExp(`(?:${OFFICE_ENDING}|镇|鎮|街道|度假区|開發區|开发区|新区|新區)$`);
/** A name that opens on an office's ending (`办公室`, `中心`): the end of the name before it, not a name of its own. */
const UNIT_START = new RegExp(`^(?:${OFFICE_ENDING})`);
/** The shortest a cell of names run together is (`区文广旅游体育局钱江世纪城瓜沥镇`): a shorter one is one name. */
const RUN_ON = 12;
/** An ending and the character after it read as a word inside a name (`政策处理工作领导小组`, `部署`, `会议`): no cut there. */
const ENDING_IN_WORD =
  /^(?:处理|处置|部署|部分|会议|会同|办理|组织|社会|社区|所有|科技|科学|司法|局面|委托|院校|站点|队伍|校园|团结|室内)/;

/**
 * The names a cell runs together with no separator (`区文广旅游体育局区委宣传部蜀山街道`), by their offsets into it: a cell
 * of two names each printed on its own in the table (`文化宣传股文化馆`) is those two; a long cell ({@link RUN_ON} or more)
 * is cut after each unit's ending (局, 部, 镇, 街道, 度假区…) that has two characters or more before it (`区委宣传部` is one
 * name) and three or more after it, and a piece that ends on a name the table prints on its own is cut before it
 * (`钱江世纪城湘湖国家旅游度假区`); else one name.
 */
function runOnNames(name: string, printed: ReadonlySet<string>): [number, number][] {
  if (!/^[\u4e00-\u9fff]+$/.test(name)) return [[0, name.length]];
  for (let k = 2; k <= name.length - 2; k++)
    if (printed.has(name.slice(0, k)) && printed.has(name.slice(k)))
      return [
        [0, k],
        [k, name.length]
      ];
  if (name.length < RUN_ON) return [[0, name.length]];
  const cuts: [number, number][] = [];
  let from = 0;
  // an ending the next characters lengthen (`委` in `委员会`) ends no name there, nor one an ending follows (`政府` / `办公室`)
  const lengthened = (k: number) =>
    UNIT_START.test(name.slice(k)) ||
    [1, 2].some((j) => {
      const m = UNIT_END.exec(name.slice(from, k + j));
      return m !== null && m.index < k - from;
    });
  for (let k = from + 3; k <= name.length - 3; k++) {
    const ending = UNIT_END.exec(name.slice(from, k));
    if (ending && ending.index >= 2 && !ENDING_IN_WORD.test(name.slice(k - 1)) && !lengthened(k)) {
      cuts.push([from, k]);
      from = k;
      k = from + 2;
    }
  }
  cuts.push([from, name.length]);
  return cuts.flatMap(([a, b]) => {
    const piece = name.slice(a, b);
    const known = [...printed].find((p) => p.length >= 3 && piece.length - p.length >= 2 && piece.endsWith(p));
    return known
      ? ([
          [a, b - known.length],
          [b - known.length, b]
        ] as [number, number][])
      : [[a, b] as [number, number]];
  });
}

/** An office cell's span as the names it runs together (`runOnNames`), the first keeping its place. */
function partRunTogether(
  span: {role: "lead" | "partners"; start: number; end: number},
  printed: ReadonlySet<string>,
  read: (start: number, end: number) => string
): {role: "lead" | "partners"; start: number; end: number}[] {
  return runOnNames(read(span.start, span.end), printed).map(([a, b]) => ({
    ...span,
    start: span.start + a,
    end: span.start + b
  }));
}

/** The names a table's office cells print (a cell of several parted at separators, a long run-on cell cut at its endings). */
function printedNames(cells: readonly string[]): Set<string> {
  const names = cells.flatMap((c) => c.split(/[\s、,,;;/]+/)).filter(Boolean);
  const none = new Set<string>();
  return new Set(names.flatMap((n) => runOnNames(n, none).map(([a, b]) => n.slice(a, b))));
}

/** A cell table's rows as task lines, in order (see `cellTableLines`). */
function tableRows(
  table: CellTable,
  {text, base, lineAt}: {text: string; base: number; lineAt: (offset: number) => PlanLine}
): TaskLine[] {
  const read = (start: number, end: number) => text.slice(start - base, end - base);
  // the names the table's office cells print, a paragraph each
  const printed = printedNames(
    table.rows.flatMap((row) => row.cells.flatMap((c) => (isOffice(c.role) ? [read(c.start, c.end)] : [])))
  );
  return table.rows.flatMap((row) => {
    // a row's cells run in column order; a cell whose column does not follow the one before opens a second part of the row
    // (a task printed after the row's time limit, its 序号 and office cells merged): its own time, else the first part's
    const parts: (typeof row.cells)[] = [];
    for (const c of row.cells)
      if (!parts.length || c.column <= parts.at(-1)!.at(-1)!.column) parts.push([c]);
      else parts.at(-1)!.push(c);
    const officesOf = (cells: typeof row.cells) =>
      cells.flatMap((c) =>
        isOffice(c.role) ? partRunTogether({role: c.role, start: c.start, end: c.end}, printed, read) : []
      );
    const first = parts[0] ?? [];
    return parts.flatMap((part) => {
      const deadline = part.find((c) => c.role === "deadline") ?? first.find((c) => c.role === "deadline");
      const own = officesOf(part);
      const offices = own.length ? own : officesOf(first);
      const tasks = part
        .filter((c) => c.role === "task")
        .map((c, k): TaskLine => {
          const time = table.columns[c.column]!.time;
          return {
            section: lineAt(c.start).section,
            item: row.no,
            offset: c.start,
            line: text.slice(c.start - base, c.end - base),
            body: 0,
            // a part's first task opens the row's item again: it is a task of its own, not text under a heading
            opens: k === 0 ? "item" : null,
            table: true,
            ...(!deadline && time ? {deadline: time} : {}),
            ...(offices.length ? {cells: offices} : {})
          };
        });
      return withTimeCell(
        tasks,
        deadline && {start: deadline.start, text: text.slice(deadline.start - base, deadline.end - base)}
      );
    });
  });
}

/** The lines with the tables whose cells share a line read (see `taskTableLines`). */
function barTableLines(lines: readonly TaskLine[]): TaskLine[] {
  const cells = cellsOf(lines);
  const rows = new Map<number, TaskLine[]>();
  const dropped = new Set<number>();
  for (let i = 0; i < cells.length;) {
    const header: Role[] = [];
    for (let j = i; j < cells.length; j++) {
      const role = roleOf(cells[j]!.text);
      if (role === null) break;
      header.push(role);
    }
    const task = header.indexOf("task");
    if (header.length < 3 || header[0] !== "no" || task < 0) {
      i++;
      continue;
    }
    const deadline = header.indexOf("deadline");
    const taken: Cell[] = cells.slice(i, i + header.length);
    let at = i + header.length;
    const isRow = (k: number) =>
      k + header.length <= cells.length &&
      NUMBER_CELL.test(cells[k]!.text) &&
      !!cells[k + task]!.text &&
      !NUMBER_CELL.test(cells[k + task]!.text);
    /** A line of one cell (a row of a section across the table, `一、学前教育`) followed by a row. */
    const isSectionRow = (k: number) =>
      k < cells.length &&
      cells[k - 1]!.line !== cells[k]!.line &&
      cells[k + 1]?.line !== cells[k]!.line &&
      isRow(k + 1);
    // the columns whose cell a row printed empty (`| |`) is merged with the row above's: the leading office column and the time limit
    const merged = [header.findIndex(isOffice), deadline].filter((k) => k > 0);
    let above: Cell[] | null = null;
    /** The rows' office cells (each row's list, shared by its lines) and their texts by where they start. */
    const officeLists: NonNullable<TaskLine["cells"]>[] = [];
    const officeTexts = new Map<number, string>();
    while (isRow(at) || isSectionRow(at)) {
      if (!isRow(at)) {
        // a numbered section (一、…) stays, opening its section; a group's name (学前教育) is the table's, no text
        if (lines[cells[at]!.line]!.opens !== "section") taken.push(cells[at]!);
        at++;
        continue;
      }
      const printed = cells.slice(at, at + header.length);
      const row = printed.map((c, k) =>
        above && !c.text && merged.includes(k) && printed.slice(k + 1).some((d) => d.text) ? above[k]! : c
      );
      above = row;
      const cell = row[task]!;
      const offices = header.flatMap((role, k) =>
        isOffice(role) && row[k]!.text
          ? [{role, start: lines[row[k]!.line]!.offset + row[k]!.start, end: lines[row[k]!.line]!.offset + row[k]!.end}]
          : []
      );
      officeLists.push(offices);
      header.forEach((role, k) => {
        if (isOffice(role) && row[k]!.text) officeTexts.set(lines[row[k]!.line]!.offset + row[k]!.start, row[k]!.text);
      });
      // the first task cell opens the row's item (`项目名称`, a title when a later task cell holds its work: `建设内容`)
      const out = header.flatMap((role, k): TaskLine[] => {
        const c = row[k]!;
        if (role !== "task" || (k !== task && !c.text)) return [];
        const {section, offset, line} = lines[c.line]!;
        return [
          {
            section,
            item: Number(NUMBER_CELL.exec(row[0]!.text)![1]),
            offset: offset + c.start,
            line: line.slice(c.start, c.end),
            body: 0,
            opens: k === task ? "item" : null,
            table: true,
            ...(offices.length ? {cells: offices} : {})
          }
        ];
      });
      const due = deadline >= 0 ? row[deadline]! : undefined;
      const time = due && {start: lines[due.line]!.offset + due.start, text: due.text};
      rows.set(cell.line, [...(rows.get(cell.line) ?? []), ...withTimeCell(out, time)]);
      taken.push(...printed);
      at += header.length;
    }
    if (taken.length === header.length) {
      i++;
      continue; // a header without rows is no table
    }
    // a cell of offices run together (`区文广旅游体育局区委宣传部蜀山街道`) names each of them
    const printed = printedNames([...officeTexts.values()]);
    const read = (start: number, end: number) => officeTexts.get(start)!.slice(0, end - start);
    for (const list of officeLists)
      list.splice(0, list.length, ...list.flatMap((o) => partRunTogether(o, printed, read)));
    for (const c of taken) dropped.add(c.line);
    i = at;
  }
  return lines.flatMap((l, index) => rows.get(index) ?? (dropped.has(index) ? [] : [l]));
}
