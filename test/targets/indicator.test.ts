import {describe, expect, it} from "vitest";
import {extractTargets} from "../../pipelines/targets/extractTargets.js";

// The name a target's indicator gets from the words around its value, as a plan's table or page prints them.
const names = (text: string) => extractTargets(text, {year: 2024}).map((t) => t.indicator);

describe("indicatorName: the words that name a value", () => {
  it("takes a table row's own cell, not its 序号 cell (a Word or PDF table's row)", () => {
    expect(names("二、主要目标\n1 | 地区生产总值增长6%左右 | 市发改委\n")).toEqual(["地区生产总值增长左右"]);
  });

  it("takes the paragraph of a cell whose paragraphs were joined by a space", () => {
    expect(names("二、实事项目\n1 | 新增100张养护床位 新建611张护理型床位 | 区民政局\n")).toEqual([
      "新增养护床位",
      "新建护理型床位"
    ]);
  });
});
