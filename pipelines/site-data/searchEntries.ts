import {readPlanDocument, planSections} from "../plan/index.js";
import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import {projectPaths, siteRoot, readUnits, projectPlanFile, projectTargets, projectTasks} from "../project/index.js";
import {targetSlug} from "../core/index.js";
import {searchText} from "./searchText.js";

/** An entry of Framework's search index (its `search.index` option). */
export interface SearchEntry {
  path: string;
  title: string;
  text: string;
  keywords: string;
}

/**
 * Every page of the site as a search entry whose Chinese text is cut for prefix search
 * ({@link searchText}): the pages of `src/` (title and prose), each target (id, indicator, clause),
 * each unit (name, short name, code), each office (its names and the tasks it leads) and each
 * section of the plan. The pages set `index: false`, so
 * Framework's own index (which cannot split Chinese) adds nothing twice.
 */
export async function searchEntries({projectDir}: {projectDir?: string} = {}): Promise<SearchEntry[]> {
  const paths = projectPaths(projectDir);
  const src = siteRoot(paths.root);
  const [targets, units, plan] = await Promise.all([
    projectTargets({projectDir}),
    readUnits(paths.units, paths.unitOptions),
    projectPlanFile({projectDir})
      .then(readPlanDocument)
      .then((d) => d.text)
  ]);
  const entries: SearchEntry[] = [];
  const add = (path: string, title: string, text: string, keywords = "") =>
    entries.push({path, title, text: searchText(`${title} ${text}`), keywords});
  for (const name of (await readdir(src)).filter((f) => f.endsWith(".md")).sort()) {
    const source = await readFile(join(src, name), "utf8");
    const title = /^title:\s*(.+)$/m.exec(source)?.[1]?.trim() ?? name;
    const prose = source
      .replace(/^---[\s\S]*?---/, "")
      .replace(/```[\s\S]*?```/g, " ")
      .replace(/\$\{[^}]*\}/g, " ")
      .replace(/[#*`>|\-[\]()]/g, " ");
    add(name === "index.md" ? "/" : `/${name.slice(0, -3)}`, title, prose);
  }
  for (const s of planSections(plan))
    add(
      `/sections/${s.section}`,
      s.title,
      targets
        .filter((t) => t.section === s.section)
        .map((t) => t.indicator)
        .join(" ")
    );
  for (const t of targets) add(`/targets/${targetSlug(t.id)}`, `${t.id} ${t.indicator}`, t.text, t.id);
  for (const u of units) add(`/units/${u.code}`, u.name, [u.short_name, ...u.aliases].join(" "), u.code);
  const {offices, tasks} = await projectTasks({projectDir, targets});
  for (const o of offices)
    add(
      `/offices/${o.code}`,
      o.name,
      [o.short_name, ...o.aliases, ...tasks.filter((t) => t.owner === o.code).map((t) => t.text)].join(" "),
      o.code
    );
  return entries;
}
