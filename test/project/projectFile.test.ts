import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readProjectSpec} from "../../pipelines/project/projectFile.js";
import {siteConfig, siteContext} from "../../pipelines/site-data/siteConfig.js";
import {copyProject} from "../helpers/cli.js";

describe("the project file's pages", () => {
  let dir = "";
  const write = (spec: unknown) => writeFile(join(dir, "planwatch.config.json"), JSON.stringify(spec));
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-pages-"));
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it.each([
    [[{name: "分析", path: "/analysis"}]],
    [[{name: "分组", open: false, pages: [{name: "甲", path: "/a/b"}]}]],
    [[]]
  ])("accepts Framework's shape: %j", async (pages) => {
    await write({pages});
    expect(readProjectSpec(dir).pages).toEqual(pages);
  });

  it.each([
    [{name: "分析", path: "/analysis"}, '字段 "pages" 无效:应为页面的列表'],
    [[{path: "/analysis"}], '字段 "pages" 无效:第 1 项: 缺少 "name"'],
    [[{name: "分析", path: "analysis"}], '第 1 项: "path" 应为站内路径'],
    [[{name: "分析", path: "/analysis.md"}], '第 1 项: "path" 应为站内路径'],
    [[{name: "分析", path: "/../x"}], '第 1 项: "path" 应为站内路径'],
    [[{name: "分析", path: "/a", title: "x"}], '第 1 项: 未知字段 "title"'],
    [[{name: "组", pages: []}], '第 1 项: "pages" 应为非空的页面列表'],
    [[{name: "组", pages: [{name: "甲"}]}], '第 1 项的第 1 个页面: "path" 应为站内路径'],
    [
      [{name: "组", open: "yes", pages: [{name: "甲", path: "/a"}]}],
      '第 1 项: "open" 和 "collapsible" 应为 true 或 false'
    ]
  ])("refuses %j in Chinese", async (pages, message) => {
    await write({pages});
    expect(() => readProjectSpec(dir)).toThrow(message);
  });
});

describe("pages through the project file in the site's sidebar", () => {
  let tmp = "";
  let project = "";
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-pages-"));
    project = await copyProject(join(tmp, "project"));
    await mkdir(join(project, "src", "analysis"), {recursive: true});
    await writeFile(join(project, "src", "analysis.md"), "# 分析\n");
    await writeFile(join(project, "src", "analysis", "quiet.md"), "---\nindex: false\n---\n# 安静\n");
  });
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  it("adds them before the quality page, and leaves to Framework's index the pages it indexes", async () => {
    const pages = [
      {name: "分析", path: "/analysis"},
      {name: "组", pages: [{name: "安静", path: "/analysis/quiet"}]}
    ];
    await writeFile(join(project, "planwatch.config.json"), JSON.stringify({pages}));
    const context = await siteContext({projectDir: project});
    const sidebar = siteConfig(context).pages.map((p) => p.name);
    expect(sidebar.slice(sidebar.indexOf("分析"), sidebar.indexOf("数据质量"))).toEqual(["分析", "组"]);
    expect(context.search.some((e) => e.path === "/analysis")).toBe(false); // Framework's own: MiniSearch refuses twice
    expect(context.search.some((e) => e.path === "/guide")).toBe(true);
  });

  it("refuses a page that the site does not have", async () => {
    await writeFile(join(project, "planwatch.config.json"), JSON.stringify({pages: [{name: "缺", path: "/missing"}]}));
    await expect(siteContext({projectDir: project})).rejects.toThrow(
      '字段 "pages" 中的页面 "缺" 找不到:应有 src/missing.md'
    );
  });
});
