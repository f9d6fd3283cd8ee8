import {describe, expect, it} from "vitest";
import {type ExtractedTarget, extractTargets} from "../../pipelines/targets/extractTargets.js";

// Phrasings of plans other than the seed: one sentence set in a minimal plan (section 二, item 3),
// the plan's year given so that past and future are told apart.
const extract = (sentence: string, year: number | null = 2024) =>
  extractTargets(`二、测试部分\n3.${sentence}\n`, {year});
const brief = (t: ExtractedTarget) => [t.comparator, t.value, t.unit];

describe("an open unit vocabulary", () => {
  it.each([
    ["‰", "婴儿死亡率控制在4.5‰以内。", [["<=", 4.5, "‰"]]],
    ["a rate per 10万", "孕产妇死亡率下降到10/10万。", [["<=", 10, "/10万"]]],
    ["亩", "实施高标准农田建设5000亩。", [[">=", 5000, "亩"]]],
    [
      "traditional 畝 and 處",
      "實施田塊整治500畝,布設監測點30處。",
      [
        [">=", 500, "亩"],
        [">=", 30, "处"]
      ]
    ],
    ["公顷 with spaces", "提供約 3,300 公頃新平整土地。", [[">=", 3300, "公顷"]]],
    ["套", "筹集保障性租赁住房2000套。", [[">=", 2000, "套"]]],
    ["户 of the households a bare count names (3000农户)", "带动3000农户增产增收。", [[">=", 3000, "户"]]],
    ["批次", "开展食品安全抽检1.2万批次。", [[">=", 12000, "批次"]]],
    ["a count per thousand people (批次/千人)", "食品抽检量达到4批次/千人以上。", [[">=", 4, "批次/千人"]]],
    ["平米, an area's short name", "人均住房面积达到35平米以上。", [[">=", 35, "平米"]]],
    ["页 before 的", "完成档案数字化20万页的年度任务。", [[">=", 200000, "页"]]],
    ["座", "新建农村户厕500座。", [[">=", 500, "座"]]],
    ["张", "新增养老床位300张。", [[">=", 300, "张"]]],
    ["an age that is the indicator", "人均预期寿命达82.4岁。", [[">=", 82.4, "岁"]]],
    ["years that are the indicator", "劳动年龄人口平均受教育年限达12.3年以上。", [[">=", 12.3, "年"]]],
    ["an hour in words", "中小学生每天校内体育活动时间不少于一个小时。", [[">=", 1, "小时"]]],
    ["bare 万 with the unit on the noun", "城乡居民免费健康体检人数达1000万以上。", [[">=", 10000000, "人"]]],
    ["万 and the unit after", "为1000万人以上提供免费体检。", [[">=", 10000000, "人"]]],
    ["an index", "健康浙江发展指数达85。", [[">=", 85, ""]]],
    ["余 in a sentence that plans: at least", "项目建成后将新增学位1700余个。", [[">=", 1700, "个"]]],
    [
      "a level and its bounded change are the plan's",
      "地区生产总值达到1500亿元,增长7%左右。",
      [
        [">=", 150000000000, "元"],
        ["=", 7, "%"]
      ]
    ],
    [
      "a level and its change with a goal word are the plan's",
      "力争全年实现地区生产总值1500亿元,增长7%。",
      [
        [">=", 150000000000, "元"],
        [">=", 7, "%"]
      ]
    ],
    ["约 keeps the default", "每年进行约 500 次联合清洁行动。", [[">=", 500, "次"]]],
    ["降至 is at most", "重大慢病过早死亡率降至9.3%。", [["<=", 9.3, "%"]]],
    [
      "a list shares its verb",
      "婴儿死亡率、孕产妇死亡率分别下降到4.0‰、10/10万。",
      [
        ["<=", 4, "‰"],
        ["<=", 10, "/10万"]
      ]
    ],
    [
      "左右 is about",
      "地区生产总值增长5%左右,研发经费支出比例保持在4%左右。",
      [
        ["=", 5, "%"],
        ["=", 4, "%"]
      ]
    ],
    ["左右 keeps a bound the words say", "城镇登记失业率控制在4.5%左右。", [["<=", 4.5, "%"]]],
    ["斤 and 万亿", "粮食产量1.3万亿斤以上。", [[">=", 1.3e12, "斤"]]],
    ["千瓦 after 亿 is one unit", "风电、太阳能发电总装机容量达到12亿千瓦以上。", [[">=", 1.2e9, "千瓦"]]],
    ["吨标准煤 after 亿", "全国能源生产总量达到49.8亿吨标准煤左右。", [["=", 4.98e9, "吨标准煤"]]],
    ["标准箱 after 万", "集装箱吞吐量达到4000万标准箱。", [[">=", 4e7, "标准箱"]]],
    ["GW after a space", "长期目标为20 GW。", [[">=", 20, "GW"]]],
    ["场次", "组织全民健身活动不少于2200场次。", [[">=", 2200, "场次"]]],
    ["工作日 of a time (压缩至 is at most)", "全流程审批时间压缩至90个工作日。", [["<=", 90, "工作日"]]],
    ["工作日 of a procedure's time limit is no target", "环评报告书14个工作日内完成审批。", []],
    ["bare 万 that counts people", "为200万中小学生开展心理健康测评。", [[">=", 2000000, "人"]]],
    [
      "bare 万 takes its list's unit",
      "分别新增学位4.68万和7000个。",
      [
        [">=", 46800, "个"],
        [">=", 7000, "个"]
      ]
    ],
    [
      "a measure word outside the vocabulary: 头",
      "确保能繁母猪常年存栏0.95万头、年出栏生猪18.5万头以上。",
      [
        [">=", 9500, "头"],
        [">=", 185000, "头"]
      ]
    ],
    [
      "a measure word outside the vocabulary: 方, before a bracket",
      "完成土石方1325.2万方(含清淤)。",
      [[">=", 13252000, "方"]]
    ],
    ["a measure word outside the vocabulary: 只", "新增种鹅2万只。", [[">=", 20000, "只"]]],
    [
      "a change by percentage points with no base year",
      "3岁以下婴幼儿入托率提高6个百分点,辍学率下降0.5个百分点。",
      [
        ["increase", 6, "百分点"],
        ["decrease", 0.5, "百分点"]
      ]
    ],
    [
      "bare numbers take the unit their list's last value carries",
      "全年新增学位:小学6000、初中4000、高中2000个,1、2号楼完成改造,3、4月开工,满足1、2年级。",
      [
        [">=", 6000, "个"],
        [">=", 4000, "个"],
        [">=", 2000, "个"]
      ]
    ],
    [
      "a bare number and its list's measure word, joined by 和",
      "新建公办幼儿园12和中小学8所。",
      [
        [">=", 12, "所"],
        [">=", 8, "所"]
      ]
    ],
    [
      "bare rates sharing the list's %",
      "学前教育、义务教育、高中阶段毛入学率分别达到90、85和80%。",
      [
        [">=", 90, "%"],
        [">=", 85, "%"],
        [">=", 80, "%"]
      ]
    ],
    [
      "a bare 万 and a named value after it",
      "新增学位:小学1.2万、初中8000个。",
      [
        [">=", 12000, "个"],
        [">=", 8000, "个"]
      ]
    ],
    ["工日", "投劳1226.2万工日。", [[">=", 12262000, "工日"]]],
    [
      "km² and km2 are 平方公里, m² 平方米",
      "治理水土流失面积120km²,新增湿地30 km2,建成绿地5000m²。",
      [
        [">=", 120, "平方公里"],
        [">=", 30, "平方公里"],
        [">=", 5000, "平方米"]
      ]
    ],
    ["平方千米, an area outside the first vocabulary", "新增恢复404平方千米水浇地。", [[">=", 404, "平方千米"]]],
    [
      "a size in words naming a class before its count (千亿元地级市3个、百亿元县市区30个)",
      "培育旅游总收入千亿元地级市3个、百亿元县市区30个。",
      [
        [">=", 3, "个"],
        [">=", 30, "个"]
      ]
    ],
    [
      "a list's change shared past a bound closing the value before",
      "化学需氧量、氨氮、氮氧化物排放总量比2020年分别下降8%、8%、10%以上、10%以上。",
      [
        ["decrease", 8, "%"],
        ["decrease", 8, "%"],
        ["decrease", 10, "%"],
        ["decrease", 10, "%"]
      ]
    ],
    ["a pinyin gloss between number and unit", "新建保障性住房64萬(wàn)平方米。", [[">=", 640000, "平方米"]]],
    ["pinyin glosses inside the words", "糧食總產(chǎn)量達(dá)到28萬噸。", [[">=", 280000, "吨"]]],
    ["超 is more than", "力争园区覆盖率超80%。", [[">", 80, "%"]]],
    [
      "同比 after a goal is named",
      "旅游经济发展目标为:接待游客9900万人次,同比增长10%。",
      [
        [">=", 99000000, "人次"],
        [">=", 10, "%"]
      ]
    ],
    ["同比 with a bound", "旅游总收入同比增长不低于12%。", [[">=", 12, "%"]]],
    [
      "quoted speech is text",
      "局长表示:“今年组织全民健身活动不少于2200场次;新建‘一场一馆’足球场地100块。”",
      [
        [">=", 2200, "场次"],
        [">=", 100, "块"]
      ]
    ]
  ] as const)("%s: %s", (_name, sentence, expected) => {
    expect(extract(sentence).map(brief)).toEqual(expected);
  });

  it.each([
    ["a time after a number is no measure word", "于3月底前完成,每周2天开放。"],
    ["a rank is no measure word", "引进世界500强、中国500强企业。"],
    ["a version is no measure word", "开展旅游公路1.0版宣传推广。"],
    ["brackets without a toned vowel are no gloss", "推进5G(fifth)网络建设。"],
    ["an age that qualifies people", "为65岁以上老年人提供一次免费健康体检服务。"],
    ["an age range", "依托社区开展0-6岁儿童家长培训。"],
    ["an age under a rate", "5岁以下儿童死亡率持续下降。"],
    ["a duration inside a name", "总体癌症五年生存率稳步提高。"],
    ["a calendar year", "确定2015年目标值。"],
    ["a period of a programme", "参加为期一年的计划。"],
    ["the scope of a measure", "针对12个乡镇开展专项整治。"],
    ["a count of fields", "聚焦6个发展领域。"],
    ["a count of livelihood projects", "办好10件民生实事。"],
    ["a count of livelihood projects with modifiers", "接续办好15件重点民生实事。"],
    ["a count of those who attend", "参加大会的237名人大代表进行了投票。"],
    ["a scope further on", "涉及全县15个镇、乡村道路700多处安全隐患地段。"],
    ["a base", "在2023年117公里的基础上翻了一番。"],
    ["a count that opens its clause and was done", "46项市级绩效任务全部完成,318件建议提案全部办理完毕。"],
    ["a formula's factor", "实际辅导案数/计划辅导案数*100%"],
    ["a weight in brackets after a goal", "推展会展活动(6%)"],
    ["the parts a document has", "纲要共设18篇,下设5个专栏。"],
    ["the parts a document has, run on", "纲要共分19篇65章。"],
    ["a count of principles", "本着科学布局、加强监管等4项原则。"],
    ["a page's count of its characters", "(未完,全文共1744字,当前显示407字)"],
    ["a page's count of its views", "2013/10/18 15:17:00 1733次阅读"],
    ["a page's count of its views after a label", "作者:管理员 | 阅读次数:69次"],
    ["a document preview's count of its pages", "应急保障体系建设行动计划方案(18页).docx"],
    ["a party of visitors (一行3人)", "省档案局调研组一行3人对县数字档案馆建设情况开展调研。"],
    ["a party of visitors and where it goes to look", "省政协组织省政协委员约50人到港区二期工程项目工地视察。"],
    ["a list's count by its parts (十方面共32项)", "今年共安排十方面共32项。"],
    ["a count that opens the list after it (新增14项包括:)", "具体来说,今年新增14项包括:建设智慧养老院。"],
    [
      "a count of the tasks a colon opens (做好8项工作:)",
      "指挥部要求重点做好8项工作:抓好条例的贯彻实施;抓好队伍建设。"
    ],
    ["those who speak at a meeting", "福州港务集团等11家港口企业及重点港区建设项目单位代表发言并汇报工作计划。"],
    ["a figure told roughly (余): what was done", "阵地读者服务窗口新增办证650余个,书刊借阅8.8万余册次。"],
    ["a figure told roughly (千余, 万余)", "资料检索11千余人次,发放宣传资料15万余份。"],
    ["a figure told roughly (多)", "走访企业300多家。"],
    ["a level and its change with no base named: a statistic's pair", "服务贸易进出口291.7亿美元,增长14.5%。"],
    ["pairs in turn", "合同外资83.6亿美元,增长4.0%;实际使用外资54.2亿美元,增长6.1%。"]
  ])("no target in %s", (_name, sentence) => {
    expect(extract(sentence)).toEqual([]);
  });

  it("reads a class as no target, and the count it classes as one", () => {
    expect(extract("投资10亿元以上项目10个、亿元以上项目100个。").map(brief)).toEqual([
      [">=", 10, "个"],
      [">=", 100, "个"]
    ]);
  });

  it("reads a size followed by 级 (25万吨级航道, 千亩级基地) as a class, not a quantity", () => {
    expect(extract("建设25万吨级航道,打造10个千亩级示范基地,新建3个5万吨级泊位。").map(brief)).toEqual([
      [">=", 10, "个"],
      [">=", 3, "个"]
    ]);
  });

  it("reads a figure right after 超出目标 or 超出年度任务 as the overrun's difference, no target", () => {
    expect(extract("产业总产值达到500亿元,超出目标30亿元;造林100万亩,超出年度任务20%。").map(brief)).toEqual([
      [">=", 5e10, "元"],
      [">=", 1e6, "亩"]
    ]);
  });

  it("names each value of a 分别 list after its own indicator", () => {
    expect(
      extract("婴儿死亡率、5岁以下儿童死亡率、孕产妇死亡率分别下降到4.0‰、4.5‰、10/10万。").map((t) => [
        t.indicator,
        t.value,
        t.unit
      ])
    ).toEqual([
      ["婴儿死亡率", 4, "‰"],
      ["5岁以下儿童死亡率", 4.5, "‰"],
      ["孕产妇死亡率", 10, "/10万"]
    ]);
  });

  it("takes the households a measure reaches for its target, not its scope", () => {
    expect(extract("计划新开工改造城镇老旧小区5.3万个、涉及居民865万户。").map(brief)).toEqual([
      [">=", 53000, "个"],
      [">=", 8650000, "户"]
    ]);
  });

  it("reads a grading scale (numbered steps rising to 100%) as no target, and each repeated cell of a flattened table", () => {
    const table =
      "衡量標準\n|\n1.完成委託專業技術服務25%\n2.完成工程招標50%\n3.工程完工75%\n4.完成攤商搬遷、市場啟用100%\n|\n100%\n|\n年度辦理市場用地數\n|\n2場\n|\n年度輔導行銷活動場數\n|\n2場\n|\n";
    expect(extractTargets(table, {year: null}).map(brief)).toEqual([
      [">=", 100, "%"],
      [">=", 2, "场"],
      [">=", 2, "场"]
    ]);
  });

  it("takes a count that a share is of for no target", () => {
    expect(extract("约600个环境卫生黑点于2024年底前消除至少75%。").map(brief)).toEqual([[">=", 75, "%"]]);
  });

  it("takes the figure the things a share counts meet (20%的村集体年收入超30万元) for the share's condition, no target", () => {
    expect(extract("力争实现20%的村集体年收入超30万元。").map(brief)).toEqual([[">=", 20, "%"]]);
    expect(extract("推动70%以上网上申办事项到现场办理次数不超过1次。").map(brief)).toEqual([[">=", 70, "%"]]);
    expect(extract("森林覆盖率达到45%和城市绿化率40%。").map(brief)).toEqual([
      [">=", 45, "%"],
      [">=", 40, "%"]
    ]);
  });
});

