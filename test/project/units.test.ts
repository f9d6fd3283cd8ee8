import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {projectPaths} from "../../pipelines/project/projectFile.js";
import {readUnits, unitPlaces} from "../../pipelines/project/units.js";
import {PROJECT_DIR} from "../helpers/cli.js";

const HEADER = "code,name,short_name,kind,aliases,parent";

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
      HEADER,
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
    ["an unknown parent", ["330100,杭州市,杭州,city,,", "330102,上城区,上城,district,,339999"], "3:parent", "不存在"],
    ["a unit its own parent", ["330100,杭州市,杭州,city,,330100"], "2:parent", "自身"],
    [
      "a cycle",
      ["330100,甲,甲,city,,330102", "330102,乙,乙,district,,330106", "330106,丙,丙,district,,330100"],
      "2:parent",
      "成环"
    ],
    ["a kind the project does not declare", ["330100,杭州市,杭州,town,,"], "2:kind", "未知的单位类别"],
    ["a repeated code", ["330100,杭州市,杭州,city,,", "330100,宁波市,宁波,city,,"], "3:code", "重复"],
    ["a bad code", ["33010,杭州市,杭州,city,,"], "2:code", "位数字"]
  ])("refuses %s, naming file, row and column in Chinese", async (_, lines, where, words) => {
    const file = await write("bad.csv", [HEADER, ...lines]);
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
    const {mkdir} = await import("node:fs/promises");
    await mkdir(project);
    await writeFile(join(project, "planwatch.config.json"), JSON.stringify({unit_kinds: ["province", "town"]}));
    expect(projectPaths(project).unitKinds).toEqual(["province", "town"]);
    await writeFile(join(project, "planwatch.config.json"), JSON.stringify({unit_kinds: ["Town!"]}));
    expect(() => projectPaths(project)).toThrow("unit_kinds");
  });
});
