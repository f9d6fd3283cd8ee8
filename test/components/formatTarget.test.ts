import {describe, expect, it} from "vitest";
import {formatNumber, formatTarget} from "../../src/components/formatTarget.js";

describe("formatTarget", () => {
  it.each([
    [{comparator: ">=", value: 90, value_max: null, unit: "%"}, "≥ 90%"],
    [{comparator: ">=", value: 61000, value_max: null, unit: "个"}, "≥ 61,000 个"],
    [{comparator: "<=", value: 45, value_max: null, unit: "人"}, "≤ 45 人"],
    [{comparator: "between", value: 2, value_max: 3, unit: "项"}, "2–3 项"],
    [{comparator: "increase", value: 2800, value_max: null, unit: "名", baseline_year: 2022}, "较2022年增加 2,800 名"],
    [{comparator: "decrease", value: 1, value_max: null, unit: "百分点", per: "year"}, "逐年下降 1 百分点"]
  ])("%j → %s", (target, text) => {
    expect(formatTarget(target)).toBe(text);
  });

  it("formats numbers the Chinese way and shows a dash for none", () => {
    expect(formatNumber(530000)).toBe("530,000");
    expect(formatNumber(0.125)).toBe("0.13");
    expect(formatNumber(null)).toBe("—");
  });
});
