import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {MAX_CLAUSE, extractTargets, type ExtractedTarget} from "../../pipelines/targets/extractTargets.js";
import {PROJECT_DIR} from "../helpers/cli.js";

/** Extracts from one sentence set in a minimal plan: section 二, item 3. */
const extract = (sentence: string) => extractTargets(`二、测试部分\n3.${sentence}\n`);
const brief = (t: ExtractedTarget) => ({
  comparator: t.comparator,
  value: t.value,
  value_max: t.value_max,
  unit: t.unit
});

describe("extractTargets: one row per phrasing", () => {
  it.each([
    // numbers
    ["Arabic digits", "新建成中小学72所。", {comparator: ">=", value: 72, value_max: null, unit: "所"}],
    ["full-width digits", "新建成中小学７２所。", {comparator: ">=", value: 72, value_max: null, unit: "所"}],
    ["decimal with 万", "新增学位6.1万个。", {comparator: ">=", value: 61000, value_max: null, unit: "个"}],
    ["亿", "完成投资1.5亿元。", {comparator: ">=", value: 150000000, value_max: null, unit: "元"}],
    ["thousands separator", "新增普惠托位1,500个。", {comparator: ">=", value: 1500, value_max: null, unit: "个"}],
    [
      "Chinese numeral after 至少",
      "法治副校长每学期至少一次进校园。",
      {comparator: ">=", value: 1, value_max: null, unit: "次"}
    ],
    [
      "Chinese numeral 十 after a counting verb",
      "新建十所乡村学校。",
      {comparator: ">=", value: 10, value_max: null, unit: "所"}
    ],
    [
      "Chinese numeral 两百 with 不少于",
      "培训骨干教师不少于两百人。",
      {comparator: ">=", value: 200, value_max: null, unit: "人"}
    ],
    ["range with em dash", "帮助学生掌握2—3项运动技能。", {comparator: "between", value: 2, value_max: 3, unit: "项"}],
    ["range with hyphen", "掌握2-3项运动技能。", {comparator: "between", value: 2, value_max: 3, unit: "项"}],
    ["range with 至", "掌握2至3项运动技能。", {comparator: "between", value: 2, value_max: 3, unit: "项"}],
    ["range of percentages", "优良率保持在85%—90%。", {comparator: "between", value: 85, value_max: 90, unit: "%"}],
    [
      "range with 万 on the high end",
      "培训2—3万人次。",
      {comparator: "between", value: 20000, value_max: 30000, unit: "人次"}
    ],
    ["percent", "专职校医配备率达到90%。", {comparator: ">=", value: 90, value_max: null, unit: "%"}],
    ["full-width percent", "专职校医配备率达到９０％。", {comparator: ">=", value: 90, value_max: null, unit: "%"}],
    ["全覆盖 is 100 %", "实现全市乡镇老年学校全覆盖。", {comparator: ">=", value: 100, value_max: null, unit: "%"}],
    // comparators
    ["以上", "新增课后服务课程300门以上。", {comparator: ">=", value: 300, value_max: null, unit: "门"}],
    ["及以上", "新增共同体50个及以上。", {comparator: ">=", value: 50, value_max: null, unit: "个"}],
    [
      "以上 after a short noun",
      "改革覆盖全市500所小学以上。",
      {comparator: ">=", value: 500, value_max: null, unit: "所"}
    ],
    [
      "不少于",
      "职业院校年度社会培训量不少于11万人次。",
      {comparator: ">=", value: 110000, value_max: null, unit: "人次"}
    ],
    ["不低于", "招生比例不低于33%。", {comparator: ">=", value: 33, value_max: null, unit: "%"}],
    ["力争…以上", "力争场地开放数达1000个以上。", {comparator: ">=", value: 1000, value_max: null, unit: "个"}],
    ["以下", "班额控制在45人以下。", {comparator: "<=", value: 45, value_max: null, unit: "人"}],
    ["以内", "大班额比例控制在5%以内。", {comparator: "<=", value: 5, value_max: null, unit: "%"}],
    ["不超过", "每班学生不超过45人。", {comparator: "<=", value: 45, value_max: null, unit: "人"}],
    ["不高于", "近视率不高于50%。", {comparator: "<=", value: 50, value_max: null, unit: "%"}],
    ["达到", "认定比例达到65%。", {comparator: ">=", value: 65, value_max: null, unit: "%"}],
    ["达", "认定比例达65%。", {comparator: ">=", value: 65, value_max: null, unit: "%"}],
    ["plain count", "新建71所老年学校。", {comparator: ">=", value: 71, value_max: null, unit: "所"}],
    ["≥", "标杆学校≥50所。", {comparator: ">=", value: 50, value_max: null, unit: "所"}],
    ["≤", "事故率≤0.01%。", {comparator: "<=", value: 0.01, value_max: null, unit: "%"}],
    [">", "满意度>95%。", {comparator: ">", value: 95, value_max: null, unit: "%"}],
    ["<", "辍学率<0.5%。", {comparator: "<", value: 0.5, value_max: null, unit: "%"}],
    [
      "较2022年增加",
      "招生计划数较2022年增加2800名以上。",
      {comparator: "increase", value: 2800, value_max: null, unit: "名"}
    ],
    ["较2022年下降", "大班额数量较2022年下降30个。", {comparator: "decrease", value: 30, value_max: null, unit: "个"}],
    [
      "逐年下降 N 个百分点",
      "近视率逐年下降1个百分点以上。",
      {comparator: "decrease", value: 1, value_max: null, unit: "百分点"}
    ],
    ["逐年提高", "入园率逐年提高0.5个百分点。", {comparator: "increase", value: 0.5, value_max: null, unit: "百分点"}],
    // traditional characters
    ["達到 and 個", "新增學位6.1萬個。", {comparator: ">=", value: 61000, value_max: null, unit: "个"}],
    [
      "traditional 不少於 and 人次",
      "年度社會培訓量不少於11萬人次。",
      {comparator: ">=", value: 110000, value_max: null, unit: "人次"}
    ],
    ["traditional 達 and %", "配備率達到90%以上。", {comparator: ">=", value: 90, value_max: null, unit: "%"}],
    [
      "traditional 百分點",
      "近視率逐年下降1個百分點。",
      {comparator: "decrease", value: 1, value_max: null, unit: "百分点"}
    ]
  ] as const)("%s: %s", (_name, sentence, expected) => {
    const targets = extract(sentence);
    expect(targets.map(brief)).toEqual([expected]);
  });

  it.each([
    ["a date", "2023年4月21日召开会议。"],
    ["a timestamp", "发布日期:2023-07-21 23:01:30"],
    ["a document number", "杭教〔2023〕1号文件印发。"],
    ["a congress number", "贯彻党的二十大精神。"],
    ["a plenary session", "贯彻落实省委十五届二次全会精神。"],
    ["a slogan with a plus", "谋划教育高质量发展“1+N”政策举措。"],
    ["an unquoted plus", "构建1+N个政策体系。"],
    ["a numbered mechanism", "推进意识形态工作“123456”机制。"],
    ["two establishments", "坚定拥护“两个确立”,做到“两个维护”。"],
    ["五育融合", "开展与“五育融合”相结合的研学。"],
    ["三名工程", "深入实施“三名工程”。"],
    ["a version", "积极承接城市大脑2.0建设任务。"],
    ["a plan period", "出台行动计划(2023—2025年)。"],
    ["an ordinal round", "实施第二轮清廉学校三年行动计划。"],
    ["an ordinal batch", "遴选认定第二批窗口学校。"],
    ["an age range", "开设面向2—3岁幼儿托班。"],
    ["a duration", "在6个月内完成整改。"],
    ["a Chinese numeral with no comparator", "建立一人一档,落实一校一策。"],
    ["a one-off", "发放一次性补助。"],
    ["全面 is not 全覆盖", "全面推进基础教育综合改革,全面实施学有优教工程。"],
    ["a masked figure", "新增托位****个。"],
    ["a masked figure with crosses", "新增学位××个。"],
    ["a book title", "用好《最忆杭州100个故事》读本。"]
  ])("no target in %s", (_name, sentence) => {
    expect(extract(sentence)).toEqual([]);
  });

  it("does not take a list number for a target", () => {
    expect(extractTargets("一、总体\n1.强化党建。\n2.深化改革。\n10.做好安全工作。\n")).toEqual([]);
  });

  it("gives ids by section, item and order of appearance", () => {
    const targets = extractTargets("五、测试\n1.新建成中小学、幼儿园72所、新增学位6.1万个。\n2.新增普惠托位1500个。\n");
    expect(targets.map((t) => t.id)).toEqual(["5.1a", "5.1b", "5.2a"]);
    expect(targets.map((t) => t.indicator)).toEqual(["新建成中小学、幼儿园", "新增学位", "新增普惠托位"]);
  });

  it("yields a repeated paragraph once", () => {
    const once = "六、民生实事\n1.新增学位6.1万个。\n";
    expect(extractTargets(once + "\n" + once).map((t) => t.id)).toEqual(["6.1a"]);
  });

  it.each([
    ["专职校医配备率达到90%以上", "专职校医配备率"],
    ["其中公办学校就读比例达到86%", "公办学校就读比例"],
    ["新建71所老年学校", "新建老年学校"],
    ["完成成人中等学历提升1.6万人", "成人中等学历提升"],
    ["力争场地(馆)开放数达1000个以上", "场地(馆)开放数"],
    ["实现全市乡镇(街道)老年学校全覆盖", "乡镇(街道)老年学校覆盖率"],
    ["中小学生总体近视率逐年下降1个百分点以上", "中小学生总体近视率"],
    ["市区优质高中招生计划数较2022年增加2800名以上", "市区优质高中招生计划数"],
    ["帮助学生掌握2—3项运动技能", "运动技能"]
  ])("names the indicator of %s: %s", (sentence, indicator) => {
    expect(extract(sentence + "。")[0]?.indicator).toBe(indicator);
  });

  it("keeps the deadline year, the baseline year, the period and the scope", () => {
    expect(extract("到2025年,新增学位10万个。")[0]).toMatchObject({year: 2025});
    expect(extract("2025年底前新增学位10万个。")[0]).toMatchObject({year: 2025});
    expect(extract("市区优质高中招生计划数较2022年增加2800名以上。")[0]).toMatchObject({
      year: null,
      baseline_year: 2022,
      scope: "市区"
    });
    expect(extract("近视率逐年下降1个百分点以上。")[0]).toMatchObject({per: "year", baseline_year: null});
    expect(extract("县(市)普通高中新增学位5000个。")[0]).toMatchObject({scope: "县(市)"});
    expect(extract("提升农村幼儿园保教质量,农村幼儿园等级率达到90%。")[0]).toMatchObject({scope: "农村"});
    expect(extract("推动各区、县(市)新增学位5000个。")[0]).toMatchObject({scope: null});
  });

  it.each([
    [
      "技术赋能标杆学校数 所 — 50",
      {indicator: "技术赋能标杆学校数", unit: "所", comparator: ">=", value: 50, value_max: null, baseline: null}
    ],
    ["覆盖率 % — ≥80", {indicator: "覆盖率", unit: "%", comparator: ">=", value: 80, value_max: null, baseline: null}],
    [
      "| 智慧校园达标率 | % | 65 | ≥85 |",
      {indicator: "智慧校园达标率", unit: "%", comparator: ">=", value: 85, value_max: null, baseline: 65}
    ],
    [
      "大班额比例\t%\t3.2\t≤1",
      {indicator: "大班额比例", unit: "%", comparator: "<=", value: 1, value_max: null, baseline: 3.2}
    ],
    [
      "运动技能 项 — 2—3",
      {indicator: "运动技能", unit: "项", comparator: "between", value: 2, value_max: 3, baseline: null}
    ]
  ])("reads the indicator table row %s", (row, expected) => {
    expect(extractTargets(`三、主要指标\n${row}\n`)[0]).toMatchObject(expected);
  });

  it("skips a table's header row and a masked cell", () => {
    expect(extractTargets("三、主要指标\n指标 单位 基期值 目标值\n新增托位 个 — ****\n")).toEqual([]);
  });

  it("gives offsets that slice the clause out of the input, traditional characters included", () => {
    const input = "二、測試\n3.加強建設,新增學位6.1萬個。\n";
    const [t] = extractTargets(input);
    expect(input.slice(t!.start_offset, t!.end_offset)).toBe("新增學位6.1萬個");
    expect(t!.text).toBe("新增學位6.1萬個");
  });

  it("refuses what is not text", () => {
    expect(() => extractTargets(42 as unknown as string)).toThrow(/invalid plan text: 42/);
  });
});

