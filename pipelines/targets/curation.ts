import {PlanwatchError, readInputCsv} from "../core/index.js";
import type {ExtractedTarget} from "./extractTargets.js";

/** A target with what the text cannot say, from defaults and the curation file (DESIGN.md). */
export interface Target extends ExtractedTarget {
  /** count: accumulates over the year; level: a rate or state to reach. */
  kind: "count" | "level";
  aggregation: "sum" | "ratio" | "min" | "all";
  direction: "up" | "down";
  baseline: number | null;
  baseline_source: string | null;
  /** First and last month of the target's period, `YYYY-MM`; null when neither the plan nor the clause names a year. */
  start: string | null;
  deadline: string | null;
  /** A custom schedule: the share of the way expected by each listed month, else null (linear). */
  schedule: {period: string; fraction: number}[] | null;
}

/** One row of `targets.curation.csv`: every column but `id` may be left empty. */
export interface CurationRow {
  id: string;
  indicator?: string;
  kind?: Target["kind"];
  aggregation?: Target["aggregation"];
  direction?: Target["direction"];
  baseline?: number;
  baseline_source?: string;
  start?: string;
  deadline?: string;
  schedule?: Target["schedule"];
  /** Where the row stands, for error messages: `targets.curation.csv:4`. */
  source: string;
}

/**
 * Units of a level that is neither a percentage nor summed: rates per mille or per 10万, ages, durations, indices (no
 * unit).
 */
const LEVEL_UNITS = ["‰", "/10万", "岁", "年", "小时", ""];
const COLUMNS = [
  "id",
  "indicator",
  "kind",
  "aggregation",
  "direction",
  "baseline",
  "baseline_source",
  "start",
  "deadline",
  "schedule",
  "note"
];
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Reads and checks `targets.curation.csv`. Throws `PlanwatchError` `invalid_curation` naming the
 * file, row and column of the first bad cell (unknown column, bad kind, bad number, bad month,
 * a schedule that is not `YYYY-MM:fraction|…` rising from 0 to 1, a repeated id).
 */
export async function readCuration(file: string): Promise<CurationRow[]> {
  const {name, header, rows} = readInputCsv(file, {code: "invalid_curation"});
  const fail = (row: number, column: string, message: string): never => {
    throw new PlanwatchError("invalid_curation", `${name}:${row}:${column} ${message}`, {row});
  };
  for (const h of header) if (!COLUMNS.includes(h)) fail(1, h, `无法识别的列“${h}”(应为 ${COLUMNS.join(",")})`);
  if (!header.includes("id")) fail(1, "id", "缺少“id”列");
  const seen = new Map<string, number>();
  return rows.map(({line, cells}) => {
    const get = (column: string) => (cells[header.indexOf(column)] ?? "").trim();
    const row: CurationRow = {id: get("id"), source: `${name}:${line}`};
    if (!row.id) fail(line, "id", "目标编号为空");
    if (seen.has(row.id)) fail(line, "id", `目标编号“${row.id}”与第 ${seen.get(row.id)} 行重复`);
    seen.set(row.id, line);
    const pick = <T extends string>(column: string, allowed: readonly T[]): T | undefined => {
      const v = get(column);
      if (!v) return undefined;
      return (allowed as readonly string[]).includes(v)
        ? (v as T)
        : fail(line, column, `“${v}”不是有效的 ${column}(应为 ${allowed.join("、")} 之一)`);
    };
    const indicator = get("indicator");
    if (indicator) row.indicator = indicator;
    const kind = pick("kind", ["count", "level"] as const);
    if (kind) row.kind = kind;
    const aggregation = pick("aggregation", ["sum", "ratio", "min", "all"] as const);
    if (aggregation) row.aggregation = aggregation;
    const direction = pick("direction", ["up", "down"] as const);
    if (direction) row.direction = direction;
    const baseline = get("baseline");
    if (baseline) {
      const value = Number(baseline);
      if (!Number.isFinite(value)) fail(line, "baseline", `“${baseline}”不是数字`);
      row.baseline = value;
    }
    const source = get("baseline_source");
    if (source) row.baseline_source = source;
    for (const column of ["start", "deadline"] as const) {
      const v = get(column);
      if (v && !PERIOD.test(v)) fail(line, column, `无法识别的月份“${v}”(应为 YYYY-MM,如 2023-06)`);
      if (v) row[column] = v;
    }
    const schedule = get("schedule");
    if (schedule) row.schedule = parseSchedule(schedule, (m) => fail(line, "schedule", m));
    return row;
  });
}

function parseSchedule(text: string, fail: (message: string) => never): {period: string; fraction: number}[] {
  const steps = text.split("|").map((part) => {
    const [period = "", fraction = ""] = part.split(":").map((s) => s.trim());
    const f = Number(fraction);
    if (!PERIOD.test(period) || fraction === "" || !Number.isFinite(f) || f < 0 || f > 1)
      fail(`无法识别的分月安排“${part}”(应为 YYYY-MM:0 到 1 之间的比例,如 2023-06:0.5)`);
    return {period, fraction: f};
  });
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]!.period <= steps[i - 1]!.period || steps[i]!.fraction < steps[i - 1]!.fraction)
      fail(`分月安排“${text}”无效:月份须递增,比例不能下降`);
  }
  return steps;
}

/**
 * Completes extracted targets: defaults from the text (a `%` or 百分点 target is a level that
 * aggregates as a ratio; a ‰, a rate per 10万, an age, a duration or an index is a level that takes
 * the lowest unit's value; anything else a count that sums; a decrease or an upper bound goes down;
 * the plan's year gives the start, the clause's deadline year or else the plan's the deadline, each
 * null when unknown: `planYear` null), then the curation rows, merged by id. Throws `PlanwatchError`
 * `curation_unknown_id` for a row whose id matches no target, and `invalid_curation` for a row whose
 * start (its own or the default) falls after its deadline, each naming its file and row.
 */
export function curateTargets(
  targets: readonly ExtractedTarget[],
  rows: readonly CurationRow[],
  {planYear}: {planYear: number | null}
): Target[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ids = new Set(targets.map((t) => t.id));
  for (const row of rows) {
    if (!ids.has(row.id))
      throw new PlanwatchError(
        "curation_unknown_id",
        `${row.source}:id 规划中没有编号为“${row.id}”的目标(见 planwatch targets extract)`
      );
  }
  return targets.map((t) => {
    const rate = t.unit === "%" || t.unit === "百分点";
    const level = LEVEL_UNITS.includes(t.unit);
    const {source, ...curated}: Partial<CurationRow> = byId.get(t.id) ?? {source: ""};
    const year = t.year ?? planYear;
    const target: Target = {
      ...t,
      kind: rate || level || t.comparator === "increase" || t.comparator === "decrease" ? "level" : "count",
      aggregation: rate ? "ratio" : level ? "min" : "sum",
      direction: t.comparator === "decrease" || t.comparator === "<=" || t.comparator === "<" ? "down" : "up",
      baseline_source: t.baseline == null ? null : "规划文本",
      start: planYear === null ? null : `${planYear}-01`,
      deadline: year === null ? null : `${year}-12`,
      schedule: null,
      ...curated
    };
    const {start, deadline} = target;
    if ((curated.start || curated.deadline) && start && deadline && start > deadline)
      throw new PlanwatchError(
        "invalid_curation",
        `${source}:${curated.start ? "start" : "deadline"} 起始月 ${start} 晚于截止月 ${deadline}(目标 ${t.id})`
      );
    return target;
  });
}
