import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {
  IMPLICIT_FILES,
  IMPLICIT_PACKAGES,
  OFFLINE_VERSION,
  findNpmImports,
  findNpmSpecifiers,
  seedNpmCache
} from "../../pipelines/run/npmCache.js";
import {PROJECT_DIR} from "../helpers/cli.js";

describe("seedNpmCache", () => {
  let root = "";
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "planwatch-npm-"));
    await mkdir(join(root, "components"));
    await writeFile(join(root, "index.md"), '```js\nimport embed from "npm:vega-embed";\n```\n');
    await writeFile(
      join(root, "components", "t.js"),
      'import {html} from "npm:htl";\nimport * as x from "npm:@observablehq/inputs";\n'
    );
  });
  afterAll(() => rm(root, {recursive: true, force: true}));

  it("finds the npm: specifiers of pages and modules", async () => {
    expect(await findNpmImports(root)).toEqual(["@observablehq/inputs", "htl", "vega-embed"]);
  });

  it("bundles each package at its installed version, sharing packages that others import", async () => {
    const seeded = await seedNpmCache({root, projectDir: PROJECT_DIR, packages: ["htl", "@observablehq/inputs"]});
    expect(seeded.map((s) => `${s.name}@${s.version}`)).toEqual(["@observablehq/inputs@0.12.0", "htl@0.3.1"]);
    const inputs = await readFile(join(root, ".observablehq/cache/_npm/@observablehq/inputs@0.12.0/_esm.js"), "utf8");
    expect(inputs).toContain('from"../../htl@0.3.1/_esm.js"');
    expect(inputs).not.toMatch(/https?:\/\/cdn/);
    const htl = await import(join(root, ".observablehq/cache/_npm/htl@0.3.1/_esm.js"));
    expect(typeof htl.html).toBe("function");
    expect(htl.default).toBeDefined();
  });

  it("records an offline version for Framework's optional libraries so the build asks no registry", async () => {
    await seedNpmCache({root, projectDir: PROJECT_DIR, packages: ["htl"]});
    expect(existsSync(join(root, `.observablehq/cache/_npm/d3@${OFFLINE_VERSION}`))).toBe(true);
    expect(existsSync(join(root, `.observablehq/cache/_npm/htl@${OFFLINE_VERSION}`))).toBe(false);
  });

  it("names the package when one is not installed", async () => {
    await expect(seedNpmCache({root, projectDir: PROJECT_DIR, packages: ["no-such-package-here"]})).rejects.toThrow(
      /^引用了 npm:no-such-package-here,但没有安装 no-such-package-here/
    );
  });

  it("finds each specifier with its range and subpath, and the pages that write it", async () => {
    const page = await mkdtemp(join(tmpdir(), "planwatch-npm-"));
    try {
      await writeFile(
        join(page, "a.md"),
        '```js\nimport {sum} from "npm:d3-array@3/src/sum.js";\nimport("npm:htl");\nconst u = `npm:${x}`;\n```\n'
      );
      await writeFile(join(page, "b.md"), '```js\nimport "npm:htl";\n```\n');
      expect(await findNpmSpecifiers(page)).toEqual([
        {specifier: "d3-array@3/src/sum.js", name: "d3-array", range: "3", path: "src/sum.js", files: ["a.md"]},
        {specifier: "htl", name: "htl", range: undefined, path: undefined, files: ["a.md", "b.md"]}
      ]);
    } finally {
      await rm(page, {recursive: true, force: true});
    }
  });

  it("seeds Framework's built-ins with the files it loads by path, and the subpaths pages import", async () => {
    const page = await mkdtemp(join(tmpdir(), "planwatch-npm-"));
    try {
      await writeFile(
        join(page, "index.md"),
        '```js\nimport {sum} from "npm:d3-array@3/dist/d3-array.mjs";\nimport "npm:htl@0.3/src/index.js";\n' +
          'import {parse} from "npm:isoformat/src/parse";\n' +
          'const css = FileAttachment("npm:@observablehq/inputs/dist/index.css");\n```\n'
      );
      const seeded = await seedNpmCache({root: page, projectDir: PROJECT_DIR});
      expect(seeded.map((s) => s.name)).toEqual(expect.arrayContaining([...IMPLICIT_PACKAGES, "d3-array"]));
      const npm = join(page, ".observablehq/cache/_npm");
      for (const [name, files] of Object.entries(IMPLICIT_FILES)) {
        const {version} = seeded.find((s) => s.name === name)!;
        for (const file of files) expect(existsSync(join(npm, `${name}@${version}`, file)), file).toBe(true);
      }
      expect(existsSync(join(npm, "@duckdb/duckdb-wasm@1.29.0/_esm.js"))).toBe(true);
      const worker = await readFile(join(npm, "@duckdb/duckdb-wasm@1.29.0/dist/duckdb-browser-eh.worker.js"), "utf8");
      expect(worker).not.toMatch(/sourceMappingURL/);
      const plot = await readFile(join(npm, "@observablehq/plot@0.6.17/_esm.js"), "utf8");
      expect(plot).toContain('from"../../d3@7.9.0/_esm.js"'); // one d3 for Plot and the page
      const array = await import(join(npm, "d3-array@3.2.5/dist/d3-array.mjs"));
      expect(array.sum([1, 2, 3])).toBe(6);
      expect(existsSync(join(npm, "htl@0.3.1/src/index.js"))).toBe(true);
      const parse = await import(join(npm, "isoformat@0.2.1/src/parse._esm.js"));
      expect(parse.default("2023-06-01")).toBeInstanceOf(Date);
      expect(existsSync(join(npm, "@observablehq/inputs@0.12.0/dist/index.css"))).toBe(true);
      expect(existsSync(join(npm, `d3@${OFFLINE_VERSION}`))).toBe(false);
      expect(existsSync(join(npm, `lodash@${OFFLINE_VERSION}`))).toBe(true);
    } finally {
      await rm(page, {recursive: true, force: true});
    }
  });

  it("names the page when it imports a package that is not installed, or at a version that is not", async () => {
    const page = await mkdtemp(join(tmpdir(), "planwatch-npm-"));
    try {
      await mkdir(join(page, "src"));
      await writeFile(join(page, "src", "x.md"), '```js\nimport x from "npm:not-a-package";\n```\n');
      await expect(seedNpmCache({root: join(page, "src"), projectDir: PROJECT_DIR})).rejects.toThrow(
        "页面 src/x.md 引用了 npm:not-a-package,但没有安装 not-a-package:请把它加入 package.json(npm i -E not-a-package)"
      );
      await writeFile(join(page, "src", "x.md"), '```js\nimport {html} from "npm:htl@0.2";\n```\n');
      await expect(seedNpmCache({root: join(page, "src"), projectDir: PROJECT_DIR})).rejects.toThrow(
        "页面 src/x.md 引用了 npm:htl@0.2,但已安装的 htl 是 0.3.1"
      );
    } finally {
      await rm(page, {recursive: true, force: true});
    }
  });
});
