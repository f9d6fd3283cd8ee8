import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {readPlanDocument} from "../../pipelines/plan/readPlanDocument.js";
import {extractTargets} from "../../pipelines/targets/extractTargets.js";
import {extractTasks} from "../../pipelines/tasks/extractTasks.js";
import {PROJECT_DIR} from "../helpers/cli.js";

// Word documents of one shape each, written by test/fixtures/plans/documents/shapes/makeDocx.mjs
const SHAPES = join(PROJECT_DIR, "test", "fixtures", "plans", "documents", "shapes");
const read = async (name: string) => (await readPlanDocument(join(SHAPES, name))).text;

describe("docxText: revisions and hidden text", () => {
  it("reads what the document shows: insertions and moved-to text, not deletions, moved-from text or hidden runs", async () => {
    const text = await read("revisions.docx");
    expect(text).toBe(
      [
        "某市2031年教育工作要点",
        "一、学前教育",
        "1.新建幼儿园50所,新增学位1.5万个。",
        "2.实施学前教育普及普惠工程。",
        "3.培育省级示范幼儿园10所。",
        "4.普惠性幼儿园在园幼儿占比达到90%以上。",
        "",
        "二、义务教育",
        "5.新改扩建义务教育学校20所。",
        ""
      ].join("\n")
    );
    expect(extractTargets(text).map((t) => [t.id, t.value])).toEqual([
      ["1.1a", 50],
      ["1.1b", 15000],
      ["1.3a", 10],
      ["1.4a", 90],
      ["2.5a", 20]
    ]);
  });
});

describe("docxText: fields", () => {
  it("reads a field's result, never its code, and leaves a table of contents out (it repeats the headings)", async () => {
    const text = await read("fields.docx");
    expect(text).not.toMatch(/PAGE|TOC|HYPERLINK|REF|_Toc/);
    expect(text.match(/一、学前教育/g)).toHaveLength(1);
    expect(text).toContain("1.新建幼儿园50所(见第3页)。\n2.建设学前教育资源平台。\n二、义务教育\n3.新改扩建学校20所。");
    expect(extractTasks(text).items.map((i) => [i.item_id, i.title])).toEqual([
      ["1.1", "新建幼儿园50所(见第3页)"],
      ["1.2", "建设学前教育资源平台"],
      ["2.3", "新改扩建学校20所"],
      ["2.4", "完成第一季度的校舍安全排查"]
    ]);
  });
});

describe("docxText: text boxes, content controls, links and smart tags", () => {
  it("reads a text box once (its VML fallback repeats it)", async () => {
    const text = await read("textbox.docx");
    expect(text.match(/新增普惠性学位1\.2万个/g)).toHaveLength(1);
    expect(text).toContain("3.建成智慧幼儿园100所。");
  });

  it("reads content controls at every level: block, run, table row and cell", async () => {
    const text = await read("controls.docx");
    expect(text).toContain(
      "2.培训幼儿园教师3000人次。\n3.建设学前教育资源平台2031年6月底前上线。\n4.普惠性幼儿园覆盖率达到92%。"
    );
    expect(text).toContain(
      [
        "序号 | 重点任务 | 牵头单位 | 完成时限",
        "1 | 新建义务教育学校20所。 | 市教育局 | 2031年12月底前",
        "2 | 建设市级数字教育资源库。 | 市教育局 | 2031年9月底前",
        "3 | 推进学校标准化建设。 | 各区县教育局 | 2031年6月底前"
      ].join("\n")
    );
    const tasks = extractTasks(text).tasks.filter((t) => t.item_id.startsWith("2."));
    expect(tasks.map((t) => [t.lead, t.deadline])).toEqual([
      ["市教育局", "2031-12"],
      ["市教育局", "2031-09"],
      ["各区县教育局", "2031-06"]
    ]);
  });

  it("reads a ruby's base, not its reading; a symbol and a soft hyphen are no text", async () => {
    const text = await read("characters.docx");
    expect(text).toContain("5.开展幼小衔接行动。");
    expect(text).toContain("3.实施“十五五-学前教育”计划。\n4.建成智慧幼儿园100所。");
    expect(text).toContain("1.新建幼儿园50所\n2.培训幼儿园教师3000人次。");
  });
});

