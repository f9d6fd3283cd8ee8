import {existsSync, readdirSync} from "node:fs";
import {join, resolve} from "node:path";
import {PlanwatchError, decodeText, packageRoot, readInputFile} from "../core/index.js";
import {jsonProblem} from "./jsonProblem.js";
import {UNIT_KIND_PATTERN, type UnitOptions, unitCodeRule} from "./units.js";

/** The project file: the plan and the tables a project is made of, at the project's root. */
export const PROJECT_FILE = "planwatch.config.json";

/** Where `planwatch dev` tells the preview server's configuration which data folder it shows. */
export const DEV_CONTEXT = join(".planwatch", "dev.json");

/**
 * A project file as written: every field optional, paths relative to the project folder.
 * `plan` (default: the one `.txt` in `seeds/`), `title` (default: the plan's own title line),
 * `site_title` (default: `<title> · 监测`), `year` (default: read from the plan), `livelihood`
 * (`{title, sections}`; default: the sections whose heading names 民生实事 or the like; `false`: none),
 * `units` (`seeds/units.csv`), `curation` (`seeds/targets.curation.csv`), `allocations`
 * (`seeds/allocations.csv`), `headers` (`seeds/headers.csv`, else the toolkit's), `offices`
 * (`seeds/offices.csv`) and `responsibilities` (`seeds/responsibilities.csv`): who owns each task;
 * `pages`, an analyst's own pages in the site's sidebar, in Framework's shape (default: none);
 * `unit_kinds`: the project's own kinds of unit beyond city, district, county and bureau (`["province", "town"]`);
 * `unit_code_pattern`: the pattern the units' codes follow (a regular expression the whole code matches,
 * `"\\d{10}"` for schools' 10-digit codes; default: 6-digit administrative codes, 9 or 12 below a county);
 * `whole`: what the pages call the whole the units make up (`全省`; default: read from the plan's title).
 */
export interface ProjectSpec {
  plan?: string;
  title?: string;
  site_title?: string;
  year?: number | null;
  livelihood?: {title?: string; sections?: number[]} | false;
  units?: string;
  curation?: string;
  allocations?: string;
  headers?: string;
  offices?: string;
  responsibilities?: string;
  pages?: ProjectPage[];
  unit_kinds?: string[];
  unit_code_pattern?: string;
  whole?: string;
}

/** A page the sidebar links to (`path`: its path in the site, `/analysis` for `src/analysis.md`). */
export interface ProjectPageLink {
  name: string;
  path: string;
}

/** A page, or a section of pages (Framework's `{name, open, collapsible, pages}`), in the sidebar. */
export type ProjectPage =
  ProjectPageLink | {name: string; open?: boolean; collapsible?: boolean; pages: ProjectPageLink[]};

const PAGE_SHAPE = '{"name": "页面名", "path": "/页面路径"}';

