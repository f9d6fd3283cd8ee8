// Deterministic synthetic submissions for npm run bench: long form, 13 units, ~3,000 schools (more
// at 5M rows, so that every unit × school × month × target key stays unique), 12 months, the plan's
// targets, numerators and denominators on rate targets, quoted Chinese notes with commas, quotes
// and newlines. In several shapes, as units send them: English headers with unit names, school by
// school (`en`); Chinese headers in another column order with units by code (`zh-code`); Chinese
// headers, units by name, short name or code, and the rows month by month rather than school by
// school (`zh-mixed`); as a spreadsheet saves them, with a BOM and CRLF line ends, a unit's name in
// one row and its code in the next, targets by their indicator name (指标) and a note on every
// fifth row (`zh-name`); every cell quoted, as some systems export, a note on every third row
// (`zh-quoted`); a district's full export: a row number, the school's name, the indicator's name
// beside its id, the reporter, month by month, thirteen columns (`zh-wide`).
import {createWriteStream, existsSync} from "node:fs";
import {mkdir, rename} from "node:fs/promises";
import {dirname, join} from "node:path";
import {once} from "node:events";
import {seededRandom} from "../../pipelines/sample/random.js";

/** The units of the seed: name, short name, code. */
const UNITS: [string, string, string][] = [
  ["上城区", "上城", "330102"],
  ["拱墅区", "拱墅", "330105"],
  ["西湖区", "西湖", "330106"],
  ["滨江区", "滨江", "330108"],
  ["萧山区", "萧山", "330109"],
  ["余杭区", "余杭", "330110"],
  ["临平区", "临平", "330113"],
  ["钱塘区", "钱塘", "330114"],
  ["富阳区", "富阳", "330111"],
  ["临安区", "临安", "330112"],
  ["桐庐县", "桐庐", "330122"],
  ["淳安县", "淳安", "330127"],
  ["建德市", "建德", "330182"]
];
const NOTES = ['含新校区,"临时"校舍\n待核', "已核实,无误", "分校区数据,另报"];
const quote = (cell: string | number) => `"${String(cell).replaceAll('"', '""')}"`;

/** The fields of a row, by name. */
type Field =
  | "unit"
  | "period"
  | "target_id"
  | "school_id"
  | "value"
  | "numerator"
  | "denominator"
  | "basis"
  | "note"
  | "row"
  | "school_name"
  | "indicator"
  | "reporter";

export interface Shape {
  /** The header, in file order: each column's name and the field it holds. */
  columns: readonly [string, Field][];
  /** How a row names its unit (s: the school's number, row: the row's). */
  unit: (u: [string, string, string], s: number, row: number) => string;
  /** How a row names its target: by its id (the default) or by its indicator name. */
  target?: "id" | "name";
  /** Line ends (default LF) and a byte-order mark before the header (default none). */
  eol?: "\n" | "\r\n";
  bom?: boolean;
  /** Every cell quoted (default: only the notes, which need it). */
  quoteAll?: boolean;
  /** A note on every `noteEvery`-th row (default 20). */
  noteEvery?: number;
  /** The basis cell. */
  basis: string;
  /** Rows school by school (each school's months together), or month by month (every school's January, then February …). */
  order: "school" | "month";
}

