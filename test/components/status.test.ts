import {describe, expect, it} from "vitest";
import * as pipelines from "../../pipelines/gaps/status.js";
import {
  ATTAINMENT_COLUMN,
  BEHIND_STATUSES,
  STATUS_LABELS,
  STATUS_ORDER,
  formatAttainment,
  isBehind,
  statusLabel
} from "../../src/components/status.js";

describe("the site's statuses", () => {
  it("are the pipelines' statuses with the same labels (Framework serves src/ alone, so each side has a copy)", () => {
    expect([...STATUS_ORDER].sort()).toEqual([...pipelines.STATUSES].sort());
    expect(STATUS_LABELS).toEqual(pipelines.STATUS_LABELS);
    expect([...BEHIND_STATUSES].sort()).toEqual([...pipelines.BEHIND_STATUSES].sort());
  });

  it.each(STATUS_ORDER.map((s) => [s]))("%s is behind on both sides alike", (s) => {
    expect(isBehind(s)).toBe(pipelines.isBehind(s));
    expect(statusLabel(s)).toBe(pipelines.statusLabel(s));
  });

  it("counts only 滞后 and 有风险 as behind", () => {
    expect(STATUS_ORDER.filter(isBehind).map(statusLabel)).toEqual(["滞后", "有风险"]);
    expect([isBehind(undefined), isBehind(null), isBehind("late")]).toEqual([false, false, false]);
  });

  it("writes 完成率 as a percentage, and its column says so", () => {
    expect([formatAttainment(0.597), formatAttainment(null)]).toEqual(["59.7%", "—"]);
    expect([ATTAINMENT_COLUMN.label, ATTAINMENT_COLUMN.format(1.2)]).toEqual(["完成率", "120%"]);
  });
});
