import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {projectPaths} from "../../pipelines/project/projectFile.js";
import {readUnits, unitPlaces} from "../../pipelines/project/units.js";
import {makeCatalog, projectCatalog} from "../../pipelines/intake/catalog.js";
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
      {code: "330106", name: "西湖区", short_name: "西湖", kind: "district", aliases: ["西湖", "西湖区"], parent: null},
      {code: "339901", name: "直属学校", short_name: "", kind: "bureau", aliases: [], parent: null}
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

const TREE_HEADER = "code,name,short_name,kind,aliases,parent";

describe("units.csv as a tree", () => {
  let dir = "";
  const write = async (name: string, lines: string[]) => {
    const file = join(dir, name);
    await writeFile(file, lines.join("\n") + "\n");
    return file;
  };
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "planwatch-units-"))));
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it("reads the bundled sample (no parent column) as one level, every unit at the top", async () => {
    const units = await readUnits(projectPaths(PROJECT_DIR).units);
    expect(units).toHaveLength(14);
    expect(units.every((u) => u.parent === null)).toBe(true);
    expect(units.find((u) => u.code === "330108")).toEqual({
      code: "330108",
      name: "滨江区",
      short_name: "滨江",
      kind: "district",
      aliases: ["高新区", "高新区(滨江)"],
      parent: null
    });
  });

  it("reads a province: cities at the top, counties below, towns below those; levels count from 1", async () => {
    const file = await write("province.csv", [
      TREE_HEADER,
      "330100,杭州市,杭州,city,,",
      "330200,宁波市,宁波,city,,",
      "330102,上城区,上城,district,,330100",
      "330203,海曙区,海曙,district,,330200",
      "330102001,清波街道,清波,town,,330102"
    ]);
    const units = await readUnits(file, {kinds: ["town"]});
    expect(units.map((u) => [u.code, u.kind, u.parent])).toEqual([
      ["330100", "city", null],
      ["330200", "city", null],
      ["330102", "district", "330100"],
      ["330203", "district", "330200"],
      ["330102001", "town", "330102"]
    ]);
    const places = unitPlaces(units);
    expect(places.get("330102001")).toEqual({parent: "330102", level: 3, ancestors: ["330102", "330100"]});
    expect(places.get("330200")).toEqual({parent: null, level: 1, ancestors: []});
  });

  it.each([
    [
      "an unknown parent",
      ["330100,杭州市,杭州,city,,", "330102,上城区,上城,district,,339999"],
      "3:parent",
      "不是本表中任何单位的代码"
    ],
    ["a unit its own parent", ["330100,杭州市,杭州,city,,330100"], "2:parent", "自身"],
    [
      "a cycle",
      ["330100,甲,甲,city,,330102", "330102,乙,乙,district,,330106", "330106,丙,丙,district,,330100"],
      "2:parent",
      "成环"
    ],
    ["a kind the project does not declare", ["330100,杭州市,杭州,town,,"], "2:kind", "单位类型“town”无效"],
    ["a repeated code", ["330100,杭州市,杭州,city,,", "330100,宁波市,宁波,city,,"], "3:code", "重复"],
    ["a bad code", ["33010,杭州市,杭州,city,,"], "2:code", "应为 6 位行政区划代码"]
  ])("refuses %s, naming file, row and column in Chinese", async (_, lines, where, words) => {
    const file = await write("bad.csv", [TREE_HEADER, ...lines]);
    const error = (await readUnits(file).then(
      () => null,
      (e: unknown) => e
    )) as {code: string; message: string};
    expect(error).toMatchObject({code: "invalid_units"});
    expect(error.message).toContain(`bad.csv:${where} `);
    expect(error.message).toContain(words);
  });

  it("refuses a file without a kind column", async () => {
    const file = await write("nokind.csv", ["code,name", "330100,杭州市"]);
    await expect(readUnits(file)).rejects.toThrow("nokind.csv:1:kind");
  });

  it("takes the project's own kinds from the project file's unit_kinds", async () => {
    const project = join(dir, "project");
    await mkdir(project);
    await writeFile(join(project, "planwatch.config.json"), JSON.stringify({unit_kinds: ["province", "town"]}));
    expect(projectPaths(project).unitOptions.kinds).toEqual(["province", "town"]);
    await writeFile(join(project, "planwatch.config.json"), JSON.stringify({unit_kinds: ["Town!"]}));
    expect(() => projectPaths(project)).toThrow("unit_kinds");
  });
});

describe("unit codes as people have them (the project file's unit_code_pattern)", () => {
  let dir = "";
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "planwatch-codes-"))));
  afterAll(() => rm(dir, {recursive: true, force: true}));
  const read = async (rows: string, options: Parameters<typeof readUnits>[1]) => {
    await writeFile(join(dir, "units.csv"), HEADER + rows);
    return readUnits(join(dir, "units.csv"), options);
  };

  it("reads schools' 10-digit codes, and codes with letters, when the project declares them", async () => {
    const schools = await read("3133001234,杭州第二中学,杭二中,school,\n", {kinds: ["school"], codePattern: "\\d{10}"});
    expect(schools.map((u) => u.code)).toEqual(["3133001234"]);
    const offices = await read("JY01,基础教育处,基教处,bureau,\n", {codePattern: "[A-Z]{2}\\d{2}"});
    expect(offices.map((u) => u.code)).toEqual(["JY01"]);
    const catalog = makeCatalog({units: schools, targets: [], aliases: new Map()});
    expect(catalog.unit("3133001234")?.name).toBe("杭州第二中学");
  });

  it("keeps 6-digit administrative codes the default, and a declared pattern replaces them", async () => {
    await expect(read("3133001234,杭州第二中学,,bureau,\n", {})).rejects.toMatchObject({
      code: "invalid_units",
      message: expect.stringMatching(/^units\.csv:2:code 单位代码“3133001234”无效\(应为 6 位行政区划代码/)
    });
    await expect(read("330106,西湖区,西湖,district,\n", {codePattern: "\\d{10}"})).rejects.toMatchObject({
      code: "invalid_units",
      message: "units.csv:2:code 单位代码“330106”无效(应符合项目文件 unit_code_pattern 规定的格式 \\d{10})"
    });
    await expect(read("330106,西湖区,西湖,district,\n,空代码,,district,\n", {})).rejects.toMatchObject({
      message: "units.csv:3:code 单位代码为空"
    });
  });

  it("takes the pattern from the project file, and refuses one that is no pattern or admits '' or city", async () => {
    const project = join(dir, "project");
    await mkdir(project, {recursive: true});
    const spec = (v: unknown) =>
      writeFile(join(project, "planwatch.config.json"), JSON.stringify({unit_code_pattern: v}));
    await spec("\\d{10}");
    expect(projectPaths(project).unitOptions).toEqual({kinds: [], codePattern: "\\d{10}"});
    for (const [pattern, words] of [
      ["(", "不是有效的正则表达式"],
      ["\\d*", "不能接受空的单位代码"],
      ["[a-z]+", "不能接受“city”"],
      [10, "的值无效"]
    ] as const) {
      await spec(pattern);
      expect(() => projectPaths(project), String(pattern)).toThrow(/planwatch\.config\.json: 字段 "unit_code_pattern"/);
      expect(() => projectPaths(project), String(pattern)).toThrow(words);
    }
  });
});
