import {mkdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {PROJECT_DIR} from "../helpers/cli.js";
import {type SiteSession, openSite} from "../helpers/browser.js";
import {listTree} from "../helpers/files.js";

const siteDir = inject("siteDir");

interface SiteTask {
  task_id: string;
  section: number;
  target_ids: string[];
  owner: string;
  partners: string[];
  status: string;
  progress_text: string;
}

describe("the task pages of the built sample site", () => {
  let site: SiteSession;
  let data: {
    as_of: string;
    tasks: SiteTask[];
    offices: {code: string; name: string}[];
    record: {office: string; period: string}[];
  };

  beforeAll(async () => {
    site = await openSite(siteDir);
    const file = (await listTree(siteDir)).find((f) => f.startsWith("_file/data/tasks."))!;
    data = JSON.parse(await readFile(join(siteDir, file), "utf8"));
  });
  afterAll(() => site?.close());
  const open = (path: string, width: number) => site.open(path, width);

  it("has a page per office", async () => {
    const pages = (await listTree(siteDir)).filter((f) => f.startsWith("offices/") && f.endsWith(".html"));
    expect(pages.sort()).toEqual(data.offices.map((o) => `offices/${o.code}.html`).sort());
  });

  it("an office's report record shows the month it did not report, and its unreported tasks", async () => {
    const periods = [...new Set(data.record.map((r) => r.period))];
    const skipper = data.offices.find(
      (o) =>
        data.record.some((r) => r.office === o.code) &&
        periods.some((p) => !data.record.some((r) => r.office === o.code && r.period === p))
    )!;
    const skipped = periods.filter((p) => !data.record.some((r) => r.office === skipper.code && r.period === p));
    const {page, problems} = await open(`offices/${skipper.code}.html`, 1280);
    // months as the site writes them: 2023-06 → 2023年6月
    for (const p of skipped)
      expect(
        await page
          .locator("tr", {hasText: `${p.slice(0, 4)}年${Number(p.slice(5))}月`})
          .filter({hasText: "未报送"})
          .count(),
        p
      ).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a task reported done whose own numeric target is behind says so on its section page; one whose targets are not does not", async () => {
    const gapsFile = (await listTree(siteDir)).find((f) => f.startsWith("_file/data/gaps."))!;
    const gaps = JSON.parse(await readFile(join(siteDir, gapsFile), "utf8")) as {
      rows: {target_id: string; unit_code: string; status: string}[];
    };
    const behind = new Set(
      gaps.rows
        .filter((r) => r.unit_code === "city" && (r.status === "at_risk" || r.status === "off_track"))
        .map((r) => r.target_id)
    );
    const done = data.tasks.filter((t) => t.status === "done" && t.target_ids.length);
    const disagree = done.find((t) => t.target_ids.some((id) => behind.has(id)))!;
    const agree = done.find((t) => !t.target_ids.some((id) => behind.has(id)));
    expect(disagree, "the sample holds a done task with a target behind").toBeDefined();
    const {page} = await open(`sections/${disagree.section}.html`, 1280);
    const row = (id: string) =>
      page.locator("tr", {has: page.locator("td", {hasText: new RegExp(`^${id.replace(".", "\\.")}$`)})});
    expect(await row(disagree.task_id).textContent()).toMatch(/已完成\s*但量化目标 .+ 未达时序进度/);
    if (agree?.section === disagree.section)
      expect(await row(agree.task_id).textContent()).not.toContain("未达时序进度");
    await page.close();
  });

  it("search for an office's name finds its page", async () => {
    const {page} = await open("index.html", 1280);
    await page.locator("#observablehq-search input").fill("基础教育处");
    const links = page.locator("#observablehq-search-results a");
    await expect.poll(() => links.count()).toBeGreaterThan(0);
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(
      hrefs.some((h) => /offices\/jjc\.html$/.test(h)),
      hrefs.join(" ")
    ).toBe(true);
    await page.close();
  });

  it("the overview counts tasks by status as tasks.json does, and lists late tasks first", async () => {
    const {page, problems} = await open("index.html", 1280);
    for (const status of ["late", "no_report", "on_schedule", "done"]) {
      const shown = await page
        .locator(`.pw-task-overview .pw-card[data-task-status="${status}"] .pw-card-n`)
        .textContent();
      expect(Number(shown), status).toBe(data.tasks.filter((t) => t.status === status).length);
    }
    const chips = await page
      .locator(".pw-task-overview table [data-task-status]")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-task-status")));
    expect(chips[0]).toBe("late");
    expect(chips.indexOf("no_report")).toBeGreaterThan(chips.lastIndexOf("late"));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a section page shows each work item's tasks beside its numeric targets", async () => {
    const {page} = await open("sections/6.html", 1280);
    const item = page.locator("section.pw-item").first();
    expect(await item.locator(".pw-item-tasks tbody tr").count()).toBeGreaterThan(0);
    expect(await item.locator(".pw-item-targets a").first().getAttribute("href")).toMatch(/targets\/6-1a\.html$/);
    const [tasksBox, targetsBox] = [
      await item.locator(".pw-item-tasks").boundingBox(),
      await item.locator(".pw-item-targets").boundingBox()
    ];
    expect(targetsBox!.x).toBeGreaterThan(tasksBox!.x + tasksBox!.width - 1); // side by side
    await page.close();
  });

  it.each(["sections/6.html", "offices/jjc.html", "index.html"])(
    "%s: each task names its lead office (牵头) and its partners (配合), each linked to its page",
    async (path) => {
      const {page, problems} = await open(path, 1280);
      const root = path.includes("/") ? "../" : "./";
      const rows = await page.locator("table.pw-table tbody tr:has(td[data-key='partners'])").evaluateAll((trs) =>
        trs.map((tr) => {
          const links = (key: string) =>
            [...tr.querySelectorAll(`td[data-key='${key}'] a[data-office]`)].map((a) => ({
              code: a.getAttribute("data-office"),
              href: a.getAttribute("href"),
              text: a.textContent
            }));
          return {
            id: tr.querySelector("td[data-key='task_id']")?.textContent?.trim() ?? "",
            owner: links("owner"),
            hasOwnerColumn: tr.querySelector("td[data-key='owner']") !== null,
            partners: links("partners"),
            partnersText: tr.querySelector("td[data-key='partners']")?.textContent?.trim() ?? ""
          };
        })
      );
      expect(rows.length, "task rows").toBeGreaterThan(0);
      const byId = new Map(data.tasks.map((t) => [t.task_id, t]));
      const names = new Map(data.offices.map((o) => [o.code, o.name]));
      for (const r of rows) {
        const task = byId.get(r.id)!;
        expect(task, r.id).toBeDefined();
        // an office's own tasks leave its name out (the page is the office's); every other table names it
        if (r.hasOwnerColumn)
          expect(
            r.owner.map((o) => o.code),
            r.id
          ).toEqual([task.owner]);
        expect(
          r.partners.map((o) => o.code),
          r.id
        ).toEqual(task.partners);
        if (!task.partners.length) expect(r.partnersText, r.id).toBe("—");
        for (const o of [...r.owner, ...r.partners]) {
          expect(o.href).toBe(`${root}offices/${o.code}.html`);
          expect(o.text).toBe(names.get(o.code!));
        }
      }
      expect(
        rows.some((r) => r.partners.length > 0),
        "a task with partners"
      ).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    }
  );

  it("the office with the most tasks prints on A4 as a brief of at most two pages", async () => {
    const counts = new Map<string, number>();
    for (const t of data.tasks) counts.set(t.owner, (counts.get(t.owner) ?? 0) + 1);
    const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const {page} = await open(`offices/${busiest}.html`, 1280);
    await page.emulateMedia({media: "print"});
    const pdf = await page.pdf({format: "A4", printBackground: true});
    await mkdir(join(PROJECT_DIR, "test-results"), {recursive: true});
    await writeFile(join(PROJECT_DIR, "test-results", `office-${busiest}.pdf`), pdf);
    const pageCount = (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pageCount).toBeGreaterThan(0);
    expect(pageCount).toBeLessThanOrEqual(2);
    await page.close();
  });
});