describe("commitments, not results", () => {
  it("skips what a past period or a past year did, keeps what the plan's year will do", () => {
    const plan =
      "全市教育工作会议召开\n会议介绍,2023年全市新改扩建公办幼儿园38所、中小学13所,新增学位1.2万个。\n2024年全市将新改扩建公办幼儿园25所、中小学15所。\n";
    expect(extractTargets(plan, {year: 2024}).map(brief)).toEqual([
      [">=", 25, "所"],
      [">=", 15, "所"]
    ]);
    expect(extract("引进项目不少于3个。上半年,引进项目3个;新开工产业项目80个。").map(brief)).toEqual([[">=", 3, "个"]]);
  });

  it("skips what the words say is done: 已, 截至…累计, 为任务的, 比上年同期", () => {
    for (const sentence of [
      "已建成幼儿园30所。",
      "截至2023年底,累计建成健身步道120公里。",
      "新增城镇就业66289人,为任务的116.3%。",
      "比上年同期增长28.6%。",
      "全市接待游客同比增长187.8%。",
      "近年来累计支持建成家庭养老床位36.6万张。"
    ]) {
      expect(extract(sentence), sentence).toEqual([]);
    }
  });

  it("reads a report: prose tells results, the target it names counts, numbered items quote the tasks", () => {
    const report =
      "某区教育局2023年工作总结\n全年完成新建幼儿园48所,超额完成40所的年度目标任务。\n1.新建普惠托位1500个。\n";
    expect(extractTargets(report).map(brief)).toEqual([
      [">=", 40, "所"],
      [">=", 1500, "个"]
    ]);
    expect(extractTargets("某区教育局2023年工作要点\n全年完成新建幼儿园48所。\n").map(brief)).toEqual([
      [">=", 48, "所"]
    ]);
  });

  it("reads a count of works whose state closes its clause (4个泊位基本建成) as progress, unless planned", () => {
    expect(extract("赣榆港区防波堤工程一期和4个5万吨级码头泊位基本建成,为年内开港打下了基础。")).toEqual([]);
    expect(extract("燕尾作业区2个3万吨级泊位加快建设。")).toEqual([]);
    expect(extract("力争2个3万吨级泊位主体建成。").map(brief)).toEqual([[">=", 2, "个"]]);
  });

  it("reads the line under a site's greeting (您好,欢迎访问…!) as the headline, which states no targets", () => {
    expect(extractTargets("您好,欢迎访问中国食品安全网!\n2021年某市食品抽检合格率达97.91%\n")).toEqual([]);
  });

  it("reads a title that names a year's work report (图书馆2019年度工作报告) as a report", () => {
    expect(extractTargets("某县图书馆2019年度工作报告\n举办百场文化下乡活动,走进庙坝镇等20场次。\n")).toEqual([]);
  });

  it("reads a report's numbered item whose run-on heading a space closes (一、夯基础,优服务 (一) 做好志愿服务) as results", () => {
    const review =
      "2022年的进度条已加载完毕,一年来,某市图书馆交出了一份精彩的年终答卷,一起来看看今年的成绩单吧!\n" +
      "一、夯基础,优服务,文化惠民深入民心 (一) 做好志愿服务,坚持免费开放 2022年,进馆人数达204178人次,新增读者证数1790个。\n";
    expect(extractTargets(review)).toEqual([]);
  });

  it("reads a paragraph that opens with 完成情况 as results, and 将 on its own line as a plan", () => {
    const text =
      "2023年民生实事项目之二\n总投资230万元,共新建农村户厕500座。\n2023年完成情况:新建农村户厕500座,比原计划多提升改造公厕5座。\n该项目将新增学位1700余个。\n";
    expect(extractTargets(text).map(brief)).toEqual([
      [">=", 2300000, "元"],
      [">=", 500, "座"],
      [">=", 1700, "个"]
    ]);
  });

  it("keeps the year's targets a progress report measures against, not the progress", () => {
    const text =
      "农村公路建设情况\n2025年1—4月,新改建农村公路约2万公里,完成全年目标任务(10万公里)的19.5%。改造农村公路危桥1115座,完成全年目标任务(3000座)的37.2%。\n";
    expect(extractTargets(text, {year: 2025}).map(brief)).toEqual([
      [">=", 100000, "公里"],
      [">=", 3000, "座"]
    ]);
  });

  it("reads a news report of results (记者…获悉): only the target it names, a ceiling for a concentration", () => {
    const text =
      "本报电 记者从新闻发布会上获悉,2023年,全国PM2.5平均浓度为30微克/立方米,优于年度目标32.9微克/立方米。\n2023年,全国优良天数比率为85.5%,好于年度目标0.6个百分点。\n";
    expect(extractTargets(text).map(brief)).toEqual([["<=", 32.9, "微克/立方米"]]);
  });

  it("reads a text that opens on prose reporting a press conference on results (“…成就”新闻发布会) as a report", () => {
    const text =
      "据新华社报道,国新办2024年12月30日举行“交通发展成就”新闻发布会,交通运输部负责人介绍,2024年,全国完成公路投资2.5万亿元,新改建农村公路18万公里。\n2024年,全国新开通公交线路300条。\n";
    expect(extractTargets(text).map(brief)).toEqual([]);
    const plan =
      "据新华社报道,国新办2024年12月30日举行新闻发布会,交通运输部负责人介绍,2025年全国将新改建农村公路15万公里。\n";
    expect(extractTargets(plan).map(brief)).toEqual([[">=", 150000, "公里"]]);
  });

  it("skips what 前9个月 and 公布去年 report", () => {
    expect(extract("今年前9个月,城镇老旧小区开工率约97%。")).toEqual([]);
    expect(extract("人社部公布去年全国城镇新增就业1256万人。")).toEqual([]);
  });

  it("reads a title that reports (同比, 发布会 after the opening date) as a report, keeping the target it names", () => {
    expect(
      extractTargets("2024年生产安全事故死亡人数同比降7.7%\n自然灾害因灾死亡失踪人数继续控制在千人以下。\n").map(brief)
    ).toEqual([]);
    const news =
      "1月21日,人社部举行2024年四季度新闻发布会,公布去年全国城镇新增就业1256万人,完成1200万人以上全年城镇新增就业目标。\n全年城镇调查失业率平均值为5.1%。\n";
    expect(extractTargets(news).map(brief)).toEqual([[">=", 12000000, "人"]]);
  });

  it("reads the paragraphs under a subheading that looks back (回顾2023年工作成果) as results, until the next subheading", () => {
    const text =
      "某县2024年政府工作报告\n各位代表:\n回顾2023年工作成果\n全县GDP增长6%,投资10亿元。\n展望2024年工作目标\n确保GDP增长7%,投资15亿元。\n";
    expect(extractTargets(text).map(brief)).toEqual([
      [">=", 7, "%"],
      [">=", 1500000000, "元"]
    ]);
  });

  it("reads the review part of a plan whose title names no year as results, numbered items too, up to its tasks", () => {
    const plan =
      "某县卫健委工作计划\n一、主要成绩\n1.新建村卫生室40个,家庭医生签约率达到75%。\n二、工作目标\n1.新建村卫生室10个,家庭医生签约率达到80%。\n";
    expect(extractTargets(plan).map(brief)).toEqual([
      [">=", 10, "个"],
      [">=", 80, "%"]
    ]);
    const progress =
      "新农村阶段性工作报告\n一、目前镇新农村建设点进展情况\n1、冯家坊点\n改水完成80%。\n2、南塘点\n新农村建设点现改水60%,改厕完成30%。\n二、下一步工作打算\n1.新建进户路3公里。\n";
    expect(extractTargets(progress).map(brief)).toEqual([[">=", 3, "公里"]]);
    // a progress report that turns to no new tasks: its numbered item quotes the task it reports on
    const report = "某县2024年重点工作完成情况\n一、主要指标完成情况\n1.新增就业1000人。上半年,新增就业600人。\n";
    expect(extractTargets(report).map(brief)).toEqual([[">=", 1000, "人"]]);
  });

  it("reads a section naming only a year before the latest the text names as a review, when the plan's year is unknown", () => {
    const plan = "某县教育局工作计划\n一、2022年工作\n1.新建学校40所。\n二、2023年工作\n1.新建学校10所。\n";
    expect(extractTargets(plan).map(brief)).toEqual([[">=", 10, "所"]]);
    const prose = "某县教育局工作计划\n一、工作回顾与安排\n2022年,全县新建学校40所。\n2023年,全县将新建学校10所。\n";
    expect(extractTargets(prose).map(brief)).toEqual([[">=", 10, "所"]]);
  });

  it("reads a paragraph opening with 主要成绩: and a verb with 了 as results", () => {
    const text =
      "某县教育局工作计划\n主要成绩:完成校舍改造20万平方米,培训教师3000人次。\n过去的工作中,我们完成了校舍改造5万平方米,建成了体育馆3座。\n今年将新建学校10所。\n";
    expect(extractTargets(text).map(brief)).toEqual([[">=", 10, "所"]]);
  });

  it("opens no look back at a heading whose look-back word is the plan's object (巩固拓展脱贫攻坚成果)", () => {
    const plan =
      "某县2024年工作要点\n一、巩固拓展脱贫攻坚成果\n全县新增就业1000人。\n二、总结推广典型经验\n培育示范村10个。\n";
    expect(extractTargets(plan).map(brief)).toEqual([
      [">=", 1000, "人"],
      [">=", 10, "个"]
    ]);
  });

  it("takes no target from a title or a short heading", () => {
    expect(
      extractTargets("施政報告|李家超列110項KPI 一文看清百大指標\n1. 不少於 70% 學員取得進步。\n").map(brief)
    ).toEqual([[">=", 70, "%"]]);
    expect(extractTargets("某市2024年工作要点\n五、办好12个民生实事项目\n1.新增学位1万个。\n").map(brief)).toEqual([
      [">=", 10000, "个"]
    ]);
  });
});

describe("indicator tables copied from a page", () => {
  const row = (t: ExtractedTarget) => [t.indicator, t.comparator, t.value, t.unit, t.baseline, t.baseline_year, t.year];
  it.each([
    [
      "a table flattened one cell a line, each cell ending in ` |`",
      "主要指标\n指标 |\n2020年 |\n2025年目标值 |\n属性 |\n学前教育毛入园率(%) |\n90 |\n95 |\n预期性 |\n普惠托位(个) |\n100 |\n300 |\n预期性 |\n",
      [
        ["学前教育毛入园率", ">=", 95, "%", 90, 2020, 2025],
        ["普惠托位", ">=", 300, "个", 100, 2020, 2025]
      ]
    ],
    [
      "header cells with an English gloss and the year in brackets",
      "主要指标\n| 指标 Indicator | 单位 Unit | 基期值(2020年) | 目标值(2025年) | 属性 |\n| 学前教育毛入园率 | % | 90 | 95 | 预期性 |\n| 普惠托位 | 个 | 100 | 300 | 约束性 |\n",
      [
        ["学前教育毛入园率", ">=", 95, "%", 90, 2020, 2025],
        ["普惠托位", ">=", 300, "个", 100, 2020, 2025]
      ]
    ],
    [
      "a flattened header whose target column names its year in brackets",
      "指标\n单位\n目标值(2025年)\n属性\n学前教育毛入园率\n%\n95\n预期性\n普惠托位\n个\n300\n约束性\n",
      [
        ["学前教育毛入园率", ">=", 95, "%", null, null, 2025],
        ["普惠托位", ">=", 300, "个", null, null, 2025]
      ]
    ],
    [
      "a flattened header glossed in English",
      "指标 Indicator\n单位 Unit\n2020年 Base\n2025年目标值 Target\n属性 Type\n学前教育毛入园率\n%\n90\n95\n预期性\n",
      [["学前教育毛入园率", ">=", 95, "%", 90, 2020, 2025]]
    ],
    [
      "a note in a header cell and a separator row under the header",
      "| 序号 | 指标名称 | 单位 | 2025年目标值(注1) | 属性 |\n| --- | --- | --- | :---: | --- |\n| 1 | 学前教育毛入园率 | % | 95 | 预期性 |\n| 2 | 普惠托位 | 个 | 300 | 约束性 |\n",
      [
        ["学前教育毛入园率", ">=", 95, "%", null, null, 2025],
        ["普惠托位", ">=", 300, "个", null, null, 2025]
      ]
    ]
  ] as const)("%s", (_name, text, expected) => {
    expect(extractTargets(text, {year: null}).map(row)).toEqual(expected);
  });

  it("reads a statistics table (past years newest first, no target or attribute column) as no plan's table", () => {
    const text =
      "指标 | 2022年 | 2021年 | 2020年 | 2019年 |\n---|---|---|---|---|\n医疗卫生机构床位数(张) | 68.39 | 66.2 | 64.98 | 63.18 |\n每万人医疗机构床位数(张) | 81.67 | 79.08 | 77.7 | 75.43 |\n";
    expect(extractTargets(text, {year: null})).toEqual([]);
  });
});

