import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {PlanwatchError} from "../../pipelines/core/index.js";
import {type PageLine, brokenRows, repeatedHeaders} from "../../pipelines/plan/pdfText.js";
import {readPlanDocument} from "../../pipelines/plan/readPlanDocument.js";
import {extractTargets} from "../../pipelines/targets/extractTargets.js";
import {extractTasks} from "../../pipelines/tasks/extractTasks.js";
import {PROJECT_DIR} from "../helpers/cli.js";

// PDFs printed by Chromium from HTML, written by test/fixtures/plans/documents/shapes/makePdfs.mjs
const SHAPES = join(PROJECT_DIR, "test", "fixtures", "plans", "documents", "shapes");
const read = async (name: string) => (await readPlanDocument(join(SHAPES, name))).text;

const ITEMS = [
  "一、学前教育",
  "1.新建幼儿园50所,新增学位1.5万个,进一步扩大普惠性学前教育资源供给,优化城乡幼儿园布局,着力解决入园难问题。",
  "2.培训幼儿园教师3000人次,实施幼儿园教师全员轮训,提升保教人员专业能力和保育教育质量,推进学前教育优质均衡发展。",
  "3.普惠性幼儿园在园幼儿占比达到90%以上,公办幼儿园在园幼儿占比达到55%以上,健全学前教育成本分担机制。"
];
const filler = (n: number, from: number) =>
  Array.from(
    {length: n},
    (_, i) =>
      `${i + from}.推进教育数字化转型,建设智慧校园${10 + i}所,完善教育公共服务平台功能,推动优质数字教育资源共建共享,提升师生数字素养与技能,促进信息技术与教育教学深度融合。`
  );
const MORE = [
  "二、义务教育",
  "10.新改扩建义务教育学校20所,新增学位3万个,统筹推进城镇学校扩容和乡村学校改善,有效缓解城区大班额问题。",
  "11.义务教育巩固率保持在99%以上,完善控辍保学工作机制,健全家庭经济困难学生资助体系,确保适龄儿童少年应学尽学。",
  "12.实施课后服务提质行动,课后服务覆盖率达到100%,丰富课后服务内容,满足学生多样化学习需求,减轻学生家庭负担。"
];
const PLAN = [...ITEMS, ...filler(6, 4), ...MORE];
const lines = (text: string) => text.split("\n").filter(Boolean);

describe("pdfText: what a page repeats is not the plan's text", () => {
  it("leaves out a running header (the title atop every page) and page numbers -3-, and joins a sentence the page broke", async () => {
    const text = await read("running.pdf");
    expect(lines(text)).toEqual(["某市2031年教育工作要点", ...PLAN, ...filler(8, 13)]);
  });

  it("leaves out the header and footer a browser prints on a web page (date and title, address and page 1/3)", async () => {
    const text = await read("browser.pdf");
    expect(lines(text)).toEqual(["某市2031年教育工作要点", ...PLAN, ...filler(8, 13)]);
  });

  it("leaves out page numbers 第1页 共2页, whose 页 the font maps to the radical ⻚", async () => {
    const text = await read("columns.pdf");
    expect(text).not.toMatch(/第\s*\d+\s*[页⻚]/);
  });

  it("leaves out page numbers — 3 — after a 红头 first page, and keeps the notice, the plan and the 抄送 block", async () => {
    const text = await read("redhead.pdf");
    expect(text).not.toMatch(/—\s*\d+\s*—/);
    const all = lines(text);
    expect(all.slice(0, 2)).toEqual(["某市教育局文件", "某教发〔2031〕5号"]);
    expect(all.slice(all.indexOf("某市2031年教育工作要点") + 1, all.indexOf("三、重点任务分解"))).toEqual(PLAN);
    expect(all.at(-2)).toBe("抄送:市委教育工委,市政府办公厅,省教育厅。");
    expect(extractTargets(text).map((t) => t.value)).toEqual(extractTargets(PLAN.join("\n")).map((t) => t.value));
  });
});

