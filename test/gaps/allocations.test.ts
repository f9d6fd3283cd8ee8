import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readAllocations} from "../../pipelines/gaps/allocations.js";

describe("readAllocations", () => {
  let dir = "";
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "planwatch-allocations-"))));
  afterAll(() => rm(dir, {recursive: true, force: true}));
  const read = async (text: string) => {
    await writeFile(join(dir, "allocations.csv"), text);
    return readAllocations(join(dir, "allocations.csv"), {units: new Set(["330106"]), countTargets: new Set(["6.1a"])});
  };

  it("reads each unit's share of a count target", async () => {
    expect(await read("unit_code,target_id,value\n330106,6.1a,1200\n")).toEqual([
      {unit_code: "330106", target_id: "6.1a", value: 1200, row: 2}
    ]);
  });

  it.each([
    ["the wrong columns", "unit,target,value\n", /^allocations\.csv:1:1 表头应为 unit_code,target_id,value/],
    [
      "an unknown unit",
      "unit_code,target_id,value\n330199,6.1a,1\n",
      /^allocations\.csv:2:unit_code 未知单位代码“330199”/
    ],
    ["not a count target", "unit_code,target_id,value\n330106,2.4a,1\n", /^allocations\.csv:2:target_id “2\.4a”不是/],
    ["a negative value", "unit_code,target_id,value\n330106,6.1a,-1\n", /^allocations\.csv:2:value 任务数“-1”无效/],
    [
      "a repeated row",
      "unit_code,target_id,value\n330106,6.1a,1\n330106,6.1a,2\n",
      /^allocations\.csv:3:unit_code 单位 330106 的目标 6\.1a 与第 2 行重复/
    ],
    ["a row too long", "unit_code,target_id,value\n330106,6.1a,1,2\n", /^allocations\.csv:2:4 此行有 4 个单元格/]
  ])("%s is an invalid_allocation error in Chinese naming file, row and column", async (_name, text, message) => {
    await expect(read(text)).rejects.toMatchObject({
      code: "invalid_allocation",
      message: expect.stringMatching(message)
    });
  });
});
