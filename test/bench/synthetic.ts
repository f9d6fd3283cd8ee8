// Deterministic synthetic submissions for npm run bench: long form, 13 units, ~3,000 schools (more
// at 5M rows, so that every unit × school × month × target key stays unique), 12 months, the plan's
// targets, numerators and denominators on rate targets, quoted Chinese notes with commas, quotes
// and newlines.
import {createWriteStream, existsSync} from "node:fs";
import {mkdir, rename} from "node:fs/promises";
import {dirname} from "node:path";
import {once} from "node:events";
import {seededRandom} from "../../pipelines/sample/random.js";

const UNITS = ["上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区", "桐庐县", "淳安县", "建德市"];
const NOTES = ['"含新校区,""临时""校舍\n待核"', '"已核实,无误"', '"分校区数据,另报"'];

/** Writes `rows` rows to `file` (once: an existing file is kept), for targets `{id, ratio}`. */
export async function writeSynthetic(file: string, {rows, targets, seed = 8}: {rows: number; targets: readonly {id: string; ratio: boolean}[]; seed?: number}): Promise<string> {
  if (existsSync(file)) return file;
  await mkdir(dirname(file), {recursive: true});
  const random = seededRandom(seed);
  const T = targets.length;
  const schools = Math.max(3000, Math.ceil(rows / (12 * T)));
  const out = createWriteStream(`${file}.tmp`);
  let batch = "unit,period,target_id,school_id,value,numerator,denominator,basis,note\n";
  let written = 0;
  outer: for (let s = 0; s < schools; s++) {
    const unit = UNITS[s % UNITS.length]!;
    const school = `S${String(s).padStart(6, "0")}`;
    for (let m = 1; m <= 12; m++) {
      const period = `2023-${String(m).padStart(2, "0")}`;
      for (let t = 0; t < T; t++) {
        if (written++ >= rows) break outer;
        const target = targets[t]!;
        const note = written % 20 === 0 ? NOTES[written % NOTES.length] : "";
        if (target.ratio) {
          const den = 50 + Math.floor(random() * 150);
          batch += `${unit},${period},${target.id},${school},,${Math.floor(den * (0.6 + m * 0.02 + random() * 0.1))},${den},cumulative,${note}\n`;
        } else {
          batch += `${unit},${period},${target.id},${school},${m * (1 + Math.floor(random() * 5))},,,cumulative,${note}\n`;
        }
        if (batch.length > 1 << 20) {
          if (!out.write(batch)) await once(out, "drain");
          batch = "";
        }
      }
    }
  }
  out.end(batch);
  await once(out, "finish");
  await rename(`${file}.tmp`, file);
  return file;
}
