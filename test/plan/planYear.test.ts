import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import iconv from "iconv-lite";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {curateTargets} from "../../pipelines/targets/curation.js";
import {extractTargets} from "../../pipelines/targets/extractTargets.js";
import {loadTargets} from "../../pipelines/targets/loadTargets.js";
import {inferPlanYear} from "../../pipelines/plan/planYear.js";

describe("inferPlanYear", () => {
  it.each([
    ["a title", "杭州市教育局2023年工作要点\n一、总体要求\n到2025年,新增学位1万个。", 2023, "title"],
    ["a traditional title", "臺北市2024年度教育工作計劃", 2024, "title"],
    ["a publication date", "浙江省卫生健康工作要点的通知\n发布日期: 2023-04-25 17:10\n一、主要任务", 2023, "date"],
    [
      "a traditional 發布時間",
      "國家衛健委:降至歷史最低\n發布時間:2023-06-02 09:20:00\n力爭到2030年孕產婦死亡率下降到12/10萬以下。",
      2023,
      "date"
    ],
    ["a 发表时间", "建设全面开工\n编辑:某某 发表时间:2024-05-06 09:25", 2024, "date"],
    [
      "a copy's date after the only year the text names, a time limit: the limit's year",
      "學校工作重點任務\n發布時間:2033-01-21\n一、制度建設\n1.各校要于2032年6月底前修訂章程。",
      2032,
      "deadline"
    ],
    [
      "a text that masks its years (*年, [*]): a model-text site's upload time is no year",
      "某省工作实施方案\n时间:2032-11-27 02:50:00\n根据《关于开展*年工作的通知》(闽委[*]4号),制定方案如下:\n一、任务",
      null,
      null
    ],
    [
      "a model-text site's copy that notes a reader's upload: its time line is the copy's post, no year",
      "乡镇年度工作安排\n时间:2032-12-29 04:42:13\n导语:一文来源于网友上传,不代表本站观点。\n(一)实施产业强镇工程",
      null,
      null
    ],
    [
      "a society's repost: its 发表时间 is the copy's post, no year",
      "某某促进会 > 热点话题\n部门分工意见\n发表时间:2031-4-17 来源:某市生态文明促进会 作者:系统管理员\n(二十四)健全体制机制。",
      null,
      null
    ],
    ["a 公布日期 with dots", "关于加快学前教育发展的意见\n【公布日期】2005.02.01\n一、目标", 2005, "date"],
    [
      "the latest year of the heading block",
      "全市教育工作会议召开,总结回顾2023年工作,部署2024年工作。\n会议介绍,新建学校15所。",
      2024,
      "heading"
    ],
    ["a five-year period", "“十四五”教育事业发展主要指标表\n一、发展水平\n1.学前教育毛入园率(%)", 2025, "period"],
    [
      "the latest deadline",
      "关于推进健康行动的实施意见\n一、总体目标\n到2025年,政策体系初步建立。\n到2030年,人均预期寿命达到78.5岁。",
      2030,
      "deadline"
    ],
    ["a deadline with spaces and 底前", "施政報告指標\n1. 黑點於 2023 年底前消除至少 75%。", 2023, "deadline"],
    [
      "a Republic of China year in the heading",
      "金門縣114年度施政計畫\n一、教育\n1. 增設公共化幼兒園2園。",
      2025,
      "roc"
    ],
    ["the latest of several", "施政計畫選項列管項目113年至114年第4季執行情形\n目前列管33案。", 2025, "roc"],
    [
      "a document number, when nothing else names a year",
      "若干措施\n厦府办〔2019〕10号\n根据《通知》(国办发〔2018〕104号)。\n一、重点任务\n(一)推进改革。",
      2019,
      "document"
    ],
    ["a document number in square brackets", "许政 [2020] 20号\n一、抓好疫情防控", 2020, "document"],
    [
      "the span a title names, before the page's date: a 2023—2025 plan covers to 2025",
      "关于印发《某市促进就业行动实施方案(2023—2025年)》的通知\n发布日期:2023-03-21\n一、总体目标",
      2025,
      "span"
    ],
    [
      "the span of a title a page's header pushes below its first five lines, before the page's date",
      "首页\n您当前所在的位置: 首页\n索引号:2024-0403001\n发布日期:2024-04-03 17:35:06\n标 题:\n某州司法局关于深化普法专项行动的实施意见(2024—2025年)\n为巩固成果,提出以下意见。\n一、加强组织保障",
      2025,
      "span"
    ],
    [
      "the five-year period a title names, before the notice's date",
      "各市人民政府:\n现将方案印发给你们。\n某省发展和改革委员会\n2022年10月18日\n某省“十四五”现代流通体系建设实施方案\n一、深化改革",
      2025,
      "period"
    ],
    [
      "a press report's dateline, over a year its story compares with",
      "记者 某某 台北 2025-11-20 10:49\n今年民间投资金额上看 2,000 亿元,仅次于 2022 年和 2010 年。",
      2025,
      "heading"
    ],
    [
      "a dateline printed day first (13.03.2015), as some mirrors print a report's date",
      "某省重点工作分工确定\n13.03.2015  07:51\n记者昨日获悉,省政府就落实重点工作提出分工意见。\n1、进一步落实产销衔接政策。",
      2015,
      "heading"
    ],
    [
      "a press report with no title line: not the span of a plan it follows, but its own deadline",
      "近日,某市印发《某市数字经济发展实施方案》。方案根据《某市国土空间总体规划(2021—2035年)》,提出到2025年,数字经济核心产业增加值达到1000亿元。",
      2025,
      "heading"
    ],
    [
      "the span of the plan a press report says was issued, in Republic of China years, before the post's date",
      "某某新闻\n作者: 某某 2024-08-15 17:53:29\n行政院长周四在院会拍板「国家发展计划(114至117年)」,订定总体经济目标。\n到2027年,人均GDP可望突破4万美元。",
      2028,
      "span"
    ],
    [
      "the five-year plan a press report says was drawn up, before the year of the sessions it reports",
      "2026年全国两会特别报道·图解政府工作报告\n据新华社北京3月5日电 国务院编制了《国民经济和社会发展第十五个五年规划纲要(草案)》,提交大会审查。",
      2030,
      "period"
    ],
    [
      "a title line that names one year, before a repost's date",
      "湖北某市绘制2014年经济社会发展蓝图\n发布时间:2015-02-28  来源:某市新闻网\n预期目标\n生产总值增长10.5%。",
      2014,
      "heading"
    ],
    [
      "a year the text names, when nothing else does (not a year it counts from)",
      "(二)自查阶段。对2003年以来重点工作进行检查。\n(三)总结阶段。报送《2005年专项行动工作总结》。",
      2005,
      "mention"
    ],
    [
      "a two-digit year a goal names, when the text names no other",
      "某区林业局工作要点\n一、发展林业产业\n力争 09 年林业总产值突破5亿元。",
      2009,
      "mention"
    ]
  ])("reads the year from %s", (_name, text, year, source) => {
    expect(inferPlanYear(text)).toEqual({year, source});
  });

  it("says null when nothing names a year, and the option wins over everything", () => {
    expect(inferPlanYear("加大重点人群健康保障\n年内产前筛查率达到90%以上。")).toEqual({year: null, source: null});
    // a count of years is not a year: only three digits before 年 in the heading count, and not inside a longer number
    expect(inferPlanYear("学校章程\n一、总则\n学校建于120年前。")).toEqual({year: null, source: null});
    expect(inferPlanYear("纪念建校1120年\n一、总则")).toEqual({year: null, source: null});
    // a year the text says was already reached (2020 年已达标) is past: not the plan's
    expect(
      inferPlanYear("魅力城市创建行动方案\n一、开展整治\n1.加大整治力度。对 2020 年已达标的街(镇)进行提档升级。")
    ).toEqual({year: null, source: null});
    // a sentence that refers to a five-year plan does not make the text one
    expect(inferPlanYear("今年发展主要预期目标是:增长5%左右。\n预期目标与“十四五”规划相衔接。")).toEqual({
      year: null,
      source: null
    });
    expect(inferPlanYear("杭州市教育局2023年工作要点", {year: 2024})).toEqual({year: 2024, source: "option"});
    expect(inferPlanYear("杭州市教育局2023年工作要点", {year: null})).toEqual({year: 2023, source: "title"});
    expect(() => inferPlanYear("", {year: 20.5})).toThrow(/invalid plan year: 20.5/);
  });
});

