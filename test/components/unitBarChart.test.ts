import {compile} from "vega-lite";
import {describe, expect, it} from "vitest";
import {unitBarChart} from "../../src/components/unitBarChart.js";
import {STATUS_COLORS} from "../../src/components/status.js";

/** The layers of a layered spec (TopLevelSpec's union hides them). */
const layers = (spec: object) =>
  (spec as {layer: {encoding?: Record<string, {scale?: {domain: string[]; range: string[]}}>; mark: unknown}[]}).layer;
const values = (spec: object) => (spec as {data: {values: {unit_name: string}[]}}).data.values;

const rows = [
  {unit_name: "西湖区", attainment: 0.95, status: "on_track"},
  {unit_name: "上城区", attainment: 0.61, status: "off_track"},
  {unit_name: "拱墅区", attainment: 1.02, status: "achieved"},
  {unit_name: "滨江区", attainment: 0.82, status: "at_risk"},
  {unit_name: "萧山区", attainment: 0.7, status: "off_track"},
  {unit_name: "市直属学校", attainment: null, status: "no_data"}
];

describe("unitBarChart", () => {
  it("draws each unit's 完成率, worst first (滞后 lowest first, then 有风险, 进度正常, 已完成), blanks left out", () => {
    const spec = unitBarChart(rows);
    expect(values(spec).map((v) => v.unit_name)).toEqual(["上城区", "萧山区", "滨江区", "西湖区", "拱墅区"]);
    expect(layers(spec)[0]!.encoding!.y).toMatchObject({field: "unit_name", type: "nominal", sort: null});
    expect(layers(spec)[0]!.encoding!.x).toMatchObject({field: "attainment", title: "完成率"});
    expect(JSON.stringify(compile(spec).spec.marks)).toContain('"type":"rect"');
  });

  it("colours each bar by its status in the site's colours, with the 100 % mark of the unit's own target", () => {
    const spec = unitBarChart(rows);
    const scale = layers(spec)[0]!.encoding!.color!.scale!;
    expect(scale.domain).toEqual(["滞后", "有风险", "进度正常", "已完成"]);
    expect(scale.range).toEqual([
      STATUS_COLORS.off_track,
      STATUS_COLORS.at_risk,
      STATUS_COLORS.on_track,
      STATUS_COLORS.achieved
    ]);
    expect(layers(spec)).toHaveLength(2);
    expect(layers(spec)[1]!.encoding!.x).toEqual({datum: 1});
  });

  it("another field: named in Chinese, labels horizontal, a rule only when asked", () => {
    const spec = unitBarChart(
      [
        {unit_name: "西湖区", seats: 5200},
        {unit_name: "上城区", seats: 6100}
      ],
      {field: "seats", title: "新增学位(个)", width: 300}
    );
    expect(layers(spec)[0]!.encoding!.x).toMatchObject({title: "新增学位(个)"});
    expect(layers(spec)).toHaveLength(1);
    const axes = compile(spec).spec.axes ?? [];
    expect(axes.every((a) => a.labelAngle === undefined || a.labelAngle === 0)).toBe(true);
  });
});
