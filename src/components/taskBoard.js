import {html} from "npm:htl";
import {statusChip} from "./cards.js";
import {dataTable} from "./dataTable.js";
import {formatMonth} from "./format.js";
import {officeHref, targetHref} from "./site.js";
import {TASK_STATUS_COLORS, officeNamer} from "./labels.js";
import {isBehind} from "./status.js";

/** Colors of the task statuses (labels.ts, the one module of labels and colours). */
export {TASK_STATUS_COLORS};

/** An office's page, relative to the site root `root` (defined beside the other pages' links). */
export {officeHref};

/** Indexes the site's tasks (data/tasks.json): labels, office names, a section's items, an office's tasks. */
export function indexTasks(data) {
  const labels = new Map(data.statuses.map((s) => [s.key, s.label]));
  const office = officeNamer(data.offices);
  const order = new Map(data.statuses.map((s, i) => [s.key, i]));
  return {
    label: (status) => labels.get(status) ?? status,
    officeName: (code) => office(code ?? null) ?? "—",
    itemsOf: (section) => data.items.filter((i) => i.section === section),
    tasksOfItem: (id) => data.tasks.filter((t) => t.item_id === id),
    tasksOfOffice: (code) => data.tasks.filter((t) => t.owner === code),
    /** Most urgent first (late, no report …), then by deadline and id. */
    urgentFirst: (tasks) =>
      [...tasks].sort(
        (a, b) =>
          order.get(a.status) - order.get(b.status) || (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0)
      )
  };
}

/** A task status as a coloured chip with its Chinese label (text, never markup). */
export function taskChip(status, data) {
  return html`<span class="pw-chip" data-task-status=${status} style=${`--chip:${TASK_STATUS_COLORS[status] ?? "#888"}`}>${indexTasks(data).label(status)}</span>`;
}

/** One card per task status with how many `tasks` have it, most urgent first; each links to `href(status)` when given. */
export function taskCards(tasks, data, {href} = {}) {
  return html`<div class="pw-cards">${data.statuses.map(({key, label}) => {
    const body = html`<div class="pw-card-n">${tasks.filter((t) => t.status === key).length}</div><div class="pw-card-label">${label}</div>`;
    return html`<div class="pw-card" data-task-status=${key} style=${`--chip:${TASK_STATUS_COLORS[key]}`}>${href ? html`<a href=${href(key)}>${body}</a>` : body}</div>`;
  })}</div>`;
}

/**
 * A table of tasks: id, the task, its lead office (牵头) and partners (配合), each linked to its office
 * page, status, deadline, the last report's month and text; `flag(task)` may add a note to the status. Every text is escaped (a progress text with markup shows as text); what
 * an office wrote (progress_text, evidence) is marked `pw-submitted`: shown as sent, not the site's words.
 */
export function taskTable(tasks, data, {root, owner = true, flag = () => null} = {}) {
  const {officeName} = indexTasks(data);
  const office = (code) =>
    html`<a class="pw-nowrap" data-office=${code} href=${officeHref(root, code)}>${officeName(code)}</a>`;
  const columns = [
    {key: "task_id", label: "编号"},
    {key: "text", label: "任务", format: (v) => html`<span class="pw-task-text">${v}</span>`},
    ...(owner ? [{key: "owner", label: "牵头", format: (v) => (v ? office(v) : "—")}] : []),
    {
      key: "partners",
      label: "配合",
      format: (v) => (v.length ? html`${v.map((code, i) => html`${i ? "、" : ""}${office(code)}`)}` : "—")
    },
    {
      key: "status",
      label: "状态",
      format: (v, r) =>
        html`${taskChip(v, data)}${r.late_reason === "deadline" ? html`<small> 已过期</small>` : ""}${flag(r) ?? ""}`
    },
    {
      key: "deadline",
      label: "截止",
      format: (v) => html`<span class="pw-nowrap">${formatMonth(v, {year: true})}</span>`
    },
    {
      key: "progress_text",
      label: "最新进展",
      format: (v, r) =>
        r.last_report
          ? html`<span class="pw-task-progress"><b>${formatMonth(r.last_report, {year: true})}</b> <span class="pw-submitted">${v || "—"}</span>${r.evidence ? html` <i>(佐证:<span class="pw-submitted">${r.evidence}</span>)</i>` : ""}</span>`
          : "未报送"
    }
  ];
  return dataTable(tasks, columns);
}

