import {describe, expect, it} from "vitest";
import {extractTargets} from "../../pipelines/targets/extractTargets.js";
import {readIndicatorTables} from "../../pipelines/targets/indicatorTable.js";

const row = (t: {
  indicator: string;
  unit: string;
  comparator: string;
  value: number;
  value_max: number | null;
  baseline: number | null;
  baseline_year: number | null;
  year: number | null;
  cumulative: boolean;
}) => ({
  indicator: t.indicator,
  unit: t.unit,
  comparator: t.comparator,
  value: t.value,
  value_max: t.value_max,
  baseline: t.baseline,
  baseline_year: t.baseline_year,
  year: t.year,
  cumulative: t.cumulative
});

describe("indicator tables as plans print them", () => {
  it("reads no targets in the progress, office and time cells of a table copied one cell a paragraph", () => {
    const text = [
      "某局2031年重点工作完成情况",
      "序号",
      "目标任务",
      "牵头责任单位",
      "计划完成时间",
      "目前完成情况",
      "55",
      "完成“三品一标”认证10个。",
      "农业股",
      "2031年底",
      "1、查处违法行为31起。2、对全县18个乡镇农资市场进行检查。"
    ].join("\n\n");
    expect(extractTargets(text).map((t) => [t.indicator, t.value, t.unit])).toEqual([["三品一标认证", 10, "个"]]);
  });

  it("reads rows split by spaces under 序号 指标 单位 基期值 目标值 属性: comparators, empty cells, cumulative figures, no row numbers", () => {
    const text = [
      "一、主要指标",
      "序号 指标 单位 基期值 目标值 属性",
      "1 学前教育毛入园率 % 90 ≥95 预期性",
      "2 单位地区生产总值能耗降低 % — 〔13.5〕 约束性",
      "3 普惠托位 个 - >20 预期性",
      "4 事故发生率 % 0.05 <0.01 约束性",
      "5 运动技能 项 1 2—3 预期性",
      "二、主要任务",
      "1.新增学位1万个。"
    ].join("\n");
    const targets = extractTargets(text, {year: 2024});
    expect(targets.map(row)).toEqual([
      {
        indicator: "学前教育毛入园率",
        unit: "%",
        comparator: ">=",
        value: 95,
        value_max: null,
        baseline: 90,
        baseline_year: null,
        year: null,
        cumulative: false
      },
      {
        indicator: "单位地区生产总值能耗降低",
        unit: "%",
        comparator: ">=",
        value: 13.5,
        value_max: null,
        baseline: null,
        baseline_year: null,
        year: null,
        cumulative: true
      },
      {
        indicator: "普惠托位",
        unit: "个",
        comparator: ">",
        value: 20,
        value_max: null,
        baseline: null,
        baseline_year: null,
        year: null,
        cumulative: false
      },
      {
        indicator: "事故发生率",
        unit: "%",
        comparator: "<",
        value: 0.01,
        value_max: null,
        baseline: 0.05,
        baseline_year: null,
        year: null,
        cumulative: false
      },
      {
        indicator: "运动技能",
        unit: "项",
        comparator: "between",
        value: 2,
        value_max: 3,
        baseline: 1,
        baseline_year: null,
        year: null,
        cumulative: false
      },
      {
        indicator: "新增学位",
        unit: "个",
        comparator: ">=",
        value: 10000,
        value_max: null,
        baseline: null,
        baseline_year: null,
        year: null,
        cumulative: false
      }
    ]);
    expect(targets.map((t) => t.id)).toEqual(["1.0a", "1.0b", "1.0c", "1.0d", "1.0e", "2.1a"]);
    for (const t of targets) expect(text.slice(t.start_offset, t.end_offset)).toBe(t.text);
    expect(targets[0]!.text).toBe("学前教育毛入园率 % 90 ≥95 预期性");
  });

  it("takes the later year's column for the target and the earlier one for the baseline, with tabs", () => {
    const text =
      "主要指标\n指标\t单位\t2020年\t2025年\t属性\n劳动年龄人口平均受教育年限\t年\t11.4\t12.3\t约束性\n高中阶段教育毛入学率\t%\t99.8\t100\t约束性\n";
    expect(readIndicatorTables(text).rows.map(row)).toEqual([
      {
        indicator: "劳动年龄人口平均受教育年限",
        unit: "年",
        comparator: ">=",
        value: 12.3,
        value_max: null,
        baseline: 11.4,
        baseline_year: 2020,
        year: 2025,
        cumulative: false
      },
      {
        indicator: "高中阶段教育毛入学率",
        unit: "%",
        comparator: ">=",
        value: 100,
        value_max: null,
        baseline: 99.8,
        baseline_year: 2020,
        year: 2025,
        cumulative: false
      }
    ]);
  });

  it("follows the header when the target column comes first (2015年 目标值 | 2010年 实现值 | 权重)", () => {
    const text =
      "类别 | 序号 | 指 标 名 称 | 单位 | 2015年 目标值 | 2010年 实现值 | 权重 |\n社会发展 | 17 | 劳动年龄人口平均受教育年限 | 年 | 12.2 | 9.5 | 5 |\n";
    expect(readIndicatorTables(text).rows.map(row)).toEqual([
      {
        indicator: "劳动年龄人口平均受教育年限",
        unit: "年",
        comparator: ">=",
        value: 12.2,
        value_max: null,
        baseline: 9.5,
        baseline_year: 2010,
        year: 2015,
        cumulative: false
      }
    ]);
  });

  it("reads a table flattened to one cell per line, units in the names or the cells, sub-rows column by column", () => {
    const text = [
      "“十四五”教育事业发展主要指标表",
      "指  标",
      "2020年",
      "",
      "2025年",
      "属性",
      "一、发展水平",
      "1.学前教育毛入园率(%)",
      "99%",
      "99%以上",
      "约束性",
      "2.劳动年龄人口平均受教育年限(年)",
      "11.4年",
      "12.3年以上",
      "约束性",
      "3.义务教育标准班额比例(%)",
      "其中:小学",
      "初中",
      "34.52%",
      "77.34%",
      "80%以上",
      "85%以上",
      "预期性",
      "4.幼儿教师专科及以上学历比例(%)",
      "其中:本科及以上学历比例(%)",
      "97.74%",
      "49.85%",
      "100%",
      "50%",
      "预期性",
      "5.单位生产总值能耗降低(%)",
      "—",
      "〔13.5〕",
      "约束性",
      "说明:带〔 〕的为五年累计数。"
    ].join("\n");
    const targets = extractTargets(text, {year: null});
    expect(
      targets.map((t) => [
        t.id,
        t.indicator,
        t.comparator,
        t.value,
        t.unit,
        t.baseline,
        t.baseline_year,
        t.year,
        t.cumulative
      ])
    ).toEqual([
      ["1.1a", "学前教育毛入园率", ">=", 99, "%", 99, 2020, 2025, false],
      ["1.2a", "劳动年龄人口平均受教育年限", ">=", 12.3, "年", 11.4, 2020, 2025, false],
      ["1.3a", "义务教育标准班额比例(小学)", ">=", 80, "%", 34.52, 2020, 2025, false],
      ["1.3b", "义务教育标准班额比例(初中)", ">=", 85, "%", 77.34, 2020, 2025, false],
      ["1.4a", "幼儿教师专科及以上学历比例", ">=", 100, "%", 97.74, 2020, 2025, false],
      ["1.4b", "本科及以上学历比例", ">=", 50, "%", 49.85, 2020, 2025, false],
      ["1.5a", "单位生产总值能耗降低", ">=", 13.5, "%", null, null, 2025, true]
    ]);
    for (const t of targets) expect(text.slice(t.start_offset, t.end_offset)).toBe(t.text);
    expect(targets[0]!.text).toBe("学前教育毛入园率(%)\n99%\n99%以上");
  });

  it("leaves a table without an indicator column to the text (a list of projects with a budget column)", () => {
    const text = "序號\n項目名稱\n建設時間\n年度投資金額 (萬元)\n1\n農田建設項目\n2024\n實施田塊整治500畝。\n4930\n";
    expect(readIndicatorTables(text).rows).toEqual([]);
    expect(extractTargets(text, {year: 2024}).map((t) => [t.value, t.unit])).toEqual([[500, "亩"]]);
    // a 单位 header with no target column after it is no such table
    const other = "序号\n\n名称\n\n单位\n\n负责人\n\n1\n\n粮食播种面积\n\n万亩\n\n0.07\n";
    expect(readIndicatorTables(other).rows).toEqual([]);
  });
});

