import {describe, expect, it} from "vitest";
import {riskReason} from "../../src/components/riskReason.js";

const row = {status: "at_risk", measure: "%", kind: "level", target: 100, projection: 99.9, months_left: 1, pace: 0.97};

describe("riskReason", () => {
  it("near the deadline: the projection, how far it falls short and the months left", () => {
    expect(riskReason(row)).toBe("预计期末 99.9%,距目标 0.1 个百分点,剩 1 个月");
    expect(riskReason({...row, months_left: 0})).toBe("预计期末 99.9%,距目标 0.1 个百分点,已到期限");
    expect(riskReason({...row, measure: "所", kind: "count", target: 40, projection: 37.6, months_left: 2})).toBe(
      "预计期末 38 所,距目标 2 所,剩 2 个月"
    );
  });

  it("earlier in the year: the pace below 95 %; no reason for any other status", () => {
    expect(riskReason({...row, months_left: 6, pace: 0.88})).toBe("进度比 88%,低于 95%");
    expect(riskReason({...row, status: "off_track"})).toBeNull();
    expect(riskReason({...row, status: "on_track"})).toBeNull();
  });
});
