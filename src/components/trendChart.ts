import type {TopLevelSpec} from "vega-lite";
import {CHART_CONFIG} from "./chartTheme.js";
import {axisLabelExpr} from "./format.js";

/** A month of a target's path: the actual and where it should have been. */
export interface TrendPoint {
  as_of: string;
  actual: number | null;
  expected: number | null;
}

/** Options of {@link trendChart}. */
export interface TrendOptions {
  /** The target's value, drawn as a red rule, or null. */
  target: number | null;
  /** The projected value at the deadline, drawn dashed from the last actual, or null. */
  projection?: number | null;
  /** The deadline month (`YYYY-MM`) the projection reaches. */
  deadline?: string;
  /** The y axis title: the unit of measure (个, %). */
  unit: string;
  width?: number | "container";
  height?: number;
  /** A phone's width: months as numbers under a 月份 title, so that twelve labels fit. */
  narrow?: boolean;
}

/**
 * A target's trend: the actual by month (solid, with points), the expected path (dotted grey), the
 * target (red rule) and the projection to the deadline (dashed). Months are ordinal labels (1月 …)
 * so Chinese labels never rotate.
 */
export function trendChart(
  points: readonly TrendPoint[],
  {target, projection = null, deadline, unit, width = "container", height = 180, narrow = false}: TrendOptions
): TopLevelSpec {
  const month = (p: string) => (narrow ? String(Number(p.slice(5, 7))) : `${Number(p.slice(5, 7))}月`);
  const values = points.map((p) => ({month: month(p.as_of), as_of: p.as_of, actual: p.actual, expected: p.expected}));
  const last = [...points].reverse().find((p) => p.actual !== null);
  const projected =
    last && projection !== null && deadline && deadline > last.as_of
      ? [
          {month: month(last.as_of), value: last.actual},
          {month: month(deadline), value: projection}
        ]
      : [];
  const domain = [...new Set([...values.map((v) => v.month), ...projected.map((p) => p.month)])];
  const x = {
    field: "month",
    type: "ordinal",
    title: narrow ? "月份" : null,
    scale: {domain},
    axis: {labelAngle: 0, labelOverlap: false, labelFontSize: narrow ? 9 : 11}
  } as const;
  // A 百分点 target's values are rates: the axis is in %.
  // The unit reads level above the axis (a rotated 个 reads as an arrow).
  const y = {
    type: "quantitative",
    title: unit === "百分点" ? "%" : unit,
    axis: {
      labelExpr: axisLabelExpr(),
      tickCount: 4,
      titleAngle: 0,
      titleAnchor: "end",
      titleAlign: "left",
      titleBaseline: "bottom",
      titleX: -8,
      titleY: -6
    }
  } as const;
  // A series with no value at all is left out (Vega warns of an infinite extent for it).
  const layers: object[] = [];
  if (values.some((v) => v.expected !== null))
    layers.push({
      mark: {type: "line", strokeDash: [2, 3], color: "#95a5a6"},
      encoding: {x, y: {...y, field: "expected"}}
    });
  if (values.some((v) => v.actual !== null))
    layers.push({
      mark: {type: "line", point: true, color: "#2e86c1", tooltip: true},
      encoding: {x, y: {...y, field: "actual"}}
    });
  if (projected.length)
    layers.push({
      data: {values: projected},
      mark: {type: "line", strokeDash: [6, 4], color: "#2e86c1", opacity: 0.6},
      encoding: {x, y: {...y, field: "value"}}
    });
  if (target !== null)
    layers.push({
      data: {values: [{target}]},
      mark: {type: "rule", color: "#c0392b", strokeDash: [4, 2]},
      encoding: {y: {...y, field: "target"}}
    });
  if (!layers.length)
    layers.push({
      data: {values: [{text: "尚无数据"}]},
      mark: {type: "text", color: "#7f8c8d"},
      encoding: {text: {field: "text"}}
    });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width,
    height,
    data: {values},
    layer: layers,
    config: CHART_CONFIG
  } as TopLevelSpec;
}
