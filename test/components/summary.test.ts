import {describe, expect, it} from "vitest";
import {
  type SummaryRow,
  changeGroups,
  changeText,
  executiveSummary,
  itemText,
  needText,
  staleValue
} from "../../src/components/summary.js";

const row = (over: Partial<SummaryRow> & Pick<SummaryRow, "target_id" | "status">): SummaryRow => ({
  unit_code: "city",
  indicator: over.target_id,
  measure: "个",
  actual: null,
  target: null,
  expected: null,
  attainment: null,
  pace: null,
  required_rate: null,
  gap: null,
  period: "2023-11",
  ...over
});

const ROWS = [
  row({
    target_id: "6.8a",
    indicator: "义务教育段学生开展正脊筛查",
    measure: "名",
    status: "off_track",
    actual: 316489,
    target: 530000,
    attainment: 0.597,
    pace: 0.651,
    required_rate: 213511,
    gap: 213511
  }),
  row({
    target_id: "6.7b",
    indicator: "培育省级老年教育优质(示范校)",
    measure: "所",
    status: "off_track",
    actual: 0,
    target: 8,
    attainment: 0,
    pace: 0,
    required_rate: 8,
    gap: 8
  }),
  row({
    target_id: "2.4a",
    indicator: "专职校医配备率",
    measure: "%",
    status: "at_risk",
    actual: 87.2,
    target: 90,
    attainment: 0.969,
    pace: 0.969,
    required_rate: 2.8,
    gap: 2.8,
    kind: "level"
  }),
  row({
    target_id: "6.9a",
    indicator: "场地(馆)开放数",
    measure: "个",
    status: "achieved",
    actual: 1038,
    target: 1000,
    attainment: 1.038,
    pace: 1.13,
    required_rate: -38,
    gap: -38
  }),
  row({target_id: "5.5b", status: "no_data"})
];

describe("executiveSummary: full sentences naming the worst items and what they need", () => {
  it("counts, then the off-track items by urgency, then the at-risk ones", () => {
    expect(executiveSummary(ROWS, {who: "全市", asOf: "2023-11"})).toEqual([
      "截至2023年11月,全市 5 项量化目标中,1 项已完成、1 项有风险、2 项滞后、1 项尚无数据。",
      "2 项滞后:6.7b 培育省级老年教育优质(示范校)(完成率 0%,需每月完成 8 所);6.8a 义务教育段学生开展正脊筛查(完成率 59.7%,需每月完成 21.35 万名)。",
      "1 项有风险:2.4a 专职校医配备率(完成率 96.9%,尚差 2.8 个百分点)。"
    ]);
  });
  it("names at most `limit` items and says 等", () => {
    expect(executiveSummary(ROWS, {who: "西湖区", asOf: "2023-11", limit: 1})[1]).toBe(
      "2 项滞后:6.7b 培育省级老年教育优质(示范校)(完成率 0%,需每月完成 8 所) 等。"
    );
  });
  it("says when nothing is behind", () => {
    expect(executiveSummary([ROWS[3]!], {who: "全市", asOf: "2023-11"})).toEqual([
      "截至2023年11月,全市 1 项量化目标中,1 项已完成。",
      "暂无滞后或有风险的目标。"
    ]);
  });
});

describe("needText and itemText: never a negative amount still needed", () => {
  it.each([
    [ROWS[0]!, "需每月完成 21.35 万名"],
    [ROWS[2]!, "尚差 2.8 个百分点"],
    [ROWS[3]!, "已达标"],
    [row({target_id: "x", status: "on_track", measure: "所", required_rate: -2, gap: -2}), "已达标"],
    [row({target_id: "x", status: "no_data"}), ""]
  ])("%#: %s", (r, text) => {
    expect(needText(r)).toBe(text);
  });
  it("itemText", () => {
    expect(itemText(ROWS[3]!)).toBe("6.9a 场地(馆)开放数(完成率 103.8%,已达标)");
  });
});

describe("较上月 and 本期变化", () => {
  const change = (over: object) => ({
    target_id: "6.1b",
    unit_code: "city",
    actual_from: 100,
    status_from: "at_risk",
    actual_change: 1200,
    changes: [],
    ...over
  });
  it.each([
    [change({}), "个", "on_track", "+1,200 个,有风险→进度正常"],
    [change({actual_change: 0, status_from: "on_track"}), "个", "on_track", "持平"],
    [change({actual_change: -0.53, status_from: "achieved"}), "%", "at_risk", "−0.5 个百分点,已完成→有风险"],
    [
      change({actual_from: null, status_from: "no_data", actual_change: null, changes: ["reported"]}),
      "个",
      "on_track",
      "新报送"
    ],
    [undefined, "个", "on_track", "—"]
  ])("%#: %s", (c, unit, status, text) => {
    expect(changeText(c as never, unit, status)).toBe(text);
  });
  it("changeGroups keeps the four kinds in order, each with its rows", () => {
    const groups = changeGroups(
      [change({target_id: "6.9a", changes: ["achieved"]}), change({target_id: "2.4a", changes: ["behind", "revised"]})],
      ROWS
    );
    expect(groups.map((g) => [g.label, g.rows.map((r) => r.target_id)])).toEqual([
      ["新完成", ["6.9a"]],
      ["新增有风险或滞后", ["2.4a"]],
      ["新报送", []],
      ["数据更正", ["2.4a"]]
    ]);
  });
  it("staleValue names the month of an old value", () => {
    expect(staleValue(1200, "个", "2023-10", "2023-11")).toBe("1,200 个(10月)");
    expect(staleValue(1200, "个", "2023-11", "2023-11")).toBe("1,200 个");
    expect(staleValue(1.8, "项", "2023-11", "2023-11", {kind: "level"})).toBe("1.8 项");
  });
});
