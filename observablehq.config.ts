// Observable Framework configuration for the planwatch site.
// Offline by design: no remote stylesheets (the default theme links a font service) and no build
// timestamp in the footer (it shows the data's as-of month and the input snapshot instead), so
// identical inputs build identical pages.
import {readFile} from "node:fs/promises";
import {fileURLToPath} from "node:url";
import {searchEntries} from "./pipelines/report/searchEntries.js";
import {readUnits} from "./pipelines/submissions/units.js";
import {targetSlug} from "./src/components/slug.js";
import {SEARCH_LABELS_SCRIPT} from "./src/components/searchLabels.js";
import {planSections} from "./pipelines/targets/planSections.js";
import {projectPlanFile, projectTargets} from "./pipelines/targets/projectTargets.js";

const projectDir = fileURLToPath(new URL(".", import.meta.url));
const units = await readUnits(`${projectDir}/seeds/units.csv`);
const targets = await projectTargets({projectDir});
const sections = planSections(await readFile(await projectPlanFile({projectDir}), "utf8"));
const asOf = process.env.PLANWATCH_AS_OF;
const snapshot = process.env.PLANWATCH_SNAPSHOT;

export default {
  // Absolute, so that a build run from any working directory finds the pages.
  root: fileURLToPath(new URL("src", import.meta.url)),
  output: "dist",
  title: "杭州教育工作要点监测",
  style: "style.css",
  globalStylesheets: [],
  head: `<link rel="icon" href="data:,"><meta name="format-detection" content="telephone=no">${SEARCH_LABELS_SCRIPT}`,
  footer: `planwatch · 目标来源:《杭州市教育局2023年工作要点》 · 数据截至 ${asOf ?? "—"} · 输入快照 <code>${snapshot ?? "—"}</code>`,
  // Links end in .html, so any static file server (an intranet's nginx, a file share) serves the site.
  preserveExtension: true,
  pager: false,
  toc: false,
  pages: [
    {name: "十件民生实事", path: "/livelihood"},
    {name: "分项工作", open: false, pages: sections.map((s) => ({name: s.title.split(",")[0]!, path: `/sections/${s.section}`}))},
    {name: "各区县(市)与直属单位", open: false, pages: units.map((u) => ({name: u.name, path: `/units/${u.code}`}))},
    {name: "数据质量", path: "/quality"},
    {name: "方法", path: "/method"},
    {name: "分析指南", path: "/guide"},
    {name: "规划原文", path: "/plan"}
  ],
  dynamicPaths: [...sections.map((s) => `/sections/${s.section}`), ...units.map((u) => `/units/${u.code}`), ...targets.map((t) => `/targets/${targetSlug(t.id)}`)],
  // Framework's own index cannot split Chinese: every page sets index: false and is indexed here.
  search: {index: async function* () {
    yield* await searchEntries({projectDir});
  }},
  // Loaders run with the project folder as working directory; tsx comes from node_modules.
  interpreters: {".ts": ["node", "--import", "tsx"]}
};