describe("a second corpus: ecology, health, employment, housing, livelihood lists, work reports", () => {
  it("reads a plan's deadline after the past period that announced it (去年7月…发布,提出到2020年) as a target", () => {
    const news =
      "去年338个城市平均PM2.5浓度降9.3%\n去年7月,行动计划发布,提出到2020年,空气质量优良天数比率达到80%。\n2018年,优良天数比例为79.3%。\n";
    expect(extractTargets(news).map(brief)).toEqual([[">=", 80, "%"]]);
    const bulletin = "国家卫健委发布统计公报\n2018年,婴儿死亡率下降到6.1‰。\n规划提出,到2020年婴儿死亡率应小于7.5‰。\n";
    expect(extractTargets(bulletin).map(brief)).toEqual([["<", 7.5, "‰"]]);
  });

  it.each([
    ["a current value in brackets (目前…)", "婴儿死亡率 5.0‰(目前8.1‰) |", 2030, [["<=", 5, "‰"]]],
    [
      "a base year's value in brackets (2014年为…)",
      "经常参加体育锻炼人数 5.3亿人(2014年为3.6亿人) |",
      2030,
      [[">=", 530000000, "人"]]
    ],
    [
      "an earlier milestone in brackets: its year makes the row no past",
      "人均预期寿命 达到79岁(2020年人均预期寿命达到77.3岁) |",
      2030,
      [
        [">=", 79, "岁"],
        [">=", 77.3, "岁"]
      ]
    ],
    ["a death rate's bare value is a ceiling", "孕产妇死亡率 12/10万 |", 2030, [["<=", 12, "/10万"]]],
    [
      "由…提高至: the current value is no target",
      "清洁能源车辆比例由现在的46.7%提高至90%以上。",
      2011,
      [[">=", 90, "%"]]
    ],
    ["以上的 before a noun qualifies it", "其他城区常住人口在100万以上的城市不低于40%。", 2023, [[">=", 40, "%"]]]
  ])("%s", (_name, sentence, year, expected) => {
    expect(extract(sentence, year).map(brief)).toEqual(expected);
  });

  it("reads a paragraph opening with 数据显示 as results, and a 控制目标 it names as a ceiling", () => {
    const news =
      "今年湖南就业目标\n今年城镇新增就业70万人。\n数据显示,2014年,全省新增城镇就业82.68万人;城镇登记失业率保持在4.14%,低于国家4.6%的控制目标;全年新增市场主体30.9万个。\n";
    expect(extractTargets(news).map(brief)).toEqual([
      [">=", 700000, "人"],
      ["<=", 4.6, "%"]
    ]);
  });

  it("skips progress and completion: 前11月, 等22个省份已完成, 已推出, 整体完成率, a completion rate over 100%", () => {
    for (const sentence of [
      "今年前11月,全国新开工改造城镇老旧小区2.58万个。",
      "北京、天津、河北等22个省份已完成年度改造计划。",
      "已推出青荷驿站房源1793套(间)、新开工保障房145.48万平方米。",
      "已新增老年助餐服务点235个,整体完成率111.5%。",
      "新建成中小学96所,新增学位10.09万个,完成率168%。"
    ]) {
      expect(extract(sentence), sentence).toEqual([]);
    }
  });

  it("takes the count of a livelihood list (民生实事项目40项, 民生实事48个子项目) for no target", () => {
    expect(extract("确定并公布2024年政府民生实事项目40项。")).toEqual([]);
    expect(extract("2024年10件民生实事48个子项目具体推进。")).toEqual([]);
  });

  it("takes no target from a headline with a comma, nor from the subtitle under it", () => {
    const news =
      "河南省政府发文,要求公交车载视频监控安装率到100%\n今年GDP预期增长7.5%左右\n记者报道:今年地区生产总值增长7.5%左右,新建公交站台100个。\n";
    expect(extractTargets(news).map(brief)).toEqual([
      ["=", 7.5, "%"],
      [">=", 100, "个"]
    ]);
  });
});

describe("held-out texts: reviews inside goal news, progress briefings, list counts", () => {
  it("reads an earlier five-year period (“十一五”期间), 三季度末 and 截至今年11月底 as past", () => {
    const plan =
      "“十二五”期间新增就业4500万人\n未来5年,我国城镇新增就业4500万人。\n“十一五”期间,我国城镇新增就业人数5771万人,城镇登记失业率4.1%。\n";
    expect(extractTargets(plan).map(brief)).toEqual([[">=", 45000000, "人"]]);
    expect(extract("三季度末,全国城镇登记失业率为4.0%,比去年底下降0.1个百分点。")).toEqual([]);
    expect(extract("截至今年11月底,全国累计有86.1万户零就业家庭实现就业,占总户数的99.5%。")).toEqual([]);
    // 截止 is written for 截至 as often as not; the year plan the progress is measured against stays a target
    expect(
      extract("截止6月底,我县城镇新增就业2842人,完成4600人年计划的61.78%;城镇登记失业率3.28%,低于4%的控制指标。").map(
        brief
      )
    ).toEqual([
      [">=", 4600, "人"],
      ["<=", 4, "%"]
    ]);
  });

  it("reads a title asking how things progress (最新进展如何) as a report, keeping the target named after 涉及", () => {
    const briefing =
      "六盘水市2024年“十件民生实事”最新进展如何?一起来看→\n据悉,十件民生实事涉及年度投资目标6.28亿元。1—10月,完成投资5.8亿元,占年度投资目标92.40%。\n在就业方面,选派科技特派员137名;开展农业技能培训2633人次。\n";
    expect(extractTargets(briefing).map(brief)).toEqual([[">=", 628000000, "元"]]);
  });

  it("takes a count after the list's parts (十个方面34项, 10个方面32个小项) and a subsidy standard for no target", () => {
    for (const sentence of [
      "今年为民办实事项目确定了十个方面34个项目。",
      "共安排十方面、34项。",
      "覆盖就业、教育等10个方面32个小项。",
      "对公建公营敬老院按照平均每年每院5万元的标准给予补助。"
    ]) {
      expect(extract(sentence), sentence).toEqual([]);
    }
  });
});

describe("a review and the year's goals in one paragraph", () => {
  it("reads the year a paragraph names before it turns to 今年 as last year (2021年,…增长8.1%。…今年…目标是:)", () => {
    const news =
      "3月5日,总理在政府工作报告中表示,2021年,我国国内生产总值增长8.1%,城镇新增就业1269万人。今年发展主要预期目标是:城镇新增就业1100万人以上。\n";
    expect(extractTargets(news).map(brief)).toEqual([[">=", 11000000, "人"]]);
  });
});

describe("a results report under a headline that does not say so", () => {
  it("reads a lede that reports (通报了…目标完成情况) as a report, keeping each target a list names (下降4%、减少6%的改善目标)", () => {
    const news =
      "PM2.5浓度下降 重点区域空气质量改善\n\n22日,生态环境部通报了重点区域秋冬季环境空气质量目标完成情况。\n\n其中,京津冀PM2.5平均浓度为70微克/立方米,同比下降13.6%,超额完成PM2.5平均浓度同比下降4%、重污染天数同比减少6%的改善目标;浓度最低的3个城市依次是北京、廊坊和长治。\n";
    expect(extractTargets(news).map(brief)).toEqual([
      [">=", 4, "%"],
      [">=", 6, "%"]
    ]);
  });
});

describe("held-out texts, third batch: bulletins, a 解读's review, a press conference's indicator counts", () => {
  it("reads a title whose last head word looks back (…工作报告要点之一:2022年工作回顾) as a report", () => {
    const review =
      "2023“两会”解读政府工作报告要点之一:2022年工作回顾\n地区生产总值达到556.4亿元;固定资产投资完成157.5亿元。\n";
    expect(extractTargets(review)).toEqual([]);
    // the last head word looks ahead: a plan
    const plan = "某县2022年工作回顾及2023年工作要点\n全年新建幼儿园8所。\n";
    expect(extractTargets(plan).map(brief)).toEqual([[">=", 8, "所"]]);
  });

  it("reads a paragraph opening with 初步测算 or 初步核算 as results", () => {
    for (const paragraph of [
      "初步测算,全年完成地区生产总值221.23亿元,比上年同期增长5.0%。其中:第一产业实现增加值47.24亿元,增长2.8%。",
      "经初步核算,全年实现地区生产总值556.4亿元。"
    ]) {
      expect(extractTargets(`一、综合\n${paragraph}\n`, {year: 2023}), paragraph).toEqual([]);
    }
  });

  it("reads a level its sentence follows with a change on last year (同比增长, 与去年增长) as a result, not a goal's", () => {
    for (const sentence of [
      "全年实现农林牧渔业总产值81.10亿元,同比增长3.9%。",
      "全县粮食播种面积81.46万亩,产量36.17万吨,同比增长1.6%。",
      "油料播种面积34.68万亩,产量3.78万吨,与去年增长10.9%。",
      "全市PM2.5平均浓度为29.3微克/立方米,比上年下降2.7%。"
    ]) {
      expect(extract(sentence, 2023), sentence).toEqual([]);
    }
    // a goal's growth after its level is the goal's (目标, or the change bounded)
    expect(extract("今年的目标是地区生产总值达到600亿元,同比增长6%。").map(brief)).toEqual([
      [">=", 600e8, "元"],
      [">=", 6, "%"]
    ]);
    expect(extract("全年地区生产总值达到600亿元,同比增长6%以上。").map(brief)).toEqual([
      [">=", 600e8, "元"],
      [">=", 6, "%"]
    ]);
  });

  it("takes a count of a plan's indicators (17项主要指标, 6项指标, 其余11项指标) for no target", () => {
    for (const sentence of [
      "规划确定的17项主要指标中,6项指标已经于2024年提前完成。",
      "其余11项指标预计年底前全部完成。",
      "设置5个约束性指标和12个预期性指标。"
    ]) {
      expect(extract(sentence), sentence).toEqual([]);
    }
  });
});

describe("held-out texts, fourth batch: datelines, 已 through a sentence, a goal named after 左右", () => {
  it("reads a passed period after a news dateline (新华社南昌10月31日电(记者…)今年前三季度) as past", () => {
    const news =
      "农村公路建设稳步推进\n新华社南昌10月31日电(记者 王聿昊)今年前三季度,全国农村公路完成固定资产投资3587亿元;新改建农村公路11.8万公里。\n";
    expect(extractTargets(news)).toEqual([]);
  });

  it("reads the clauses after 已 in its sentence as done too, unless they turn to the plan", () => {
    expect(extract("已支持184个项目地区建设34.7万张家庭养老床位,提供64.7万人次居家养老上门服务。")).toEqual([]);
    expect(extract("已建成幼儿园30所,力争年底前再建成5所。").map(brief)).toEqual([[">=", 5, "所"]]);
  });

  it("takes a value a goal names after 左右 (实现6.5%左右的增长预期目标) as the target, in a look back too", () => {
    expect(
      extract("过去五年GDP的增长速度最低是6.7%。从这个角度来讲,实现6.5%左右的增长预期目标是有条件的。").map(brief)
    ).toEqual([["=", 6.5, "%"]]);
  });
});

describe("held-out texts, fourth batch: what the fixes must keep", () => {
  it("keeps the goals after a goal that 已经设定 (set), and reads no goal in 6.5%左右的增长速度实现翻番的目标", () => {
    expect(extract("今年就业总体目标已经设定,城镇新增就业70万人,城镇登记失业率控制在4.5%以内。").map(brief)).toEqual([
      [">=", 700000, "人"],
      ["<=", 4.5, "%"]
    ]);
    // in a look back, only a goal named right after the value counts
    expect(extract("过去五年GDP的增长速度最低是6.7%,6.5%左右的增长速度实现翻番的目标是没有问题的。")).toEqual([]);
  });
});

describe("held-out texts, fifth batch: a goal hoped for at a press conference, thresholds passed for the first time", () => {
  it("keeps a goal a report's sentence hopes or strives for (希望通过五年的努力…达到80岁左右)", () => {
    const news = "中新网10月24日电 中共中央举行新闻发布会,主任表示,希望通过五年的努力,使人均预期寿命达到80岁左右。\n";
    expect(extractTargets(news).map(brief)).toEqual([["=", 80, "岁"]]);
    // 争取上级资金 names funds secured, no striving: a result in a review
    expect(extractTargets("2022年工作回顾\n全年完成投资141.6亿元;争取上级资金20.2亿元。\n")).toEqual([]);
  });

  it("reads an age indicator's rise by years (人均预期寿命再提升1岁) as an increase", () => {
    expect(extract("人均预期寿命在现有基础上再提升1岁。").map(brief)).toEqual([["increase", 1, "岁"]]);
  });

  it("reads a threshold passed for the first time (首次降到1%以内), and what follows it in the sentence, as results", () => {
    for (const sentence of [
      "重污染天数比例首次降到1%以内,达到0.9%。",
      "PM2.5有监测数据以来浓度首次降到30微克/立方米以内。",
      "优良天数比例超过时序进度0.9个百分点。"
    ])
      expect(extract(sentence, 2022), sentence).toEqual([]);
    // a first time the plan strives for is its target
    expect(extract("力争地区生产总值首次突破100亿元。").map(brief)).toEqual([[">=", 1e10, "元"]]);
  });
});

describe("a policy's parameters and a noun's attributes are no targets (the tasks corpus read for targets)", () => {
  it("reads a threshold with (含) or (不含…) before 以下的 or 以上的 as a qualifier", () => {
    for (const sentence of [
      "在职职工总数30人(含)以下的企业暂免征收残疾人保障金。",
      "辖区范围内6亩以下(不含6亩)的土地使用转让手续,区政府审查后办理土地登记。",
      "对参保职工30人(含)以上的企业,裁员率放宽到上年度控制目标。"
    ])
      expect(extract(sentence), sentence).toEqual([]);
    expect(extract("培育规上企业30家(含)以上。").map(brief)).toEqual([[">=", 30, "家"]]);
  });

  it("reads a measure's value that 的 ties to a noun as the noun's attribute, unless a verb makes it the target", () => {
    for (const sentence of [
      "重点抓好研发投入过5000万元的企业,进一步加大研发投入。",
      "实施阶段性下调工伤保险费率50%的政策。",
      "深化多形式、分层次、全覆盖的学习培训。"
    ])
      expect(extract(sentence), sentence).toEqual([]);
    expect(extract("完成80%的工程量。").map(brief)).toEqual([[">=", 80, "%"]]);
    expect(extract("确保实现增长6%的目标。").map(brief)).toEqual([[">=", 6, "%"]]);
    expect(extract("实现规上工业企业数字化改造全覆盖的目标。").map(brief)).toEqual([[">=", 100, "%"]]);
  });

  it("reads the share a measure pays or levies at (按…的30%返还, 按50%给予补贴) as no target", () => {
    for (const sentence of [
      "对大型企业按企业及其职工上年度实际缴纳失业保险费的30%返还。",
      "对符合条件的企业按50%给予补贴。"
    ])
      expect(extract(sentence), sentence).toEqual([]);
    expect(extract("按时完成80%的改造任务。").map(brief)).toEqual([[">=", 80, "%"]]);
  });

  it("reads a count of the tasks a document sets out as no target, unless an action does them", () => {
    for (const sentence of [
      "现将《规划》中明确提出的9项具体建设任务和7项重点建设项目进行责任分解。",
      "“十三五”应急体系9个具体建设任务"
    ])
      expect(extract(sentence), sentence).toEqual([]);
    expect(extract("全面完成规划确定的12项重点任务。").map(brief)).toEqual([[">=", 12, "项"]]);
  });

  it("reads a capacity that names a project (80万吨乙烯改扩建项目) as no target, and the project count as one", () => {
    expect(extract("抓好80万吨乙烯改扩建项目。")).toEqual([]);
    expect(extract("建成500千伏变电站2座。").map(brief)).toEqual([[">=", 2, "座"]]);
    expect(extract("实施高标准农田建设5000亩。").map(brief)).toEqual([[">=", 5000, "亩"]]);
  });
});

