import {describe, expect, it} from "vitest";
import {shortIndicator, targetLabel} from "../../src/components/shortIndicator.js";

describe("shortIndicator", () => {
  it("drops parenthesised remarks and cuts long names with an ellipsis", () => {
    expect(shortIndicator("新增学位")).toBe("新增学位");
    expect(shortIndicator("培育省级老年教育优质(示范校)")).toBe("培育省级老年教…");
    expect(shortIndicator("长学制技术技能人才招生占中职(不含技校、中专)招生比例")).toBe("长学制技术技能…");
    expect(shortIndicator("乡镇(街道)老年学校覆盖率", {max: 12})).toBe("乡镇老年学校覆盖率");
    expect(targetLabel("6.1b", "新增学位")).toBe("6.1b 新增学位");
    expect(targetLabel("6.1b", null)).toBe("6.1b");
  });
});
