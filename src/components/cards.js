import {html} from "npm:htl";
import {STATUS_COLORS, STATUS_ORDER, statusColor, statusLabel} from "./labels.js";

/** A status as a coloured chip with its Chinese label (text, never markup). */
export function statusChip(status) {
  return html`<span class="pw-chip" style=${`--chip:${statusColor(status)}`}>${statusLabel(status)}</span>`;
}

/**
 * One card per status with how many `rows` have it, most urgent first; each card links to `href(status)`
 * when given. Statuses no row has are left out unless listed in `always`. `previous` (the rows'
 * statuses a month before, e.g. the changes' `status_from`) adds 较上月 to each card.
 */
export function statusCards(
  rows,
  {href, always = ["achieved", "on_track", "at_risk", "off_track", "no_data"], previous} = {}
) {
  const shown = STATUS_ORDER.filter((s) => always.includes(s) || rows.some((r) => r.status === s));
  return html`<div class="pw-cards">${shown.map((s) => {
    const n = rows.filter((r) => r.status === s).length;
    const delta = previous ? n - previous.filter((p) => p === s).length : null;
    const change =
      delta === null
        ? ""
        : html`<div class="pw-card-change">较上月 ${delta === 0 ? "持平" : delta > 0 ? `+${delta}` : `−${-delta}`}</div>`;
    const body = html`<div class="pw-card-n">${n}</div><div class="pw-card-label">${statusLabel(s)}</div>${change}`;
    return html`<div class="pw-card" data-status=${s} style=${`--chip:${STATUS_COLORS[s]}`}>${href ? html`<a href=${href(s)}>${body}</a>` : body}</div>`;
  })}</div>`;
}
