import {readdir} from "node:fs/promises";
import {join} from "node:path";
import * as aq from "arquero";
import {projectPaths} from "../project.js";
import {readLongCsv} from "../submissions/readLongCsv.js";
import {readUnits} from "../submissions/units.js";
import {latestValues} from "./latestValues.js";

/** One unit's latest reported progress on the walking skeleton's three targets. */
export interface UnitProgress {
  unit_code: string;
  unit_name: string;
  period: string;
  schools: number | null;
  seats: number | null;
  doctor_rate: number | null;
  files: string;
}

/**
 * Reads `seeds/units.csv` and every CSV in `dir` (default: `data/sample`), and returns one row per
 * unit with its latest new schools (6.1a), new places (6.1b) and school-doctor rate (2.4a, Σ
 * numerators ÷ Σ denominators × 100), ordered by unit code. Units that reported nothing are kept
 * with nulls.
 */
export async function unitProgress({projectDir, dir}: {projectDir?: string; dir?: string} = {}): Promise<UnitProgress[]> {
  const paths = projectPaths(projectDir);
  const source = dir ?? paths.sample;
  const units = await readUnits(paths.units);
  const files = (await readdir(source)).filter((f) => f.endsWith(".csv")).sort();
  const values = (await Promise.all(files.map((f) => readLongCsv(join(source, f))))).flat();
  const byName = aq.from(units.map((u) => ({unit: u.name, unit_code: u.code, unit_name: u.name})));
  const latest = latestValues(aq.from(values))
    .derive({value: (d: any) => (d.value == null && d.denominator ? (100 * d.numerator) / d.denominator : d.value)});
  const wide = latest
    .groupby("unit")
    .pivot("target_id", {value: (d: any) => aq.op.any(d.value)})
    .join(latest.groupby("unit").rollup({period: (d: any) => aq.op.max(d.period), files: (d: any) => aq.op.array_agg_distinct(d.file)}), "unit");
  return byName
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
