import {execFile} from "node:child_process";
import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {dirname, join, relative} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {promisify} from "node:util";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {COMPILED_DIR, compiledCli} from "../pipelines/compileCli.js";
import {PROJECT_DIR, copyProject} from "./helpers/cli.js";

/** Packages that cost a command seconds to load, and that neither `--help` nor `validate` of a CSV needs; tsx: planwatch runs as JavaScript. */
const HEAVY =
  /\/node_modules\/(@observablehq\/framework|vega|vega-lite|vega-embed|arquero|exceljs|@duckdb\/node-api|tsx|pdfjs-dist|htmlparser2|domutils|jszip)\//;

/**
 * The heavy packages among `urls`: loaded from node_modules, or compiled into a chunk of planwatch's
 * (the compiled manifest says which packages each chunk holds).
 */
async function heavyLoaded(urls: string[]): Promise<string[]> {
  const {bundled} = JSON.parse(await readFile(join(COMPILED_DIR, "inputs.json"), "utf8")) as {
    bundled: Record<string, string[]>;
  };
  const inChunks = urls
    .filter((u) => u.startsWith("file:"))
    .flatMap((u) =>
      (bundled[relative(COMPILED_DIR, fileURLToPath(u))] ?? []).map((p) => `bundled: /node_modules/${p}/`)
    );
  return [...urls, ...inChunks].filter((u) => HEAVY.test(u));
}

/** Runs the real `planwatch` process with module hooks that list what it resolves; returns those URLs. */
async function loadedModules(args: string[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), "planwatch-modules-"));
  try {
    const log = join(dir, "modules.log");
    await writeFile(log, "");
    const hooks = pathToFileURL(join(PROJECT_DIR, "test/helpers/moduleHooks.mjs")).href;
    const preload = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(hooks)},{data:${JSON.stringify(log)}});`;
    await promisify(execFile)(
      process.execPath,
      ["--import", preload, join(PROJECT_DIR, "pipelines/planwatch.js"), ...args],
      {cwd: PROJECT_DIR}
    ).catch((e: {code?: number}) => {
      if (e.code !== 1) throw e; // validate exits 1 for a file it would reject
    });
    return (await readFile(log, "utf8")).split("\n").filter(Boolean);
  } finally {
    await rm(dir, {recursive: true, force: true});
  }
}

/** The bare specifiers the compiled entry loads before any command runs: its static imports, and theirs. */
async function staticPackages(entry: string): Promise<Set<string>> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = async (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of (await readFile(file, "utf8")).matchAll(/^import\s+(?:[^;"']*?\s+from\s+)?["']([^"']+)["']/gm)) {
      if (m[1]!.startsWith(".")) await visit(join(dirname(file), m[1]!));
      else packages.add(m[1]!);
    }
  };
  await visit(entry);
  return packages;
}

describe("planwatch starts as compiled JavaScript and loads a command's modules only when it runs", () => {
  beforeAll(async () => {
    expect(await compiledCli()).toBe(join(COMPILED_DIR, "cli.js"));
  });

  it("--help runs the compiled command and loads none of the heavy packages, nor tsx", async () => {
    const urls = await loadedModules(["--help"]);
    expect(urls.some((u) => u.endsWith("/pipelines/.compiled/cli.js"))).toBe(true);
    expect(await heavyLoaded(urls)).toEqual([]);
    expect(urls.filter((u) => u.endsWith(".ts"))).toEqual([]);
  });

  it("validate of one CSV loads none of them either", async () => {
    const urls = await loadedModules([
      "validate",
      "data/sample/2023-06-西湖区.csv",
      "--data",
      join(tmpdir(), "planwatch-no-data")
    ]);
    expect(urls.some((u) => u.includes("/node_modules/csv-parse/"))).toBe(true);
    expect(await heavyLoaded(urls)).toEqual([]);
  });

  it("a command that computes gaps loads Arquero compiled into planwatch's chunks, and the check above sees it", async () => {
    const urls = await loadedModules(["gaps", "--file", "data/sample/2023-06-西湖区.csv", "--format", "json"]);
    expect(await heavyLoaded(urls)).toContain("bundled: /node_modules/arquero/");
    expect(urls.filter((u) => u.includes("/node_modules/arquero/"))).toEqual([]);
  });

  it("the compiled entry imports no package but citty before a command runs", async () => {
    expect([...(await staticPackages(join(COMPILED_DIR, "cli.js")))].filter((p) => !p.startsWith("node:"))).toEqual([
      "citty"
    ]);
  });
});

describe("an edited source is never run stale", () => {
  let tmp: string;
  beforeAll(async () => void (tmp = await mkdtemp(join(tmpdir(), "planwatch-compile-"))));
  afterAll(async () => rm(tmp, {recursive: true, force: true}));

  it("planwatch compiles again when a .ts changed since the last compile", async () => {
    const project = await copyProject(join(tmp, "project"));
    const help = async () =>
      (await promisify(execFile)(process.execPath, [join(project, "pipelines/planwatch.js"), "--help"], {cwd: project}))
        .stdout;
    expect(await help()).toContain("对照各单位报送的数据跟踪规划目标"); // compiled on first use: the copy has no compiled command
    const cli = join(project, "pipelines/cli.ts");
    await writeFile(
      cli,
      (await readFile(cli, "utf8")).replace("对照各单位报送的数据跟踪规划目标", "对照各单位报送的数据追踪规划目标")
    );
    expect(await help()).toContain("对照各单位报送的数据追踪规划目标");
    const {inputs} = JSON.parse(await readFile(join(project, "pipelines/.compiled/inputs.json"), "utf8")) as {
      inputs: Record<string, unknown>;
    };
    expect(Object.keys(inputs)).toContain("pipelines/cli.ts");
  });
});
