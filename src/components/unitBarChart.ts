import type {TopLevelSpec} from "vega-lite";
import {CHART_CONFIG} from "./chartTheme.js";
import {axisLabelExpr, formatPercent} from "./format.js";
import {STATUS_ORDER, statusLabel, statusScale} from "./status.js";

/** Options of {@link unitBarChart}. */
export interface UnitBarOptions {
  /** The numeric field to draw (default "attainment", each unit's 完成率: its actual ÷ its own target). */
  field?: string;
  /** Axis title, in Chinese (default "完成率"). */
  title?: string;
  /** The field naming the unit (default "unit_name"). */
  unitField?: string;
  /** Chart width in pixels, or "container" (default) to fill its card. */
  width?: number | "container";
  /**
   * A reference value drawn as a rule, or null; default 1 (100 %: the unit's own target) when the
   * field is a share (`percent`), else null.
   */
  rule?: number | null;
  /** Whether the field is a share drawn in % (default: the field is "attainment"). */
  percent?: boolean;
  /** Which values are worse within a status: "lower" (default) or "higher" (a rate that must go down). */
  worse?: "lower" | "higher";
}

/** A unit's row: its name, the value, and its status (colours the bar). */
type UnitRow = Record<string, unknown> & {status?: string};

const rank = (s: unknown) => {
  const i = STATUS_ORDER.indexOf(s as (typeof STATUS_ORDER)[number]);
  return i < 0 ? STATUS_ORDER.length : i;
};

/**
 * A horizontal bar chart of one value per unit (by default its 完成率 against its own target, the
 * rule at 100 %), each bar coloured by the unit's status, worst first: 滞后, then 有风险, 进度正常,
 * 已完成, and within a status the worst value first (the lowest, unless `worse` is "higher"). Units sit on the y axis so that Chinese names
 * stay horizontal and never overlap; rows with no value are left out.
 */
export function unitBarChart(
  rows: readonly object[],
  {
    field = "attainment",
    title = "完成率",
    unitField = "unit_name",
    width = "container",
    percent = field === "attainment",
    rule = percent ? 1 : null,
    worse = "lower"
  }: UnitBarOptions = {}
): TopLevelSpec {
  const value = (r: UnitRow) => r[field] as number | null | undefined;
  const values = (rows as UnitRow[])
    .filter((r) => Number.isFinite(value(r)))
    .sort((a, b) => rank(a.status) - rank(b.status) || (worse === "lower" ? 1 : -1) * (value(a)! - value(b)!))
    .map((r) => ({
      ...r,
      state: statusLabel(r.status ?? ""),
      shown: percent ? formatPercent(value(r)) : String(value(r))
    }));
  const bars = {
    mark: {type: "bar", tooltip: true},
    encoding: {
      y: {field: unitField, type: "nominal", sort: null, title: null, axis: {labelLimit: 120}},
      x: {
        field,
        type: "quantitative",
        title,
        axis: {labelExpr: axisLabelExpr({percent}), tickCount: 4, labelFlush: true}
      },
      color: {
        field: "state",
        type: "nominal",
        title: "状态",
        scale: statusScale(values.map((v) => v.status ?? "")),
        legend: {orient: "bottom"}
      },
      tooltip: [
        {field: unitField, title: "单位"},
        {field: "shown", title},
        {field: "state", title: "状态"}
      ]
    }
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width,
    autosize: {type: "fit-x", contains: "padding"},
    height: Math.max(1, values.length) * 22,
    data: {values},
    layer:
      rule === null
        ? [bars]
        : [bars, {mark: {type: "rule", color: "#333", strokeDash: [4, 3]}, encoding: {x: {datum: rule}}}],
    config: CHART_CONFIG
  } as unknown as TopLevelSpec;
}
