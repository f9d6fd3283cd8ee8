import {html} from "npm:htl";

/**
 * A plain, printable HTML table of `rows`: `columns` is a list of {key, label, format?, align?,
 * href?, key: true?}; `href(row)` makes the cell a link (to a clause, a page, a file). `format` may
 * return text or a node. Every text cell is escaped by htl, so markup in submitted data is shown,
 * never run. On a phone (≤ 640 px) each row becomes a small card: the `key` columns (default: the
 * first) on top, every other cell with its label, so that the status is never off-screen.
 * A column with `print: false` is left off paper (`pw-print-skip`).
 * Options: `caption`; `rowClass(row)` (e.g. "pw-stale" greys an old value, "pw-print-skip" leaves the
 * row off paper); `empty`, the text shown instead of a table with no row (default "无"); `limit`, how
 * many rows show at first (default all): the rest wait behind a button 显示其余 N 条.
 */
export function dataTable(rows, columns, {caption, rowClass, empty = "无", limit = Infinity} = {}) {
  if (!rows.length) return html`<p class="pw-empty">${empty}</p>`;
  const keyed = columns.some((c) => c.key === true || c.lead)
    ? columns
    : columns.map((c, i) => (i === 0 ? {...c, lead: true} : c));
  const cell = (row, {key, format}) => {
    const value = row[key];
    if (format) return format(value, row);
    return value == null || value === "" ? "—" : String(value);
  };
  const skip = (c) => (c.print === false ? "pw-print-skip" : "");
  const td = (row, c) => {
    const content = cell(row, c);
    const href = c.href?.(row);
    const classes = [c.align === "right" ? "num" : "", c.lead ? "pw-lead" : "", c.className ?? "", skip(c)]
      .filter(Boolean)
      .join(" ");
    return html`<td class=${classes} data-label=${c.label} data-key=${c.key}>${href ? html`<a href=${href}>${content}</a>` : content}</td>`;
  };
  const th = (c) =>
    html`<th class=${[c.align === "right" ? "num" : "", skip(c)].filter(Boolean).join(" ")} data-key=${c.key}>${c.label}</th>`;
  const tr = (row, i) => {
    const node = html`<tr class=${rowClass?.(row) ?? ""}>${keyed.map((c) => td(row, c))}</tr>`;
    if (i >= limit) node.hidden = true;
    return node;
  };
  const rest = rows.length - limit;
  const table = html`<div class="pw-table-wrap"><table class="pw-table">
    ${caption ? html`<caption>${caption}</caption>` : ""}
    <thead><tr>${keyed.map(th)}</tr></thead>
    <tbody>${rows.map(tr)}</tbody>
  </table></div>`;
  if (rest <= 0) return table;
  const more = html`<button type="button" class="pw-more pw-print-skip">显示其余 ${rest} 条</button>`;
  more.onclick = () => {
    for (const row of table.querySelectorAll("tbody tr[hidden]")) row.hidden = false;
    more.remove();
  };
  return html`<div class="pw-table-more">${table}${more}</div>`;
}
