import {mkdtemp, readFile, readdir, rm, writeFile, mkdir} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readProjectSpec} from "../../pipelines/project/projectFile.js";
import {livelihoodSections} from "../../pipelines/project/livelihoodSections.js";
import {planTitle} from "../../pipelines/plan/planTitle.js";
import {projectFacts, wholeOf} from "../../pipelines/project/projectFacts.js";
import {PROJECT_DIR} from "../helpers/cli.js";

describe("planTitle", () => {
  it.each([
    ["杭州市教育局关于印发2023年工作要点的通知\n\n发文字号:…", "杭州市教育局2023年工作要点"],
    ["\uFEFF\n  宁波市教育局2014年工作要点  \n一、指导思想", "宁波市教育局2014年工作要点"],
    ["关于印发《某市2024年民生实事项目》的通知\n", "某市2024年民生实事项目"],
    ["臺北市教育局關於印發2024年工作計畫的通知\n", "臺北市教育局2024年工作計畫"],
    ["《某县卫生健康工作要点》\n一、", "某县卫生健康工作要点"],
    ["\n\n", null]
  ])("%j → %j", (text, title) => {
    expect(planTitle(text)).toBe(title);
  });
});

describe("livelihoodSections", () => {
  it("finds the sections whose heading names the livelihood projects, whatever they are called", () => {
    const sections = [
      {section: 1, title: "一、突出党建统领"},
      {section: 5, title: "五、扎实办好为民办实事项目"},
      {section: 6, title: "六、用心用情办好教育民生实事"},
      {section: 7, title: "七、其他"}
    ];
    expect(livelihoodSections(sections)).toEqual([5, 6]);
    expect(livelihoodSections([{section: 2, title: "二、主要目标"}])).toEqual([]);
  });
});

