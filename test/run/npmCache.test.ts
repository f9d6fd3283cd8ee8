import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {OFFLINE_VERSION, findNpmImports, seedNpmCache} from "../../pipelines/run/npmCache.js";
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

  it("names the package when a page imports one that is not installed", async () => {
    await expect(seedNpmCache({root, projectDir: PROJECT_DIR, packages: ["no-such-package-here"]})).rejects.toThrow(
      /npm:no-such-package-here .*not installed/
    );
  });
});
