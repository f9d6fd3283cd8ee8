import {describe, expect, it} from "vitest";
import {isPageFurniture, planLines} from "../../pipelines/plan/structure.js";

describe("planLines", () => {
  it("cuts a page flattened to one line before each mark a space sets off after a stop or a short heading", () => {
    const text =
      "某县2031年方案\n一、工作任务 (一)动员阶段(5月) 各乡镇制定方案。 二、时间安排 (一)总结阶段(11月) 各乡镇报送总结。";
    const lines = planLines(text).filter((l) => l.line.trim());
    expect(lines.map((l) => [l.section, l.item, l.opens, l.line])).toEqual([
      [0, 0, null, "某县2031年方案"],
      [1, 0, "section", "一、工作任务"],
      [1, 1, "item", "(一)动员阶段(5月) 各乡镇制定方案。"],
      [2, 0, "section", "二、时间安排"],
      [2, 1, "item", "(一)总结阶段(11月) 各乡镇报送总结。"]
    ]);
    // offsets stay those of the text
    for (const l of lines) expect(text.slice(l.offset, l.offset + l.line.length)).toBe(l.line);
  });

  it("leaves a mark inside a sentence (text before it, no stop) on its line", () => {
    const text = "一、工作任务\n各乡镇要做好以下工作,包括 (一)制定方案和 (二)报送总结。";
    expect(planLines(text).map((l) => l.line)).toEqual(text.split("\n"));
  });

  it("reads a copy that opens on an item after a table rule or a page note in section 0", () => {
    const text = "|\n[接上页] (五)加强报告工作 各地要按期报送。 四、时间安排 (一)动员阶段(5月) 各乡镇制定方案。";
    const items = planLines(text).filter((l) => l.opens === "item");
    expect(items.map((l) => [l.section, l.item])).toEqual([
      [0, 5],
      [4, 1]
    ]);
  });

  it("an item's mark on a line of its own is no page note", () => {
    expect(["|", " | ", "[接上页]", "(续上页)"].every(isPageFurniture)).toBe(true);
    expect(["(一)", "(5)", "[1]", "接上页"].some(isPageFurniture)).toBe(false);
  });
});
