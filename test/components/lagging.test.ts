import {describe, expect, it} from "vitest";
import {laggingRows} from "../../src/components/lagging.js";

describe("laggingRows", () => {
  it("keeps 滞后 and 有风险 only, worst first: off track before at risk, then the lowest pace", () => {
    const rows = [
      {unit: "a", status: "at_risk", pace: 0.9, attainment: 0.8},
      {unit: "b", status: "on_track", pace: 0.2, attainment: 0.1},
      {unit: "c", status: "off_track", pace: 0.7, attainment: 0.6},
      {unit: "d", status: "at_risk", pace: 0.85, attainment: 0.9},
      {unit: "e", status: "off_track", pace: null, attainment: 0.3},
      {unit: "f", status: "no_data", pace: null, attainment: null}
    ];
    expect(laggingRows(rows).map((r) => r.unit)).toEqual(["e", "c", "d", "a"]);
  });
});