describe("the project file", () => {
  let tmp = "";
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-project-"));
  });
  afterAll(() => rm(tmp, {recursive: true, force: true}));
  const write = async (name: string, spec: unknown) => {
    const dir = join(tmp, name);
    await mkdir(join(dir, "seeds"), {recursive: true});
    await writeFile(join(dir, "planwatch.config.json"), typeof spec === "string" ? spec : JSON.stringify(spec));
    return dir;
  };

  it.each([
    ["an unknown field", {plan: "seeds/p.txt", titel: "x"}, /planwatch\.config\.json: 未知字段 "titel"/],
    ["a bad year", {year: 23}, /planwatch\.config\.json: 字段 "year" 的值无效:23/],
    ["bad livelihood sections", {livelihood: {sections: ["六"]}}, /字段 "livelihood" 的值无效/],
    ["not JSON", "{plan: x}", /planwatch\.config\.json: 不是有效的 JSON/],
    ["not an object", "[1]", /应为一个 JSON 对象/],
    ["a __proto__ key", '{"__proto__": {"plan": "x"}}', /planwatch\.config\.json: 未知字段 "__proto__"/],
    ["a constructor key", '{"constructor": "x"}', /planwatch\.config\.json: 未知字段 "constructor"/],
    [
      "a whole that is no name",
      {whole: "province"},
      /planwatch\.config\.json: 字段 "whole" 无效:应为 2 至 8 个汉字,如“全省”/
    ]
  ])("%s is an invalid_project error naming the file and the field", async (name, spec, message) => {
    const dir = await write(name.replace(/\W/g, "-"), spec);
    expect(() => readProjectSpec(dir)).toThrow(message);
  });

  it("the seed project's facts come from its project file: title, year, its livelihood list and its targets", async () => {
    const facts = await projectFacts({projectDir: PROJECT_DIR});
    expect(facts).toMatchObject({
      title: "杭州市教育局2023年工作要点",
      site_title: "杭州教育工作要点监测",
      year: 2023,
      plan_file: "seeds/hangzhou-edu-2023-work-plan.txt"
    });
    expect(facts.livelihood!.title).toBe("十件民生实事");
    expect(facts.livelihood!.sections).toEqual([6]);
    expect(facts.livelihood!.target_ids).toHaveLength(17);
    expect(facts.whole).toBe("全市");
  });

  it.each([
    ["杭州市教育局2023年工作要点", "全市"],
    ["浙江省教育厅2024年工作要点", "全省"],
    ["浙江省杭州市教育局2024年工作要点", "全市"],
    ["杭州市上城区教育局2024年工作计划", "全区"],
    ["某县2023年民生实事", "全县"],
    ["湘西土家族苗族自治州教育和体育局2024年工作要点", "全州"],
    ["教育部2024年工作要点", "全国"],
    ["国务院关于印发“十四五”规划的通知", "全国"],
    ["2024年全省教育工作要点", "全省"],
    ["市教育局二〇二三年工作要点", "全市"],
    ["2023年工作要点", "全市"]
  ])("the whole of %s is %s", (title, whole) => {
    expect(wholeOf(title)).toBe(whole);
  });

  it("the project file's whole names the whole whatever the title says", async () => {
    const dir = await write("whole", {whole: "全省", plan: "seeds/plan.txt", livelihood: false});
    await writeFile(
      join(dir, "seeds", "plan.txt"),
      "杭州市教育局2023年工作要点\n\n一、总体要求\n\n二、主要任务\n\n1.新建学校10所。\n"
    );
    expect((await projectFacts({projectDir: dir})).whole).toBe("全省");
  });

  it("with no project file, every fact is read from the plan: its title line, its year, its 民生实事 section", async () => {
    const dir = join(tmp, "bare");
    await mkdir(join(dir, "seeds"), {recursive: true});
    await writeFile(
      join(dir, "seeds", "plan.txt"),
      "某市教育局关于印发2025年工作要点的通知\n一、总体要求\n1.新增学位1000个。\n二、办好教育民生实事\n1.新建幼儿园5所。\n2.校医配备率达到90%以上。\n"
    );
    const facts = await projectFacts({projectDir: dir});
    expect(facts).toEqual({
      title: "某市教育局2025年工作要点",
      site_title: "某市教育局2025年工作要点 · 监测",
      year: 2025,
      plan_file: "seeds/plan.txt",
      livelihood: {title: "民生实事", sections: [2], target_ids: ["2.1a", "2.2a"]},
      whole: "全市"
    });
  });

  it("a livelihood section the plan does not have is an invalid_project error naming the file and the section", async () => {
    const dir = await write("missing-section", {plan: "seeds/plan.txt", livelihood: {sections: [2, 7]}});
    await writeFile(
      join(dir, "seeds", "plan.txt"),
      "某市2025年工作要点\n一、总体要求\n1.新增学位1000个。\n二、民生实事\n1.新建幼儿园5所。\n"
    );
    await expect(projectFacts({projectDir: dir})).rejects.toMatchObject({
      code: "invalid_project",
      message: expect.stringMatching(
        /planwatch\.config\.json: 字段 "livelihood" 的 sections 中的第 7 部分在规划中不存在\(规划的部分:1、2\)/
      )
    });
  });

  it("livelihood: false says the plan has none, whatever its headings", async () => {
    const dir = await write("none", {plan: "seeds/plan.txt", livelihood: false});
    await writeFile(join(dir, "seeds", "plan.txt"), "某市2025年工作要点\n二、办好民生实事\n1.新建幼儿园5所。\n");
    expect((await projectFacts({projectDir: dir})).livelihood).toBeNull();
  });
});

// The seed plan's facts live in its project file only: no page, component or config names them.
describe("no hard-coded plan", () => {
  it("the pages, components, the site's configuration and the pipelines name neither the seed's title nor its section 6", async () => {
    const files = [
      ...(await readdir(join(PROJECT_DIR, "src"), {recursive: true}))
        .filter((f) => /\.(md|js|ts)$/.test(f) && !f.includes(".observablehq"))
        .map((f) => join("src", f)),
      ...(await readdir(join(PROJECT_DIR, "pipelines"), {recursive: true}))
        .filter((f) => /\.ts$/.test(f) && !f.startsWith("sample"))
        .map((f) => join("pipelines", f)),
      "observablehq.config.ts"
    ];
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(join(PROJECT_DIR, file), "utf8");
      for (const pattern of [
        /杭州市教育局2023年工作要点/,
        /杭州教育工作要点监测/,
        /startsWith\("6\."\)/,
        /section === 6\b/,
        /["']6\.["']/
      ]) {
        if (pattern.test(text)) offenders.push(`${file}: ${pattern}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
