import * as aq from "arquero";
import {projectPaths} from "../project.js";
import {readObservations} from "../submissions/observations.js";
import {readUnits} from "../submissions/units.js";
import {latestValues} from "./latestValues.js";

/** One unit's latest reported progress on three headline targets. */
export interface UnitProgress {
  unit_code: string;
  unit_name: string;
  period: string | null;
  schools: number | null;
  seats: number | null;
  doctor_rate: number | null;
  files: string;
}

/**
 * One row per unit of `seeds/units.csv` with its latest new schools (6.1a), new places (6.1b, both
 * summed over its schools) and school-doctor rate (2.4a, Σ numerators ÷ Σ denominators × 100), from
 * the current (not superseded) observations of the project's data folder. Units that reported
 * nothing are kept with nulls.
 */
export async function unitProgress({projectDir}: {projectDir?: string} = {}): Promise<UnitProgress[]> {
  const paths = projectPaths(projectDir);
  const units = await readUnits(paths.units);
  const current = (await readObservations({dataDir: paths.data})).filter((o) => o.superseded_by === null && ["6.1a", "6.1b", "2.4a"].includes(o.target_id));
  const names = aq.from(units.map((u) => ({unit: u.code, unit_code: u.code, unit_name: u.name})));
  if (!current.length) return names.derive({period: () => null, schools: () => null, seats: () => null, doctor_rate: () => null, files: () => ""}).select(aq.not("unit")).objects() as UnitProgress[];
  const perUnit = aq
    .from(current)
    .groupby("unit_code", "target_id", "period")
    .rollup({value: aq.op.sum("value"), numerator: aq.op.sum("numerator"), denominator: aq.op.sum("denominator"), files: (d: any) => aq.op.array_agg_distinct(d.file)})
    .derive({unit: (d: any) => d.unit_code, value: (d: any) => (d.denominator > 0 ? (100 * d.numerator) / d.denominator : d.value), files: (d: any) => aq.op.join(d.files, " ")});
  const latest = latestValues(perUnit);
  const wide = latest
    .groupby("unit")
    .pivot("target_id", {value: (d: any) => aq.op.any(d.value)})
    .join(latest.groupby("unit").rollup({period: (d: any) => aq.op.max(d.period), files: (d: any) => aq.op.array_agg_distinct(d.files)}), "unit");
  return names
    .join_left(wide, "unit")
    .derive({
      schools: (d: any) => d["6.1a"] ?? null,
      seats: (d: any) => d["6.1b"] ?? null,
      doctor_rate: (d: any) => (d["2.4a"] == null ? null : aq.op.round(d["2.4a"] * 10) / 10),
      period: (d: any) => d.period ?? null,
      files: (d: any) => (d.files ? aq.op.join(d.files, " ") : "")
    })
    .select("unit_code", "unit_name", "period", "schools", "seats", "doctor_rate", "files")
    .orderby("unit_code")
    .objects() as UnitProgress[];
}
