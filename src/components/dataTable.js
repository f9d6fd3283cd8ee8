import {html} from "npm:htl";

/**
 * A plain, printable HTML table of `rows`: `columns` is a list of {key, label, format?, align?,
 * href?}; `href(row)` makes the cell a link (to a clause, a page, a file).
 * Every cell is text (htl escapes it), so markup in submitted data is shown, never run.
 * The table scrolls inside its own box on narrow screens.
 */
export function dataTable(rows, columns) {
  const cell = (row, {key, format}) => {
    const value = row[key];
    return value == null || value === "" ? "—" : format ? format(value, row) : String(value);
  };
  const td = (row, c) => {
    const text = cell(row, c);
    const href = c.href?.(row);
    return html`<td class=${c.align === "right" ? "num" : ""}>${href ? html`<a href=${href}>${text}</a>` : text}</td>`;
  };
  return html`<div class="pw-table-wrap"><table class="pw-table">
    <thead><tr>${columns.map((c) => html`<th class=${c.align === "right" ? "num" : ""}>${c.label}</th>`)}</tr></thead>
    <tbody>${rows.map((row) => html`<tr>${columns.map((c) => td(row, c))}</tr>`)}</tbody>
  </table></div>`;
}
