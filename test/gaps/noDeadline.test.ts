import {describe, expect, it} from "vitest";
import {computeGaps} from "../../pipelines/gaps/computeGaps.js";
import {computeGapsDuckDB} from "../../pipelines/gaps/duckdbGaps.js";
import {timeShare} from "../../pipelines/gaps/functions.js";
import {XIHU, obs, target} from "../helpers/gapsWorld.js";

// A plan whose year nothing says gives targets without a period (start and deadline null): the gaps
// say so with the status no_deadline instead of failing, unless the target is already met, or a
// level judged against its value alone.
const TARGETS = [
  target({
    id: "1.1a",
    comparator: ">=",
    value: 120,
    unit: "所",
    kind: "count",
    aggregation: "sum",
    start: null,
    deadline: null
  }),
  target({
    id: "1.1b",
    comparator: ">=",
    value: 10,
    unit: "所",
    kind: "count",
    aggregation: "sum",
    start: null,
    deadline: null
  }),
  target({
    id: "1.1c",
    comparator: ">=",
    value: 90,
    unit: "%",
    kind: "level",
    aggregation: "ratio",
    start: null,
    deadline: null
  }),
  target({id: "1.1d", comparator: ">=", value: 100, unit: "个", kind: "count", aggregation: "sum"})
];
const OBSERVATIONS = [
  obs(XIHU, "2023-06", "1.1a", 40),
  obs(XIHU, "2023-06", "1.1b", 12),
  obs(XIHU, "2023-06", "1.1c", 80, {numerator: 80, denominator: 100}),
  obs(XIHU, "2023-06", "1.1d", 30)
];
const ALLOCATIONS = [
  {unit_code: XIHU, target_id: "1.1a", value: 120},
  {unit_code: XIHU, target_id: "1.1b", value: 10},
  {unit_code: XIHU, target_id: "1.1d", value: 100}
];

describe("targets without a period", () => {
  it("have no time share", () => {
    expect(timeShare(null, "2023-06", null, null)).toBeNull();
    expect(timeShare(null, "2023-06", null, "2023-12")).toBeNull();
    expect(timeShare(null, "2023-06", "2023-01", "2023-12")).toBe(0.5);
  });

  it.each([
    [
      "Arquero",
      () => computeGaps({targets: TARGETS, observations: OBSERVATIONS, allocations: ALLOCATIONS, asOf: "2023-06"})
    ],
    [
      "DuckDB",
      () => computeGapsDuckDB({targets: TARGETS, observations: OBSERVATIONS, allocations: ALLOCATIONS, asOf: "2023-06"})
    ]
  ])("get status no_deadline, not an error, from the %s engine", async (_engine, compute) => {
    const rows = await compute();
    const city = (id: string) => rows.find((r) => r.target_id === id && r.unit_code === "city")!;
    expect(city("1.1a")).toMatchObject({
      status: "no_deadline",
      actual: 40,
      target: 120,
      expected: null,
      pace: null,
      f: null,
      months_left: null,
      required_rate: null
    });
    expect(city("1.1b")).toMatchObject({status: "achieved", actual: 12});
    expect(city("1.1c")).toMatchObject({status: "at_risk", actual: 80, f: 1});
    expect(city("1.1d")).toMatchObject({status: "off_track", months_left: 6});
  });
});
