import {describe, expect, it} from "vitest";
import {extractTasks} from "../../pipelines/tasks/extractTasks.js";
import {readOwnersInText} from "../../pipelines/tasks/owners.js";

/** The tasks of a made-up plan: id, text, deadline and its source. */
const read = (text: string) => extractTasks(text).tasks.map((t) => [t.task_id, t.text, t.deadline, t.deadline_source]);

describe("extractTasks: lists, stages and headings of prose plans", () => {
  it("an inline list behind a year label (`2032年任务:一是…`) is due that year, a second list starts over", () => {
    const text =
      "某县三年(2032—2034年)行动方案\n\n一、主要任务\n\n1.完善道路网络\n\n" +
      "加快道路建设。2032年任务:一是完成路网评估;二是新建道路5公里。2033年任务:一是5月底前完成招标;二是开工建设桥梁。" +
      "交通部门做好养护工作。\n";
    expect(read(text)).toEqual([
      ["1.1-t1", "加快道路建设", "2034-12", "year_end"],
      ["1.1-t2", "一是完成路网评估", "2032-12", "text"],
      ["1.1-t3", "二是新建道路5公里", "2032-12", "text"],
      ["1.1-t4", "一是5月底前完成招标", "2033-05", "text"],
      ["1.1-t5", "二是开工建设桥梁", "2033-12", "text"],
      ["1.1-t6", "交通部门做好养护工作", "2034-12", "year_end"]
    ]);
  });

  it("steps (1) under a section whose line runs on are its tasks, each over its sentences; a why-sentence is none", () => {
    const text =
      "某街道2031年平安建设计划\n二、加强巡防队伍建设,充实巡防力量。同时组织队员培训,提高巡防能力。\n" +
      "三、深入开展禁毒宣传。加强这项工作是提高居民禁毒意识的一项重要工作,是建设平安街道的重要基础。为此,要做好以下几项工作:\n" +
      "(1) 以街道文化站为阵地,开展禁毒教育。组织“无毒\n家庭”评选,提高居民防范意识。\n" +
      "(2) 利用宣传栏做好禁毒宣传,做到家喻户晓。\n";
    expect(extractTasks(text).items.map((i) => [i.item_id, i.title])).toEqual([
      ["0.2", "加强巡防队伍建设"],
      ["0.3", "深入开展禁毒宣传"]
    ]);
    expect(read(text).filter(([id]) => id!.startsWith("0.3"))).toEqual([
      ["0.3-t1", "(1) 以街道文化站为阵地,开展禁毒教育。组织“无毒\n家庭”评选,提高居民防范意识", "2031-12", "year_end"],
      ["0.3-t2", "(2) 利用宣传栏做好禁毒宣传,做到家喻户晓", "2031-12", "year_end"]
    ]);
  });

  it("a preview's pages run on behind page numbers (2、 3、) that break words: sections as items, headings run on", () => {
    const text =
      "1、某区水务局年度工作要点一、进一步加强河道管理工作稳步推进河道清淤、堤防加固和岸线整治,尤其以城区河段、重点水库、灌区渠系等影响面大的工程为重点,抓好水利项目申报,争取水利建设项目扶持资金,搞好农村饮水安全建设,加快我" +
      "区水利建设步伐。积极向上级主管部门汇报有关情况,努力争取各类水利项目和项目资金,力争 09 年水利投资突破 2 亿元。二、积极参与 xx 区水生态建设一是尽力支持新农村水系连通;二是积极参与区委、区政府确定的“一河两岸”建设工作,将可能争取和使用的项" +
      "\n" +
      "2、目资金首先集中使用在“一河两岸”的范围内,努力打造生态河道。三是完成河道清淤 20 公里。三、依法加强水资源管理工作加强对取水许可、水资源费征收和河道采砂的管理,加强对入河排污口、水源保护区和饮用水水源地的监管,重点" +
      "打击非法采砂、非法取水、非法设置排污口和侵占河道等违法行为。按规定征收水资源费,做到应收尽收,管好用好。四、加强防汛抗旱工作认真落实防汛行政首长负责制,进一步加强值班制度,完善防汛和抗" +
      "\n" +
      "3、旱应急预案,将洪涝灾害损失率控制在 0.1以内。" +
      "\n";
    expect(extractTasks(text).items.map((i) => [i.item_id, i.title])).toEqual([
      ["0.1", "进一步加强河道管理工作"],
      ["0.2", "积极参与 xx 区水生态建设"],
      ["0.3", "依法加强水资源管理工作"],
      ["0.4", "加强防汛抗旱工作"]
    ]);
    const tasks = read(text);
    expect(tasks.map(([id]) => id)).toEqual([
      "0.1-t1",
      "0.1-t2",
      "0.2-t1",
      "0.2-t2",
      "0.2-t3",
      "0.3-t1",
      "0.3-t2",
      "0.4-t1"
    ]);
    expect(tasks[1]!.slice(2)).toEqual(["2009-12", "year_end"]); // 力争 09 年: 2009
    expect(tasks[7]![1]).toBe(
      "认真落实防汛行政首长负责制,进一步加强值班制度,完善防汛和抗\n3、旱应急预案,将洪涝灾害损失率控制在 0.1以内"
    );
  });

  it("a measures' spaced 总 则 chapter (purpose, scope) holds no work items", () => {
    const text =
      "某市数据共享管理办法\n第一章 总 则\n第一条 为加强数据资源管理,推动数据共享,制定本办法。\n" +
      "第二条 本市行政区域内的数据共享活动,适用本办法。\n";
    expect(extractTasks(text).items).toEqual([]);
  });

  it("a section heading naming its lead (`一、县农业局牵头工作(2项)`) gives its items that lead, after a notice's own 一、", () => {
    const text =
      "各有关单位:\n现将任务分解印发给你们。\n一、压实责任,抓好落实。各单位要细化措施。\n附件\n2032年县重点工作任务清单\n" +
      "一、县农业局牵头工作(2项)\n1.建设高标准农田1万亩。\n2.推广节水灌溉技术。\n二、其他工作\n3.完善路网。\n";
    const owners = extractTasks(text).tasks.map((t) => [t.task_id, t.lead]);
    expect(owners).toEqual([
      ["1.1-t1", "县农业局"],
      ["1.2-t1", "县农业局"],
      ["2.3-t1", null]
    ]);
  });

  it.each([
    [
      "由A负责,B、C配合: A leads, B and C take part",
      "由市商务局负责,市农业局、市环保局配合,加快基地建设",
      "市商务局",
      ["市农业局", "市环保局"]
    ],
    ["A会同B等部委 without 由", "国家档案局会同民政部等部委每年举办一次培训", "国家档案局", ["民政部"]],
    ["traditional characters", "國家檔案局會同民政部等部委每年舉辦一次培訓", "國家檔案局", ["民政部"]],
    ["a subject that is no office: none", "各地会同学院等单位开展调研", null, null]
  ])("a sentence names its lead and partners in prose: %s", (_, sentence, lead, partners) => {
    const owners = readOwnersInText(sentence);
    expect(owners && [owners.lead, owners.partners]).toEqual(lead === null ? null : [lead, partners]);
  });

  it("a clause that says what must be done (`要督促…`, `要亲自抓`) is a task of its own, whatever its verb", () => {
    const text =
      "某市2032年工作方案\n\n一、主要任务\n\n1.推进整改\n\n加快道路建设;对进度滞后的,要督促其尽快整改。领导要亲自抓。\n";
    expect(read(text).map((t) => t[1])).toEqual(["加快道路建设", "对进度滞后的,要督促其尽快整改", "领导要亲自抓"]);
  });

  it("a page that opens on a later stage (`第二阶段:…`) reads its stages as items of section 0, numbered by their ordinal", () => {
    const text =
      "第二阶段:全面整治(6月1日至10月底)。各镇开展环境整治行动。\n第三阶段:考核验收(12月上旬)。县领导组组织检查验收。\n" +
      "四、保障措施\n(一)加强宣传。各镇要广泛宣传。\n";
    const {items} = extractTasks(text);
    expect(items.map((i) => [i.item_id, i.title])).toEqual([
      ["0.2", "全面整治(6月1日至10月底)"],
      ["0.3", "考核验收(12月上旬)"],
      ["4.1", "加强宣传"]
    ]);
    expect(read(text).map((t) => t.slice(0, 2))).toEqual([
      ["0.2-t1", "各镇开展环境整治行动"],
      ["0.3-t1", "县领导组组织检查验收"],
      ["4.1-t1", "各镇要广泛宣传"]
    ]);
  });
});
