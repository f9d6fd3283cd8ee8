import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {curateTargets, readCuration} from "../../pipelines/targets/curation.js";
import {extractTargets} from "../../pipelines/targets/extractTargets.js";
import {loadTargets} from "../../pipelines/targets/loadTargets.js";
import {planYear} from "../../pipelines/plan/planYear.js";
import {PROJECT_DIR} from "../helpers/cli.js";

const PLAN =
  "杭州市教育局2023年工作要点\n二、测试\n4.专职校医配备率达到90%以上,近视率逐年下降1个百分点。\n六、民生实事\n1.新增学位6.1万个。\n";

describe("curation", () => {
  let dir = "";
  const write = async (name: string, text: string) => {
    const file = join(dir, name);
    await writeFile(file, text);
    return file;
  };
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "planwatch-curation-"))));
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it("gives defaults from the text: rates are ratio levels, counts sum, decreases go down, the plan's year bounds them", () => {
    const targets = curateTargets(extractTargets(PLAN), [], {planYear: 2023});
    expect(targets.map((t) => [t.id, t.kind, t.aggregation, t.direction, t.start, t.deadline])).toEqual([
      ["2.4a", "level", "ratio", "up", "2023-01", "2023-12"],
      ["2.4b", "level", "ratio", "down", "2023-01", "2023-12"],
      ["6.1a", "count", "sum", "up", "2023-01", "2023-12"]
    ]);
  });

  it("merges curated columns by id", async () => {
    const file = await write(
      "ok.csv",
      "id,indicator,kind,baseline,baseline_source,schedule\n2.4b,总体近视率,,52.9,2022年体检,\n6.1a,,,,,2023-06:0.3|2023-12:1\n"
    );
    const targets = curateTargets(extractTargets(PLAN), await readCuration(file), {planYear: 2023});
    expect(targets[1]).toMatchObject({
      id: "2.4b",
      indicator: "总体近视率",
      kind: "level",
      baseline: 52.9,
      baseline_source: "2022年体检"
    });
    expect(targets[2]!.schedule).toEqual([
      {period: "2023-06", fraction: 0.3},
      {period: "2023-12", fraction: 1}
    ]);
    expect(targets[0]!.indicator).toBe("专职校医配备率");
  });

  it("rejects a row whose id matches no extracted target, naming file and row", async () => {
    const file = await write("unknown.csv", "id,kind\n2.4a,level\n9.9z,count\n");
    expect(() => curateTargets(extractTargets(PLAN), [], {planYear: 2023})).not.toThrow();
    const rows = await readCuration(file);
    expect(() => curateTargets(extractTargets(PLAN), rows, {planYear: 2023})).toThrow(
      /unknown\.csv:3:id 规划中没有编号为“9\.9z”的目标/
    );
  });

  it.each([
    ["bad kind", "id,kind\n2.4a,rate\n", /bad\.csv:2:kind “rate”不是有效的 kind/],
    ["bad number", "id,baseline\n2.4a,五十\n", /bad\.csv:2:baseline “五十”不是数字/],
    ["bad month", "id,deadline\n2.4a,2023-13\n", /bad\.csv:2:deadline 无法识别的月份“2023-13”/],
    ["falling schedule", "id,schedule\n6.1a,2023-06:0.5|2023-08:0.4\n", /bad\.csv:2:schedule 分月安排“.*”无效/],
    ["bad schedule step", "id,schedule\n6.1a,June:0.5\n", /bad\.csv:2:schedule 无法识别的分月安排“June:0\.5”/],
    ["unknown column", "id,owner\n2.4a,x\n", /bad\.csv:1:owner 无法识别的列“owner”/],
    ["repeated id", "id,kind\n2.4a,level\n2.4a,count\n", /bad\.csv:3:id 目标编号“2\.4a”与第 2 行重复/],
    ["broken quotes", 'id,note\n2.4a,原文"分别"\n', /bad\.csv:2:\d+ 单元格中间出现英文双引号/],
    ["a row longer than the header", "id,kind\n2.4a,level,x\n", /bad\.csv:2:3 此行有 3 个单元格,表头有 2 列/],
    ["a row after a blank line", "id,kind\n\n2.4a,rate\n", /bad\.csv:3:kind /]
  ])("rejects a %s with file, row and column", async (_name, text, message) => {
    const file = await write("bad.csv", text);
    await expect(readCuration(file)).rejects.toThrow(message);
  });

  it.each([
    [
      "both its own",
      "id,start,deadline\n2.4a,2023-09,2023-03\n",
      /start\.csv:2:start 起始月 2023-09 晚于截止月 2023-03/
    ],
    [
      "a start after the default deadline",
      "id,start\n2.4a,2024-02\n",
      /start\.csv:2:start 起始月 2024-02 晚于截止月 2023-12/
    ],
    [
      "a deadline before the default start",
      "id,deadline\n2.4a,2022-12\n",
      /start\.csv:2:deadline 起始月 2023-01 晚于截止月 2022-12/
    ]
  ])("rejects a row whose start falls after its deadline: %s", async (_name, text, message) => {
    const rows = await readCuration(await write("start.csv", text));
    expect(() => curateTargets(extractTargets(PLAN), rows, {planYear: 2023})).toThrow(message);
  });

  it("reads the plan's year from its title, or takes it given", () => {
    expect(planYear(PLAN)).toBe(2023);
    expect(planYear("臺北市2024年度教育工作計劃")).toBe(2024);
    expect(planYear("无标题", {year: 2025})).toBe(2025);
    expect(() => planYear("无标题")).toThrow(/cannot tell the plan's year/);
  });

  it("the seed curation merges with the seed plan", async () => {
    const targets = await loadTargets({
      plan: join(PROJECT_DIR, "seeds/hangzhou-edu-2023-work-plan.txt"),
      curation: join(PROJECT_DIR, "seeds/targets.curation.csv")
    });
    expect(targets).toHaveLength(33);
    expect(targets.find((t) => t.id === "5.5a")!.indicator).toBe("义务教育优质均衡发展县省级评估通过比例");
    expect(targets.find((t) => t.id === "6.1a")!.schedule?.at(-1)).toEqual({period: "2023-12", fraction: 1});
  });
});
