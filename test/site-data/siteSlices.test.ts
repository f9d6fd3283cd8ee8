import {describe, expect, it} from "vitest";
import {STATUSES} from "../../pipelines/gaps/index.js";
import {
  type SiteGapRow,
  type SiteGaps,
  citySlice,
  overviewSlice,
  targetSlices,
  unitSlices
} from "../../pipelines/site-data/index.js";
import type {Target} from "../../pipelines/targets/index.js";

const TARGETS = ["6.1a", "6.1b"].map((id) => ({id, kind: "count", indicator: `指标${id}`}) as unknown as Target);

function row(target_id: string, unit_code: string, over: Partial<SiteGapRow> = {}): SiteGapRow {
  return {
    target_id,
    unit_code,
    parent_code: unit_code === "city" ? null : "city",
    level: unit_code === "city" ? 0 : 1,
    as_of: "2023-11",
    indicator: `指标${target_id}`,
    measure: "所",
    actual: 1,
    target: 2,
    expected: 1,
    gap: 1,
    attainment: 0.5,
    progress: 0.5,
    pace: 1,
    status: "on_track",
    projection: 2,
    required_rate: null,
    baseline: 0,
    f: 0.9,
    months_left: 1,
    numerator: null,
    denominator: null,
    period: "2023-11",
    share: null,
    kind: "count",
    owner: null,
    owner_name: null,
    owner_short_name: null,
    sources: [],
    ...over
  } as SiteGapRow;
}

/** A city of `n` units: unit i has attainment i / n on both targets and one source row of its own file. */
function city(n: number): SiteGaps {
  const codes = Array.from({length: n}, (_, i) => `39${String(i + 1).padStart(4, "0")}`);
  const rows: SiteGapRow[] = [];
  for (const t of TARGETS) {
    rows.push(row(t.id, "city", {sources: codes.map((_, i) => [i, 2] as [number, number])}));
    codes.forEach((code, i) => rows.push(row(t.id, code, {attainment: (i + 1) / n, sources: [[i, 2]]})));
  }
  return {
    as_of: "2023-11",
    previous_as_of: "2023-10",
    files: codes.map((c) => ({file: `2023-11-${c}.csv`, sha256: `sha-${c}`})),
    rows,
    notes: {[`${n - 1}:2`]: "最后一个单位的备注"},
    units: codes.map((code, i) => ({code, name: `单位${i + 1}`, short_name: `单${i + 1}`, kind: "district"})),
    changes: rows.map((r) => ({
      target_id: r.target_id,
      unit_code: r.unit_code,
      actual_from: 0,
      status_from: "no_data",
      actual_change: 1,
      changes: ["reported"]
    }))
  } as SiteGaps;
}

const quality = (gaps: SiteGaps) => ({
  due_day: 10,
  months: ["2023-10", "2023-11"],
  cells: gaps.units.flatMap((u) =>
    ["2023-10", "2023-11"].map((period) => ({
      unit_code: u.code,
      period,
      state: "on_time" as const,
      revised: false,
      accepted: 1,
      rejected: 0,
      first_at: null
    }))
  ),
  ledger: []
});