describe("extractTargets on the seed plan", () => {
  const file = join(PROJECT_DIR, "seeds", "hangzhou-edu-2023-work-plan.txt");
  const input = readFileSync(file, "utf8");
  const targets = extractTargets(input);

  it("finds exactly the plan's 33 targets, with ids, values, units and comparators", () => {
    const expected: [string, string, number, number | null, string][] = [
      ["2.2a", ">=", 100, null, "%"],
      ["2.3a", "between", 2, 3, "项"],
      ["2.3b", ">=", 2, null, "项"],
      ["2.4a", ">=", 90, null, "%"],
      ["2.4b", "decrease", 1, null, "百分点"],
      ["2.4c", ">=", 90, null, "%"],
      ["2.4d", ">=", 65, null, "%"],
      ["3.4a", ">=", 2, null, "所"],
      ["4.2a", ">=", 33, null, "%"],
      ["4.3a", ">=", 100, null, "%"],
      ["4.3b", ">=", 35, null, "%"],
      ["5.3a", ">=", 12, null, "个"],
      ["5.4a", ">=", 100, null, "%"],
      ["5.4b", ">=", 1, null, "次"],
      ["5.5a", ">=", 35, null, "%"],
      ["5.5b", ">=", 65, null, "%"],
      ["6.1a", ">=", 72, null, "所"],
      ["6.1b", ">=", 61000, null, "个"],
      ["6.2a", ">=", 1500, null, "个"],
      ["6.3a", ">=", 100, null, "%"],
      ["6.3b", ">=", 86, null, "%"],
      ["6.3c", ">=", 50, null, "个"],
      ["6.4a", ">=", 300, null, "门"],
      ["6.5a", "increase", 2800, null, "名"],
      ["6.6a", ">=", 16000, null, "人"],
      ["6.6b", ">=", 65000, null, "人"],
      ["6.6c", ">=", 110000, null, "人次"],
      ["6.7a", ">=", 71, null, "所"],
      ["6.7b", ">=", 8, null, "所"],
      ["6.7c", ">=", 100000, null, "人次"],
      ["6.8a", ">=", 530000, null, "名"],
      ["6.9a", ">=", 1000, null, "个"],
      ["6.10a", ">=", 500, null, "所"]
    ];
    expect(targets.map((t) => [t.id, t.comparator, t.value, t.value_max, t.unit])).toEqual(expected);
  });

  it("slices each target's clause out of the file with its offsets", () => {
    for (const t of targets) {
      expect(input.slice(t.start_offset, t.end_offset)).toBe(t.text);
      expect(t.text.length).toBeGreaterThan(3);
    }
    expect(targets.find((t) => t.id === "6.1b")!.text).toBe("新建成中小学、幼儿园72所、新增学位6.1万个");
  });

  it("keeps the first copy of the twice-printed notice", () => {
    const title = "杭州市教育局关于印发2023年工作要点的通知";
    const second = input.indexOf(title, input.indexOf(title) + title.length);
    expect(second).toBeGreaterThan(0);
    expect(targets.every((t) => t.start_offset < second)).toBe(true);
  });

  it("names the baseline year of 6.5 and the yearly decrease of 2.4b", () => {
    expect(targets.find((t) => t.id === "6.5a")).toMatchObject({
      baseline_year: 2022,
      scope: "市区",
      indicator: "市区优质高中招生计划数"
    });
    expect(targets.find((t) => t.id === "2.4b")).toMatchObject({
      per: "year",
      unit: "百分点",
      indicator: "中小学生总体近视率"
    });
  });
});

