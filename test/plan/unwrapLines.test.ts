import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {planLines} from "../../pipelines/plan/structure.js";
import {unwrapLines} from "../../pipelines/plan/unwrapLines.js";
import {PROJECT_DIR} from "../helpers/cli.js";

/** The lines of `text` after unwrapping, each joined line with its breaks shown as ⏎. */
const unwrapped = (text: string) =>
  unwrapLines(planLines(text))
    .map((l) => l.line.replace(/\n/g, "⏎"))
    .filter(Boolean);

describe("unwrapLines on a PDF copy wrapped at one width", () => {
  // a page wrapped at 25 characters; the paragraphs' first lines lost their two-character indent
  const page = [
    "二、工作重点",
    "(一)紧扣关键环节,稳定粮食生产面积。坚持各村",
    "(社区)一起抓,大户散户一起干,水稻旱粮一起上,因",
    "地制宜调整种植结构,推进适度规模经营,抓实早稻扩面",
    "增效,确保粮食面积总产只增不减。",
    "一是优化区域布局。全乡粮食生产总体布局“三点五",
    "区三片”。“三点”即 xx、xx、xx3 个省级粮食生产监测点;",
    "“五区”即 xx、xx、xx、xx、xx5 大粮食生产区;“三片”",
    "即 xx、xx、xx3 个办点示范片。",
    "二是优化品种布局。引导农户种植",
    "xx、xx、xx、xx、xx 等 6 个高产优质低隔吸附品种,全乡",
    "所有行政村粮食生产统一推行“一村一品”,逐步形成",
    "“一片(区)一品“一地一品”,优化粮食品种布局。",
    "三是强化办点示范。“突出重点、点面结合”办好乡",
    "双季稻生产示范点。"
  ].join("\n");

  it("rejoins each paragraph: Latin letters and digits print half width, a first line lost its indent, a break may fall after ; or ” or short of the margin mid-sentence", () => {
    expect(unwrapped(page)).toEqual([
      "二、工作重点",
      "(一)紧扣关键环节,稳定粮食生产面积。坚持各村⏎(社区)一起抓,大户散户一起干,水稻旱粮一起上,因⏎地制宜调整种植结构,推进适度规模经营,抓实早稻扩面⏎增效,确保粮食面积总产只增不减。",
      "一是优化区域布局。全乡粮食生产总体布局“三点五⏎区三片”。“三点”即 xx、xx、xx3 个省级粮食生产监测点;⏎“五区”即 xx、xx、xx、xx、xx5 大粮食生产区;“三片”⏎即 xx、xx、xx3 个办点示范片。",
      "二是优化品种布局。引导农户种植⏎xx、xx、xx、xx、xx 等 6 个高产优质低隔吸附品种,全乡⏎所有行政村粮食生产统一推行“一村一品”,逐步形成⏎“一片(区)一品“一地一品”,优化粮食品种布局。",
      "三是强化办点示范。“突出重点、点面结合”办好乡⏎双季稻生产示范点。"
    ]);
  });
});

describe("unwrapLines on a double-spaced copy of a table, one cell a paragraph", () => {
  it("joins no title, details line or cell: a short line there ends its paragraph, whatever it ends on", async () => {
    // a web page's 任务分解表 pasted one cell a paragraph (the first held-out set's)
    const file = join(PROJECT_DIR, "test/fixtures/plans/holdout/tasks/qiaocheng-edu-2025-table.txt");
    const text = await readFile(file, "utf8");
    expect(unwrapped(text)).toEqual(text.split("\n").filter((l) => l.trim()));
  });
});
