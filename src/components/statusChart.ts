import type {TopLevelSpec} from "vega-lite";
import {CHART_CONFIG} from "./chartTheme.js";
import {STATUS_ORDER, statusLabel, statusScale} from "./status.js";

/**
 * One horizontal bar per status with the number of targets in it (most urgent first), for the
 * overview. `rows` are gaps rows; each is counted under its `status`.
 */
export function statusChart(
  rows: readonly {status: string}[],
  {width = "container"}: {width?: number | "container"} = {}
): TopLevelSpec {
  const counts = STATUS_ORDER.map((s) => ({
    status: statusLabel(s),
    n: rows.filter((r) => r.status === s).length
  })).filter((d) => d.n > 0);
  const scale = statusScale(STATUS_ORDER.filter((s) => rows.some((r) => r.status === s)));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width,
    autosize: {type: "fit-x", contains: "padding"},
    height: Math.max(1, counts.length) * 26,
    data: {values: counts},
    encoding: {
      y: {field: "status", type: "nominal", sort: scale.domain, title: null},
      x: {field: "n", type: "quantitative", title: "目标数(项)", axis: {tickMinStep: 1, format: "d"}}
    },
    layer: [
      {mark: {type: "bar", tooltip: true}, encoding: {color: {field: "status", type: "nominal", scale, legend: null}}},
      {mark: {type: "text", align: "left", dx: 4}, encoding: {text: {field: "n", type: "quantitative"}}}
    ],
    config: CHART_CONFIG
  } as TopLevelSpec;
}
