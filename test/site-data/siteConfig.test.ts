import {mkdtemp, readFile, rm, writeFile} from "node:fs/promises";
import {existsSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {MAX_PAGES, checkPageCount, siteConfig, siteContext} from "../../pipelines/site-data/siteConfig.js";
import {SIDEBAR_UNITS} from "../../pipelines/site-data/unitsSidebar.js";
import {buildSite, quietLogger} from "../../pipelines/run/index.js";
import {copyProject} from "../helpers/cli.js";

describe("the sidebar's units", () => {
  let tmp = "";
  let project = "";
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-sidebar-"));
    project = await copyProject(join(tmp, "project"));
  });
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  const unitsEntry = async () =>
    siteConfig(await siteContext({projectDir: project})).pages.find((p) => p.name.startsWith("各区县(市)与直属单位"))!;

  it("lists each unit of the sample", async () => {
    const entry = await unitsEntry();
    expect("pages" in entry && entry.pages.map((p) => p.path)).toContain("/units/330106");
  });

  it(`past ${SIDEBAR_UNITS} units, is one link to the overview's table, naming the count; every unit keeps its page`, async () => {
    const file = join(project, "seeds", "units.csv");
    const extra = Array.from(
      {length: SIDEBAR_UNITS},
      (_, i) => `39${String(i + 1).padStart(4, "0")},合成单位${i + 1},合成${i + 1},district,\n`
    );
    await writeFile(file, (await readFile(file, "utf8")) + extra.join(""));
    const context = await siteContext({projectDir: project});
    const entry = siteConfig(context).pages.find((p) => p.name.startsWith("各区县(市)与直属单位"))!;
    expect(entry).toEqual({name: `各区县(市)与直属单位(${SIDEBAR_UNITS + 14} 个,见总览)`, path: "/"});
    expect(siteConfig(context).dynamicPaths).toContain(`/units/39${String(SIDEBAR_UNITS).padStart(4, "0")}`);
  });
});

describe("checkPageCount", () => {
  const many = (n: number) => Array.from({length: n}, () => ({}) as never);
  it("lets a site of MAX_PAGES pages through and refuses one more, naming the count, what makes it and the limit", () => {
    const site = {sections: many(6), units: many(14), offices: many(0), targets: many(MAX_PAGES - 20)};
    expect(() => checkPageCount(site)).not.toThrow();
    expect(() => checkPageCount({...site, targets: many(MAX_PAGES - 19)})).toThrow(
      `站点将有 ${MAX_PAGES + 1} 个页面(指标 ${MAX_PAGES - 19}、单位 14、处室 0、部分 6 个各一页),超过上限 ${MAX_PAGES}`
    );
  });

  it("stops a build before it starts: nothing is built", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "planwatch-pages-"));
    try {
      const project = await copyProject(join(tmp, "project"));
      const started = performance.now();
      await expect(buildSite({projectDir: project, maxPages: 20, logger: quietLogger()})).rejects.toMatchObject({
        code: "too_many_pages"
      });
      expect(performance.now() - started).toBeLessThan(20_000);
      expect(existsSync(join(project, "dist"))).toBe(false);
      expect(existsSync(join(project, "src", ".observablehq", "cache"))).toBe(false);
    } finally {
      await rm(tmp, {recursive: true, force: true});
    }
  });
});
