import type {TopLevelSpec} from "vega-lite";
import {CHART_CONFIG} from "./chartTheme.js";
import {axisLabelExpr} from "./format.js";
import {formatAttainment, statusLabel, statusScale} from "./status.js";

/** A target's standing as the progress chart draws it. */
export interface ProgressRow {
  target_id: string;
  indicator: string;
  attainment: number | null;
  expected: number | null;
  target: number | null;
  status: string;
}

const STEP = 22;
/** Past this 完成率 a bar holds its label inside its end. */
const INSIDE = 0.9;

/**
 * One bar per target: its 完成率 (actual ÷ target, capped at 120 %), coloured by status, with a
 * black tick at its 时序进度 (expected ÷ target) and the 完成率 written past the bar's end and the tick
 * (inside the bar's end when it is near or past 100 %), so that a
 * 0 % bar is seen and a target without a value says why (无数据, 缺基线) instead of vanishing.
 * Labels are `id indicator` on the y axis, cut to `labelLimit` (narrow: 120 px, else 360 px: the longest indicator of a
 * plan whole).
 * Every row gets a line: `rows.length` lines.
 */
export function progressChart(
  rows: readonly ProgressRow[],
  {width = "container", narrow = false}: {width?: number | "container"; narrow?: boolean} = {}
): TopLevelSpec {
  const values = rows.map((r) => ({
    label: `${r.target_id} ${r.indicator}`,
    reached: r.attainment === null ? null : Math.min(1.2, r.attainment),
    due: r.expected !== null && r.target ? Math.min(1.2, r.expected / r.target) : null,
    status: statusLabel(r.status),
    text: r.attainment === null ? statusLabel(r.status) : formatAttainment(r.attainment)
  }));
  const y = {
    field: "label",
    type: "nominal",
    sort: null,
    title: null,
    axis: {labelLimit: narrow ? 120 : 360, labelFontSize: narrow ? 10 : 11}
  } as const;
  const x = {
    type: "quantitative",
    title: "完成率(竖线:时序进度)",
    scale: {domain: [0, 1.2], clamp: true},
    axis: {labelExpr: axisLabelExpr({percent: true}), tickCount: narrow ? 3 : 6}
  } as const;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width,
    autosize: {type: "fit-x", contains: "padding"},
    height: Math.max(1, values.length) * STEP,
    data: {values},
    layer: [
      {
        mark: {type: "bar", tooltip: true},
        encoding: {
          y,
          x: {...x, field: "reached"},
          color: {
            field: "status",
            type: "nominal",
            scale: statusScale(rows.map((r) => r.status)),
            title: "状态",
            legend: {columns: narrow ? 3 : 7, symbolLimit: 0}
          }
        }
      },
      {
        transform: [{filter: "isValid(datum.due)"}],
        mark: {type: "tick", color: "black", thickness: 2},
        encoding: {y, x: {...x, field: "due"}}
      },
      // The 完成率 after the bar and past the tick, so the two never overlap; a bar near or past 100 %
      // carries it inside its end instead (at the chart's right edge it would be cut).
      {
        transform: [
          {filter: `!(isValid(datum.reached) && datum.reached > ${INSIDE})`},
          {calculate: "max(isValid(datum.reached) ? datum.reached : 0, isValid(datum.due) ? datum.due : 0)", as: "at"}
        ],
        mark: {type: "text", align: "left", dx: 4, fontSize: 10, color: "#333"},
        encoding: {y, x: {...x, field: "at", axis: null}, text: {field: "text"}}
      },
      {
        transform: [{filter: `isValid(datum.reached) && datum.reached > ${INSIDE}`}],
        mark: {type: "text", align: "right", dx: -4, fontSize: 10, color: "white", fontWeight: "bold"},
        encoding: {y, x: {...x, field: "reached", axis: null}, text: {field: "text"}}
      }
    ],
    config: CHART_CONFIG
  } as unknown as TopLevelSpec;
}
