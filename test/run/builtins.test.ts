import {execFile} from "node:child_process";
import {mkdir, mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {promisify} from "node:util";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ingestSample} from "../../pipelines/sample/ingestSample.js";
import {type SiteSession, openSite} from "../helpers/browser.js";
import {PROJECT_DIR, copyProject} from "../helpers/cli.js";

/** A page as Framework's documentation writes one: its built-ins with no import, a CSV, JSON, and SQL. */
const ANALYSIS = `---
title: 分析示例
sql:
  t: ./analysis/units.csv
---

# 分析示例

\`\`\`js
const rows = await FileAttachment("analysis/units.csv").csv({typed: true});
const targets = await FileAttachment("data/targets.json").json();
const threshold = view(Inputs.range([0, 100], {label: "阈值", step: 1, value: 50}));
\`\`\`

\`\`\`js
display(html\`<p id="total">合计 \${d3.sum(rows, (d) => d.value)},目标 \${targets.length} 项</p>\`);
display(Plot.plot({marks: [Plot.barY(rows, {x: "unit", y: "value"}), Plot.ruleY([threshold])]}));
\`\`\`

\`\`\`sql id=top
SELECT unit, value FROM t ORDER BY value DESC LIMIT 1
\`\`\`

\`\`\`js
display(html\`<p id="sql-result">\${top.get(0).unit}:\${top.get(0).value}</p>\`);
\`\`\`
`;

const UNITS_CSV = "unit,value\n上城区,30\n拱墅区,70\n西湖区,45\n";

/** Runs the copy's \`planwatch build\` with no network at all (\`unshare -n\`, as root). */
async function buildOffline(project: string): Promise<{code: number; stderr: string; seconds: number}> {
  const started = performance.now();
  try {
    const {stderr} = await promisify(execFile)(
      "unshare",
      ["-n", process.execPath, join(PROJECT_DIR, "pipelines", "planwatch.js"), "build"],
      {cwd: project, env: {...process.env, PLANWATCH_PROJECT: project}, maxBuffer: 64 * 1024 * 1024}
    );
    return {code: 0, stderr, seconds: (performance.now() - started) / 1000};
  } catch (error) {
    const e = error as {code?: number; stderr?: string};
    return {code: typeof e.code === "number" ? e.code : 1, stderr: e.stderr ?? "", seconds: 0};
  }
}

describe("a page in Framework's own idioms, added through the project file, built offline", () => {
  let tmp = "";
  let project = "";
  let site: SiteSession | undefined;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-builtins-"));
    project = await copyProject(join(tmp, "project"));
    await ingestSample({projectDir: project, dataDir: join(project, "data")});
    await mkdir(join(project, "src", "analysis"));
    await writeFile(join(project, "src", "analysis.md"), ANALYSIS);
    await writeFile(join(project, "src", "analysis", "units.csv"), UNITS_CSV);
    const file = join(project, "planwatch.config.json");
    const spec = JSON.parse(await readFile(file, "utf8")) as object;
    await writeFile(file, JSON.stringify({...spec, pages: [{name: "分析示例", path: "/analysis"}]}, null, 2));
    const {code, stderr, seconds} = await buildOffline(project);
    if (code !== 0) throw new Error(stderr);
    console.log(`builtins: the test project built offline in ${seconds.toFixed(1)} s`);
    site = await openSite(join(project, "dist"));
  });
  afterAll(async () => {
    await site?.close();
    await rm(tmp, {recursive: true, force: true});
  });

  it("links the page from the sidebar", async () => {
    const index = await readFile(join(project, "dist", "index.html"), "utf8");
    const sidebar = /<nav id="observablehq-sidebar">.*?<\/nav>/s.exec(index)![0];
    expect(sidebar).toMatch(/<a href="\.\/analysis\.html">分析示例<\/a>/);
  });

  it("renders Plot, d3, Inputs, html, FileAttachment and a sql block with no error and no failed request", async () => {
    const {page, problems, responses} = await site!.open("analysis.html", 1200);
    await page.waitForSelector("#sql-result", {timeout: 120_000});
    expect(await page.textContent("#sql-result")).toBe("拱墅区:70");
    expect(await page.textContent("#total")).toMatch(/^合计 145,目标 \d+ 项$/);
    expect(await page.locator('svg[class^="plot-"] rect').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('input[type="range"]').count()).toBe(1);
    // On a loaded machine (load average 16 on 2 cores) Chromium once reported DuckDB's engine request as
    // ERR_ABORTED although the engine was served and the query ran: cause not found, tolerated here alone.
    const aborted = /^requestfailed: \S+\/duckdb-(eh|mvp)\.wasm net::ERR_ABORTED$/;
    expect(problems.filter((p) => !aborted.test(p))).toEqual([]);
    // Responses are recorded from before the page loads: the engine's may come before `open` returns.
    if (problems.length) expect(responses.filter((r) => /^200 \S+\/duckdb-(eh|mvp)\.wasm$/.test(r))).not.toEqual([]);
    await page.close();
  });

  it("fails with one Chinese line naming the page and a package it imports that is not installed", async () => {
    await writeFile(join(project, "src", "broken.md"), '# 坏页\n\n```js\nimport x from "npm:not-a-package";\n```\n');
    try {
      const {code, stderr} = await buildOffline(project);
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        "planwatch: npm_cache: 页面 src/broken.md 引用了 npm:not-a-package," +
          "但没有安装 not-a-package:请把它加入 package.json(npm i -E not-a-package)"
      );
    } finally {
      await rm(join(project, "src", "broken.md"));
    }
  });
});
