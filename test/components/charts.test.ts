import {compile} from "vega-lite";
import {describe, expect, it} from "vitest";
import {matrixChart} from "../../src/components/matrixChart.js";
import {progressChart} from "../../src/components/progressChart.js";
import {statusChart} from "../../src/components/statusChart.js";
import {STATUS_COLORS, statusLabel, statusScale} from "../../src/components/status.js";
import {trendChart} from "../../src/components/trendChart.js";
import {statusHeatmap} from "../../src/components/statusHeatmap.js";
import {unitBarChart} from "../../src/components/unitBarChart.js";

const GAPS = [
  {target_id: "6.1a", indicator: "新建成中小学、幼儿园", attainment: 0.85, expected: 69, target: 72, status: "at_risk"},
  {target_id: "6.1b", indicator: "新增学位", attainment: 0.98, expected: 58000, target: 61000, status: "on_track"},
  {target_id: "6.9a", indicator: "场地(馆)开放数", attainment: 1.3, expected: 900, target: 1000, status: "achieved"},
  {
    target_id: "5.5b",
    indicator: "学前教育普及普惠县省级评估通过比例",
    attainment: null,
    expected: 65,
    target: 65,
    status: "no_data"
  }
];

/** The x axes of a compiled chart: none may rotate its labels (Chinese labels stay level). */
const levelLabels = (spec: object) =>
  (compile(spec as never).spec.axes ?? []).every((a) => a.labelAngle === undefined || a.labelAngle === 0);

describe("chart specs compile in Node and keep Chinese labels level", () => {
  it("statusChart: one bar per status present, coloured by status, urgent first", () => {
    const spec = statusChart(GAPS);
    expect(levelLabels(spec)).toBe(true);
    const values = (spec.data as {values: {status: string; n: number}[]}).values;
    expect(values).toEqual([
      {status: "有风险", n: 1},
      {status: "进度正常", n: 1},
      {status: "已完成", n: 1},
      {status: "无数据", n: 1}
    ]);
  });

  it("progressChart: attainment capped at 120 %, a tick at the expected share", () => {
    const spec = progressChart(GAPS);
    expect(levelLabels(spec)).toBe(true);
    const values = (spec.data as {values: {label: string; reached: number | null; due: number | null}[]}).values;
    expect(values.map((v) => [v.label, v.reached, v.due])).toEqual([
      ["6.1a 新建成中小学、幼儿园", 0.85, 69 / 72],
      ["6.1b 新增学位", 0.98, 58000 / 61000],
      ["6.9a 场地(馆)开放数", 1.2, 0.9],
      ["5.5b 学前教育普及普惠县省级评估通过比例", null, 1]
    ]);
  });

  it("trendChart: months as level ordinal labels, the projection from the last actual to the deadline", () => {
    const points = [
      {as_of: "2023-01", actual: 5000, expected: 4000},
      {as_of: "2023-02", actual: 9000, expected: 8000}
    ];
    const spec = trendChart(points, {target: 61000, projection: 54000, deadline: "2023-12", unit: "个"});
    expect(levelLabels(spec)).toBe(true);
    const layers = (spec as {layer: {data?: {values: unknown[]}}[]}).layer;
    expect(layers).toHaveLength(4);
    expect(layers[2]!.data!.values).toEqual([
      {month: "2月", value: 9000},
      {month: "12月", value: 54000}
    ]);
    expect(JSON.stringify(compile(spec).spec)).toContain("1月");
  });

  it("matrixChart: a cell per unit × month, coloured by how the month came, 改 on revisions", () => {
    const spec = matrixChart([
      {unit_name: "西湖区", period: "2023-01", state: "on_time", revised: false},
      {unit_name: "西湖区", period: "2023-02", state: "overdue", revised: true},
      {unit_name: "淳安县", period: "2023-01", state: "missing", revised: false}
    ]);
    expect(levelLabels(spec)).toBe(true);
    const values = (spec.data as {values: {label: string; mark: string}[]}).values;
    expect(values.map((v) => [v.label, v.mark])).toEqual([
      ["按时", ""],
      ["逾期", "改"],
      ["缺报", ""]
    ]);
  });

  it("status vocabulary: a Chinese label and a colour for every status", () => {
    expect(statusLabel("off_track")).toBe("滞后");
    expect(statusScale(["achieved", "off_track"])).toEqual({
      domain: ["滞后", "已完成"],
      range: [STATUS_COLORS.off_track, STATUS_COLORS.achieved]
    });
  });
});

describe("charts compile without a Vega-Lite warning", () => {
  const warnings = (spec: object) => {
    const seen: string[] = [];
    const logger = {
      level: () => logger,
      info: () => logger,
      debug: () => logger,
      warn: (...a: unknown[]) => (seen.push(a.join(" ")), logger),
      error: (...a: unknown[]) => (seen.push(a.join(" ")), logger)
    };
    compile(spec as never, {logger: logger as never});
    return seen;
  };
  it.each([
    ["statusChart", () => statusChart(GAPS)],
    ["progressChart", () => progressChart(GAPS)],
    ["progressChart narrow", () => progressChart(GAPS, {narrow: true})],
    [
      "matrixChart",
      () => matrixChart([{unit_name: "西湖区", period: "2023-11", state: "on_time", revised: true}], {narrow: true})
    ],
    ["unitBarChart", () => unitBarChart([{unit_name: "西湖区", attainment: 0.8, status: "at_risk"}])],
    [
      "statusHeatmap",
      () =>
        statusHeatmap([{target_id: "6.1a", unit_name: "西湖区", status: "at_risk", period: "2023-10"}], {
          asOf: "2023-11",
          order: ["6.1a"]
        })
    ]
  ])("%s: no warning (no dropped fit-y)", (_, spec) => {
    expect(warnings(spec())).toEqual([]);
  });

  it("statusHeatmap labels its columns with each target's id and short indicator, in plan order", () => {
    const spec = statusHeatmap(
      [
        {target_id: "2.2a", unit_name: "西湖区", status: "at_risk", period: "2023-11"},
        {target_id: "6.1b", unit_name: "西湖区", status: "on_track", period: "2023-11"}
      ],
      {asOf: "2023-11", order: ["2.2a", "6.1b"], names: {"2.2a": "中小学学科类培训机构压减率", "6.1b": "新增学位"}}
    ) as unknown as {encoding: {x: {field: string; sort: string[]}}; data: {values: {label: string}[]}};
    expect(spec.encoding.x.field).toBe("label");
    expect(spec.encoding.x.sort).toEqual(["2.2a 中小学学科…", "6.1b 新增学位"]);
    expect(spec.data.values.map((v) => v.label)).toEqual(spec.encoding.x.sort);
  });

  it("progressChart keeps a line for every row: a 0 % bar is labelled 0%, a row without a value names its status", () => {
    const rows = [
      ...GAPS,
      {
        target_id: "6.7b",
        indicator: "培育省级老年教育优质(示范校)",
        attainment: 0,
        expected: 7,
        target: 8,
        status: "off_track"
      }
    ];
    const values = (progressChart(rows).data as {values: {text: string}[]}).values;
    expect(values).toHaveLength(rows.length);
    expect(values.map((v) => v.text)).toEqual(["85%", "98%", "130%", "无数据", "0%"]);
  });
});
