import type {Observation} from "../../pipelines/intake/observations.js";
import type {Target} from "../../pipelines/targets/curation.js";

// A small world of targets and observations whose gaps are computed by hand in computeGaps.test.ts,
// and shared with the DuckDB engine's test.

/** A target with the defaults of a 2023 plan; `over` sets what the case needs. */
export function target(
  over: Partial<Target> & Pick<Target, "id" | "comparator" | "value" | "unit" | "kind" | "aggregation">
): Target {
  return {
    section: 1,
    item: 1,
    indicator: over.id,
    value_max: null,
    year: null,
    scope: null,
    baseline: null,
    baseline_year: null,
    per: null,
    cumulative: false,
    text: "",
    start_offset: 0,
    end_offset: 0,
    direction: "up",
    baseline_source: null,
    start: "2023-01",
    deadline: "2023-12",
    schedule: null,
    ...over
  };
}
/** An observation; a file's sha256 is its name. */
export function obs(
  unit_code: string,
  period: string,
  target_id: string,
  value: number | null,
  over: Partial<Observation> = {}
): Observation {
  return {
    unit_code,
    period,
    target_id,
    school_id: "",
    value,
    numerator: null,
    denominator: null,
    basis: "cumulative",
    note: "",
    row: 2,
    file_sha256: `${unit_code}-${period}`,
    file: `${unit_code}-${period}.csv`,
    ingested_at: "",
    superseded_by: null,
    ...over
  };
}
export const ratio = (unit: string, period: string, id: string, numerator: number, denominator: number) =>
  obs(unit, period, id, (100 * numerator) / denominator, {numerator, denominator});

export const XIHU = "330106";
export const SHANGCHENG = "330102";
export const TARGETS = [
  target({id: "1.1a", comparator: ">=", value: 120, unit: "所", kind: "count", aggregation: "sum"}),
  target({id: "1.1b", comparator: ">=", value: 90, unit: "%", kind: "level", aggregation: "ratio"}),
  target({
    id: "1.1c",
    comparator: "decrease",
    value: 1,
    unit: "百分点",
    kind: "level",
    aggregation: "ratio",
    baseline: 50,
    direction: "down",
    per: "year"
  }),
  target({
    id: "1.1d",
    comparator: "increase",
    value: 2800,
    unit: "名",
    kind: "level",
    aggregation: "sum",
    baseline: 10000,
    baseline_year: 2022
  }),
  target({
    id: "1.1e",
    comparator: ">=",
    value: 100,
    unit: "个",
    kind: "count",
    aggregation: "sum",
    schedule: [
      {period: "2023-06", fraction: 0.3},
      {period: "2023-08", fraction: 0.85},
      {period: "2023-12", fraction: 1}
    ]
  }),
  target({id: "1.1f", comparator: ">=", value: 60, unit: "人", kind: "count", aggregation: "sum"}),
  target({id: "1.1g", comparator: ">=", value: 35, unit: "%", kind: "level", aggregation: "ratio"}),
  target({
    id: "1.1h",
    comparator: "increase",
    value: 5,
    unit: "个",
    kind: "level",
    aggregation: "sum",
    baseline_year: 2022
  }),
  target({id: "1.1i", comparator: "<=", value: 45, unit: "人", kind: "level", aggregation: "min", direction: "down"})
];
export const OBSERVATIONS: Observation[] = [
  // 1.1a cumulative; 西湖's June value revised from 50 to 40; 上城 sent no June (a missing month).
  obs(XIHU, "2023-03", "1.1a", 20),
  obs(XIHU, "2023-06", "1.1a", 50, {file_sha256: "first", file: "first.csv", superseded_by: "fix"}),
  obs(XIHU, "2023-06", "1.1a", 40, {file_sha256: "fix", file: "fix.csv", row: 3}),
  obs(SHANGCHENG, "2023-05", "1.1a", 25),
  obs(XIHU, "2023-09", "1.1a", 90),
  // 1.1b rates with unequal denominators: 90/100 and 10/20.
  ratio(XIHU, "2023-06", "1.1b", 90, 100),
  ratio(SHANGCHENG, "2023-06", "1.1b", 10, 20),
  // 1.1c a rate that must fall one point from a baseline of 50.
  ratio(XIHU, "2023-06", "1.1c", 495, 1000),
  // 1.1d a plan number against 2022's 10,000.
  obs(XIHU, "2023-06", "1.1d", 11500),
  obs(SHANGCHENG, "2023-06", "1.1d", 1400),
  // 1.1e on a custom schedule.
  obs(XIHU, "2023-06", "1.1e", 24),
  // 1.1f per-period flows, summed.
  obs(XIHU, "2023-01", "1.1f", 2, {basis: "period"}),
  obs(XIHU, "2023-02", "1.1f", 2, {basis: "period"}),
  obs(XIHU, "2023-03", "1.1f", 3, {basis: "period"}),
  obs(XIHU, "2023-07", "1.1f", 30, {basis: "period"}),
  // 1.1h an increase with no curated baseline.
  obs(XIHU, "2023-06", "1.1h", 5),
  // 1.1i a level that must stay low, judged by its lowest... a class size: 48 and 44.
  obs(XIHU, "2023-06", "1.1i", 48),
  obs(SHANGCHENG, "2023-06", "1.1i", 44)
];
export const ALLOCATIONS = [{unit_code: XIHU, target_id: "1.1a", value: 70}];