export const SHAPES: Record<string, Shape> = {
  en: {
    columns: [
      ["unit", "unit"],
      ["period", "period"],
      ["target_id", "target_id"],
      ["school_id", "school_id"],
      ["value", "value"],
      ["numerator", "numerator"],
      ["denominator", "denominator"],
      ["basis", "basis"],
      ["note", "note"]
    ],
    unit: (u) => u[0],
    basis: "cumulative",
    order: "school"
  },
  "zh-code": {
    columns: [
      ["学校代码", "school_id"],
      ["指标编号", "target_id"],
      ["月份", "period"],
      ["区县", "unit"],
      ["累计完成", "value"],
      ["分子", "numerator"],
      ["分母", "denominator"],
      ["备注", "note"],
      ["口径", "basis"]
    ],
    unit: (u) => u[2],
    basis: "累计",
    order: "school"
  },
  "zh-mixed": {
    columns: [
      ["月份", "period"],
      ["单位", "unit"],
      ["学校代码", "school_id"],
      ["指标编号", "target_id"],
      ["分子", "numerator"],
      ["分母", "denominator"],
      ["数值", "value"],
      ["口径", "basis"],
      ["备注", "note"]
    ],
    unit: (u, s) => u[s % 3]!,
    basis: "累计",
    order: "month"
  },
  "zh-name": {
    columns: [
      ["单位名称", "unit"],
      ["学校代码", "school_id"],
      ["指标", "target_id"],
      ["月份", "period"],
      ["数值", "value"],
      ["分子", "numerator"],
      ["分母", "denominator"],
      ["备注", "note"]
    ],
    unit: (u, _s, row) => u[row % 2 === 0 ? 0 : 2],
    basis: "累计",
    order: "school",
    target: "name",
    eol: "\r\n",
    bom: true,
    noteEvery: 5
  },
  "zh-wide": {
    columns: [
      ["序号", "row"],
      ["区县", "unit"],
      ["学校名称", "school_name"],
      ["学校代码", "school_id"],
      ["月份", "period"],
      ["指标编号", "target_id"],
      ["指标名称", "indicator"],
      ["数值", "value"],
      ["分子", "numerator"],
      ["分母", "denominator"],
      ["口径", "basis"],
      ["填报人", "reporter"],
      ["备注", "note"]
    ],
    unit: (u, s) => u[s % 2 === 0 ? 0 : 2],
    basis: "累计",
    order: "month",
    eol: "\r\n",
    bom: true,
    noteEvery: 7
  },
  "zh-quoted": {
    columns: [
      ["月份", "period"],
      ["单位", "unit"],
      ["学校代码", "school_id"],
      ["指标编号", "target_id"],
      ["数值", "value"],
      ["分子", "numerator"],
      ["分母", "denominator"],
      ["口径", "basis"],
      ["备注", "note"]
    ],
    unit: (u, _s, row) => u[row % 2 === 0 ? 2 : 0],
    basis: "累计",
    order: "school",
    eol: "\r\n",
    bom: true,
    quoteAll: true,
    noteEvery: 3
  }
};

