import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {extractTasks} from "../../pipelines/tasks/extractTasks.js";
import {unwrapLines} from "../../pipelines/plan/unwrapLines.js";
import {planLines} from "../../pipelines/plan/structure.js";
import {actionVerb, readDeadline} from "../../pipelines/tasks/phrases.js";
import {PROJECT_DIR, runPlanwatch} from "../helpers/cli.js";

/** A minimal plan of the year 2031: section 三, item 2, with `body` after the item's title. */
const plan = (body: string) => `某市教育局2031年工作要点\n\n三、测试部分\n\n2.示范工作项。${body}\n`;
const texts = (body: string) => extractTasks(plan(body)).tasks.map((t) => t.text);

describe("extractTasks: one row per phrasing", () => {
  it.each([
    // deadlines
    ["年底前", "年底前出台课程实施方案。", "2031-12", "text"],
    ["N月底前", "6月底前完成学校布局评估。", "2031-06", "text"],
    ["Chinese month", "九月底前建成实验室。", "2031-09", "text"],
    ["N月前", "3月前启动校舍排查。", "2031-03", "text"],
    ["上半年", "上半年开展教师轮岗试点。", "2031-06", "text"],
    ["下半年", "下半年推进集团化办学。", "2031-12", "text"],
    ["季度", "第三季度完成评估。", "2031-09", "text"],
    ["秋季开学前", "秋季开学前建成3所学校。", "2031-08", "text"],
    ["春季开学前", "春季开学前完成食堂改造。", "2031-02", "text"],
    ["a year and month", "2032年3月底前完成验收。", "2032-03", "text"],
    ["a later year end", "到2033年建成智慧校园。", "2033-12", "text"],
    ["no deadline: the plan's year end", "深化课堂教学改革。", "2031-12", "year_end"],
    ["a date is not a deadline", "落实2031年4月21日印发的通知。", "2031-12", "year_end"],
    ["a day before which", "2031年12月31日前完成验收。", "2031-12", "text"],
    ["a day of the plan's year", "6月30日前出台方案。", "2031-06", "text"],
    ["a quarter without 第", "三季度完成评估。", "2031-09", "text"],
    ["a half of a later year", "2032年上半年建成实验室。", "2032-06", "text"],
    ["全年", "全年开展巡查。", "2031-12", "text"],
    ["持续推进 names no month", "持续推进集团化办学。", "2031-12", "year_end"],
    ["until a day (至)", "政策实施期限延长至2032年4月30日。", "2032-04", "text"],
    ["until a month (到)", "到2032年6月建成实验室。", "2032-06", "text"],
    ["from a day to a day", "2031年5月1日至2032年4月30日实施减免政策。", "2032-04", "text"],
    ["a span of months: the month it runs to", "2031年3-6月开展校舍排查。", "2031-06", "text"],
    ["a span of months with 至", "8月至11月开展集中攻坚。", "2031-11", "text"],
    ["a span of months into a later year", "2031年12月至2032年6月组织开展“回头看”。", "2032-06", "text"],
    ["a count of months (1-6月份) dates no work", "对照1-6月份指标推进集团化办学。", "2031-12", "year_end"],
    ["a part of a month (中旬前)", "10月中旬前完成评估。", "2031-10", "text"],
    ["a later year's end", "2032年底前完成验收。", "2032-12", "text"],
    ["每月 recurs: the plan's year end", "每月开展一次巡查。", "2031-12", "year_end"],
    ["每季度 recurs: the plan's year end", "每季度召开推进会。", "2031-12", "year_end"],
    ["a project's completion (竣工)", "预计2031年12月开工建设,2032年5月竣工。", "2032-05", "text"],
    ["a project's start (开工) is no deadline", "预计2032年1月开工建设。", "2031-12", "year_end"],
    ["a month a plan strives for, no year (确保6月开工)", "加快项目设计论证,确保6月开工建设。", "2031-06", "text"],
    ["a month's end that names no month, in a year's plan: none", "力争在月底完成泵站建设。", "2031-12", "year_end"]
  ] as const)("deadline, %s: %s", (_name, body, deadline, source) => {
    const [task] = extractTasks(plan(body)).tasks;
    expect({deadline: task!.deadline, source: task!.deadline_source}).toEqual({deadline, source});
  });

  it.each([
    ["推进", "稳步推进集团化办学。"],
    ["实施", "实施青少年阳光成长行动。"],
    ["建设", "建设一批精品课程。"],
    ["出台", "出台学前教育行动计划。"],
    ["完成", "完成年度评估。"],
    ["开展", "广泛开展研学活动。"],
    ["健全", "健全舆情处置机制。"]
  ])("verb %s: %s", (verb, body) => {
    const [task] = extractTasks(plan(body)).tasks;
    expect(task!.verb).toBe(verb);
    expect(task!.text).toBe(body.slice(0, -1));
  });

  it("a signature, its date, 抄送, 附件 and a print line after the last item are no tasks", () => {
    const text =
      "某县2031年工作要点\n\n一、重点工作\n\n1.推进示范建设。完成学校改造。\n\n2.开展专项整治。6月底前完成排查。\n\n" +
      "某县人民政府办公室\n\n2031年3月1日\n\n(此件公开发布)\n\n抄送:县委办公室,县人大常委会办公室。\n\n" +
      "附件:1.重点任务分解表\n     2.责任单位联系表\n\n某县人民政府办公室  2031年3月2日印发\n";
    const {items, tasks} = extractTasks(text);
    expect(items.map((i) => i.item_id)).toEqual(["1.1", "1.2"]);
    expect(tasks.map((t) => [t.task_id, t.text])).toEqual([
      ["1.1-t1", "完成学校改造"],
      ["1.2-t1", "6月底前完成排查"]
    ]);
  });

  it("全年 in a sentence spans the year: a table row's time-limit cell dates the task", () => {
    const text =
      "某市2031年重点任务分解表\n序号 | 重点任务 | 牵头单位 | 完成时限\n1 | 力争全年盘活存量土地400亩 | 市自然资源局 | 6月底前\n";
    expect(extractTasks(text).tasks.map((t) => [t.deadline, t.deadline_source, t.deadline_words])).toEqual([
      ["2031-06", "table", "6月底前"]
    ]);
    expect(extractTasks(plan("力争全年盘活存量土地400亩。")).tasks.map((t) => [t.deadline, t.deadline_source])).toEqual(
      [["2031-12", "text"]]
    );
  });

  it("a task cell of two paragraphs in a table copied one cell a paragraph gives a task each, led by the row's office", () => {
    const text =
      "某市2031年重点任务分解表\n\n序号\n\n重点任务\n\n牵头单位\n\n完成时限\n\n1\n\n推进示范建设,完成学校改造。\n\n开展教师培训。\n\n" +
      "市教育局\n\n6月底前\n\n2\n\n开展专项整治。\n\n市城管局\n\n年底前\n";
    expect(extractTasks(text).tasks.map((t) => [t.task_id, t.text, t.lead, t.deadline])).toEqual([
      ["0.1-t1", "推进示范建设,完成学校改造", "市教育局", "2031-06"],
      ["0.1-t2", "开展教师培训", "市教育局", "2031-06"],
      ["0.2-t1", "开展专项整治", "市城管局", "2031-12"]
    ]);
  });

  it("one task per action sentence, split at 。 and ;", () => {
    expect(texts("出台行动计划;建设资源库。开展教师培训!")).toEqual(["出台行动计划", "建设资源库", "开展教师培训"]);
  });

  it("a sentence without an action verb joins the task before it", () => {
    expect(texts("建设资源库。这是一项长期任务。开展培训。")).toEqual(["建设资源库。这是一项长期任务", "开展培训"]);
  });

  it("sentences without an action verb before any task are kept whole, joined to the first task", () => {
    expect(texts("这是目标。这是说明。")).toEqual(["这是目标。这是说明"]);
    expect(texts("这是目标。这是说明。开展培训。")).toEqual(["这是目标。这是说明。开展培训"]);
  });

  it("a numbered sub-list gives one task per entry, without its lead-in", () => {
    expect(texts("重点抓好三件事:一是出台行动计划,二是建设资源库,三是开展培训。")).toEqual([
      "一是出台行动计划",
      "二是建设资源库",
      "三是开展培训"
    ]);
    expect(texts("(一)完善制度;(二)健全机制。")).toEqual(["(一)完善制度", "(二)健全机制"]);
    expect(texts("主要有:(1)完善制度,(2)健全机制,(3)开展培训。")).toEqual([
      "(1)完善制度",
      "(2)健全机制",
      "(3)开展培训"
    ]);
    expect(texts("①出台方案②开展评估。")).toEqual(["①出台方案", "②开展评估"]);
  });

  it("a sub-list whose entries run over several sentences gives one task an entry; the sentences before it stay tasks", () => {
    expect(texts("出台行动计划。重点抓好:一是建设资源库。做到全覆盖。二是开展培训。")).toEqual([
      "出台行动计划",
      "一是建设资源库。做到全覆盖",
      "二是开展培训"
    ]);
  });

  it("牵头单位/责任单位 lines and a closing (责任科室:…) name offices, not tasks; a 完成时限 line dates the item's tasks", () => {
    const {tasks} = extractTasks(
      "某市2031年工作要点\n一、部分\n1.新建学校5所。\n牵头单位:市教育局\n责任单位:各区政府\n完成时限:2031年9月底前\n2.标题。出台方案;开展培训。(责任科室:办公室)\n"
    );
    expect(tasks.map((t) => [t.task_id, t.text, t.deadline, t.deadline_source])).toEqual([
      ["1.1-t1", "新建学校5所", "2031-09", "text"],
      ["1.2-t1", "出台方案", "2031-12", "year_end"],
      ["1.2-t2", "开展培训", "2031-12", "year_end"]
    ]);
  });

  it("compound labels (牵头责任单位, 主要协作单位, 配合责任单位) open note lines too: they name offices, not tasks", () => {
    const {tasks} = extractTasks(
      "某县2031年任务分解\n1.创建国家卫生县城。\n牵头责任单位:县卫健委、县民政局\n主要协作单位:各乡镇人民政府,县政府有关部门\n2.新增托位200个。\n主体责任单位:县教育局\n配合责任单位:县财政局\n"
    );
    expect(tasks.map((t) => [t.task_id, t.text, t.lead, t.partners])).toEqual([
      ["0.1-t1", "创建国家卫生县城", "县卫健委", ["县民政局", "各乡镇人民政府", "县政府有关部门"]],
      ["0.2-t1", "新增托位200个", "县教育局", ["县财政局"]]
    ]);
  });

  it("a task table whose cells spaces part (序号 任务 牵头领导 牵头单位 …): each numbered row an item, its offices read by content", () => {
    const {items, tasks} = extractTasks(
      "某县2031年重点工作进展表\n序号 重点工作任务 牵头  领导 牵头  责任单位 配合  责任单位 工作评价 进展情况\n" +
        "7 新建学校5所,改造校舍10所。 张  三 县教育局 各乡镇\n县开发区 达到时序进度 已开工3所\n" +
        "9 新增托位200个,推进医院建设。 李四 县卫健委 县卫健委 县财政局 已完成 完成备案\n"
    );
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["0.7", "新建学校5所"],
      ["0.9", "新增托位200个"]
    ]);
    expect(tasks.map((t) => [t.task_id, t.text, t.lead, t.partners])).toEqual([
      ["0.7-t1", "新建学校5所,改造校舍10所", "县教育局", ["各乡镇", "县开发区"]],
      ["0.9-t1", "新增托位200个,推进医院建设", "县卫健委", ["县财政局"]]
    ]);
  });

  it("a covering notice's own 一、二、 after 通知如下 or 以下要求 are no work items; the sections of the plan it sends are", () => {
    const notice =
      "某市人民政府办公室关于印发2031年工作方案的通知\n各区人民政府:\n现将《2031年工作方案》印发给你们,并就有关事项通知如下:\n" +
      "一、强化统筹。各单位要制订办理方案。\n二、强化督办。各单位要按季报送进展情况。\n";
    expect(extractTasks(notice).items).toEqual([]);
    // nor after 以下要求: the notice's requirements are announced so too
    const requirements =
      "某市人民政府办公厅关于印发2031年重点工作责任分解的通知\n各区人民政府:\n《2031年重点工作责任分解》已经市政府同意,现印发给你们,请结合以下要求认真贯彻执行。\n" +
      "一、各级各部门要提高站位,强化责任,确保各项年度目标任务圆满完成。\n二、责任分解中,列第一位的责任单位为牵头单位。\n";
    expect(extractTasks(requirements).items).toEqual([]);
    const withPlan = `${notice}某市人民政府办公室\n2031年工作方案\n一、推进项目建设。新建学校5所。\n二、提升服务水平。开展教师培训。\n`;
    expect(extractTasks(withPlan).tasks.map((t) => [t.task_id, t.text])).toEqual([
      ["0.1-t1", "新建学校5所"],
      ["0.2-t1", "开展教师培训"]
    ]);
    // a notice that sends no plan numbers the work itself
    const own =
      "某县关于做好2031年防汛工作的通知\n各乡镇:\n现就做好防汛工作通知如下:\n一、强化值守。落实24小时值班。\n";
    expect(extractTasks(own).tasks.map((t) => t.text)).toEqual(["落实24小时值班"]);
  });

  it("a closing bracket that names offices is no text of the task; its time limit dates the line's tasks", () => {
    const {tasks} = extractTasks(
      "某市2031年工作要点\n一、部分\n1.标题。出台方案;9月底前开展培训。(牵头单位:市教育局;完成时限:2031年6月底前)\n2.标题二。完成评估。(市教育局牵头,各区政府负责)\n"
    );
    expect(tasks.map((t) => [t.text, t.deadline, t.deadline_source])).toEqual([
      ["出台方案", "2031-06", "text"],
      ["9月底前开展培训", "2031-09", "text"],
      ["完成评估", "2031-12", "year_end"]
    ]);
  });

  it.each([
    ["at the line's end", "出台方案;开展培训。(環境及生態局)", ["出台方案", "开展培训"]],
    [
      "after each sentence",
      "出台方案(市教育局牵头)。开展培训(市体育局/市财政局);完成评估。",
      ["出台方案", "开展培训", "完成评估"]
    ],
    ["a short name inside the text stays", "建立市教育委员会(市教委)联席机制。", ["建立市教育委员会(市教委)联席机制"]],
    ["a list bullet is no text either", "- 出台方案(房屋局)", ["出台方案"]]
  ])("a closing bracket that names only offices is no text of the task, %s: %s", (_name, body, expected) => {
    expect(texts(body)).toEqual(expected);
  });

  it.each([
    ["学生有意愿参与率100%", null],
    ["巩固率达到98%", "达到"],
    ["组织学生参与志愿服务", "组织"],
    ["参与社区治理", "参与"]
  ])("a verb right before 率 names a rate, not an action: actionVerb(%s) = %s", (text, verb) => {
    expect(actionVerb(text)).toBe(verb);
  });

  it.each([
    ["改建3个社区市民健身中心", "改建"],
    ["扩建2所中学", "扩建"],
    ["充分盘活利用现有市场等闲置场地", "盘活"],
    ["为个体工商户提供便利经营场所", "提供"],
    ["裁员率放宽到上年度控制目标", "放宽"],
    ["按上年度缴纳失业保险费的30%返还", "返还"],
    ["更新健身器材100件", "更新"],
    ["领导小组每周编发二期工作简报", "编发"],
    ["协调县委编办", "协调"],
    ["增派执法人员", "增派"],
    ["充实执法队伍", "充实"]
  ])(
    "building, reusing, providing, relaxing, refunding, renewing, reporting and staffing are actions: actionVerb(%s) = %s",
    (text, verb) => {
      expect(actionVerb(text)).toBe(verb);
    }
  );

  it("a month's plan: a 月底 that names no month is its month's end; an item's label before a colon titles it", () => {
    const {items, tasks} = extractTasks(
      "区水利局2031年2月工作计划\n\n一、水利工程建设\n\n1.泵站工程:加快泵站工程建设进度,力争在月底完成泵站建设;\n\n2.完成扫尾工作;\n"
    );
    expect(items.map((i) => i.title)).toEqual(["泵站工程", "完成扫尾工作"]);
    expect(tasks.map((t) => [t.text, t.deadline, t.deadline_source])).toEqual([
      ["加快泵站工程建设进度,力争在月底完成泵站建设", "2031-02", "text"],
      ["完成扫尾工作", "2031-12", "year_end"]
    ]);
  });

  it.each([
    [
      "编发, 报送",
      "办公室要确定专人负责信息管理工作。领导小组每周编发工作简报,按期报送阶段报告。",
      ["办公室要确定专人负责信息管理工作", "领导小组每周编发工作简报,按期报送阶段报告"]
    ],
    [
      "协调, 增派, 充实",
      "部署开展进基层工作。连续协调县委编办增派执法人员驻中队工作,充实执法队伍力气。",
      ["部署开展进基层工作", "连续协调县委编办增派执法人员驻中队工作,充实执法队伍力气"]
    ]
  ])("reporting and coordinating are actions (%s): such a sentence is a task of its own", (_verbs, body, expected) => {
    expect(texts(body)).toEqual(expected);
  });

  it("a sentence that starts with 改建 is a task of its own, not joined to the next", () => {
    expect(texts("改建3个社区市民健身中心;新建(更新)健身苑点70个。")).toEqual([
      "改建3个社区市民健身中心",
      "新建(更新)健身苑点70个"
    ]);
  });

  it("a short line without punctuation or verb before an item names a group of items: not a task", () => {
    const {items, tasks} = extractTasks(
      "某市2031年工作要点\n一、部分\n1.标题。出台方案。\n地区事项统筹工作组\n2.改善市容:\n完成评估。\n"
    );
    expect(items.map((i) => i.title)).toEqual(["标题", "改善市容"]);
    expect(tasks.map((t) => [t.task_id, t.text])).toEqual([
      ["1.1-t1", "出台方案"],
      ["1.2-t1", "完成评估"]
    ]);
    // a verbless line with text after it in the same item still joins its task
    expect(texts("出台方案。\n全市统一部署\n开展培训。")).toEqual(["出台方案", "全市统一部署", "开展培训"]);
  });

  it("a first sentence with commas is a task and the title its first clause, unless a sub-list follows it", () => {
    const {items, tasks} = extractTasks(
      "某市2031年工作要点\n一、部分\n1.坚持防控措施,引导群众防护。开展爱国卫生运动。\n2.立足定位,推动扩容。一是建设新院区。二是支持新区。\n"
    );
    expect(items.map((i) => i.title)).toEqual(["坚持防控措施", "立足定位,推动扩容"]);
    expect(tasks.map((t) => t.text)).toEqual([
      "坚持防控措施,引导群众防护",
      "开展爱国卫生运动",
      "一是建设新院区",
      "二是支持新区"
    ]);
  });

  it("items numbered (一)(二) under 一、, and 1. items under (一) groups numbered on through the section", () => {
    const a = extractTasks(
      "某市2031年工作要点\n一、部分\n(一)深化改革\n出台方案。开展培训。\n(二)建设队伍。完成评估。\n"
    );
    expect(a.items.map((i) => [i.item_id, i.title])).toEqual([
      ["1.1", "深化改革"],
      ["1.2", "建设队伍"]
    ]);
    expect(a.tasks.map((t) => [t.task_id, t.text])).toEqual([
      ["1.1-t1", "出台方案"],
      ["1.1-t2", "开展培训"],
      ["1.2-t1", "完成评估"]
    ]);
    const b = extractTasks(
      "某市2031年工作要点\n一、部分\n(一)第一组\n这一组的说明。\n1.甲项。出台方案。\n2.乙项。开展培训。\n(二)第二组\n1.丙项。完成评估。\n二、下一部分\n1.丁项。建设基地。\n"
    );
    expect(b.items.map((i) => [i.item_id, i.title])).toEqual([
      ["1.1", "甲项"],
      ["1.2", "乙项"],
      ["1.3", "丙项"],
      ["2.1", "丁项"]
    ]);
    expect(b.tasks.map((t) => t.task_id)).toEqual(["1.1-t1", "1.2-t1", "1.3-t1", "2.1-t1"]);
    // a (一) inside a 1. item is the item's text
    const c = extractTasks("某市2031年工作要点\n一、部分\n1.甲项\n(一)出台方案。\n(二)开展培训。\n");
    expect(c.tasks.map((t) => [t.task_id, t.text])).toEqual([
      ["1.1-t1", "(一)出台方案"],
      ["1.1-t2", "(二)开展培训"]
    ]);
  });

  it.each([
    ["(1)", "(1)深化改革。出台方案。\n(2)建设队伍\n开展培训。\n"],
    ["1)", "1)深化改革。出台方案。\n2)建设队伍\n开展培训。\n"],
    ["full-width (1)", "(1)深化改革。出台方案。\n(2)建设队伍\n开展培训。\n"]
  ])("items numbered %s straight under 一、 are items; under a 1. item they are its text", (_name, body) => {
    const a = extractTasks(`某市2031年工作要点\n一、部分\n${body}二、第二\n1.丙项\n(1)出台方案。\n2)开展培训。\n`);
    expect(a.items.map((i) => [i.item_id, i.title])).toEqual([
      ["1.1", "深化改革"],
      ["1.2", "建设队伍"],
      ["2.1", "丙项"]
    ]);
    expect(a.tasks.map((t) => [t.task_id, t.text])).toEqual([
      ["1.1-t1", "出台方案"],
      ["1.2-t1", "开展培训"],
      ["2.1-t1", "(1)出台方案"],
      ["2.1-t2", "2)开展培训"]
    ]);
  });

  it.each([
    [
      "one cell per line",
      "序号\n重点任务\n牵头单位\n完成时限\n1\n出台行动计划;开展教师培训。\n市教育局\n2031年6月底前\n2\n建设资源库。\n市教育局\n年内\n"
    ],
    [
      "cells ending in |",
      "序号 |\n重点任务 |\n牵头单位 |\n完成时限 |\n1 |\n出台行动计划;开展教师培训。 |\n市教育局 |\n2031年6月底前 |\n2 |\n建设资源库。 |\n市教育局 |\n年内 |\n"
    ],
    [
      "one row per line",
      "序号 | 重点任务 | 牵头单位 | 完成时限\n1 | 出台行动计划;开展教师培训。 | 市教育局 | 2031年6月底前\n2 | 建设资源库。 | 市教育局 | 年内 |\n"
    ],
    [
      "cells parted by single spaces (a page that lost its table's rules)",
      "序号 重点任务 牵头单位 完成时限\n1 出台行动计划;开展教师培训。 市教育局 2031年6月底前\n2 建设资源库。 市教育局 年内\n"
    ],
    [
      "one cell a line between lines of a lone |",
      "|\n序号\n|\n重点任务\n|\n牵头单位\n|\n完成时限\n|\n|\n1\n|\n出台行动计划;开展教师培训。\n|\n市教育局\n|\n2031年6月底前\n|\n|\n2\n|\n建设资源库。\n|\n市教育局\n|\n年内\n|\n"
    ],
    [
      "its header in traditional characters glossed in pinyin (序號(hào))",
      "序號(hào) | 重點(diǎn)任務(wù) | 牽頭(tóu)單位 | 完成時(shí)限\n1 | 出台行动计划;开展教师培训。 | 市教育局 | 2031年6月底前\n2 | 建设资源库。 | 市教育局 | 年内\n"
    ]
  ])(
    "a task table (序号, 重点任务, 牵头单位, 完成时限), %s: a row is an item numbered by 序号, its time limit dates its tasks",
    (_name, table) => {
      const {items, tasks} = extractTasks(`某市2031年工作要点\n一、重点任务分解\n${table}`);
      expect(items.map((i) => [i.item_id, i.title])).toEqual([
        ["1.1", "出台行动计划"],
        ["1.2", "建设资源库"]
      ]);
      expect(tasks.map((t) => [t.task_id, t.text, t.deadline, t.deadline_source])).toEqual([
        ["1.1-t1", "出台行动计划", "2031-06", "table"],
        ["1.1-t2", "开展教师培训", "2031-06", "table"],
        ["1.2-t1", "建设资源库", "2031-12", "table"]
      ]);
    }
  );

  it("an assessment table printed one cell a line after bars: weights, scoring rules and time cells are no text, an office cell names the item's tasks", () => {
    const {items, tasks} = extractTasks(
      [
        "1. 做好城区道路养护工作(8分)",
        "| 提高道路完好率。(5分)",
        "| 完好率达到95%以上的得5分,每低1个百分点扣1分,直至不得分。",
        "| 11月30日",
        "| 养护处",
        "|",
        "路面坑槽48小时内修复的得2分,超时的不得分。",
        "|",
        "开展桥梁安全检测。(3分)",
        "| 完成全部桥梁检测的得3分;少检一座扣1分。",
        "|",
        "2. 做好路灯管理工作(2分)",
        "| 保持路灯亮灯率,及时修复故障灯。(2分)",
        "| 亮灯率98%以上的得2分,否则不得分。",
        "| 照明所",
        "|"
      ].join("\n") + "\n"
    );
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["0.1", "做好城区道路养护工作"],
      ["0.2", "做好路灯管理工作"]
    ]);
    expect(tasks.map((t) => [t.task_id, t.text, t.lead])).toEqual([
      ["0.1-t1", "提高道路完好率", "养护处"],
      ["0.1-t2", "开展桥梁安全检测", "养护处"],
      ["0.2-t1", "保持路灯亮灯率,及时修复故障灯", "照明所"]
    ]);
  });

  it("a fund table after a notice's own numbered lines: the rows are the items, 项目名称 titling, 建设内容 the task, a year cell dating it", () => {
    const {items, tasks} = extractTasks(
      [
        "各乡镇:",
        "现将2031年度乡村振兴专项资金下达给你们。",
        "1、各单位要加强资金管理,确保专款专用。",
        "2、项目完成后报县农业农村局备案。",
        "附件:2031年度专项资金分配表",
        "序号 | 项目类别 | 项目名称 | 建设内容 | 项目建设期限 | 资金分配(万元) | 责任单位 |",
        "1 | 基础设施 | 南山村道路硬化工程 | 硬化村道1.2公里。 | 2031 | 50 | 南山镇 |",
        "2 | 产业发展 | 北岭茶园提升工程 | 改造茶园200亩、新建加工房一座 | 2031 | 30 | 北岭乡 |"
      ].join("\n") + "\n"
    );
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["0.1", "南山村道路硬化工程"],
      ["0.2", "北岭茶园提升工程"]
    ]);
    expect(tasks.map((t) => [t.task_id, t.text, t.deadline, t.deadline_source, t.lead])).toEqual([
      ["0.1-t1", "硬化村道1.2公里", "2031-12", "table", "南山镇"],
      ["0.2-t1", "改造茶园200亩、新建加工房一座", "2031-12", "table", "北岭乡"]
    ]);
  });

  it.each([
    [
      "one row per line",
      [
        "序号 | 工作事项 | 进度安排 | 进展情况 | 完成情况 |",
        "1 | 建成城东体育馆。 | ①3月上旬前,完成方案设计。②6月底前,开工建设。③11月底前,完成主体工程。 | ①已完成。 | 推进中 |",
        "2 | 以改革为动力,壮大现代服务业。 | ⑴4月底前,出台扶持政策。⑵9月底前,组织开展兑现。 | ⑴正在起草。 | 推进中 |"
      ].join("\n")
    ],
    [
      "one cell a paragraph",
      [
        "序号",
        "工作事项",
        "进度安排",
        "进展情况",
        "1",
        "建成城东体育馆。",
        "①3月上旬前,完成方案设计。②6月底前,开工建设。③11月底前,完成主体工程。",
        "①已完成。",
        "2",
        "以改革为动力,壮大现代服务业。",
        "⑴4月底前,出台扶持政策。⑵9月底前,组织开展兑现。",
        "⑴正在起草。"
      ].join("\n\n")
    ]
  ])(
    "a table's arrangement cell of numbered steps (①…②…, ⑴…⑵…), each with its own time, %s: the work cell titles the row, each step is a task dated by its words",
    (_name, table) => {
      const {items, tasks} = extractTasks(`某县2031年度重点工作清单\n${table}\n`);
      expect(items.map((i) => [i.item_id, i.title])).toEqual([
        ["0.1", "建成城东体育馆"],
        ["0.2", "以改革为动力"]
      ]);
      expect(tasks.map((t) => [t.task_id, t.text, t.deadline, t.deadline_source])).toEqual([
        ["0.1-t1", "①3月上旬前,完成方案设计", "2031-03", "text"],
        ["0.1-t2", "②6月底前,开工建设", "2031-06", "text"],
        ["0.1-t3", "③11月底前,完成主体工程", "2031-11", "text"],
        ["0.2-t1", "⑴4月底前,出台扶持政策", "2031-04", "text"],
        ["0.2-t2", "⑵9月底前,组织开展兑现", "2031-09", "text"]
      ]);
    }
  );

  it("a time-limit cell that only names times (①3月底前②6月底前) stays the row's time limit: its work cell is the task", () => {
    const table = "序号 | 重点任务 | 完成时限 |\n1 | 建成城东体育馆。 | ①3月底前②6月底前 |\n";
    const {tasks} = extractTasks(`某县2031年度重点工作清单\n${table}`);
    expect(tasks.map((t) => [t.task_id, t.text, t.deadline_source])).toEqual([["0.1-t1", "建成城东体育馆", "table"]]);
  });

  it("a task's sentence of ⑴⑵ steps, each with its own time, gives a task a step, dated by its words", () => {
    expect(
      extractTasks(plan("推进场馆建设:⑴3月底前完成设计;⑵10月底前建成投用。")).tasks.map((t) => [
        t.text,
        t.deadline,
        t.deadline_source
      ])
    ).toEqual([
      ["⑴3月底前完成设计", "2031-03", "text"],
      ["⑵10月底前建成投用", "2031-10", "text"]
    ]);
  });

  it.each([
    ["a closing note", "统筹推进全年工作。(市各部门分别负责,年内持续推进)"],
    ["the task's words", "年内持续推进示范工作。"]
  ])("`年内` in %s names no month: the year's end (year_end)", (_name, body) => {
    expect(extractTasks(plan(body)).tasks.map((t) => [t.deadline, t.deadline_source])).toEqual([
      ["2031-12", "year_end"]
    ]);
  });

  it("a year the words name with 年内 (`2031年内`) is the text's", () => {
    expect(extractTasks(plan("2031年内建成示范项目。")).tasks.map((t) => t.deadline_source)).toEqual(["text"]);
  });

  it("a table of rows a line with no 序号 column: a group cell merged over rows, each row numbered in its first own cell", () => {
    const table = [
      "类别 | 事项名称 | 年度任务目标 | 责任单位 | 分管领导 | 1-9月完成情况 |",
      "一、教育 | 1.改扩建第一小学 | 完成教学楼建设,投入使用。 | 市教育局 | 张三 | 完成主体施工。 |",
      "2.推进课后服务 | 实现课后服务全覆盖。 | 市教育局 | 张三 | 已覆盖80%。 | |"
    ].join("\n");
    const {items, tasks} = extractTasks(`某市2031年民生实事进展\n${table}\n`);
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["1.1", "改扩建第一小学"],
      ["1.2", "推进课后服务"]
    ]);
    expect(tasks.map((t) => [t.task_id, t.text, t.lead, t.deadline])).toEqual([
      ["1.1-t1", "完成教学楼建设,投入使用", "市教育局", "2031-12"],
      ["1.2-t1", "实现课后服务全覆盖", "市教育局", "2031-12"]
    ]);
  });

  it("a table of rows a line whose task column is merged over rows (printed on the first row only): a group, the next task column the rows' items", () => {
    // each row closed by a line of its own `|`; rows 2 and 4 leave the merged 重点工作 cell out, and the empty 备注 cell too
    const table = [
      "序号 | 重点工作 | 具体措施 | 责任科室 | 完成时限 | 备注 |",
      "1 | 推进校园安全 | 开展校舍安全排查,建立隐患台账 | 安全科、基建科 | 2031年6月前 |",
      "|",
      "2 | 完善应急预案体系 | 安全科 | 长期推进 |",
      "|",
      "3 | 深化课程改革 | 修订课程实施方案 | 教研科 | 2031年9月前 |",
      "|",
      "4 | 开展教师培训,提升教学能力 | 人事科(教师发展中心) | 长期推进 |",
      "|"
    ].join("\n");
    const {items, tasks} = extractTasks(`某区教育局2031年重点任务台账\n${table}\n`);
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["0.1", "开展校舍安全排查"],
      ["0.2", "完善应急预案体系"],
      ["0.3", "修订课程实施方案"],
      ["0.4", "开展教师培训"]
    ]);
    expect(tasks.map((t) => [t.task_id, t.text, t.lead, t.partners, t.deadline, t.deadline_source])).toEqual([
      ["0.1-t1", "开展校舍安全排查,建立隐患台账", "安全科", ["基建科"], "2031-06", "table"],
      ["0.2-t1", "完善应急预案体系", "安全科", [], "2031-12", "year_end"],
      ["0.3-t1", "修订课程实施方案", "教研科", [], "2031-09", "table"],
      ["0.4-t1", "开展教师培训,提升教学能力", "人事科(教师发展中心)", [], "2031-12", "year_end"]
    ]);
  });

  it("a table of rows a line whose office column is merged over rows: a row that leaves it out has the office of its merge's first row", () => {
    const table = [
      "序号 | 重点任务 | 牵头单位 | 完成时限 |",
      "1 | 开展校舍安全排查 | 区教育局 | 2031年6月前 |",
      "2 | 建立隐患台账 | 2031年9月前 |",
      "3 | 修订课程实施方案 | 区教研室 | 2031年11月前 |",
      // a cell left out after the row's last is none (an empty cell a copy did not print): the year's end
      "4 | 开展教师培训 | 区人社局 |"
    ].join("\n");
    const {tasks} = extractTasks(`某区教育局2031年重点任务台账\n${table}\n`);
    expect(tasks.map((t) => [t.task_id, t.text, t.lead, t.deadline, t.deadline_source])).toEqual([
      ["0.1-t1", "开展校舍安全排查", "区教育局", "2031-06", "table"],
      ["0.2-t1", "建立隐患台账", "区教育局", "2031-09", "table"],
      ["0.3-t1", "修订课程实施方案", "区教研室", "2031-11", "table"],
      ["0.4-t1", "开展教师培训", "区人社局", "2031-12", "year_end"]
    ]);
  });

  it("such a table whose group cell stands apart and whose office cell wraps onto the next line (责任单位或牵头单位 leads)", () => {
    const table = [
      "任务内容 | 标准要求 | 工作内容 | 责任单位 或牵头单位 | 协助 单位 | 完成 期限 |",
      "生 态 | 1、城市绿化扎实开展,效果明显。 | 保护山体植被,推进庄点绿化。 | 市规划局 | 市国土局",
      "市林业局 | 2031年9月20日前 |",
      "2、建设防护绿地,效果良好。 | 加强防护绿地建设。 | 市规划局 市建设局 | 有关部门 | 2031年9月20日前 |"
    ].join("\n");
    const {items, tasks} = extractTasks(`某市2031年创建园林城市任务分解\n${table}\n`);
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["0.1", "城市绿化扎实开展"],
      ["0.2", "建设防护绿地"]
    ]);
    expect(tasks.map((t) => [t.task_id, t.text, t.lead, t.partners, t.deadline])).toEqual([
      ["0.1-t1", "保护山体植被,推进庄点绿化", "市规划局", ["市国土局", "市林业局"], "2031-09"],
      ["0.2-t1", "加强防护绿地建设", "市规划局", ["市建设局", "有关部门"], "2031-09"]
    ]);
  });

  it("a table whose columns are 负责部门 and 时间进度: the first office leads, the time cell (its figures spaced) dates the row", () => {
    const table =
      "序号 | 工作任务 | 负责部门 | 时间进度\n1 | 完善城市管理体制 | 市委编办、市住建局 | 2032 年 6 月底前\n2 | 开展垃圾分类试点,建立分类体系 | 市住建局,各区政府 | 常态工作\n";
    const {tasks} = extractTasks(`某市2031年工作要点\n一、任务分工\n${table}`);
    expect(tasks.map((t) => [t.task_id, t.text, t.lead, t.partners, t.deadline, t.deadline_source])).toEqual([
      ["1.1-t1", "完善城市管理体制", "市委编办", ["市住建局"], "2032-06", "table"],
      ["1.2-t1", "开展垃圾分类试点,建立分类体系", "市住建局", ["各区政府"], "2031-12", "year_end"]
    ]);
  });

  it.each([
    [
      "its office header merged over two columns, the names under it on the next line",
      "序号 | 重点任务 | 责任单位 | | 完成时限\n| | 牵头单位 | 配合单位 |\n"
    ],
    [
      "its office header printed over two columns, the next line naming them",
      "序号 | 重点任务 | 责任单位 | 完成时限\n牵头单位 | 配合单位\n"
    ],
    ["its cells parted by single spaces", "序号 重点任务 责任单位 完成时限\n牵头单位 配合单位\n"]
  ])("a task table whose header is two-level, %s: the names under it are the columns", (_name, header) => {
    const bar = header.includes("|") ? " | " : " ";
    const rows = [
      ["1", "开展食品安全专项整治", "市市场监管局", "市公安局", "2031年6月底前"],
      ["2", "深化商事制度改革", "市市场监管局", "市政务服务局", "持续推进"]
    ]
      .map((r) => `${r.join(bar)}\n`)
      .join("");
    const {items, tasks} = extractTasks(`某市2031年重点任务分解表\n${header}${rows}`);
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["0.1", "开展食品安全专项整治"],
      ["0.2", "深化商事制度改革"]
    ]);
    expect(tasks.map((t) => [t.task_id, t.lead, t.partners, t.deadline, t.deadline_source])).toEqual([
      ["0.1-t1", "市市场监管局", ["市公安局"], "2031-06", "table"],
      ["0.2-t1", "市市场监管局", ["市政务服务局"], "2031-12", "year_end"]
    ]);
  });

  it("a task table whose header cells break over two lines (责任 | 责任 over 领导 | 科室): each cell joined with its end", () => {
    const table = [
      "序号 | 重点工作 | 责任 | 责任 | 完成时限",
      "| | 领导 | 科室 |",
      "1 | 推进水库建设 | 张三 | 水利站 | 2031年6月底前",
      "2 | 创建美丽城镇 | 李四 | 城建办 | 2031年9月底前"
    ].join("\n");
    const {items, tasks} = extractTasks(`某镇2031年重点工作\n${table}\n`);
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["0.1", "推进水库建设"],
      ["0.2", "创建美丽城镇"]
    ]);
    expect(tasks.map((t) => [t.task_id, t.lead, t.deadline])).toEqual([
      ["0.1-t1", "水利站", "2031-06"],
      ["0.2-t1", "城建办", "2031-09"]
    ]);
  });

  it.each([
    ["cells parted by bars", " | "],
    ["cells parted by tabs", "\t"]
  ])(
    "a task table whose lead cell is merged over rows, printed empty below its first, %s: the row above's lead",
    (_name, bar) => {
      const table = [
        ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
        ["1", "开展食品安全专项整治", "市市场监管局", "市公安局", "2031年6月底前"],
        ["2", "深化商事制度改革", "", "市政务服务局", "2031年9月底前"]
      ]
        .map((r) => r.join(bar))
        .join("\n");
      const {tasks} = extractTasks(`某市2031年重点任务分解表\n${table}\n`);
      expect(tasks.map((t) => [t.task_id, t.lead, t.partners, t.deadline])).toEqual([
        ["0.1-t1", "市市场监管局", ["市公安局"], "2031-06"],
        ["0.2-t1", "市市场监管局", ["市政务服务局"], "2031-09"]
      ]);
    }
  );

  it.each([
    [
      "one row per line",
      "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限\n1 | 开展食品安全专项整治 | 市市场监管局 | 市公安局、市农业农村局 | 2031年6月底前\n2 | 深化商事制度改革 | 市市场监管局 | 市政务服务局 | 持续推进\n"
    ],
    [
      "one cell per line",
      "序号\n重点任务\n牵头单位\n配合单位\n完成时限\n1\n开展食品安全专项整治\n市市场监管局\n市公安局、市农业农村局\n2031年6月底前\n2\n深化商事制度改革\n市市场监管局\n市政务服务局\n持续推进\n"
    ]
  ])("a task table whose task cells have no stop, %s: each cell is its row's task", (_name, table) => {
    const {items, tasks} = extractTasks(`某市2031年工作要点\n一、重点任务分解\n${table}`);
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["1.1", "开展食品安全专项整治"],
      ["1.2", "深化商事制度改革"]
    ]);
    expect(tasks.map((t) => [t.task_id, t.text, t.lead, t.partners, t.deadline, t.deadline_source])).toEqual([
      ["1.1-t1", "开展食品安全专项整治", "市市场监管局", ["市公安局", "市农业农村局"], "2031-06", "table"],
      ["1.2-t1", "深化商事制度改革", "市市场监管局", ["市政务服务局"], "2031-12", "year_end"]
    ]);
  });

  it("a record of one task pasted one cell a line, each column's name on the line before its cell: one item, its offices and time", () => {
    const record = [
      "具体任务",
      "开展食品安全专项整治,守好安全底线;深化商事制度改革。",
      "责任单位",
      "市市场监管局、市公安局",
      "配合单位",
      "各区政府",
      "完成时限",
      "2031年6月底前完成整治;其它事项长期坚持"
    ].join("\n");
    const {items, tasks} = extractTasks(`某市2031年政府工作报告任务分解\n${record}\n`);
    expect(items.map((i) => [i.item_id, i.title])).toEqual([["0.1", "开展食品安全专项整治"]]);
    expect(tasks.map((t) => [t.task_id, t.text, t.lead, t.partners.join("|")])).toEqual([
      ["0.1-t1", "开展食品安全专项整治,守好安全底线", "市市场监管局", "市公安局|各区政府"],
      ["0.1-t2", "深化商事制度改革", "市市场监管局", "市公安局|各区政府"]
    ]);
  });

  it("a table parted by single spaces with a group, a title and a measures column: the title heads, the measures are its tasks", () => {
    // the group's words broken by a space (加强水资源保 护), a merged group cell left empty (a double space), a title broken too
    const table = [
      "序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位",
      "1 加强水资源保 护 严守用水总量红线 实施双控行动。到2031年6月底,用水总量控制在11亿立方米以内。 市水利局 市发展改革委、农业局等 各县(市、区)党委和人民政府,高新区党工委和管委会",
      "2  严守用水 效率 红线 落实用水效率评估体系。 市水利局 市住房和城乡建设局 各县(市、区)党委和人民政府"
    ].join("\n");
    const {items, tasks} = extractTasks(`某市2031年河长制主要任务分解表\n${table}\n`);
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["0.1", "严守用水总量红线"],
      ["0.2", "严守用水 效率 红线"]
    ]);
    expect(tasks.map((t) => [t.task_id, t.text, t.deadline, t.lead, t.partners.join("|")])).toEqual([
      [
        "0.1-t1",
        "实施双控行动",
        "2031-12",
        "市水利局",
        "市发展改革委|农业局|各县(市、区)党委和人民政府|高新区党工委和管委会"
      ],
      [
        "0.1-t2",
        "到2031年6月底,用水总量控制在11亿立方米以内",
        "2031-06",
        "市水利局",
        "市发展改革委|农业局|各县(市、区)党委和人民政府|高新区党工委和管委会"
      ],
      ["0.2-t1", "落实用水效率评估体系", "2031-12", "市水利局", "市住房和城乡建设局|各县(市、区)党委和人民政府"]
    ]);
  });

  it("a task table with rows of sections across it (一、学前教育, 学前教育): the rows after them are read, in their sections", () => {
    const table = [
      "序号 | 重点任务 | 牵头单位 | 完成时限",
      "一、学前教育",
      "1 | 新建幼儿园50所。 | 市教育局 | 2031年6月底前",
      "2 | 培训幼儿园教师。 | 各区县教育局 | 2031年9月底前",
      "二、义务教育",
      "3 | 推进义务教育学校标准化建设。 | 各区县教育局 | 2031年12月底前",
      "高中教育",
      "4 | 建设特色普通高中。 | 市教育局 | 2031年10月底前"
    ].join("\n");
    const {items, tasks} = extractTasks(`某市2031年重点任务分解表\n${table}\n`);
    expect(items.map((i) => [i.item_id, i.section_title])).toEqual([
      ["1.1", "一、学前教育"],
      ["1.2", "一、学前教育"],
      ["2.3", "二、义务教育"],
      ["2.4", "二、义务教育"]
    ]);
    expect(tasks.map((t) => [t.task_id, t.text, t.lead, t.deadline])).toEqual([
      ["1.1-t1", "新建幼儿园50所", "市教育局", "2031-06"],
      ["1.2-t1", "培训幼儿园教师", "各区县教育局", "2031-09"],
      ["2.3-t1", "推进义务教育学校标准化建设", "各区县教育局", "2031-12"],
      ["2.4-t1", "建设特色普通高中", "市教育局", "2031-10"]
    ]);
  });

  it("a table copied one cell a paragraph (blank lines between): rows in their sections, offices, time limits, no progress", () => {
    const input = [
      "某局2031年重点工作完成情况",
      "序号",
      "目标任务",
      "牵头责任单位",
      "计划完成时间",
      "目前完成情况",
      "一、稳定粮食生产",
      "6",
      "建成高标准农田8.3万亩,确保粮食总产稳定。",
      "农业股",
      "乡村产业发展股",
      "2",
      "2031年底",
      "1、已建成6万亩。2、整体进度70%。",
      "二、促进增收",
      "52",
      "加快推动农业规模化经营。",
      "经管站",
      "2031年6月底前",
      "已完成。"
    ].join("\n\n");
    const {items, tasks} = extractTasks(input);
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["1.6", "建成高标准农田8.3万亩"],
      ["2.52", "加快推动农业规模化经营"]
    ]);
    expect(tasks.map((t) => [t.task_id, t.text, t.lead, t.partners, t.deadline, t.deadline_source])).toEqual([
      ["1.6-t1", "建成高标准农田8.3万亩,确保粮食总产稳定", "农业股", ["乡村产业发展股"], "2031-12", "table"],
      ["2.52-t1", "加快推动农业规模化经营", "经管站", [], "2031-06", "table"]
    ]);
    for (const t of tasks) expect(input.slice(t.start_offset, t.end_offset)).toBe(t.text);
  });

  it("a table of 民生实事 copied one cell a paragraph: a row's units one a paragraph, the first leading; its time limit", () => {
    const input = [
      "某县2031年民生实事目标任务分解表",
      "序号",
      "民生实事",
      "责任单位",
      "完成时限",
      "1",
      "启动建设东湖湿地公园。",
      "县水务局",
      "县住建局",
      "12月底前",
      "2",
      "新建2座人行天桥。",
      "县住建局",
      "9月投入使用"
    ].join("\n\n");
    const {items, tasks} = extractTasks(input);
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["0.1", "启动建设东湖湿地公园"],
      ["0.2", "新建2座人行天桥"]
    ]);
    expect(tasks.map((t) => [t.task_id, t.lead, t.partners, t.deadline, t.deadline_source])).toEqual([
      ["0.1-t1", "县水务局", ["县住建局"], "2031-12", "table"],
      ["0.2-t1", "县住建局", [], "2031-09", "table"]
    ]);
  });

  it("a task table one cell a line with a merged group column: no group in the text, merged cells down the group, no persons", () => {
    const input = [
      "某县农业局2031年重点工作任务表",
      "序号",
      "指标",
      "工作任务",
      "完成时限",
      "责任领导",
      "责任股室",
      "(单位)",
      "1",
      "粮食生产",
      "完成粮食播种面积12万亩。",
      "10月底前",
      "李 某",
      "种植股",
      "农技站",
      "2",
      "推广水稻新品种5个。",
      "种植股农技站",
      "3",
      "抓好病虫害统防统治。",
      "4",
      "畜牧生产",
      "新建标准化养殖场2个。",
      "畜牧股"
    ].join("\n");
    const {items, tasks} = extractTasks(input);
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["0.1", "完成粮食播种面积12万亩"],
      ["0.2", "推广水稻新品种5个"],
      ["0.3", "抓好病虫害统防统治"],
      ["0.4", "新建标准化养殖场2个"]
    ]);
    // two offices run together (种植股农技站) that the table prints apart above: two, the first leading
    expect(tasks.map((t) => [t.task_id, t.lead, t.partners, t.deadline, t.deadline_source])).toEqual([
      ["0.1-t1", "种植股", ["农技站"], "2031-10", "table"],
      ["0.2-t1", "种植股", ["农技站"], "2031-10", "table"],
      ["0.3-t1", "种植股", ["农技站"], "2031-10", "table"],
      ["0.4-t1", "畜牧股", [], "2031-12", "year_end"]
    ]);
  });

  it("a table row's second task printed after its time limit (merged 序号 and office cells): its own time, the row's offices", () => {
    const input = [
      "某县2031年民生实事目标任务分解表",
      "序号",
      "民生实事",
      "责任单位",
      "完成时限",
      "5",
      "开工建设县老年养护楼。",
      "县民政局",
      "5月底前动工",
      "开工建设老年大学。",
      "12月底前"
    ].join("\n\n");
    const {items, tasks} = extractTasks(input);
    expect(items.map((i) => [i.item_id, i.title])).toEqual([["0.5", "开工建设县老年养护楼"]]);
    expect(tasks.map((t) => [t.task_id, t.text, t.lead, t.deadline, t.deadline_source])).toEqual([
      ["0.5-t1", "开工建设县老年养护楼", "县民政局", "2031-05", "table"],
      ["0.5-t2", "开工建设老年大学", "县民政局", "2031-12", "table"]
    ]);
  });

  it("a table copied one cell a paragraph with two task columns: the first titles the row, a 第二季度 column is due at its end", () => {
    const input = [
      "某镇2031年重点工作",
      "序号",
      "重点工作",
      "责任",
      "科室",
      "攻坚目标",
      "任务",
      "工作任务安排",
      "第二季度",
      "完成情况",
      "1",
      "水库工程政策处理",
      "水库工程领导小组",
      "完成项目政策处理工作。",
      "推进坟墓迁移工作。",
      "迁移进度达60%。"
    ].join("\n\n");
    const {items, tasks} = extractTasks(input);
    expect(items.map((i) => [i.item_id, i.title])).toEqual([["0.1", "水库工程政策处理"]]);
    expect(tasks.map((t) => [t.task_id, t.text, t.lead, t.deadline])).toEqual([
      ["0.1-t1", "完成项目政策处理工作", "水库工程领导小组", "2031-12"],
      ["0.1-t2", "推进坟墓迁移工作", "水库工程领导小组", "2031-06"]
    ]);
  });

  it.each([
    ["cells split by tabs (a table copied from Word or Excel)", "\t", ""],
    ["cells split by full-width bars ｜", "｜", ""],
    ["a Markdown table (| … |, a |---| rule under its header)", " | ", "|"],
    ["numbers 1. in its 序号 column", " | ", "", "1."],
    ["numbers 1、 in its 序号 column", " | ", "", "1、"]
  ])("a task table with %s", (_name, bar, edge, no = "1") => {
    const row = (cells: string[]) => `${edge}${edge ? " " : ""}${cells.join(bar)}${edge ? " " : ""}${edge}`;
    const rule = edge ? `${row(["---", "---", "---", "---"])}\n` : "";
    const table = `${row(["序号", "重点任务", "牵头单位", "完成时限"])}\n${rule}${row([no, "出台行动计划。", "市教育局", "2031年6月底前"])}\n`;
    const {items, tasks} = extractTasks(`某市2031年工作要点\n一、重点任务分解\n${table}`);
    expect(items.map((i) => [i.item_id, i.title])).toEqual([["1.1", "出台行动计划"]]);
    expect(tasks.map((t) => [t.text, t.lead, t.deadline, t.deadline_source])).toEqual([
      ["出台行动计划", "市教育局", "2031-06", "table"]
    ]);
  });

  it("a 是 that is not a list number does not split", () => {
    expect(texts("完成一是一、二是二的核对。")).toEqual(["完成一是一、二是二的核对"]);
  });

  it("the title is the first sentence; an item of one sentence is its own task", () => {
    const {items, tasks} = extractTasks("某市2031年工作要点\n一、民生实事\n1.新建学校5所,新增学位3000个。\n");
    expect(items.map((i) => [i.item_id, i.title])).toEqual([["1.1", "新建学校5所"]]);
    expect(tasks.map((t) => [t.task_id, t.text, t.target_ids])).toEqual([
      ["1.1-t1", "新建学校5所,新增学位3000个", ["1.1a", "1.1b"]]
    ]);
  });

  it("an item whose first line is a bare heading takes its tasks from the paragraphs under it", () => {
    const {items, tasks} = extractTasks(
      "某市2031年工作要点\n一、部分\n1.深化课程改革\n出台课程方案。\n开展教研活动;建设资源库。\n2.下一项。完成评估。\n"
    );
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["1.1", "深化课程改革"],
      ["1.2", "下一项"]
    ]);
    expect(tasks.map((t) => [t.task_id, t.text])).toEqual([
      ["1.1-t1", "出台课程方案"],
      ["1.1-t2", "开展教研活动"],
      ["1.1-t3", "建设资源库"],
      ["1.2-t1", "完成评估"]
    ]);
  });

  it("a one-sentence first line with text under it is a heading, not a task (notes under it are no text)", () => {
    const {items, tasks} = extractTasks(
      "某市2031年工作要点\n一、部分\n1.主要目标。\n出台方案;开展培训。\n2.新建学校5所。\n牵头单位:市教育局\n"
    );
    expect(items.map((i) => i.title)).toEqual(["主要目标", "新建学校5所"]);
    expect(tasks.map((t) => [t.task_id, t.text])).toEqual([
      ["1.1-t1", "出台方案"],
      ["1.1-t2", "开展培训"],
      ["1.2-t1", "新建学校5所"]
    ]);
  });

  it("总体要求, 指导思想 and 基本原则 state the plan's aims: no work items", () => {
    const {items} = extractTasks(
      "某市2031年工作要点\n一、总体要求\n(一)指导思想\n坚持稳中求进。\n(二)基本原则\n坚持问题导向。\n二、主要任务\n(一)深化改革\n出台方案。\n三、保障措施\n1.指导思想。加强组织领导。\n2.强化督查。开展评估。\n"
    );
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["2.1", "深化改革"],
      ["3.2", "强化督查"]
    ]);
  });

  it("a chapter 总则 or 附则 (purpose, scope, entry into force) holds no work items; its articles are no tasks", () => {
    const {items, tasks} = extractTasks(
      "某市2031年科技创新若干措施\n第一章 总则\n第一条 为加快科技创新,制定本措施。\n第二章 支持措施\n第二条 支持企业研发。给予研发奖励。\n第三章 附则\n第三条 本措施自印发之日起施行。\n"
    );
    expect(items.map((i) => [i.item_id, i.title])).toEqual([["2.2", "支持企业研发"]]);
    expect(tasks.map((t) => t.text)).toEqual(["给予研发奖励"]);
  });

  /** Each item's id and title, and each task's id and text. */
  const shape = (text: string) => {
    const {items, tasks} = extractTasks(text);
    return {items: items.map((i) => [i.item_id, i.title]), tasks: tasks.map((t) => [t.task_id, t.text])};
  };

  it("heading lines 一是…行动 under a section are its items, numbered by their ordinal; the lines under them their tasks", () => {
    expect(
      shape(
        "某市2031年农业农村工作要点\n一、保障粮食安全\n一是粮食安全行动\n落实粮食播种面积。加强耕地保护。\n二是种业振兴行动\n推进种质资源普查。\n"
      )
    ).toEqual({
      items: [
        ["1.1", "粮食安全行动"],
        ["1.2", "种业振兴行动"]
      ],
      tasks: [
        ["1.1-t1", "落实粮食播种面积"],
        ["1.1-t2", "加强耕地保护"],
        ["1.2-t1", "推进种质资源普查"]
      ]
    });
  });

  it("纳入, 列入, 移交 and 处理 are actions; 力争2031年7月1日… names the month it strives for, …起 none", () => {
    const {tasks} = extractTasks(
      "某市2031年工作要点\n一、重点任务\n(一)优化准入。实施改革。将报关登记纳入改革。属于长期问题的,移交到局办公室,列入日常督察。\n(二)建设纪念馆。开展申报。力争2031年7月1日正式开馆。自2031年5月1日起施行新办法。\n"
    );
    expect(tasks.map((t) => [t.task_id, t.text, t.deadline])).toEqual([
      ["1.1-t1", "实施改革", "2031-12"],
      ["1.1-t2", "将报关登记纳入改革", "2031-12"],
      ["1.1-t3", "属于长期问题的,移交到局办公室,列入日常督察", "2031-12"],
      ["1.2-t1", "开展申报", "2031-12"],
      ["1.2-t2", "力争2031年7月1日正式开馆。自2031年5月1日起施行新办法", "2031-07"]
    ]);
  });

  it("a copy that opens on an item, (二)…, reads the items before its first section in section 0", () => {
    expect(
      shape(
        "(二)自查阶段(7月3日至7月15日)。各县对重点问题进行检查。\n(三)整治阶段。组织集中整治。\n五、保障措施\n(一)提高认识,增强紧迫感。\n"
      )
    ).toEqual({
      items: [
        ["0.2", "自查阶段(7月3日至7月15日)"],
        ["0.3", "整治阶段"],
        ["5.1", "提高认识"]
      ],
      tasks: [
        ["0.2-t1", "各县对重点问题进行检查"],
        ["0.3-t1", "组织集中整治"],
        ["5.1-t1", "提高认识,增强紧迫感"]
      ]
    });
  });

  it("the days an item's heading gives (阶段(7月3日至7月15日)) date its tasks that name none", () => {
    const {tasks} = extractTasks(
      "某市2031年专项行动方案\n一、工作步骤\n(一)自查阶段(7月3日至7月15日)。各县开展自查。各市于9月25日前提交名单。\n(二)总结阶段。开展总结。\n"
    );
    expect(tasks.map((t) => [t.task_id, t.deadline, t.deadline_source])).toEqual([
      ["1.1-t1", "2031-07", "text"],
      ["1.1-t2", "2031-09", "text"],
      ["1.2-t1", "2031-12", "year_end"]
    ]);
  });

  it("a sub-list entry without an action verb, and a sentence that names its own deadline, stay tasks of their own", () => {
    expect(
      shape(
        "某镇2031年重点工作\n一、重点项目\n(一)推动项目建设。一是计划投资2500万元再建农村道路;二是云塑小镇项目计划投资20亿元。\n(二)开展检查。各县组织检查。各市要于7月15日前将名单报省办公室。\n"
      ).tasks
    ).toEqual([
      ["1.1-t1", "一是计划投资2500万元再建农村道路"],
      ["1.1-t2", "二是云塑小镇项目计划投资20亿元"],
      ["1.2-t1", "各县组织检查"],
      ["1.2-t2", "各市要于7月15日前将名单报省办公室"]
    ]);
  });

  it("(一)…行动 headings in a plan without 一、 sections are its items, in section 0", () => {
    expect(
      shape("某市2031年乡村振兴工作要点\n(一)乡村建设行动\n推进农村改厕。\n(二)乡村治理行动\n健全乡村治理体系。\n")
    ).toEqual({
      items: [
        ["0.1", "乡村建设行动"],
        ["0.2", "乡村治理行动"]
      ],
      tasks: [
        ["0.1-t1", "推进农村改厕"],
        ["0.2-t1", "健全乡村治理体系"]
      ]
    });
  });

  it("items numbered 01, 02 … with ▶, ● or — bullets: one task a bullet, however many sentences it holds", () => {
    expect(
      shape(
        "某市2031年卫生健康工作要点\n一、重点工作\n01 深化医改\n▶ 推进医共体建设。完善分级诊疗制度。\n▶ 落实药品集采。\n02公共卫生\n● 加强疾控体系建设。\n—— 开展爱国卫生运动。\n"
      )
    ).toEqual({
      items: [
        ["1.1", "深化医改"],
        ["1.2", "公共卫生"]
      ],
      tasks: [
        ["1.1-t1", "推进医共体建设。完善分级诊疗制度"],
        ["1.1-t2", "落实药品集采"],
        ["1.2-t1", "加强疾控体系建设"],
        ["1.2-t2", "开展爱国卫生运动"]
      ]
    });
  });

  it("articles 第一条 … under chapters 第一章 are items, numbered through the text", () => {
    expect(
      shape(
        "某市2031年乡村振兴工作细则\n第一章 重点任务\n第一条 加强耕地保护。落实耕地保护责任制。\n第二条 推进种业振兴。\n第二章 保障措施\n第三条 强化组织领导。建立工作专班。\n"
      )
    ).toEqual({
      items: [
        ["1.1", "加强耕地保护"],
        ["1.2", "推进种业振兴"],
        ["2.3", "强化组织领导"]
      ],
      tasks: [
        ["1.1-t1", "落实耕地保护责任制"],
        ["1.2-t1", "推进种业振兴"],
        ["2.3-t1", "建立工作专班"]
      ]
    });
  });

  it("一是…二是… paragraphs inside an item are its tasks, one an entry (not items, not one task a sentence)", () => {
    expect(
      shape(
        "某市2031年工作要点\n一、部分\n(一)深化改革\n一是推进医共体建设。完善分级诊疗。\n二是落实药品集采。\n(二)下一项。完成评估。\n"
      )
    ).toEqual({
      items: [
        ["1.1", "深化改革"],
        ["1.2", "下一项"]
      ],
      tasks: [
        ["1.1-t1", "一是推进医共体建设。完善分级诊疗"],
        ["1.1-t2", "二是落实药品集采"],
        ["1.2-t1", "完成评估"]
      ]
    });
  });

  it("an item of one sentence and a note (牵头单位:…) is itself a task, led by the office the note names", () => {
    const {items, tasks} = extractTasks(
      "某市2031年卫生健康工作要点\n一、重点任务\n1.组织开展全市医疗机构评估工作。(牵头单位:市卫健委;配合单位:市财政局)\n"
    );
    expect(items.map((i) => i.title)).toEqual(["组织开展全市医疗机构评估工作"]);
    expect(tasks.map((t) => [t.task_id, t.text, t.lead, t.partners])).toEqual([
      ["1.1-t1", "组织开展全市医疗机构评估工作", "市卫健委", ["市财政局"]]
    ]);
  });

  it.each([
    ["square brackets", "[牵头单位:区卫健局;责任单位:各街办(新区)]"],
    ["lenticular brackets", "【牵头单位:区卫健局;责任单位:各街办(新区)】"],
    ["square brackets, offices before 牵头", "[区卫健局牵头,各街办(新区)负责]"]
  ])("a note in %s names the offices of the sentences before it, and is no text of theirs", (_, note) => {
    const {tasks} = extractTasks(`某区2031年重点工作责任分解\n一、部分\n1、标题。出台方案;开展培训。${note}\n`);
    expect(tasks.map((t) => [t.text, t.lead, t.partners])).toEqual([
      ["出台方案", "区卫健局", ["各街办(新区)"]],
      ["开展培训", "区卫健局", ["各街办(新区)"]]
    ]);
  });

  it("a 责任单位 line after a block's last item names the offices of the block's items that name none", () => {
    const owners = (text: string) => extractTasks(text).tasks.map((t) => [t.task_id, t.lead]);
    expect(
      owners(
        "某市2031年民生实事\n【推进措施】\n1.开展培育活动。\n2.纳入考核。鼓励出台政策。\n责任单位:市市场监管局\n【目标任务】\n"
      )
    ).toEqual([
      ["0.1-t1", "市市场监管局"],
      ["0.2-t1", "市市场监管局"],
      ["0.2-t2", "市市场监管局"]
    ]);
    // a line under each item names that item's offices only; an item with a note of its own keeps it
    expect(
      owners(
        "某市2031年工作要点\n一、部分\n1.开展培育活动。\n牵头单位:市教育局\n2.纳入考核。\n3.出台政策。\n牵头单位:市财政局\n4.开展评估。\n"
      )
    ).toEqual([
      ["1.1-t1", "市教育局"],
      ["1.2-t1", null],
      ["1.3-t1", "市财政局"],
      ["1.4-t1", null]
    ]);
  });

  it("a plan without sections gives its numbered items in section 0", () => {
    const {items, tasks} = extractTasks("某市2031年重点工作任务\n1.新建学校5所。\n2.标题。出台方案。\n");
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["0.1", "新建学校5所"],
      ["0.2", "标题"]
    ]);
    expect(tasks.map((t) => t.task_id)).toEqual(["0.1-t1", "0.2-t1"]);
  });

  it("a repeated document yields each item and task once, and its second preamble belongs to no item", () => {
    const notice =
      "某市教育局2031年工作要点\n\n关于印发的通知\n\n一、部分\n\n1.标题。出台方案。\n\n2.标题二。完成评估。\n\n";
    const {items, tasks} = extractTasks(notice + notice);
    expect(items.map((i) => i.item_id)).toEqual(["1.1", "1.2"]);
    expect(tasks.map((t) => [t.task_id, t.text])).toEqual([
      ["1.1-t1", "出台方案"],
      ["1.2-t1", "完成评估"]
    ]);
  });

  it("offsets slice each task and title out of the input as given (full-width digits, CRLF)", () => {
    const input = "某市2031年工作要点\r\n一、部分\r\n1.标题。６月底前出台方案;开展培训。\r\n";
    const {items, tasks} = extractTasks(input);
    for (const t of tasks) expect(input.slice(t.start_offset, t.end_offset)).toBe(t.text);
    expect(input.slice(items[0]!.start_offset, items[0]!.end_offset)).toBe("标题");
    expect(tasks.map((t) => [t.text, t.deadline])).toEqual([
      ["６月底前出台方案", "2031-06"],
      ["开展培训", "2031-12"]
    ]);
  });

  it("a plan in traditional characters: its notes, deadlines and Republic of China year are read as in simplified text; texts stay as printed", () => {
    const text =
      "臺北市政府教育局113年度施政計畫\n一、優質教育\n1.推動雙語教育。擴大實施範圍至全市國小。\n2.建設智慧校園。於上半年完成校園網路升級;年底前開展教師數位培訓。\n牽頭單位:資訊教育科\n";
    const {year, tasks} = extractTasks(text);
    expect(year).toBe(2024);
    expect(tasks.map((t) => [t.task_id, t.text, t.deadline])).toEqual([
      ["1.1-t1", "擴大實施範圍至全市國小", "2024-12"],
      ["1.2-t1", "於上半年完成校園網路升級", "2024-06"],
      ["1.2-t2", "年底前開展教師數位培訓", "2024-12"]
    ]);
    for (const t of tasks) expect(text.slice(t.start_offset, t.end_offset)).toBe(t.text);
  });

  it("a copy from a PDF, its lines broken at one width mid-sentence, gives one task per sentence; its texts keep the breaks", () => {
    const body =
      "坚持和加强党对教育事业的全面领导,全面贯彻党的教育方针,增强推进党的政治建设的自觉性和坚定性。严格落实第一议题制度,强化党员干部思想淬炼。统筹做好工会、共青团、少先队、妇联和关工委工作,凝聚教育改革发展强大合力。";
    const wrap = (text: string, width: number) => text.match(new RegExp(`.{1,${width}}`, "gu"))!.join("\n");
    const text = `某市教育局2031年度教育工作要点\n一、加强党的领导\n(一)强化政治引领。${wrap(body, 24)}\n(二)筑牢基层组织。${wrap(body, 24)}\n`;
    const {tasks} = extractTasks(text);
    expect(tasks.filter((t) => t.item_id === "1.1").map((t) => t.text.replace(/\n/g, ""))).toEqual([
      "坚持和加强党对教育事业的全面领导,全面贯彻党的教育方针,增强推进党的政治建设的自觉性和坚定性",
      "严格落实第一议题制度,强化党员干部思想淬炼",
      "统筹做好工会、共青团、少先队、妇联和关工委工作,凝聚教育改革发展强大合力"
    ]);
    for (const t of tasks) expect(text.slice(t.start_offset, t.end_offset)).toBe(t.text);
    expect(tasks.some((t) => t.text.includes("\n"))).toBe(true);
  });

  it("a PDF page whose justified lines differ in length is unwrapped (one task an item, its note read); paragraphs under short headings are not", () => {
    const text = [
      "健康中国行动2031年工作要点",
      "组织开展特色活动",
      "(一)继续深入开展“关爱生命 救在身边”活动,加强公众应急救护知识技能培训,组织开",
      "展“寻找最美救护员”“世界急救日”“第七届全国红十字应急救护大赛”等活动,弘扬“关爱生命",
      "救在身边”的社会文明风尚。(健康中国行动推进办、中国红十字会总会牵头,中央宣传部、教育",
      "部等部门单位参与)",
      "(二)组织开展全国高血压日、全国肿瘤防治宣传周、世界慢阻肺日、联合国糖尿病日等主",
      "题宣传日活动。(国家卫生健康委牵头,广电总局等部门单位参与)",
      "(三)持续开展面向老年群体的示范性群众文化活动,鼓励引导广大老年人积极参与广场舞、群",
      "众歌咏等,不断丰富老年人精神文化生活。(文化和旅游部牵头负责)",
      ""
    ].join("\n");
    expect(extractTasks(text).tasks.map((t) => [t.task_id, t.lead, t.partners.length])).toEqual([
      ["0.1-t1", "健康中国行动推进办", 3],
      ["0.2-t1", "国家卫生健康委", 1],
      ["0.3-t1", "文化和旅游部", 0]
    ]);
    const paragraph = "由某副市长负责,市发改委牵头,相关部门配合,尽快完成实施方案,经市政府审定后报省政府审批。";
    const items = ["1、综合配套改革试验区事宜", paragraph, "2、大气污染防治对策研究项目", paragraph.repeat(2)];
    const more = ["3、污水处理厂项目", paragraph, "4、城市轨道交通项目", paragraph.repeat(3), ""];
    expect(extractTasks([...items, ...more].join("\n")).items.map((i) => i.title)).toEqual([
      "综合配套改革试验区事宜",
      "大气污染防治对策研究项目",
      "污水处理厂项目",
      "城市轨道交通项目"
    ]);
  });

  it("a double-spaced, indented PDF copy runs its wrapped lines on over the blank lines between them", () => {
    const text = [
      "健康中国行动2031年工作要点",
      "",
      "                  (一)以 2031年全国科普日活动、全国科技活动周为载体,结合卫生健康节日纪念日,持续",
      "",
      "              推进健康科普行动。开展新时代健康科普作品征集大赛,开展全国大学生暑期“三下乡”健康",
      "",
      "              专项等活动。(科技部、国家卫生健康委、国家中医药局、国家疾控局、共青团中央、中国科协按",
      "",
      "              职责分工负责)",
      "                  (二)部署加强学校食品安全和营养健康工作,完善校园食品安全管理体制。(教育部、国家",
      "",
      "              卫生健康委、市场监管总局按职责分工负责)",
      "",
      "                  (三)举办第一届全国全民健身大会,实施“新时代全民健身场地设施提升工程”。(体育总",
      "",
      "              局牵头负责)",
      ""
    ].join("\n");
    const {tasks} = extractTasks(text);
    expect(tasks.map((t) => [t.task_id, t.lead, t.partners.length])).toEqual([
      ["0.1-t1", "科技部", 5],
      ["0.1-t2", "科技部", 5],
      ["0.2-t1", "教育部", 2],
      ["0.3-t1", "体育总局", 0]
    ]);
    for (const t of tasks) expect(text.slice(t.start_offset, t.end_offset)).toBe(t.text);
  });

  it("a sentence whose action is 负责 or 提交 is a task of its own", () => {
    const {tasks} = extractTasks(
      "某区2031年政策措施\n一、审批\n1.提高审批效率。只需提交水保批复。报告表原则上由区级负责审批。完成审批。\n"
    );
    expect(tasks.map((t) => t.text)).toEqual(["只需提交水保批复", "报告表原则上由区级负责审批", "完成审批"]);
  });

  it("a paragraph under an item that opens on a short heading sentence: the heading is no task, its sentences are", () => {
    const {tasks} = extractTasks(
      "某县2031年政府工作报告\n(一)推进乡村振兴,加快农业现代化。落实战略部署。\n持续巩固脱贫成果。聚焦饮水安全,落实监管机制。实施技能培训5000人。\n鼠患黑点于年底前减半。开展灭鼠行动。\n- 加快推进项目。完善制度。\n"
    );
    expect(tasks.map((t) => t.text)).toEqual([
      "推进乡村振兴,加快农业现代化",
      "落实战略部署",
      "聚焦饮水安全,落实监管机制",
      "实施技能培训5000人",
      "鼠患黑点于年底前减半",
      "开展灭鼠行动",
      "加快推进项目。完善制度"
    ]);
  });

  it("a plan whose sections hold no numbered items: each section is an item of section 0, its aims none", () => {
    const {items, tasks} = extractTasks(
      "某局2031年3月工作计划\n一、总体要求\n坚持稳中求进。\n二、推动事业发展。做好大会筹备工作。印发实施办法。\n三、推进重大项目建设,打造文旅名城\n谋划引进重大项目。\n"
    );
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["0.2", "推动事业发展"],
      ["0.3", "推进重大项目建设"]
    ]);
    // a heading of clauses without a stop over text is no task
    expect(tasks.map((t) => [t.task_id, t.text])).toEqual([
      ["0.2-t1", "做好大会筹备工作"],
      ["0.2-t2", "印发实施办法"],
      ["0.3-t1", "谋划引进重大项目"]
    ]);
  });

  it("a section of goals (工作目标, 背景与目标) holds no items, numbered or not", () => {
    const {items} = extractTasks(
      "某校2031年工作计划\n一、背景与目标 本方案如下:\n1.完善制度体系,形成长效机制。\n2.建设高素质队伍。\n二、工作目标\n1.优化资源配置。\n三、工作重点\n1.加强思想建设。深入开展教育。\n"
    );
    expect(items.map((i) => [i.item_id, i.title])).toEqual([["3.1", "加强思想建设"]]);
  });

  it("a page number printed inside the text (第1页共4页) is no task and no part of one", () => {
    const {tasks} = extractTasks(
      "某镇2031年方案\n一、重点任务\n1.强化乡村振兴\n(1)制定乡村振兴规划,确定重点项目。 第1页共4页\n- 2 -\n"
    );
    expect(tasks.map((t) => t.text)).toEqual(["(1)制定乡村振兴规划,确定重点项目"]);
  });

  it("a plan's stages (第一阶段启动阶段。…) are items titled by their heading, their sentences tasks", () => {
    const {items, tasks} = extractTasks(
      "某镇2031年整治方案\n四、实施步骤\n第一阶段启动宣传阶段。各村委会制定具体方案。同时广泛开展宣传。\n第二阶段实施推进阶段。镇领导小组开展检查。\n"
    );
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["4.1", "启动宣传阶段"],
      ["4.2", "实施推进阶段"]
    ]);
    expect(tasks.map((t) => [t.task_id, t.text])).toEqual([
      ["4.1-t1", "各村委会制定具体方案"],
      ["4.1-t2", "同时广泛开展宣传"],
      ["4.2-t1", "镇领导小组开展检查"]
    ]);
  });

  it("a sub-list led in by a clause ending in : and closed by ; gives its entries, the last up to its ;", () => {
    const {tasks} = extractTasks(
      "某镇2031年整治方案\n一、主要任务\n(一)村居环境整治\n农村环境整治要抓好以下三个方面的任务:一是清理生活垃圾,确保村内无暴露垃圾;二是清理乱堆放的杂物;三是整治乱涂乱画现象。摘除乱挂的横幅,清理墙上的牛皮癣;做好长效保洁。\n"
    );
    expect(tasks.map((t) => t.text)).toEqual([
      "一是清理生活垃圾,确保村内无暴露垃圾",
      "二是清理乱堆放的杂物",
      "三是整治乱涂乱画现象。摘除乱挂的横幅,清理墙上的牛皮癣",
      "做好长效保洁"
    ]);
  });

  it("a line's last sentence that ends in a colon leads in the list under it: no task", () => {
    const {tasks} = extractTasks(
      "某镇2031年工作计划\n一是扎实推进产业强镇。推动农业产业发展。2031年,镇政府共谋划农业项目2个:\n(一)中药材种植项目:该项目总投资120万元,2031年5月竣工。\n(二)西瓜种植项目:该项目总投资400万元。\n"
    );
    expect(tasks.map((t) => t.text)).toEqual([
      "推动农业产业发展",
      "(一)中药材种植项目:该项目总投资120万元,2031年5月竣工",
      "(二)西瓜种植项目:该项目总投资400万元"
    ]);
  });

  it("a sentence whose action is 安装, 发放 or 稳定 is a task of its own, not joined to the one before", () => {
    const {tasks} = extractTasks(
      "某区2031年实事项目\n一、民生\n1.改善居住条件。新增充电桩10个;为老旧小区安装消防设施157处。各单位工会以消费卡形式发放福利。稳定糖料蔗生产规模。\n"
    );
    expect(tasks.map((t) => t.text)).toEqual([
      "新增充电桩10个",
      "为老旧小区安装消防设施157处",
      "各单位工会以消费卡形式发放福利",
      "稳定糖料蔗生产规模"
    ]);
  });

  it("a plan of whole paragraphs, one per line, is not unwrapped, short headings and all", () => {
    const lines = planLines(
      "某市2031年工作要点\n一、总体要求\n以习近平新时代中国特色社会主义思想为指导。\n二、主要任务\n1.建设学校\n新建学校5所,新增学位3000个。\n2.培训教师\n开展全员培训。\n"
    );
    expect(unwrapLines(lines)).toEqual(lines);
  });

  it("a paragraph a page break cut mid-sentence (…等生活 / 服务设施。) runs on over the blank line: one task", () => {
    const text =
      "某市2031年行动方案\n\n一、部分\n\n1.加快小区改造。开工改造项目50个。健全便民市场、便利店、停车场(位)等生活\n\n 服务设施。继续推进增设电梯。\n\n2.另一项。完成评估。\n\n3.第三项。开展教师培训、组织学生活动、举办家长讲座等各项工作\n\n地区事项统筹工作组\n\n4.第四项。完成验收。\n";
    const {tasks} = extractTasks(text);
    expect(tasks.map((t) => t.text)).toEqual([
      "开工改造项目50个",
      "健全便民市场、便利店、停车场(位)等生活\n\n 服务设施",
      "继续推进增设电梯",
      "完成评估",
      // a line with no stop (a group's name) is no run-on
      "开展教师培训、组织学生活动、举办家长讲座等各项工作",
      "完成验收"
    ]);
  });

  it("ids are stable: editing one item does not renumber another", () => {
    const a = extractTasks(plan("出台方案。开展培训。") + "3.另一项。完成评估。\n").tasks;
    const b = extractTasks(plan("出台新方案。开展培训。建设基地。") + "3.另一项。完成评估。\n").tasks;
    expect(a.find((t) => t.text === "完成评估")!.task_id).toBe(b.find((t) => t.text === "完成评估")!.task_id);
  });

  it("the year is the plan's own unless given", () => {
    expect(readDeadline("年底前", {year: 2031})).toEqual({deadline: "2031-12", words: "年底前"});
    expect(extractTasks(plan("出台方案。"), {year: 2040}).tasks[0]!.deadline).toBe("2040-12");
    // A plan whose year nothing says still gives its tasks: deadlines only where the words name a year.
    const unknown = extractTasks("没有年份的文本\n一、部分\n1.标题。出台方案。6月底前开展培训。");
    expect(unknown.year).toBeNull();
    expect(unknown.tasks.map((t) => [t.text, t.deadline, t.deadline_source])).toEqual([
      ["出台方案", null, null],
      ["6月底前开展培训", null, null]
    ]);
  });
});

