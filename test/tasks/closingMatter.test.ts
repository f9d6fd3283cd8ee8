import {describe, expect, it} from "vitest";
import {closingLines} from "../../pipelines/tasks/closingMatter.js";
import {extractTasks} from "../../pipelines/tasks/extractTasks.js";

/** The plan's lines as closingLines reads them: each opening nothing, unless it starts `N.`. */
const lines = (text: string) =>
  text.split("\n").map((line) => ({line, opens: /^\d+\./.test(line.trim()) ? ("item" as const) : null}));
const closing = (text: string) => [...closingLines(lines(text))].map((k) => text.split("\n")[k]!.trim());

describe("closingLines: a document's closing matter, no task", () => {
  it("a signing office over its date, a second office over the same date", () => {
    expect(closing("完成排查。\n\n中共某县委  某县人民政府\n某县人民政府办公室\n2031年3月1日\n")).toEqual([
      "中共某县委  某县人民政府",
      "某县人民政府办公室",
      "2031年3月1日"
    ]);
  });

  it("抄送, a publication remark, a seal and a print line", () => {
    expect(
      closing(
        "(此件公开发布)\n(国家知识产权局代章)\n抄送:县委办公室,县政协办公室。\n某县人民政府办公室  2031年3月2日印发"
      )
    ).toEqual([
      "(此件公开发布)",
      "(国家知识产权局代章)",
      "抄送:县委办公室,县政协办公室。",
      "某县人民政府办公室  2031年3月2日印发"
    ]);
  });

  it("附件 and the attachments' titles under it, numbered or not on its line; the text after them is read", () => {
    expect(closing("附件:1.重点任务分解表\n     2.责任单位联系表\n3.推进示范建设。完成学校改造。")).toEqual([
      "附件:1.重点任务分解表",
      "2.责任单位联系表"
    ]);
  });

  it("an attachment's title wrapped over two lines, on 附件's line or numbered under it, is the attachments' too", () => {
    expect(
      closing(
        "附件:1.某县教育发展三年\n行动计划任务清单\n2.某县学校布局调整方案任务\n清单\n3.推进示范建设。完成学校改造。"
      )
    ).toEqual(["附件:1.某县教育发展三年", "行动计划任务清单", "2.某县学校布局调整方案任务", "清单"]);
  });

  it("a page's metadata copied as a row of labels and values is closing matter; a row of a table is not", () => {
    expect(
      closing("索引号: | 113706850042672474/2022-04772 | 成文日期: | 2022-10-08 |\n1 | 推进示范建设。 | 市教育局 |\n")
    ).toEqual(["索引号: | 113706850042672474/2022-04772 | 成文日期: | 2022-10-08 |"]);
  });

  it("contact lines (联 系 人:, 联系电话:, 联系方式:) name a person and a number, no task; a sentence naming a contact stays", () => {
    expect(
      closing(
        "责任单位:市市场监督管理局\n联 系 人:孙某\n联系电话:3236601\n联系方式:0635-7219958\n明确联系人,定期报送进展。"
      )
    ).toEqual(["联 系 人:孙某", "联系电话:3236601", "联系方式:0635-7219958"]);
  });

  it("a news story's byline and its pointer to the full text (详见三秦网, 三秦都市报记者张维), no task", () => {
    expect(closing("1.完成排查。(省农业厅负责)\n\n详见三秦网\n\n三秦都市报记者张维\n")).toEqual([
      "详见三秦网",
      "三秦都市报记者张维"
    ]);
  });

  it("an item of one sentence over a story's byline is its own task, the byline no text of it", () => {
    const {tasks} = extractTasks(
      "1、抓好粮食基地建设,总产1150万吨。(省农业厅等负责)\n\n详见三秦网\n\n三秦都市报记者张维\n"
    );
    expect(tasks.map((t) => [t.task_id, t.text, t.lead])).toEqual([
      ["0.1-t1", "抓好粮食基地建设,总产1150万吨", "省农业厅"]
    ]);
  });

  it("an office's name with no date under it, a sentence naming an office, a date inside a sentence are kept", () => {
    expect(
      closing("某县人民政府办公室\n落实某县人民政府办公室要求。\n于2031年3月1日前完成。\n市教育局\n市财政局")
    ).toEqual([]);
  });
});