describe("loadTargets on plans it has never seen", () => {
  let dir = "";
  const write = async (name: string, content: string | Buffer) => {
    const file = join(dir, name);
    await writeFile(file, content);
    return file;
  };
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "planwatch-year-"))));
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it("keeps a plan with no year: its targets' period is null and the warning names the file", async () => {
    const warnings: string[] = [];
    const file = await write("noyear.txt", "加大重点人群健康保障\n年内产前筛查率达到90%以上,新建托育机构12家。\n");
    const targets = await loadTargets({plan: file, warn: (m) => warnings.push(m)});
    expect(targets.map((t) => [t.value, t.unit, t.start, t.deadline])).toEqual([
      [90, "%", null, null],
      [12, "家", null, null]
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/noyear\.txt.*计划年份/);
  });

  it("reads the plan's year from its deadlines when nothing else says it, and takes --year over the text", async () => {
    const file = await write("deadline.txt", "健康行动\n人均预期寿命达到78.5岁,到2030年婴儿死亡率下降到4.0‰。\n");
    expect((await loadTargets({plan: file})).map((t) => [t.value, t.unit, t.start, t.deadline])).toEqual([
      [78.5, "岁", "2030-01", "2030-12"],
      [4, "‰", "2030-01", "2030-12"]
    ]);
    expect((await loadTargets({plan: file, year: 2024})).map((t) => [t.start, t.deadline])).toEqual([
      ["2024-01", "2030-12"],
      ["2024-01", "2030-12"]
    ]);
  });

  it("gives a clause's deadline year to its target when the plan's year is unknown, and no start", () => {
    const targets = curateTargets(
      extractTargets("健康行动\n到2030年婴儿死亡率下降到4.0‰,产前筛查率达到90%。\n", {year: null}),
      [],
      {planYear: null}
    );
    expect(targets.map((t) => [t.start, t.deadline, t.kind, t.aggregation, t.direction])).toEqual([
      [null, "2030-12", "level", "min", "down"],
      [null, "2030-12", "level", "ratio", "up"]
    ]);
  });

  it.each([
    ["an empty file", "empty.txt", "", /empty\.txt: 计划文本为空/],
    ["a blank file", "blank.txt", " \n\n\t\n", /blank\.txt: 计划文本为空/],
    [
      "a file neither UTF-8 nor GBK",
      "mixed.txt",
      Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x31]),
      /mixed\.txt: 计划文本不是可读的文本/
    ],
    ["a binary file", "nul.txt", "新增学位\u00001万个", /nul\.txt: 计划文本不是可读的文本.*NUL/]
  ])("refuses %s with invalid_plan", async (_name, name, content, message) => {
    const file = await write(name, content);
    await expect(loadTargets({plan: file})).rejects.toMatchObject({
      code: "invalid_plan",
      message: expect.stringMatching(message)
    });
  });

  it("reads a plan saved in GBK (as a Chinese Windows saves it) as its UTF-8 twin", async () => {
    const text = "某市教育局2031年工作要点\n一、教育\n1.新增学位1万个。\n";
    const utf8 = await write("utf8.txt", text);
    const gbk = await write("gbk.txt", iconv.encode(text, "gbk"));
    expect(await loadTargets({plan: gbk})).toEqual(await loadTargets({plan: utf8}));
    expect((await loadTargets({plan: gbk}))[0]).toMatchObject({value: 10000});
  });

  it("refuses a folder with invalid_plan, and leaves a missing file to the file system's ENOENT", async () => {
    await expect(loadTargets({plan: dir})).rejects.toMatchObject({
      code: "invalid_plan",
      message: expect.stringMatching(/不是普通文件\(是文件夹\)/)
    });
    await expect(loadTargets({plan: join(dir, "missing.txt")})).rejects.toMatchObject({code: "ENOENT"});
  });
});
