import {createMarkdownIt, parseMarkdown} from "@observablehq/framework/dist/markdown.js";
import {describe, expect, it} from "vitest";
import {pageTitles, titlePlugin} from "../../pipelines/site-data/pageTitles.js";

const PAGE = "---\nindex: false\n---\n\n```js\nconst name = observable.params.unit;\n```\n\n# ${name}\n\n正文\n";

describe("each parameterized page's own title", () => {
  const titles = pageTitles({
    sections: [{section: 6, title: "六、扩大优质教育资源供给,推进教育共同富裕"}] as never,
    units: [{code: "330106", name: "西湖区"}] as never,
    offices: [{code: "xjc", name: "宣传教育处"}] as never,
    targets: [{id: "6.1b", indicator: "新增学位"}] as never
  });

  it("names the unit, office, section and target", () => {
    expect(Object.fromEntries(titles)).toEqual({
      "/sections/6": "六、扩大优质教育资源供给",
      "/units/330106": "西湖区",
      "/offices/xjc": "宣传教育处",
      "/targets/6-1b": "6.1b 新增学位"
    });
  });

  it("Framework takes the title from the plugin's hidden h1; the page renders as before", () => {
    const md = createMarkdownIt({markdownIt: titlePlugin(titles)});
    const page = parseMarkdown(PAGE, {md, path: "/units/330106", params: {unit: "330106"}});
    expect(page.title).toBe("西湖区");
    const plain = parseMarkdown(PAGE, {
      md: createMarkdownIt(),
      path: "/units/330106",
      params: {unit: "330106"}
    });
    expect(page.body).toBe(plain.body);
    expect(page.body).not.toContain("西湖区");
    const other = parseMarkdown("# 总览\n", {md, path: "/index"});
    expect(other.title).toBe("总览");
  });
});
