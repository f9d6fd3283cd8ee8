import {describe, expect, it} from "vitest";
import {computeGaps, gapsByMonth, type GapRow} from "../../pipelines/gaps/computeGaps.js";
import {timeShare} from "../../pipelines/gaps/functions.js";
import {ALLOCATIONS, OBSERVATIONS, SHANGCHENG, TARGETS, XIHU, obs, ratio, target} from "../helpers/gapsWorld.js";

const gaps = (asOf: string) =>
  computeGaps({targets: TARGETS, observations: OBSERVATIONS, allocations: ALLOCATIONS, asOf});
const row = (rows: GapRow[], id: string, unit = "city") =>
  rows.find((r) => r.target_id === id && r.unit_code === unit)!;
const close = (value: number | null, expected: number) => expect(value).toBeCloseTo(expected, 6);

describe("computeGaps (hand-computed)", () => {
  const june = gaps("2023-06");

  it("cumulative basis: each unit's latest value up to as-of, revisions applied, a missing month using the month before", () => {
    const a = row(june, "1.1a");
    expect(a.actual).toBe(65); // 西湖 40 (revised, not 50) + 上城 25 (May: no June)
    close(a.f, 6 / 12);
    close(a.expected!, 60);
    close(a.progress!, 65 / 120);
    close(a.pace!, 65 / 120 / 0.5);
    expect(a.status).toBe("on_track");
    close(a.projection!, 130);
    expect(a.gap).toBe(55);
    close(a.required_rate!, 55 / 6);
    expect(a.sources.map((s) => [s.file, s.row])).toEqual(
      expect.arrayContaining([
        ["fix.csv", 3],
        ["330102-2023-05.csv", 2]
      ])
    );
    expect(a.sources.map((s) => s.file)).not.toContain("first.csv");
  });

  it("as-of in the middle of the series ignores later months", () => {
    const april = gaps("2023-04");
    const a = row(april, "1.1a");
    expect(a.actual).toBe(20);
    close(a.pace!, 20 / 120 / (4 / 12));
    expect(a.status).toBe("off_track");
    expect(row(april, "1.1a", SHANGCHENG).status).toBe("no_target"); // no allocation, and no data by April
    expect(row(gaps("2023-09"), "1.1a").actual).toBe(115);
  });

  it("units with an allocation are judged against it; units without get no_target and their share", () => {
    const xihu = row(june, "1.1a", XIHU);
    expect([xihu.target, xihu.actual, xihu.status]).toEqual([70, 40, "on_track"]);
    close(xihu.expected!, 35);
    const shangcheng = row(june, "1.1a", SHANGCHENG);
    expect([shangcheng.target, shangcheng.actual, shangcheng.status]).toEqual([null, 25, "no_target"]);
    close(shangcheng.share!, 25 / 65);
  });

  it("ratio aggregation: Σ numerators ÷ Σ denominators, not a mean of percentages", () => {
    const b = row(june, "1.1b");
    close(b.actual!, (100 * 100) / 120); // 83.33, where the mean of 90% and 50% would say 70%
    expect([b.numerator, b.denominator]).toEqual([100, 120]);
    expect(b.f).toBe(1); // a level with no curated baseline is judged against the target itself
    expect(b.expected).toBe(90);
    close(b.pace!, 83.333333 / 90);
    expect(b.status).toBe("at_risk");
    expect(row(june, "1.1b", XIHU).status).toBe("achieved");
    expect(row(june, "1.1b", SHANGCHENG).status).toBe("off_track");
  });

  it("a decrease against a curated baseline", () => {
    const c = row(june, "1.1c");
    close(c.actual!, 49.5);
    expect([c.baseline, c.target]).toEqual([50, 49]);
    close(c.expected!, 49.5);
    close(c.progress!, 0.5);
    close(c.pace!, 1);
    expect(c.status).toBe("on_track");
    close(c.gap!, 0.5);
    close(c.projection!, 49);
  });

  it("an increase over 2022: target = baseline + value, achieved when the comparator holds", () => {
    const d = row(june, "1.1d");
    expect([d.actual, d.target, d.status]).toEqual([12900, 12800, "achieved"]);
    expect(d.gap).toBe(-100);
  });

  it("a custom schedule sets the expected path", () => {
    const e = row(june, "1.1e");
    close(e.f, 0.3);
    close(e.expected!, 30);
    close(e.pace!, 0.8);
    expect(e.status).toBe("at_risk"); // 0.80 is at risk, not off track
    close(
      timeShare(
        [
          {period: "2023-06", fraction: 0.3},
          {period: "2023-08", fraction: 0.85}
        ],
        "2023-07",
        "2023-01",
        "2023-12"
      ),
      0.575
    );
    close(timeShare([{period: "2023-06", fraction: 0.3}], "2023-03", "2023-01", "2023-12"), 0.15);
  });

  it("period basis: the values up to as-of are summed", () => {
    const f = gaps("2023-03");
    expect(row(f, "1.1f").actual).toBe(7);
    expect(row(f, "1.1f").status).toBe("off_track");
    expect(row(gaps("2023-07"), "1.1f").actual).toBe(37);
  });

  it("no_data, no_baseline, and a level that must stay low judged by its lowest unit", () => {
    expect(row(june, "1.1g")).toMatchObject({status: "no_data", actual: null, sources: []});
    expect(row(june, "1.1h")).toMatchObject({status: "no_baseline", actual: 5, target: null});
    const i = row(june, "1.1i");
    expect([i.actual, i.status]).toEqual([44, "achieved"]);
    expect(row(june, "1.1i", XIHU).status).toBe("at_risk"); // 45/48 = 0.9375
  });

  it("spans every status", () => {
    expect(new Set([...june, ...gaps("2023-04"), ...gaps("2023-03")].map((r) => r.status))).toEqual(
      new Set(["achieved", "on_track", "at_risk", "off_track", "no_data", "no_target", "no_baseline"])
    );
  });

  it("defaults as-of to the latest month with data, and refuses a bad one", () => {
    expect(computeGaps({targets: TARGETS, observations: OBSERVATIONS})[0]!.as_of).toBe("2023-09");
    expect(() => gaps("2023-6")).toThrow(/as-of 2023-6 不是有效月份/);
    expect(() => computeGaps({targets: TARGETS, observations: []})).toThrow(/还没有任何数据/);
  });

  it.each([
    // as-of, actual %, status: a rate level at 87.2 % against ≥ 90 % (pace 0.969), its projection (the actual) missing the target
    ["2023-06", 87.2, "on_track"], // six months left: the pace decides
    ["2023-09", 87.2, "at_risk"], // the last quarter: the projection misses, at most at risk
    ["2023-11", 87.2, "at_risk"],
    ["2023-11", 70, "off_track"], // a worse pace stays worse
    ["2023-11", 91, "achieved"]
  ])(
    "near the deadline the projection counts: as of %s, a rate at %s against ≥ 90 is %s",
    (asOf, percent, expected) => {
      const targets = [
        target({id: "2.4a", comparator: ">=", value: 90, unit: "%", kind: "level", aggregation: "ratio"})
      ];
      const observations = [ratio(XIHU, asOf, "2.4a", percent * 10, 1000)];
      const r = row(computeGaps({targets, observations, asOf}), "2.4a");
      expect(r.status).toBe(expected);
    }
  );

  it("a count on pace at 0.96 in November whose projection misses is at risk; with final months 0 it is on track", () => {
    const targets = [
      target({id: "9.1a", comparator: ">=", value: 1200, unit: "所", kind: "count", aggregation: "sum"})
    ];
    const observations = [obs(XIHU, "2023-11", "9.1a", 1056)]; // pace 1056/1200 ÷ 11/12 = 0.96
    expect(row(computeGaps({targets, observations}), "9.1a").status).toBe("at_risk");
    expect(
      row(computeGaps({targets, observations, thresholds: {onTrack: 0.95, atRisk: 0.8, finalMonths: 0}}), "9.1a").status
    ).toBe("on_track");
  });

  it("takes other thresholds", () => {
    const strict = computeGaps({
      targets: TARGETS,
      observations: OBSERVATIONS,
      allocations: ALLOCATIONS,
      asOf: "2023-06",
      thresholds: {onTrack: 1.2, atRisk: 1.0}
    });
    expect(row(strict, "1.1a").status).toBe("at_risk");
  });
});

