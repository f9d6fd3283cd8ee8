import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readUnits} from "../../pipelines/project/units.js";
import {projectCatalog} from "../../pipelines/intake/catalog.js";
import {PROJECT_DIR} from "../helpers/cli.js";

const HEADER = "code,name,short_name,kind,aliases\n";

describe("readUnits", () => {
  let dir = "";
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "planwatch-units-"))));
  afterAll(() => rm(dir, {recursive: true, force: true}));
  const read = async (rows: string) => {
    await writeFile(join(dir, "units.csv"), HEADER + rows);
    return readUnits(join(dir, "units.csv"));
  };

  it("reads units, a unit's own names repeating each other", async () => {
    expect(await read("330106,西湖区,西湖,district,西湖|西湖区\n339901,直属学校,,bureau,\n")).toEqual([
      {code: "330106", name: "西湖区", short_name: "西湖", kind: "district", aliases: ["西湖", "西湖区"]},
      {code: "339901", name: "直属学校", short_name: "", kind: "bureau", aliases: []}
    ]);
  });

  it.each([
    [
      "a code that is not six digits",
      "../../pwn,西湖区,西湖,district,\n",
      /^units\.csv:2:code 单位代码“\.\.\/\.\.\/pwn”无效/
    ],
    ["an empty name", "330106,,西湖,district,\n", /^units\.csv:2:name 单位名称为空/],
    ["an unknown kind", "330106,西湖区,西湖,martian,\n", /^units\.csv:2:kind 单位类型“martian”无效/],
    [
      "a repeated code",
      "330106,西湖区,,district,\n330106,上城区,,district,\n",
      /^units\.csv:3:code 单位代码“330106”与第 2 行重复/
    ],
    [
      "one name under two codes",
      "330106,西湖区,西湖,district,\n330102,上城区,西湖,district,\n",
      /^units\.csv:3:short_name “西湖”已是第 2 行单位 330106 的名称/
    ],
    [
      "an alias that is another unit's name",
      "330106,西湖区,,district,\n330102,上城区,,district,西湖区\n",
      /^units\.csv:3:aliases /
    ],
    ["a row with too many cells", "330106,西湖区,西湖,district,,x,y\n", /^units\.csv:2:6 此行有 7 个单元格,表头有 5 列/]
  ])("%s is an invalid_units error in Chinese naming file, row and column", async (_name, rows, message) => {
    await expect(read(rows)).rejects.toMatchObject({code: "invalid_units", message: expect.stringMatching(message)});
  });

  it("a project whose units file is /dev/zero fails at once instead of reading forever", async () => {
    const project = join(dir, "zero");
    await mkdir(project, {recursive: true});
    await writeFile(
      join(project, "planwatch.config.json"),
      JSON.stringify({plan: join(PROJECT_DIR, "seeds", "hangzhou-edu-2023-work-plan.txt"), units: "/dev/zero"})
    );
    await expect(projectCatalog({projectDir: project})).rejects.toMatchObject({
      code: "not_a_file",
      message: expect.stringMatching(/^\/dev\/zero: 不是普通文件/)
    });
  });
});
