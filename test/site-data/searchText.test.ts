import {describe, expect, it} from "vitest";
import {searchText} from "../../pipelines/site-data/searchText.js";

describe("searchText", () => {
  it("cuts each run of Chinese characters into its suffixes, so a prefix search finds any part", () => {
    expect(searchText("新增学位6.1万个")).toBe("新增学位 增学位 学位 位 万个 个 6.1");
  });

  it("keeps a suffix to the 15 characters the index keeps of a term", () => {
    const run = "一二三四五六七八九十甲乙丙丁戊己庚";
    expect(searchText(run).split(" ")[0]).toBe(run.slice(0, 15));
  });

  it("keeps other words", () => {
    expect(searchText("planwatch 西湖区")).toBe("西湖区 湖区 区 planwatch");
  });
});
