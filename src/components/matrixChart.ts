import type {TopLevelSpec} from "vega-lite";
import {CHART_CONFIG} from "./chartTheme.js";

/** What the submission matrix says of a unit × month. */
export const SUBMISSION_LABELS = {on_time: "按时", overdue: "逾期", rejected: "被拒收", missing: "缺报"} as const;
const COLORS = {on_time: "#1e8449", overdue: "#e08e0b", rejected: "#c0392b", missing: "#d5d8dc"} as const;

/**
 * The submission record as a grid: units down, months across, each cell coloured by whether the
 * month came on time, overdue, only rejected, or not at all; a revised month is marked 改.
 */
export function matrixChart(
  cells: readonly {unit_name: string; period: string; state: keyof typeof COLORS; revised: boolean}[],
  {width = "container", narrow = false}: {width?: number | "container"; narrow?: boolean} = {}
): TopLevelSpec {
  // On a phone, months are numbers under a 月 title: twelve "11月" labels do not fit side by side.
  const values = cells.map((c) => ({
    ...c,
    month: narrow ? String(Number(c.period.slice(5, 7))) : `${Number(c.period.slice(5, 7))}月`,
    label: SUBMISSION_LABELS[c.state],
    mark: c.revised ? "改" : ""
  }));
  const units = new Set(cells.map((c) => c.unit_name)).size;
  const states = Object.keys(COLORS) as (keyof typeof COLORS)[];
  const x = {
    field: "month",
    type: "ordinal",
    sort: null,
    title: narrow ? "月份" : null,
    axis: {labelAngle: 0, orient: "top", labelOverlap: false, labelFontSize: narrow ? 9 : 11}
  } as const;
  const y = {field: "unit_name", type: "nominal", sort: null, title: null} as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width,
    autosize: {type: "fit-x", contains: "padding"},
    height: Math.max(1, units) * 20,
    data: {values},
    layer: [
      {
        mark: {type: "rect", tooltip: true, stroke: "white"},
        encoding: {
          x,
          y,
          color: {
            field: "label",
            type: "nominal",
            title: "报送",
            legend: {columns: 4},
            scale: {domain: states.map((s) => SUBMISSION_LABELS[s]), range: states.map((s) => COLORS[s])}
          }
        }
      },
      {mark: {type: "text", color: "white", fontSize: 10}, encoding: {x, y, text: {field: "mark"}}}
    ],
    config: CHART_CONFIG
  } as TopLevelSpec;
}
