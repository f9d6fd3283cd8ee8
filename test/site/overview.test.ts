import {mkdir} from "node:fs/promises";
import type {Server} from "node:http";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {serveDir} from "../../pipelines/run/serveDir.js";
import {PROJECT_DIR} from "../helpers/cli.js";
import {launchChromium, watchPage} from "../helpers/browser.js";

const siteDir = inject("siteDir");
const SHOTS = join(PROJECT_DIR, "test-results", "screenshots");

describe("the built overview page in headless Chromium", () => {
  let browser: Browser;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    ({server, url} = await serveDir({dir: siteDir}));
    browser = await launchChromium();
    await mkdir(SHOTS, {recursive: true});
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  it.each([1280, 375])("renders the table and the chart at %i px with no error and no foreign request", async (width) => {
    const page = await browser.newPage({viewport: {width, height: 900}});
    const watch = watchPage(page, url.replace(/\/$/, ""));
    await page.goto(url, {waitUntil: "networkidle"});
    const firstRow = page.locator("table.pw-table tbody tr").first();
    await expect.poll(() => firstRow.count()).toBe(1);
    expect(await firstRow.locator("td").first().textContent()).toBe("市直属学校");
    expect(await page.locator("table.pw-table tbody tr", {hasText: "西湖区"}).locator("td").nth(1).textContent()).toBe("2023-11");
    await expect.poll(() => page.locator("figure.pw-chart svg, figure.pw-chart canvas").count(), {timeout: 20_000}).toBeGreaterThan(0);
    expect(await page.locator("figure.pw-chart svg g.mark-rect path").count()).toBe(13);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "horizontal page scroll").toBeLessThanOrEqual(0);
    await page.screenshot({path: join(SHOTS, `index-${width}.png`), fullPage: true});
    expect(watch.problems).toEqual([]);
    await page.close();
  });

  it("lists the plan's 33 targets, each linking to its clause in the plan text", async () => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    const watch = watchPage(page, url.replace(/\/$/, ""));
    await page.goto(url, {waitUntil: "networkidle"});
    const rows = page.locator("table.pw-table", {hasText: "编号"}).locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(33);
    const row = rows.filter({hasText: "6.1b"});
    expect(await row.locator("td").nth(1).textContent()).toBe("新增学位");
    expect(await row.locator("td").nth(2).textContent()).toBe("≥ 61,000 个");
    await row.locator("a").click();
    await page.waitForURL(/\/plan#t-6\.1b$/);
    const anchor = page.locator("#t-6\\.1b");
    await expect.poll(() => anchor.count()).toBe(1);
    expect(await anchor.locator("xpath=..").textContent()).toBe("6.1a6.1b新建成中小学、幼儿园72所、新增学位6.1万个");
    expect(await page.locator(".pw-target-id").count()).toBe(33);
    await page.screenshot({path: join(SHOTS, "plan-1280.png")});
    expect(watch.problems).toEqual([]);
    await page.close();
  });
});
