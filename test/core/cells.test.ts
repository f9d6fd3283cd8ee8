import {describe, expect, it} from "vitest";
import {parseBasis, parseCellNumber, parsePeriod, periodInName} from "../../pipelines/core/cells.js";

describe("parseCellNumber", () => {
  it.each([
    ["4200", 4200, false],
    ["4,200", 4200, false],
    ["4，200", 4200, false],
    ["４２００", 4200, false],
    ["6.1万", 61000, false],
    ["1.5亿", 150000000, false],
    ["90%", 90, true],
    ["９０％", 90, true],
    [" 12.5 ", 12.5, false],
    ["-5", -5, false]
  ])("%j → %d", (text, value, percent) => {
    expect(parseCellNumber(text)).toEqual({kind: "number", value, percent});
  });

  it.each(["", " ", "—", "——", "-", "－", "无", "/", "N/A"])("%j is missing, not zero", (text) => {
    expect(parseCellNumber(text)).toEqual({kind: "missing"});
  });

  it.each(["约500", "12a", "1,20", "五百", "1.2.3"])("%j is not a number", (text) => {
    expect(parseCellNumber(text)).toEqual({kind: "bad"});
  });
});

describe("parsePeriod", () => {
  // The forms and the strictness are lib/month.ts's (test/core/month.test.ts); a cell is read through it.
  it("reads a cell's month through the month module, full-width folded, strictly", () => {
    expect(["２０２３－０６", "2023年6月", "202306"].map(parsePeriod)).toEqual(["2023-06", "2023-06", "2023-06"]);
    expect(["2023-06-99", "0000-01", "2023-13", ""].map(parsePeriod)).toEqual([null, null, null, null]);
  });

  it("finds a month in a file name, not in a unit code", () => {
    expect(periodInName("2023年6月西湖区.csv")).toBe("2023-06");
    expect(periodInName("xihu_202306.xlsx")).toBe("2023-06");
    expect(periodInName("330106-西湖.csv")).toBeNull();
  });
});

describe("parseBasis", () => {
  it.each([
    ["", "cumulative"],
    ["累计", "cumulative"],
    ["cumulative", "cumulative"],
    ["当期", "period"],
    ["本月", "period"],
    ["period", "period"],
    ["年度", null]
  ])("%j → %s", (text, basis) => {
    expect(parseBasis(text)).toBe(basis);
  });
});
