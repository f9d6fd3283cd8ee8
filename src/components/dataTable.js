import {html} from "npm:htl";

/**
 * A plain, printable HTML table of `rows`: `columns` is a list of {key, label, format?, align?,
 * href?}; `href(row)` makes the cell a link (to a clause, a page, a file). `format` may return text
 * or a node. Every text cell is escaped by htl, so markup in submitted data is shown, never run.
 * The table scrolls inside its own box on narrow screens.
 */
export function dataTable(rows, columns, {caption} = {}) {
  const cell = (row, {key, format}) => {
    const value = row[key];
    if (format) return format(value, row);
    return value == null || value === "" ? "—" : String(value);
  };
  const td = (row, c) => {
    const content = cell(row, c);
    const href = c.href?.(row);
    return html`<td class=${c.align === "right" ? "num" : ""}>${href ? html`<a href=${href}>${content}</a>` : content}</td>`;
  };
  return html`<div class="pw-table-wrap"><table class="pw-table">
    ${caption ? html`<caption>${caption}</caption>` : ""}
    <thead><tr>${columns.map((c) => html`<th class=${c.align === "right" ? "num" : ""}>${c.label}</th>`)}</tr></thead>
    <tbody>${rows.map((row) => html`<tr>${columns.map((c) => td(row, c))}</tr>`)}</tbody>
  </table></div>`;
}
