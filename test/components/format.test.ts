import {describe, expect, it} from "vitest";
import {parse, View} from "vega";
import {compile} from "vega-lite";
import {
  axisLabelExpr,
  formatChange,
  formatDay,
  formatMonth,
  formatNumber,
  formatPercent,
  formatRequired,
  formatTarget,
  formatTime,
  formatValue
} from "../../src/components/format.js";

describe("formatTarget", () => {
  it.each([
    [{comparator: ">=", value: 90, value_max: null, unit: "%"}, "≥ 90%"],
    [{comparator: ">=", value: 61000, value_max: null, unit: "个"}, "≥ 6.1 万个"],
    [{comparator: "<=", value: 45, value_max: null, unit: "人"}, "≤ 45 人"],
    [{comparator: "between", value: 2, value_max: 3, unit: "项"}, "2–3 项"],
    [{comparator: "increase", value: 2800, value_max: null, unit: "名", baseline_year: 2022}, "较2022年增加 2,800 名"],
    [{comparator: "decrease", value: 1, value_max: null, unit: "百分点", per: "year"}, "逐年下降 1 个百分点"]
  ])("%j → %s", (target, text) => {
    expect(formatTarget(target)).toBe(text);
  });
});

describe("formatNumber: 万 and 亿, at most two decimals", () => {
  it.each([
    [1500, "1,500"],
    [9999, "9,999"],
    [10000, "1万"],
    [61000, "6.1万"],
    [214321, "21.43万"],
    [530000, "53万"],
    [125000000, "1.25亿"],
    [-38, "-38"],
    [0.125, "0.13"],
    [null, "—"],
    [Number.NaN, "—"]
  ])("%s → %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe("formatValue: counts whole, rates in %", () => {
  it.each([
    [7.3, "所", "7 所"],
    [69.6, "所", "70 所"],
    [61000, "个", "6.1 万个"],
    [1500, "人次", "1,500 人次"],
    [87.24, "%", "87.2%"],
    [51.5, "百分点", "51.5%"],
    [null, "个", "—"]
  ])("%s %s → %s", (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });
  it.each([
    [1.8, "项", "1.8 项"],
    [2, "项", "2 项"],
    [45.25, "人", "45.3 人"]
  ])("a level: %s %s → %s", (value, unit, text) => {
    expect(formatValue(value, unit, {kind: "level"})).toBe(text);
  });
});

describe("formatChange: 百分点 only for a change of a rate", () => {
  it.each([
    [1.24, "%", "+1.2 个百分点"],
    [-0.5, "百分点", "−0.5 个百分点"],
    [1200, "个", "+1,200 个"],
    [-3, "所", "−3 所"],
    [25000, "名", "+2.5 万名"],
    [0.02, "%", "持平"],
    [0, "所", "持平"],
    [null, "所", "—"]
  ])("%s %s → %s", (delta, unit, text) => {
    expect(formatChange(delta, unit)).toBe(text);
  });
});

describe("formatRequired: never a negative amount still needed", () => {
  it.each([
    [214000, "名", 428000, "每月 21.4 万名"],
    [12.2, "所", 24, "每月 13 所"],
    [-38, "个", -76, "无需"],
    [0, "个", 0, "无需"],
    [null, "个", -5, "无需"],
    [null, "个", null, "—"],
    [0.9, "%", 2.8, "尚差 2.8 个百分点"],
    [-1, "%", -3, "无需"]
  ])("%s %s (gap %s) → %s", (required, unit, gap, text) => {
    expect(formatRequired(required, unit, {gap})).toBe(text);
  });
  it("a level other than a rate needs its distance: 尚差 0.2 项", () => {
    expect(formatRequired(0.2, "项", {gap: 0.2, kind: "level"})).toBe("尚差 0.2 项");
    expect(formatRequired(-0.4, "项", {gap: -0.4, kind: "level"})).toBe("无需");
  });
});

describe("formatPercent and formatMonth", () => {
  it.each([
    [0.934, "93.4%"],
    [1.5, "150%"],
    [0, "0%"],
    [null, "—"]
  ])("formatPercent(%s) → %s", (value, text) => {
    expect(formatPercent(value)).toBe(text);
  });
  it.each([
    ["2023-11", false, "11月"],
    ["2023-01", true, "2023年1月"],
    [null, false, "—"]
  ])("formatMonth(%s, year %s) → %s", (period, year, text) => {
    expect(formatMonth(period, {year})).toBe(text);
  });
});

describe("formatDay and formatTime: a ledger's UTC instant as the day and time in Asia/Shanghai", () => {
  it.each([
    ["2023-12-08T01:30:00.000Z", "2023年12月8日", "2023年12月8日 09:30"],
    // 17:30 UTC on the 7th is already the 8th in Hangzhou.
    ["2023-12-07T17:30:00.000Z", "2023年12月8日", "2023年12月8日 01:30"],
    ["2023-12-31T16:05:00Z", "2024年1月1日", "2024年1月1日 00:05"],
    [null, "—", "—"],
    ["not a time", "—", "—"]
  ])("%s → %s, %s", (instant, day, time) => {
    expect(formatDay(instant)).toBe(day);
    expect(formatTime(instant)).toBe(time);
  });
});

describe("axisLabelExpr: chart axes write numbers as the text does", () => {
  /** The y axis labels Vega draws for these values with the expression. */
  async function labels(values: number[], options?: {percent?: boolean}): Promise<string[]> {
    const spec = compile({
      data: {values: values.map((v) => ({v}))},
      mark: "point",
      encoding: {y: {field: "v", type: "quantitative", axis: {labelExpr: axisLabelExpr(options), values}}}
    } as never).spec;
    const view = new View(parse(spec), {renderer: "none"});
    const svg = await view.toSVG();
    view.finalize();
    return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  }
  it.each([
    [[0, 1500, 60000, 500000, 150000000], false, ["0", "1,500", "6万", "50万", "1.5亿"]],
    [[0, 0.5, 1], true, ["0%", "50%", "100%"]]
  ])("%j (percent %s) → %j", async (values, percent, text) => {
    expect(await labels(values, {percent})).toEqual(expect.arrayContaining(text));
  });
});
