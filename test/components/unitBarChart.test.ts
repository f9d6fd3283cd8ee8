import {compile} from "vega-lite";
import {describe, expect, it} from "vitest";
import {unitBarChart} from "../../src/components/unitBarChart.js";

/** The layers of a layered spec (TopLevelSpec's union hides them). */
const layers = (spec: object) => (spec as {layer: {encoding?: Record<string, unknown>; mark: unknown}[]}).layer;

const rows = [
  {unit_name: "西湖区", seats: 5200},
  {unit_name: "上城区", seats: 6100},
  {unit_name: "市直属学校", seats: null}
];

describe("unitBarChart", () => {
  it("compiles to Vega with horizontal bars, units on the y axis, largest first, blanks left out", () => {
    const spec = unitBarChart(rows, {field: "seats", title: "新增学位(个)"});
    const vega = compile(spec).spec;
    expect(JSON.stringify(vega.marks)).toContain('"type":"rect"');
    expect(layers(spec)[0]!.encoding!.y).toMatchObject({field: "unit_name", type: "nominal", sort: "-x"});
    expect(JSON.stringify(spec)).toContain('isValid(datum[\\"seats\\"])');
  });

  it("names the axis in Chinese, keeps unit labels horizontal, and draws a reference rule when asked", () => {
    const spec = unitBarChart(rows, {field: "seats", title: "新增学位(个)", width: 300, rule: 6000});
    expect(layers(spec)[0]!.encoding!.x).toMatchObject({title: "新增学位(个)"});
    expect(layers(spec)).toHaveLength(2);
    const axes = compile(spec).spec.axes ?? [];
    expect(axes.every((a) => a.labelAngle === undefined || a.labelAngle === 0)).toBe(true);
  });
});
