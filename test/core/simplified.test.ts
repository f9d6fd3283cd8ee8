import {readFile} from "node:fs/promises";
import {describe, expect, it} from "vitest";
import {toSimplified} from "../../pipelines/core/simplified.js";

describe("toSimplified", () => {
  it("reads traditional characters as simplified, character for character", () => {
    const text = "推動雙語教育,於上半年完成;牽頭單位:資訊教育科(臺北市)";
    const out = toSimplified(text);
    expect(out).toBe("推动双语教育,于上半年完成;牵头单位:资讯教育科(台北市)");
    expect(out.length).toBe(text.length);
  });

  it("leaves a simplified plan as it is, byte for byte", async () => {
    const seed = await readFile("seeds/hangzhou-edu-2023-work-plan.txt", "utf8");
    expect(toSimplified(seed) === seed).toBe(true);
  });
});