// A three-level world (two cities, their counties, one town below a county) whose gaps are computed
// by hand in test/gaps/hierarchy.test.ts and held equal between the engines in duckdbGaps.test.ts.
export const CITY_A = "330100";
export const CITY_B = "330200";
export const COUNTY_A1 = "330102";
export const COUNTY_A2 = "330106";
export const COUNTY_B1 = "330203";
export const TOWN_A1 = "330102001";
export const TREE_UNITS = [
  {code: CITY_A, parent: null},
  {code: COUNTY_A1, parent: CITY_A},
  {code: TOWN_A1, parent: COUNTY_A1},
  {code: COUNTY_A2, parent: CITY_A},
  {code: CITY_B, parent: null},
  {code: COUNTY_B1, parent: CITY_B}
];
export const TREE_TARGETS = [
  target({id: "2.1a", comparator: ">=", value: 20, unit: "所", kind: "count", aggregation: "sum"}),
  target({id: "2.1b", comparator: ">=", value: 90, unit: "%", kind: "level", aggregation: "ratio"}),
  target({id: "2.1c", comparator: "<=", value: 45, unit: "人", kind: "level", aggregation: "min", direction: "down"})
];
export const TREE_OBSERVATIONS: Observation[] = [
  // 2.1a: county A1 reports 12 for itself and its town reports 5 (children win: A1 = 5); city B
  // reports 10 for itself while its county reports 4 (B = 4). A1's March is revised away by June.
  obs(TOWN_A1, "2023-06", "2.1a", 5),
  obs(COUNTY_A1, "2023-03", "2.1a", 3),
  obs(COUNTY_A1, "2023-06", "2.1a", 12, {row: 4}),
  obs(COUNTY_A2, "2023-06", "2.1a", 7),
  obs(COUNTY_B1, "2023-06", "2.1a", 4),
  obs(CITY_B, "2023-06", "2.1a", 10, {row: 9}),
  // 2.1b: rates 90/100 and 10/20 under A; B reports 30/40 itself, no county of it does.
  ratio(COUNTY_A1, "2023-06", "2.1b", 90, 100),
  ratio(COUNTY_A2, "2023-06", "2.1b", 10, 20),
  ratio(CITY_B, "2023-06", "2.1b", 30, 40),
  // 2.1c: the lowest class size, at three levels.
  obs(TOWN_A1, "2023-06", "2.1c", 48),
  obs(COUNTY_A2, "2023-06", "2.1c", 44),
  obs(COUNTY_B1, "2023-06", "2.1c", 50),
  // A unit no units.csv names stands at the top.
  obs("330999", "2023-06", "2.1a", 1)
];
export const TREE_ALLOCATIONS = [
  // A's counties are given 6 + 6 = 12 against A's 10: a finding, the figures stand.
  {unit_code: CITY_A, target_id: "2.1a", value: 10, row: 2},
  {unit_code: COUNTY_A1, target_id: "2.1a", value: 6, row: 3},
  {unit_code: COUNTY_A2, target_id: "2.1a", value: 6, row: 4},
  {unit_code: TOWN_A1, target_id: "2.1a", value: 3, row: 5},
  {unit_code: CITY_B, target_id: "2.1a", value: 5, row: 6}
];
