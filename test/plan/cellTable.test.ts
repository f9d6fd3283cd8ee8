import {describe, expect, it} from "vitest";
import {cellTables, tableColumnRole} from "../../pipelines/plan/cellTable.js";
import {planLines} from "../../pipelines/plan/structure.js";

/** A web page's table copied as text: each cell a paragraph, blank lines between. */
const paragraphs = (...cells: string[]) => cells.join("\n\n") + "\n";

/** The tables of `text` as its rows' cells read: `[序号, [[role, text], …]]`. */
function read(text: string) {
  return cellTables(planLines(text)).map((t) => ({
    columns: t.columns.map((c) => [c.header, c.role]),
    rows: t.rows.map((r) => [r.no, r.cells.map((c) => [c.role, text.slice(c.start, c.end)])]),
    span: text.slice(t.start, t.end)
  }));
}

describe("tableColumnRole", () => {
  it.each([
    ["序号", "no"],
    ["目标任务", "task"],
    ["重点工作任务", "task"],
    ["工作内容", "task"],
    ["民生实事", "task"],
    ["民生实事项目", "task"],
    ["为民办实事", "task"],
    ["细化分工", "task"],
    ["牵头单位", "lead"],
    ["牵头责任单位", "lead"],
    ["主要责任单位", "lead"],
    ["责任单位", "partners"],
    ["配合单位", "partners"],
    ["协同配合单位", "partners"],
    ["负责部门", "partners"],
    ["负责单位", "partners"],
    ["协助单位", "partners"],
    ["责任单位 或牵头单位", "lead"],
    ["完成时限", "deadline"],
    ["计划完成时间", "deadline"],
    ["时间节点", "deadline"],
    ["时间进度", "deadline"],
    ["完成 期限", "deadline"],
    ["目前完成情况", "progress"],
    ["进展情况", "progress"],
    ["是否达到序时进度", "progress"],
    ["进展比例", "progress"],
    ["完成比例", "progress"],
    ["序号(hào)", "no"],
    ["备注", "other"],
    ["指标", "other"],
    ["责任股室", "partners"],
    ["牵头股室", "lead"],
    ["项目名称", "task"],
    ["建设内容", "task"],
    ["项目建设期限", "deadline"],
    ["项目总投资(万元)", "other"],
    ["资金分配(万元)", "other"],
    ["进度(百分比)", "progress"],
    ["问题与困难", "other"],
    ["下一步工作打算", "other"],
    ["建成高标准农田8.3万亩", null]
  ])("%s → %s", (cell, role) => expect(tableColumnRole(cell)).toBe(role));
});

