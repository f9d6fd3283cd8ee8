import {readPlanDocument} from "../plan/index.js";
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {basename, dirname, join, relative, resolve} from "node:path";
import {
  DEV_CONTEXT,
  type ProjectPage,
  projectPaths,
  siteRoot,
  frameworkRoot,
  projectPlanFile,
  projectTargets,
  type Unit,
  readUnits,
  type ProjectFacts,
  projectFacts
} from "../project/index.js";
import {PlanwatchError, monthInWords, targetSlug, tsxLoader} from "../core/index.js";
import type {Target} from "../targets/index.js";
import {type PlanSection, planSections} from "../plan/index.js";
import {type SearchEntry, searchEntries} from "./searchEntries.js";
import {inputSnapshot} from "./snapshot.js";
import {unitsSidebar} from "./unitsSidebar.js";
import {SEARCH_LABELS_SCRIPT} from "./searchLabels.js";
import {pageTitles, titlePlugin} from "./pageTitles.js";
import {type Office, projectOffices} from "../tasks/index.js";

/** Everything one build's site configuration is made of: read by {@link siteContext}, for one build. */
export interface SiteContext {
  /**
   * Framework's root (absolute): the project's `src/`, else its own `.planwatch/site/` linking the toolkit's pages
   * (`frameworkRoot`), which the build or `dev` links before Framework starts (`linkSiteRoot`).
   */
  root: string;
  facts: ProjectFacts;
  sections: PlanSection[];
  units: Unit[];
  /** The offices that own the plan's tasks (the project's offices table; none when it has none). */
  offices: Office[];
  targets: Target[];
  /** The data's as-of month, shown in the footer (null: no data yet). */
  asOf: string | null;
  /** The input snapshot hash, shown in the footer. */
  snapshot: string;
  /** The search index's entries ({@link searchEntries}). */
  search: SearchEntry[];
  /** The analyst's own pages in the sidebar (the project file's `pages`), each checked to exist. */
  pages: ProjectPage[];
}

/**
 * The context of one build of a project's site: its plan's facts, sections, units and targets, the
 * data's as-of month and the input snapshot, read now (never cached: a second build in the same
 * process reads them again). Options: `projectDir`, `dataDir` (default: `<project>/data`).
 */
export async function siteContext({projectDir, dataDir}: {projectDir: string; dataDir?: string}): Promise<SiteContext> {
  const paths = projectPaths(projectDir);
  const data = dataDir ? resolve(dataDir) : join(paths.root, "data");
  const [targets, units, offices, text, {snapshot, as_of}] = await Promise.all([
    projectTargets({projectDir: paths.root}),
    readUnits(paths.units, paths.unitOptions),
    projectOffices(paths.offices),
    projectPlanFile({projectDir: paths.root})
      .then(readPlanDocument)
      .then((d) => d.text),
    inputSnapshot({projectDir: paths.root, dataDir: data})
  ]);
  const [facts, search] = await Promise.all([
    projectFacts({projectDir: paths.root, targets}),
    searchEntries({projectDir: paths.root})
  ]);
  const indexedByFramework = checkPages(paths.pages, siteRoot(paths.root), paths.file);
  return {
    root: frameworkRoot(paths.root),
    pages: paths.pages,
    facts,
    sections: planSections(text),
    units,
    offices,
    targets,
    asOf: as_of,
    snapshot,
    // Framework indexes a page of the sidebar itself unless it says `index: false`: one entry per page.
    search: search.filter((entry) => !indexedByFramework.has(entry.path))
  };
}

/**
 * The most pages a build makes. Framework parses, keeps in memory and renders every page in one process: a plan
 * of 10,000 targets ran past 400 s at 3 GB. Past this a build stops before it starts ({@link checkPageCount}).
 */
export const MAX_PAGES = 5000;

/**
 * Refuses, before anything is built, a site of more than `maxPages` pages (default {@link MAX_PAGES}): one page
 * per section, unit, office and target. Throws `PlanwatchError` `too_many_pages`, naming the count, what makes
 * it, and the limit.
 */
export function checkPageCount(
  {sections, units, offices, targets}: Pick<SiteContext, "sections" | "units" | "offices" | "targets">,
  {maxPages = MAX_PAGES}: {maxPages?: number} = {}
): void {
  const count = sections.length + units.length + offices.length + targets.length;
  if (count <= maxPages) return;
  throw new PlanwatchError(
    "too_many_pages",
    `站点将有 ${count} 个页面(指标 ${targets.length}、单位 ${units.length}、处室 ${offices.length}、部分 ${sections.length} 个各一页),` +
      `超过上限 ${maxPages}:Framework 逐页构建并把所有页面留在内存中,页数过多时构建要运行数十分钟、占用数 GB 内存。` +
      `未构建任何内容;请拆分规划或单位名单后分别构建。`
  );
}

