import {describe, expect, it} from "vitest";
import {CHANGE_LABELS, GAP_STATUS_LABELS, label, namer} from "../../pipelines/commands/labels.js";
import {STATUS_LABELS} from "../../src/components/status.js";
import {CHANGE_LABELS as SITE_CHANGE_LABELS} from "../../src/components/summary.js";

describe("what the commands' tables show for a code", () => {
  it("the site's words for each status and change", () => {
    expect(GAP_STATUS_LABELS).toEqual(STATUS_LABELS);
    expect(CHANGE_LABELS).toEqual(SITE_CHANGE_LABELS);
    expect([
      label(GAP_STATUS_LABELS, "at_risk"),
      label(GAP_STATUS_LABELS, "odd"),
      label(GAP_STATUS_LABELS, null)
    ]).toEqual(["有风险", "odd", null]);
  });

  it("names units and offices by code, the city as 全市", () => {
    const name = namer([{code: "xjc", name: "宣传教育处"}]);
    expect([name("xjc"), name("city"), name("zzz"), name(null)]).toEqual(["宣传教育处", "全市", "zzz", null]);
  });
});
