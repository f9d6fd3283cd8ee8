import {describe, expect, it} from "vitest";
import {extractTasks} from "../../pipelines/tasks/extractTasks.js";
import {officeNames, readOwners, readOwnersInText} from "../../pipelines/tasks/owners.js";
import {readTimeLimit} from "../../pipelines/tasks/phrases.js";

const plan = (body: string) => `某市2031年工作要点\n一、重点任务\n${body}`;
const owners = (body: string) =>
  extractTasks(plan(body)).tasks.map((t) => [t.task_id, t.text, t.lead, t.partners.join("|")]);

describe("owners: who leads a task and who takes part, as the plan says", () => {
  it.each([
    [
      "labelled lead and partners",
      "(牵头单位:市卫健委;配合单位:市财政局、市人社局)",
      "市卫健委",
      ["市财政局", "市人社局"]
    ],
    ["responsible units only: the first leads", "(责任单位:市教育局)", "市教育局", []],
    ["a line of its own", "牵头单位:区发改局", "区发改局", []],
    ["牵头 and 负责 clauses", "(市发改委牵头,各区政府负责)", "市发改委", ["各区政府"]],
    ["牵头负责", "(国家卫生健康委牵头负责)", "国家卫生健康委", []],
    [
      "按职责分工负责: the first listed leads",
      "(教育部、国家卫生健康委、市场监管总局按职责分工负责)",
      "教育部",
      ["国家卫生健康委", "市场监管总局"]
    ],
    [
      "two leads; 及 between two offices",
      "(市政府办公室、市审改办牵头,市级各有关部门及各县市区政府按职责分工负责)",
      "市政府办公室",
      ["市审改办", "市级各有关部门", "各县市区政府"]
    ],
    ["traditional characters", "(牽頭單位:市經貿委;配合單位:市發改委、規劃局)", "市經貿委", ["市發改委", "規劃局"]],
    [
      "a remark in brackets is no name",
      "责任单位:市发改委、市财政局(第一责任单位为牵头单位,下同)",
      "市发改委",
      ["市财政局"]
    ],
    [
      "labels parted by spaces, not a semicolon",
      "(牵头单位:市商务局  责任单位:市编办、市发改委)",
      "市商务局",
      ["市编办", "市发改委"]
    ],
    [
      "a label's list goes on over commas, a name holding brackets",
      "(责任单位:市行政审批局、住建局,各市(区)人民政府,医药高新区管委会)",
      "市行政审批局",
      ["住建局", "各市(区)人民政府", "医药高新区管委会"]
    ],
    [
      "names before the comma share the role after it",
      "(区发改局牵头,区财政局、区水务局等部门,区国投公司、各街道办事处配合)",
      "区发改局",
      ["区财政局", "区水务局", "区国投公司", "各街道办事处"]
    ],
    [
      "a role the page width broke (按\\n职责分工负责) is one role",
      "(科技部、国家卫生健康委、中国科协按\n\n              职责分工负责)",
      "科技部",
      ["国家卫生健康委", "中国科协"]
    ],
    [
      "等部门单位 closes a list; a name the page width broke is one name",
      "(国家卫生健\n康委牵头,中央宣传部、教育\n部等部门单位参与)",
      "国家卫生健康委",
      ["中央宣传部", "教育部"]
    ],
    ["two offices parted by a space", "(牵头单位:市教育局 市人社局)", "市教育局", ["市人社局"]],
    [
      "offices parted by spaces and a line break, a list closing 等",
      "(牵头单位:市发改委;配合单位:市财政局 市人社局\n县教体局等)",
      "市发改委",
      ["市财政局", "市人社局", "县教体局"]
    ],
    [
      "a break inside a name (市委\n宣传部) parts no names",
      "(市委\n宣传部牵头,市文明办配合)",
      "市委宣传部",
      ["市文明办"]
    ],
    [
      "a bare kind of unit after 、 is the name before's (市直有关部门、单位)",
      "(牵头单位:市行政审批服务局;责任单位:市直有关部门、单位,各区市政府)",
      "市行政审批服务局",
      ["市直有关部门、单位", "各区市政府"]
    ],
    [
      "a reading rule in the note's own brackets (…负责,排在第一位的为牵头部门,下同) names no office",
      "(市卫生计生委、市人力社保局负责,排在第一位的为牵头部门,下同)",
      "市卫生计生委",
      ["市人力社保局"]
    ],
    [
      "a remark on the items after (以下…不再一一列出) names no office",
      "(市民政局牵头,各区、市政府负责落实。以下各项工作均需各区、市政府负责落实,不再一一列出。)",
      "市民政局",
      ["各区、市政府"]
    ],
    [
      "参加 and 落实 clauses take part; a lead named inside a 责任单位 label leads",
      "(责任单位:县扶贫开发办牵头,县教育和体育局、县民政局等有关部门参加,各镇街落实)",
      "县扶贫开发办",
      ["县教育和体育局", "县民政局", "各镇街"]
    ],
    ["a 参加单位 label takes part", "(牵头单位:市农业农村局;参加单位:市财政局)", "市农业农村局", ["市财政局"]],
    [
      "a 牵头领导 (a person) run on into 责任部门 without a stop: the offices' first leads",
      "牵头领导:阮斌副局长责任部门:建工科、安全站、质监站",
      "建工科",
      ["安全站", "质监站"]
    ],
    [
      "a compound label (牵头责任单位, 主要协作单位) reads as its role word says",
      "牵头责任单位:县卫健委;主要协作单位:各乡镇人民政府、经济开发区管委会",
      "县卫健委",
      ["各乡镇人民政府", "经济开发区管委会"]
    ],
    [
      "a compound label run on after text is cut before it, not inside it (牵头|责任单位)",
      "推进工作牵头责任单位:市教育局配合单位:市财政局",
      "市教育局",
      ["市财政局"]
    ],
    [
      "a 主要协作单位 label run on after a person takes part, as when it has a stop before it",
      "牵头领导:王副局长主要协作单位:市财政局、市人社局",
      "市财政局",
      ["市人社局"]
    ],
    [
      "with no lead, the 主体责任单位 named first leads; its 配合责任单位 take part",
      "主体责任单位:县教育局;配合责任单位:县财政局",
      "县教育局",
      ["县财政局"]
    ]
  ])("%s: %s", (_name, note, lead, partners) => {
    expect(readOwners(note)).toEqual({lead, partners});
  });

  it.each([
    ["a year range", "(2023-2025年)"],
    ["an office's own words", "(含电子烟和类烟产品)"]
  ])("names no office: %s", (_name, note) => expect(readOwners(note)).toBeNull());

  it("a note whose colons a copy lost (责任单位A配合单位B、C) is read as its labels say", () => {
    expect(readOwners("责任单位环卫分公司配合单位办事处、城管中队")).toEqual({
      lead: "环卫分公司",
      partners: ["办事处", "城管中队"]
    });
    expect(readOwners("责任单位城管科、各社区居委会,环卫公司")).toEqual({
      lead: "城管科",
      partners: ["各社区居委会", "环卫公司"]
    });
  });

  it("a line that runs on into its note without a colon: the note is cut and names the offices", () => {
    expect(
      owners("(一)开展市容环境卫生整治辖区周边无垃圾死角,生活垃圾日产日清责任单位城管科、各社区居委会,环卫公司\n")
    ).toEqual([
      ["1.1-t1", "开展市容环境卫生整治辖区周边无垃圾死角,生活垃圾日产日清", "城管科", "各社区居委会|环卫公司"]
    ]);
    // a heading with such a note on its line is its own task
    expect(owners("(一)全面开展楼院卫生整治责任单位各社区居委会、物业管理小区\n")).toEqual([
      ["1.1-t1", "全面开展楼院卫生整治", "各社区居委会", "物业管理小区"]
    ]);
    // 明确责任单位 in a sentence is no note
    expect(owners("(一)推进整治,明确责任单位和责任人,按月调度\n")[0]![2]).toBeNull();
  });

  it("items numbered 1﹒ (a small full stop), each with a 牵头负责领导 (a person), 牵头责任单位 and 协同责任单位 line", () => {
    expect(
      owners(
        "1﹒全市旅游收入增长6%以上,力争更好。\n牵头负责领导:张某。\n牵头责任单位:市文旅局。\n" +
          "协同责任单位:市财政局、市商务局等。\n2﹒外贸总额增长5%左右。\n牵头负责领导:李某。\n牵头责任单位:市商务局。\n"
      )
    ).toEqual([
      ["1.1-t1", "全市旅游收入增长6%以上,力争更好", "市文旅局", "市财政局|市商务局"],
      ["1.2-t1", "外贸总额增长5%左右", "市商务局", ""]
    ]);
  });

  it("in the text: 由A会同B、C等部门… (A leads)", () => {
    expect(readOwnersInText("由发展改革委会同中央农办、农业部等部门研究提出落实意见")).toEqual({
      lead: "发展改革委",
      partners: ["中央农办", "农业部"]
    });
  });

  it("a labelled list's role (按职责分工负责) is no part of its last name, and the note's later sentences name no office", () => {
    expect(
      readOwners(
        "〔责任单位:省发展改革委、省市场监管局、商务厅按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕"
      )
    ).toEqual({lead: "省发展改革委", partners: ["省市场监管局", "商务厅"]});
  });

  it("in the text: 由A + a verb (由综合协调组跟进落实, 由局党组追究…) names A its lead; a person's title is no office", () => {
    expect(readOwnersInText("涉及各镇的议定事项由综合协调组跟进落实并在例会上报告")).toEqual({
      lead: "综合协调组",
      partners: []
    });
    expect(readOwnersInText("如因主观原因没有完成整改任务的,由安徽局党组追究相关责任人的责任")).toEqual({
      lead: "安徽局党组",
      partners: []
    });
    expect(readOwnersInText("由学习实践活动办公室按照办结时限进行检查评定")).toEqual({
      lead: "学习实践活动办公室",
      partners: []
    });
    expect(readOwnersInText("由某副市长负责协调")).toBeNull();
    expect(readOwnersInText("由此带动全镇发展")).toBeNull();
  });

  it("in the text: A牵头,B配合 among a sentence's clauses (a leader named by a person's title is no office)", () => {
    expect(readOwnersInText("由某副市长负责,市发改委牵头,相关部门配合,尽快完成方案")).toEqual({
      lead: "市发改委",
      partners: ["相关部门"]
    });
    expect(readOwnersInText("工程建设项目实行“一家牵头、并联审批”")).toBeNull();
  });

  it("offices a sentence names are those of the line's later sentences too", () => {
    expect(
      owners("1.污水处理厂项目\n由某副市长负责,市建委牵头,相关部门配合,完善前期工作。加快工程实施进度。\n")
    ).toEqual([
      ["1.1-t1", "由某副市长负责,市建委牵头,相关部门配合,完善前期工作", "市建委", "相关部门"],
      ["1.1-t2", "加快工程实施进度", "市建委", "相关部门"]
    ]);
  });

  it("a note that closes a section's heading names the offices of its tasks that name none", () => {
    const {tasks} = extractTasks(
      "某区2031年政策举措\n一、强化科技创新(区科技局牵头)\n(一)加强平台建设。加快建设研究院。\n(二)培育企业。推进孵化。(区经信局负责)\n"
    );
    expect(tasks.map((t) => [t.task_id, t.lead])).toEqual([
      ["1.1-t1", "区科技局"],
      ["1.2-t1", "区经信局"]
    ]);
  });

  it("a note holding a bracket of its own is cut from the task and read", () => {
    expect(owners("(一)加大放权力度。削减审批事项。(责任单位:市审批局,各市(区)人民政府)\n")).toEqual([
      ["1.1-t1", "削减审批事项", "市审批局", "各市(区)人民政府"]
    ]);
  });

  it.each([
    [
      "labelled",
      "1.标题。出台方案。（牵头单位：市教育局；配合单位：市财政局、各市（区）人民政府）\n",
      "市教育局",
      "市财政局|各市（区）人民政府"
    ],
    [
      "in traditional characters",
      "1.標題。出台方案。（市經貿委牽頭，市發改委、國土房管局配合）\n",
      "市經貿委",
      "市發改委|國土房管局"
    ],
    ["in the sentence", "1.标题。出台方案，市发改委牵头，相关部门配合。\n", "市发改委", "相关部门"]
  ])(
    "a note printed in full-width punctuation (，；：（）), %s, is read; its names stay as printed",
    (_name, body, lead, partners) => {
      expect(owners(body).map(([, , l, p]) => [l, p])).toEqual([[lead, partners]]);
    }
  );

  it("a closing bracket of offices' names only names them, the first leading; other brackets name none", () => {
    expect(owners("1.推进示范建设。完成学校改造。开展评估。(市教育局、市人社局)\n")).toEqual([
      ["1.1-t1", "完成学校改造", "市教育局", "市人社局"],
      ["1.1-t2", "开展评估", "市教育局", "市人社局"]
    ]);
    expect(owners("1.推进示范建设。完成学校改造(市教育局)。\n")).toEqual([["1.1-t1", "完成学校改造", "市教育局", ""]]);
    expect(owners("1.推进示范建设。落实《通知》(国办发〔2019〕39号)\n")[0]!.slice(2)).toEqual([null, ""]);
  });

  it("a task table's office cell naming two offices parted by a space names each", () => {
    const text =
      "某市2031年重点任务分解表\n序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限\n1 | 推进示范建设 | 市教育局 市人社局 | 市财政局 | 6月底前\n";
    expect(extractTasks(text).tasks.map((t) => [t.lead, t.partners])).toEqual([["市教育局", ["市人社局", "市财政局"]]]);
  });

  it("a task table's office cells printed with full-width commas are cut as names", () => {
    const {tasks} = extractTasks(
      plan(
        "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限\n1 | 出台方案。 | 市教育局 | 市财政局，各区（县）政府 | 6月底前\n"
      )
    );
    expect(tasks.map((t) => [t.lead, t.partners])).toEqual([["市教育局", ["市财政局", "各区（县）政府"]]]);
  });

  it("a note between two sentences of a line names the offices of the sentences before it, not of those after", () => {
    expect(
      owners("1.标题。出台方案。(牵头单位:市教育局;配合单位:市财政局)完善制度。(市人社局牵头,市卫健委参与)\n")
    ).toEqual([
      ["1.1-t1", "出台方案", "市教育局", "市财政局"],
      ["1.1-t2", "完善制度", "市人社局", "市卫健委"]
    ]);
  });

  it.each([
    ["各县、区人民政府(管委会)", ["各县、区人民政府(管委会)"]],
    ["各县、市、区人民政府", ["各县、市、区人民政府"]],
    ["各镇、各街道", ["各镇", "各街道"]],
    ["各县(市、区)人民政府、各开发区管委会", ["各县(市、区)人民政府", "各开发区管委会"]],
    ["市教育局、市财政局", ["市教育局", "市财政局"]],
    ["各县(市、区)党委和人民政府,高新区党工委和管委会", ["各县(市、区)党委和人民政府", "高新区党工委和管委会"]]
  ])("a name that lists the levels of its units (各县、区人民政府) is one name: officeNames(%s)", (list, names) => {
    expect(officeNames(list)).toEqual(names);
  });

  it.each([
    ["安全科、基建科、教研科等按职责分工落实", ["安全科", "基建科", "教研科"]],
    ["市教育局、市财政局等按职责分工负责", ["市教育局", "市财政局"]],
    ["人事科会办公室", ["人事科", "办公室"]],
    ["市教育局会同市财政局", ["市教育局", "市财政局"]],
    ["区管委会办公室", ["区管委会办公室"]],
    ["市财政局会计科", ["市财政局会计科"]]
  ])(
    "a table's office cell closed by the offices' part (等按职责分工落实), or naming a lead 会 (会同) another: officeNames(%s)",
    (list, names) => {
      expect(officeNames(list)).toEqual(names);
    }
  );

  it("a note in 〔〕 (holding brackets and sentences of its own) is a note, not tasks", () => {
    expect(
      owners("1.标题。出台方案。〔市教育局牵头,市财政局参与,各区人民政府(管委会)负责落实。以下不再列出。〕完善制度。\n")
    ).toEqual([
      ["1.1-t1", "出台方案", "市教育局", "市财政局|各区人民政府(管委会)"],
      ["1.1-t2", "完善制度", null, ""]
    ]);
  });

  it("a closing note in mismatched brackets ([…)], (…]) is a note, not tasks, and names the item's offices", () => {
    expect(
      owners(
        "1.控制用水总量。强化用水监督管理。实行计划用水管理。[市水务局牵头,市工信委配合,各县(市)区政府负责落实。以下均需各县(市)区政府落实,不再列出)]\n"
      )
    ).toEqual([
      ["1.1-t1", "强化用水监督管理", "市水务局", "市工信委|各县(市)区政府"],
      ["1.1-t2", "实行计划用水管理", "市水务局", "市工信委|各县(市)区政府"]
    ]);
    expect(owners("1.健全制度。出台方案。完善制度。(市教育局牵头,市财政局配合]\n")).toEqual([
      ["1.1-t1", "出台方案", "市教育局", "市财政局"],
      ["1.1-t2", "完善制度", "市教育局", "市财政局"]
    ]);
  });

  it("an item of one sentence with a note is its own task, led as the note says", () => {
    expect(owners("1.组织开展年度评估工作。(牵头单位:市卫健委;配合单位:市财政局、市人社局)\n")).toEqual([
      ["1.1-t1", "组织开展年度评估工作", "市卫健委", "市财政局|市人社局"]
    ]);
  });

  it("a heading with only note lines under it is its own task; 牵头单位 and 责任单位 lines read together", () => {
    expect(owners("(一)地区生产总值增长7%以上\n牵头单位:区发改局\n责任单位:区统计局、各街道\n")).toEqual([
      ["1.1-t1", "地区生产总值增长7%以上", "区发改局", "区统计局|各街道"]
    ]);
  });

  it("a 部门分工: line reads its clauses (A牵头,B、C配合); a 分管省领导: line names a person, no office, no task", () => {
    expect(
      owners("1.地区生产总值增长6%以上。\n分管省领导:林克庆\n部门分工:省发展改革委牵头,各地、各部门配合。\n")
    ).toEqual([["1.1-t1", "地区生产总值增长6%以上", "省发展改革委", "各地|各部门"]]);
  });

  it("a leader's label that names the leader's level (牵头市领导:, 分管县领导:) names a person: no task, no office", () => {
    expect(
      owners(
        "1.实施做大产业扩大税源行动,加快构建现代产业体系。\n牵头市领导:汤飞帆\n责任单位:市发改委、市经信局\n" +
          "2.推进县城城镇化建设,完善配套设施。\n分管县领导:王某\n"
      )
    ).toEqual([
      ["1.1-t1", "实施做大产业扩大税源行动,加快构建现代产业体系", "市发改委", "市经信局"],
      ["1.2-t1", "推进县城城镇化建设,完善配套设施", null, ""]
    ]);
  });

  it("a sentence 由A、B,C负责落实 after a task names its offices and is no task", () => {
    expect(
      owners("(一)继续实施农机具购置补贴,确保补贴总金额高于上年。由市财政局、农业局,各县(市)、区人民政府负责落实。\n")
    ).toEqual([["1.1-t1", "继续实施农机具购置补贴,确保补贴总金额高于上年", "市财政局", "农业局|各县(市)、区人民政府"]]);
  });

  it("a note line names the offices of the item's tasks before and after it", () => {
    expect(owners("1.标题。出台方案。\n牵头单位:市教育局\n")).toEqual([["1.1-t1", "出台方案", "市教育局", ""]]);
  });

  it("a task table's 牵头单位 and 配合单位 cells; its 完成时限 cell dates the row (source table)", () => {
    const {tasks} = extractTasks(
      plan(
        "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限\n1 | 出台行动计划。 | 市教育局 | 市财政局、市人社局 | 2032年3月\n" +
          "2 | 建设资源库。 | 市数据局 | | 长期\n3 | 开展年度评估工作。 | 市教育局 | | 第三季度\n"
      )
    );
    expect(tasks.map((t) => [t.task_id, t.lead, t.partners, t.deadline, t.deadline_source])).toEqual([
      ["1.1-t1", "市教育局", ["市财政局", "市人社局"], "2032-03", "table"],
      ["1.2-t1", "市数据局", [], "2031-12", "year_end"],
      ["1.3-t1", "市教育局", [], "2031-09", "table"]
    ]);
  });

  it("a table's 责任单位 cell that runs its offices together with no separator names each of them, the first leading", () => {
    const {tasks} = extractTasks(
      [
        "某区2031年重点工作第一季度进展",
        "序号 | 目标任务 | 责任单位 | 完成情况 | 进度(百分比) | 问题与困难 | 下一步工作打算 |",
        "1 | 建成城北全民健身中心。 | 区体育局青湖度假区东湖街道 | 已开工 | 20% | 无 | 加快建设 |",
        "2 | 办好群众赛事。 | 区体育局城东新城青湖度假区西岭镇 | 已办两场 | 30% | 无 | 继续办赛 |",
        "3 | 修订场馆开放办法。 | 区体育局区人民政府办公室 | 起草中 | 10% | 无 | 征求意见 |"
      ].join("\n") + "\n"
    );
    expect(tasks.map((t) => [t.task_id, t.lead, t.partners])).toEqual([
      ["0.1-t1", "区体育局", ["青湖度假区", "东湖街道"]],
      ["0.2-t1", "区体育局", ["城东新城", "青湖度假区", "西岭镇"]],
      ["0.3-t1", "区体育局", ["区人民政府办公室"]]
    ]);
  });

  it("a table whose task column is headed 重点工作, with a 责任单位 column and no 牵头 column", () => {
    const {tasks} = extractTasks(
      "2031年开发区重点工作及责任清单\n序号 |\n重点工作 |\n责任领导 |\n责任单位 |\n完成时限 |\n1 |\n盘活存量土地400亩。 |\n某某 |\n改革办、招商部 |\n6月底前 |\n"
    );
    expect(tasks.map((t) => [t.task_id, t.text, t.lead, t.partners, t.deadline, t.deadline_source])).toEqual([
      ["0.1-t1", "盘活存量土地400亩", "改革办", ["招商部"], "2031-06", "table"]
    ]);
  });

  it.each([
    ["a year and month", "2024年3月", "2024-03"],
    ["a bare month", "9月", "2031-09"],
    ["6月底前", "6月底前", "2031-06"],
    ["上半年", "上半年", "2031-06"],
    ["第三季度", "第三季度", "2031-09"],
    ["年底前", "年底前", "2031-12"],
    ["全年", "全年", "2031-12"],
    ["a span of months: the month it runs to", "2024年3-6月", "2024-06"],
    ["a span of months without a year", "3月—6月", "2031-06"],
    ["a month and the milestone due in it", "9月投入使用", "2031-09"],
    ["a month and the start due in it", "10月开工", "2031-10"],
    ["a year, a month and the milestone", "2032年6月建成", "2032-06"],
    ["长期 names no month", "长期", null],
    ["长期坚持 names no month", "长期坚持", null],
    ["每季度 names no month", "每季度", null],
    ["持续推进 names no month", "持续推进", null],
    ["two dated parts of one task: the later", "2032年2月公布方案,2032年8月公布结果", "2032-08"],
    ["two dated parts, each its milestone", "2032年9月完成验收,2033年3月完成评估", "2033-03"],
    ["a year alone (a project's term): its end", "2032", "2032-12"],
    ["a year alone with 年度", "2032年度", "2032-12"]
  ])("time-limit cell, %s: %s", (_name, cell, deadline) => {
    expect(readTimeLimit(cell, {year: 2031})?.deadline ?? null).toBe(deadline);
  });

  it("a comma inside quotation marks ends no title", () => {
    const {items} = extractTasks(
      plan("(一)关于“严守耕地保护红线,划定永久基本农田”的问题,由国土资源部会同农业部等部门负责落实。\n")
    );
    expect(items.map((i) => i.title)).toEqual(["关于“严守耕地保护红线,划定永久基本农田”的问题"]);
    expect(owners("(一)关于“严守耕地保护红线”的问题,由国土资源部会同农业部等部门负责落实。\n")[0]!.slice(2)).toEqual([
      "国土资源部",
      "农业部"
    ]);
  });
  it("units named as county plans name them (集团, 公司, 所, 馆, 学校, 大队) are offices like 局 and 委", () => {
    expect(owners("1.推进林业产业发展。(责任单位:区林业局,区经发集团,相关乡镇办)")).toEqual([
      ["1.1-t1", "推进林业产业发展", "区林业局", "区经发集团|相关乡镇办"]
    ]);
    expect(owners("1.完成农网改造。(县供电公司牵头,各镇司法所、县图书馆配合)")).toEqual([
      ["1.1-t1", "完成农网改造", "县供电公司", "各镇司法所|县图书馆"]
    ]);
    expect(owners("1.整治交通秩序。开展校园周边道路整治。由县交警大队、各学校负责落实。")).toEqual([
      ["1.1-t1", "开展校园周边道路整治", "县交警大队", "各学校"]
    ]);
  });
});
