import type {TopLevelSpec} from "vega-lite";
import {CHART_CONFIG} from "./chartTheme.js";
import {statusLabel, statusScale} from "./status.js";

/** A target's standing as the progress chart draws it. */
export interface ProgressRow {
  target_id: string;
  indicator: string;
  attainment: number | null;
  expected: number | null;
  target: number | null;
  status: string;
}

/**
 * One bar per target: how much of the target is reached (attainment, capped at 120 %), coloured by
 * status, with a black tick where it should be by now (expected ÷ target). Labels are
 * `id indicator`, cut to fit, on the y axis.
 */
export function progressChart(rows: readonly ProgressRow[], {width = "container"}: {width?: number | "container"} = {}): TopLevelSpec {
  const values = rows.map((r) => ({
    label: `${r.target_id} ${r.indicator}`,
    reached: r.attainment === null ? null : Math.min(1.2, r.attainment),
    due: r.expected !== null && r.target ? Math.min(1.2, r.expected / r.target) : null,
    status: statusLabel(r.status)
  }));
  const y = {field: "label", type: "nominal", sort: null, title: null, axis: {labelLimit: 150}} as const;
  const x = {type: "quantitative", title: "完成比例", scale: {domain: [0, 1.2]}, axis: {format: "%", tickCount: 4}} as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width,
    autosize: {type: "fit-x", contains: "padding"},
    height: {step: 22},
    data: {values},
    layer: [
      {mark: {type: "bar", tooltip: true}, encoding: {y, x: {...x, field: "reached"}, color: {field: "status", type: "nominal", scale: statusScale(rows.map((r) => r.status)), title: "状态"}}},
      {mark: {type: "tick", color: "black", thickness: 2}, encoding: {y, x: {...x, field: "due"}}}
    ],
    config: CHART_CONFIG
  } as unknown as TopLevelSpec;
}