const PLAN = "seeds/hangzhou-edu-2023-work-plan.txt";

describe("extractTasks: a heading that runs on into its sentence", () => {
  it("ends before the units the sentence tells what to do (各…要), whose sentence is its task", () => {
    const {items, tasks} = extractTasks(
      "某街道2031年整治方案\n一、工作任务\n(一)全面开展居民楼院卫生整治各社区居委会、驻辖区单位要认真组织、积极动员\n"
    );
    expect(items[0]!.title).toBe("全面开展居民楼院卫生整治");
    expect(tasks.map((t) => t.text)).toEqual(["各社区居委会、驻辖区单位要认真组织、积极动员"]);
  });

  it("a heading with a mark before 各 is read as before", () => {
    const {items} = extractTasks("某街道2031年整治方案\n一、工作任务\n(一)开展整治,各社区要认真组织。\n");
    expect(items[0]!.title).toBe("开展整治");
  });
});

describe("extractTasks: stage headings set off by a space", () => {
  const stages =
    "某县2031年环保专项行动方案\n四、时间安排 (一)动员部署阶段(5月) 各乡镇结合实际,制定具体实施方案。 " +
    "(二)督查阶段(8月-11月) 县领导小组对各乡镇开展督查。 (三)总结阶段(11月) 各乡镇于10月30日前报送总结。县领导小组将进行考核。";

  it("titles an item by the heading before the space, and its text after it gives the tasks", () => {
    const {items, tasks} = extractTasks(stages);
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["4.1", "动员部署阶段(5月)"],
      ["4.2", "督查阶段(8月-11月)"],
      ["4.3", "总结阶段(11月)"]
    ]);
    expect(tasks.map((t) => t.text)).toEqual([
      "各乡镇结合实际,制定具体实施方案",
      "县领导小组对各乡镇开展督查",
      "各乡镇于10月30日前报送总结",
      "县领导小组将进行考核"
    ]);
  });

  it("a count parted from its unit by a space (`6 座`) sets off no heading", () => {
    const {items, tasks} = extractTasks("某县2031年工作要点\n一、重点工作\n1.新建、改建公厕6 座。\n");
    expect(items[0]!.title).toBe("新建、改建公厕6 座");
    expect(tasks.map((t) => t.text)).toEqual(["新建、改建公厕6 座"]);
  });

  it("dates the stage's tasks by the month in its heading (a span: the month it runs to), unless they name one", () => {
    expect(extractTasks(stages).tasks.map((t) => [t.deadline, t.deadline_source])).toEqual([
      ["2031-05", "text"],
      ["2031-11", "text"],
      ["2031-10", "text"],
      ["2031-11", "text"]
    ]);
  });

  it("a stage heading dated by a day or by a span to a month's end (…-2031年10月底) dates its task by where it ends", () => {
    const {tasks} = extractTasks(
      "某区2031年清洁家园行动方案\n三、组织实施\n(一)动员部署(2031年1月10日)。\n(二)集中攻坚(2031年1月11日-2031年10月底)。\n" +
        "(三)持续推进(2031年10月底-2031年12月底)。\n(四)巩固提升(3月上旬至5月底)。\n"
    );
    expect(tasks.map((t) => [t.task_id, t.deadline])).toEqual([
      ["3.1-t1", "2031-01"],
      ["3.2-t1", "2031-10"],
      ["3.3-t1", "2031-12"],
      ["3.4-t1", "2031-05"]
    ]);
  });

  it("a table rule that closes the page (`…考核。 |`) is no text of its last task", () => {
    expect(extractTasks(`${stages} |`).tasks.at(-1)!.text).toBe("县领导小组将进行考核");
  });

  it("a space inside quotation marks ends no heading", () => {
    const {items} = extractTasks(
      "某市2031年工作要点\n一、重点工作\n(一)继续开展“关爱生命 救在身边”活动 各区要组织培训。\n"
    );
    expect(items[0]!.title).not.toBe("继续开展“关爱生命");
  });
});