describe("the held-out set (session 10): reports whose numbered paragraphs are prose", () => {
  it("reads a report's numbered paragraph that opens on a title of its own as results, not a quoted task", () => {
    const report =
      "关于县2023年度乡村振兴工作进展情况的报告\n一、工作进展情况\n(一)现代农业质效齐增。完成4万亩高标准农田建设,建设示范点9个。\n(二)农民收入稳步提高。农村居民人均可支配收入达到2.1万元。\n";
    expect(extractTargets(report)).toEqual([]);
    // a numbered paragraph that opens on the task it reports on quotes it
    const quoted = "2023年民生实事进展情况\n1.新建幼儿园10所。已开工8所。\n";
    expect(extractTargets(quoted).map(brief)).toEqual([[">=", 10, "所"]]);
  });

  it("reads a news text whose lede cites a bulletin (发布《…公报》显示, 根据公报) as a report", () => {
    const news =
      "我国森林面积达2.31亿公顷\n\n新华社北京3月12日电(记者某某)3月12日是植树节。全国绿化委员会办公室当日发布《2022年中国国土绿化状况公报》显示,我国森林覆盖率达24.02%。\n\n根据公报,2022年全国完成造林383万公顷,治理沙化土地184.73万公顷。\n";
    expect(extractTargets(news)).toEqual([]);
    // a copy that prints the headline twice (国家某委:…) still opens on the lede that cites the bulletin
    const doubled =
      "国家某委:我国森林覆盖率达24.02%\n\n国家某委:我国森林覆盖率达24.02%\n\n近日,国家某委发布《2022年国土绿化状况公报》。根据《公报》,全国完成造林383万公顷。\n";
    expect(extractTargets(doubled)).toEqual([]);
  });

  it("reads passed months that say what was done (1-5月实际完成) after a plan as results", () => {
    expect(extract("计划新增蓄水能力2万方,1-5月实际完成新增蓄水能力0.88万方。", null).map(brief)).toEqual([
      [">=", 20000, "方"]
    ]);
  });

  it("reads a subheading set apart that the prose below repeats word for word (公众号 layout) as stated once", () => {
    const layout =
      "各地定好新年目标\n\n各地已经为2024年的水利工作立好了目标,稳步推进。\n\n河北\n\n力争全年水利投资超过1000亿元\n\n工程现场 某某摄\n\n2024年,河北省将加快水利建设,力争全年水利投资超过1000亿元。\n";
    expect(extractTargets(layout).map((t) => [t.comparator, t.value, t.unit, t.start_offset > 30])).toEqual([
      [">", 100000000000, "元", true]
    ]);
  });

  it("reads, in a report, a five-year period's plan (“十四五”期间全国计划新建…) as the plan's, not 十四五以来", () => {
    const news =
      "截至2023年底我国人均体育场地面积达2.89平方米\n\n据统计,“十四五”期间全国计划新建体育公园1900多个、健身步道8万余公里。“十四五”以来全国新建体育公园1200个。\n";
    expect(extractTargets(news).map(brief)).toEqual([
      [">=", 1900, "个"],
      [">=", 80000, "公里"]
    ]);
  });

  it("reads a passed period after a place (大陆前11月, 全省上半年) as past, keeping the year's target it names", () => {
    expect(extract("大陆前11月城镇新增就业1145万人,完成1100万人的全年目标任务。", 2022).map(brief)).toEqual([
      [">=", 11000000, "人"]
    ]);
  });

  it("reads small classes of the held-out set", () => {
    // a starting value 原本的 (as 现在的)
    expect(extract("计划让森林覆盖率由原本的27.53%提升至33%。").map(brief)).toEqual([[">=", 33, "%"]]);
    // a subsidy's range with a unit on both ends, tied by 的 to its noun
    expect(extract("给予3万元-5万元的资金支持。")).toEqual([]);
    // 左右 after a list's last value is each value's
    expect(extract("财政总收入和地方财政收入分别增长10.6%和12.3%左右。").map(brief)).toEqual([
      ["=", 10.6, "%"],
      ["=", 12.3, "%"]
    ]);
    // the count of a list the words further on name (15件…实事项目)
    expect(extract("15件群众关注度高、社会覆盖面广、民生关联度大的2022年区政府实事项目确定。")).toEqual([]);
  });
});

describe("mixed review and plan texts: work reports, a plan's execution, press conferences, list progress", () => {
  it("takes a meeting's attendance (应到代表172人, 出席会议的代表155人) for no target", () => {
    for (const sentence of ["会议应到代表172人,实到代表160人。", "出席本次全体会议的代表155人,符合法定人数。"])
      expect(extract(sentence, 2025), sentence).toEqual([]);
  });

  it("takes a list's size by class and item (民生实事共有12类45件53个事项) and a count of projects (正式项目62项) for no target", () => {
    for (const sentence of [
      "2025年,省政府民生实事共有12类45件53个事项。",
      "市政府民生实事10大类50个事项。",
      "科技产业类安排正式项目62项,预备项目7项。"
    ])
      expect(extract(sentence, 2025), sentence).toEqual([]);
  });

  it("reads a number through a page's spaces (6 . 5%左右, 1200 万人以上)", () => {
    expect(extract("经济增长6 . 5%左右,城镇新增就业 1200 万人以上。", 2025).map(brief)).toEqual([
      ["=", 6.5, "%"],
      [">=", 12000000, "人"]
    ]);
  });

  it("reads a sentence over the plan by a number (新开工30项,超计划16项) and a milestone passed (历史性跨越) as results", () => {
    for (const sentence of ["新开工30项,超计划16项。", "全年完成投资2510.1亿元,同比增长5.3%,历史性跨越2500亿元大关。"])
      expect(extract(sentence, 2026), sentence).toEqual([]);
  });

  it("reads a title that says a plan is (expected to be) completed (规划《纲要》预计完成31项指标) as a report", () => {
    const news =
      "温州“十三五”规划《纲要》预计完成31项指标\n“十三五”期间,全市地区生产总值年均增长7.2%左右;人均生产总值73000元左右。预计2020年全市地区生产总值达到6900亿元左右。\n";
    expect(extractTargets(news, {year: 2020})).toEqual([]);
    // a title that strives to complete is a plan's
    const plan = "关于确保圆满完成2020年目标任务的通知\n全年新建幼儿园8所。\n";
    expect(extractTargets(plan, {year: 2020}).map(brief)).toEqual([[">=", 8, "所"]]);
  });

  it("reads 今年 in a report as the year reported, unless its sentence says a plan", () => {
    const news =
      "温州“十三五”规划《纲要》预计完成31项指标\n“十三五”期间,特别是今年全市新增高新技术企业数创历史新高,研发经费支出占生产总值比重超过2.2%。在城市能级方面,常住人口城市化率达71%左右。\n";
    expect(extractTargets(news, {year: 2020})).toEqual([]);
    const press = "交通运输部新闻发布会\n去年新改建农村公路15万公里。今年,全年计划新改建农村公路10万公里。\n";
    expect(extractTargets(press, {year: 2024}).map(brief)).toEqual([[">=", 100000, "公里"]]);
  });

  it("reads a numbered paragraph whose own heading looks back (1.“十三五”发展取得的巨大成就。) as results", () => {
    const proposal =
      "一、开启新征程\n1.“十三五”发展取得的巨大成就。经济社会发展取得巨大成就。预计,2020年生产总值达到1200亿元左右,人均生产总值超过9.3万元。\n2.今后五年的主要目标。生产总值达到1600亿元。\n";
    expect(extractTargets(proposal, {year: null}).map(brief)).toEqual([[">=", 1600e8, "元"]]);
  });

  it("reads a percentage in words (百分之四點五至百分之五, 百分之二左右), traditional characters too", () => {
    expect(
      extract(
        "將經濟增長目標設定在百分之四點五至百分之五,居民消費價格漲幅百分之二左右,失業率百分之五點五左右。",
        2026
      ).map((t) => [t.comparator, t.value, t.value_max, t.unit])
    ).toEqual([
      ["between", 4.5, 5, "%"],
      ["=", 2, null, "%"],
      ["=", 5.5, null, "%"]
    ]);
  });

  it("reads a value the plan sets (赤字率拟按3%安排) as exactly that", () => {
    expect(extract("今年赤字率拟按3%安排。", 2025).map(brief)).toEqual([["=", 3, "%"]]);
  });

  it("reads a count that opens its clause on its progress (16项基本符合或快于预期, 4项指标提前实现) as a result", () => {
    for (const sentence of ["纲要提出的20项主要指标中,16项基本符合或快于预期,4项相对滞后。", "其中,4项指标提前实现。"])
      expect(extract(sentence, 2023), sentence).toEqual([]);
  });

  it("takes each count of a list after a describing verb (《建议》共有15个部分、61条) for no target", () => {
    expect(extract("《建议》共有15个部分、61条,分为三大板块。", 2025)).toEqual([]);
  });

  it("keeps a clause naming the latest year past under a subheading that looks back (一、2008年工作回顾)", () => {
    const review =
      "区政府工作报告\n一、2008年工作回顾\n一是综合经济实力跃上大台阶。2008年全区生产总值完成142亿元,增长14.7%。\n";
    expect(extractTargets(review, {year: null})).toEqual([]);
  });
});

describe("plans of other sectors (the gather batch)", () => {
  it("reads 截至 before a year not past, with words that bound it, as a deadline (截至2025年年底…不低于50亿元)", () => {
    expect(extract("截至2025年年底,全市绿色贷款较年初新增不低于50亿元。", 2025).map(brief)).toEqual([
      [">=", 5e9, "元"]
    ]);
    const plan =
      "周口发文:截至2025年年底,绿色贷款较年初新增不低于50亿元\n截至2025年年底,全市绿色贷款较年初新增不低于50亿元。\n";
    expect(extractTargets(plan, {year: 2025}).map(brief)).toEqual([[">=", 5e9, "元"]]);
    // a cutoff of the plan's year with no such words is what was done
    expect(extract("截至2024年底,全市累计建成充电桩1200个。", 2024)).toEqual([]);
  });

  it("reads a report's sentence that plans the year reported (2020年,…将重点完成) as the plan's", () => {
    const report = (sentence: string) =>
      `记者从全国交通运输工作会获悉\n2019年,全国新改建农村公路29万公里。${sentence}\n`;
    expect(
      extractTargets(report("据悉,2020年,交通运输领域将重点完成铁路投资8000亿元。"), {year: 2020}).map(brief)
    ).toEqual([[">=", 8e11, "元"]]);
    expect(extractTargets(report("2020年,全国计划新开工保障性安居工程630万套。"), {year: 2020}).map(brief)).toEqual([
      [">=", 6.3e6, "套"]
    ]);
    // the year reported with no plan in its sentence is what was done
    expect(extractTargets(report("2020年,全国新改建农村公路16万公里。"), {year: 2020})).toEqual([]);
  });

  it("reads the goals a clause states for a year (2018年…主要预期目标为:) as targets, the plan's year later", () => {
    expect(
      extract("根据分解,2018年我省商务发展主要预期目标为:社会消费品零售总额增长11%左右;货物出口增长8%左右。", 2022).map(
        brief
      )
    ).toEqual([
      ["=", 11, "%"],
      ["=", 8, "%"]
    ]);
  });

  it("takes the 全 of 健全 before 覆盖 for no 全覆盖", () => {
    expect(extract("健全覆盖全民、贯穿全程的就业公共服务体系。")).toEqual([]);
    expect(extract("实现老年学校全覆盖。").map(brief)).toEqual([[">=", 100, "%"]]);
  });

  it("reads a value quoted or qualified before the goal it names (「1200萬人以上」的城鎮新增就業目標) as that target", () => {
    for (const sentence of [
      "按照今年「1200萬人以上」的城鎮新增就業目標,完成全年目標任務的4分1。",
      "今年1200万人以上的城镇新增就业目标。"
    ])
      expect(extract(sentence).map(brief), sentence).toEqual([[">=", 1.2e7, "人"]]);
    // a quoted name and a qualifier stay none
    expect(extract("打造“1000万人次”品牌。")).toEqual([]);
    expect(extract("支持常住人口在100万以上的城市。")).toEqual([]);
  });

  it("takes a rank (跃居全省前40位) and a count of the plan's own tasks (部署25项重点任务) for no target", () => {
    for (const sentence of ["跃居全省前40位。", "计划还在六方面部署25项重点任务。", "方案提出8条措施。"])
      expect(extract(sentence), sentence).toEqual([]);
    expect(extract("实施重点任务25项,新增人才40名。").map(brief)).toEqual([
      [">=", 25, "项"],
      [">=", 40, "名"]
    ]);
  });

  it("reads the task a result beats (超额完成了国家下达的110万人的任务) as the target it names", () => {
    expect(extract("2023年城镇新增就业人数达到139.3万人,超额完成了国家下达的110万人的任务。").map(brief)).toEqual([
      [">=", 1.1e6, "人"]
    ]);
  });
});

describe("review and results texts (session 11): estimates, shortfalls, done counts, a review of the plan's year", () => {
  it("reads a heading that reviews the plan's own year (一、2008年工作回顾 in a 2008 text) as a look back", () => {
    const review =
      "區政府工作會議的講話\n各位代表:\n一、2008年工作回顧\n一是綜合經濟實力躍上大臺階。2008年全區生產總值完成142億元,增長14.7%。\n";
    expect(extractTargets(review, {year: 2008})).toEqual([]);
    // the plan's year under a heading that looks ahead is the plan's
    const plan = "某县2008年工作要点\n一、2008年工作目标\n全县新建学校10所。\n";
    expect(extractTargets(plan, {year: 2008}).map(brief)).toEqual([[">=", 10, "所"]]);
  });

  it("takes a difference from a target (塌目标1.8个百分点, 低于目标18.7个百分点) for no target", () => {
    for (const sentence of [
      "一般公共预算收入完成21.91亿元,同比增长1.3%,塌目标18.7个百分点。",
      "规模以上工业增加值同比增长10.1%,高于目标2.1个百分点。",
      "固定资产投资增速低于目标1.8个百分点。"
    ])
      expect(extract(sentence, 2023), sentence).toEqual([]);
    expect(extract("城镇化率提高1.8个百分点。").map(brief)).toEqual([["increase", 1.8, "百分点"]]);
  });

  it("reads a paragraph opening on an estimate (预计地区生产总值超过2100亿元) in a text that is no plan as results", () => {
    const news =
      "龙华区人代会开幕\n龙华区成立一年以来,圆满完成了全年主要目标任务。\n预计地区生产总值超过2100亿元,增长8.8%左右;规模以上工业增加值突破1100亿元。\n";
    expect(extractTargets(news)).toEqual([]);
    // a plan's estimate is what it is to do; so is one that names a deadline ahead
    expect(extractTargets("某镇工作计划\n预计新增农业合作社5家以上。\n").map(brief)).toEqual([[">=", 5, "家"]]);
    expect(extractTargets("某市召开发布会\n预计到2027年,全市新增就业岗位10万个。\n").map(brief)).toEqual([
      [">=", 100000, "个"]
    ]);
  });

  it("reads a count that a done action's object opens (对6所小学进行了环境改造) as a result", () => {
    expect(extract("对6所小学、幼儿园进行了环境改造。")).toEqual([]);
    expect(extract("对10所学校进行改造。").map(brief)).toEqual([[">=", 10, "所"]]);
  });

  it("takes a count of goals (最终实现一个目标) for no target", () => {
    expect(extract("紧紧围绕一个主题,最终实现一个目标。")).toEqual([]);
    expect(extract("培育10个目标企业。").map(brief)).toEqual([[">=", 10, "个"]]);
  });
});