describe("cellTables: a table copied one cell a paragraph", () => {
  it("reads each row by its 序号 into the header's columns, a progress column and a missing last cell included", () => {
    const text = paragraphs(
      "某局2031年重点工作完成情况",
      "序号",
      "目标任务",
      "牵头责任单位",
      "计划完成时间",
      "目前完成情况",
      "是否达到序时进度",
      "6",
      "建成高标准农田8.3万亩。",
      "农田建设管理股、农业股",
      "2031年底",
      "已建成6万亩,整体进度70%。",
      "是",
      "7",
      "完成认证10个。",
      "经管站",
      "2031年底",
      "完成认证8个。"
    );
    expect(read(text)).toEqual([
      {
        columns: [
          ["序号", "no"],
          ["目标任务", "task"],
          ["牵头责任单位", "lead"],
          ["计划完成时间", "deadline"],
          ["目前完成情况", "progress"],
          ["是否达到序时进度", "progress"]
        ],
        rows: [
          [
            6,
            [
              ["task", "建成高标准农田8.3万亩。"],
              ["lead", "农田建设管理股、农业股"],
              ["deadline", "2031年底"],
              ["progress", "已建成6万亩,整体进度70%。"],
              ["progress", "是"]
            ]
          ],
          [
            7,
            [
              ["task", "完成认证10个。"],
              ["lead", "经管站"],
              ["deadline", "2031年底"],
              ["progress", "完成认证8个。"]
            ]
          ]
        ],
        span: text.slice(text.indexOf("序号"), text.lastIndexOf("。") + 1)
      }
    ]);
  });

  it("keeps an office cell of two paragraphs whole, and a stray `2` out of the time-limit cell", () => {
    const text = paragraphs(
      "序号",
      "目标任务",
      "牵头责任单位",
      "计划完成时间",
      "目前完成情况",
      "54",
      "加强农产品品牌建设。",
      "农业股",
      "乡村产业发展股",
      "2031年底",
      "完成认证10个。",
      "55",
      "开展农资打假专项治理行动。",
      "农业执法大队",
      "2",
      "2031年底",
      "查处违法行为31起。"
    );
    expect(read(text)[0]!.rows).toEqual([
      [
        54,
        [
          ["task", "加强农产品品牌建设。"],
          ["lead", "农业股\n\n乡村产业发展股"],
          ["deadline", "2031年底"],
          ["progress", "完成认证10个。"]
        ]
      ],
      [
        55,
        [
          ["task", "开展农资打假专项治理行动。"],
          ["lead", "农业执法大队"],
          ["deadline", "2031年底"],
          ["progress", "查处违法行为31起。"]
        ]
      ]
    ]);
  });

  it("keeps a task cell of two sentences' paragraphs whole before its office cell; a progress cell stays its own", () => {
    const text = paragraphs(
      "序号",
      "重点任务",
      "牵头单位",
      "配合单位",
      "完成时限",
      "目前完成情况",
      "1",
      "推进示范建设,完成学校改造。",
      "开展教师培训。",
      "市教育局",
      "市财政局",
      "6月底前",
      "已完成改造3所。",
      "2",
      "开展专项整治。",
      "市城管局",
      "各区政府",
      "年底前",
      "正在推进。"
    );
    expect(read(text)[0]!.rows).toEqual([
      [
        1,
        [
          ["task", "推进示范建设,完成学校改造。\n\n开展教师培训。"],
          ["lead", "市教育局"],
          ["partners", "市财政局"],
          ["deadline", "6月底前"],
          ["progress", "已完成改造3所。"]
        ]
      ],
      [
        2,
        [
          ["task", "开展专项整治。"],
          ["lead", "市城管局"],
          ["partners", "各区政府"],
          ["deadline", "年底前"],
          ["progress", "正在推进。"]
        ]
      ]
    ]);
  });

  it("joins a header split over two lines, a time in it dating its column, and skips rows of sections", () => {
    const text = paragraphs(
      "序号",
      "重点工作",
      "责任",
      "科室",
      "工作任务安排",
      "第二季度",
      "完成情况",
      "一、项目建设",
      "1",
      "水库工程",
      "水库工程领导小组",
      "推进坟墓迁移工作。",
      "迁移进度达60%。",
      "二、城镇建设",
      "三、民生事业",
      "2",
      "美丽城镇",
      "乡村振兴办",
      "开展项目建设。",
      "完成投资3000万元。"
    );
    const [table] = cellTables(planLines(text));
    expect(table!.columns).toEqual([
      {role: "no", header: "序号"},
      {role: "task", header: "重点工作"},
      {role: "partners", header: "责任科室"},
      {role: "task", header: "工作任务安排第二季度", time: "第二季度"},
      {role: "progress", header: "完成情况"}
    ]);
    expect(read(text)[0]!.rows).toEqual([
      [
        1,
        [
          ["task", "水库工程"],
          ["partners", "水库工程领导小组"],
          ["task", "推进坟墓迁移工作。"],
          ["progress", "迁移进度达60%。"]
        ]
      ],
      [
        2,
        [
          ["task", "美丽城镇"],
          ["partners", "乡村振兴办"],
          ["task", "开展项目建设。"],
          ["progress", "完成投资3000万元。"]
        ]
      ]
    ]);
  });

  it("joins a name's last word on a line of its own to the name before it (重点工作 / 任务)", () => {
    const text = paragraphs(
      "序号",
      "重点工作",
      "任务",
      "牵头",
      "单位",
      "完成",
      "时限",
      "1",
      "出台方案。",
      "市教育局",
      "6月底前"
    );
    expect(read(text)).toEqual([
      {
        columns: [
          ["序号", "no"],
          ["重点工作任务", "task"],
          ["牵头单位", "lead"],
          ["完成时限", "deadline"]
        ],
        rows: [
          [
            1,
            [
              ["task", "出台方案。"],
              ["lead", "市教育局"],
              ["deadline", "6月底前"]
            ]
          ]
        ],
        span: text.trim()
      }
    ]);
  });

  it("leaves the closing stop out of a list of offices", () => {
    const text = paragraphs(
      "序号",
      "重点工作任务",
      "主要责任单位",
      "协同配合单位",
      "3",
      "深化合作。",
      "区教育局",
      "区投资促进中心。"
    );
    expect(read(text)[0]!.rows).toEqual([
      [
        3,
        [
          ["task", "深化合作。"],
          ["lead", "区教育局"],
          ["partners", "区投资促进中心"]
        ]
      ]
    ]);
  });

  it.each([
    ["no 序号 column", paragraphs("重点任务", "牵头单位", "完成时限", "1", "出台方案。", "市教育局", "6月底前")],
    ["no task column", paragraphs("序号", "指标", "单位", "目标值", "1", "入园率", "%", "95")],
    ["a header without rows", paragraphs("序号", "重点任务", "牵头单位", "完成时限", "一、总体要求", "坚持稳中求进。")],
    ["cells that share a line", "序号 | 重点任务 | 牵头单位\n1 | 出台方案。 | 市教育局\n"],
    [
      "a record that opens on no task",
      paragraphs("责任单位", "市教育局", "配合单位", "市财政局", "完成时限", "6月底前")
    ],
    ["a record of two names", paragraphs("具体任务", "出台方案。", "责任单位", "市教育局")]
  ])("finds no table in a text with %s", (_name, text) => expect(cellTables(planLines(text))).toEqual([]));

  it("reads a record of one task, each column's name on the paragraph before its cell, as a table of one row", () => {
    const text = paragraphs(
      "具体任务",
      "出台方案;开展培训。",
      "责任单位",
      "卫健局、文旅局",
      "配合单位",
      "各乡镇",
      "完成时限",
      "1月底前完成"
    );
    expect(read(text)).toEqual([
      {
        columns: [
          ["", "no"],
          ["具体任务", "task"],
          ["责任单位", "partners"],
          ["配合单位", "partners"],
          ["完成时限", "deadline"]
        ],
        rows: [
          [
            1,
            [
              ["task", "出台方案;开展培训。"],
              ["partners", "卫健局、文旅局"],
              ["partners", "各乡镇"],
              ["deadline", "1月底前完成"]
            ]
          ]
        ],
        span: text.slice(0, text.indexOf("1月底前完成") + "1月底前完成".length)
      }
    ]);
  });

  it("reads a row's second task and its own time limit, printed after the row's time limit (its 序号 and offices merged)", () => {
    const text = paragraphs(
      "序号",
      "民生实事",
      "责任单位",
      "完成时限",
      "5",
      "开工建设县老年养护楼。",
      "县民政局",
      "5月底前动工",
      "开工建设老年大学。",
      "12月底前",
      "6",
      "迁建县政务服务中心。",
      "县政务服务中心",
      "12月底前"
    );
    expect(read(text)[0]!.rows).toEqual([
      [
        5,
        [
          ["task", "开工建设县老年养护楼。"],
          ["partners", "县民政局"],
          ["deadline", "5月底前动工"],
          ["task", "开工建设老年大学。"],
          ["deadline", "12月底前"]
        ]
      ],
      [
        6,
        [
          ["task", "迁建县政务服务中心。"],
          ["partners", "县政务服务中心"],
          ["deadline", "12月底前"]
        ]
      ]
    ]);
  });

  it("ends the table at a row of more paragraphs than its columns allow: the text after it is no cell", () => {
    const text = paragraphs(
      "序号",
      "重点任务",
      "牵头单位",
      "1",
      "出台方案。",
      "市教育局",
      "附件:",
      "一段说明。",
      "另一段说明。",
      "第三段说明。"
    );
    const [table] = cellTables(planLines(text));
    expect(text.slice(table!.start, table!.end)).toBe(
      paragraphs("序号", "重点任务", "牵头单位", "1", "出台方案。", "市教育局").trim()
    );
  });

  it("reads a merged group column, a person's column and a 责任股室 (单位) column, carrying merged cells down a group", () => {
    const text = paragraphs(
      "序号",
      "类别",
      "工作任务",
      "完成时限",
      "责任领导",
      "责任科室",
      "(单位)",
      "备注",
      "1",
      "全民健身",
      "新建健身步道20公里。",
      "11月底前",
      "王某某",
      "群体科",
      "体育中心",
      "2",
      "举办全民运动会1届。",
      "竞训科",
      "3",
      "开展健身指导进社区活动。",
      "4",
      "场馆建设",
      "完成体育馆维修改造。",
      "场馆办"
    );
    expect(read(text)[0]!.columns).toEqual([
      ["序号", "no"],
      ["类别", "other"],
      ["工作任务", "task"],
      ["完成时限", "deadline"],
      ["责任领导", "other"],
      ["责任科室(单位)", "partners"],
      ["备注", "other"]
    ]);
    expect(read(text)[0]!.rows).toEqual([
      [
        1,
        [
          ["other", "全民健身"],
          ["task", "新建健身步道20公里。"],
          ["deadline", "11月底前"],
          ["other", "王某某"],
          ["partners", "群体科\n\n体育中心"]
        ]
      ],
      // the group's 11月底前 runs down its rows; its office cell down those that print none
      [
        2,
        [
          ["task", "举办全民运动会1届。"],
          ["deadline", "11月底前"],
          ["partners", "竞训科"]
        ]
      ],
      [
        3,
        [
          ["task", "开展健身指导进社区活动。"],
          ["deadline", "11月底前"],
          ["partners", "竞训科"]
        ]
      ],
      // a row that opens a group takes nothing from the group before
      [
        4,
        [
          ["other", "场馆建设"],
          ["task", "完成体育馆维修改造。"],
          ["partners", "场馆办"]
        ]
      ]
    ]);
  });
});
