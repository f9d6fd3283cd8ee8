import {cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join, relative} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {STAGES, loaderOutput} from "../../pipelines/run/stages.js";
import {ingestSample} from "../../pipelines/sample/ingestSample.js";
import {PROJECT_DIR} from "../helpers/cli.js";

// docs/fields.md, the field dictionary, against the data the loaders make for the bundled sample.

/** Each `## \`data/x.json\`` section of the dictionary: the field paths its table documents. */
function dictionary(text: string): Map<string, Set<string>> {
  const sections = new Map<string, Set<string>>();
  let current: Set<string> | null = null;
  for (const line of text.split("\n")) {
    const heading = /^## `(data\/[^`]+\.json)`/.exec(line);
    if (heading) sections.set(heading[1]!, (current = new Set()));
    else if (line.startsWith("## ")) current = null;
    const field = /^\| `([^`]+)` \|/.exec(line);
    if (field && current) current.add(field[1]!);
  }
  return sections;
}

/**
 * The field paths of a value: every object property (`rows[].actual`; a top-level array's as
 * `[].id`; a map documented as `notes.*` by `*`), arrays of objects entered, arrays of plain values
 * (and of pairs) taken whole.
 */
function fieldPaths(value: unknown, documented: Set<string>, path = "", out = new Set<string>()): Set<string> {
  const child = (key: string) => (path ? `${path}.${key}` : key);
  if (Array.isArray(value)) {
    for (const element of value)
      if (element !== null && typeof element === "object" && !isPlainArray(element))
        fieldPaths(element, documented, `${path}[]`, out);
  } else if (value !== null && typeof value === "object") {
    const map = documented.has(child("*"));
    for (const [key, v] of Object.entries(value)) {
      const p = child(map ? "*" : key);
      out.add(p);
      fieldPaths(v, documented, p, out);
    }
  }
  return out;
}

/** The page a parameterized loader is run for here: a sample unit, a sample target's slug. */
const PARAMS: Record<string, string> = {"units/[unit].json": "330106", "targets/[id].json": "6-1b"};

const isPlainArray = (v: unknown) => Array.isArray(v) && v.every((x) => x === null || typeof x !== "object");

describe("docs/fields.md, the field dictionary", () => {
  let tmp = "";
  let sections = new Map<string, Set<string>>();
  beforeAll(async () => {
    sections = dictionary(await readFile(join(PROJECT_DIR, "docs", "fields.md"), "utf8"));
    // A copy of the project's inputs with the sample ingested, and a failed build on record.
    tmp = await mkdtemp(join(tmpdir(), "planwatch-fields-"));
    await cp(join(PROJECT_DIR, "planwatch.config.json"), join(tmp, "planwatch.config.json"));
    await cp(join(PROJECT_DIR, "seeds"), join(tmp, "seeds"), {recursive: true});
    await cp(join(PROJECT_DIR, "data", "sample"), join(tmp, "data", "sample"), {recursive: true});
    await mkdir(join(tmp, ".planwatch"));
    await writeFile(
      join(tmp, ".planwatch", "failures.jsonl"),
      JSON.stringify({at: "2023-11-05T02:00:00.000Z", output: join(tmp, "dist"), reason: "站点构建失败"}) + "\n"
    );
    await ingestSample({projectDir: tmp, dataDir: join(tmp, "data")});
  });
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  it("has a section for every JSON loader in src/data/, so a new loader comes with its fields", async () => {
    const loaders = (await readdir(join(PROJECT_DIR, "src", "data"), {recursive: true}))
      .filter((f) => /\.json\.[jt]s$/.test(f))
      .map((f) => join("data", relative(".", f)).replace(/\.[jt]s$/, ""));
    expect(loaders.length).toBeGreaterThanOrEqual(7);
    expect(loaders.filter((l) => !sections.has(l))).toEqual([]);
  });

  const jsonStages = STAGES.filter((s) => s.loader?.file.endsWith(".json.ts")).map((s) =>
    s.name.slice("loader:".length)
  );

  it.each(jsonStages)("documents every field of %s as the sample has it, and no field it lacks", async (name) => {
    const documented = sections.get(`data/${name}`);
    expect(documented, `docs/fields.md has no section for data/${name}`).toBeDefined();
    const value = JSON.parse(
      await loaderOutput(name, {ctx: {projectDir: tmp, dataDir: join(tmp, "data")}, param: PARAMS[name]})
    ) as unknown;
    const present = fieldPaths(value, documented!);
    expect({undocumented: [...present].filter((p) => !documented!.has(p)).sort()}).toEqual({undocumented: []});
    expect({absent: [...documented!].filter((p) => !present.has(p)).sort()}).toEqual({absent: []});
  });
});