describe("unitSlices", () => {
  it("gives a unit its rows, ranks, changes and submission record only, the same however many other units there are", () => {
    const small = city(3);
    const slice = unitSlices({gaps: small, quality: quality(small), targets: TARGETS}).get("390002")!;
    expect(slice.rows.map((r) => `${r.target_id}|${r.unit_code}`)).toEqual(["6.1a|390002", "6.1b|390002"]);
    expect(slice.rows[0]).not.toHaveProperty("sources");
    expect(slice.ranks).toEqual({"6.1a": "2/3", "6.1b": "2/3"});
    expect(slice.changes.map((c) => c.unit_code)).toEqual(["390002", "390002"]);
    expect(slice.quality.cells.map((c) => c.unit_code)).toEqual(["390002", "390002"]);
    expect(slice.units).toEqual([small.units[1]]);
    expect(slice.targets.map((t) => t.id)).toEqual(["6.1a", "6.1b"]);
    const big = city(300);
    const far = unitSlices({gaps: big, quality: quality(big), targets: TARGETS}).get("390002")!;
    expect(far.rows).toHaveLength(2);
    expect(far.ranks).toEqual({"6.1a": "299/300", "6.1b": "299/300"});
    // a hundred times the units: the same slice, but for the digits of its 完成率 and rank
    expect(Math.abs(JSON.stringify(far).length - JSON.stringify(slice).length)).toBeLessThan(40);
  });

  it("in a unit tree, gives a parent its children's rows and names, and ranks a unit among its siblings", () => {
    // 390001 is at the top; 390002 and 390003 are below it.
    const tree = city(3);
    tree.rows = tree.rows.map((r) =>
      r.unit_code === "city"
        ? r
        : {...r, parent_code: r.unit_code === "390001" ? "city" : "390001", level: r.unit_code === "390001" ? 1 : 2}
    );
    const slices = unitSlices({gaps: tree, quality: quality(tree), targets: TARGETS});
    const parent = slices.get("390001")!;
    expect(parent.child_rows.map((r) => `${r.target_id}|${r.unit_code}`)).toEqual([
      "6.1a|390002",
      "6.1a|390003",
      "6.1b|390002",
      "6.1b|390003"
    ]);
    expect(parent.units.map((u) => u.code)).toEqual(["390001", "390002", "390003"]);
    expect(parent.ranks).toEqual({"6.1a": "1/1", "6.1b": "1/1"});
    expect(slices.get("390003")!.ranks).toEqual({"6.1a": "1/2", "6.1b": "1/2"});
    expect(slices.get("390003")!.child_rows).toEqual([]);
    const overview = overviewSlice({gaps: tree, quality: quality(tree)});
    expect(overview.units.map((u) => u.code)).toEqual(["390001"]);
    expect(overview.late_below).toEqual({count: 0, units: []});
    // A unit below the top silent this month is named on the overview, with the unit it belongs to.
    tree.rows.filter((r) => r.unit_code === "390003").forEach((r) => (r.period = "2023-09"));
    expect(overviewSlice({gaps: tree, quality: quality(tree)}).late_below).toEqual({
      count: 1,
      units: [{code: "390003", name: tree.units[2]!.name, parent_name: tree.units[0]!.name, period: "2023-09"}]
    });
  });
});

describe("targetSlices", () => {
  it("gives a target its rows, its city row's files renumbered with their notes, its city history", () => {
    const gaps = city(3);
    const history = [
      {
        target_id: "6.1b",
        unit_code: "city",
        as_of: "2023-10",
        actual: 1,
        expected: 1,
        target: 2,
        status: "on_track" as const
      },
      {
        target_id: "6.1b",
        unit_code: "390001",
        as_of: "2023-10",
        actual: 1,
        expected: 1,
        target: 2,
        status: "on_track" as const
      },
      {
        target_id: "6.1a",
        unit_code: "city",
        as_of: "2023-10",
        actual: 1,
        expected: 1,
        target: 2,
        status: "on_track" as const
      }
    ];
    const slice = targetSlices({gaps, history, targets: TARGETS}).get("6-1b")!;
    expect(slice.target.id).toBe("6.1b");
    expect(slice.rows.map((r) => r.unit_code)).toEqual(["city", "390001", "390002", "390003"]);
    expect(slice.rows[1]).not.toHaveProperty("sources");
    expect(slice.files).toEqual(gaps.files);
    expect(slice.notes).toEqual({"2:2": "最后一个单位的备注"});
    expect(slice.history).toEqual([history[0]]);
    expect(slice.changes.every((c) => c.target_id === "6.1b")).toBe(true);
  });
});

