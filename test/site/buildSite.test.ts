import {mkdir, mkdtemp, readFile, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, inject, it} from "vitest";
import {copyProject, runPlanwatch} from "../helpers/cli.js";
import {hashTree, listTree} from "../helpers/files.js";

const siteDir = inject("siteDir");

describe("planwatch build (the bundled sample)", () => {
  it("writes every page, the loaders' data files and the bundled chart library", async () => {
    const files = await listTree(siteDir);
    for (const page of [
      "index.html",
      "livelihood.html",
      "quality.html",
      "method.html",
      "guide.html",
      "plan.html",
      "sections/6.html",
      "units/330106.html",
      "targets/6-1b.html"
    ]) {
      expect(files).toContain(page);
    }
    expect(files.filter((f) => f.startsWith("targets/"))).toHaveLength(33);
    expect(files.filter((f) => f.startsWith("units/"))).toHaveLength(14);
    // history.json is for analysts' pages: the site's pages read the slices made from it
    for (const data of ["gaps", "quality", "targets", "plan", "city", "overview", "units/330106", "targets/6-1b"]) {
      expect(
        files.some((f) => new RegExp(`^_file/data/${data}\\.[0-9a-f]+\\.json$`).test(f)),
        data
      ).toBe(true);
    }
    expect(files.some((f) => /^_npm\/vega-embed@7\.3\.0\/[0-9a-f]+\.js$/.test(f))).toBe(true);
    const gaps = JSON.parse(
      await readFile(
        join(
          siteDir,
          files.find((f) => f.startsWith("_file/data/gaps."))!
        ),
        "utf8"
      )
    );
    expect(gaps.as_of).toBe("2023-11");
    expect(gaps.rows.filter((r: {unit_code: string}) => r.unit_code === "city")).toHaveLength(33);
  });

  it("gives each unit, office, section and target page its own <title>", async () => {
    const files = (await listTree(siteDir)).filter((f) => /^(units|offices|sections|targets)\/[^/]+\.html$/.test(f));
    const titles = await Promise.all(
      files.map(async (f) => /<title>([^<]*)<\/title>/.exec(await readFile(join(siteDir, f), "utf8"))?.[1])
    );
    expect(files.length).toBeGreaterThan(60);
    expect(new Set(titles).size).toBe(files.length);
    const title = (f: string) => titles[files.indexOf(f)];
    expect(title("units/330106.html")).toBe("西湖区 | 杭州教育工作要点监测");
    expect(title("offices/xjc.html")).toBe("宣传教育处 | 杭州教育工作要点监测");
    expect(title("targets/6-1b.html")).toBe("6.1b 新增学位 | 杭州教育工作要点监测");
    expect(title("sections/6.html")).toMatch(/^六、.+ \| 杭州教育工作要点监测$/);
  });

  it("the overview loads at most 400 KB of JavaScript, gzipped", async () => {
    const {gzipSync} = await import("node:zlib");
    const html = await readFile(join(siteDir, "index.html"), "utf8");
    const scripts = new Set([...html.matchAll(/(?:src|href)="\.\/([^"]+\.js)"/g)].map((m) => m[1]!));
    let bytes = 0;
    for (const s of scripts) bytes += gzipSync(await readFile(join(siteDir, s))).length;
    expect(scripts.size).toBeGreaterThan(5);
    expect(bytes).toBeLessThanOrEqual(400 * 1024);
  });

  it("refers to no CDN and loads no remote script, stylesheet or module", async () => {
    const offenders: string[] = [];
    for (const file of await listTree(siteDir)) {
      if (!/\.(html|js|css|json)$/.test(file)) continue;
      const text = await readFile(join(siteDir, file), "utf8");
      if (text.includes("cdn.jsdelivr.net")) offenders.push(`${file}: cdn.jsdelivr.net`);
      for (const m of text.matchAll(/\b(?:src|href)\s*=\s*["']?(https?:)?\/\/[^"'\s>]+/g))
        offenders.push(`${file}: ${m[0]}`);
      for (const m of text.matchAll(/\bimport\s*(?:[\w{}*,\s]+from\s*)?\(?\s*["'](https?:)?\/\/[^"']+/g))
        offenders.push(`${file}: ${m[0]}`);
      for (const m of text.matchAll(/@import\s+url\(\s*["']?(https?:)?\/\//g)) offenders.push(`${file}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });

  it("shows the data's as-of month and the input snapshot in the footer, not a build time", async () => {
    const html = await readFile(join(siteDir, "index.html"), "utf8");
    expect(html).not.toMatch(/Built with|on <a title="\d{4}-\d\d-\d\d/);
    expect(html).toMatch(/数据截至 2023年11月 · 输入快照 <code>[0-9a-f]{12}<\/code>/);
  });

  describe("a second build of the same inputs", () => {
    let tmp = "";
    afterAll(() => rm(tmp, {recursive: true, force: true}));

    it("is byte for byte identical, data files included", async () => {
      tmp = await mkdtemp(join(tmpdir(), "planwatch-rebuild-"));
      const again = join(tmp, "site");
      const {code, stderr} = await runPlanwatch(["build", "--sample", "--output", again]);
      expect(code, stderr).toBe(0);
      const [first, second] = [await hashTree(siteDir), await hashTree(again)];
      expect([...second.keys()]).toEqual([...first.keys()]);
      // The manifest differs in its timings (and which stages ran: the second build finds them fresh).
      first.delete("planwatch-manifest.json");
      second.delete("planwatch-manifest.json");
      expect(Object.fromEntries(second)).toEqual(Object.fromEntries(first));
      const manifest = async (dir: string) => {
        const m = JSON.parse(await readFile(join(dir, "planwatch-manifest.json"), "utf8"));
        return {
          ...m,
          built_at: null,
          duration_ms: null,
          stages: m.stages.map((s: {name: string; fingerprint: string; output_hash: string}) => [
            s.name,
            s.fingerprint,
            s.output_hash
          ])
        };
      };
      expect(await manifest(again)).toEqual(await manifest(siteDir));
    });
  });

  it("fails with a one-line reason and leaves the published folder as it was when a page is broken", async () => {
    const tmp = await mkdtemp(join(tmpdir(), "planwatch-fail-"));
    try {
      const project = await copyProject(join(tmp, "project"));
      await writeFile(join(project, "src", "data", "broken.json.ts"), 'throw new Error("boom");\n');
      await writeFile(
        join(project, "src", "broken.md"),
        '# 坏页\n\n```js\nFileAttachment("data/broken.json").json()\n```\n'
      );
      // The last good site, published as planwatch publishes: `site` links to a build in `.site.builds/`.
      const site = join(tmp, "site");
      const previous = join(tmp, ".site.builds", "build-old");
      await mkdir(previous, {recursive: true});
      await writeFile(join(previous, "index.html"), "the last good site");
      await symlink(previous, site);
      const {code, stderr} = await runPlanwatch(["build", "--sample", "--output", site], {cwd: project});
      expect(code).toBe(1);
      expect(stderr).toMatch(/^planwatch: build_failed: .*broken/m);
      expect(await listTree(site)).toEqual(["index.html"]);
      expect(await readFile(join(site, "index.html"), "utf8")).toBe("the last good site");
    } finally {
      await rm(tmp, {recursive: true, force: true});
    }
  });
});