describe("review and results texts (session 11), a new batch: summaries, inspections, statistics releases", () => {
  it("takes a target a report names before its change or in a bracket (确保目标增长12%, 完成年任务(40.2亿元)的32.5%)", () => {
    const report =
      "区工信局2023年上半年工作总结\n1.工业方面:2023年市下达规上工业增加值增速确保目标增长12%,奋斗目标增长14%。1-5月,外贸进出口总额13亿元,完成年任务(40亿元)的32.5%。\n";
    expect(extractTargets(report).map(brief)).toEqual([
      [">=", 12, "%"],
      [">=", 14, "%"],
      [">=", 4e9, "元"]
    ]);
  });

  it("reads a look-back section of a text that is no report as results, numbered items too (一、今年以来工作情况)", () => {
    const summary =
      "今年以来,我局努力做好各项工作。现将今年工作总结和明年的工作计划报告如下:\n一、今年以来工作情况\n1、全年完成建设里程88.72公里,共完成投资额7.6亿元。\n4、年平均优良路率82%。\n";
    expect(extractTargets(summary, {year: 2012})).toEqual([]);
    // a text that announces a report (现将有关情况通报如下:): its numbered item quotes the task it reports on
    const report =
      "政务督查室对重点工作上半年完成情况进行了督办。现将有关情况通报如下:\n一、主要指标任务完成情况\n1.新开工亿元以上产业项目100个。上半年,新开工产业项目80个。\n";
    expect(extractTargets(report, {year: 2021}).map(brief)).toEqual([[">=", 100, "个"]]);
  });

  it("reads the numbered lines after a lead-in that looks back (以下是2023年工作回顾:) as results, up to one that looks ahead", () => {
    const report =
      "沧源2024年工作报告\n2023年,经济社会发展取得了显著成效,以下是2023年工作回顾:\n1. 基础设施建设加快推进,新增高速公路100公里,农村公路500公里。\n展望2024年,我们将紧紧围绕以下目标开展工作:\n1. 新增高速公路50公里。\n";
    expect(extractTargets(report).map(brief)).toEqual([[">=", 50, "公里"]]);
  });

  it("reads a lede where a statistics office publishes figures (政府統計處今日發布) as a report", () => {
    const release =
      "二零一五年全年本地生產總值\n\n  政府統計處今日(三月十八日)發布二零一五年全年本地生產總值初步數字。\n\n  所有服務行業合計,二零一五年的淨產值全年實質上升1.9%。\n";
    expect(extractTargets(release)).toEqual([]);
  });

  it("reads a paragraph opening with 根據初步統計 as results", () => {
    expect(extract("根據初步統計數字,整體本地生產總值實質上升2.4%。", 2015)).toEqual([]);
  });

  it("reads the rest of a paragraph after an inspection's finding (经督查核实,) as results", () => {
    expect(extract("经督查核实,欠进度的有17个,占总任务的7.7%;达进度的有162个,占总任务的72.9%。", 2025)).toEqual([]);
  });

  it("takes a count of a document's goals and work items (145项目标任务, 222个具体工作内容) for no target", () => {
    expect(extract("《政府工作报告》明确145项目标任务,细化为222个具体工作内容。", 2025)).toEqual([]);
    expect(extract("全面完成10项目标任务。").map(brief)).toEqual([[">=", 10, "项"]]);
  });

  it("takes the people who attend named before the verb (近2900名代表出席开幕式) for no target", () => {
    expect(extract("各国驻华使节以及近2900名代表出席开幕式。")).toEqual([]);
  });

  it("reads a section line whose heading runs into its prose after spaces (一、2014年工作总结  2014年,…) by its heading", () => {
    const plan =
      "乡镇2014年工作总结及2015年工作计划\n一、2014年工作总结  2014年,全镇经济和社会事业取得了较快发展。\n1 经济发展平稳。全年预计完成财税收入870万元。\n";
    expect(extractTargets(plan)).toEqual([]);
  });

  it("reads a sentence that gives a share of a plan completed (完成省局下达计划的107.3%) as results", () => {
    expect(extract("实际完成路面养护大中修工程142.187公里,完成投资1.24亿元,完成省局下达计划的107.3%。")).toEqual([]);
  });

  it("reads what follows a sentence that recounts achievements (介绍了…相关成就) as results, up to one that turns ahead (展望)", () => {
    const news =
      "中共中央举行新闻发布会\n发布会上,主任首先介绍了全会文件起草情况和“十四五”时期相关成就。他表示,我国经济增速继续领跑全球主要经济体,预计今年国内生产总值达到140万亿元左右。展望“十五五”,全国新增就业岗位5000万个。\n";
    expect(extractTargets(news).map(brief)).toEqual([[">=", 5e7, "个"]]);
  });

  it("reads a bare 万 after 就业 (新增就业目标1200万) as people", () => {
    expect(extract("新增就业目标1200万。").map(brief)).toEqual([[">=", 12000000, "人"]]);
  });
});

describe("numbers as plans write them: thousands parted by spaces, mixed magnitudes, margins, units of every sector", () => {
  const full = (t: ExtractedTarget) => [t.comparator, t.value, t.value_max, t.unit];
  it("reads 预计共有 in a plan as what is to be done, not as what a text has", () => {
    expect(extractTargets("某区2025年公屋建设计划\n预计共有7700个公屋单位落成。\n", {year: 2025}).map(full)).toEqual([
      [">=", 7700, null, "个"]
    ]);
  });
  it.each([
    ["thousands parted by a space", "新建公屋单位77 100个。", [[">=", 77100, null, "个"]]],
    ["thousands parted by spaces twice", "新增就业1 200 000人。", [[">=", 1200000, null, "人"]]],
    ["a road's name before a count is no group of thousands", "建成G15 300个充电桩。", [[">=", 300, null, "个"]]],
    ["digits after 万", "总房屋供应目标为41萬9100個單位。", [[">=", 419100, null, "个"]]],
    ["digits and Chinese magnitudes", "完成投资3亿5千万元。", [[">=", 350000000, null, "元"]]],
    ["a Chinese numeral of two magnitudes", "完成投资三亿五千万元。", [[">=", 350000000, null, "元"]]],
    ["a Chinese numeral that counts, with no counting verb", "新增就业一千二百万人。", [[">=", 12000000, null, "人"]]],
    ["a Chinese numeral before 万元", "投入两千万元。", [[">=", 20000000, null, "元"]]],
    [
      "a Chinese numeral opening its clause",
      "三萬個簡約公屋單位會在未來一年半內全數落成。",
      [[">=", 30000, null, "个"]]
    ],
    ["a margin after the unit", "温室气体净排放量减量28±2%。", [["between", 26, 30, "%"]]],
    ["a margin after a percentage", "地区生产总值增长5%±0.5。", [["between", 4.5, 5.5, "%"]]],
    ["a margin in words", "有信心2030年可达致28%加减2%。", [["between", 26, 30, "%"]]],
    ["EFLOPS after a space", "算力规模超过300 EFLOPS。", [[">", 300, null, "EFLOPS"]]],
    [
      "PFLOPS and EB",
      "智能算力达到500PFLOPS,存储总量超过100EB。",
      [
        [">=", 500, null, "PFLOPS"],
        [">", 100, null, "EB"]
      ]
    ],
    ["毫秒", "省内各城市之间网络时延低于3毫秒。", [["<", 3, null, "毫秒"]]],
    ["万标箱", "集装箱铁水联运量达到1400万标箱。", [[">=", 14000000, null, "标箱"]]],
    [
      "车次 and 架次",
      "开行海铁联运班列2000车次,保障航班起降10万架次。",
      [
        [">=", 2000, null, "车次"],
        [">=", 100000, null, "架次"]
      ]
    ],
    [
      "兆瓦 and MW",
      "新增光伏装机300兆瓦,储能50 MW。",
      [
        [">=", 300, null, "兆瓦"],
        [">=", 50, null, "MW"]
      ]
    ],
    ["瓩 after 逾 (more than)", "機組共逾331萬瓩上線。", [[">", 3310000, null, "瓩"]]],
    ["吨标煤 after 亿", "能耗控制在1.2億噸標煤以內。", [["<=", 120000000, null, "吨标煤"]]],
    [
      "公斤二氧化碳当量 per 度电",
      "排放系数降至每度电0.241公斤二氧化碳当量。",
      [["<=", 0.241, null, "公斤二氧化碳当量"]]
    ],
    [
      "公斤CO2e/度, its bracket a note",
      "电力排放系数阶段目标0.319 公斤CO2e/度(较现况下降约35%)。",
      [["<=", 0.319, null, "公斤CO2e/度"]]
    ],
    ["立方米/秒", "断面生态流量不低于5立方米/秒。", [[">=", 5, null, "立方米/秒"]]],
    ["毫克/升", "总磷浓度控制在0.1毫克/升以下。", [["<=", 0.1, null, "毫克/升"]]],
    ["μg/m3 is 微克/立方米", "PM2.5浓度降至30μg/m3。", [["<=", 30, null, "微克/立方米"]]],
    ["亿度 is electricity", "全国总用电量应控制在3500亿度以下。", [["<=", 350000000000, null, "度"]]],
    ["减至 is at most", "燃煤占比减至9%。", [["<=", 9, null, "%"]]],
    ["a ratio with no unit", "数据中心平均PUE降低到1.3以下。", [["<=", 1.3, null, ""]]],
    ["a count per thousand people with no unit", "每千人口执业医师数3.2。", [[">=", 3.2, null, ""]]],
    ["a death rate per 10 000 vehicles with no unit", "万车死亡率不超过2.2。", [["<=", 2.2, null, ""]]]
  ] as const)("%s: %s", (_name, sentence, expected) => {
    expect(extract(sentence).map(full)).toEqual(expected);
  });

  it.each([
    ["the issuers of a notice", "工业和信息化部等6部门联合印发行动计划。"],
    ["a margin without its value", "将减碳目标的弹性从加减1%扩大至加减2%。"],
    ["a projected demand", "下一个十年期总房屋需求为41万9100个单位。"],
    ["the hospitals a report lists", "施政报告列举12间要扩建或重建的医院。"]
  ])("no target in %s", (_name, sentence) => {
    expect(extract(sentence)).toEqual([]);
  });
});

describe("the second held-out set (session 11): results told by their verbs, progress cells, funding splits", () => {
  it("reads a sentence that reports a change done (增加了5458批次, 增长了48.81%) as results, all its figures", () => {
    expect(extract("全市共完成抽检16641批次,比2020年的11183批次增加了5458批次,增长了48.81%。", 2021)).toEqual([]);
    // a clause that says 今年 or a goal named before keeps it the plan's
    expect(extract("今年实施约30公里,比2023年的26公里增加了4公里。").map(brief)).toEqual([[">=", 30, "公里"]]);
    expect(extract("目标是完成抽检2万批次,比上年增加了3000批次。", 2021).map(brief)).toEqual([[">=", 20000, "批次"]]);
  });

  it("reads a sentence that reports what was found (检出不合格食品347批次) as results", () => {
    expect(extract("检出不合格食品347批次,总体不合格率2.09%,合格率为97.91%。", 2021)).toEqual([]);
    expect(extract("全年抽检食品1.2万批次。", 2021).map(brief)).toEqual([[">=", 12000, "批次"]]);
  });

  it("reads a lede about a press conference on progress and results (就…进展和成效举行新闻发布会) as a report", () => {
    const news =
      "发布时间:2024-11-09 20:30:20\n中新网 12月12日电 国新办12日就2023年水利基础设施建设进展和成效举行新闻发布会,水利部规划计划司司长在会上介绍,2022年,全国水利建设完成投资10893亿元。今年完成的这1万多亿元里面,有11个省份完成投资超过500亿元。\n三是河湖生态环境复苏。完成投资1921亿元。\n";
    expect(extractTargets(news)).toEqual([]);
    const plan =
      "发布时间:2024-01-09\n中新网 1月9日电 国新办9日就2024年水利建设安排举行新闻发布会,今年全国水利建设将完成投资1万亿元。\n";
    expect(extractTargets(plan).map(brief)).toEqual([[">=", 1e12, "元"]]);
  });

  it("reads a count whose works are done (32个村的管网延伸工程已完工) as progress", () => {
    expect(extract("32个村的管网延伸工程已完工,96个村的巩固提升工程已竣工。")).toEqual([]);
  });

  it("reads what follows the plan's year since (2025年以来,) as progress", () => {
    const cell = (sentence: string) => extractTargets(`河湖长制工作\n${sentence}\n`, {year: 2025});
    expect(cell("2025年以来,及时完成22条河流的河湖长更新调整;治理河道600米。")).toEqual([]);
    expect(cell("2025年,治理河道600米。").map(brief)).toEqual([[">=", 600, "米"]]);
  });

  it("takes a total investment's funding split (其中中央预算内资金1436万元,地方配套467.88万元) for no target", () => {
    expect(
      extract("工程总投资1903.88万元,其中中央预算内资金1436万元,地方配套467.88万元,受益人口3.59万人。").map(brief)
    ).toEqual([
      [">=", 19038800, "元"],
      [">=", 35900, "人"]
    ]);
    // a split by use is the plan's parts
    expect(extract("完成投资2600亿元,其中高速公路1500亿元。").map(brief)).toEqual([
      [">=", 2.6e11, "元"],
      [">=", 1.5e11, "元"]
    ]);
  });
});

describe("held-out texts, second holdout: plans after progress, lists after a class's 以上, ratios, a report's task", () => {
  it("reads a later 今年 with plan words (今年要辦的…) as turning a paragraph back to the plan after 目前…累計完成", () => {
    const news =
      "某省今年投資構建交通網絡\n今年交通建設計劃總投資120億元。目前,累計完成投資74.28億元。省政府今年要辦的實事是建成油路3000公里。全省計劃實施縣際公路改造項目1880公里。\n";
    expect(extractTargets(news, {year: null}).map(brief)).toEqual([
      [">=", 1.2e10, "元"],
      [">=", 3000, "公里"],
      [">=", 1880, "公里"]
    ]);
  });

  it("reads a value with 以上 then a noun and 和 the next value (20处以上近邻运动场和6个) as a list, not a class", () => {
    expect(extract("今年将建设20处以上近邻运动场和6个智慧健身房。").map(brief)).toEqual([
      [">=", 20, "处"],
      [">=", 6, "个"]
    ]);
  });

  it("reads a ratio 1:N after a 比 indicator (床人比不低于1:1.6) as N, no unit", () => {
    expect(extract("公立医院床人比不低于1:1.6,医护比不低于1:1.2。").map(brief)).toEqual([
      [">=", 1.6, ""],
      [">=", 1.2, ""]
    ]);
    expect(extract("师生比不高于1:15,比例为2:1。").map(brief)).toEqual([["<=", 15, ""]]);
  });

  it("takes the task a report's share is of (占任务数16900万元的63.7%) as the target", () => {
    const report =
      "1、规模工业产值完成情况:\n1-10月份完成规模工业增加值10764万元,占任务数16900万元的63.7%,同比下降15.38%。\n";
    expect(extractTargets(report).map(brief)).toEqual([[">=", 169000000, "元"]]);
  });

  it("takes the words before a dateline in its clause (…厦门日报讯 (记者 路鹏宇)) for a headline's copy, no target", () => {
    const news =
      "厦门:近邻运动场 今年将建20处以上\n来源: 厦门日报\n近邻运动场 今年将建20处以上 厦门日报讯 (记者 路鹏宇)3月22日,会议召开。会议透露,今年厦门将建设20处以上近邻运动场。\n";
    expect(extractTargets(news, {year: 2024}).map((t) => [t.value, t.text])).toEqual([
      [20, "今年厦门将建设20处以上近邻运动场"]
    ]);
  });

  it("reads a passed period after a plan word in its sentence (确保…,上半年实现…突破) as the plan's", () => {
    expect(extract("确保建成通车高速公路500公里,上半年实现高速公路通车总里程突破10000公里。").map(brief)).toEqual([
      [">=", 500, "公里"],
      [">=", 10000, "公里"]
    ]);
  });
});

