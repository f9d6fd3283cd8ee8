import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {readPlanDocument} from "../../pipelines/plan/readPlanDocument.js";
import {extractTargets} from "../../pipelines/targets/extractTargets.js";
import {extractTasks} from "../../pipelines/tasks/extractTasks.js";
import {PROJECT_DIR} from "../helpers/cli.js";

// one plan as government sites' templates publish it, written by test/fixtures/plans/documents/shapes/makePages.mjs
const SHAPES = join(PROJECT_DIR, "test", "fixtures", "plans", "documents", "shapes");
const read = async (name: string) => (await readPlanDocument(join(SHAPES, name))).text;

const TITLE = "某市教育局关于印发2031年教育工作要点的通知";
const BODY = [
  "各区县教育局,局属各单位:",
  "现将《某市2031年教育工作要点》印发给你们,请结合实际认真贯彻落实。",
  "一、学前教育",
  "1.新建幼儿园50所,新增学位1.5万个。(牵头单位:市教育局)",
  "2.培训幼儿园教师3000人次。",
  "二、义务教育",
  "3.新改扩建学校20所。",
  "4.义务教育巩固率保持在99%以上。"
];
const TABLE = [
  "序号 | 重点任务 | 牵头单位 | 完成时限",
  "1 | 出台学前教育三年行动计划。 | 市教育局 | 2031年6月底前",
  "2 | 建设市级数字教育资源库。 | 市教育局 | 2031年12月底前"
];
const TARGETS = [
  ["1.1a", 15000 / 300],
  ["1.1b", 15000],
  ["1.2a", 3000],
  ["2.3a", 20],
  ["2.4a", 99]
];
/** Every site's chrome the pages hold: none of it is the plan's text. */
const CHROME =
  /当前位置|首页|政务公开|发布|来源|作者|浏览|访问量|点击数|阅读量|字体|字号|打印|关闭|返回顶部|分享|微信|扫一扫|相关|索引号|主办单位|ICP|版权|document\.write|\.doc|\.pdf|\.xls/;

describe("htmlText: the article of a government page, whatever its template", () => {
  it.each([
    ["zoom.html", "#zoom, paragraphs in <div>s (GBK by http-equiv)", BODY],
    [
      "trs.html",
      ".TRS_Editor, <div>s and a task table (meta charset=gbk)",
      [...BODY, ...TABLE, "某市教育局", "2031年2月18日"]
    ],
    ["layout.html", "layout tables, paragraphs parted by <br> (gb2312)", [...BODY, ...TABLE]],
    ["govcn.html", ".pages_content after a 公开信息 table", BODY],
    ["article.html", "HTML5 <article>", BODY],
    ["inline.html", "details and buttons among the paragraphs", BODY]
  ])("%s (%s): the title, then the article's lines, no chrome", async (name, _, lines) => {
    const text = await read(name);
    expect(text.replace(/，/g, ",").replace(/«|»/g, (c) => (c === "«" ? "《" : "》"))).toBe(
      [TITLE, ...lines, ""].join("\n")
    );
    expect(text.split("\n").slice(1).join("\n")).not.toMatch(CHROME);
    expect(extractTargets(text).map((t) => [t.id, t.value])).toEqual(TARGETS);
  });

  it("a task table in a layout table's cell is read as a table", async () => {
    const {tasks} = extractTasks(await read("layout.html"));
    expect(tasks.filter((t) => t.deadline_source === "table").map((t) => [t.text, t.lead, t.deadline])).toEqual([
      ["出台学前教育三年行动计划", "市教育局", "2031-06"],
      ["建设市级数字教育资源库", "市教育局", "2031-12"]
    ]);
  });
});

