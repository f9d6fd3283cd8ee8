import {compile} from "vega-lite";
import {describe, expect, it} from "vitest";
import {unitBarChart} from "../../src/components/unitBarChart.js";

/** The encoding of a unit spec (TopLevelSpec's union hides it). */
const encoding = (spec: object) => (spec as {encoding: Record<string, unknown>}).encoding;

const rows = [
  {unit_name: "西湖区", seats: 5200},
  {unit_name: "上城区", seats: 6100},
  {unit_name: "市直属学校", seats: null}
];

describe("unitBarChart", () => {
  it("compiles to Vega with one horizontal bar per unit that has a value", () => {
    const spec = unitBarChart(rows, {field: "seats", title: "新增学位(个)"});
    const vega = compile(spec).spec;
    expect(vega.marks?.[0]?.type).toBe("rect");
    expect(encoding(spec).y).toMatchObject({field: "unit_name", type: "nominal", sort: "-x"});
    expect(spec.transform).toEqual([{filter: 'isValid(datum["seats"])'}]);
  });

  it("names the axis in Chinese and keeps unit labels horizontal", () => {
    const spec = unitBarChart(rows, {field: "seats", title: "新增学位(个)", width: 300});
    expect(encoding(spec).x).toMatchObject({title: "新增学位(个)"});
    const axes = compile(spec).spec.axes ?? [];
    expect(axes.every((a) => a.labelAngle === undefined || a.labelAngle === 0)).toBe(true);
  });
});