describe("mixed texts, third precision batch: review headings with a comma, shares of a task, attendance", () => {
  it("reads a section line of two phrases parted by a comma that looks back (一、充分肯定成绩,2011年…成效) as a review", () => {
    const speech =
      "市长在全市经济部署会讲话\n一、充分肯定成绩,2011年经济工作取得了显著成效\n2011年,全市上下紧紧围绕工作方针,保持了良好态势。全年实现生产总值298.5亿元,地方财政收入12.75亿元,分别增长17.6%、30%。\n二、明确目标任务,推动2012年经济加快发展\n2012年全市生产总值增长12%以上。\n";
    expect(extractTargets(speech, {year: 2011}).map(brief)).toEqual([[">=", 12, "%"]]);
  });
  it("takes the people counted before 参加了会议 (共计100余人参加了会议) for no target, and a course's trainees for one", () => {
    expect(extract("各检查站站长、林业站站长共计100余人参加了会议。")).toEqual([]);
    expect(extract("组织1000人参加技能培训。").map(brief)).toEqual([[">=", 1000, "人"]]);
  });

  it("reads a sentence giving a share of a task or expected target (完成年初任务的122%, 完成年度预期目标46.4%) as results", () => {
    expect(extract("新增流转面积2440亩,完成年初任务的122%。")).toEqual([]);
    expect(extract("完成工业总产值220.36亿元,完成年度预期目标46.4%。")).toEqual([]);
    expect(extract("完成年度目标任务500亿元。").map(brief)).toEqual([[">=", 5e10, "元"]]);
  });
  it("takes a share of the year's task or plan after its number (完成年度任务100.8%) for no target, the plan's figure for one", () => {
    expect(extract("改(新)建户厕10.09万户,完成年度任务100.8%。").map(brief)).toEqual([]);
    expect(extract("年度投资计划1015亿元。").map(brief)).toEqual([[">=", 1.015e11, "元"]]);
  });
});

describe("mixed texts, third precision batch: targets a results sentence quotes", () => {
  it("takes each value of a list a result is below (分别低于4.6%和3.5%的年度控制目标) as a ceiling", () => {
    const meeting =
      "会议通报情况\n上半年,全市城镇登记失业率为3.07%,居民价格消费指数同比上涨2.3%,分别低于4.6%和3.5%的年度控制目标。\n";
    expect(extractTargets(meeting, {year: 2018}).map(brief)).toEqual([
      ["<=", 4.6, "%"],
      ["<=", 3.5, "%"]
    ]);
  });
});

describe("number forms of fresh texts (year3)", () => {
  it("reads 兆 after digits as a trillion (帶動民間投資4兆元), not the 兆 of 兆瓦", () => {
    expect(extract("帶動民間共同投資4兆元。").map(brief)).toEqual([[">=", 4e12, "元"]]);
    expect(extract("總產值達到1.5兆元以上,新增裝機300兆瓦。").map(brief)).toEqual([
      [">=", 1.5e12, "元"],
      [">=", 300, "兆瓦"]
    ]);
  });

  it("reads a ratio N:1 after a goal verb (收入差距缩小到1.6:1以内, 之比达到2.2:1) as N, no unit", () => {
    expect(extract("城乡居民收入差距缩小到1.6:1以内。").map(brief)).toEqual([["<=", 1.6, ""]]);
    expect(extract("农产品加工业产值与农业总产值之比达到2.2:1。").map(brief)).toEqual([[">=", 2.2, ""]]);
    expect(extract("中心區城鄉居民收入差距控制在2.2∶1以內。").map(brief)).toEqual([["<=", 2.2, ""]]);
    expect(extract("中心区人均GDP与全域人均GDP差距缩小到1.2:1,比例为2:1。").map(brief)).toEqual([["<=", 1.2, ""]]);
  });

  it("takes a forecast (可望突破4萬美元, 預估…超過5%, 概估為7.64%, 上看 2,000 億元, 將接近1兆美元) for no target", () => {
    expect(
      extract(
        "到2027年,人均GDP可望突破4萬美元;2028年名目GDP規模將接近1兆美元。同時預估今年經濟成長率會超過5%,第3季經濟成長率概估為7.64%,民間投資金額上看 2,000 億元。"
      )
    ).toEqual([]);
    expect(extract("力爭經費達成率 95%,有效紓解交通壅塞。").map(brief)).toEqual([[">=", 95, "%"]]);
    expect(extract("再生能源發電占比有望在今年實現20%的目標。").map(brief)).toEqual([[">=", 20, "%"]]);
  });

  it("takes a count of a plan's goals and indicators (250項施政目標及471項關鍵績效指標) for no target", () => {
    expect(extract("該計畫共訂定250項施政目標及471項關鍵績效指標(KPI),其中包括139項核心KPI。")).toEqual([]);
  });

  it("takes an ordinal with a space (第 135 次委員會議) for no target", () => {
    expect(extract("國發會今 (20) 日召開第 135 次委員會議,新增公園 20 個。").map(brief)).toEqual([[">=", 20, "个"]]);
  });

  it("reads a density per area (507公里/万平方公里, 5公里/百平方公里) as one unit", () => {
    expect(extract("铁路网密度达到507公里/万平方公里,高速公路密度达到5公里/百平方公里。").map(brief)).toEqual([
      [">=", 507, "公里/万平方公里"],
      [">=", 5, "公里/百平方公里"]
    ]);
  });

  it("reads an amount more than last year's (力争比上年增长50亿元) as an increase, a rate (比上年增长8%) as a level", () => {
    expect(extract("规模工业产值力争比上年增长50亿元,税收力争比上年增长8%。").map(brief)).toEqual([
      ["increase", 5e9, "元"],
      [">=", 8, "%"]
    ]);
  });

  it("reads a level's rise over a past period's end (比“十三五”末增0.8亿元) or, after the level, on its own (,增加0.24亿元) as an increase", () => {
    expect(extract("到2025年,产值达3亿元,比“十三五”末增0.8亿元;税收达500万元,比十三五末增80万元。").map(brief)).toEqual(
      [
        [">=", 3e8, "元"],
        ["increase", 8e7, "元"],
        [">=", 5e6, "元"],
        ["increase", 8e5, "元"]
      ]
    );
    expect(extract("全年目标:总收入达2.5亿元,增加0.2亿元,增长9%;计划投资500万元,增加10台设备。").map(brief)).toEqual([
      [">=", 2.5e8, "元"],
      ["increase", 2e7, "元"],
      [">=", 9, "%"],
      [">=", 5e6, "元"],
      [">=", 10, "台"]
    ]);
  });

  it("reads a multiple a goal sets (提高到2倍, ≥2倍, 达到2020年的2倍以上) in 倍; not a doubling in words nor a ratio stated", () => {
    expect(extract("产值提高到2倍,服务能力≥2倍,算力规模达到2020年的2倍以上,营业收入实现翻一番。").map(brief)).toEqual([
      [">=", 2, "倍"],
      [">=", 2, "倍"],
      [">=", 2, "倍"]
    ]);
    expect(extract("去年营业收入增长了1.3倍,是全国平均水平的2倍。")).toEqual([]);
  });

  it("reads a quoted goal with its name (提出“城镇新增就业10万人以上”的目标) as a target, a quoted slogan as none", () => {
    expect(extract("会议提出“城镇新增就业10万人以上”的目标。").map(brief)).toEqual([[">=", 100000, "人"]]);
    expect(extract("实现「全年接待游客3000万人次」的年度目标。").map(brief)).toEqual([[">=", 30000000, "人次"]]);
    expect(extract("他提出「5、50、500」三个数字,推动「五大信赖产业」。")).toEqual([]);
  });

  it("takes a subheading the paragraph below restates (农业:粮食总产突破80亿斤) for no target, the paragraph's for one", () => {
    const plan =
      "湖北某市2014年经济社会发展蓝图\n预期目标\n生产总值增长10.5%。\n农业:粮食总产突破80亿斤\n集中连片开展土地整理,力争今年粮食总产突破80亿斤。\n交通:新建公路100公里\n确保江南高速公路建成通车。\n";
    expect(extractTargets(plan, {year: 2014}).map((t) => [t.value, t.unit, t.text])).toEqual([
      [10.5, "%", "生产总值增长10.5%"],
      [8e9, "斤", "力争今年粮食总产突破80亿斤"],
      [100, "公里", "新建公路100公里"]
    ]);
  });

  it("takes a travel time a network is reached in (2小时通达) and a milestone since reached (达成3万美元以来) for no target", () => {
    expect(extract("城市群内主要城市间基本实现2小时通达,常住人口城镇化率达到67%。").map(brief)).toEqual([
      [">=", 67, "%"]
    ]);
    expect(extract("这是自我国达成人均GDP 3万美元以来,仅历时6年就达到新目标。")).toEqual([]);
  });

  it("reads the years since in digits (過去 8 年來, 10年来) as passed, like 过去五年 and 三年来", () => {
    expect(extract("卓榮泰說,過去 8 年來,台灣經濟表現成績亮眼,平均經濟成長率高達 3.14%。")).toEqual([]);
    expect(extract("全市10年来,累计新建学校120所。")).toEqual([]);
  });

  it("takes a count a rank is among (在 67 個受評比國家中排名第 8), a scope (人口超過 2,000 萬人的經濟體中) and a need met (900 噸用氣需求) for no target", () => {
    expect(
      extract("臺灣在 67 個受評比國家中排名第 8,在人口超過 2,000 萬人的經濟體中更連續 4 年蟬聯世界第一。")
    ).toEqual([]);
    expect(extract("儲槽啟用,可支應大潭電廠每小時 900 噸用氣需求。")).toEqual([]);
  });

  it("takes a photo's caption (…衝刺公建達成率95%！…。（鉅亨網資料照 ）) for a headline's copy, no target", () => {
    const news =
      "國發會今日召開委員會議,報告公共建設計畫執行情形。\n國發會：衝刺公建達成率95%！前10月執行額創18年同期新高。（鉅亨網資料照 ）\n主委強調,將力拚經費達成率 95% 的目標。\n";
    expect(extractTargets(news, {year: 2025}).map((t) => [t.value, t.text])).toEqual([
      [95, "將力拚經費達成率 95% 的目標"]
    ]);
  });

  it("takes a repost's 原标题 line for the headline restated, no target", () => {
    const news =
      "某部:今年将新建农田5000万亩\n\n某部今天发布,今年全国计划新建农田5000万亩。\n\n原标题:某部:今年将新建农田5000万亩\n";
    expect(extractTargets(news, {year: 2025}).map((t) => [t.value, t.text])).toEqual([
      [50000000, "今年全国计划新建农田5000万亩"]
    ]);
  });

  it("takes a cost's shares (按照省级补助70%、县级配套30%的比例) for how it is paid, no target", () => {
    expect(extract("按照省级补助70%、县级配套30%的比例分担,全年完成治理面积20平方公里。").map(brief)).toEqual([
      [">=", 20, "平方公里"]
    ]);
  });

  it("reads 年均增速 like 年均增长 (a rise per year)", () => {
    expect(extract("进出口总额年均增速10%以上。").map(brief)).toEqual([["increase", 10, "%"]]);
  });

  it("takes a value before 的 and a count (年营业收入超1000亿元的2个) for the class the count is of", () => {
    expect(extract("提升一批特色产业集群,年营业收入超1000亿元的2个,超500亿元的5个。").map(brief)).toEqual([
      [">=", 2, "个"],
      [">=", 5, "个"]
    ]);
  });

  it("reads 美元 as a unit, and a range of numbers with 万 inside (3萬9105至4萬2787美元) as between", () => {
    expect(extract("人均 GDP 逾 4 萬美元。").map(brief)).toEqual([[">", 40000, "美元"]]);
    expect(
      extract("人均GDP可達3萬9105至4萬2787美元。").map((t) => [t.comparator, t.value, t.value_max, t.unit])
    ).toEqual([["between", 39105, 42787, "美元"]]);
  });
});

describe("results texts, fourth precision batch: reviews that say so only in their opening", () => {
  it("reads a text whose opening says the year's work was done (…圆满完成了各项工作任务) as a report", () => {
    const review =
      "2017年,市图书馆在市委的正确领导下,开拓创新,圆满完成了各项工作任务,获得了重大的成就。\n一、图书馆的办馆条件继续提高\n通过政府招标方式,新购置图书20000余册,加工入库3309册。\n二、读者接待量进一步增加\n全年接待、服务市民约14万余人次,图书外借13万册次。\n";
    expect(extractTargets(review)).toEqual([]);
  });

  it("reads a headline that names an annual or reading report (省图发布2022年阅读报告) as a report's", () => {
    const news =
      "省图发布2022年阅读报告 月均10万多人次入馆\n湖北日报讯 (记者王晶)4月23日,湖北省图书馆发布该馆2022年度阅读报告。\n其中,8月为全年进入图书馆人次最多月份,有154395人次。全馆借阅中文图书数量最多的读者,全年借阅中文图书327册。\n";
    expect(extractTargets(news)).toEqual([]);
  });

  it("ends such a report at a heading that turns ahead (二、2024年工作打算): what follows is the plan's", () => {
    const review =
      "2023年,我馆圆满完成了各项工作任务。\n一、2023年工作情况\n全年接待读者14万人次。\n二、2024年工作打算\n新增馆藏图书5000册。\n";
    expect(extractTargets(review).map(brief)).toEqual([[">=", 5000, "册"]]);
    const plan = "2024年工作要点\n2023年,全市取得了显著成效。\n一、教育\n新建学校10所。\n";
    expect(extractTargets(plan).map(brief)).toEqual([[">=", 10, "所"]]);
  });

  it("reads the figures after a change on last year in its paragraph (比上年增长3.3%。其中,…增长4.4%) as results", () => {
    expect(extract("全年实现地区生产总值439.19亿元,比上年增长3.3%。其中,第一产业增加值100.23亿元,增长4.4%。")).toEqual(
      []
    );
    expect(extract("年末常住人口94.9万人,比上年末增加0.1万人,其中城镇人口41.4万人。")).toEqual([]);
    expect(extract("2023年地区生产总值500亿元,比上年增长6%。今年力争地区生产总值增长7%。").map(brief)).toEqual([
      [">=", 7, "%"]
    ]);
  });

  it("reads events prepared or books bought with 了 (准备了20项读书活动, 购置了电子图书10000余种) as done", () => {
    expect(extract("市图书馆精心策划和准备了20项读书活动。")).toEqual([]);
    expect(extract("购置了电子图书10000余种。")).toEqual([]);
  });

  it("takes the year's plan a result is a share of (占年度计划15.3亿元的44.8%) as the target", () => {
    expect(
      extract("元至6月,完成全社会固定资产投资68585万元,同比增长44.7%,占年度计划15.3亿元的44.8%。").map(brief)
    ).toEqual([[">=", 1.53e9, "元"]]);
  });
});

