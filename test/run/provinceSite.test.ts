import {mkdtemp, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parse} from "csv-parse/sync";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {projectTargets} from "../../pipelines/project/projectTargets.js";
import {type ProvinceUnit, provinceUnits, provinceUnitsCsv, writeProvinceSubmissions} from "../bench/synthetic.js";
import {canUnshareNetwork, copyProject, runPlanwatch} from "../helpers/cli.js";
import {listTree} from "../helpers/files.js";

// A province project as a provincial department would run it: its units.csv a tree (cities, their
// counties), the counties' monthly files ingested, then `planwatch build` through the real command,
// without network where the machine allows it (as .ci/run builds). The published site is read as a
// reader's browser would get it: every unit's page, each city's data slice and the overview's, and
// one city's figure against the raw files summed here, outside planwatch.
const CITIES = 3;
const COUNTIES = 4;
const MONTHS = 3;
/** A county that sends nothing for the last month: its city's figure takes its February value. */
const LATE = "330102";

interface Row {
  unit_code: string;
  parent_code: string | null;
  target_id: string;
  actual: number | null;
  numerator: number | null;
  denominator: number | null;
  period: string | null;
}
interface Slice {
  as_of: string;
  rows: Row[];
  child_rows: Row[];
  targets: {id: string; aggregation: string}[];
  units: {code: string}[];
}

