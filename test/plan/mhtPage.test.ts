import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {readPlanDocument} from "../../pipelines/plan/readPlanDocument.js";
import {extractTasks} from "../../pipelines/tasks/extractTasks.js";
import {PROJECT_DIR} from "../helpers/cli.js";

// web archives written by test/fixtures/plans/documents/shapes/makeMht.mjs
const SHAPES = join(PROJECT_DIR, "test", "fixtures", "plans", "documents", "shapes");
const PLAN = [
  "某市2031年教育工作要点",
  "一、学前教育",
  "1.新建幼儿园50所,新增学位1.5万个。(牵头单位:市教育局;完成时限:2031年9月底前)",
  "2.培训幼儿园教师3000人次,年底前完成。",
  "二、义务教育",
  "3.义务教育巩固率保持在99%以上。(牵头单位:各区县教育局)"
];
const lines = (text: string) => text.split("\n").filter(Boolean);

describe("mhtPage: a web archive (.mht) is read as the page it holds", () => {
  it.each(["word.mht", "word-mht.doc"])(
    "%s: Word's 单个文件网页, its GBK page in quoted-printable, named .mht or .doc",
    async (name) => {
      const {text, format} = await readPlanDocument(join(SHAPES, name));
      expect(format).toBe("html");
      expect(lines(text)).toEqual(PLAN);
      const [first] = extractTasks(text).tasks;
      expect(first).toMatchObject({lead: "市教育局", deadline: "2031-09"});
    }
  );

  it("a browser's page saved as one file: UTF-8 in base64 after an image, its charset in the part's header", async () => {
    const {text, format} = await readPlanDocument(join(SHAPES, "saved.mht"));
    expect(format).toBe("html");
    expect(lines(text)).toEqual(PLAN);
  });
});