describe("docxText: headers, footers and notes", () => {
  it("leaves out the page header, the footer's page number and the footnotes: they are not the plan's text", async () => {
    const text = await read("notes.docx");
    expect(text).toBe("某市2031年教育工作要点\n一、学前教育\n1.新建幼儿园50所。\n2.培训幼儿园教师3000人次。\n");
  });
});

describe("docxText: merged and nested table cells", () => {
  it("gives every row of a merged 牵头单位 or 完成时限 cell its value, and keeps columns under a cell spanning two", async () => {
    const text = await read("merged.docx");
    expect(text).toContain(
      [
        "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限",
        "1 | 出台学前教育三年行动计划。 | 市教育局 | 市发改委 | 2031年6月底前",
        "2 | 建设市级数字教育资源库。 | 市教育局 | 市财政局 | 2031年9月底前",
        "3 | 推进普惠性幼儿园建设。 | 市教育局 | 各区县政府 | 2031年12月底前",
        "4 | 推进义务教育学校标准化建设。 | 各区县教育局 | 市住建局 | 2031年12月底前",
        "5 | 实施课后服务提质行动。 | 各区县教育局 |  | 2031年8月底前",
        "6 | 开展校园安全专项整治。 | 市教育局、市公安局 |  | 2031年10月底前",
        "7 | 实施教师队伍建设工程。 | 市教育局 市人社局 |  | 2031年11月底前"
      ].join("\n")
    );
    expect(text).not.toContain("删去的任务"); // a row deleted as a tracked change
    // two offices in two paragraphs of one cell are parted by a space (the owners' reader takes them as one name yet)
    const tasks = extractTasks(text).tasks.filter((t) => t.item_id.startsWith("1.") && t.item_id !== "1.7");
    expect(tasks.map((t) => [t.item_id, t.lead, t.deadline])).toEqual([
      ["1.1", "市教育局", "2031-06"],
      ["1.2", "市教育局", "2031-09"],
      ["1.3", "市教育局", "2031-12"],
      ["1.4", "各区县教育局", "2031-12"],
      ["1.5", "各区县教育局", "2031-08"],
      ["1.6", "市教育局", "2031-10"]
    ]);
  });

  it("reads a one-cell table (a frame, a 专栏 box) as its paragraphs, and a table inside a cell within the cell", async () => {
    const text = await read("nested.docx");
    expect(text).toContain(
      "某市2031年教育工作要点\n一、学前教育\n1.新建幼儿园50所。\n2.培训幼儿园教师3000人次。\n专栏1 义务教育重点工程\n3.新改扩建学校20所。\n4.新增学位3万个。\n"
    );
    expect(text).toContain("1 | 建设市级数字教育资源库。子任务 资源1000条 平台 上线 | 市教育局 | 2031年12月底前");
    expect(extractTargets(text).map((t) => [t.id, t.value])).toEqual([
      ["1.1a", 50],
      ["1.2a", 3000],
      ["1.3a", 20],
      ["1.4a", 30000],
      ["2.0a", 1000]
    ]);
  });
});

describe("docxText: list numbering", () => {
  it("numbers 一、/(一)/1./(1) levels, counts two w:num of one list as one list, and writes a legal level in digits", async () => {
    const text = await read("lists.docx");
    expect(text).toBe(
      [
        "某市2031年教育工作要点",
        "一、学前教育",
        "（一）扩大普惠资源",
        "1.新建幼儿园50所。",
        "2.新增学位1.5万个。",
        "（1）其中公办学位1万个。",
        "（二）提升保教质量",
        "1.培训幼儿园教师3000人次。",
        "二、义务教育",
        "（一）优化学校布局",
        "1.新改扩建学校20所。",
        "一、高中教育",
        "1.1 新建普通高中3所。",
        "1.2 普通高中在校生达到8万人。",
        ""
      ].join("\n")
    );
  });
});
