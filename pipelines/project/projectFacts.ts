import {readPlanDocument, planSections, planYear, planTitle} from "../plan/index.js";
import {relative} from "node:path";
import {PlanwatchError} from "../core/index.js";
import {type ProjectSpec, projectPaths, readProjectSpec} from "./projectFile.js";
import type {Target} from "../targets/index.js";
import {projectPlanFile, projectTargets} from "./projectTargets.js";
import {livelihoodSections} from "./livelihoodSections.js";

/** What the pages say about the plan: the project file's facts, with the defaults read from the plan. */
export interface ProjectFacts {
  /** The plan's title (`某市教育局2024年工作要点`). */
  title: string;
  /** The site's title: the sidebar's head and every page's `<title>`. */
  site_title: string;
  /** The plan's year, or null when neither the project file nor the plan says it. */
  year: number | null;
  /** The plan file, relative to the project. */
  plan_file: string;
  /** The plan's livelihood projects (民生实事): a heading, its sections and their targets; null when it has none. */
  livelihood: {title: string; sections: number[]; target_ids: string[]} | null;
  /** What the pages call the whole the units make up, the row `city` of the gaps (全市, 全省, 全区, 全国). */
  whole: string;
}

/**
 * The whole a plan's title speaks for: the 全省 it names (`2024年全省教育工作要点`), else its issuing
 * body's level: 全国 for a ministry's (国家…, 国务院, …部), else the last level the body names
 * (浙江省杭州市教育局 → 全市; 浙江省教育厅 → 全省; 上城区 → 全区), else 全市.
 */
export function wholeOf(title: string): string {
  const named = /全(省|市|区|县|州|盟|国)/u.exec(title)?.[0];
  if (named) return named;
  const body = /^(.*?)(?:\d{4}|[〇一二三四五六七八九十]{4}|“|《|关于|工作|年度)/u.exec(title)?.[1] ?? title;
  if (/^(?:国家|国务院|中共中央)|^\p{Script=Han}{1,6}部(?!门)/u.test(body)) return "全国";
  const levels = [...body.matchAll(/自治区|自治州|省|州|盟|市|区|县|旗/gu)].map((m) => m[0]);
  const last = levels.at(-1);
  const whole: Record<string, string> = {
    省: "全省",
    自治区: "全区",
    区: "全区",
    旗: "全旗",
    县: "全县",
    州: "全州",
    自治州: "全州",
    盟: "全盟"
  };
  return (last && whole[last]) ?? "全市";
}

/** The default heading of a plan's livelihood projects when the project file names none. */
export const LIVELIHOOD_TITLE = "民生实事";

/**
 * The plan's facts for the site ({@link ProjectFacts}): what the project file sets, else what the
 * plan text says (its title line, its year, the sections whose heading names 民生实事). A livelihood
 * section the plan does not have is `PlanwatchError` `invalid_project`. Options:
 * `projectDir` (default: the project folder); `targets` (default: the project's, read).
 */
export async function projectFacts({
  projectDir,
  targets
}: {projectDir?: string; targets?: Target[]} = {}): Promise<ProjectFacts> {
  const paths = projectPaths(projectDir);
  const spec = readProjectSpec(paths.root);
  const plan = await projectPlanFile({projectDir: paths.root});
  const text = (await readPlanDocument(plan)).text;
  const title = spec.title ?? planTitle(text);
  if (!title) throw new PlanwatchError("invalid_plan", `${plan}: 规划文本为空,无法读出标题`);
  const own = targets ?? (await projectTargets({projectDir: paths.root}));
  let livelihood: ProjectFacts["livelihood"] = null;
  if (spec.livelihood !== false) {
    const planned = planSections(text);
    const sections = spec.livelihood?.sections ?? livelihoodSections(planned);
    const missing = sections.filter((s) => !planned.some((p) => p.section === s));
    if (missing.length)
      throw new PlanwatchError(
        "invalid_project",
        `${paths.file}: 字段 "livelihood" 的 sections 中的第 ${missing.join("、")} 部分在规划中不存在` +
          `(规划的部分:${planned.map((p) => p.section).join("、") || "无"})`
      );
    if (sections.length) {
      const ids = own.filter((t) => sections.includes(t.section)).map((t) => t.id);
      livelihood = {title: spec.livelihood?.title ?? LIVELIHOOD_TITLE, sections, target_ids: ids};
    }
  }
  return {
    title,
    site_title: spec.site_title ?? `${title} · 监测`,
    year: spec.year !== undefined ? spec.year : yearOf(text),
    plan_file: relative(paths.root, plan),
    livelihood,
    whole: projectWholeOf(spec, title)
  };
}

/**
 * What the project calls its whole (the gaps' `city` row), as {@link projectFacts} says it, for the
 * command line's tables: the project file's `whole`, else {@link wholeOf} the plan's title. Reads the
 * plan only when the project file names neither the whole nor the title.
 */
export async function projectWhole({projectDir}: {projectDir?: string} = {}): Promise<string> {
  const paths = projectPaths(projectDir);
  const spec = readProjectSpec(paths.root);
  if (spec.whole) return projectWholeOf(spec, "");
  const title = spec.title ?? planTitle((await readPlanDocument(await projectPlanFile({projectDir: paths.root}))).text);
  return projectWholeOf(spec, title ?? "");
}

/** The project file's `whole`, else {@link wholeOf} the plan's title: the one rule both readers above use. */
function projectWholeOf(spec: ProjectSpec, title: string): string {
  return spec.whole?.trim() ?? wholeOf(title);
}

function yearOf(text: string): number | null {
  try {
    return planYear(text);
  } catch {
    return null;
  }
}
