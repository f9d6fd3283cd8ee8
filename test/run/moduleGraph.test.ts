import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {moduleGraph} from "../../pipelines/run/moduleGraph.js";

describe("moduleGraph", () => {
  let root = "";
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "planwatch-graph-"));
    await mkdir(join(root, "a"));
    await mkdir(join(root, "b"));
    await writeFile(
      join(root, "a", "entry.ts"),
      'import {mid} from "./mid.js";\nimport {parse} from "csv-parse/sync";\nexport const entry = () => mid() + String(parse);\n'
    );
    await writeFile(join(root, "a", "mid.ts"), 'export {leaf as mid} from "../b/leaf.js";\n');
    await writeFile(join(root, "b", "leaf.ts"), "export const leaf = () => 1;\n");
    await writeFile(
      join(root, "b", "other.ts"),
      'export const other = async () => (await import("./lazy.js")).lazy;\n'
    );
    await writeFile(join(root, "b", "lazy.ts"), "export const lazy = 2;\n");
  });
  afterAll(() => rm(root, {recursive: true, force: true}));

  it("lists every local file an entry imports, transitively (re-exports, .js specifiers of .ts files, dynamic imports), and no package", async () => {
    const graph = await moduleGraph(root, ["a/entry.ts", "b/other.ts"]);
    expect(graph.get("a/entry.ts")).toEqual(["a/entry.ts", "a/mid.ts", "b/leaf.ts"]);
    expect(graph.get("b/other.ts")).toEqual(["b/lazy.ts", "b/other.ts"]);
  });

  it("a folder stands for all its modules; a missing entry has none", async () => {
    const graph = await moduleGraph(root, ["b", "c/missing.ts"]);
    expect(graph.get("b")).toEqual(["b/lazy.ts", "b/leaf.ts", "b/other.ts"]);
    expect(graph.get("c/missing.ts")).toEqual([]);
  });
});
