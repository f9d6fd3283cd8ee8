import {describe, expect, it} from "vitest";
import {FINDING_CODES} from "../../pipelines/intake/findings.js";
import {FINDING_NAMES, findingName} from "../../src/components/findingCodes.js";

describe("finding names", () => {
  it("names every finding code the toolkit can give in Chinese, and no code it cannot", () => {
    expect(Object.keys(FINDING_CODES).filter((code) => !(code in FINDING_NAMES))).toEqual([]);
    expect(Object.keys(FINDING_NAMES).filter((code) => !(code in FINDING_CODES))).toEqual([]);
    for (const name of Object.values(FINDING_NAMES)) expect(name).toMatch(/[\u4e00-\u9fff]/);
  });

  it("reads a code it does not know as 其他问题", () => {
    expect(findingName("bad_status")).toBe("进展状态无法识别");
    expect(findingName("some_future_code")).toBe("其他问题");
  });
});
