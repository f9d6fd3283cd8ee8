import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {type SiteSession, openSite} from "../helpers/browser.js";
import {type HostileSite, hostileSite} from "../helpers/hostileSite.js";
import {pageText, payloads} from "../helpers/payloads.js";
import {targetSlug} from "../../src/components/slug.js";

const siteDir = inject("siteDir");

// The sample holds plausible texts only; here a copy of the built site carries the hostile texts of
// test/fixtures/payloads/site.json where senders' notes and progress texts go.
describe("senders' texts holding markup or a formula, in the built site", () => {
  let hostile: HostileSite;
  let site: SiteSession;
  beforeAll(async () => {
    hostile = await hostileSite(siteDir);
    site = await openSite(hostile.dir);
  });
  afterAll(async () => {
    await site?.close();
    await hostile?.remove();
  });

  it("a note with <script> and <img onerror>, and a formula, are shown as text and never run", async () => {
    const {page, problems} = await site.open(`targets/${targetSlug(hostile.target)}.html`, 1280);
    await page.locator("td[data-key='note']").first().waitFor();
    expect(await page.evaluate(() => (window as unknown as {__xss?: number}).__xss)).toBeUndefined();
    expect(await page.locator("td", {hasText: "<script>window.__xss=1</script>"}).count()).toBe(1);
    expect(await page.locator("td", {hasText: hostile.payloads.formula}).count()).toBe(1);
    expect(await page.locator("table img").count()).toBe(0);
    // what pages.test.ts looks for on every page of the sample finds these payloads
    expect(payloads(await pageText(page))).toEqual(
      expect.arrayContaining(["<script>", "</script>", '<img src=x onerror="window.__xss=2">', "=HYPERLINK("])
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  for (const width of [1280, 375]) {
    it(`at ${width} px, a progress text holding <script> and <img onerror> shows as text on the office and section pages and never runs`, async () => {
      for (const path of [`offices/${hostile.task.owner}.html`, `sections/${hostile.task.section}.html`]) {
        const {page, problems} = await site.open(path, width);
        expect(await page.evaluate(() => (window as unknown as {__xss?: number}).__xss), path).toBeUndefined();
        expect(
          await page.locator(".pw-task-progress", {hasText: "<script>window.__xss=3</script>"}).count(),
          path
        ).toBeGreaterThan(0);
        expect(await page.locator("table img").count()).toBe(0);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth
        );
        expect(overflow, "horizontal page scroll").toBeLessThanOrEqual(0);
        expect(problems).toEqual([]);
        await page.close();
      }
    });
  }
});
