import {execFileSync} from "node:child_process";
import {mkdtemp, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {expect, test} from "vitest";
import {cacheSidebarScripts, clearSidebarScripts} from "../../pipelines/run/sidebarScripts.js";
import {PROJECT_DIR} from "../helpers/cli.js";

/** Renders three pages (two in one folder) with Framework's sidebar and search, as JSON; the same source runs in a fresh process. */
const RENDER = `
const {normalizeConfig} = await import("@observablehq/framework/dist/config.js");
const {renderPage} = await import("@observablehq/framework/dist/render.js");
const {parseMarkdown} = await import("@observablehq/framework/dist/markdown.js");
const config = normalizeConfig({root: ROOT, footer: "", search: true, pages: [{name: "甲", path: "/units/a"}, {name: "乙", path: "/units/b"}]});
const pages = [];
for (const path of ["/units/a", "/units/b", "/index", "/units/a"]) {
  pages.push(await renderPage(parseMarkdown("# 页 " + path, {...config, path}), {...config, path}));
}
`;
const CACHE = Symbol.for("planwatch.sidebarScripts");

test("Framework bundles the sidebar's scripts once per folder, and renders the same pages", async () => {
  const root = await mkdtemp(join(tmpdir(), "planwatch-sidebar-"));
  try {
    const source = RENDER.replace("ROOT", JSON.stringify(root));
    // A fresh process, where Framework bundles both scripts for every page.
    const fresh = execFileSync(
      process.execPath,
      ["--input-type=module", "-e", `${source}\nprocess.stdout.write(JSON.stringify(pages));`],
      {cwd: PROJECT_DIR, encoding: "utf8"}
    );
    cacheSidebarScripts();
    cacheSidebarScripts(); // twice: one hook
    clearSidebarScripts();
    const {normalizeConfig} = (await import("@observablehq/framework/dist/config.js" as string)) as {
      normalizeConfig(spec: object): Record<string, unknown>;
    };
    const {renderPage} = (await import("@observablehq/framework/dist/render.js" as string)) as {
      renderPage(page: unknown, options: object): Promise<string>;
    };
    const {parseMarkdown} = (await import("@observablehq/framework/dist/markdown.js")) as unknown as {
      parseMarkdown(input: string, options: object): unknown;
    };
    const config = normalizeConfig({
      root,
      footer: "",
      search: true,
      pages: [
        {name: "甲", path: "/units/a"},
        {name: "乙", path: "/units/b"}
      ]
    });
    const pages: string[] = [];
    for (const path of ["/units/a", "/units/b", "/index", "/units/a"])
      pages.push(await renderPage(parseMarkdown("# 页 " + path, {...config, path}), {...config, path}));

    expect(JSON.stringify(pages)).toBe(fresh);
    // Two scripts, bundled for two folders (/units/ and /), not for four pages.
    const scripts = (globalThis as {[CACHE]?: Map<string, unknown>})[CACHE];
    expect([...(scripts?.keys() ?? [])].map((k) => (JSON.parse(k) as string[]).slice(-1)[0])).toEqual([
      "/units/",
      "/units/",
      "/",
      "/"
    ]);
    clearSidebarScripts();
    expect(scripts?.size).toBe(0);
  } finally {
    await rm(root, {recursive: true, force: true});
  }
});