describe("results texts, fourth precision batch: a summary's titled items and totals done", () => {
  it("reads a numbered item of a summary titled by two phrases (3、与时俱进,及时增加现代化服务窗口。…) as results", () => {
    const summary =
      "县图书馆2015年工作总结\n3、与时俱进,及时增加现代化服务窗口。乡镇基层服务点建设工作共完成3个。\n4、深入农村,服务基层。图书馆负责全县12个点农家书屋建设工作,积极筹措资金4000元制做了书架。\n";
    expect(extractTargets(summary)).toEqual([]);
  });

  it("reads a total after 共 and a verb of work done (今年共接待读者19703人次) as a result, not when it is planned", () => {
    expect(extract("今年共接待读者19703人次。", 2015)).toEqual([]);
    expect(extract("全年共举办各类活动48场。", 2015)).toEqual([]);
    expect(extract("计划全年共举办各类活动50场。").map(brief)).toEqual([[">=", 50, "场"]]);
  });
});

describe("results texts, fourth precision batch: a breakdown by year in a report", () => {
  it("reads a year after 其中 in a report (累计完成投资…,其中2004年完成投资…) as a breakdown, not a turn to the plan", () => {
    const report =
      "全市项目建设进展情况通报\n元至6月,纳入重点督办项目82个,计划投资总额331654万元,累计完成投资103730.73万元,其中2004年完成投资61688.8万元;签约项目13个。\n";
    expect(extractTargets(report, {year: 2004})).toEqual([]);
  });
});

describe("results texts, fourth precision batch: a month before a news lede's date", () => {
  it("reads a month before the lede's date opening a clause (8月1日,… 7月份,市图书馆共接待…) as a period passed", () => {
    const news =
      "7月图书馆日均接待读者1.3万人\n  日照讯(记者 黄建玲)8月1日,记者从市图书馆获悉,近一段时间以来,市图书馆迎来了人流高峰。7月份,市图书馆接待读者36万余人次,平均日流量超过1.3万人。\n  此外,仅7月份就开展各类公益文化活动36场,参与读者达7000多人。\n";
    expect(extractTargets(news)).toEqual([]);
    const plan = "市图书馆暑期开放\n  日照讯(记者 黄建玲)7月1日,记者获悉,8月份,市图书馆将开展公益文化活动40场。\n";
    expect(extractTargets(plan).map(brief)).toEqual([[">=", 40, "场"]]);
  });
});

describe("holdout3 classes: units, comparison bases, plan figures in progress notes, counts of tasks", () => {
  it.each([
    ["项次", "开展全民健身活动30项次。", [[">=", 30, "项次"]]],
    [
      "美元 after 亿 and 万",
      "旅游外汇收入492亿美元,实际利用外资1.2万美元。",
      [
        [">=", 4.92e10, "美元"],
        [">=", 12000, "美元"]
      ]
    ]
  ])("reads %s as a unit", (_name, sentence, expected) => {
    expect(extract(sentence).map(brief)).toEqual(expected);
  });

  it("reads the figures after 较 a past year, up to the word that compares (较2023年62亿元,更新4.1万台大幅扩容), as the base", () => {
    expect(extract("计划支持全国更新老旧电梯12万台,较2023年62亿元,更新4.1万台大幅扩容。").map(brief)).toEqual([
      [">=", 120000, "台"]
    ]);
    expect(extract("新增企业800家,比2023年的600家增加200家。").map(brief)).toEqual([
      [">=", 800, "家"],
      [">=", 200, "家"]
    ]);
    expect(extract("较2020年的500家,到2025年达到800家。").map(brief)).toEqual([[">=", 800, "家"]]);
    expect(extract("新增企业800家,较2023年增加100家。").map(brief)).toEqual([
      [">=", 800, "家"],
      ["increase", 100, "家"]
    ]);
  });

  it("takes a figure a progress note's clause opens on as planned (计划改造1227个, 本年度计划开工项目255项) for a target", () => {
    const note =
      "住房城乡建设部最新数据显示,老旧小区改造加速推进。重庆开工率达75%,计划改造1227个,已开工937个。安徽开工率72.81%,计划改造1129个。\n";
    expect(extractTargets(note, {year: 2024}).map(brief)).toEqual([
      [">=", 1227, "个"],
      [">=", 1129, "个"]
    ]);
    const projects =
      "1-10月项目累计完成投资629.0亿元。本年度计划开工项目255项,目前实际已开工206项,完成年度计划开工的80.8%。\n";
    expect(extractTargets(projects).map(brief)).toEqual([[">=", 255, "项"]]);
    // a result against the plan, and a list's part by kind, are no targets
    expect(extract("新建公厕11座,比原计划多提升改造公厕5座。").map(brief)).toEqual([[">=", 11, "座"]]);
    expect(
      extractTargets("2023年工作总结\n续建和新开工项目共10个,其中计划开工项目6个,目前6个项目已正式开工。\n")
    ).toEqual([]);
    // projects to be started are a target; a list of projects is not
    expect(extract("新开工项目255项,安排正式项目62项。").map(brief)).toEqual([[">=", 255, "项"]]);
  });

  it("takes a count of the tasks a plan has (主要任务有4项, 分解任务15项, 主要有5项任务) for no target", () => {
    expect(extract("今年主要任务有4项。")).toEqual([]);
    expect(extract("全县人居环境整治工作主要有5项任务。")).toEqual([]);
    expect(extract("着力打造桥头堡方面(分解任务15项)。")).toEqual([]);
    expect(extract("完成重点任务15项。").map(brief)).toEqual([[">=", 15, "项"]]);
  });
});

describe("holdout3 classes: a headline under a page's breadcrumbs, totals to date", () => {
  it("reads the line under a page's breadcrumbs (首页>地方频道>要闻) as the headline, its comma allowed: no target", () => {
    const page =
      "宿迁\n\n首页>地方频道>宿迁>要闻\n\n今年宿迁将“送戏下乡”不少于335场 送什么戏下乡,群众来点单\n\n宿迁网讯 近日,市文旅局对2024年的“送戏下乡”活动进行专题部署,全市全年将开展“送戏下乡”活动不少于335场。\n";
    expect(extractTargets(page, {year: 2024}).map((t) => [t.value, t.text])).toEqual([
      [335, "全市全年将开展“送戏下乡”活动不少于335场"]
    ]);
  });

  it("reads a total to date (全国累计完成营造林面积11.6亿亩) as a result, unless its sentence plans or names a deadline", () => {
    expect(extract("党的十八大以来,全国累计完成营造林面积11.6亿亩。")).toEqual([]);
    expect(extract("到2027年,累计完成造林500万亩。").map(brief)).toEqual([[">=", 5e6, "亩"]]);
    expect(extract("今年将累计建成5G基站1万个。").map(brief)).toEqual([[">=", 10000, "个"]]);
  });
});

describe("holdout3 classes: brackets after a count", () => {
  it("reads a count listed in 实事 in a bracket (其中490户列入省为民办实事项目) as a stated count, its total too", () => {
    expect(extract("新建改造农户标准三格化粪池2880户(其中490户列入省为民办实事项目)。").map(brief)).toEqual([
      [">=", 2880, "户"],
      [">=", 490, "户"]
    ]);
    expect(extract("办好15件重点民生实事。")).toEqual([]);
  });

  it("takes a goal its paragraph states again in other words (至少建设两个…基地, then 建设…基地不少于两个) once", () => {
    const text =
      "到2015年,每个县(市)将至少建设两个人防人口疏散基地。至2015年前,每个县(市)将建设人防人口疏散基地不少于两个。\n";
    expect(extractTargets(text, {year: 2013}).map((t) => [t.comparator, t.value, t.text])).toEqual([
      [">=", 2, "每个县(市)将至少建设两个人防人口疏散基地"]
    ]);
    // other words (全市, 农村) name another goal
    const two = "全市生活垃圾无害化处理率达到100%。农村生活垃圾无害化处理率达到100%。\n";
    expect(extractTargets(two, {year: 2024}).map(brief)).toEqual([
      [">=", 100, "%"],
      [">=", 100, "%"]
    ]);
  });

  it("takes a tagged subheading (2024两会|2024年目标GDP增长5%) the paragraph below restates with its bound for no target", () => {
    const text =
      "2024全国两会|一文看清政府工作报告\n\n  报告提出2024年工作目标。\n\n2024两会|2024年目标GDP增长5%\n\n  今年的主要预期目标包括国内生产总值增长5%左右。\n";
    expect(extractTargets(text, {year: 2024}).map((t) => [t.comparator, t.value, t.text])).toEqual([
      ["=", 5, "今年的主要预期目标包括国内生产总值增长5%左右"]
    ]);
  });

  it("takes a bracket that restates the count just stated (新建8个村庄公厕(8个村庄公厕均列入省任务)) for no second target", () => {
    expect(extract("新建8个村庄公厕(8个村庄公厕均列入省任务)。").map(brief)).toEqual([[">=", 8, "个"]]);
    expect(extract("新建公厕8个(其中3个为示范公厕)。").map(brief)).toEqual([
      [">=", 8, "个"],
      [">=", 3, "个"]
    ]);
  });
});

describe("holdout3 classes: the scope of a coverage", () => {
  it("takes the count 全覆盖 spans in its phrase (实现11个镇(街道)…全覆盖) for its scope, the coverage for the target", () => {
    expect(extract("3月底前实现 11 个镇(街道)应急消防管理站建设全覆盖。").map(brief)).toEqual([[">=", 100, "%"]]);
    expect(extract("新建10个村卫生室,实现全覆盖。").map(brief)).toEqual([
      [">=", 10, "个"],
      [">=", 100, "%"]
    ]);
  });
});

describe("holdout3 classes: a range that lost its low end", () => {
  it("reads a dash after a word before a number (各安排-10场, a copy's lost digit) as no figure, a whole range as one", () => {
    expect(extract("八、九月份各安排-10场粤剧在我市农村演出。")).toEqual([]);
    expect(extract("八、九月份各安排8-10场粤剧在我市农村演出。").map(brief)).toEqual([["between", 8, "场"]]);
  });
});

describe("holdout3 classes: a title that says last year's task was done", () => {
  it("reads a text titled 去年完成…任务 as a report (no target), a title that plans to complete a task as a plan", () => {
    const news =
      "去年完成国土绿化任务超1亿亩 中国成为全球增绿最快最多国家\n记者从国家林草局了解到,2024年,我国完成国土绿化任务超1亿亩。\n2024年完成1亿多亩国土绿化任务,包括造林6669万亩、种草改良4836万亩。\n";
    expect(extractTargets(news, {year: 2024})).toEqual([]);
    const plan = "确保完成2024年国土绿化任务\n一、主要目标\n2024年完成造林6669万亩。\n";
    expect(extractTargets(plan, {year: 2024}).map(brief)).toEqual([[">=", 66690000, "亩"]]);
  });
});

describe("fresh batch gather4: units, shares of a plan, counts of a plan's parts, names and classes", () => {
  it("reads a row name's unit with 万 or 亿 (培训人数(万人) >4) as the base unit, the value scaled", () => {
    const table =
      "专栏 1 “十四五”时期残疾人事业发展主要指标\n指 标    2025 年    属 性\n1.残疾人家庭人均收入年均增长(%)    >7.5    预期性\n2.城乡残疾人职业技能培训人数(万人)    >4    预期性\n3.固定资产投资(亿元)    1.2    预期性\n";
    expect(extractTargets(table).map(brief)).toEqual([
      [">", 7.5, "%"],
      [">", 40000, "人"],
      [">=", 120000000, "元"]
    ]);
  });

  it.each([
    ["吨公里 after 亿 is one unit", "运输总周转量1208亿吨公里。", [[">=", 1.208e11, "吨公里"]]],
    ["人公里 after 亿 is one unit", "旅客周转量达到3000亿人公里。", [[">=", 3e11, "人公里"]]]
  ])("reads %s", (_, sentence, expected) => {
    expect(extract(sentence).map(brief)).toEqual(expected);
  });

  it("takes the plan a result is a share of, its words between 年初 and 计划 (占年初审计项目计划20个的135%), as the target", () => {
    expect(extract("共完成审计项目27个,占年初审计项目计划20个的135%。", 2013).map(brief)).toEqual([[">=", 20, "个"]]);
  });

  it("reads a text titled …工作情况 as a report, a share of a plan in its sentence no plan of its own", () => {
    const review =
      "2013年度审计工作情况\n2013年,我局共完成审计项目27个,占年初审计项目计划20个的135%;审计后出具审计(调查)报告41篇,审计提出建议80条。\n";
    expect(extractTargets(review).map(brief)).toEqual([[">=", 20, "个"]]);
  });

  it.each([
    ["预期 indicators after 约束性 ones", "规划明确的11项指标,有6项约束性指标、5项预期指标。"],
    ["measures listed after goals", "妇女发展规划中涵盖8个领域,共77项目标、88项策略措施。"]
  ])("reads a count listed after a count of a plan's indicators or goals (%s) as the plan's parts", (_, sentence) => {
    expect(extract(sentence)).toEqual([]);
  });

  it("reads travel times that name circles (1、2、3小时铁路出行圈) as names, not a count of circles", () => {
    expect(extract("到2030年,全国1、2、3小时铁路出行圈和1、2、3天快货物流圈全面形成。")).toEqual([]);
    expect(extract("构建2小时高铁圈。")).toEqual([]);
    expect(extract("建成14个高品质生活服务圈。").map(brief)).toEqual([[">=", 14, "个"]]);
  });

  it("reads a population right after 人口 and before 以上 and a noun (覆盖人口20万以上城市) as the places' size", () => {
    expect(extract("全国铁路基本覆盖人口20万以上城市。", 2018)).toEqual([]);
    expect(extract("新增城镇人口20万人以上。").map(brief)).toEqual([[">=", 200000, "人"]]);
  });

  it("reads a share after 覆盖 or 实现 and before 的 (覆盖80%以上的大城市) as the share covered, a target", () => {
    expect(extract("高铁覆盖80%以上的大城市。", 2018).map(brief)).toEqual([[">=", 80, "%"]]);
    expect(extract("实现80%以上的行政村通客车。").map(brief)).toEqual([[">=", 80, "%"]]);
    expect(extract("增速10%以上的企业达到50家。").map(brief)).toEqual([[">=", 50, "家"]]);
  });

  it("reads a headline that says a figure was reached (…已实现97%) or rose to one (…增至216个) as a report's", () => {
    const press =
      "中国残联:残疾儿童义务教育入学率已实现97%\n  中新社北京7月22日电 中国国务院新闻办公室22日举办“高质量完成‘十四五’规划”系列主题新闻发布会。\n  残疾人参加城乡居民基本养老保险、基本医疗保险的参保率稳定在90%和95%,困难重度残疾人家庭无障碍改造完成128万户,超额完成110万户的既定任务目标。\n";
    expect(extractTargets(press).map(brief)).toEqual([[">=", 1100000, "户"]]);
    const news =
      "国家级制种基地增至216个\n  新华社北京4月13日电 此次认定黑龙江庆安县等96个县为国家级制种大县,加上此前认定的100个区域性良繁基地,国家级育制种基地达到216个。\n";
    expect(extractTargets(news)).toEqual([]);
    const plan = "我市养老床位将增至5000张\n  记者获悉,今年全市新增养老床位500张。\n";
    expect(extractTargets(plan).map(brief)).toEqual([[">=", 500, "张"]]);
  });

  it("reads a milestone passed with the time it took (突破200亿件用时仅83天) as a result", () => {
    expect(extract("今年快递业务量突破200亿件用时仅83天。")).toEqual([]);
    expect(extract("全年快递业务量突破1000亿件。").map(brief)).toEqual([[">=", 1e11, "件"]]);
  });

  it("reads a headline that counts what some years added (5年增加43个) as a report's, not one of years ahead", () => {
    const news =
      "5年增加43个 全国颁证运输机场达241个\n  “十三五”期间,区域枢纽机场发展迅猛,全国千万级机场达到39个;支线机场旅客吞吐量增长123.7%。\n  民航局局长表示,力争年末颁证运输机场达247个。\n";
    expect(extractTargets(news).map(brief)).toEqual([[">=", 247, "个"]]);
    const plan = "未来5年新增保障性住房10万套\n  记者获悉,今年全市筹集保障性住房2万套。\n";
    expect(extractTargets(plan).map(brief)).toEqual([[">=", 20000, "套"]]);
  });

  it("reads a clause that 回顾s a period's achievements without 了 (回顾“十三五”时期…成就介绍说) as recounting", () => {
    expect(
      extract(
        "局长在工作报告中回顾“十三五”时期防震减灾事业发展成就介绍说,完成55条主要活动断层探测,督促支持2827万户危房改造。",
        2021
      )
    ).toEqual([]);
    expect(extract("总结推广试点经验成果,新建示范点10个。").map(brief)).toEqual([[">=", 10, "个"]]);
  });

  it("reads a news subheading of two phrases (今年目标没大事故 搭载旅客32.5亿人次) as restating the paragraph below", () => {
    const news =
      "铁路总公司召开工作会议\n中铁总1月2日召开工作会议。\n今年目标没大事故 搭载旅客32.5亿人次\n至于2018年的铁路工作目标,首先是不发生重大及以上责任事故,其次是国家铁路搭载旅客32.5亿人次。\n";
    expect(extractTargets(news, {year: 2018}).map(brief)).toEqual([[">=", 3.25e9, "人次"]]);
  });

  it("reads 块 of 块钱 (每件还要收村民5块钱左右) as a price, not a count of pieces", () => {
    expect(extract("每件还要收村民5块钱左右。")).toEqual([]);
    expect(extract("新建宣传栏5块。").map(brief)).toEqual([[">=", 5, "块"]]);
  });

  it("reads the units an instruction goes to (要求35家成员单位对照…) as who is asked, not a target", () => {
    expect(extract("区妇女儿童工作委员会要求35家成员单位对照实施任务分解表,精准施策。")).toEqual([]);
    expect(extract("要求新增企业35家。").map(brief)).toEqual([[">=", 35, "家"]]);
  });
});