describe("targetSlices in a unit tree", () => {
  it("lists the units at the top, each with how many below it lag, and its changes only", () => {
    // 390001 and 390002 at the top; 390003…390012 below 390001, 390013 below 390003 (a third level).
    const tree = city(13);
    const parentOf = (code: string) =>
      code === "390001" || code === "390002" ? "city" : code === "390013" ? "390003" : "390001";
    const depth = (code: string): number => (code === "city" ? 0 : 1 + depth(parentOf(code)));
    tree.rows = tree.rows.map((r) =>
      r.unit_code === "city" ? r : {...r, parent_code: parentOf(r.unit_code), level: depth(r.unit_code)}
    );
    const status = (code: string, s: SiteGapRow["status"]) =>
      tree.rows.filter((r) => r.unit_code === code && r.target_id === "6.1b").forEach((r) => (r.status = s));
    status("390004", "off_track");
    status("390005", "at_risk");
    status("390013", "off_track");
    status("390002", "off_track");
    const slice = targetSlices({gaps: tree, history: [], targets: TARGETS}).get("6-1b")!;
    expect(slice.rows.map((r) => r.unit_code)).toEqual(["city", "390001", "390002"]);
    expect(slice.rows.map((r) => ("below" in r ? r.below : "absent"))).toEqual([
      "absent",
      {units: 11, off_track: 2, at_risk: 1},
      null
    ]);
    expect(slice.units.map((u) => u.code)).toEqual(["390001", "390002"]);
    expect(new Set(slice.changes.map((c) => c.unit_code))).toEqual(new Set(["city", "390001", "390002"]));
    // a tree ten times as deep below the top: the same slice but for the counts
    const wide = city(130);
    wide.rows = wide.rows.map((r) =>
      r.unit_code === "city"
        ? r
        : {...r, parent_code: r.unit_code <= "390002" ? "city" : "390001", level: r.unit_code <= "390002" ? 1 : 2}
    );
    const far = targetSlices({gaps: wide, history: [], targets: TARGETS}).get("6-1b")!;
    expect(far.rows).toHaveLength(3);
    expect(Math.abs(JSON.stringify(far).length - JSON.stringify(slice).length)).toBeLessThan(
      JSON.stringify(wide.files).length - JSON.stringify(tree.files).length + 2000
    );
  });
});

describe("overviewSlice", () => {
  it("carries the city's rows and each unit's statuses in one character per target, the cell's month when not the unit's", () => {
    const gaps = city(3);
    gaps.rows.find((r) => r.unit_code === "390003" && r.target_id === "6.1b")!.status = "off_track";
    gaps.rows.find((r) => r.unit_code === "390003" && r.target_id === "6.1b")!.period = "2023-09";
    gaps.rows.find((r) => r.unit_code === "390001" && r.target_id === "6.1a")!.status = "no_target";
    const o = overviewSlice({gaps, quality: {...quality(gaps), ledger: [{ingested_at: "2023-12-01"}] as never}});
    expect(o.rows.map((r) => r.unit_code)).toEqual(["city", "city"]);
    expect(o.rows[0]).not.toHaveProperty("sources");
    expect(o.changes.every((c) => c.unit_code === "city")).toBe(true);
    expect(o.target_ids).toEqual(["6.1a", "6.1b"]);
    expect(o.submitted).toEqual({units: 3, reported: 3});
    expect(o.last_ingest).toBe("2023-12-01");
    const decode = (u: (typeof o.units)[number]) =>
      [...u.cells].map((c) => (c === "." ? null : o.statuses[c.charCodeAt(0) - 48]));
    expect(o.units.map(decode)).toEqual([
      [null, "on_track"],
      ["on_track", "on_track"],
      ["on_track", "off_track"]
    ]);
    expect(o.units[2]).toMatchObject({period: "2023-11", periods: {1: "2023-09"}});
    expect(o.statuses).toEqual(STATUSES);
  });

  it("stays the city's size per unit: no unit's rows or sources", () => {
    const per = (n: number) => JSON.stringify(overviewSlice({gaps: city(n), quality: quality(city(n))})).length;
    const size = citySlice(city(300)).rows.length;
    expect(size).toBe(2);
    expect((per(300) - per(30)) / 270).toBeLessThan(120); // bytes per unit: its name, code, month, two cells
  });
});
