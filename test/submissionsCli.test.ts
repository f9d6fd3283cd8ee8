import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readGrid} from "../pipelines/core/readGrid.js";
import {runPlanwatch} from "./helpers/cli.js";

describe("planwatch validate, ingest and template", () => {
  let dir = "";
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "planwatch-cli-"))));
  afterAll(() => rm(dir, {recursive: true, force: true}));
  const file = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };

  it("validate prints file:row:column CODE message and exits 1 for a file it would reject", async () => {
    const bad = await file("bad.csv", "单位,月份,指标编号,数值\n西糊区,2023-06,6.1b,100\n西湖区,2023-06,6.1b,约100\n");
    const {code, stdout} = await runPlanwatch(["validate", bad, "--data", join(dir, "data")]);
    expect(code).toBe(1);
    expect(stdout).toContain("bad.csv:2:单位 unknown_unit 未知单位“西糊区”");
    expect(stdout).toContain("bad.csv:3:数值 non_numeric “约100”不是数字");
    expect(stdout).toMatch(/将被拒收/);
  });

  it("validate --format json, exit 0 for a good file", async () => {
    const good = await file("good.csv", "单位,月份,指标编号,数值\n西湖区,2023-06,6.1b,100\n");
    const {code, stdout} = await runPlanwatch(["validate", good, "--format", "json", "--data", join(dir, "data")]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject([
      {accepted: true, rows: 1, findings: [{code: "encoding", severity: "info"}]}
    ]);
  });

  it("ingest exits 0 when every file is accepted or known, 1 when any is rejected", async () => {
    const data = join(dir, "data");
    const good = join(dir, "good.csv");
    expect((await runPlanwatch(["ingest", good, "--data", data])).code).toBe(0);
    const again = await runPlanwatch(["ingest", good, "--data", data, "--format", "json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject([{status: "known"}]);
    const mixed = await runPlanwatch(["ingest", good, join(dir, "bad.csv"), "--data", data]);
    expect(mixed.code).toBe(1);
    expect(mixed.stdout).toMatch(/^已有 .*good\.csv/m);
    expect(mixed.stdout).toMatch(/^拒收 .*bad\.csv/m);
  });

  it("the size limit is an option", async () => {
    const {code, stdout} = await runPlanwatch([
      "validate",
      join(dir, "good.csv"),
      "--max-mb",
      "0.00001",
      "--data",
      join(dir, "data")
    ]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/file_too_large/);
  });

  it("template writes a UTF-8 CSV with a BOM for a unit, which validates once filled in", async () => {
    const out = join(dir, "t.csv");
    expect((await runPlanwatch(["template", "--unit", "西湖", "--out", out])).code).toBe(0);
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe("单位,月份,指标编号,指标名称,数值,分子,分母,口径,备注");
    expect(lines.filter(Boolean)).toHaveLength(34);
    const filled = lines
      .filter(Boolean)
      .map((l, i) =>
        i === 0
          ? l
          : l
              .replace(/^西湖区,,(6\.1b),([^,]*),,/, "西湖区,2023-06,$1,$2,4200,")
              .replace(/^西湖区,,(2\.4a),([^,]*),,,,/, "西湖区,2023-06,$1,$2,,90,100,")
      );
    const kept = filled.filter((l, i) => i === 0 || /^西湖区,2023-06/.test(l));
    expect(kept).toHaveLength(3);
    const path = await file("filled.csv", "\uFEFF" + kept.join("\r\n") + "\r\n");
    const {code, stdout} = await runPlanwatch(["validate", path, "--format", "json", "--data", join(dir, "data")]);
    expect(code, stdout).toBe(0);
    expect(JSON.parse(stdout)[0].rows).toBe(2);
  });

  it("template --xlsx writes a workbook with the same rows", async () => {
    const out = join(dir, "t.xlsx");
    expect((await runPlanwatch(["template", "--xlsx", "--out", out])).code).toBe(0);
    const grid = await readGrid(await readFile(out));
    expect(grid.format).toBe("xlsx");
    expect(grid.rows[0]).toEqual(["单位", "月份", "指标编号", "指标名称", "数值", "分子", "分母", "口径", "备注"]);
    expect(grid.rows).toHaveLength(34);
  });

  it("template refuses a unit it does not know", async () => {
    const {code, stderr} = await runPlanwatch(["template", "--unit", "火星区", "--out", join(dir, "x.csv")]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^planwatch: unknown_unit: 没有单位 火星区\(可写名称、简称或代码\)$/m);
  });
});
