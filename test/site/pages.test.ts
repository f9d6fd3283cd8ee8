import {mkdir, readFile} from "node:fs/promises";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {PROJECT_DIR} from "../helpers/cli.js";
import {type SiteSession, openSite} from "../helpers/browser.js";
import {listTree} from "../helpers/files.js";

const siteDir = inject("siteDir");
const SHOTS = join(PROJECT_DIR, "test-results", "screenshots");
const pages = (await listTree(siteDir)).filter((f) => f.endsWith(".html") && !f.startsWith("_")).sort();

describe("the built sample site in headless Chromium", () => {
  let site: SiteSession;

  beforeAll(async () => {
    site = await openSite(siteDir);
    await mkdir(SHOTS, {recursive: true});
  });
  afterAll(() => site?.close());

  /** Opens a page and waits until its charts have drawn. */
  async function open(path: string, width: number): Promise<{page: Page; problems: string[]}> {
    const {page, problems} = await site.open(path, width);
    await page.waitForFunction(() => [...document.querySelectorAll("figure.pw-chart")].every((f) => f.querySelector("svg, canvas") || f.textContent?.includes("无法显示")));
    return {page, problems};
  }

  it("has every page: overview, livelihood, 6 sections, 14 units, 15 offices, 33 targets, quality, method, guide, plan", () => {
    expect(pages).toHaveLength(74);
  });

  for (const width of [1280, 375]) {
    it.each(pages)(`%s at ${width} px: no error, no failed or foreign request, no horizontal page scroll`, async (path) => {
      const {page, problems} = await open(path, width);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await page.screenshot({path: join(SHOTS, `${path.replaceAll("/", "_").replace(/\.html$/, "")}-${width}.png`), fullPage: true});
      expect(problems).toEqual([]);
      expect(overflow, "horizontal page scroll").toBeLessThanOrEqual(0);
      expect(await page.locator("h1").count()).toBeGreaterThan(0);
      await page.close();
    });
  }

  it("the overview's counts equal the gaps table's", async () => {
    const file = (await listTree(siteDir)).find((f) => f.startsWith("_file/data/gaps."))!;
    const gaps = JSON.parse(await readFile(join(siteDir, file), "utf8")) as {rows: {unit_code: string; status: string}[]};
    const city = gaps.rows.filter((r) => r.unit_code === "city");
    const {page} = await open("index.html", 1280);
    for (const status of ["achieved", "on_track", "at_risk", "off_track", "no_data"]) {
      const shown = await page.locator(`.pw-card[data-status="${status}"] .pw-card-n`).textContent();
      expect(Number(shown), status).toBe(city.filter((r) => r.status === status).length);
    }
    expect(await page.locator(".pw-lede").textContent()).toContain(`全市 ${city.length} 项量化目标`);
    await page.close();
  });

  it("a figure of the overview links to its target page, which shows the clause and the rows behind the number", async () => {
    const {page} = await open("index.html", 1280);
    await page.locator("table.pw-table a", {hasText: "6.1b"}).first().click();
    await page.waitForURL(/targets\/6-1b\.html$/);
    await page.waitForSelector("blockquote.pw-clause");
    expect(await page.locator("blockquote.pw-clause").textContent()).toContain("新建成中小学、幼儿园72所、新增学位6.1万个");
    const sources = page.locator("table.pw-table").last().locator("tbody tr");
    expect(await sources.count()).toBeGreaterThan(10);
    expect(await sources.first().locator("td").first().textContent()).toMatch(/^2023-\d\d-.+\.(csv|txt|xlsx)$/);
    await page.locator("blockquote.pw-clause a").click();
    await page.waitForURL(/plan\.html#t-6\.1b$/);
    await expect.poll(() => page.locator("#t-6\\.1b").count()).toBe(1);
    await page.close();
  });

  it.each([
    ["学位", /targets\/6-1b\.html$/],
    ["西湖区", /units\/330106\.html$/],
    ["近视", /targets\/2-4b\.html$/]
  ])("search for %s finds its page", async (query, href) => {
    const {page} = await open("index.html", 1280);
    await page.locator("#observablehq-search input").fill(query);
    const links = page.locator("#observablehq-search-results a");
    await expect.poll(() => links.count()).toBeGreaterThan(0);
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs.some((h) => href.test(h)), hrefs.join(" ")).toBe(true);
    await page.close();
  });

  it("a submitted note with <script> and <img onerror> is shown as text and never runs", async () => {
    const {page, problems} = await open("targets/6-1b.html", 1280);
    expect(await page.evaluate(() => (window as unknown as {__xss?: number}).__xss)).toBeUndefined();
    expect(await page.locator("td", {hasText: "<script>window.__xss=1</script>"}).count()).toBe(1);
    expect(await page.locator("table img").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a unit's page prints on A4 as a brief of at most two pages", async () => {
    const {page} = await open("units/330106.html", 1280);
    await page.emulateMedia({media: "print"});
    const pdf = await page.pdf({format: "A4", printBackground: true});
    await mkdir(join(PROJECT_DIR, "test-results"), {recursive: true});
    const {writeFile} = await import("node:fs/promises");
    await writeFile(join(PROJECT_DIR, "test-results", "unit-330106.pdf"), pdf);
    const pageCount = (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pageCount).toBeGreaterThan(0);
    expect(pageCount).toBeLessThanOrEqual(2);
    await page.close();
  });

  it("charts offer their data as CSV (UTF-8 with BOM), and SVG and PNG", async () => {
    const {page} = await open("targets/6-1b.html", 1280);
    const [csv] = await Promise.all([page.waitForEvent("download"), page.locator("figure.pw-chart button", {hasText: "下载数据 CSV"}).first().click()]);
    const bytes = await readFile((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toMatch(/as_of/);
    const [svg] = await Promise.all([page.waitForEvent("download"), page.locator("figure.pw-chart button", {hasText: "下载 SVG"}).first().click()]);
    expect((await readFile((await svg.path())!, "utf8")).startsWith("<svg")).toBe(true);
    const [png] = await Promise.all([page.waitForEvent("download"), page.locator("figure.pw-chart button", {hasText: "下载 PNG"}).first().click()]);
    expect([...(await readFile((await png.path())!)).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await page.close();
  });
});