describe("merging the session's fixes: a comparison in a title, a forecast total", () => {
  it("reads a title comparing with last year (…较去年新增14项) as no report: the text's new items are targets", () => {
    const news =
      "今年某市为民办实事项目较去年新增14项\n某市发布2023年为民办实事项目。具体来说,2023年新增项目包括:建设30家智慧养老院,新增500张养护床位。\n";
    expect(extractTargets(news, {year: 2023}).map(brief)).toEqual([
      [">=", 30, "家"],
      [">=", 500, "张"]
    ]);
  });
  it("reads a total the clause forecasts (预计2022年累计完成…15万公里) as the year's target, a total to date as a result", () => {
    const press =
      "某部:预计今年累计完成新改建农村公路15万公里\n某部举行新闻发布会。计划再新增完成新改建农村公路3万公里。预计2022年累计完成新改建农村公路15万公里。\n";
    expect(extractTargets(press, {year: 2022}).map(brief)).toEqual([
      [">=", 30000, "公里"],
      [">=", 150000, "公里"]
    ]);
    expect(extractTargets("某部举行发布会。全国累计完成新改建农村公路15万公里。\n", {year: 2022})).toEqual([]);
  });
});

describe("reviews and progress notes (session 13, prec5)", () => {
  it("reads a copy site's chunk (2、%;…) in a report as the paragraph it goes on, results, not a quoted task", () => {
    const preview =
      "某县2023年工作总结\n1、县人民政府工作报告 各位代表: 全年地区生产总值达154.6亿元,增长16.5\n2、%;完成外贸出口2.05亿美元,实际利用外资4729.8万美元。\n";
    expect(extractTargets(preview, {year: 2023})).toEqual([]);
    expect(extractTargets("某县2023年工作总结\n1.新建学校10所。\n", {year: 2023}).map(brief)).toEqual([
      [">=", 10, "所"]
    ]);
  });

  it("reads an estimate of months passed (预计1-6月份,…) as results, the share of the year's plan too", () => {
    const h1 = "某镇上半年工作总结和下半年工作计划\n预计1-6月份,完成地区生产总值10.3亿元,规模以上工业产值7.3亿元。\n";
    expect(extractTargets(h1, {year: 2015})).toEqual([]);
    // a page flattened to one line, its numbered headings run on before the prose
    const flattened =
      "某镇工作目标措施的调研报告 现将我镇2015年上半年工作完成情况报告如下: 一、完成情况 (一)主要经济指标完成情况 预计1-6月份,完成地区生产总值10.3亿元,占年计划的53.3%;服务业占GDP比重达到38%。\n";
    expect(extractTargets(flattened, {year: 2015})).toEqual([]);
    expect(extract("预计到年底,新建学校10所。").map(brief)).toEqual([[">=", 10, "所"]]);
  });

  it("reads a text that never looks ahead and says what was done (提前完成任务, 被命名为) as results, its items too", () => {
    const review =
      "(六)围绕强农兴农添活力,乡村振兴稳步推进。完成13个美丽乡村创建,新建改造供电线路133公里;15个村被命名为省级卫生村。全县322个村集体经济收入均达到5万元以上,提前完成任务。\n";
    expect(extractTargets(review, {year: 2022})).toEqual([]);
    // no done words: a list of works, the plan's
    expect(
      extractTargets("(六)乡村振兴。完成13个美丽乡村创建,新建改造供电线路133公里。\n", {year: 2022}).map(brief)
    ).toEqual([
      [">=", 13, "个"],
      [">=", 133, "公里"]
    ]);
    // a progress note quotes its tasks
    const note = "新增15家养老服务照料中心。\n进展情况\n已完成8家,超额完成改造267户。\n";
    expect(extractTargets(note, {year: 2021}).map(brief)).toEqual([[">=", 15, "家"]]);
  });

  it("reads a contact's address (联系地址:市政中心517室) as no target", () => {
    expect(extract("联系地址:市政中心517室,联系人:赵海。")).toEqual([]);
    expect(extract("新建调解室517室。").map(brief)).toEqual([[">=", 517, "室"]]);
  });

  it("reads a count of the projects a plan lists (列入…“四大行动计划”的660个项目) as no target", () => {
    expect(extract("9月15日-25日,将对列入2013年“四大行动计划”的660个项目,开展全面督查。", 2013)).toEqual([]);
    expect(extract("列入计划的项目新开工30个。").map(brief)).toEqual([[">=", 30, "个"]]);
  });

  it("reads what a report's sentence says after its subject will (屯昌将始终坚持…,保持…在80%以上) as the plan's", () => {
    const press =
      "某县2021年《政府工作报告》解读新闻发布会\n县长表示,全县民生支出比重达82%。\n关于改善民生,屯昌将始终坚持以人民为中心的思想,保持财政民生支出比重在80%以上。\n";
    expect(extractTargets(press, {year: 2021}).map(brief)).toEqual([[">=", 80, "%"]]);
  });
});

describe("project lists, yearly changes and results (session 13, prec6)", () => {
  it("reads a project list's count and its 总投资 as the list's size, the year's planned investment as the target", () => {
    expect(extract("2024年,我县安排重点项目91宗,总投资1964.4亿元,年度投资计划304亿元。").map(brief)).toEqual([
      [">=", 30400000000, "元"]
    ]);
    expect(extract("此次集中开工项目共36个,总投资5.66亿元,涵盖基础设施、城乡提升等领域。")).toEqual([]);
    // the list's parts by class between the count and its total
    expect(
      extract(
        "全年谋划实施重点项目48个,涉及产业类项目14个,基础设施类项目15个,社会民生类项目19个,总投资121.37亿元,当年计划投资32.44亿元。"
      ).map(brief)
    ).toEqual([[">=", 3244000000, "元"]]);
    expect(extract("实施10个重点项目,总投资50亿元。")).toEqual([]);
    // a project's own total, and projects to start, stay targets
    expect(extract("总投资2.5亿元,新建教学楼2栋。").map(brief)).toEqual([
      [">=", 250000000, "元"],
      [">=", 2, "栋"]
    ]);
    expect(extract("全年新开工项目30个,完成投资50亿元。").map(brief)).toEqual([
      [">=", 30, "个"],
      [">=", 5000000000, "元"]
    ]);
  });

  it("reads a story's paragraphs after 报告回顾了2024年的工作 as results, up to 报告提出了…", () => {
    const story =
      "某县人民代表大会开幕\n1月16日上午,某县人民代表大会开幕。县长作政府工作报告。\n报告回顾了2024年的工作,全县经济社会高质量发展迈出坚实步伐。\n2024年,开展精准招商217次,签约过亿元项目101个,双招双引成效显著。\n报告提出了2025年目标任务。全年新建学校10所。\n";
    expect(extractTargets(story, {year: 2024}).map(brief)).toEqual([[">=", 10, "所"]]);
    // a report's points that review nothing stay the plan's
    const points = "某县人民代表大会开幕\n报告提出,2025年全县新建学校10所。\n";
    expect(extractTargets(points, {year: 2025}).map(brief)).toEqual([[">=", 10, "所"]]);
    const both = "某省旅游工作会议举办\n会议总结2023年工作成效,对2024年重点工作进行部署。全年接待游客达9900万人次。\n";
    expect(extractTargets(both, {year: 2024}).map(brief)).toEqual([[">=", 99000000, "人次"]]);
  });

  it("reads a count of a plan's parts that a colon opens (完成一个任务:…) as no target", () => {
    expect(
      extract(
        "按照“113310”的总体发展思路,即紧扣一个目标:推进区域医疗次中心建设;完成一个任务:顺利通过三级医院等级评审;开展三大行动:提升医疗质量行动。"
      )
    ).toEqual([]);
    expect(extract("完成3项任务。").map(brief)).toEqual([[">=", 3, "项"]]);
  });

  it("reads 年均分别增长 as a yearly increase, as 年均增长", () => {
    expect(extract("城镇和农村居民人均可支配收入年均分别增长10%和12%以上。").map(brief)).toEqual([
      ["increase", 10, "%"],
      ["increase", 12, "%"]
    ]);
  });
});

describe("plans of thin sectors (gather5): shares of a plan, caps, ranks, sizes, who attends", () => {
  it("reads a sentence naming its share of a plan (占计划68.1%, 占计划任务的104%) as results, whatever qualifies the plan", () => {
    for (const sentence of [
      "完成水利固定资产投资3.27亿元,占计划68.1%。",
      "至11月底已完成投资4.17亿元,占计划任务的104%;完成治理面积81.38万亩,占计划任务的109%。",
      "全县完成水利总投资3.45亿元,占市级计划144%。"
    ]) {
      expect(extract(sentence), sentence).toEqual([]);
    }
    expect(extract("完成投资3亿元,占年度计划5亿元的60%。").map(brief)).toEqual([[">=", 500000000, "元"]]);
  });

  it("reads 控制为 as a ceiling, as 控制在", () => {
    expect(extract("森林火灾率控制为0.01%。").map(brief)).toEqual([["<=", 0.01, "%"]]);
    expect(extract("森林火災率控制為0.01%。").map(brief)).toEqual([["<=", 0.01, "%"]]);
  });

  it("reads a percentage after 前 (冲击全球前0.1%行列) as a rank band, not a target", () => {
    expect(extract("支持并推动ESI工程学冲击全球前0.1%行列。")).toEqual([]);
    expect(extract("确保项目提前完成率达到95%。").map(brief)).toEqual([[">=", 95, "%"]]);
  });

  it("reads a measure right after a count (3个5000亩县级示范片) as each one's size: the count is the target", () => {
    expect(extract("建好以三港咀为中心的3个5000亩县级示范片。").map(brief)).toEqual([[">=", 3, "个"]]);
    expect(extract("建设高标准农田5000亩。").map(brief)).toEqual([[">=", 5000, "亩"]]);
  });

  it("reads the people counted as attending a meeting (17个乡镇妇联主席参加本次会议) as no target", () => {
    expect(extract("17个乡(镇)区、办妇联主席参加本次会议。")).toEqual([]);
    expect(extract("培训乡镇妇联主席17名。").map(brief)).toEqual([[">=", 17, "名"]]);
  });
});

describe("plans of thin sectors (gather5): what was done, and what is named again", () => {
  it("reads a count a verb with 了 reports (选出了6名代表) as a result; not 为了, 除了, nor a year after 了", () => {
    expect(extract("镇团委通过团员大会选出了6名代表积极参加团市委第二十次代表大会。")).toEqual([]);
    expect(extract("为了2万户群众,新建饮水工程2处。").map(brief)).toContainEqual([">=", 2, "处"]);
    expect(extract("规划明确了2025年全市新增就业岗位1万个。").map(brief)).toEqual([[">=", 10000, "个"]]);
  });

  it("reads a count after 这 or 该 (这3所985院校) as the ones just named, not a target", () => {
    expect(extract("湖南大学、东北大学和西北农林科技大学这3所985院校进入B类。")).toEqual([]);
    expect(extract("新建学校3所。").map(brief)).toEqual([[">=", 3, "所"]]);
  });

  it("reads a paragraph opening on what was won (脱贫攻坚战也取得重大胜利) as results, a goal paragraph after it as the plan", () => {
    const story =
      "水利工作会议召开\n水利脱贫攻坚战也取得重大胜利。大力实施农村饮水安全巩固提升工程。完成975万人饮水型氟超标改水,解决120万人饮用苦咸水问题。\n会议明确了“十四五”时期主要目标。包括到2025年,全国用水总量控制在6700亿立方米以内。\n";
    expect(extractTargets(story, {year: 2021}).map(brief)).toEqual([["<=", 670000000000, "立方米"]]);
  });
});

describe("plans of thin sectors (gather5): lists, done after the count, a site's blurb", () => {
  it("reads a count a verb with 了 follows in its clause (其他36所985大学进入了A类) as done", () => {
    expect(extract("其他36所985大学进入了双一流名单的A类。")).toEqual([]);
    expect(extract("新建学校36所。").map(brief)).toEqual([[">=", 36, "所"]]);
  });

  it("reads every count of a list after 包括 as described, the nouns between them long or short", () => {
    expect(extract("名单包括42所一流大学建设高校和95所一流学科建设高校。")).toEqual([]);
  });

  it("reads a writing-samples site's count of its samples (小编精心整理的12篇) as no target", () => {
    expect(extract("下面是小编精心整理的12篇森林防火工作方案,希望对您有帮助。")).toEqual([]);
    expect(extract("全年编印信息简报12篇。").map(brief)).toEqual([[">=", 12, "篇"]]);
  });
});

describe("plans of thin sectors (gather5): a season passed", () => {
  it("reads 去冬今春 and 去冬以来 (last winter on) as passed, 今冬明春 as the plan's", () => {
    expect(extract("去冬今春完成岁修工程95件,水毁修复工程6处。")).toEqual([]);
    expect(extract("今冬明春完成岁修工程95件。").map(brief)).toEqual([[">=", 95, "件"]]);
  });
});
