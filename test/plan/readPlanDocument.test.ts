import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import JSZip from "jszip";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {PlanwatchError} from "../../pipelines/core/error.js";
import {MAX_PLAN_CHARACTERS} from "../../pipelines/core/readLimits.js";
import {readPlanDocument} from "../../pipelines/plan/readPlanDocument.js";
import {extractTargets} from "../../pipelines/targets/extractTargets.js";
import {extractTasks} from "../../pipelines/tasks/extractTasks.js";
import {PROJECT_DIR} from "../helpers/cli.js";

const DOCUMENTS = join(PROJECT_DIR, "test", "fixtures", "plans", "documents");
const SEED = join(PROJECT_DIR, "seeds", "hangzhou-edu-2023-work-plan.txt");
const doc = (name: string) => join(DOCUMENTS, name);

/** What a target is, leaving out where it is: id, value, unit, comparator. */
const targetKeys = (text: string) =>
  extractTargets(text).map((t) => ({
    id: t.id,
    value: t.value,
    value_max: t.value_max,
    unit: t.unit,
    comparator: t.comparator
  }));
/** What a task is, leaving out where it is. */
const taskKeys = (text: string) => extractTasks(text).tasks.map((t) => `${t.task_id} ${t.verb} ${t.deadline}`);

describe("readPlanDocument: the seed as a bureau publishes it", () => {
  let seed = "";
  beforeAll(async () => {
    seed = await readFile(SEED, "utf8");
  });

  it.each([
    ["seed.docx", "docx"],
    ["seed.pdf", "pdf"],
    ["seed.html", "html"]
  ])("%s gives the seed's 33 targets and 34 work items, as the .txt does", async (name, format) => {
    const document = await readPlanDocument(doc(name));
    expect(document.format).toBe(format);
    const targets = targetKeys(document.text);
    expect(targets).toHaveLength(33);
    expect(targets).toEqual(targetKeys(seed));
    const {items} = extractTasks(document.text);
    expect(items).toHaveLength(34);
    expect(items.map((i) => [i.item_id, i.title])).toEqual(extractTasks(seed).items.map((i) => [i.item_id, i.title]));
    expect(taskKeys(document.text)).toEqual(taskKeys(seed));
  });

  it("the .docx gives the seed's lines exactly", async () => {
    const {text} = await readPlanDocument(doc("seed.docx"));
    expect(text.split("\n").map((l) => l.trimEnd())).toEqual(`${seed.trimEnd()}\n`.split("\n").map((l) => l.trimEnd()));
  });

  it("the .pdf rejoins the lines the page width broke: each paragraph of the seed is one line", async () => {
    const {text} = await readPlanDocument(doc("seed.pdf"));
    const squeeze = (t: string) =>
      t
        .split("\n")
        .map((l) => l.replace(/\s+/g, ""))
        .filter(Boolean);
    expect(squeeze(text)).toEqual(squeeze(seed));
  });

  it("the web page gives the article alone: no navigation, breadcrumb, visit count, footer or script", async () => {
    const {text} = await readPlanDocument(doc("seed.html"));
    expect(text.split("\n")[0]).toBe("杭州市教育局关于印发2023年工作要点的通知");
    for (const chrome of [
      "当前位置",
      "首页",
      "浏览次数:1234",
      "浙ICP备",
      "备案",
      "版权所有",
      "访问者",
      "统计代码",
      "分享到",
      "相关链接"
    ])
      expect(text).not.toContain(chrome);
    expect(text).not.toMatch(/新建学校100所|新建学校30所|新增学位5万个/);
  });
});

describe("readPlanDocument: Word's own structure", () => {
  it("renders the numbers Word generates for a numbered list", async () => {
    const {text} = await readPlanDocument(doc("numbered.docx"));
    expect(text).toBe("某市2031年工作要点\n一、教育\n1.新建学校5所。\n2.培训教师1000人次。\n");
    expect(extractTargets(text).map((t) => t.id)).toEqual(["1.1a", "1.2a"]);
  });

  it("keeps a table's rows and cells: the task table gives one task per row", async () => {
    const {text} = await readPlanDocument(doc("task-table.docx"));
    expect(text).toContain("序号 | 重点任务 | 牵头单位 | 完成时限\n1 | 出台学前教育三年行动计划");
    const {items, tasks} = extractTasks(text);
    expect(items.map((i) => i.item_id)).toEqual(["1.1", "1.2", "1.3"]);
    expect(tasks.map((t) => [t.item_id, t.text, t.deadline])).toEqual([
      ["1.1", "出台学前教育三年行动计划,明确普惠性幼儿园建设任务", "2031-06"],
      ["1.2", "建设市级数字教育资源库", "2031-12"],
      ["1.3", "推进义务教育学校标准化建设", "2031-12"]
    ]);
  });
});

