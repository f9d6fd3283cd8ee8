import {describe, expect, it} from "vitest";
import {planMonth} from "../../pipelines/plan/planMonth.js";

describe("planMonth", () => {
  it.each([
    ["a month's plan", "区水利局2月工作计划\n\n一、水利工程建设", 2],
    ["its year too, 月份 and a Chinese month", "某局2017年十一月份工作安排\n一、部分", 11],
    ["a year's plan", "某市教育局2031年工作要点\n一、部分", null],
    ["a span of months is no month's plan", "某局2024年1-6月工作计划\n一、部分", null],
    ["a month in prose is no title", "某局工作计划\n我局2月工作计划如下,一是完成评估。", null]
  ])("%s: planMonth(%j) = %s", (_name, text, month) => {
    expect(planMonth(text)).toBe(month);
  });
});
