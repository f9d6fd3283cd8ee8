import {mkdir, readdir, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import type {Unit} from "../submissions/units.js";
import {seededRandom} from "./random.js";

/** The months the sample covers. */
export const SAMPLE_MONTHS = ["2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06"] as const;

const HEADER = "unit,period,target_id,value,numerator,denominator,basis,note";

/**
 * Writes the bundled demo submissions into `dir`, one long-form UTF-8 CSV per unit, deterministically
 * from `seed` (default 2023): cumulative new schools (6.1a) and new school places (6.1b), and the
 * school-doctor rate (2.4a) as numerator and denominator. Existing `.csv` files in `dir` are replaced.
 * Returns the names of the files written.
 */
export async function writeSample({dir, units, seed = 2023}: {dir: string; units: readonly Unit[]; seed?: number}): Promise<string[]> {
  const random = seededRandom(seed);
  await mkdir(dir, {recursive: true});
  for (const old of await readdir(dir)) if (old.endsWith(".csv")) await rm(join(dir, old));
  const districts = units.filter((u) => u.kind !== "bureau");
  const files: string[] = [];
  for (const unit of districts) {
    const schoolsGoal = Math.round((72 / districts.length) * (0.6 + random() * 0.8));
    const seatsGoal = Math.round((61000 / districts.length) * (0.6 + random() * 0.8) / 10) * 10;
    const schools = 40 + Math.floor(random() * 80);
    const pace = 0.55 + random() * 0.6; // below 1: behind schedule, above: ahead
    const lines = [HEADER];
    SAMPLE_MONTHS.forEach((period, m) => {
      const f = Math.min(1, ((m + 1) / 12) * pace);
      lines.push(`${unit.name},${period},6.1a,${Math.floor(schoolsGoal * f)},,,cumulative,`);
      lines.push(`${unit.name},${period},6.1b,${Math.round((seatsGoal * f) / 10) * 10},,,cumulative,`);
      const doctors = Math.min(schools, Math.round(schools * (0.7 + random() * 0.05 + m * 0.02)));
      lines.push(`${unit.name},${period},2.4a,,${doctors},${schools},cumulative,`);
    });
    const name = `${unit.code}-${unit.short_name}.csv`;
    await writeFile(join(dir, name), lines.join("\n") + "\n");
    files.push(name);
  }
  return files;
}