/**
 * A section's task board: each work item with its tasks, and beside them the item's numeric targets
 * with their city status (`gaps`: the site's gaps; `targets`: the targets table).
 */
export function taskBoard(section, data, {root, gaps, targets}) {
  const {itemsOf, tasksOfItem} = indexTasks(data);
  const city = new Map(gaps.rows.filter((r) => r.unit_code === "city").map((r) => [r.target_id, r]));
  const items = itemsOf(section);
  if (!items.length) return html`<p>本部分没有工作任务。</p>`;
  // A task reported done whose own numeric target is behind: the two reports disagree, and a reader should see it.
  const behind = (t) => t.target_ids.filter((id) => isBehind(city.get(id)?.status));
  const flag = (t) =>
    t.status === "done" && behind(t).length
      ? html`<small class="pw-bad"> 但量化目标 ${behind(t).join("、")} 未达时序进度</small>`
      : null;
  return html`${items.map((item) => {
    const tasks = tasksOfItem(item.item_id);
    const own = targets.filter((t) => t.section === item.section && t.item === item.item);
    return html`<section class="pw-item" id=${`item-${item.item_id}`}>
      <h3>${item.item_id} ${item.title}</h3>
      ${
        own.length
          ? html`<div class="pw-item-grid">
            <div class="pw-item-tasks">${taskTable(tasks, data, {root, flag})}</div>
            <div class="pw-item-targets"><h4>量化目标</h4><ul>${own.map((t) => html`<li><a href=${targetHref(root, t.id)}>${t.id} ${t.indicator}</a> ${city.get(t.id) ? statusChip(city.get(t.id).status) : ""}</li>`)}</ul></div>
          </div>`
          : html`<div class="pw-item-tasks">${taskTable(tasks, data, {root, flag})}</div>`
      }
    </section>`;
  })}`;
}

/**
 * The overview's task block: how many tasks have each status as of the month, and the tasks that
 * need attention (late, then not reported), at most `limit` of them.
 */
export function taskOverview(data, {root, limit = 12}) {
  const {urgentFirst, officeName} = indexTasks(data);
  const needing = urgentFirst(data.tasks.filter((t) => t.status === "late" || t.status === "no_report"));
  const attention = needing.slice(0, limit);
  const count = (s) => data.tasks.filter((t) => t.status === s).length;
  const late = needing.filter((t) => t.status === "late");
  return html`<div class="pw-task-overview">
    <p>规划共 ${data.items.length} 个工作项、<b>${data.tasks.length}</b> 项工作任务,截至 <b>${formatMonth(data.as_of, {year: true})}</b>:${count("done")} 项已完成,${count("on_schedule")} 项按计划推进,<b class="pw-bad">${count("late")}</b> 项滞后,${count("no_report")} 项未按时报送进展。</p>
    ${taskCards(data.tasks, data)}
    ${late.length ? html`<p class="pw-print-only">滞后任务及牵头处室:${late.map((t, i) => html`${i ? "、" : ""}${t.task_id}(${officeName(t.owner)})`)}。</p>` : ""}
    ${
      attention.length
        ? html`<div class="pw-print-skip"><h3>滞后与未报送的任务</h3>${taskTable(attention, data, {root})}${needing.length > attention.length ? html`<p class="pw-muted">另有 ${needing.length - attention.length} 项滞后或未报送的任务,见各处室页面。</p>` : ""}</div>`
        : html`<p>暂无滞后或未报送的任务。</p>`
    }
  </div>`;
}
