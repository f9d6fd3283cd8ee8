import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {FINDING_CODES, type FindingCode, formatFinding, rejects} from "../../pipelines/intake/findings.js";
import {inspectFile} from "../../pipelines/intake/inspectFile.js";
import {JULY_5, seedCatalog} from "../helpers/catalog.js";

const HEADER = "单位,月份,指标编号,数值,分子,分母,口径,备注";

describe("validation: one case per finding code", () => {
  let dir = "";
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "planwatch-validate-"))));
  afterAll(() => rm(dir, {recursive: true, force: true}));

  const inspect = async (
    name: string,
    content: string | Buffer,
    options: {
      maxBytes?: number;
      history?: {
        unit_code: string;
        target_id: string;
        school_id: string;
        period: string;
        value: number;
        basis: "cumulative";
      }[];
    } = {}
  ) => {
    const path = join(dir, name);
    await writeFile(path, content);
    return inspectFile(path, {catalog: await seedCatalog(), now: JULY_5, ...options});
  };

  it.each([
    ["unknown_unit", [HEADER, "西糊区,2023-06,6.1b,100,,,,"], 2, "单位", /未知单位“西糊区”/],
    ["unknown_target", [HEADER, "西湖区,2023-06,6.1x,100,,,,"], 2, "指标编号", /未知指标“6\.1x”,是否为“6\.1a”?/],
    [
      "unknown_target",
      ["单位,月份,指标名称,数值", "西湖区,2023-06,新增学额,100"],
      2,
      "指标名称",
      /未知指标“新增学额”,是否为“新增学位”?/
    ],
    ["unknown_target", ["单位,月份,6.1b,新增学额", "西湖区,2023-06,100,3"], 1, "新增学额", /是否为“新增学位”/],
    ["bad_period", [HEADER, "西湖区,2023-13,6.1b,100,,,,"], 2, "月份", /无法识别的月份“2023-13”/],
    ["future_period", [HEADER, "西湖区,2023-08,6.1b,100,,,,"], 2, "月份", /月份 2023-08 晚于报送时间 2023-07/],
    ["non_numeric", [HEADER, "西湖区,2023-06,6.1b,约100,,,,"], 2, "数值", /“约100”不是数字/],
    ["negative_count", [HEADER, "西湖区,2023-06,6.1b,-3,,,,"], 2, "数值", /不能为负数/],
    ["rate_over_100", [HEADER, "西湖区,2023-06,2.4a,120%,,,,"], 2, "数值", /不能超过 100/],
    ["numerator_over_denominator", [HEADER, "西湖区,2023-06,2.4a,,120,100,,"], 2, "分子", /分子 120 大于分母 100/],
    ["ratio_without_parts", [HEADER, "西湖区,2023-06,2.4a,90%,,,,"], 2, "指标编号", /须同时填写分子和分母/],
    [
      "duplicate_key",
      [HEADER, "西湖区,2023-06,6.1b,100,,,,", "西湖,2023年6月,6.1b,120,,,,"],
      3,
      "",
      /同一单位、月份、指标出现多次/
    ],
    [
      "ragged_row",
      [HEADER, "西湖区,2023-06,6.1b,100,,,累计,含新校区,老校区,另一处"],
      2,
      "",
      /本行有 10 列,表头有 8 列/
    ],
    [
      "period_outside_plan",
      [HEADER, "西湖区,2022-12,6.1b,50100,,,,"],
      2,
      "月份",
      /月份 2022-12 不在计划期\(2023-01 至 2023-12\)内/
    ],
    ["bad_period", [HEADER, "西湖区,2023-06-99,6.1b,100,,,,"], 2, "月份", /无法识别的月份“2023-06-99”/],
    ["bad_period", [HEADER, "西湖区,0000-01,6.1b,100,,,,"], 2, "月份", /无法识别的月份“0000-01”/],
    ["negative_count", [HEADER, "西湖区,2023-06,2.3a,-2,,,,"], 2, "数值", /2\.3a 运动技能 不能为负数:-2/],
    [
      "target_mismatch",
      ["单位,月份,指标编号,指标名称,数值", "西湖区,2023-06,6.1b,新增普惠托位,300"],
      2,
      "指标编号",
      /指标编号“6\.1b”\(新增学位\)与指标名称“新增普惠托位”\(6\.2a\)不一致/
    ],
    [
      "duplicate_column",
      ["单位,月份,指标编号,数值,数值", "西湖区,2023-06,6.1b,100,200"],
      1,
      "数值",
      /第 5 列“数值”与第 4 列“数值”是同一列/
    ],
    [
      "duplicate_column",
      ["单位,月份,6.1b,新增学位", "西湖区,2023-06,100,200"],
      1,
      "新增学位",
      /第 4 列“新增学位”与第 3 列“6\.1b”是同一列/
    ],
    ["no_rows", [HEADER, ""], 0, "", /只有表头,没有数据行/],
    ["missing_column", ["单位,月份,指标编号,备注", "西湖区,2023-06,6.1b,忘了"], 1, "", /缺少“数值”列/],
    ["no_header", ["西湖区,2023-06,6.1b,100", "西湖区,2023-06,6.1a,3"], 1, "", /第一行是数据\(“西湖区”\)/],
    ["bad_basis", [HEADER, "西湖区,2023-06,6.1b,100,,,年度,"], 2, "口径", /无法识别的口径“年度”/],
    [
      "bad_csv",
      [HEADER, '西湖区,2023-06,6.1b,100,,,,"未闭合'],
      2,
      "",
      /^CSV 格式错误:第 2 行有一个引号直到文件末尾都没有闭合/
    ],
    ["empty_file", [""], 0, "", /文件为空/]
  ] as [FindingCode, string[], number, string, RegExp][])("%s", async (code, lines, row, column, message) => {
    const result = await inspect(`${code}.csv`, lines.join("\n"));
    const f = result.findings.find((x) => x.code === code);
    expect(f, JSON.stringify(result.findings)).toBeDefined();
    expect(f).toMatchObject({row, column, severity: FINDING_CODES[code]});
    expect(f!.message).toMatch(message);
    expect(rejects(result.findings)).toBe(true);
  });

  it("binary_file: a picture saved as .csv", async () => {
    const result = await inspect(
      "scan.csv",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0])
    );
    expect(result.findings.map((f) => f.code)).toEqual(["binary_file"]);
  });

  it("file_too_large: over the configured limit, the file is not even read", async () => {
    const result = await inspect("big.csv", [HEADER, "西湖区,2023-06,6.1b,100,,,,"].join("\n"), {maxBytes: 20});
    expect(result.findings).toMatchObject([{code: "file_too_large", severity: "error"}]);
    expect(result.grid).toBeNull();
  });

  it("cumulative_decrease is a warning: the file is accepted, the warning kept", async () => {
    const history = [
      {
        unit_code: "330106",
        target_id: "6.1b",
        school_id: "",
        period: "2023-05",
        value: 500,
        basis: "cumulative" as const
      }
    ];
    const result = await inspect("dip.csv", [HEADER, "西湖区,2023-06,6.1b,450,,,,"].join("\n"), {history});
    expect(result.findings.filter((f) => f.severity !== "info")).toMatchObject([
      {code: "cumulative_decrease", severity: "warning", row: 2, column: "数值"}
    ]);
    expect(rejects(result.findings)).toBe(false);
    expect(result.rows).toHaveLength(1);
    const inFile = await inspect(
      "dip2.csv",
      [HEADER, "西湖区,2023-05,6.1b,500,,,,", "西湖区,2023-06,6.1b,450,,,,"].join("\n")
    );
    expect(inFile.findings.find((f) => f.code === "cumulative_decrease")).toMatchObject({row: 3});
  });

  it("a falling rate is no warning: rates may fall", async () => {
    const result = await inspect(
      "rate.csv",
      [HEADER, "西湖区,2023-05,2.4a,,90,100,,", "西湖区,2023-06,2.4a,,80,100,,"].join("\n")
    );
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("unknown_column is a warning; text with markup or a formula is kept as text (text_neutralized)", async () => {
    const result = await inspect(
      "notes.csv",
      [
        `${HEADER},填报人`,
        '西湖区,2023-06,6.1b,100,,,,"=HYPERLINK(""http://x"",""y"")",王老师',
        "西湖区,2023-06,6.1a,1,,,,<script>alert(1)</script>,王老师"
      ].join("\n")
    );
    expect(result.findings.filter((f) => f.severity !== "info").map((f) => f.code)).toEqual(["unknown_column"]);
    expect(result.findings.filter((f) => f.code === "text_neutralized").map((f) => f.row)).toEqual([2, 3]);
    expect(result.rows.map((r) => r.note)).toEqual(['=HYPERLINK("http://x","y")', "<script>alert(1)</script>"]);
  });

  it("reads the unit and the month from the file name when there is no such column, and says so", async () => {
    const result = await inspect("2023年6月-西湖区.csv", ["指标编号,数值", "6.1b,100"].join("\n"));
    expect(result.findings.filter((f) => f.code === "from_file_name").map((f) => f.message)).toEqual([
      "文件中没有“单位”列,按文件名取单位:西湖区",
      "文件中没有“月份”列,按文件名取月份:2023-06"
    ]);
    expect(result.rows).toMatchObject([{unit_code: "330106", period: "2023-06", target_id: "6.1b", value: 100}]);
  });

  it("keeps school-level rows apart by school_id", async () => {
    const result = await inspect(
      "schools.csv",
      ["学校代码,单位,月份,指标编号,数值", "S001,钱塘区,2023-06,6.1b,100", "S002,钱塘区,2023-06,6.1b,200"].join("\n")
    );
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(result.rows.map((r) => [r.school_id, r.value])).toEqual([
      ["S001", 100],
      ["S002", 200]
    ]);
  });

  it("blank, — and 无 are missing, not zero: no value is recorded", async () => {
    const result = await inspect(
      "missing.csv",
      [HEADER, "西湖区,2023-06,6.1b,—,,,,", "西湖区,2023-06,6.1a,无,,,,", "西湖区,2023-06,6.2a,,,,,"].join("\n")
    );
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(result.rows).toEqual([]);
  });

  it("prints a finding as file:row:column CODE message", async () => {
    const result = await inspect("print.csv", [HEADER, "西糊区,2023-06,6.1b,100,,,,"].join("\n"));
    expect(formatFinding(result.findings.find((f) => f.code === "unknown_unit")!)).toMatch(
      /^print\.csv:2:单位 unknown_unit 未知单位“西糊区”/
    );
  });

  it("every finding code has a case above", () => {
    expect(Object.keys(FINDING_CODES).sort()).toEqual(
      [
        "bad_basis",
        "bad_csv",
        "bad_period",
        "bad_sheet",
        "binary_file",
        "cumulative_decrease",
        "duplicate_column",
        "duplicate_key",
        "empty_file",
        "encoding",
        "file_too_large",
        "from_file_name",
        "future_period",
        "missing_column",
        "negative_count",
        "no_header",
        "no_rows",
        "non_numeric",
        "numerator_over_denominator",
        "period_outside_plan",
        "ragged_row",
        "rate_over_100",
        "ratio_without_parts",
        "target_mismatch",
        "text_neutralized",
        "unknown_column",
        "unknown_target",
        "unknown_unit",
        "zip_bomb",
        "file_changed",
        "io_error",
        "more_findings",
        "not_a_file",
        // progress reports: test/tasks/progress.test.ts
        "bad_status",
        "not_owner",
        "owner_contradicted",
        "status_reverted",
        "unknown_task",
        // the unit tree: test/gaps/hierarchy.test.ts
        "allocation_over_parent",
        "parent_double_report"
      ].sort()
    );
  });
});
