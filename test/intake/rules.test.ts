import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {type Catalog, makeCatalog} from "../../pipelines/intake/catalog.js";
import {type Finding, rejects} from "../../pipelines/intake/findings.js";
import {inspectFile} from "../../pipelines/intake/inspectFile.js";
import {streamSubmission} from "../../pipelines/intake/streamSubmission.js";
import {JULY_5, seedCatalog} from "../helpers/catalog.js";

const HEADER = "单位,月份,指标编号,数值,分子,分母,口径,备注";

/** A finding as both paths must give it: code, row, column and message. */
const shown = (f: Finding) => `${f.code}@${f.row}:${f.column} ${f.message}`;

describe("the data checks of both paths (one rule table)", () => {
  let dir = "";
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "planwatch-rules-"))));
  afterAll(() => rm(dir, {recursive: true, force: true}));

  /** Checks a file by the reference path and the streaming path; both must give the same errors. */
  const check = async (
    name: string,
    lines: string[],
    {catalog, now = JULY_5}: {catalog?: Catalog; now?: Date} = {}
  ) => {
    const path = join(dir, name);
    await writeFile(path, lines.join("\n") + "\n");
    const c = catalog ?? (await seedCatalog());
    const reference = await inspectFile(path, {catalog: c, now});
    const streamed = await streamSubmission(path, {catalog: c, now, workers: 1});
    const errors = reference.findings.filter((f) => f.severity === "error");
    expect(
      streamed.findings
        .filter((f) => f.severity === "error")
        .map(shown)
        .sort(),
      name
    ).toEqual(errors.map(shown).sort());
    return {reference, streamed, errors};
  };

  it("a month before the plan's start or after its end is period_outside_plan: last year's value never counts", async () => {
    const {errors, reference, streamed} = await check("last-year.csv", [
      HEADER,
      "西湖区,2022-12,6.1b,50100,,,,",
      "西湖区,2023-06,6.1b,100,,,,"
    ]);
    expect(errors.map((f) => [f.code, f.row, f.column])).toEqual([["period_outside_plan", 2, "月份"]]);
    expect(errors[0]!.message).toBe("月份 2022-12 不在计划期(2023-01 至 2023-12)内,不计入本计划的指标");
    expect(reference.rows.map((r) => r.period)).toEqual(["2023-06"]);
    expect(streamed.observations.map((o) => o.period)).toEqual(["2023-06"]);
    const after = await check("next-year.csv", [HEADER, "西湖区,2024-01,6.1b,100,,,,"], {
      now: new Date("2024-02-05T10:00:00+08:00")
    });
    expect(after.errors.map((f) => f.code)).toEqual(["period_outside_plan"]);
  });

  it("worker threads know the plan's span too", async () => {
    const path = join(dir, "spread.csv");
    // Large enough that the worker, once started, takes ranges too.
    const rows = Array.from(
      {length: 300_000},
      (_, i) => `西湖区,${i % 1000 === 0 ? "2022-12" : `2023-0${1 + (i % 6)}`},6.1b,S${i},5,,,,`
    );
    await writeFile(path, ["单位,月份,指标编号,学校代码,数值,分子,分母,口径,备注", ...rows, ""].join("\n"));
    const streamed = await streamSubmission(path, {
      catalog: await seedCatalog(),
      now: JULY_5,
      workers: 2,
      minParallelBytes: 0,
      rangeBytes: 64 * 1024
    });
    expect(streamed.counts).toEqual({period_outside_plan: 300});
    expect(streamed.findings.map((f) => f.row)).toEqual(Array.from({length: 300}, (_, k) => 2 + 1000 * k));
  });

  it("1900-01 is outside the plan; 0000-01 and 2023-06-99 are no months (bad_period, never cut to 2023-06)", async () => {
    const {errors} = await check("old-months.csv", [
      HEADER,
      "西湖区,1900-01,6.1b,1,,,,",
      "西湖区,0000-01,6.1b,2,,,,",
      "西湖区,2023-06-99,6.1b,3,,,,",
      "西湖区,2023-06,6.1b,4,,,,"
    ]);
    expect(errors.map((f) => [f.code, f.row])).toEqual([
      ["period_outside_plan", 2],
      ["bad_period", 3],
      ["bad_period", 4]
    ]);
  });

  it("the plan's span comes from the targets, for any year; none is checked when no target says", async () => {
    const seed = await seedCatalog();
    const of = (targets: Catalog["targets"]) => makeCatalog({units: seed.units, targets, aliases: seed.aliases});
    const plan2024 = of(seed.targets.map((t) => ({...t, start: "2024-01", deadline: "2025-06"})));
    expect(plan2024.span).toMatchObject({start: "2024-01", end: "2025-06"});
    const now = new Date("2025-07-01T10:00:00+08:00");
    const year = await check(
      "plan-2024.csv",
      [HEADER, "西湖区,2023-12,6.1b,1,,,,", "西湖区,2024-01,6.1b,2,,,,", "西湖区,2025-06,6.1b,3,,,,"],
      {catalog: plan2024, now}
    );
    expect(year.errors.map((f) => [f.code, f.row])).toEqual([["period_outside_plan", 2]]);
    const unknown = of(seed.targets.map((t) => ({...t, start: null, deadline: null})));
    expect(unknown.span).toBeNull();
    const open = await check("plan-unknown.csv", [HEADER, "西湖区,1999-12,6.1b,1,,,,"], {catalog: unknown});
    expect(open.errors).toEqual([]);
  });

  it("a level's range comes from its unit: negative levels and counts are refused (2.3a = −2)", async () => {
    const {errors} = await check("negative-level.csv", [
      HEADER,
      "西湖区,2023-06,2.3a,-2,,,,",
      "西湖区,2023-06,6.1b,-1,,,,",
      "西湖区,2023-06,2.4a,-5,,,,",
      "西湖区,2023-06,2.4a,,-1,10,,",
      "西湖区,2023-06,2.3b,3,,,,"
    ]);
    expect(errors.map((f) => [f.code, f.row, f.column])).toEqual([
      ["negative_count", 2, "数值"],
      ["negative_count", 3, "数值"],
      ["negative_count", 4, "数值"],
      ["negative_count", 5, "分子"]
    ]);
    expect(errors[0]!.message).toBe("2.3a 运动技能 不能为负数:-2");
  });

  it("a % level over 100 is refused, percentage points may be negative", async () => {
    const seed = await seedCatalog();
    const levels = makeCatalog({
      units: seed.units,
      aliases: seed.aliases,
      targets: [
        {
          id: "1.1a",
          indicator: "达标率",
          unit: "%",
          kind: "level",
          aggregation: "min",
          start: "2023-01",
          deadline: "2023-12"
        },
        {
          id: "1.1b",
          indicator: "近视率变化",
          unit: "百分点",
          kind: "level",
          aggregation: "min",
          start: "2023-01",
          deadline: "2023-12"
        }
      ]
    });
    const {errors} = await check(
      "levels.csv",
      [
        HEADER,
        "西湖区,2023-06,1.1a,101,,,,",
        "西湖区,2023-06,1.1a,-1,,,,",
        "西湖区,2023-06,1.1b,-1.5,,,,",
        "西湖区,2023-06,1.1b,-120,,,,",
        "西湖区,2023-06,1.1a,99.5,,,,"
      ],
      {catalog: levels}
    );
    expect(errors.map((f) => [f.code, f.row])).toEqual([
      ["rate_over_100", 2],
      ["negative_count", 3],
      ["rate_over_100", 5]
    ]);
    expect(errors[2]!.message).toBe("1.1b 近视率变化 以“百分点”计,应在 -100 至 100 之间:-120");
  });

  it("a ragged row says how many columns it has, in both paths", async () => {
    const {errors} = await check("ragged.csv", [
      HEADER,
      "西湖区,2023-06,6.1b,100,,,累计,含新校区,老校区,另一处",
      '西湖区,2023-06,6.1a,3,,,累计,备注,"x,y", ,',
      "西湖区,2023-06,6.2a,30,,,累计,,, ,",
      "西湖区,2023-06",
      '西湖区,2023-05,6.1b,90,,,累计,,,"""q""",z'
    ]);
    expect(errors.map((f) => [f.code, f.row, /^本行有 (\d+) 列,表头有 8 列/.exec(f.message)?.[1]])).toEqual([
      ["ragged_row", 2, "10"],
      ["ragged_row", 3, "9"],
      ["ragged_row", 5, "2"],
      ["ragged_row", 6, "11"]
    ]);
  });

  it("a header without data rows is no submission (no_rows), blank lines and blank cells included", async () => {
    for (const [name, lines] of [
      ["header-only.csv", [HEADER]],
      ["header-blank-rows.csv", [HEADER, "", ",,,,,,,", " , ,"]]
    ] as const) {
      const {errors, reference} = await check(name, [...lines]);
      expect(
        errors.map((f) => [f.code, f.row, f.column, f.message]),
        name
      ).toEqual([["no_rows", 0, "", "文件只有表头,没有数据行(不计为一次报送)"]]);
      expect(rejects(reference.findings)).toBe(true);
    }
  });

  it("a column named twice is duplicate_column, and no recognized column is called unknown", async () => {
    const {errors, reference} = await check("two-values.csv", [
      "单位,月份,指标编号,数值,累计完成",
      "西湖区,2023-06,6.1b,100,200"
    ]);
    expect(errors.map((f) => [f.code, f.row, f.column, f.message])).toEqual([
      ["duplicate_column", 1, "累计完成", "第 5 列“累计完成”与第 4 列“数值”是同一列,无法确定以哪一列为准"]
    ]);
    expect(reference.findings.filter((f) => f.code === "unknown_column")).toEqual([]);
    const ids = await check("two-ids.csv", ["单位,月份,指标编号,指标编号,数值", "西湖区,2023-06,6.1b,6.2a,100"]);
    expect(ids.errors.map((f) => [f.code, f.column])).toEqual([["duplicate_column", "指标编号"]]);
  });

  it("a wide file with two columns of one target is duplicate_column", async () => {
    const path = join(dir, "wide-twice.csv");
    await writeFile(
      path,
      ["单位,月份,6.1b,6.1b 新增学位,2.4a 分子,2.4a 分母,2.4a分子", "西湖区,2023-06,100,200,1,2,3"].join("\n")
    );
    const result = await inspectFile(path, {catalog: await seedCatalog(), now: JULY_5});
    expect(result.findings.filter((f) => f.severity !== "info").map((f) => [f.code, f.column])).toEqual([
      ["duplicate_column", "6.1b 新增学位"],
      ["duplicate_column", "2.4a分子"]
    ]);
  });

  it("an id and a name of two different targets in one row is target_mismatch; a name that agrees, or is no target's, is read", async () => {
    const {errors, reference, streamed} = await check("mismatch.csv", [
      "单位,月份,指标编号,指标名称,数值",
      "西湖区,2023-06,6.1b,新增学位,100",
      "西湖区,2023-06,6.1b,新增普惠托位,300",
      "西湖区,2023-06,6.2a,新增普惠托位(个),30",
      "西湖区,2023-06,6.1a,新建学校,3",
      "西湖区,2023-06,,新增城乡义务教育共同体,5",
      "西湖区,2023-06,6.2a,新增学位,300"
    ]);
    expect(errors.map((f) => [f.code, f.row, f.column])).toEqual([
      ["target_mismatch", 3, "指标编号"],
      ["target_mismatch", 7, "指标编号"]
    ]);
    expect(errors[0]!.message).toBe("指标编号“6.1b”(新增学位)与指标名称“新增普惠托位”(6.2a)不一致,请核对是哪一项指标");
    expect(reference.rows.map((r) => r.target_id)).toEqual(["6.1b", "6.2a", "6.1a", "6.3c"]);
    expect(streamed.observations.map((o) => o.target_id).sort()).toEqual(["6.1a", "6.1b", "6.2a", "6.3c"]);
  });
  it("a value with % for a count is refused, never read as the count (12% of places is no 12 places); a rate may have it", async () => {
    const {errors, reference, streamed} = await check("percent.csv", [
      HEADER,
      "西湖区,2023-06,6.1b,12%,,,,",
      "西湖区,2023-06,2.2a,95%,19,20,,",
      "拱墅区,2023-06,2.2a,,19%,20,,",
      "拱墅区,2023-06,6.1a,3,,,,"
    ]);
    expect(errors.map((f) => [f.code, f.row, f.column])).toEqual([
      ["non_numeric", 2, "数值"],
      ["non_numeric", 4, "分子"]
    ]);
    expect(errors[0]!.message).toBe("“12%”带有 %,但 6.1b 新增学位 以“个”计:请填写数量本身,不带 %");
    expect(errors[1]!.message).toBe("“19%”带有 %:分子、分母应填人数、校数等数量,不带 %");
    expect(reference.rows.map((r) => r.target_id)).toEqual(["2.2a", "6.1a"]);
    expect(streamed.observations.map((o) => o.target_id).sort()).toEqual(["2.2a", "6.1a"]);
  });
});