describe("planwatch tasks extract", () => {
  it("--format json lists the seed plan's 34 work items and their tasks, each slicing its text", async () => {
    const {code, stdout} = await runPlanwatch(["tasks", "extract", PLAN, "--format", "json"]);
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as {
      item_id: string;
      title: string;
      start_offset: number;
      end_offset: number;
      tasks: {task_id: string; text: string; start_offset: number; end_offset: number; target_ids: string[]}[];
    }[];
    expect(items).toHaveLength(34);
    const input = readFileSync(join(PROJECT_DIR, PLAN), "utf8");
    const ids = new Set<string>();
    for (const item of items) {
      expect(input.slice(item.start_offset, item.end_offset)).toBe(item.title);
      expect(item.tasks.length).toBeGreaterThan(0);
      for (const t of item.tasks) {
        expect(input.slice(t.start_offset, t.end_offset)).toBe(t.text);
        ids.add(t.task_id);
      }
    }
    const all = items.flatMap((i) => i.tasks);
    expect(ids.size).toBe(all.length);
    // the notice is printed twice: every task comes from its first copy
    const second = input.indexOf(input.slice(0, 20), 1);
    expect(all.every((t) => t.end_offset < second)).toBe(true);
    // every numeric target of the plan sits in exactly one task
    const targets = JSON.parse((await runPlanwatch(["targets", "extract", PLAN, "--format", "json"])).stdout) as {
      id: string;
    }[];
    expect(all.flatMap((t) => t.target_ids).sort()).toEqual(targets.map((t) => t.id).sort());
  });

  it("prints a table by default and CSV on request; a bad format fails in one line", async () => {
    expect((await runPlanwatch(["tasks", "extract", PLAN])).stdout.split("\n")[0]).toMatch(
      /^task_id\s+item_title\s+lead\s+partners\s+deadline\s+deadline_source/
    );
    const csv = await runPlanwatch(["tasks", "extract", PLAN, "--format", "csv"]);
    expect(csv.stdout.startsWith("\uFEFFtask_id,item_id,")).toBe(true);
    const bad = await runPlanwatch(["tasks", "extract", PLAN, "--format", "xml"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^planwatch: invalid_option: --format xml 不是可选的值\(应为 table、json、csv 之一\)$/m);
  });
});