/** Writes `rows` rows to `file` in `shape` (once: an existing file is kept), for targets `{id, ratio}`. */
export async function writeSynthetic(
  file: string,
  {
    rows,
    targets,
    seed = 8,
    shape = "en"
  }: {
    rows: number;
    targets: readonly {id: string; indicator?: string; ratio: boolean}[];
    seed?: number;
    shape?: keyof typeof SHAPES;
  }
): Promise<string> {
  if (existsSync(file)) return file;
  const {columns, unit: unitCell, basis, order, target: by = "id", eol = "\n", bom = false} = SHAPES[shape]!;
  const {quoteAll = false, noteEvery = 20} = SHAPES[shape]!;
  await mkdir(dirname(file), {recursive: true});
  const random = seededRandom(seed);
  const T = targets.length;
  const schools = Math.max(3000, Math.ceil(rows / (12 * T)));
  // Month-major files hold the first `rows` of the school-major order, each school's months spread over the file.
  const perSchool = 12 * T;
  const out = createWriteStream(`${file}.tmp`);
  let batch = (bom ? "\uFEFF" : "") + columns.map(([name]) => name).join(",") + eol;
  const fields = {} as Record<Field, string | number>;
  const keys = columns.map(([, field]) => field);
  const lastSchool = Math.min(schools, Math.ceil(rows / perSchool));
  for (let outer = 0; outer < (order === "school" ? lastSchool : 12); outer++) {
    for (let inner = 0; inner < (order === "school" ? 12 : lastSchool); inner++) {
      const [s, m] = order === "school" ? [outer, inner + 1] : [inner, outer + 1];
      if (s * perSchool + (m - 1) * T >= rows) continue;
      const u = UNITS[s % UNITS.length]!;
      fields.school_id = `S${String(s).padStart(6, "0")}`;
      fields.period = `2023-${String(m).padStart(2, "0")}`;
      fields.basis = basis;
      for (let t = 0; t < T; t++) {
        const written = s * perSchool + (m - 1) * T + t + 1; // the row's number in school-major order, from 1
        if (written > rows) break;
        const target = targets[t]!;
        fields.unit = unitCell(u, s, written);
        fields.target_id = by === "name" ? (target.indicator ?? target.id) : target.id;
        fields.row = written;
        fields.school_name = `${u[1]}第${s + 1}学校`;
        fields.indicator = target.indicator ?? "";
        fields.reporter = ["张明", "李华", "王芳"][s % 3]!;
        fields.note = written % noteEvery === 0 ? quote(NOTES[written % NOTES.length]!) : "";
        if (target.ratio) {
          const den = 50 + Math.floor(random() * 150);
          fields.value = "";
          fields.numerator = Math.floor(den * (0.6 + m * 0.02 + random() * 0.1));
          fields.denominator = den;
        } else {
          fields.value = m * (1 + Math.floor(random() * 5));
          fields.numerator = "";
          fields.denominator = "";
        }
        batch +=
          (quoteAll
            ? keys.map((k) => (k === "note" && fields.note ? fields.note : quote(fields[k])))
            : keys.map((k) => fields[k])
          ).join(",") + eol;
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

/** A unit of a generated province (the columns of `units.csv`). */
export interface ProvinceUnit {
  code: string;
  name: string;
  short_name: string;
  kind: "city" | "county";
  parent: string | null;
}

/**
 * The units of a province of any size (default: 11 cities × 30 counties, Zhejiang's shape): city
 * `i` is `33ii00` (市 at the top), its county `j` is `33iijj` (county, parent the city). Codes have
 * two digits for each: at most 99 cities of 99 counties.
 */
export function provinceUnits({cities = 11, counties = 30}: {cities?: number; counties?: number} = {}): ProvinceUnit[] {
  if (!(cities >= 1 && cities <= 99 && counties >= 1 && counties <= 99))
    throw new RangeError(`a province of 1–99 cities of 1–99 counties, not ${cities} × ${counties}`);
  const two = (n: number) => String(n).padStart(2, "0");
  return Array.from({length: cities}, (_, c) => {
    const city = `33${two(c + 1)}00`;
    const name = `第${c + 1}市`;
    return [
      {code: city, name, short_name: name.slice(0, -1), kind: "city" as const, parent: null},
      ...Array.from({length: counties}, (_, k) => ({
        code: `33${two(c + 1)}${two(k + 1)}`,
        name: `${name}第${k + 1}县`,
        short_name: `${c + 1}-${k + 1}县`,
        kind: "county" as const,
        parent: city
      }))
    ];
  }).flat();
}

/** `units.csv` for {@link provinceUnits}: `code,name,short_name,kind,aliases,parent`. */
export function provinceUnitsCsv(units: readonly ProvinceUnit[]): string {
  const lines = units.map((u) => [u.code, u.name, u.short_name, u.kind, "", u.parent ?? ""].join(","));
  return ["code,name,short_name,kind,aliases,parent", ...lines].join("\n") + "\n";
}

/**
 * A province's monthly submissions, one long-form CSV per city (`<dir>/<month>-<city>.csv`) with a
 * row per county × target (cumulative, growing month by month; numerators and denominators for
 * ratio targets), months January through `months`. Returns the files written.
 */
export async function writeProvinceSubmissions(
  dir: string,
  {
    units,
    targets,
    months = 3,
    seed = 23
  }: {units: readonly ProvinceUnit[]; targets: readonly {id: string; ratio: boolean}[]; months?: number; seed?: number}
): Promise<string[]> {
  const {writeFile} = await import("node:fs/promises");
  await mkdir(dir, {recursive: true});
  const random = seededRandom(seed);
  const base = new Map<string, number>();
  const files: string[] = [];
  for (let m = 1; m <= months; m++) {
    const period = `2023-${String(m).padStart(2, "0")}`;
    for (const city of units.filter((u) => u.parent === null)) {
      const lines = ["unit,period,target_id,value,numerator,denominator,basis"];
      for (const county of units.filter((u) => u.parent === city.code))
        for (const t of targets) {
          const key = `${county.code}|${t.id}`;
          if (!base.has(key)) base.set(key, 1 + Math.floor(random() * 40));
          const start = base.get(key)!;
          if (t.ratio) {
            const den = 100 + Math.floor(start * 5);
            lines.push(
              [county.code, period, t.id, "", Math.floor(den * (0.5 + m * 0.03)), den, "cumulative"].join(",")
            );
          } else lines.push([county.code, period, t.id, start * m, "", "", "cumulative"].join(","));
        }
      const file = join(dir, `${period}-${city.code}.csv`);
      await writeFile(file, lines.join("\n") + "\n");
      files.push(file);
    }
  }
  return files;
}
