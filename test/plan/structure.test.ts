import {describe, expect, it} from "vitest";
import {isPageFurniture, planLines} from "../../pipelines/plan/structure.js";

describe("planLines", () => {
  it("cuts a page flattened to one line before each mark a space sets off after a stop or a short heading", () => {
    const text =
      "某县2031年方案\n一、工作任务 (一)动员阶段(5月) 各乡镇制定方案。 二、时间安排 (一)总结阶段(11月) 各乡镇报送总结。";
    const lines = planLines(text).filter((l) => l.line.trim());
    expect(lines.map((l) => [l.section, l.item, l.opens, l.line])).toEqual([
      [0, 0, null, "某县2031年方案"],
      [1, 0, "section", "一、工作任务"],
      [1, 1, "item", "(一)动员阶段(5月) 各乡镇制定方案。"],
      [2, 0, "section", "二、时间安排"],
      [2, 1, "item", "(一)总结阶段(11月) 各乡镇报送总结。"]
    ]);
    // offsets stay those of the text
    for (const l of lines) expect(text.slice(l.offset, l.offset + l.line.length)).toBe(l.line);
  });

  it("reads a group mark printed 〔一〕, as some copies print (一), on its own line and run on after a space", () => {
    const text =
      "某县2031年工作计划 一、打造乡村样板 〔一〕针对短板问题,突出重点。推进设施建设。 〔二〕提升效能。抓好开放。";
    const lines = planLines(text).filter((l) => l.line.trim());
    expect(lines.map((l) => [l.section, l.item, l.opens, l.line])).toEqual([
      [0, 0, null, "某县2031年工作计划"],
      [1, 0, "section", "一、打造乡村样板"],
      [1, 1, "item", "〔一〕针对短板问题,突出重点。推进设施建设。"],
      [1, 2, "item", "〔二〕提升效能。抓好开放。"]
    ]);
  });

  it("cuts a flattened page before a numbered item (1., (1)) a space sets off after a stop or a short heading", () => {
    const text =
      "某镇2031年方案 一、重点任务 1.推进城市建设 (1)完成道路建设。 (2)加强公共设施建设。 2.强化乡村振兴 (1)制定规划。";
    const lines = planLines(text).filter((l) => l.line.trim());
    expect(lines.map((l) => [l.section, l.item, l.opens, l.line])).toEqual([
      [0, 0, null, "某镇2031年方案"],
      [1, 0, "section", "一、重点任务"],
      [1, 1, "item", "1.推进城市建设"],
      [1, 1, null, "(1)完成道路建设。"],
      [1, 1, null, "(2)加强公共设施建设。"],
      [1, 2, "item", "2.强化乡村振兴"],
      [1, 2, null, "(1)制定规划。"]
    ]);
    for (const l of lines) expect(text.slice(l.offset, l.offset + l.line.length)).toBe(l.line);
  });

  it("cuts a page run on without spaces before its sections and items, numbered in turn, after a stop or a heading", () => {
    const text =
      "某校2031年工作计划一、背景分析2031年是关键之年。二、工作重点1.加强思想建设。深入开展教育。2.提升师德素养。全面推行考核,增长1.5个百分点。";
    const lines = planLines(text);
    expect(lines.map((l) => [l.section, l.item, l.opens, l.line])).toEqual([
      [0, 0, null, "某校2031年工作计划"],
      [1, 0, "section", "一、背景分析2031年是关键之年。"],
      [2, 0, "section", "二、工作重点"],
      [2, 1, "item", "1.加强思想建设。深入开展教育。"],
      [2, 2, "item", "2.提升师德素养。全面推行考核,增长1.5个百分点。"]
    ]);
    for (const l of lines) expect(text.slice(l.offset, l.offset + l.line.length)).toBe(l.line);
  });

  it("cuts a page flattened to one line without spaces before its group marks in turn and the notes run on after a stop", () => {
    const intro = "为做好创建工作,根据总体部署,结合本行业实际情况,制定本方案。".repeat(4);
    const text =
      `某局创建工作实施方案${intro}实施专项整治工作(一)建筑工地整治要求施工企业做到围档施工。牵头领导:某副局长责任部门:建工科、安全站` +
      "(二)小街巷整治对路面坑洼开展专项整治。牵头领导:某副局长责任部门:城建科(三)道路绿化养护做好树木修剪工作。";
    const lines = planLines(text);
    expect(lines.slice(1).map((l) => [l.section, l.item, l.opens, l.line])).toEqual([
      [0, 1, "item", "(一)建筑工地整治要求施工企业做到围档施工。"],
      [0, 1, null, "牵头领导:某副局长责任部门:建工科、安全站"],
      [0, 2, "item", "(二)小街巷整治对路面坑洼开展专项整治。"],
      [0, 2, null, "牵头领导:某副局长责任部门:城建科"],
      [0, 3, "item", "(三)道路绿化养护做好树木修剪工作。"]
    ]);
    for (const l of lines) expect(text.slice(l.offset, l.offset + l.line.length)).toBe(l.line);
    // a shorter line's marks are a sub-list of its sentence
    const short = "某局方案\n做好以下工作。(一)修剪树木。(二)清扫街道。";
    expect(planLines(short).map((l) => l.line)).toEqual(short.split("\n"));
  });

  it("leaves a line with one section mark, or marks out of turn, as it is", () => {
    const text = "一、工作任务\n做好三项工作。一、二、三产业协调发展。二是加强管理。2.提升质量。";
    expect(planLines(text).map((l) => l.line)).toEqual(text.split("\n"));
  });

  it("reads a page whose paragraphs are joined by Р (a copy site's paragraph sign) as lines", () => {
    const text = "四、实施步骤Р第一阶段启动阶段。各村制定方案。Р五、保障措施Р(一)加强领导。成立领导小组。";
    const lines = planLines(text);
    expect(lines.map((l) => [l.section, l.opens, l.line])).toEqual([
      [4, "section", "四、实施步骤"],
      [4, "item", "第一阶段启动阶段。各村制定方案。"],
      [5, "section", "五、保障措施"],
      [5, "item", "(一)加强领导。成立领导小组。"]
    ]);
    for (const l of lines) expect(text.slice(l.offset, l.offset + l.line.length)).toBe(l.line);
  });

  it("reads a section's stages (第一阶段…) as its items, in turn; inside an item they are its text", () => {
    const text =
      "四、实施步骤\n第一阶段启动阶段。各村制定方案。\n第二阶段:整治阶段(5月)\n五、保障措施\n(一)加强领导\n第一阶段成立小组。\n";
    expect(planLines(text).map((l) => [l.section, l.item, l.opens])).toEqual([
      [4, 0, "section"],
      [4, 1, "item"],
      [4, 2, "item"],
      [5, 0, "section"],
      [5, 1, "item"],
      [5, 1, null],
      [5, 1, null]
    ]);
    expect(planLines(text)[2]!.body).toBe("第二阶段:".length);
  });

  it("cuts a flattened page before a section mark a space sets off after an unclosed sentence (a comma)", () => {
    const text = "某乡2031年工作要点 全年目标:增长10%, 一、做强产业 1.做大茶产业。建设茶叶基地。";
    expect(planLines(text).map((l) => [l.section, l.item, l.opens, l.line])).toEqual([
      [0, 0, null, "某乡2031年工作要点 全年目标:增长10%,"],
      [1, 0, "section", "一、做强产业"],
      [1, 1, "item", "1.做大茶产业。建设茶叶基地。"]
    ]);
  });

  it("reads a chunk's number opening a line that goes on a sentence cut mid-word (高度 / 2、高残农药) as no item", () => {
    const text =
      "一、做强产业\n1.做大做强茶产业。依托茶业,建设好茶叶基地,创立茶叶品牌。坚决禁用高度\n2、高残农药,实现无公害茶叶。\n2.改造农田。\n";
    expect(planLines(text).map((l) => [l.item, l.opens])).toEqual([
      [0, "section"],
      [1, "item"],
      [1, null],
      [2, "item"],
      [2, null]
    ]);
  });

  it("reads a chunk's number before a mark no sentence opens on (增长16.5 / 2、%;…) as no item", () => {
    const text = "一、工作回顾\n1、全年地区生产总值增长16.5\n2、%;全社会固定资产投资159.75亿元。\n2.改造农田。\n";
    expect(planLines(text).map((l) => [l.item, l.opens])).toEqual([
      [0, "section"],
      [1, "item"],
      [1, null],
      [2, "item"],
      [2, null]
    ]);
  });

  it("leaves a mark inside a sentence (text before it, no stop) on its line", () => {
    const text = "一、工作任务\n各乡镇要做好以下工作,包括 (一)制定方案和 (二)报送总结。";
    expect(planLines(text).map((l) => l.line)).toEqual(text.split("\n"));
  });

  it("reads a copy that opens on an item after a table rule or a page note in section 0", () => {
    const text = "|\n[接上页] (五)加强报告工作 各地要按期报送。 四、时间安排 (一)动员阶段(5月) 各乡镇制定方案。";
    const items = planLines(text).filter((l) => l.opens === "item");
    expect(items.map((l) => [l.section, l.item])).toEqual([
      [0, 5],
      [4, 1]
    ]);
  });

  it("an item's mark on a line of its own is no page note", () => {
    expect(["|", " | ", "[接上页]", "(续上页)"].every(isPageFurniture)).toBe(true);
    expect(["(一)", "(5)", "[1]", "接上页"].some(isPageFurniture)).toBe(false);
  });
});
