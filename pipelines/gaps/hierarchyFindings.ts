import * as aq from "arquero";
import type {Finding, Observation} from "../intake/index.js";
import {unitPlaces} from "../project/index.js";
import type {Target} from "../targets/index.js";
import {type UnitTree, actuals} from "./actuals.js";
import type {Allocation} from "./allocations.js";
import {observationTable} from "./computeGaps.js";

/**
 * What the unit tree makes of the figures, as findings (warnings: the numbers are kept):
 * `parent_double_report`, a unit that reported a target as of `asOf` which units below it also report
 * (the children's figures count, its own is set aside, never added twice); and
 * `allocation_over_parent`, the allocations of a unit's children (or of the top units) adding up to
 * more than that unit's own allocation (or the target's value). `allocationsFile` names the file of
 * the allocations' rows (default `allocations.csv`).
 */
export function hierarchyFindings({
  targets,
  observations,
  units,
  allocations = [],
  asOf,
  allocationsFile = "allocations.csv"
}: {
  targets: readonly Target[];
  observations: readonly Observation[];
  units: UnitTree;
  allocations?: readonly Allocation[];
  asOf: string;
  allocationsFile?: string;
}): Finding[] {
  return [
    ...doubleReports({targets, observations, units, asOf}),
    ...allocationsOverParent({targets, units, allocations, file: allocationsFile})
  ];
}

function doubleReports({
  targets,
  observations,
  units,
  asOf
}: {
  targets: readonly Target[];
  observations: readonly Observation[];
  units: UnitTree;
  asOf: string;
}): Finding[] {
  const targetTable = aq.table({
    target_id: targets.map((t) => t.id),
    aggregation: targets.map((t) => t.aggregation)
  });
  const {overridden} = actuals(observationTable(observations), targetTable, {asOf, units});
  const rows = overridden.objects() as {
    unit_code: string;
    target_id: string;
    actual: number;
    sources: {file: string; row: number}[];
  }[];
  return rows.map((r) => {
    const [first] = r.sources;
    return {
      file: first?.file ?? "",
      row: first?.row ?? 0,
      column: "value",
      code: "parent_double_report",
      severity: "warning",
      message:
        `单位 ${r.unit_code} 本级填报了指标 ${r.target_id}(${round(r.actual)}),其下级单位也填报了该指标:` +
        `按下级汇总计算,本级数值未计入,以免重复计算`
    };
  });
}

function allocationsOverParent({
  targets,
  units,
  allocations,
  file
}: {
  targets: readonly Target[];
  units: UnitTree;
  allocations: readonly Allocation[];
  file: string;
}): Finding[] {
  const places = unitPlaces(units);
  const valueOf = new Map(targets.map((t) => [t.id, t.value]));
  const own = new Map(allocations.map((a, i) => [`${a.unit_code}|${a.target_id}`, {...a, row: a.row ?? i + 2}]));
  const children = new Map<string, Allocation[]>();
  for (const a of allocations) {
    const key = `${places.get(a.unit_code)?.parent ?? "city"}|${a.target_id}`;
    children.set(key, [...(children.get(key) ?? []), a]);
  }
  const findings: Finding[] = [];
  for (const [key, below] of children) {
    const [parent = "", target_id = ""] = key.split("|");
    const sum = below.reduce((s, a) => s + a.value, 0);
    const mine = parent === "city" ? null : own.get(key);
    const limit = parent === "city" ? (valueOf.get(target_id) ?? null) : (mine?.value ?? null);
    if (limit === null || !(sum > limit + 1e-9)) continue;
    const at = mine ?? own.get(`${below[0]!.unit_code}|${target_id}`)!;
    const whose = parent === "city" ? `总目标值 ${limit}` : `单位 ${parent} 的分解值 ${limit}`;
    findings.push({
      file,
      row: at.row,
      column: "value",
      code: "allocation_over_parent",
      severity: "warning",
      message: `指标 ${target_id}:${below.map((a) => a.unit_code).join("、")} 的分解值合计 ${round(sum)},超过${whose}`
    });
  }
  return findings;
}

const round = (v: number) => Math.round(v * 100) / 100;
