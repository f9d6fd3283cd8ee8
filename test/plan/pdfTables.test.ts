import {describe, expect, it} from "vitest";
import {type Piece, borderlessTables} from "../../pipelines/plan/pdfTables.js";

/** The pieces of a line at `y`: each `[x, text]` drawn from `x`, a CJK character `size` wide, a digit half that. */
const line = (y: number, parts: [number, string][], size = 12): Piece[] =>
  parts.map(([x, text]) => ({
    text,
    x,
    y,
    width: [...text].reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? size / 2 : size), 0),
    size
  }));
const texts = (pieces: Piece[]) => borderlessTables(pieces).rows.map((r) => r.cells.join(" | "));

describe("borderlessTables: what is no table", () => {
  it("finds none in paragraphs, a numbered list set off by a tab, and a signature with the date far to its right", () => {
    const pieces = [
      ...line(700, [[80, "为抓好年度重点工作落实,现将重点任务分解如下,各责任"]]),
      ...line(680, [[80, "单位要细化措施,按时完成。"]]),
      ...line(660, [
        [80, "1."],
        [120, "推进教育数字化转型,建设智慧校园,完善平台"]
      ]),
      ...line(640, [[80, "功能,推动优质数字教育资源共建共享。"]]),
      ...line(600, [
        [80, "某市教育局办公室"],
        [380, "2031年2月18日印发"]
      ])
    ];
    expect(texts(pieces)).toEqual([]);
  });
  it("finds none in a page of two columns, nor in one line of three parts among paragraphs", () => {
    const columns = Array.from({length: 8}, (_, i) =>
      line(700 - i * 20, [
        [80, "推进教育数字化转型建设"],
        [330, "完善教育公共服务平台功"]
      ])
    ).flat();
    expect(texts(columns)).toEqual([]);
    const form = [
      ...line(700, [
        [80, "联系人:张三"],
        [240, "电话:12345678"],
        [420, "邮箱:无"]
      ]),
      ...line(680, [[80, "请各单位于每月5日前报送推进情况,逾期未报的予以通报。"]])
    ];
    expect(texts(form)).toEqual([]);
  });
});

describe("borderlessTables: rows", () => {
  it("keeps a tall first row whole on a page with no header (cells centred: its number stands in its middle)", () => {
    const pieces = [
      ...line(700, [[100, "推进第9项教育重点工作,统筹"]]),
      ...line(685, [
        [80, "9"],
        [100, "城乡学校布局调整和资源配置,"],
        [440, "市教育局"],
        [500, "9月底前"]
      ]),
      ...line(670, [[100, "按时保质完成年度任务。"]]),
      ...line(640, [
        [80, "10"],
        [100, "推进第10项教育重点工作。"],
        [440, "市财政局"],
        [500, "10月底前"]
      ]),
      ...line(610, [
        [80, "11"],
        [100, "推进第11项教育重点工作。"],
        [440, "市人社局"],
        [500, "11月底前"]
      ])
    ];
    expect(texts(pieces)).toEqual([
      "9 | 推进第9项教育重点工作,统筹城乡学校布局调整和资源配置,按时保质完成年度任务。 | 市教育局 | 9月底前",
      "10 | 推进第10项教育重点工作。 | 市财政局 | 10月底前",
      "11 | 推进第11项教育重点工作。 | 市人社局 | 11月底前"
    ]);
  });
  it("cuts rows where the space between lines widens when the first column holds no numbers", () => {
    const pieces = [
      ...line(700, [
        [80, "任务"],
        [300, "牵头单位"],
        [420, "时限"]
      ]),
      ...line(670, [
        [80, "建设智慧校园"],
        [300, "市教育局"],
        [420, "6月底前"]
      ]),
      ...line(655, [[80, "示范校"]]),
      ...line(625, [
        [80, "完善资助体系"],
        [300, "市财政局"],
        [420, "9月底前"]
      ])
    ];
    expect(texts(pieces)).toEqual([
      "任务 | 牵头单位 | 时限",
      "建设智慧校园示范校 | 市教育局 | 6月底前",
      "完善资助体系 | 市财政局 | 9月底前"
    ]);
  });
  it("leaves a section's row across the table (一、学前教育) a line of its own, the table going on under it", () => {
    const pieces = [
      ...line(700, [
        [80, "序号"],
        [120, "重点任务"],
        [400, "牵头单位"],
        [480, "完成时限"]
      ]),
      ...line(675, [[80, "一、学前教育"]]),
      ...line(650, [
        [80, "1"],
        [120, "新建幼儿园50所。"],
        [400, "市教育局"],
        [480, "6月底前"]
      ]),
      ...line(625, [[80, "二、义务教育"]]),
      ...line(600, [
        [80, "2"],
        [120, "推进义务教育学校标准化建设。"],
        [400, "市教育局"],
        [480, "9月底前"]
      ])
    ];
    const {rows, rest} = borderlessTables(pieces);
    expect(rows.map((r) => r.cells.join(" | "))).toEqual([
      "序号 | 重点任务 | 牵头单位 | 完成时限",
      "1 | 新建幼儿园50所。 | 市教育局 | 6月底前",
      "2 | 推进义务教育学校标准化建设。 | 市教育局 | 9月底前"
    ]);
    expect(rest.map((p) => p.text)).toEqual(["一、学前教育", "二、义务教育"]);
  });
  it("makes each line a row when the lines stand evenly apart", () => {
    const pieces = [
      ...line(700, [
        [80, "指标"],
        [300, "2025年"],
        [420, "属性"]
      ]),
      ...line(680, [
        [80, "学前教育毛入园率"],
        [300, "95%"],
        [420, "预期性"]
      ]),
      ...line(660, [
        [80, "高中阶段毛入学率"],
        [300, "98%"],
        [420, "约束性"]
      ])
    ];
    expect(texts(pieces)).toEqual([
      "指标 | 2025年 | 属性",
      "学前教育毛入园率 | 95% | 预期性",
      "高中阶段毛入学率 | 98% | 约束性"
    ]);
  });
});