/**
 * The site's Observable Framework configuration for one build, made from its context alone: the
 * title, sidebar (the livelihood page when the plan has such a list, one page per section and per
 * unit, nested by the unit tree ({@link unitsSidebar}), and per office when the project names its
 * offices), dynamic pages and footer (the plan's title, the data's as-of month and the input
 * snapshot, never a build time) all come from the project, so two builds in one process each
 * publish their own.
 * Offline by design: no remote stylesheet (the default theme links a font service).
 */
export function siteConfig({
  root,
  facts,
  sections,
  units,
  offices,
  targets,
  asOf,
  snapshot,
  search,
  pages
}: SiteContext) {
  return {
    root,
    output: "dist",
    title: facts.site_title,
    style: "style.css",
    globalStylesheets: [],
    head: `<link rel="icon" href="data:,"><meta name="format-detection" content="telephone=no">${SEARCH_LABELS_SCRIPT}`,
    footer: `planwatch · 目标来源:《${escapeHtml(facts.title)}》 · 数据截至 ${escapeHtml(asOf ? monthInWords(asOf) : "—")} · 输入快照 <code>${escapeHtml(snapshot ?? "—")}</code>`,
    // Links end in .html, so any static file server (an intranet's nginx, a file share) serves the site.
    preserveExtension: true,
    pager: false,
    toc: false,
    pages: [
      ...(facts.livelihood ? [{name: facts.livelihood.title, path: "/livelihood"}] : []),
      {
        name: "分项工作",
        open: false,
        pages: sections.map((s) => ({name: s.title.split(",")[0]!, path: `/sections/${s.section}`}))
      },
      // Every page carries the sidebar: past SIDEBAR_UNITS units it lists fewer (unitsSidebar); a unit tree nests
      // each unit's children under it.
      ...unitsSidebar(units),
      ...(offices.length
        ? [{name: "各处室任务", open: false, pages: offices.map((o) => ({name: o.name, path: `/offices/${o.code}`}))}]
        : []),
      ...pages,
      {name: "数据质量", path: "/quality"},
      {name: "方法", path: "/method"},
      {name: "分析指南", path: "/guide"},
      {name: "规划原文", path: "/plan"}
    ],
    dynamicPaths: [
      ...sections.map((s) => `/sections/${s.section}`),
      ...units.map((u) => `/units/${u.code}`),
      ...offices.map((o) => `/offices/${o.code}`),
      ...targets.map((t) => `/targets/${targetSlug(t.id)}`)
    ],
    // Framework's own index cannot split Chinese: every page sets index: false and is indexed here.
    search: {
      index: async function* () {
        yield* search;
      }
    },
    // No DuckDB extension: Framework would download json and parquet from extensions.duckdb.org at each build.
    duckdb: {extensions: {json: null, parquet: null}},
    // Each unit, office, section and target page its own <title> (the pages' front matter has none).
    markdownIt: titlePlugin(pageTitles({sections, units, offices, targets})),
    // Loaders run with the project folder as working directory; tsx comes from the toolkit's node_modules.
    interpreters: {".ts": [process.execPath, "--import", tsxLoader()]}
  };
}

/**
 * The configuration `observablehq.config.ts` exports for Framework's preview (`npm run dev`): the
 * data folder `planwatch dev` wrote into `.planwatch/dev.json`, else the ingested sample, else
 * `data/`. Builds never read it: `planwatch build` passes {@link siteConfig} to Framework directly.
 */
export async function devSiteConfig({projectDir}: {projectDir: string}) {
  const file = join(projectDir, DEV_CONTEXT);
  const sample = join(projectDir, ".planwatch", "sample-data");
  const dataDir = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as {dataDir: string}).dataDir
    : existsSync(sample)
      ? sample
      : join(projectDir, "data");
  return siteConfig(await siteContext({projectDir, dataDir}));
}

/**
 * Checks that each page the project file adds to the sidebar is a page of the site: `src/<path>.md`,
 * or a page loader (`src/<path>.md.js` and the like). Throws `PlanwatchError` `invalid_project`.
 * Returns the paths of those Framework indexes itself (a listed page whose front matter does not say
 * `index: false`).
 */
function checkPages(pages: ProjectPage[], root: string, file: string | null): Set<string> {
  const indexed = new Set<string>();
  for (const page of pages.flatMap((p) => ("pages" in p ? p.pages : [p]))) {
    const md = join(root, `${page.path.slice(1)}.md`);
    const dir = dirname(md);
    const loader = existsSync(dir) && readdirSync(dir).some((f) => f.startsWith(`${basename(md)}.`));
    if (!existsSync(md) && !loader)
      throw new PlanwatchError(
        "invalid_project",
        `${file}: 字段 "pages" 中的页面 "${page.name}" 找不到:应有 ${relative(dirname(root), md)}`
      );
    const front = existsSync(md) ? (/^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(md, "utf8"))?.[1] ?? "") : "";
    if (!/^index:\s*false\s*$/m.test(front)) indexed.add(page.path);
  }
  return indexed;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