describe("pdfText: a ruled table across pages", () => {
  it("reads a row the page broke (its cells go on atop the next page, under the repeated header) as one row", async () => {
    const text = await read("split.pdf");
    const rows = lines(text).filter((l) => l.includes(" | "));
    const LONG = "统筹城乡学校布局调整和资源配置,健全督导评估机制,确保各项措施落地见效,";
    expect(rows).toEqual([
      "序号 | 重点任务 | 牵头单位 | 完成时限",
      ...Array.from(
        {length: 16},
        (_, i) =>
          `${i + 1} | 推进第${i + 1}项教育重点工作,${LONG}${LONG}完善相关制度机制,按时保质完成年度任务。 | ${i % 2 ? "市教育局" : "各区县教育局、市财政局"} | 2031年${(i % 12) + 1}月底前`
      )
    ]);
    const {tasks} = extractTasks(text);
    expect(tasks.map((t) => [t.lead, t.deadline])).toEqual(
      Array.from({length: 16}, (_, i) => [
        i % 2 ? "市教育局" : "各区县教育局",
        `2031-${String((i % 12) + 1).padStart(2, "0")}`
      ])
    );
  });

  it("reads each row as a line of its cells (a cell's wrapped lines run together), its header once", async () => {
    const text = await read("redhead.pdf");
    const rows = lines(text).filter((l) => l.includes(" | "));
    expect(rows).toHaveLength(25);
    expect(rows[0]).toBe("序号 | 重点任务 | 牵头单位 | 完成时限");
    expect(rows[1]).toBe(
      "1 | 推进第1项教育重点工作,完善相关制度机制,按时保质完成年度任务。 | 各区县教育局 | 2031年1月底前"
    );
    const tasks = extractTasks(text).tasks.filter((t) => t.item_id.startsWith("3."));
    expect(tasks.map((t) => [t.item_id, t.lead, t.deadline])).toEqual(
      Array.from({length: 24}, (_, i) => [
        `3.${i + 1}`,
        i % 2 ? "市教育局" : "各区县教育局",
        `2031-${String((i % 12) + 1).padStart(2, "0")}`
      ])
    );
  });
});

describe("pdfText: a ruled table's cells merged over rows", () => {
  it("gives each row of a merged 牵头单位 or 完成时限 cell its text, though the text wraps across the rows", async () => {
    const text = await read("rowspan.pdf");
    expect(extractTasks(text).tasks.map((t) => [t.item_id, t.lead, t.deadline, t.deadline_source])).toEqual([
      ["1.1", "市教育局", "2031-06", "table"],
      ["1.2", "市教育局", "2031-12", "table"],
      ["1.3", "市教育局", "2031-12", "table"],
      ["1.4", "各区县教育局", "2031-09", "table"]
    ]);
  });
});

describe("pdfText: a task table printed without borders", () => {
  const rows = (n: number) =>
    Array.from({length: n}, (_, i) => [
      `0.${i + 1}`,
      i % 2 ? "市教育局" : "各区县教育局",
      `2031-${String(i + 1).padStart(2, "0")}`
    ]);
  it("reads its columns from the space between them, cells centred in their rows, across two pages (Chromium)", async () => {
    const text = await read("borderless.pdf");
    expect(lines(text).slice(0, 4)).toEqual([
      "某市教育局2031年重点任务分解表",
      "为抓好年度重点工作落实,现将重点任务分解如下,各责任单位要细化措施,按时完成。",
      "序号 | 重点任务 | 牵头单位 | 完成时限",
      "1 | 推进第1项教育重点工作,完善相关制度机制,按时保质完成年度任务。 | 各区县教育局 | 2031年1月底前"
    ]);
    expect(lines(text).at(-1)).toBe(
      "各牵头单位每季度末向局办公室报送推进情况,局办公室汇总后通报全局,确保各项任务按期完成、取得实效。"
    );
    const {tasks} = extractTasks(text);
    expect(tasks.map((t) => [t.item_id, t.lead, t.deadline])).toEqual(rows(12));
    expect(tasks[2]!.text).toBe(
      "推进第3项教育重点工作,统筹城乡学校布局调整和资源配置,健全督导评估机制,确保各项措施落地见效,完善相关制度机制,按时保质完成年度任务"
    );
  });
  it("parts rows set at their top with no space between them (LibreOffice, from a Word table without borders)", async () => {
    const text = await read("borderless-lo.pdf");
    expect(lines(text)).toContain(
      "3 | 推进第3项教育重点工作,统筹城乡学校布局调整和资源配置,按时保质完成年度任务。 | 各区县教育局 | 2031年3月底前"
    );
    expect(extractTasks(text).tasks.map((t) => [t.item_id, t.lead, t.deadline])).toEqual(rows(8));
  });
});

describe("pdfText: two columns", () => {
  it("reads the left column, then the right one, under the title across both", async () => {
    const text = await read("columns.pdf");
    expect(lines(text)).toEqual(["某市2031年教育工作要点", ...PLAN]);
    expect(extractTasks(text).items).toHaveLength(12);
  });
});

