import type {TopLevelSpec} from "vega-lite";

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
}

/**
 * A horizontal bar chart of one value per unit, largest first. Units sit on the y axis so that
 * Chinese names stay horizontal and never overlap; rows with no value are left out.
 */
export function unitBarChart(rows: readonly object[], {field, title, unitField = "unit_name", width = "container"}: UnitBarOptions): TopLevelSpec {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width,
    height: {step: 22},
    data: {values: rows as object[]},
    transform: [{filter: `isValid(datum[${JSON.stringify(field)}])`}],
    mark: {type: "bar", tooltip: true, color: "#4269d0"},
    encoding: {
      y: {field: unitField, type: "nominal", sort: "-x", title: null, axis: {labelLimit: 120}},
      x: {field, type: "quantitative", title, axis: {format: ",d", tickCount: 4, labelOverlap: "greedy", labelFlush: true}}
    },
    config: {font: "system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"}
  };
}
