import {PlanwatchError, readInputCsv, monthIndex, monthOf, foldKey, nearest} from "../core/index.js";
import {projectPaths, projectTargets} from "../project/index.js";
import type {Target} from "../targets/index.js";
import type {ProgressCatalog} from "./validateProgress.js";
import {type Unit, readUnits} from "../project/index.js";

/** The columns a submission may have, by their canonical (English) names. */
export const COLUMNS = [
  "unit",
  "period",
  "target_id",
  "indicator",
  "value",
  "numerator",
  "denominator",
  "basis",
  "note",
  "school_id"
] as const;
export type Column = (typeof COLUMNS)[number];

/**
 * What a target needs to be checked: its id, name, unit and how it aggregates, and the months it spans (where known).
 */
export type TargetRef = Pick<Target, "id" | "indicator" | "unit" | "kind" | "aggregation"> & {
  start?: string | null;
  deadline?: string | null;
};

/** The months a plan spans, `YYYY-MM` and as month indexes (lib/month.ts), both ends included. */
export interface PlanSpan {
  start: string;
  end: string;
  from: number;
  to: number;
}

/**
 * The plan's span: from its targets' earliest start through their latest deadline (each a month;
 * a target without a valid one is left out), or null when no target says (a plan of unknown year).
 */
export function planSpan(targets: readonly TargetRef[]): PlanSpan | null {
  const starts = targets.map((t) => monthIndex(t.start ?? "")).filter((i) => i === i);
  const ends = targets.map((t) => monthIndex(t.deadline ?? "")).filter((i) => i === i);
  if (!starts.length || !ends.length) return null;
  const [from, to] = [Math.min(...starts), Math.max(...ends)];
  return from <= to ? {start: monthOf(from), end: monthOf(to), from, to} : null;
}

/** The reference data a submission is read against: units, targets and header aliases. */
export interface Catalog {
  units: readonly Unit[];
  targets: readonly TargetRef[];
  /** The months the plan spans ({@link planSpan}): a row's month outside them is refused; null: not known. */
  span: PlanSpan | null;
  /** The header aliases it was made with (to make the same catalog in a worker thread). */
  aliases: ReadonlyMap<Column, readonly string[]>;
  /** Finds a unit by name, short name, code or alias. */
  unit(text: string): Unit | undefined;
  /** Finds a target by id (`6.1b`), indicator name (`新增学位`), or both (`6.1b 新增学位`, `新增学位(个)`). */
  target(text: string): TargetRef | undefined;
  /** The nearest target id or indicator name, for a "did you mean" hint. */
  suggestTarget(text: string): string | undefined;
  /** The canonical column a header names, if any. */
  column(header: string): Column | undefined;
  /**
   * The plan's tasks and who may report on them, for progress reports (none: progress files are not
   * recognized): read when the first progress report is met, so that checking numbers never pays
   * for reading the plan's tasks.
   */
  progress?: () => Promise<ProgressCatalog>;
}

/** Builds a {@link Catalog}. `aliases` maps each column to the headers that name it. */
export function makeCatalog({
  units,
  targets,
  aliases
}: {
  units: readonly Unit[];
  targets: readonly TargetRef[];
  aliases: ReadonlyMap<Column, readonly string[]>;
}): Catalog {
  const unitKeys = new Map<string, Unit>();
  for (const u of units)
    for (const key of [u.code, u.name, u.short_name, ...u.aliases]) if (key) unitKeys.set(foldKey(key), u);
  const targetKeys = new Map<string, TargetRef>();
  for (const t of targets) {
    targetKeys.set(foldKey(t.id), t);
    if (!targetKeys.has(foldKey(t.indicator))) targetKeys.set(foldKey(t.indicator), t);
  }
  const ids = [...targets].map((t) => t.id).sort((a, b) => b.length - a.length);
  const columnKeys = new Map<string, Column>();
  for (const [column, names] of aliases) for (const name of [column, ...names]) columnKeys.set(foldKey(name), column);
  const names = [...targetKeys.keys()];
  return {
    units,
    targets,
    span: planSpan(targets),
    aliases,
    unit: (text) => unitKeys.get(foldKey(text)),
    target(text) {
      const key = foldKey(text).replace(/[((][^))]*[))]$/, "");
      const exact = targetKeys.get(key) ?? targetKeys.get(foldKey(text));
      if (exact) return exact;
      const id = ids.find((i) => key.startsWith(i.toLowerCase()) && !/^[\da-z.]/.test(key.slice(i.length)));
      return id === undefined ? undefined : targetKeys.get(foldKey(id));
    },
    suggestTarget(text) {
      const key = foldKey(text);
      return nearest(key, names, {within: Math.max(2, Math.ceil(key.length / 2))});
    },
    column: (header) => columnKeys.get(foldKey(header))
  };
}

/** Reads `headers.csv` (`column,aliases`, aliases separated by `|`). */
export async function readHeaderAliases(file: string): Promise<Map<Column, string[]>> {
  const {name, header, rows} = readInputCsv(file, {code: "invalid_headers"});
  if (header.join(",") !== "column,aliases")
    throw new PlanwatchError("invalid_headers", `${name}:1:1 表头应为 column,aliases,实为 ${header.join(",")}`);
  const aliases = new Map<Column, string[]>();
  rows.forEach(({line, cells: [column = "", names = ""]}) => {
    if (!(COLUMNS as readonly string[]).includes(column.trim())) {
      throw new PlanwatchError(
        "invalid_headers",
        `${name}:${line}:column 无法识别的列名“${column}”(应为 ${COLUMNS.join("、")} 之一)`,
        {row: line}
      );
    }
    aliases.set(
      column.trim() as Column,
      names
        .split("|")
        .map((n) => n.trim())
        .filter(Boolean)
    );
  });
  return aliases;
}

/**
 * The project's catalog: its units table, the plan's targets, its header aliases (`seeds/headers.csv`,
 * else the toolkit's). Options: `projectDir`; `targets`, the project's targets when already read.
 */
export async function projectCatalog({
  projectDir,
  targets: known
}: {projectDir?: string; targets?: readonly Target[]} = {}): Promise<Catalog> {
  const paths = projectPaths(projectDir);
  const [units, targets, aliases] = await Promise.all([
    readUnits(paths.units, paths.unitOptions),
    known ?? projectTargets({projectDir}),
    readHeaderAliases(paths.headers)
  ]);
  let progress: Promise<ProgressCatalog> | undefined;
  const readProgressCatalog = () =>
    (progress ??= import("./progressCatalog.js").then((m) => m.projectProgressCatalog({projectDir, targets})));
  return {...makeCatalog({units, targets, aliases}), progress: readProgressCatalog};
}
