import {describe, expect, it} from "vitest";
import {computeGaps, type GapRow} from "../../pipelines/gaps/computeGaps.js";
import {hierarchyFindings} from "../../pipelines/gaps/hierarchyFindings.js";
import {
  CITY_A,
  CITY_B,
  COUNTY_A1,
  COUNTY_A2,
  COUNTY_B1,
  TOWN_A1,
  TREE_ALLOCATIONS,
  TREE_OBSERVATIONS,
  TREE_TARGETS,
  TREE_UNITS
} from "../helpers/gapsWorld.js";

const inputs = (asOf: string) => ({
  targets: TREE_TARGETS,
  observations: TREE_OBSERVATIONS,
  units: TREE_UNITS,
  allocations: TREE_ALLOCATIONS,
  asOf
});
const row = (rows: GapRow[], id: string, unit = "city") =>
  rows.find((r) => r.target_id === id && r.unit_code === unit)!;
const actual = (rows: GapRow[], id: string, unit = "city") => row(rows, id, unit)?.actual;

describe("a unit tree in the gaps (hand-computed, three levels)", () => {
  const june = computeGaps(inputs("2023-06"));

  it("a parent sums its children's counts; a parent's own report counts only when no child reports (children win)", () => {
    expect(actual(june, "2.1a", TOWN_A1)).toBe(5);
    expect(actual(june, "2.1a", COUNTY_A1)).toBe(5); // its own 12 set aside: the town reports
    expect(actual(june, "2.1a", COUNTY_A2)).toBe(7);
    expect(actual(june, "2.1a", CITY_A)).toBe(12); // 5 + 7, the county's 12 never added
    expect(actual(june, "2.1a", CITY_B)).toBe(4); // its own 10 set aside: its county reports 4
    expect(actual(june, "2.1a", "330999")).toBe(1); // not in units.csv: at the top
    expect(actual(june, "2.1a")).toBe(17); // 12 + 4 + 1
    expect(row(june, "2.1a", CITY_A).sources.map((s) => s.file)).toEqual([
      `${TOWN_A1}-2023-06.csv`,
      `${COUNTY_A2}-2023-06.csv`
    ]);
    expect(row(june, "2.1a").sources.map((s) => s.file)).not.toContain(`${CITY_B}-2023-06.csv`);
  });

  it("a parent's rate is Σ numerators ÷ Σ denominators of its subtree; a parent alone counts for itself", () => {
    expect(actual(june, "2.1b", CITY_A)).toBeCloseTo((100 * 100) / 120, 9);
    expect(actual(june, "2.1b", CITY_B)).toBe(75); // no county of B reports: B's own 30/40
    expect(actual(june, "2.1b")).toBeCloseTo((100 * 130) / 160, 9);
    expect(row(june, "2.1b")).toMatchObject({numerator: 130, denominator: 160});
  });

  it("a min target takes the lowest at every level", () => {
    expect(actual(june, "2.1c", COUNTY_A1)).toBe(48);
    expect(actual(june, "2.1c", CITY_A)).toBe(44);
    expect(actual(june, "2.1c", CITY_B)).toBe(50);
    expect(actual(june, "2.1c")).toBe(44);
  });

  it("rows carry parent_code and level (0 the city, 1 the top of units.csv), one per unit above a reporter", () => {
    const units = june.filter((r) => r.target_id === "2.1a").map((r) => [r.unit_code, r.parent_code, r.level]);
    expect(units).toEqual([
      ["city", null, 0],
      [CITY_A, "city", 1],
      [COUNTY_A1, CITY_A, 2],
      [TOWN_A1, COUNTY_A1, 3],
      [COUNTY_A2, CITY_A, 2],
      [CITY_B, "city", 1],
      [COUNTY_B1, CITY_B, 2],
      ["330999", "city", 1]
    ]);
    // 2.1b: B1 neither reports nor has an allocation; A reports nothing itself but is above reporters.
    expect(june.filter((r) => r.target_id === "2.1b").map((r) => r.unit_code)).toEqual([
      "city",
      CITY_A,
      COUNTY_A1,
      COUNTY_A2,
      CITY_B
    ]);
  });

  it("allocations at any level: a parent is judged against its own, shares are of the whole", () => {
    expect(row(june, "2.1a", CITY_A)).toMatchObject({target: 10, status: "achieved"});
    expect(row(june, "2.1a", COUNTY_A1)).toMatchObject({target: 6});
    expect(row(june, "2.1a", COUNTY_B1).status).toBe("no_target");
    expect(row(june, "2.1a", CITY_A).share).toBeCloseTo(12 / 17, 9);
  });

  it("as of a month before the children report, the parent's own report counts", () => {
    const march = computeGaps(inputs("2023-03"));
    expect(actual(march, "2.1a", COUNTY_A1)).toBe(3);
    expect(actual(march, "2.1a", CITY_A)).toBe(3);
    expect(actual(march, "2.1a")).toBe(3);
  });

  it("without a tree, every unit stands at the top and the city adds them all (the parents' own reports too)", () => {
    const flat = computeGaps({...inputs("2023-06"), units: []});
    expect(actual(flat, "2.1a")).toBe(5 + 12 + 7 + 4 + 10 + 1);
    expect(new Set(flat.filter((r) => r.unit_code !== "city").map((r) => r.level))).toEqual(new Set([1]));
  });

  it("finds a parent that reports with its children, and children's allocations above their parent's", () => {
    const findings = hierarchyFindings(inputs("2023-06"));
    expect(findings.map((f) => [f.code, f.file, f.row, f.column, f.severity])).toEqual([
      ["parent_double_report", `${COUNTY_A1}-2023-06.csv`, 4, "value", "warning"],
      ["parent_double_report", `${CITY_B}-2023-06.csv`, 9, "value", "warning"],
      ["allocation_over_parent", "allocations.csv", 2, "value", "warning"]
    ]);
    for (const f of findings) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    expect(findings[2]!.message).toContain("12");
    expect(hierarchyFindings(inputs("2023-03"))).toHaveLength(1); // no child reported yet
    const within = TREE_ALLOCATIONS.map((a) => (a.unit_code === CITY_A ? {...a, value: 12} : a));
    expect(hierarchyFindings({...inputs("2023-03"), allocations: within})).toEqual([]);
    const overTop = TREE_ALLOCATIONS.map((a) => (a.unit_code === CITY_A ? {...a, value: 16} : a)); // 16 + 5 > 20
    const top = hierarchyFindings({...inputs("2023-03"), allocations: overTop});
    expect(top.map((f) => [f.code, f.row])).toEqual([["allocation_over_parent", 2]]);
    expect(top[0]!.message).toContain("总目标值 20");
  });
});
