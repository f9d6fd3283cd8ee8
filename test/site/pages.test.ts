import {mkdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {PROJECT_DIR} from "../helpers/cli.js";
import {type SiteSession, openSite} from "../helpers/browser.js";
import {listTree} from "../helpers/files.js";
import {pageText, payloads} from "../helpers/payloads.js";

const siteDir = inject("siteDir");
const SHOTS = join(PROJECT_DIR, "test-results", "screenshots");
const pages = (await listTree(siteDir)).filter((f) => f.endsWith(".html") && !f.startsWith("_")).sort();

/** Prints `page` on A4 as the browser would (print media), keeps the PDF in test-results/ as `name`, and counts its pages. */
async function printedPages(page: Page, name: string): Promise<number> {
  await page.emulateMedia({media: "print"});
  const pdf = await page.pdf({format: "A4", printBackground: true});
  await mkdir(join(PROJECT_DIR, "test-results"), {recursive: true});
  await writeFile(join(PROJECT_DIR, "test-results", name), pdf);
  return (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
}

/**
 * What a reader sees of a page: its text nodes outside code listings (the guide's and the method's
 * examples) and outside what units and offices submitted (notes, progress texts, evidence: shown as
 * sent), charts' labels included.
 */
async function readerText(page: Page, {also = ""}: {also?: string} = {}): Promise<string> {
  return page.evaluate((also) => {
    const skip = `pre, code, script, style, td[data-key='note'], .pw-submitted${also ? `, ${also}` : ""}`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (!node.parentElement?.closest(skip)) parts.push(node.textContent ?? "");
    return parts.join("\n");
  }, also);
}

/**
 * The English words left in a reader's text once the allowed Latin is taken out: target ids
 * (6.1b), file names and paths, hashes, units and formats (CSV, SVG, PNG, Excel, UTF-8, GBK), the product's
 * name, key names, Roman numerals of the plan.
 */
function englishWords(text: string): string[] {
  const cleaned = text
    .replace(/[\w\u4e00-\u9fff()./-]+\.(csv|xlsx|xls|txt|json|html|tsv|pdf|docx?|pptx?|zip)\b/gi, " ")
    .replace(/\b[0-9a-f]{12,64}\b/g, " ")
    .replace(/\b\d+(\.\d+)?[a-z]\b/g, " ")
    .replace(/\.(csv|xlsx|xls|txt|json|tsv)\b/gi, " ")
    .replace(
      /\b(planwatch|CSV|JSON|SVG|PNG|Excel|UTF-8|UTF-16(LE|BE)?|GBK|GB18030|BOM|NUL|sha256|A4|Ctrl|Cmd|K|Vega-Lite|Observable|Framework|Arquero|npm|JavaScript|AI|APP)\b/g,
      " "
    );
  return [...new Set(cleaned.match(/[A-Za-z]{2,}/g) ?? [])];
}

/** The calendar days written the ISO way (2023-12-08) in a reader's text, file names aside: a reader is given 2023年12月8日. */
function isoDays(text: string): string[] {
  const cleaned = text.replace(
    /[\w\u4e00-\u9fff()./-]+\.(csv|xlsx|xls|txt|json|html|tsv|pdf|docx?|pptx?|zip)\b/gi,
    " "
  );
  return [...new Set(cleaned.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [])];
}

describe("the built sample site in headless Chromium", () => {
  let site: SiteSession;

  beforeAll(async () => {
    site = await openSite(siteDir);
    await mkdir(SHOTS, {recursive: true});
  });
  afterAll(() => site?.close());

  /** Opens a page and waits until its charts have drawn; Vega's warnings (WARN …) count as problems. */
  async function open(path: string, width: number): Promise<{page: Page; problems: string[]}> {
    const {page, problems} = await site.open(path, width);
    await page.waitForFunction(() =>
      [...document.querySelectorAll("figure.pw-chart")].every(
        (f) => f.querySelector("svg, canvas") || f.textContent?.includes("无法显示")
      )
    );
    return {page, problems};
  }

  it("has every page: overview, livelihood, 6 sections, 14 units, 15 offices, 33 targets, quality, method, guide, plan", () => {
    expect(pages).toHaveLength(74);
  });

  for (const width of [1280, 375]) {
    it.each(pages)(
      `%s at ${width} px: no error, no failed or foreign request, no horizontal page scroll`,
      async (path) => {
        const {page, problems} = await open(path, width);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth
        );
        await page.screenshot({
          path: join(SHOTS, `${path.replaceAll("/", "_").replace(/\.html$/, "")}-${width}.png`),
          fullPage: true
        });
        expect(problems).toEqual([]);
        expect(overflow, "horizontal page scroll").toBeLessThanOrEqual(0);
        expect(await page.locator("h1").count()).toBeGreaterThan(0);
        const text = await readerText(page);
        expect(englishWords(text), "English on the page").toEqual([]);
        // The plan as published (its 发布日期:2023-07-21 line) is quoted as it stands.
        expect(isoDays(await readerText(page, {also: ".pw-plan"})), "dates written 2023-12-08").toEqual([]);
        expect(payloads(await pageText(page)), "markup or a formula in the page's text").toEqual([]);
        await page.close();
      }
    );
  }

  it.each(["index.html", "units/330106.html", "units/330122.html", "targets/6-1b.html", "sections/6.html"])(
    "%s at 375 px: every table row's status is on screen, without sideways scrolling",
    async (path) => {
      const {page} = await open(path, 375);
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll("table.pw-table td[data-key='status']")].map((td) => {
          const r = td.getBoundingClientRect();
          return {left: r.left, right: r.right, width: r.width, text: td.textContent ?? ""};
        })
      );
      expect(boxes.length, "status cells").toBeGreaterThan(0);
      for (const b of boxes) {
        expect(b.width, b.text).toBeGreaterThan(0);
        expect(b.left, b.text).toBeGreaterThanOrEqual(0);
        expect(b.right, b.text).toBeLessThanOrEqual(375);
      }
      await page.close();
    }
  );

  it("the overview prints on at most two A4 pages, each with the plan, the as-of month, the snapshot and its number", async () => {
    const gapsFile = (await listTree(siteDir)).find((f) => f.startsWith("_file/data/gaps."))!;
    const {as_of} = JSON.parse(await readFile(join(siteDir, gapsFile), "utf8")) as {as_of: string};
    const {page} = await open("index.html", 1280);
    const pageCount = await printedPages(page, "overview.pdf");
    expect(pageCount).toBeGreaterThan(0);
    expect(pageCount).toBeLessThanOrEqual(2);
    // Chromium repeats a position: fixed element on every printed page: the footer is one, and says it all.
    const footer = await page.evaluate(() => {
      const f = document.querySelector("#observablehq-footer")!;
      const style = getComputedStyle(f);
      return {position: style.position, display: style.display, text: f.textContent ?? ""};
    });
    expect(footer.position).toBe("fixed");
    expect(footer.display).not.toBe("none");
    expect(footer.text).toContain(`数据截至 ${as_of.slice(0, 4)}年${Number(as_of.slice(5))}月`);
    expect(footer.text).toMatch(/《.+》/);
    expect(footer.text).toMatch(/输入快照 [0-9a-f]{12}/);
    // The page numbers are an @page margin box of the stylesheet.
    const css = await page.evaluate(() =>
      [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join("\n")
    );
    expect(css).toMatch(/@bottom-right\s*\{[^}]*counter\(page\)/);
    // On paper: the late tasks and whose they are, and status chips in their colours.
    const paper = await page.evaluate(() => {
      const late = document.querySelector(".pw-print-only");
      const chip = document.querySelector(".pw-chip");
      return {
        late: late && getComputedStyle(late).display !== "none" ? late.textContent : null,
        chip: chip ? getComputedStyle(chip).printColorAdjust : null
      };
    });
    expect(paper.late).toMatch(/^滞后任务及牵头处室:\d+\.\d+-t\d+([^)]+[处室])/);
    expect(paper.chip).toBe("exact");
    await page.close();
  });

  it("the overview opens with 本期变化, its counts those of the changes gaps.json ships; every standings row says 较上月", async () => {
    const file = (await listTree(siteDir)).find((f) => f.startsWith("_file/data/gaps."))!;
    const gaps = JSON.parse(await readFile(join(siteDir, file), "utf8")) as {
      previous_as_of: string;
      changes: {unit_code: string; changes: string[]}[];
    };
    const n = (kind: string) => gaps.changes.filter((c) => c.unit_code === "city" && c.changes.includes(kind)).length;
    const {page} = await open("index.html", 1280);
    expect(await page.locator("h2", {hasText: "本期变化"}).count()).toBe(1);
    const text = (await page.locator(".pw-change-line").textContent()) ?? "";
    expect(text).toBe(
      `与${Number(gaps.previous_as_of.slice(5))}月相比:新完成 ${n("achieved")} 项;新增有风险或滞后 ${n("behind")} 项;新报送 ${n("reported")} 项;数据更正 ${n("revised")} 项。`
    );
    const changes = await page.locator("table.pw-table td[data-key='change']").allTextContents();
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c !== "")).toBe(true);
    expect(changes.filter((c) => c !== "—").length, "rows with a change").toBeGreaterThan(changes.length / 2); // — only with no value either month
    await page.close();
  });

  it("the quality page gives each file's time of receipt in Hangzhou time, not the ledger's UTC", async () => {
    const {page} = await open("quality.html", 1280);
    // The ledger holds 2023-08-06T02:00:00.000Z for this file: 10:00 in Hangzhou.
    const row = page.locator("table.pw-table tr", {hasText: "2023-07-西湖区-错误.csv"}).first();
    expect(await row.locator("td[data-key='ingested_at']").innerText()).toBe("2023年8月6日 10:00");
    expect(await page.locator("#observablehq-main").innerText()).not.toContain("2023-08-06 02:00");
    await page.close();
  });

  it("the search box speaks Chinese", async () => {
    const {page} = await open("index.html", 1280);
    expect(await page.locator("#observablehq-search input").getAttribute("placeholder")).toBe("搜索");
    await page.locator("#observablehq-search input").fill("学位");
    await expect
      .poll(() => page.locator("#observablehq-search-results > div").first().textContent())
      .toMatch(/^找到 \d+ 个页面$/);
    await page.locator("#observablehq-search input").fill("zzzzqqq");
    await expect.poll(() => page.locator("#observablehq-search-results > div").first().textContent()).toBe("没有找到");
    await page.close();
  });

  it("the overview's counts equal the gaps table's", async () => {
    const file = (await listTree(siteDir)).find((f) => f.startsWith("_file/data/gaps."))!;
    const gaps = JSON.parse(await readFile(join(siteDir, file), "utf8")) as {
      rows: {unit_code: string; status: string}[];
    };
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
    expect(await page.locator("blockquote.pw-clause").textContent()).toContain(
      "新建成中小学、幼儿园72所、新增学位6.1万个"
    );
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
    expect(
      hrefs.some((h) => href.test(h)),
      hrefs.join(" ")
    ).toBe(true);
    await page.close();
  });

  it("a unit's page prints on A4 as a brief of at most two pages", async () => {
    const {page} = await open("units/330106.html", 1280);
    const pageCount = await printedPages(page, "unit-330106.pdf");
    expect(pageCount).toBeGreaterThan(0);
    expect(pageCount).toBeLessThanOrEqual(2);
    await page.close();
  });

  it("charts offer their data as CSV (UTF-8 with BOM), and SVG and PNG", async () => {
    const {page} = await open("targets/6-1b.html", 1280);
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("figure.pw-chart button", {hasText: "下载数据 CSV"}).first().click()
    ]);
    const bytes = await readFile((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toMatch(/as_of/);
    const [svg] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("figure.pw-chart button", {hasText: "下载 SVG"}).first().click()
    ]);
    expect((await readFile((await svg.path())!, "utf8")).startsWith("<svg")).toBe(true);
    const [png] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("figure.pw-chart button", {hasText: "下载 PNG"}).first().click()
    ]);
    expect([...(await readFile((await png.path())!)).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    await page.close();
  });
});
