import type {TopLevelSpec} from "vega-lite";
import {CHART_CONFIG} from "./chartTheme.js";
import {formatMonth} from "./format.js";
import {targetLabel} from "./shortIndicator.js";
import {statusLabel, statusScale} from "./status.js";

/** A unit × target cell of the heatmap: a gaps row with the unit's name. */
export interface HeatmapCell {
  target_id: string;
  unit_name: string;
  status: string;
  /** The latest month of the unit's value; older than `asOf` draws the cell faded. */
  period: string | null;
}

/**
 * The status of every target in every unit at a glance: units down (Chinese names stay level),
 * targets across (in `order`), each labelled with its id and its indicator's short form (from
 * `names`: id → indicator), each cell coloured by status; a cell whose value is older than `asOf`
 * is faded and its tooltip names its month and the indicator in full. `narrow`: a phone's width
 * (smaller labels, a legend in rows of three).
 */
export function statusHeatmap(
  cells: readonly HeatmapCell[],
  {
    asOf,
    order,
    names = {},
    width = "container",
    narrow = false
  }: {
    asOf: string;
    order: readonly string[];
    names?: Readonly<Record<string, string>>;
    width?: number | "container";
    narrow?: boolean;
  }
): TopLevelSpec {
  const label = (id: string) => targetLabel(id, names[id], {max: narrow ? 5 : 6});
  const values = cells.map((c) => ({
    ...c,
    label: label(c.target_id),
    indicator: names[c.target_id] ?? c.target_id,
    state: statusLabel(c.status),
    month: formatMonth(c.period),
    stale: c.period !== null && c.period < asOf ? "较早" : "当月"
  }));
  const units = new Set(values.map((v) => v.unit_name)).size;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width,
    autosize: {type: "fit-x", contains: "padding"},
    height: Math.max(1, units) * (narrow ? 16 : 20),
    data: {values},
    mark: {type: "rect", stroke: "white", strokeWidth: 1},
    encoding: {
      x: {
        field: "label",
        type: "nominal",
        sort: order.map(label),
        title: null,
        axis: {orient: "top", labelAngle: -90, labelFontSize: narrow ? 8 : 10, labelOverlap: false}
      },
      y: {field: "unit_name", type: "nominal", sort: null, title: null, axis: {labelFontSize: narrow ? 9 : 11}},
      color: {
        field: "state",
        type: "nominal",
        title: "状态",
        scale: statusScale(cells.map((c) => c.status)),
        legend: {orient: "bottom", columns: narrow ? 3 : 7}
      },
      opacity: {condition: {test: "datum.stale === '较早'", value: 0.35}, value: 1},
      tooltip: [
        {field: "unit_name", title: "单位"},
        {field: "target_id", title: "编号"},
        {field: "indicator", title: "指标"},
        {field: "state", title: "状态"},
        {field: "month", title: "最新月份"}
      ]
    },
    config: CHART_CONFIG
  } as unknown as TopLevelSpec;
}
