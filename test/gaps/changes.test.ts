import {mkdtemp, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {projectGapInputs} from "../../pipelines/gaps/projectGaps.js";
import {ingestFiles} from "../../pipelines/intake/ingestFiles.js";
import {seedCatalog} from "../helpers/catalog.js";
import {PROJECT_DIR} from "../helpers/cli.js";
import {type ChangeRow, changesBetween, gapChanges, observationsAsPublished} from "../../pipelines/gaps/changes.js";
import {computeGaps} from "../../pipelines/gaps/computeGaps.js";
import {SHANGCHENG, XIHU, obs, ratio, target} from "../helpers/gapsWorld.js";

// Two months of data, October and November 2023, each month's files sent early the next month;
// one October file corrected after November's data came. Every change below is computed by hand.
const OCT = "2023-11-05T09:00:00+08:00";
const NOV = "2023-12-05T09:00:00+08:00";
const LATE = "2023-12-06T09:00:00+08:00";
const TARGETS = [
  target({id: "1.1a", comparator: ">=", value: 120, unit: "所", kind: "count", aggregation: "sum"}),
  target({id: "1.1b", comparator: ">=", value: 90, unit: "%", kind: "level", aggregation: "ratio"}),
  target({id: "1.1e", comparator: ">=", value: 100, unit: "个", kind: "count", aggregation: "sum"}),
  target({id: "1.1f", comparator: ">=", value: 60, unit: "人", kind: "count", aggregation: "sum"})
];
const OBSERVATIONS = [
  obs(XIHU, "2023-10", "1.1a", 100, {ingested_at: OCT}),
  obs(XIHU, "2023-11", "1.1a", 125, {ingested_at: NOV}),
  {...ratio(XIHU, "2023-10", "1.1b", 930, 1000), ingested_at: OCT},
  {...ratio(XIHU, "2023-11", "1.1b", 850, 1000), ingested_at: NOV},
  obs(XIHU, "2023-10", "1.1e", 80, {ingested_at: OCT, file_sha256: "oct", superseded_by: "oct-fix"}),
  obs(XIHU, "2023-10", "1.1e", 70, {ingested_at: LATE, file_sha256: "oct-fix", file: "fix.csv"}),
  obs(XIHU, "2023-11", "1.1e", 95, {ingested_at: NOV}),
  obs(SHANGCHENG, "2023-11", "1.1f", 50, {ingested_at: NOV})
];

const byKey = (rows: ChangeRow[], id: string, unit = "city") =>
  rows.find((r) => r.target_id === id && r.unit_code === unit)!;

describe("changes since the last period (hand-computed, October → November)", () => {
  const rows = changesBetween({targets: TARGETS, observations: OBSERVATIONS, from: "2023-10", to: "2023-11"});

  it.each([
    // id, unit, actual from → to, change, status from → to, changes
    ["1.1a", "city", 100, 125, 25, "on_track", "achieved", ["achieved"]], // 100/120 ÷ 10/12 = 1.0
    ["1.1b", "city", 93, 85, -8, "achieved", "at_risk", ["behind"]], // 85/90 = 0.944 (and the projection misses in November)
    ["1.1e", "city", 70, 95, 25, "at_risk", "on_track", ["revised"]], // October restated 80 → 70 after November came (70/100 ÷ 10/12 = 0.84); 95/100 ÷ 11/12 = 1.036
    ["1.1f", "city", null, 50, null, "no_data", "at_risk", ["behind", "reported"]], // 50/60 ÷ 11/12 = 0.909
    ["1.1f", SHANGCHENG, null, 50, null, "no_target", "no_target", ["reported"]] // no allocation: no status either month
  ])("%s %s: %s → %s (%s), %s → %s, %j", (id, unit, from, to, change, statusFrom, statusTo, changes) => {
    const r = byKey(rows, id, unit);
    expect(r.actual_from === null ? null : Math.round(r.actual_from * 1000) / 1000).toBe(from);
    expect(r.actual_to === null ? null : Math.round(r.actual_to * 1000) / 1000).toBe(to);
    expect(r.actual_change === null ? null : Math.round(r.actual_change * 1000) / 1000).toBe(change);
    expect([r.status_from, r.status_to, r.changes, r.from, r.to]).toEqual([
      statusFrom,
      statusTo,
      changes,
      "2023-10",
      "2023-11"
    ]);
  });

  it("本期变化: newly achieved, newly behind, newly reported, revised (city rows)", () => {
    const city = rows.filter((r) => r.unit_code === "city");
    const of = (kind: string) => city.filter((r) => r.changes.includes(kind as never)).map((r) => r.target_id);
    expect([of("achieved"), of("behind"), of("reported"), of("revised")]).toEqual([
      ["1.1a"],
      ["1.1b", "1.1f"],
      ["1.1f"],
      ["1.1e"]
    ]);
  });

  it("the October readers saw: before November's first file, the correction not yet in", () => {
    const then = observationsAsPublished(OBSERVATIONS, {month: "2023-10"});
    expect(then.map((o) => [o.target_id, o.period, o.value, o.superseded_by])).toEqual([
      ["1.1a", "2023-10", 100, null],
      ["1.1b", "2023-10", 93, null],
      ["1.1e", "2023-10", 80, null]
    ]);
  });

  it("without the published table nothing is revised; an empty from is all newly reported", () => {
    const to = computeGaps({targets: TARGETS, observations: OBSERVATIONS, asOf: "2023-11"});
    const plain = gapChanges(
      computeGaps({targets: TARGETS, observations: OBSERVATIONS, asOf: "2023-10"}),
      to
    ).objects() as unknown as ChangeRow[];
    expect(plain.some((r) => r.changes.includes("revised"))).toBe(false);
    const fresh = gapChanges([], to).objects() as unknown as ChangeRow[];
    expect(
      fresh
        .filter((r) => r.actual_to !== null)
        .every((r) => r.changes.includes("reported") && r.status_from === "no_data")
    ).toBe(true);
  });
});

describe("revised means a published value was changed", () => {
  const SEP = "2023-10-05T09:00:00+08:00";
  const BATCH = "2023-12-05T09:00:00+08:00";
  const revised = (observations: typeof OBSERVATIONS) =>
    changesBetween({targets: TARGETS, observations, from: "2023-10", to: "2023-11"})
      .filter((r) => r.changes.includes("revised"))
      .map((r) => `${r.target_id} ${r.unit_code}`)
      .sort();

  it("two months ingested in one batch (a project catching up): nothing is revised", () => {
    const batch = OBSERVATIONS.filter((o) => o.file_sha256 !== "oct-fix").map((o) => ({
      ...o,
      ingested_at: BATCH,
      superseded_by: null
    }));
    expect(observationsAsPublished(batch, {month: "2023-10"})).toEqual([]);
    expect(revised(batch)).toEqual([]);
  });

  it("September published before, October and November in one batch: October was never published", () => {
    const observations = [
      obs(XIHU, "2023-09", "1.1a", 90, {ingested_at: SEP}),
      obs(XIHU, "2023-09", "1.1e", 60, {ingested_at: SEP}),
      obs(XIHU, "2023-10", "1.1a", 100, {ingested_at: BATCH}),
      obs(XIHU, "2023-10", "1.1e", 70, {ingested_at: BATCH}),
      obs(XIHU, "2023-11", "1.1a", 125, {ingested_at: BATCH}),
      obs(XIHU, "2023-11", "1.1e", 95, {ingested_at: BATCH})
    ];
    expect(revised(observations)).toEqual([]);
  });

  it("a real correction after the next month came: the city and the unit are revised", () => {
    expect(revised(OBSERVATIONS)).toEqual(["1.1e city", "1.1e " + XIHU].sort());
  });

  it("a late first report: the unit's value is new (not revised), the published city total changed", () => {
    const late = [...OBSERVATIONS, obs(SHANGCHENG, "2023-10", "1.1a", 5, {ingested_at: LATE, file_sha256: "sc-late"})];
    expect(revised(late)).toEqual(["1.1a city", "1.1e city", "1.1e " + XIHU].sort());
  });

  it("an October file sent again with the same values after November: nothing is revised", () => {
    const resent = OBSERVATIONS.filter((o) => o.file_sha256 !== "oct-fix").map((o) =>
      o.file_sha256 === "oct" ? {...o, superseded_by: "oct-again"} : o
    );
    resent.push(obs(XIHU, "2023-10", "1.1e", 80, {ingested_at: LATE, file_sha256: "oct-again", file: "again.csv"}));
    expect(revised(resent)).toEqual([]);
  });
});

describe("the sample's October and November ingested in one batch", () => {
  it("planwatch diff marks no row revised", async () => {
    const dir = await mkdtemp(join(tmpdir(), "planwatch-batch-"));
    try {
      const sample = join(PROJECT_DIR, "data", "sample");
      const files = (await readdir(sample)).filter((f) => /^2023-1[01]-[^-]+\.(csv|xlsx|txt)$/.test(f));
      expect(files.length).toBeGreaterThan(20);
      const dataDir = join(dir, "data");
      const results = await ingestFiles(
        files.map((f) => join(sample, f)),
        {dataDir, catalog: await seedCatalog()}
      );
      expect(results.filter((r) => r.status === "accepted").length).toBeGreaterThan(20);
      const inputs = await projectGapInputs({projectDir: PROJECT_DIR, dataDir});
      const rows = changesBetween({...inputs, from: "2023-10", to: "2023-11"});
      expect(rows.length).toBeGreaterThan(100);
      expect(rows.filter((r) => r.changes.includes("revised"))).toEqual([]);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
