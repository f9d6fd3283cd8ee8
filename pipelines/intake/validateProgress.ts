import {neutralizeFormula, monthAt, monthIndex, parsePeriod} from "../core/index.js";
import {RULES, checkPeriod, periodMessage} from "./rules.js";
import type {PlanSpan} from "./catalog.js";
import {type Finding, type FindingCode, finding} from "./findings.js";
import type {Grid} from "../core/index.js";
import {
  type ProgressColumn,
  type PriorProgress,
  type ProgressRow,
  STATUS_LABELS,
  parseStatus,
  progressColumn
} from "../tasks/index.js";

/** What a progress report is checked against: the plan's tasks and who may report. */
export interface ProgressCatalog {
  /** A task by id (`1.3-t2`), with its owner and partners. */
  task(id: string): {task_id: string; owner: string | null; partners: readonly string[]} | undefined;
  /** An office or unit by code, name or alias. */
  reporter(text: string): {code: string; name: string} | undefined;
  /** The months the plan spans: a report of a month outside them is refused; null or absent: not known. */
  span?: PlanSpan | null;
}

const MARKUP = /<\s*\/?\s*[a-z!]|javascript:/i;
const NAMES: Record<ProgressColumn, string> = {
  task_id: "任务编号",
  period: "月份",
  status: "进展状态",
  progress_text: "进展情况",
  evidence: "佐证材料",
  unit: "单位",
  task_text: "任务内容"
};

/**
 * Checks a progress report's grid (header: `任务编号`, `月份`, `进展状态`, `进展情况`, `佐证材料`,
 * `单位`, or their English names) and normalizes its rows; a row with a task but no month, status or
 * text is a task not reported (a template row left blank) and is skipped. Errors: `missing_column`, `ragged_row`, `unknown_task`,
 * `bad_status`, `unknown_unit`, `bad_period`, `future_period` (after the month of `now`, in
 * Asia/Shanghai), `period_outside_plan` (outside the catalog's `span`), `duplicate_key`. Warnings:
 * `status_reverted` (a task the same unit reported done, in an earlier month or an earlier file, now
 * reported not done), `not_owner` (a unit that neither leads nor partners the task: its report is
 * kept, but never decides the task's status), `owner_contradicted` (such a report and the owner's, of
 * the same task and month, in this file or an earlier one, say different statuses). Text that a spreadsheet or a browser would run is kept as text and
 * noted (`text_neutralized`).
 */