describe("gapsByMonth and sources: false", () => {
  const months = ["2023-04", "2023-05", "2023-06"];
  const withoutSources = (rows: GapRow[]) => rows.map((r) => ({...r, sources: []}));

  it("gives each month's gaps as computeGaps does, with every row's sources empty", () => {
    const byMonth = [...gapsByMonth({targets: TARGETS, observations: OBSERVATIONS, allocations: ALLOCATIONS, months})];
    expect(byMonth).toHaveLength(3);
    byMonth.forEach((rows, i) => {
      const full = gaps(months[i]!);
      expect(full.some((r) => r.sources.length > 0)).toBe(true);
      expect(rows).toEqual(withoutSources(full));
    });
  });

  it("computeGaps with sources: false changes nothing but the sources", () => {
    const lean = computeGaps({
      targets: TARGETS,
      observations: OBSERVATIONS,
      allocations: ALLOCATIONS,
      asOf: "2023-06",
      sources: false
    });
    expect(lean).toEqual(withoutSources(gaps("2023-06")));
  });

  it("refuses a month that is not YYYY-MM", () => {
    expect(() => [...gapsByMonth({targets: TARGETS, observations: OBSERVATIONS, months: ["2023-6"]})]).toThrow(
      /不是有效月份/
    );
  });
});

describe("a plan with no numeric targets (a 工作要点 of tasks only)", () => {
  it("gives no gaps rows, with or without observations, as of a month or by months", () => {
    expect(computeGaps({targets: [], observations: [], asOf: "2023-06"})).toEqual([]);
    expect(computeGaps({targets: [], observations: OBSERVATIONS})).toEqual([]);
    expect([...gapsByMonth({targets: [], observations: OBSERVATIONS, months: ["2023-05", "2023-06"]})]).toEqual([
      [],
      []
    ]);
  });
});