/** Why a page link is wrong (null: it is right). */
function pageLinkProblem(v: unknown): string | null {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return `应为 ${PAGE_SHAPE}`;
  const {name, path, ...rest} = v as Record<string, unknown>;
  const extra = Object.keys(rest).find((k) => k !== "pager");
  if (extra !== undefined) return `未知字段 "${extra}"(可用字段:name、path)`;
  if (typeof name !== "string" || name.trim() === "") return `缺少 "name"(侧栏中显示的名称),应为 ${PAGE_SHAPE}`;
  if (
    typeof path !== "string" ||
    !/^\/[^\s?#]*[^\s?#/.]$/.test(path) ||
    path.split("/").includes("..") ||
    /\.(md|html)$/.test(path)
  )
    return `"path" 应为站内路径,以 / 开头、不带扩展名,如 "/analysis" 对应 src/analysis.md`;
  return null;
}

/** Why the `pages` field is wrong (null: it is right): each entry a page link or a section of them. */
function pagesProblem(v: unknown): string | null {
  if (!Array.isArray(v)) return `应为页面的列表,如 [${PAGE_SHAPE}]`;
  for (const [n, entry] of v.entries()) {
    const at = `第 ${n + 1} 项`;
    if (typeof entry === "object" && entry !== null && "pages" in entry) {
      const {name, pages, open, collapsible, ...rest} = entry as Record<string, unknown>;
      const extra = Object.keys(rest)[0];
      if (extra !== undefined) return `${at}: 未知字段 "${extra}"(可用字段:name、pages、open、collapsible)`;
      if (typeof name !== "string" || name.trim() === "") return `${at}: 缺少 "name"(侧栏中分组的名称)`;
      if (
        (open !== undefined && typeof open !== "boolean") ||
        (collapsible !== undefined && typeof collapsible !== "boolean")
      )
        return `${at}: "open" 和 "collapsible" 应为 true 或 false`;
      if (!Array.isArray(pages) || pages.length === 0) return `${at}: "pages" 应为非空的页面列表`;
      for (const [m, page] of pages.entries()) {
        const problem = pageLinkProblem(page);
        if (problem) return `${at}的第 ${m + 1} 个页面: ${problem}`;
      }
    } else {
      const problem = pageLinkProblem(entry);
      if (problem) return `${at}: ${problem}`;
    }
  }
  return null;
}

/** Why a `unit_code_pattern` is wrong (null: it is right). */
function codePatternProblem(pattern: string): string | null {
  try {
    unitCodeRule(pattern);
    return null;
  } catch (error) {
    if (error instanceof PlanwatchError) return error.message;
    throw error;
  }
}

/** Each field's check: true when right, false or the problem (a Chinese phrase) when wrong. */
const FIELDS: Record<keyof ProjectSpec, (v: unknown) => boolean | string> = {
  plan: (v) => typeof v === "string" && v !== "",
  title: (v) => typeof v === "string" && v.trim() !== "",
  site_title: (v) => typeof v === "string" && v.trim() !== "",
  year: (v) => v === null || (Number.isInteger(v) && (v as number) >= 1900 && (v as number) <= 2999),
  livelihood: (v) =>
    v === false ||
    (typeof v === "object" &&
      v !== null &&
      !Array.isArray(v) &&
      Object.entries(v).every(([k, x]) =>
        k === "title"
          ? typeof x === "string" && x.trim() !== ""
          : k === "sections"
            ? Array.isArray(x) && x.every((s) => Number.isInteger(s) && s > 0)
            : false
      )),
  units: (v) => typeof v === "string" && v !== "",
  curation: (v) => typeof v === "string" && v !== "",
  allocations: (v) => typeof v === "string" && v !== "",
  headers: (v) => typeof v === "string" && v !== "",
  offices: (v) => typeof v === "string" && v !== "",
  responsibilities: (v) => typeof v === "string" && v !== "",
  pages: (v) => pagesProblem(v) ?? true,
  unit_kinds: (v) => Array.isArray(v) && v.every((k) => typeof k === "string" && UNIT_KIND_PATTERN.test(k)),
  unit_code_pattern: (v) => (typeof v === "string" ? (codePatternProblem(v) ?? true) : false),
  whole: (v) => (typeof v === "string" && /^\p{Script=Han}{2,8}$/u.test(v.trim())) || "应为 2 至 8 个汉字,如“全省”"
};

/**
 * Reads and checks the project file of `root` (`{}` when there is none), through the project's
 * checked reader ({@link readInputFile}: a regular file within the size limit). Throws
 * `PlanwatchError` `invalid_project` naming the file and the field that is wrong.
 */
export function readProjectSpec(root: string): ProjectSpec {
  const file = join(root, PROJECT_FILE);
  if (!existsSync(file)) return {};
  const bytes = readInputFile(file);
  const text = decodeText(bytes).text;
  const problem = jsonProblem(text);
  if (problem) throw new PlanwatchError("invalid_project", `${file}: 不是有效的 JSON,${problem}`);
  const spec: unknown = JSON.parse(text);
  if (typeof spec !== "object" || spec === null || Array.isArray(spec))
    throw new PlanwatchError("invalid_project", `${file}: 应为一个 JSON 对象`);
  for (const [key, value] of Object.entries(spec)) {
    if (key.startsWith("//") || key === "$comment") continue;
    // Own fields only: "__proto__" or "constructor" is an unknown field, not Object.prototype's.
    const check = Object.hasOwn(FIELDS, key) ? FIELDS[key as keyof ProjectSpec] : undefined;
    if (!check)
      throw new PlanwatchError(
        "invalid_project",
        `${file}: 未知字段 "${key}"(可用字段:${Object.keys(FIELDS).join("、")})`
      );
    const verdict = check(value);
    if (typeof verdict === "string")
      throw new PlanwatchError("invalid_project", `${file}: 字段 "${key}" 无效:${verdict}`);
    if (!verdict)
      throw new PlanwatchError("invalid_project", `${file}: 字段 "${key}" 的值无效:${JSON.stringify(value)}`);
  }
  return spec as ProjectSpec;
}

/**
 * Where a planwatch project keeps its inputs, given its folder (default: `PLANWATCH_PROJECT`, read
 * at the call, else the current directory): the paths its project file names, or the defaults.
 * `plan` is null when the project file names none and `seeds/` holds no single `.txt`.
 */
export function projectPaths(projectDir: string = process.env.PLANWATCH_PROJECT ?? process.cwd()) {
  const root = resolve(projectDir);
  const spec = readProjectSpec(root);
  const seeds = join(root, "seeds");
  const at = (path: string | undefined, fallback: string) => (path ? resolve(root, path) : fallback);
  const ownHeaders = join(seeds, "headers.csv");
  return {
    root,
    /** The project file, or null when the project has none (every default applies). */
    file: existsSync(join(root, PROJECT_FILE)) ? join(root, PROJECT_FILE) : null,
    seeds,
    plan: spec.plan ? resolve(root, spec.plan) : soleText(seeds),
    units: at(spec.units, join(seeds, "units.csv")),
    curation: at(spec.curation, join(seeds, "targets.curation.csv")),
    allocations: at(spec.allocations, join(seeds, "allocations.csv")),
    headers: at(spec.headers, existsSync(ownHeaders) ? ownHeaders : join(packageRoot(), "seeds", "headers.csv")),
    offices: at(spec.offices, join(seeds, "offices.csv")),
    responsibilities: at(spec.responsibilities, join(seeds, "responsibilities.csv")),
    /** The analyst's own pages for the sidebar (the project file's `pages`; none by default). */
    pages: spec.pages ?? [],
    /** How the units table is read: the kinds the project adds (`unit_kinds`), its codes' pattern (`unit_code_pattern`). */
    unitOptions: {kinds: spec.unit_kinds ?? [], codePattern: spec.unit_code_pattern} satisfies UnitOptions,
    /** The plan's year when the project file sets it. */
    year: spec.year ?? undefined,
    /** The ingested data the site is built from: `PLANWATCH_DATA`, else `<project>/data`. */
    data: process.env.PLANWATCH_DATA ? resolve(process.env.PLANWATCH_DATA) : join(root, "data"),
    sample: join(root, "data", "sample")
  };
}

function soleText(seeds: string): string | null {
  if (!existsSync(seeds)) return null;
  const texts = readdirSync(seeds).filter((f) => f.endsWith(".txt"));
  return texts.length === 1 ? join(seeds, texts[0]!) : null;
}

/**
 * The Framework root the project's site is built from: the project's own `src/` when it has one (the
 * toolkit's checkout, or a project that keeps its own pages), else the toolkit's.
 */
export function siteRoot(projectDir: string): string {
  const own = join(resolve(projectDir), "src");
  return existsSync(own) ? own : join(packageRoot(), "src");
}

/**
 * The folder Framework builds and serves the project's site from: the project's own `src/` when it has one, else
 * `.planwatch/site/` of its own, which links each entry of the toolkit's `src/` ({@link siteRoot}; `linkSiteRoot` in
 * `pipelines/run` makes the links) and holds the project's own Framework cache (`.observablehq/cache`), so two
 * projects sharing one installation never share loader outputs, even when they build or serve at the same moment.
 */
export function frameworkRoot(projectDir: string): string {
  const own = join(resolve(projectDir), "src");
  return existsSync(own) ? own : join(resolve(projectDir), ".planwatch", "site");
}

/** Framework's cache of the project's site, where loader outputs and the seeded npm packages are. */
export function frameworkCache(projectDir: string): string {
  return join(frameworkRoot(projectDir), ".observablehq", "cache");
}