describe(`a generated province (${CITIES} cities × ${COUNTIES} counties), ingested, built offline and published`, () => {
  let tmp = "";
  let project = "";
  let dist = "";
  let files: string[] = [];
  let inbox = "";
  const units: ProvinceUnit[] = provinceUnits({cities: CITIES, counties: COUNTIES});
  const cities = units.filter((u) => u.parent === null);
  const countiesOf = (city: string) => units.filter((u) => u.parent === city);
  /** A published data file: `dist/_file/data/<name>.<hash>.json`. */
  const published = async <T>(name: string): Promise<T> => {
    const pattern = new RegExp(`^_file/data/${name.replace(/[.[\]]/g, "\\$&")}\\.[0-9a-f]+\\.json$`);
    const found = files.filter((f) => pattern.test(f));
    expect(found, name).toHaveLength(1);
    return JSON.parse(await readFile(join(dist, found[0]!), "utf8")) as T;
  };

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "planwatch-province-site-"));
    project = await copyProject(join(tmp, "project"));
    // The province's units in place of the sample's: no data yet, no allocations (the sample's name its districts).
    await rm(join(project, "data"), {recursive: true});
    await writeFile(join(project, "seeds", "units.csv"), provinceUnitsCsv(units));
    await writeFile(join(project, "seeds", "allocations.csv"), "unit_code,target_id,value\n");
    // The plan is a city's, the units a province's: the project file says what the whole is called.
    const config = join(project, "planwatch.config.json");
    await writeFile(config, JSON.stringify({...JSON.parse(await readFile(config, "utf8")), whole: "全省"}));
    const targets = await projectTargets({projectDir: project});
    inbox = join(tmp, "inbox");
    const written = await writeProvinceSubmissions(inbox, {
      units,
      targets: targets.map((t) => ({id: t.id, ratio: t.aggregation === "ratio"})),
      months: MONTHS
    });
    const last = written.find((f) => f.endsWith(`2023-0${MONTHS}-330100.csv`))!;
    const text = await readFile(last, "utf8");
    await writeFile(last, text.replace(new RegExp(`^${LATE},.*\\n`, "gm"), ""));

    const ingested = await runPlanwatch(["ingest", inbox], {cwd: project});
    expect(ingested.code, ingested.stderr).toBe(0);
    const built = await runPlanwatch(["build"], {cwd: project, offline: true});
    expect(built.code, built.stderr).toBe(0);
    dist = join(project, "dist");
    files = await listTree(dist);
  }, 600_000);
  afterAll(() => rm(tmp, {recursive: true, force: true}));

  it(`builds ${canUnshareNetwork() ? "without network (unshare -n)" : "(unshare -n is not available here)"} a page for every unit`, () => {
    for (const u of units) expect(files, u.code).toContain(`units/${u.code}.html`);
    expect(files.filter((f) => /^units\/[^/]+\.html$/.test(f))).toHaveLength(CITIES * (COUNTIES + 1));
  });

  it("nests each city's counties under it in the sidebar, the city's name a link to its page", async () => {
    const index = await readFile(join(dist, "index.html"), "utf8");
    for (const city of cities) {
      const section = new RegExp(
        `<details>\\s*<summary class="observablehq-link"><a href="\\./units/${city.code}\\.html">${city.name}</a></summary>\\s*<ol>([\\s\\S]*?)</ol>`
      ).exec(index);
      expect(section, city.name).not.toBeNull();
      const links = [...section![1]!.matchAll(/<a href="\.\/units\/(\d+)\.html">([^<]*)<\/a>/g)];
      expect(links.map((m) => [m[1], m[2]])).toEqual(countiesOf(city.code).map((c) => [c.code, c.name]));
    }
    // A county's page opens its city's section.
    const county = await readFile(join(dist, "units", "330203.html"), "utf8");
    expect(county).toMatch(
      /<details open class="observablehq-section-active">\s*<summary[^>]*><a href="\.\/330200\.html">第2市<\/a>/
    );
  });

  it("each city's data shows its counties' figures aggregated: Σ for counts, Σ numerators ÷ Σ denominators for rates", async () => {
    const aggregations = new Set<string>();
    for (const city of cities) {
      const slice = await published<Slice>(`units/${city.code}`);
      const counties = countiesOf(city.code).map((c) => c.code);
      expect(slice.as_of).toBe(`2023-0${MONTHS}`);
      expect([...new Set(slice.child_rows.map((r) => r.unit_code))]).toEqual(counties);
      const byId = new Map(slice.targets.map((t) => [t.id, t.aggregation]));
      expect(slice.rows.length).toBe(byId.size);
      for (const row of slice.rows) {
        const children = slice.child_rows.filter((r) => r.target_id === row.target_id);
        expect(children.map((r) => r.unit_code)).toEqual(counties);
        const aggregation = byId.get(row.target_id)!;
        aggregations.add(aggregation);
        const sum = (key: "actual" | "numerator" | "denominator") => children.reduce((s, r) => s + r[key]!, 0);
        if (aggregation === "sum") expect(row.actual, `${city.code} ${row.target_id}`).toBeCloseTo(sum("actual"), 6);
        else if (aggregation === "ratio") {
          expect([row.numerator, row.denominator]).toEqual([sum("numerator"), sum("denominator")]);
          expect(row.actual).toBeCloseTo((100 * sum("numerator")) / sum("denominator"), 9);
        } else expect(row.actual).toBe(Math.min(...children.map((r) => r.actual!)));
        // Each county's own page carries the same figure as its city's table of children.
        for (const child of children.filter((r) => r.unit_code === counties[0]))
          expect((await published<Slice>(`units/${child.unit_code}`)).rows).toContainEqual(child);
      }
    }
    expect(aggregations).toEqual(new Set(["sum", "ratio", "min"]));
  });

  it("the overview lists the cities only, and the province's figure is the cities' aggregated", async () => {
    const overview = await published<Slice>("overview");
    expect(overview.units.map((u) => u.code)).toEqual(cities.map((c) => c.code));
    const cityRows = (await Promise.all(cities.map((c) => published<Slice>(`units/${c.code}`)))).flatMap((s) => s.rows);
    const aggregation = new Map((await published<Slice>(`units/${cities[0]!.code}`)).targets.map((t) => [t.id, t]));
    for (const row of overview.rows) {
      const parts = cityRows.filter((r) => r.target_id === row.target_id);
      expect(parts).toHaveLength(CITIES);
      const sum = (key: "actual" | "numerator" | "denominator") => parts.reduce((s, r) => s + r[key]!, 0);
      if (aggregation.get(row.target_id)!.aggregation === "sum") expect(row.actual).toBeCloseTo(sum("actual"), 6);
      if (aggregation.get(row.target_id)!.aggregation === "ratio")
        expect([row.numerator, row.denominator]).toEqual([sum("numerator"), sum("denominator")]);
    }
  });

  it("a target's page lists the cities, each counting its counties that lag; no county's row", async () => {
    const slice = await published<{rows: (Row & {status: string; below?: unknown})[]; units: {code: string}[]}>(
      "targets/6-1a"
    );
    expect(slice.rows.map((r) => r.unit_code)).toEqual(["city", ...cities.map((c) => c.code)]);
    expect(slice.units.map((u) => u.code)).toEqual(cities.map((c) => c.code));
    for (const city of cities) {
      const rows = (await published<Slice>(`units/${city.code}`)).child_rows as (Row & {status: string})[];
      const counted = rows.filter((r) => r.target_id === "6.1a");
      expect(slice.rows.find((r) => r.unit_code === city.code)!.below, city.code).toEqual({
        units: COUNTIES,
        off_track: counted.filter((r) => r.status === "off_track").length,
        at_risk: counted.filter((r) => r.status === "at_risk").length
      });
    }
  });

  it("by hand: 第1市's figure is its counties' latest values in the raw files, summed", async () => {
    // Read the files as sent (csv-parse, not planwatch): for each county and target, the latest month's row.
    const latest = new Map<string, Record<string, string>>();
    for (const name of (await readdir(inbox)).sort()) {
      if (!name.endsWith("-330100.csv")) continue;
      const records = parse(await readFile(join(inbox, name)), {columns: true}) as Record<string, string>[];
      for (const r of records) latest.set(`${r.unit}|${r.target_id}`, r);
    }
    expect(latest.get(`${LATE}|6.1a`)?.period).toBe("2023-02");
    const slice = await published<Slice>("units/330100");
    const row = (id: string) => slice.rows.find((r) => r.target_id === id)!;
    const counties = countiesOf("330100").map((c) => c.code);
    const total = (id: string, column: string) =>
      counties.reduce((s, c) => s + Number(latest.get(`${c}|${id}`)![column]), 0);
    // 6.1a, a count: Σ value. 2.4a, a rate: Σ numerators ÷ Σ denominators.
    expect(row("6.1a").actual).toBe(total("6.1a", "value"));
    expect(row("2.4a").actual).toBeCloseTo((100 * total("2.4a", "numerator")) / total("2.4a", "denominator"), 9);
    expect(row("6.1a").period).toBe("2023-03");
  });

  it("the city's page shows its 下级单位 table, each county linking to its page", async () => {
    const {openSite} = await import("../helpers/browser.js");
    const site = await openSite(dist);
    try {
      const {page, problems} = await site.open("units/330100.html", 1200);
      expect(problems).toEqual([]);
      expect(await page.locator("h2#children").innerText()).toBe("下级单位");
      const links = page.locator("h2#children + .pw-table-wrap tbody tr td:first-child a");
      expect(await links.allInnerTexts()).toEqual(countiesOf("330100").map((c) => c.name));
      expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(
        countiesOf("330100").map((c) => `../units/${c.code}.html`)
      );
      // The city sends nothing itself: its record says its figures are its counties', not 缺报 every month.
      const main = await page.locator("#observablehq-main").innerText();
      expect(main).toContain(`本身不报送,其数值汇总自 ${COUNTIES} 个下级单位的报送`);
      expect(main).not.toMatch(/缺报 [1-9]/);
      // A county has no units below it.
      const county = await site.open(`units/${LATE}.html`, 1200);
      expect(county.problems).toEqual([]);
      expect(await county.page.locator("h2#children").count()).toBe(0);
      expect(await county.page.locator("#observablehq-main").innerText()).not.toContain("本身不报送");
      // A target's page: the cities, with a column for their counties, and a line counting them.
      const target = await site.open("targets/6-1a.html", 1200);
      expect(target.problems).toEqual([]);
      const table = target.page.locator("table", {has: target.page.locator("thead th", {hasText: "下级单位"})});
      expect(await table.count()).toBe(1);
      expect(await table.locator("thead th").last().innerText()).toBe("下级单位");
      // The whole is the province, as the project file names it: never 全市.
      expect(await table.locator("thead th").allInnerTexts()).toContain("占全省");
      expect(await target.page.locator(".pw-lede").first().innerText()).toMatch(/:全省 [\d,.]+/);
      const overview = await site.open("index.html", 1200);
      expect(await overview.page.locator(".pw-summary p").first().innerText()).toMatch(/^截至\d{4}年\d{1,2}月,全省 /);
      // The county silent in the last month is named on the overview, though its table lists the cities only.
      const late = units.find((u) => u.code === LATE)!;
      expect(await overview.page.locator(".pw-summary .pw-muted").innerText()).toContain(
        `下级单位中 1 个尚无${MONTHS}月数据:${late.name}(${cities.find((c) => c.code === late.parent)!.name},最新为${MONTHS - 1}月)`
      );
      expect(await table.locator("tbody tr td:first-child a").allInnerTexts()).toEqual(cities.map((c) => c.name));
      expect(await target.page.locator(".pw-below").innerText()).toMatch(
        new RegExp(`^以上为最上一级的 ${CITIES} 个单位;其下共 ${CITIES * COUNTIES} 个下级单位`)
      );
    } finally {
      await site.close();
    }
  });
});
