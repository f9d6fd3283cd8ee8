/** The font stack every chart uses: Chinese first, so labels measure and render right. */
export const CHART_FONT =
  "system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', sans-serif";

/** The Vega-Lite config shared by planwatch's charts: Chinese font, quiet axes, no chart border. */
export const CHART_CONFIG = {
  font: CHART_FONT,
  view: {stroke: null},
  axis: {labelFontSize: 11, titleFontSize: 11, titleFontWeight: "normal", labelOverlap: "greedy"},
  legend: {labelFontSize: 11, titleFontSize: 11, orient: "bottom"}
} as const;