describe("readPlanDocument: a PDF whose glyphs map to Kangxi radicals", () => {
  it("folds ⼯ and ⽤ to 工 and 用", async () => {
    const {text} = await readPlanDocument(doc("kangxi.pdf"));
    expect(text).not.toMatch(/[\u2f00-\u2fdf]/);
    expect(text).toContain("某市2031年工作要点");
    expect(text).toContain("用于扩大学位供给");
    expect(extractTargets(text).map((t) => [t.id, t.indicator])).toEqual([
      ["1.1a", "新建学校"],
      ["1.2a", "培训教师工作人员"]
    ]);
  });
});

describe("readPlanDocument: formats it cannot read", () => {
  let tmp = "";
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-docs-"));
  });
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  const refusal = async (file: string) => {
    const error = await readPlanDocument(file).then(
      () => null,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(PlanwatchError);
    expect((error as PlanwatchError).code).toBe("unsupported_plan_format");
    expect((error as PlanwatchError).message).toContain(file);
    expect((error as PlanwatchError).message).toContain("请在 WPS 或 Word 中另存为 .docx 或 .txt 后重试");
    return (error as PlanwatchError).message;
  };

  it("a Word 97-2003 .doc, named so or .wps (WPS saves the same compound file)", async () => {
    expect(await refusal(doc("numbered.doc"))).toContain("Word 97-2003");
    const wps = join(tmp, "plan.wps");
    await writeFile(wps, await readFile(doc("numbered.doc")));
    await refusal(wps);
  });

  it("a Word 97-2003 file named .docx or with no extension says it is a .doc (told by its WordDocument stream)", async () => {
    for (const name of ["plan.docx", "plan"]) {
      const file = join(tmp, name);
      await writeFile(file, await readFile(doc("numbered.doc")));
      expect(await refusal(file)).toContain("是Word 97-2003 文档(.doc)");
    }
  });

  it("a Word 2003 XML document (w:wordDocument), named .xml or .doc", async () => {
    expect(await refusal(doc("numbered-2003.xml"))).toContain("是Word 2003 XML 文档");
    const named = join(tmp, "plan.doc");
    await writeFile(named, await readFile(doc("numbered-2003.xml")));
    expect(await refusal(named)).toContain("是Word 2003 XML 文档");
  });

  it("an OFD (a zip holding OFD.xml)", async () => {
    const ofd = join(tmp, "plan.ofd");
    const zip = new JSZip();
    zip.file("OFD.xml", '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>');
    await writeFile(ofd, await zip.generateAsync({type: "uint8array"}));
    expect(await refusal(ofd)).toContain("OFD");
  });

  it("a plain text file is read as before", async () => {
    const {text, format} = await readPlanDocument(SEED);
    expect(format).toBe("text");
    expect(text).toBe(await readFile(SEED, "utf8"));
  });
});

describe("readPlanDocument: a text too large to be a plan", () => {
  let tmp = "";
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-docs-"));
  });
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  // 200,000 short items took `tasks extract` minutes; anything over the limit is refused before it is read
  it("refuses one over MAX_PLAN_CHARACTERS with plan_too_large, naming the file, its size and the limit", async () => {
    const seed = await readFile(SEED, "utf8");
    const file = join(tmp, "plans.txt");
    const text = seed.repeat(Math.ceil((MAX_PLAN_CHARACTERS + 1) / seed.length)).slice(0, MAX_PLAN_CHARACTERS + 1);
    await writeFile(file, text);
    const error = await readPlanDocument(file).then(
      () => null,
      (e: unknown) => e
    );
    expect(error).toBeInstanceOf(PlanwatchError);
    expect((error as PlanwatchError).code).toBe("plan_too_large");
    expect((error as PlanwatchError).message).toBe(
      `${file}: 计划文本共 1,000,001 字,超过 1,000,000 字的上限(一份工作计划通常不足十万字):请确认选对了文件,汇编多份计划时请分别建立项目`
    );
    await writeFile(file, text.slice(0, MAX_PLAN_CHARACTERS));
    expect((await readPlanDocument(file)).text).toHaveLength(MAX_PLAN_CHARACTERS);
  });
});
