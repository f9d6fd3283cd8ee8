import {describe, expect, it} from "vitest";
import {OFFICE_NAME_END} from "../../pipelines/plan/officeEnding.js";

describe("OFFICE_NAME_END: how an office's or unit's name ends", () => {
  it.each([
    "市卫健委",
    "區教育局",
    "县供电公司",
    "县农发行",
    "人行县支行",
    "区经发集团",
    "镇司法所",
    "县图书馆",
    "各学校",
    "市政工程大队",
    "市政府办公室"
  ])("%s is an office's name", (name) => expect(OFFICE_NAME_END.test(name)).toBe(true));
  it.each(["推进林业产业发展", "开展整治行动", "完成农网改造"])("%s is no office's name", (name) =>
    expect(OFFICE_NAME_END.test(name)).toBe(false)
  );
});
