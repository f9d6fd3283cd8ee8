import {describe, expect, it} from "vitest";
import {childStandings, standingStatuses, topLevelRows} from "../../src/components/unitTree.js";

// A province: 浙江 → 杭州 (two counties, one reporting late) and 宁波 (none below it).
// gaps.json's units carry no parent: the rows' parent_code says who is below whom.
const UNITS = [
  {code: "330100", name: "杭州市"},
  {code: "330200", name: "宁波市"},
  {code: "330106", name: "西湖区"},
  {code: "330102", name: "上城区"}
];
const row = (unit_code: string, parent_code: string | null, level: number, status: string, period: string | null) => ({
  unit_code,
  parent_code,
  level,
  status,
  period
});
const ROWS = [
  row("city", null, 0, "on_track", "2023-03"),
  row("330100", "city", 1, "on_track", "2023-03"),
  row("330200", "city", 1, "off_track", "2023-03"),
  row("330102", "330100", 2, "on_track", "2023-03"),
  row("330102", "330100", 2, "at_risk", "2023-03"),
  row("330106", "330100", 2, "off_track", "2023-02"),
  row("330106", "330100", 2, "no_data", null)
];

describe("the unit tree on the pages", () => {
  it("the overview's units are those at the top; a flat table (no level) keeps them all", () => {
    expect(topLevelRows(ROWS).map((r) => r.unit_code)).toEqual(["330100", "330200"]);
    const flat = [
      {unit_code: "city", status: "on_track", period: null},
      {unit_code: "330106", status: "on_track", period: null}
    ];
    expect(topLevelRows(flat).map((r) => r.unit_code)).toEqual(["330106"]);
  });

  it("a parent's page has each child's status counts, its targets behind and its latest month", () => {
    const standings = childStandings(ROWS, UNITS, "330100");
    expect(standings.map(({code, behind, period}) => [code, behind, period])).toEqual([
      ["330106", 1, "2023-02"],
      ["330102", 1, "2023-03"]
    ]);
    expect(standings.map((c) => c.name)).toEqual(["西湖区", "上城区"]);
    expect(standings[1]!.counts).toMatchObject({on_track: 1, at_risk: 1, off_track: 0});
    expect(standings[0]!.counts).toMatchObject({off_track: 1, no_data: 1});
    expect(standingStatuses(standings)).toEqual(["off_track", "at_risk", "on_track", "no_data"]);
  });

  it("a unit without children (every unit of the Hangzhou sample) has none", () => {
    expect(childStandings(ROWS, UNITS, "330200")).toEqual([]);
    expect(childStandings(ROWS, UNITS, "330106")).toEqual([]);
  });
});