describe("pdfText: a table LibreOffice printed (borders stroked, not filled)", () => {
  it("keeps the cells after one spanning two columns under their headers, and parts a cell's two paragraphs", async () => {
    const text = await read("merged.pdf");
    expect(text).toContain("6 | 开展校园安全专项整治。 | 市教育局、市公安局 |  | 2031年10月底前\n");
    expect(text).toContain("7 | 实施教师队伍建设工程。 | 市教育局 市人社局 |  | 2031年11月底前\n");
    const tasks = extractTasks(text).tasks.filter((t) => Number(t.item_id.split(".")[1]) <= 6);
    expect(tasks.map((t) => [t.item_id, t.lead, t.deadline])).toEqual([
      ["1.1", "市教育局", "2031-06"],
      ["1.2", "市教育局", "2031-09"],
      ["1.3", "市教育局", "2031-12"],
      ["1.4", "各区县教育局", "2031-12"],
      ["1.5", "各区县教育局", "2031-08"],
      ["1.6", "市教育局", "2031-10"]
    ]);
  });
});

describe("pdfText: a division plan and a list Word numbers, printed by LibreOffice (lists-lo.pdf)", () => {
  it("ends an item's short line above its 责任单位 line on a page of short lines only, and joins a hanging item's lines", async () => {
    const text = await read("lists-lo.pdf");
    expect(lines(text)).toEqual([
      "某区2031年重点工作任务分解方案",
      "一、主要预期目标",
      "(一)地区生产总值增长7%以上",
      "责任单位:区发展和改革局",
      "(二)规上工业增加值增长12%以上",
      "责任单位:区科技和经信局",
      "(三)固定资产投资增长10%以上",
      "责任单位:区发展和改革局",
      "4.社会消费品零售总额增长9%左右。",
      "牵头单位:区商务局",
      "二、重点工作",
      "1.推进课程思政一体化建设。用好本地红色史馆、自然生态、大型企业、体育基地、新农村建设示范村等优质社会资源,拓展实践育人大课堂,形成育人合力,全年开展主题活动120场次以上。",
      "2.新建学校5所。"
    ]);
    const task = extractTasks(text).tasks.find((t) => t.text.startsWith("社会消费品"));
    expect([task?.text, task?.lead]).toEqual(["社会消费品零售总额增长9%左右", "区商务局"]);
  });
});

describe("pdfText: a PDF whose text cannot be read says why, naming the file", () => {
  const refusal = async (name: string) => {
    const file = join(SHAPES, name);
    const error = await readPlanDocument(file).then(
      () => null,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(PlanwatchError);
    expect((error as PlanwatchError).code).toBe("invalid_plan");
    expect((error as PlanwatchError).message).toContain(file);
    return (error as PlanwatchError).message;
  };

  it("fonts with no Unicode map (no /ToUnicode): the text would be noise", async () => {
    expect(await refusal("cid.pdf")).toContain("乱码");
  });

  it("a scan (a page's picture, no text layer) and a PDF with a password to open it", async () => {
    expect(await refusal("scan.pdf")).toContain("扫描件");
    expect(await refusal("encrypted.pdf")).toContain("已加密");
  });
});

describe("pdfText's rows a page broke", () => {
  const row = (y: number, ...cells: string[]): PageLine => ({y, size: 10, pieces: [], cells, row: cells.join(" | ")});
  const rows = (pages: PageLine[][]) => brokenRows(repeatedHeaders(pages)).map((page) => page.map((l) => l.row));

  it("joins each row a page broke to its row, though two such go on in the same words", () => {
    const pages = [
      [row(700, "序号", "重点任务", "牵头单位"), row(100, "1", "推进学校建设,完善", "市教育局")],
      [row(700, "", "配套设施等工作", ""), row(100, "2", "推进医院建设,完善", "市卫健委")],
      [row(700, "", "配套设施等工作", ""), row(600, "3", "推进道路建设", "市交通局")]
    ];
    expect(rows(pages)).toEqual([
      ["序号 | 重点任务 | 牵头单位", "1 | 推进学校建设,完善配套设施等工作 | 市教育局"],
      ["2 | 推进医院建设,完善配套设施等工作 | 市卫健委"],
      ["3 | 推进道路建设 | 市交通局"]
    ]);
  });

  it("still drops the header row a table repeats atop a page", () => {
    const pages = [
      [row(700, "序号", "重点任务", "牵头单位"), row(100, "1", "推进学校建设", "市教育局")],
      [row(700, "序号", "重点任务", "牵头单位"), row(600, "2", "推进医院建设", "市卫健委")]
    ];
    expect(rows(pages)).toEqual([
      ["序号 | 重点任务 | 牵头单位", "1 | 推进学校建设 | 市教育局"],
      ["2 | 推进医院建设 | 市卫健委"]
    ]);
  });
});
