import {execFileSync} from "node:child_process";
import {readFile} from "node:fs/promises";
import {createRequire} from "node:module";
import {join} from "node:path";
import {expect, test} from "vitest";
import {shareJsdomWindow} from "../../pipelines/run/sharedJsdom.js";
import {PROJECT_DIR} from "../helpers/cli.js";

interface FrameworkHtml {
  parseHtml(html: string): {document: {defaultView: unknown; body: {innerHTML: string}}};
  rewriteHtml(html: string, resolvers: object): string;
  rewriteHtmlPaths(html: string, path: string): string;
  findAssets(html: string, path: string): Record<string, Set<string>>;
}

/** Framework's HTML functions over each fragment, as JSON; `OUTPUTS` is the same function's source for a fresh process. */
function outputs(html: FrameworkHtml, fragments: string[]): string {
  const resolvers = {
    resolveFile: (s: string) => "F" + s,
    resolveImport: (s: string) => "I" + s,
    resolveScript: (s: string) => "S" + s,
    resolveLink: (s: string) => "L" + s
  };
  return JSON.stringify(
    fragments.map((f) => [
      html.parseHtml(f).document.body.innerHTML,
      html.rewriteHtml(f, resolvers),
      html.rewriteHtmlPaths(f, "/units/330102"),
      Object.entries(html.findAssets(f, "/units/330102")).map(([k, v]) => [k, [...v]])
    ])
  );
}
const OUTPUTS = `const resolvers = {resolveFile: (s) => "F" + s, resolveImport: (s) => "I" + s, resolveScript: (s) => "S" + s,
  resolveLink: (s) => "L" + s};
const outputs = (html, fragments) => JSON.stringify(fragments.map((f) => [html.parseHtml(f).document.body.innerHTML,
  html.rewriteHtml(f, resolvers), html.rewriteHtmlPaths(f, "/units/330102"),
  Object.entries(html.findAssets(f, "/units/330102")).map(([k, v]) => [k, [...v]])]));`;

test("Framework parses every fragment into one window and writes the same HTML as with a window each", async () => {
  // Fragments with what Framework reads and rewrites: the overview's source, links, assets, scripts, code
  // to highlight, headings, cell roots and loading markers, tables, noscript, template, SVG.
  const fragments = [
    await readFile(join(PROJECT_DIR, "src/index.md"), "utf8"),
    `<h2 id="a">标题 <code>x</code></h2><a href="./units/330102">上城区</a><a href="https://e.org/">外</a>
<a href="../data/x.csv" download>下载</a><img src="./data/x.png" srcset="./a.png 1x, ./b.png 2x">
<script src="./components/site.js" type="module"></script><link rel="stylesheet" href="./style.css">
<pre><code class="language-js">const a = "<b>";\n// 注释</code></pre>
<observablehq-loading></observablehq-loading><!--:0a1b2c3d:--><p id="n" name="m">&amp; &lt;</p>
<table><tr><td>1<td>2</table><noscript><p>无脚本</p></noscript><template><i>t</i></template>
<svg><a href="#a"><text>s</text></a></svg>`
  ];
  // A fresh process, where Framework makes a window for each fragment.
  const fresh = execFileSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `${OUTPUTS}\nconst html = await import("@observablehq/framework/dist/html.js");\n` +
        `process.stdout.write(outputs(html, ${JSON.stringify(fragments)}));`
    ],
    {cwd: PROJECT_DIR, encoding: "utf8"}
  );

  shareJsdomWindow();
  shareJsdomWindow(); // twice: still one window
  const html = (await import("@observablehq/framework/dist/html.js" as string)) as FrameworkHtml;
  expect(outputs(html, fragments)).toBe(fresh);
  const window = html.parseHtml("<p>一</p>").document.defaultView;
  expect(html.parseHtml("<p>二</p>").document.defaultView).toBe(window);
  // Any other use of JSDOM still gets a window of its own.
  const jsdom = createRequire(createRequire(import.meta.url).resolve("@observablehq/framework/package.json"))(
    "jsdom"
  ) as {JSDOM: new (html: string, options?: object) => {window: unknown}};
  expect(new jsdom.JSDOM("<p>x</p>").window).not.toBe(window);
});