describe("a flattened table whose rows lost cells, read by its unit cells", () => {
  it("reads each unit cell and the 年度目标 cell after it as a target, in base units; 0 and words are none", () => {
    const cells = [
      "考核项目",
      "序号",
      "考核指标",
      "考核内容",
      "单位",
      "年度目标",
      "责任部门",
      "农业高质高效",
      "1",
      "确保粮食供给",
      "农林牧渔业增加值增幅",
      "%",
      "≥2%",
      "县海洋与渔业局",
      "2",
      "农业劳动生产率",
      "万元/人",
      "全市统筹",
      "县农业农村局",
      "3",
      "粮食播种面积",
      "万亩",
      "0.07",
      "县农业农村局",
      "4",
      "油菜面积",
      "万亩",
      "0",
      "县农业农村局",
      "5",
      "家禽出栏",
      "万只",
      "1",
      "县农业农村局",
      "6",
      "建设美丽牧场",
      "0",
      "县农业农村局"
    ];
    const text = `2021年乡村振兴任务清单\n\n${cells.join("\n\n")}\n`;
    expect(extractTargets(text, {year: 2021}).map((t) => [t.indicator, t.comparator, t.value, t.unit])).toEqual([
      ["农林牧渔业增加值增幅", ">=", 2, "%"],
      ["粮食播种面积", ">=", 700, "亩"],
      ["家禽出栏", ">=", 10000, "只"]
    ]);
    // a 单位 header with no target column after it is no such table
    const other = "序号\n\n名称\n\n单位\n\n负责人\n\n1\n\n粮食播种面积\n\n万亩\n\n0.07\n";
    expect(readIndicatorTables(other).rows).toEqual([]);
  });
});