describe("a plan far larger than any real one", () => {
  // one sentence of 1 MB: clauses without a number, and a target every fiftieth clause
  const longSentence = () => {
    const clauses: string[] = [];
    for (let i = 0; clauses.length * 12 < 1024 * 1024; i++)
      clauses.push(i % 50 === 0 ? "新建学校12所" : "持续推进工作落实");
    return `2024年工作要点\n一、主要目标\n1.${clauses.join(",")}。\n`;
  };

  it("reads a sentence of 1 MB in time that grows with its length (it took minutes)", () => {
    const text = longSentence();
    const targets = extractTargets(text, {year: 2024});
    expect(targets.length).toBeGreaterThan(1000);
    expect(targets.every((t) => t.value === 12 && t.unit === "所")).toBe(true);
    expect(text.slice(targets[1]!.start_offset, targets[1]!.end_offset)).toBe("新建学校12所");
  });

  it("reads no target in a clause longer than MAX_CLAUSE characters, and warns naming where it starts", () => {
    const long = "推进工作落实".repeat(40_000); // 240,000 characters with no clause mark
    const text = `一、主要目标\n1.新建学校12所,${long}新建学校3所。\n`;
    const warnings: string[] = [];
    const targets = extractTargets(text, {year: 2024, warn: (m) => warnings.push(m)});
    expect(targets.map((t) => t.value)).toEqual([12]);
    expect(warnings).toEqual([
      `第 ${text.indexOf(long)} 个字符起的一个分句长 ${long.length + "新建学校3所".length} 字,超过 ${MAX_CLAUSE} 字(没有逗号、分号或句号),不会是一条目标,其中的数字未读取`
    ]);
  });
});
