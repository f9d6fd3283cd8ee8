import {html} from "npm:htl";

/**
 * A plain, printable HTML table of `rows`: `columns` is a list of {key, label, format?, align?}.
 * Every cell is text (htl escapes it), so markup in submitted data is shown, never run.
 * The table scrolls inside its own box on narrow screens.
 */
export function dataTable(rows, columns) {
  const cell = (row, {key, format}) => {
    const value = row[key];
    return value == null || value === "" ? "—" : format ? format(value, row) : String(value);
  };
  return html`<div class="pw-table-wrap"><table class="pw-table">
    <thead><tr>${columns.map((c) => html`<th class=${c.align === "right" ? "num" : ""}>${c.label}</th>`)}</tr></thead>
    <tbody>${rows.map((row) => html`<tr>${columns.map((c) => html`<td class=${c.align === "right" ? "num" : ""}>${cell(row, c)}</td>`)}</tr>`)}</tbody>
  </table></div>`;
}
