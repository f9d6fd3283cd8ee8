import {describe, expect, it} from "vitest";
import {BARE_NOTE_LABEL, NOTE_LABEL, RUN_ON_NOTE_LABEL} from "../../pipelines/plan/noteLabels.js";

describe("noteLabels: one vocabulary for a note's labels", () => {
  const label = new RegExp(`^${NOTE_LABEL}$`);
  it.each([
    "牵头单位",
    "牽頭單位",
    "配合责任单位",
    "主要协作单位",
    "责任领导",
    "主体責任部門",
    "参加单位",
    "责任科室",
    "牵头市领导",
    "牵头负责领导",
    "协同负责单位",
    "分管省领导"
  ])("%s is a note's label", (words) => expect(label.test(words)).toBe(true));
  it.each(["牵头", "责任", "工作单位", "领导小组"])("%s is no note's label", (words) =>
    expect(label.test(words)).toBe(false)
  );

  it("cuts a page's run-on labels before each label, never inside a compound one", () => {
    const cut = (text: string) => text.replace(RUN_ON_NOTE_LABEL, "|");
    expect(cut("牵头领导:某副局长责任部门:建工科")).toBe("牵头领导:某副局长|责任部门:建工科");
    expect(cut("推进工作牵头责任单位:市教育局主要协作单位:市财政局")).toBe(
      "推进工作|牵头责任单位:市教育局|主要协作单位:市财政局"
    );
  });

  it("finds a label printed without its colon, not a sentence that goes on after it", () => {
    expect("责任单位环卫分公司".match(BARE_NOTE_LABEL)).toEqual(["责任单位"]);
    expect("责任单位为各社区".match(BARE_NOTE_LABEL)).toBeNull();
  });
});
