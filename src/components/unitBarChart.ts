import type {TopLevelSpec} from "vega-lite";
import {CHART_CONFIG} from "./chartTheme.js";
import {axisLabelExpr} from "./format.js";

/** Options of {@link unitBarChart}. */
export interface UnitBarOptions {
  /** The numeric field to draw. */
  field: string;
  /** Axis title, in Chinese (e.g. "新增学位(个)"). */
  title: string;
  /** The field naming the unit (default "unit_name"). */
  unitField?: string;
  /** Chart width in pixels, or "container" (default) to fill its card. */
  width?: number | "container";
  /** A reference value drawn as a rule (an allocation, the target), or null (default). */
  rule?: number | null;
}

/**
 * A horizontal bar chart of one value per unit, largest first. Units sit on the y axis so that
 * Chinese names stay horizontal and never overlap; rows with no value are left out.
 */
export function unitBarChart(
  rows: readonly object[],
  {field, title, unitField = "unit_name", width = "container", rule = null}: UnitBarOptions
): TopLevelSpec {
  const bars = {
    transform: [{filter: `isValid(datum[${JSON.stringify(field)}])`}],
    mark: {type: "bar", tooltip: true, color: "#4269d0"},
    encoding: {
      y: {field: unitField, type: "nominal", sort: "-x", title: null, axis: {labelLimit: 120}},
      x: {field, type: "quantitative", title, axis: {labelExpr: axisLabelExpr(), tickCount: 4, labelFlush: true}}
    }
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width,
    autosize: {type: "fit-x", contains: "padding"},
    height: Math.max(1, rows.filter((r) => Number.isFinite((r as Record<string, unknown>)[field])).length) * 22,
    data: {values: rows as object[]},
    layer:
      rule === null
        ? [bars]
        : [bars, {mark: {type: "rule", color: "#c0392b", strokeDash: [4, 3]}, encoding: {x: {datum: rule}}}],
    config: CHART_CONFIG
  } as TopLevelSpec;
}
