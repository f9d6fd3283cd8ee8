import {html} from "npm:htl";
import {statusChip} from "./cards.js";
import {dataTable} from "./dataTable.js";
import {formatPercent, formatTarget, formatValue} from "./format.js";
import {targetSlug} from "./slug.js";
import {unitNamer} from "./labels.js";
import {ATTAINMENT_COLUMN} from "./status.js";
import {changeText, staleValue} from "./summary.js";

/**
 * The page of a target, a unit or a section, relative to the site root given as `root` ("./" or
 * "../"). A target's page is named by its slug (6.1b → 6-1b): a dot in a page name breaks clean URLs.
 */
export const targetHref = (root, id) => `${root}targets/${targetSlug(id)}.html`;
export const unitHref = (root, code) => `${root}units/${code}.html`;
export const sectionHref = (root, n) => `${root}sections/${n}.html`;
/** An office's page, relative to the site root `root`. */
export const officeHref = (root, code) => `${root}offices/${code}.html`;

/** A table column of a gaps row's lead office (牵头处室, its short name), linked to its page; 未指定 when none is named. */
export const ownerColumn = (root) => ({
  key: "owner_name",
  label: "牵头处室",
  href: (r) => (r.owner ? officeHref(root, r.owner) : null),
  format: (v, r) => r.owner_short_name ?? v ?? "未指定"
});

/** A gaps row's lead office as a short line (`牵头:发展规划处`), linked to its page. */
export const ownerLine = (root, r) =>
  r.owner
    ? html`<span class="pw-owner">牵头:<a href=${officeHref(root, r.owner)}>${r.owner_name}</a></span>`
    : html`<span class="pw-owner">牵头:未指定</span>`;

/**
 * Indexes the site's gaps: the city row of each target, a unit's rows, a target's unit rows, and
 * each target × unit's change since the previous month (`changeOf`); `whole` names the city row
 * (`project.json`'s `whole`: 全市, 全省 …).
 */
export function indexGaps(gaps, {whole} = {}) {
  const city = new Map(gaps.rows.filter((r) => r.unit_code === "city").map((r) => [r.target_id, r]));
  const units = new Map(gaps.units.map((u) => [u.code, u]));
  const changes = new Map((gaps.changes ?? []).map((c) => [`${c.target_id}|${c.unit_code}`, c]));
  return {
    city,
    units,
    unitName: unitNamer(gaps.units, {whole}),
    ofUnit: (code) => gaps.rows.filter((r) => r.unit_code === code),
    ofTarget: (id) => gaps.rows.filter((r) => r.target_id === id && r.unit_code !== "city"),
    changeOf: (id, code = "city") => changes.get(`${id}|${code}`)
  };
}

/** A row's sources as a table's rows: file, sha256 (12 digits), row, the sender's note. */
export function provenanceRows(gaps, row) {
  return row.sources.map(([i, r]) => {
    const f = gaps.files[i];
    return {file: f.file, sha256: f.sha256.slice(0, 12), row: r, note: gaps.notes[`${i}:${r}`] ?? ""};
  });
}

/** Whether a row's latest data is older than the report's month: shown grey with its month. */
export const isStale = (row, asOf) => row.actual !== null && row.period !== null && row.period < asOf;

/**
 * A table of targets' standings in the site's one vocabulary: 目标, 实际 (with its month when
 * older), 完成率 (actual ÷ target), 时序进度 (where it should be by now), 进度比 (pace), 较上月
 * (the change since the previous month), 状态 and 牵头处室 (linked to the office's page; left out
 * with `owner: false`); each id links to its target page. `gaps` gives the as-of month and the changes.
 */
export function standingsTable(rows, {root, targets, gaps, owner = true}) {
  const byId = new Map(targets.map((t) => [t.id, t]));
  const {changeOf} = indexGaps(gaps);
  return dataTable(
    rows,
    [
      {key: "target_id", label: "编号", href: (r) => targetHref(root, r.target_id), lead: true},
      {key: "indicator", label: "指标", lead: true},
      {
        key: "target",
        label: "目标",
        format: (_, r) => (byId.get(r.target_id) ? formatTarget(byId.get(r.target_id)) : "—")
      },
      {
        key: "actual",
        label: "实际",
        align: "right",
        format: (v, r) => staleValue(v, r.measure, r.period, gaps.as_of, r)
      },
      ATTAINMENT_COLUMN,
      {key: "expected", label: "时序进度", align: "right", format: (v, r) => formatValue(v, r.measure, r)},
      {key: "pace", label: "进度比", align: "right", format: (v) => formatPercent(v)},
      {
        key: "change",
        label: "较上月",
        format: (_, r) => changeText(changeOf(r.target_id, r.unit_code), r.measure, r.status, r)
      },
      {key: "status", label: "状态", format: (v) => statusChip(v)},
      ...(owner ? [ownerColumn(root)] : [])
    ],
    {rowClass: (r) => (isStale(r, gaps.as_of) ? "pw-stale" : "")}
  );
}
