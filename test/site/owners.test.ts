import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {type SiteSession, openSite} from "../helpers/browser.js";
import {listTree} from "../helpers/files.js";
import {laggingRows} from "../../src/components/lagging.js";
import {targetSlug} from "../../src/components/slug.js";

const siteDir = inject("siteDir");

interface Row {
  target_id: string;
  unit_code: string;
  status: string;
  pace: number | null;
  attainment: number | null;
  months_left: number | null;
  projection: number | null;
  owner: string | null;
  owner_name: string | null;
}

const BEHIND = ["滞后", "有风险"];

describe("whose each number is, in the built sample site", () => {
  let site: SiteSession;
  let rows: Row[] = [];
  let offices: {code: string; name: string; short_name: string}[] = [];
  const data = async (name: string) => {
    const file = (await listTree(siteDir)).find((f) => f.startsWith(`_file/data/${name}.`))!;
    return JSON.parse(await readFile(join(siteDir, file), "utf8"));
  };
  beforeAll(async () => {
    site = await openSite(siteDir);
    rows = (await data("gaps")).rows;
    offices = (await data("tasks")).offices;
  });
  afterAll(() => site?.close());

  it("every target row names a lead office of offices.csv", () => {
    const names = new Map(offices.map((o) => [o.code, o.name]));
    const city = rows.filter((r) => r.unit_code === "city");
    expect(city).toHaveLength(33);
    for (const r of rows) expect([r.target_id, r.owner_name], r.target_id).toEqual([r.target_id, names.get(r.owner!)]);
  });

  it("the overview: every 滞后 or 有风险 row of its standings names its lead office, linked to its page", async () => {
    const {page, problems} = await site.open("index.html", 1280);
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll("table.pw-table tr")]
        .map((tr) => ({
          status: tr.querySelector("td[data-key='status']")?.textContent?.trim() ?? "",
          pace: tr.querySelector("td[data-key='pace']") !== null,
          owner: tr.querySelector("td[data-key='owner_name']")?.textContent?.trim() ?? "",
          href: tr.querySelector("td[data-key='owner_name'] a")?.getAttribute("href") ?? ""
        }))
        .filter((c) => c.status && c.pace)
    );
    const behind = cells.filter((c) => BEHIND.includes(c.status));
    expect(behind.length).toBeGreaterThan(0);
    for (const c of behind) {
      const office = offices.find((o) => o.short_name === c.owner);
      expect(office, JSON.stringify(c)).toBeDefined();
      expect(c.href).toBe(`./offices/${office!.code}.html`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the livelihood page: every 滞后 or 有风险 target names its lead office", async () => {
    const {page, problems} = await site.open("livelihood.html", 1280);
    const heads = await page.evaluate(() =>
      [...document.querySelectorAll("h3")].map((h) => ({
        status: h.querySelector(".pw-chip")?.textContent?.trim() ?? "",
        owner: h.querySelector(".pw-owner")?.textContent?.trim() ?? ""
      }))
    );
    const behind = heads.filter((h) => BEHIND.includes(h.status));
    expect(behind.length).toBeGreaterThan(0);
    for (const h of behind)
      expect(
        offices.map((o) => `牵头:${o.name}`),
        JSON.stringify(h)
      ).toContain(h.owner);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a unit's page: every 滞后 or 有风险 row names the target's lead office, linked to its page", async () => {
    const unit = "330106";
    const {page, problems} = await site.open(`units/${unit}.html`, 1280);
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll("table.pw-table tr")]
        .map((tr) => ({
          id: tr.querySelector("td[data-key='target_id']")?.textContent?.trim() ?? "",
          status: tr.querySelector("td[data-key='status']")?.textContent?.trim() ?? "",
          owner: tr.querySelector("td[data-key='owner_name']")?.textContent?.trim() ?? "",
          href: tr.querySelector("td[data-key='owner_name'] a")?.getAttribute("href") ?? ""
        }))
        .filter((c) => c.id)
    );
    const behind = cells.filter((c) => BEHIND.includes(c.status));
    expect(behind.length).toBeGreaterThan(0);
    for (const c of behind) {
      const row = rows.find((r) => r.target_id === c.id && r.unit_code === unit)!;
      const office = offices.find((o) => o.code === row.owner)!;
      expect([c.id, c.owner, c.href]).toEqual([c.id, office.short_name, `../offices/${office.code}.html`]);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it("each target page names its lead office, and its lagging units worst first", async () => {
    const city = rows.filter((r) => r.unit_code === "city");
    for (const r of city) {
      const path = `targets/${targetSlug(r.target_id)}.html`;
      const {page, problems} = await site.open(path, 1280);
      await page.locator(".pw-lagging").waitFor();
      expect(await page.locator(".pw-lede .pw-owner").textContent(), path).toBe(`牵头:${r.owner_name}`);
      const expected = laggingRows(rows.filter((u) => u.target_id === r.target_id && u.unit_code !== "city"));
      const listed = await page.locator(".pw-lagging a[data-unit]").evaluateAll((as) => as.map((a) => a.dataset.unit));
      expect(listed, path).toEqual(expected.map((u) => u.unit_code));
      expect(problems, path).toEqual([]);
      await page.close();
    }
    expect(laggingRows(rows.filter((u) => u.unit_code !== "city")).length, "lagging units").toBeGreaterThan(0);
  });

  it("an 有风险 target near its deadline says why: its projection, the distance to the target, the months left", async () => {
    const near = rows.filter(
      (r) => r.unit_code === "city" && r.status === "at_risk" && r.months_left !== null && r.months_left <= 3
    );
    expect(near.length, "the sample has a near miss").toBeGreaterThan(0);
    for (const r of near) {
      const {page} = await site.open(`targets/${targetSlug(r.target_id)}.html`, 1280);
      expect(await page.locator(".pw-lede .pw-risk-reason").textContent(), r.target_id).toMatch(
        new RegExp(`^(预计期末 .+,距目标 .+,(剩 ${r.months_left} 个月|已到期限))$`)
      );
      await page.close();
    }
  });

  it("an office's page lists the targets it leads with their status", async () => {
    const led = rows.filter((r) => r.unit_code === "city" && r.owner === "fgc").map((r) => r.target_id);
    expect(led.length).toBeGreaterThan(0);
    const {page, problems} = await site.open("offices/fgc.html", 1280);
    const ids = await page.locator("table.pw-table td[data-key='target_id']").allTextContents();
    expect(
      ids
        .map((s) => s.trim())
        .filter((s) => led.includes(s))
        .sort()
    ).toEqual([...led].sort());
    expect(problems).toEqual([]);
    await page.close();
  });
});