export function validateProgress(
  grid: Grid,
  {
    file,
    catalog,
    now,
    history = []
  }: {file: string; catalog: ProgressCatalog; now: Date; history?: readonly PriorProgress[]}
): {findings: Finding[]; progress: ProgressRow[]} {
  const findings: Finding[] = [];
  const add = (code: FindingCode, row: number, column: string, message: string) =>
    findings.push(finding(code, file, row, column, message));
  const progress: ProgressRow[] = [];
  if (grid.encoding) add("encoding", 0, "", `按 ${grid.encoding.toUpperCase()} 编码读取(任务进展报告)`);
  if (grid.sheet) add("encoding", 0, "", `读取工作表“${grid.sheet}”(任务进展报告)`);
  const header = grid.rows[0]?.map((h) => h.trim()) ?? [];
  const headerRow = grid.rowNumbers[0] ?? 1;
  const named = new Map<ProgressColumn, number>();
  header.forEach((h, i) => {
    const column = h ? progressColumn(h) : undefined;
    if (column && !named.has(column)) named.set(column, i);
    else if (h) add("unknown_column", headerRow, h, `无法识别的列“${h}”,已忽略`);
  });
  for (const column of ["task_id", "status", "period", "unit"] as const) {
    if (!named.has(column)) add("missing_column", headerRow, "", `缺少“${NAMES[column]}”列`);
  }
  if (findings.some((f) => f.code === "missing_column")) return {findings, progress};
  const at = (column: ProgressColumn) => header[named.get(column)!] ?? NAMES[column];
  const thisMonth = monthIndex(monthAt(now));
  const width = header.length;
  const required = (["task_id", "status", "period", "unit"] as const).map((c) => named.get(c)!);
  const seen = new Map<string, number>();
  const done = new Map<string, string>();
  for (const h of history) if (h.status === "done") done.set(`${h.task_id}|${h.unit_code}`, h.period);
  for (let r = 1; r < grid.rows.length; r++) {
    const cells = grid.rows[r]!;
    const row = grid.rowNumbers[r]!;
    // A row wider than the header (an unquoted comma in the text) would lose what is past the last
    // column; a row short of a required column reads the wrong cells: both are refused, as for numbers.
    const used = cells.findLastIndex((c) => c.trim() !== "") + 1;
    if (used > width || (used > 0 && required.some((i) => i >= cells.length))) {
      add("ragged_row", row, "", RULES.ragged_row({used, width}));
      continue;
    }
    const cell = (column: ProgressColumn) => (named.has(column) ? (cells[named.get(column)!] ?? "").trim() : "");
    if ((["period", "status", "progress_text", "evidence"] as const).every((c) => !cell(c))) continue; // a template row left blank: not reported
    let ok = true;
    const fail = (code: FindingCode, column: ProgressColumn, message: string) => {
      add(code, row, at(column), message);
      ok = false;
    };
    const task = catalog.task(cell("task_id"));
    if (!task)
      fail(
        "unknown_task",
        "task_id",
        cell("task_id") ? `规划中没有编号为“${cell("task_id")}”的任务(编号形如 1.3-t2,可下载模板)` : "任务编号为空"
      );
    const reporter = catalog.reporter(cell("unit"));
    if (!reporter)
      fail(
        "unknown_unit",
        "unit",
        cell("unit") ? `未知单位“${cell("unit")}”(可填处室或区县名称、简称或代码)` : "单位为空"
      );
    const period = parsePeriod(cell("period"));
    if (!period)
      fail(
        "bad_period",
        "period",
        cell("period") ? `无法识别的月份“${cell("period")}”(应为 2023-06、2023年6月 等)` : "月份为空"
      );
    else {
      const span = catalog.span ?? null;
      const problem = checkPeriod(monthIndex(period), thisMonth, span);
      if (problem) fail(problem, "period", periodMessage(problem, monthIndex(period), thisMonth, span));
    }
    const status = parseStatus(cell("status"));
    if (!status)
      fail(
        "bad_status",
        "status",
        `无法识别的进展状态“${cell("status")}”(应为 ${Object.values(STATUS_LABELS).join("、")} 之一)`
      );
    for (const column of ["progress_text", "evidence"] as const) {
      const text = cell(column);
      if (text && (MARKUP.test(text) || neutralizeFormula(text) !== text))
        add(
          "text_neutralized",
          row,
          at(column),
          `${NAMES[column]}中含有公式或网页代码,按纯文本保存,导出和显示时不会执行`
        );
    }
    if (!ok || !task || !reporter || !period || !status) continue;
    const key = `${task.task_id}|${reporter.code}|${period}`;
    if (seen.has(key)) {
      add("duplicate_key", row, "", `与第 ${seen.get(key)} 行重复:同一任务、单位、月份只能有一条进展`);
      continue;
    }
    seen.set(key, row);
    if (task.owner !== null && reporter.code !== task.owner && !task.partners.includes(reporter.code)) {
      add(
        "not_owner",
        row,
        at("unit"),
        `${reporter.name}不是任务 ${task.task_id} 的牵头或配合单位:进展照收,但不计入任务状态(以牵头单位的报告为准),请核实`
      );
    }
    progress.push({
      task_id: task.task_id,
      unit_code: reporter.code,
      period,
      status,
      progress_text: cell("progress_text"),
      evidence: cell("evidence"),
      row
    });
  }
  contradictions(progress, history, catalog, (p, message) => add("owner_contradicted", p.row, at("status"), message));
  // in month order, so that a file holding several months is read as a history of its own
  for (const p of [...progress].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.row - b.row))) {
    const key = `${p.task_id}|${p.unit_code}`;
    const donePeriod = done.get(key);
    if (p.status === "done") done.set(key, p.period);
    else if (donePeriod !== undefined && donePeriod <= p.period) {
      add(
        "status_reverted",
        p.row,
        at("status"),
        `任务 ${p.task_id} 已于 ${donePeriod} 报“已完成”,本次报“${STATUS_LABELS[p.status]}”,请核实`
      );
    }
  }
  return {findings, progress};
}

/**
 * Each report of `progress` by an outsider (neither the owner nor a partner of a task with an owner)
 * whose status differs from the owner's of the same task and month, or by the owner differing from
 * an outsider's, in this file or `history`: `say(row, message)` for each.
 */
function contradictions(
  progress: readonly ProgressRow[],
  history: readonly PriorProgress[],
  catalog: ProgressCatalog,
  say: (p: ProgressRow, message: string) => void
): void {
  const role = (p: PriorProgress) => {
    const task = catalog.task(p.task_id);
    if (!task || task.owner === null) return "other";
    return p.unit_code === task.owner ? "owner" : task.partners.includes(p.unit_code) ? "other" : "outsider";
  };
  const all = [...history, ...progress];
  for (const p of progress) {
    const mine = role(p);
    if (mine === "other") continue;
    const against = mine === "owner" ? "outsider" : "owner";
    for (const q of all) {
      if (q === p || q.task_id !== p.task_id || q.period !== p.period || q.status === p.status) continue;
      if (role(q) !== against) continue;
      const [owner, outsider] = mine === "owner" ? [p, q] : [q, p];
      const name = (code: string) => catalog.reporter(code)?.name ?? code;
      say(
        p,
        `任务 ${p.task_id} ${p.period}:牵头单位${name(owner.unit_code)}报“${STATUS_LABELS[owner.status]}”,` +
          `非牵头或配合单位${name(outsider.unit_code)}报“${STATUS_LABELS[outsider.status]}”,以牵头单位为准,请核实`
      );
      break;
    }
  }
}
