import {statusChip} from "./cards.js";
import {dataTable} from "./dataTable.js";
import {formatPercent, formatTarget, formatValue} from "./format.js";
import {targetSlug} from "./slug.js";

/**
 * The page of a target, a unit or a section, relative to the site root given as `root` ("./" or
 * "../"). A target's page is named by its slug (6.1b → 6-1b): a dot in a page name breaks clean URLs.
 */
export const targetHref = (root, id) => `${root}targets/${targetSlug(id)}.html`;
export const unitHref = (root, code) => `${root}units/${code}.html`;
export const sectionHref = (root, n) => `${root}sections/${n}.html`;

/** Indexes the site's gaps: the city row of each target, a unit's rows, a target's unit rows. */
export function indexGaps(gaps) {
  const city = new Map(gaps.rows.filter((r) => r.unit_code === "city").map((r) => [r.target_id, r]));
  const units = new Map(gaps.units.map((u) => [u.code, u]));
  return {
    city,
    units,
    unitName: (code) => units.get(code)?.name ?? code,
    ofUnit: (code) => gaps.rows.filter((r) => r.unit_code === code),
    ofTarget: (id) => gaps.rows.filter((r) => r.target_id === id && r.unit_code !== "city")
  };
}

/** A row's sources as a table's rows: file, sha256 (12 digits), row, the sender's note. */
export function provenanceRows(gaps, row) {
  return row.sources.map(([i, r]) => {
    const f = gaps.files[i];
    return {file: f.file, sha256: f.sha256.slice(0, 12), row: r, note: gaps.notes[`${i}:${r}`] ?? ""};
  });
}

/**
 * A table of targets' standings: id, indicator, what is asked, the actual, where it should be, pace,
 * status; each id links to its target page (the clause, the trend, the provenance).
 */
export function standingsTable(rows, {root, targets}) {
  const byId = new Map(targets.map((t) => [t.id, t]));
  return dataTable(rows, [
    {key: "target_id", label: "编号", href: (r) => targetHref(root, r.target_id)},
    {key: "indicator", label: "指标"},
    {key: "target", label: "目标", format: (_, r) => (byId.get(r.target_id) ? formatTarget(byId.get(r.target_id)) : "—")},
    {key: "actual", label: "实际", align: "right", format: (v, r) => formatValue(v, r.measure)},
    {key: "expected", label: "应达", align: "right", format: (v, r) => formatValue(v, r.measure)},
    {key: "pace", label: "进度", align: "right", format: (v) => formatPercent(v)},
    {key: "status", label: "状态", format: (v) => statusChip(v)}
  ]);
}