describe("htmlText: a table's merged cells", () => {
  it("gives each row of a rowspan cell its text and follows a colspan cell with empty ones; a section row is a line", async () => {
    const {htmlText} = await import("../../pipelines/plan/htmlText.js");
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某市2031年重点任务分解表</title></head><body>
<div class="article"><h1>某市2031年重点任务分解表</h1><table>
<tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>
<tr><td colspan="5">一、学前教育</td></tr>
<tr><td>1</td><td>新建幼儿园50所。</td><td rowspan="2">市教育局</td><td>市发改委</td><td>2031年6月底前</td></tr>
<tr><td rowspan="2">2</td><td>推进义务教育学校标准化建设。</td><td>市住建局</td><td>2031年9月底前</td></tr>
<tr><td>完善资助体系。</td><td colspan="2">市财政局、市民政局</td><td>2031年10月底前</td></tr>
</table></div></body></html>`;
    const text = await htmlText(new TextEncoder().encode(page), {file: "分解表.html"});
    expect(text.split("\n").slice(1, -1)).toEqual([
      "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限",
      "一、学前教育",
      "1 | 新建幼儿园50所。 | 市教育局 | 市发改委 | 2031年6月底前",
      "2 | 推进义务教育学校标准化建设。 | 市教育局 | 市住建局 | 2031年9月底前",
      "2 | 完善资助体系。 | 市财政局、市民政局 |  | 2031年10月底前"
    ]);
    expect(extractTasks(text).tasks.map((t) => [t.task_id, t.lead, t.partners, t.deadline])).toEqual([
      ["1.1-t1", "市教育局", ["市发改委"], "2031-06"],
      ["1.2-t1", "市教育局", ["市住建局"], "2031-09"],
      ["1.2-t2", "市财政局", ["市民政局"], "2031-10"]
    ]);
  });
});

describe("htmlText: a page as it was saved", () => {
  const PARAGRAPHS = [
    "一、学前教育",
    "1.新建幼儿园50所,新增学位1.5万个,进一步扩大普惠性学前教育资源供给,优化城乡幼儿园布局。(牵头单位:市教育局;完成时限:2031年9月底前)",
    "2.培训幼儿园教师3000人次,实施幼儿园教师全员轮训,提升保教人员专业能力和保育教育质量,年底前完成。",
    "二、义务教育",
    "3.新改扩建义务教育学校20所,新增学位3万个,统筹推进城镇学校扩容和乡村学校改善,有效缓解城区大班额问题。",
    "4.义务教育巩固率保持在99%以上,完善控辍保学工作机制,健全家庭经济困难学生资助体系,确保适龄儿童少年应学尽学。",
    "5.实施课后服务提质行动,课后服务覆盖率达到100%,丰富课后服务内容,满足学生多样化学习需求,减轻学生家庭负担。"
  ];
  // an old template: the page a layout table of two cells, the site's menu beside the article, which is
  // one <div> of lines parted by <br> and indented by &nbsp;
  const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>某市2031年教育工作要点</title>
<script>var a = "<p>不是正文</p>";</script></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a></div>
<table width="980"><tr><td width="200"><a href="/">网站首页</a><br><a href="/jg">机构设置</a><br><a href="/ld">领导信息</a></td><td>
<div class="title">某市2031年教育工作要点</div><div class="info">发布时间:2031-02-18 来源:市教育局 浏览次数:123</div>
<div id="zoom">${PARAGRAPHS.map((p) => `&nbsp;&nbsp;&nbsp;&nbsp;${p}<br>`).join("")}</div>
</td></tr></table><div class="foot">版权所有:某市教育局 浙ICP备12345678号</div></body></html>`;

  it("a page saved in UTF-8 whose <meta> still names gb2312 is read as UTF-8", async () => {
    const {htmlText} = await import("../../pipelines/plan/htmlText.js");
    const text = await htmlText(new TextEncoder().encode(page), {file: "要点.html"});
    expect(text).toContain("某市2031年教育工作要点");
  });

  it("an article in the cell of a layout table beside the site's menu is read paragraph by paragraph", async () => {
    const {htmlText} = await import("../../pipelines/plan/htmlText.js");
    const {default: iconv} = await import("iconv-lite");
    const text = await htmlText(iconv.encode(page, "gbk"), {file: "要点.html"});
    expect(text.split("\n").filter(Boolean)).toEqual(["某市2031年教育工作要点", ...PARAGRAPHS]);
  });

  it("leaves out the attachments' links listed line by line (<br>), with the 附件: line above them", async () => {
    const {htmlText} = await import("../../pipelines/plan/htmlText.js");
    const listed = page.replace(
      "</div>\n</td>",
      '<br>附件:<br><a href="/f/1.doc">1.重点任务分解表.doc</a><br>2.<a href="/f/2.xls">指标表</a><br></div>\n</td>'
    );
    expect(listed).not.toBe(page);
    const text = await htmlText(new TextEncoder().encode(listed), {file: "要点.html"});
    expect(text.split("\n").filter(Boolean)).toEqual(["某市2031年教育工作要点", ...PARAGRAPHS]);
  });

  it("a short article (three lines) in the cell beside a menu of links is read paragraph by paragraph too", async () => {
    const {htmlText} = await import("../../pipelines/plan/htmlText.js");
    const short = page.replace(/(<div id="zoom">(?:[^<]*<br>){3})[^]*?<\/div>/, "$1</div>");
    expect(short).not.toBe(page);
    const text = await htmlText(new TextEncoder().encode(short), {file: "要点.html"});
    expect(text.split("\n").filter(Boolean)).toEqual(["某市2031年教育工作要点", ...PARAGRAPHS.slice(0, 3)]);
  });
});

describe("htmlText: a table cell of several paragraphs (cells.html)", () => {
  it("parts a cell's paragraphs as a Word cell's, so two offices stay two (县水务局 县住建局), and gives each its lead", async () => {
    const text = await read("cells.html");
    expect(text).toContain("1 | 新建人行天桥2座。 | 县水务局 县住建局 | 12月底前\n");
    expect(text).toContain("2 | 启动县图书馆新馆建设。 | 县文体局 县代建中心 | 9月底前\n");
    expect(extractTasks(text).tasks.map((t) => [t.lead, t.partners])).toEqual([
      ["县水务局", ["县住建局"]],
      ["县文体局", ["县代建中心"]]
    ]);
  });
});
