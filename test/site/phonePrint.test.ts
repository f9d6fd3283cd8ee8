import type {Page} from "playwright-core";
import {getDocument} from "pdfjs-dist/legacy/build/pdf.mjs";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {type SiteSession, openSite} from "../helpers/browser.js";
import {listTree} from "../helpers/files.js";

const siteDir = inject("siteDir");

/** One page of each kind the sample site has. */
const PAGE_TYPES = [
  "index.html",
  "livelihood.html",
  "plan.html",
  "quality.html",
  "method.html",
  "guide.html",
  "units/330106.html",
  "offices/jjc.html",
  "sections/6.html",
  "targets/6-1b.html"
];

/** Waits until `page`'s charts have drawn, so that what is measured is what a reader sees. */
async function drawn(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll("figure.pw-chart")].every(
      (f) => f.querySelector("svg, canvas") || f.textContent?.includes("无法显示")
    )
  );
}

describe("the built sample site on a phone and on paper", () => {
  let site: SiteSession;
  beforeAll(async () => {
    site = await openSite(siteDir);
  });
  afterAll(() => site?.close());

  it.each(PAGE_TYPES)(
    "%s at 375 px: no table and no element reaches past the screen (code listings scroll in their box)",
    async (path) => {
      const {page, problems} = await site.open(path, 375);
      await drawn(page);
      const layout = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const name = (el: Element) =>
          `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className}` : ""}`;
        const outside = (r: DOMRect) => r.width > 0 && (r.left < -0.5 || r.right > vw + 0.5);
        const tables = [...document.querySelectorAll("#observablehq-center table")]
          .filter((t) => outside(t.getBoundingClientRect()))
          .map((t) => `${name(t)} ${Math.round(t.getBoundingClientRect().right)}`);
        const elements: string[] = [];
        const scrollers: string[] = [];
        for (const el of document.querySelectorAll("#observablehq-center *")) {
          if (el.closest("pre")) continue;
          if (outside(el.getBoundingClientRect())) elements.push(name(el));
          if (/auto|scroll/.test(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
            scrollers.push(`${name(el)} ${el.clientWidth}/${el.scrollWidth}`);
        }
        return {
          overflow: document.documentElement.scrollWidth - vw,
          tables,
          elements: elements.slice(0, 10),
          scrollers
        };
      });
      expect(layout.overflow, "horizontal page scroll").toBeLessThanOrEqual(0);
      expect(layout.tables, "tables past the screen").toEqual([]);
      expect(layout.elements, "elements past the screen").toEqual([]);
      expect(layout.scrollers, "elements scrolling sideways").toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }
  );

  it("the quality page's findings at 375 px are cards: each 说明 is on screen in full", async () => {
    const {page} = await site.open("quality.html", 375);
    const messages = await page.locator("td.pw-message").evaluateAll((tds) =>
      tds
        .filter((td) => (td as HTMLElement).offsetParent !== null)
        .map((td) => {
          const r = td.getBoundingClientRect();
          return {left: r.left, right: r.right, clipped: td.scrollWidth > td.clientWidth + 1};
        })
    );
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m.left).toBeGreaterThanOrEqual(0);
      expect(m.right).toBeLessThanOrEqual(375);
      expect(m.clipped).toBe(false);
    }
    // the rest of a long list waits behind a button, and shows when asked
    const hidden = await page.locator("table.pw-table tbody tr[hidden]").count();
    expect(hidden).toBeGreaterThan(0);
    await page.locator("button.pw-more").first().click();
    expect(await page.locator("table.pw-table tbody tr[hidden]").count()).toBeLessThan(hidden);
    await page.close();
  });

  for (const width of [375, 768])
    it.each(PAGE_TYPES)(
      `%s at ${width} px: the sidebar toggle covers no text, however far the page scrolls`,
      async (path) => {
        const {page} = await site.open(path, width);
        await drawn(page);
        const covered = await page.evaluate(() => {
          const toggle = document.querySelector("#observablehq-sidebar-toggle")!;
          const t = toggle.getBoundingClientRect();
          // a fixed toggle stays put while the page moves under it: it meets every line of its strip
          const fixed = getComputedStyle(toggle).position === "fixed";
          const box = {
            left: t.left + scrollX,
            right: t.right + scrollX,
            top: fixed ? -Infinity : t.top + scrollY,
            bottom: fixed ? Infinity : t.bottom + scrollY
          };
          const hits: string[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement!;
            if (!node.textContent?.trim() || el.closest("#observablehq-sidebar")) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const r of range.getClientRects()) {
              const [left, right, top, bottom] = [
                r.left + scrollX,
                r.right + scrollX,
                r.top + scrollY,
                r.bottom + scrollY
              ];
              if (r.width && r.height && left < box.right && right > box.left && top < box.bottom && bottom > box.top) {
                hits.push(node.textContent.trim().slice(0, 20));
                break;
              }
            }
          }
          // a block with text in it (a code listing, a card) that runs under the toggle counts too
          for (const el of document.querySelectorAll("#observablehq-main *")) {
            const r = el.getBoundingClientRect();
            const [left, right, top, bottom] = [
              r.left + scrollX,
              r.right + scrollX,
              r.top + scrollY,
              r.bottom + scrollY
            ];
            if (
              r.width &&
              r.height &&
              el.textContent?.trim() &&
              left < box.right &&
              right > box.left &&
              top < box.bottom &&
              bottom > box.top &&
              getComputedStyle(el).backgroundColor !== "rgba(0, 0, 0, 0)"
            )
              hits.push(`${el.tagName.toLowerCase()}: ${el.textContent.trim().slice(0, 20)}`);
          }
          return hits;
        });
        expect(covered).toEqual([]);
        await page.close();
      }
    );

  it.each(["method.html", "guide.html"])(
    "%s on paper: no code listing's copy button, and nothing past the page's width",
    async (path) => {
      const {page} = await site.open(path, 1280);
      await drawn(page);
      await page.setViewportSize({width: 794, height: 1123});
      await page.emulateMedia({media: "print"});
      const shown = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const buttons = [...document.querySelectorAll("button.observablehq-pre-copy")].filter(
          (b) => (b as HTMLElement).offsetParent !== null
        ).length;
        const past = [...document.querySelectorAll("#observablehq-center *")].filter(
          (e) => !e.closest("pre, .observablehq-pre-container") && e.getBoundingClientRect().right > vw + 0.5
        ).length;
        return {buttons, past};
      });
      expect(shown).toEqual({buttons: 0, past: 0});
      await page.close();
    }
  );

  it("a unit's brief prints on one A4 page: its set targets, whose they are, and its submission strip", async () => {
    const {page} = await site.open("units/330106.html", 1280);
    await drawn(page);
    await page.emulateMedia({media: "print"});
    const pdf = await page.pdf({format: "A4", printBackground: true});
    const doc = await getDocument({data: new Uint8Array(pdf)}).promise;
    const text = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join("");
    expect(doc.numPages).toBe(1);
    expect(text).toContain("报送记录");
    expect(text).toContain("牵头处室");
    // the values without an allocation are on paper too, as one paragraph
    expect(text).toMatch(/另报送未分解到本单位的指标 \d+ 项/);
    await doc.destroy();
    await page.close();
  });

  it("every unit's brief fits one A4 page", async () => {
    const units = (await listTree(siteDir)).filter((f) => f.startsWith("units/") && f.endsWith(".html"));
    expect(units.length).toBeGreaterThan(1);
    for (const path of units) {
      const {page} = await site.open(path, 1280);
      await drawn(page);
      await page.emulateMedia({media: "print"});
      const doc = await getDocument({data: new Uint8Array(await page.pdf({format: "A4", printBackground: true}))})
        .promise;
      expect(doc.numPages, path).toBe(1);
      await doc.destroy();
      await page.close();
    }
  });
});
