import {readdir, rm, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {stringify} from "csv-stringify/sync";
import {addMonths, makeDirs, monthInWords, monthRange, writeXlsx} from "../core/index.js";
import type {Target} from "../targets/index.js";
import type {Unit} from "../project/index.js";
import {type SampleEncoding, encodeText} from "./encodeText.js";
import {seededRandom} from "./random.js";
import {progressSampleFiles} from "./progressSample.js";
import type {Office, Task} from "../tasks/index.js";

/** The months the sample covers: January to November 2023. */
export const SAMPLE_MONTHS = monthRange("2023-01", "2023-11");

/** The file that lists each sample file with the time it was submitted (the ingest clock). */
export const SAMPLE_MANIFEST = "submissions.csv";

/**
 * How far along each target is in November, city-wide: a count's share of its value, a rate's
 * level. Chosen so the demo shows every status; targets not listed are not reported (no data).
 */
const PROGRESS: Record<string, number> = {
  "6.1a": 0.93,
  "6.1b": 0.99,
  "6.2a": 0.75,
  "6.3c": 1.04,
  "6.4a": 0.95,
  "6.6a": 0.88,
  "6.6b": 0.7,
  "6.6c": 0.85,
  "6.7a": 0.9,
  "6.7b": 0.75,
  "6.7c": 1.02,
  "6.8a": 0.6,
  "6.9a": 1.05,
  "6.10a": 0.92,
  "2.2a": 100,
  "2.4a": 86.5,
  "2.4c": 78,
  "2.4d": 50,
  "4.2a": 34.1,
  "4.3a": 97,
  "4.3b": 30,
  "5.4a": 92,
  "6.3a": 99.6,
  "6.3b": 87,
  "2.4b": 51.8,
  "2.3a": 2.4,
  "2.3b": 1.8,
  "5.4b": 1,
  "6.5a": 5200
};
/** Targets only the bureau's own unit reports: its applications, its county assessments. */
const BUREAU = {"5.3a": 10, "5.5a": [4, 13]} as const;

type Cell = string | number | null;
interface Row {
  unit: Unit;
  period: string;
  target: Target;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string;
  school?: string;
}
interface SampleFile {
  name: string;
  bytes: Buffer;
  submitted: string;
}

/**
 * Writes the bundled demo submissions into `dir`, deterministically from `seed` (default 2023):
 * every unit, January to November 2023; long and wide forms; UTF-8 with and without BOM, GBK,
 * UTF-16 tab-separated text and xlsx; Chinese and English headers; school-level rows; revisions;
 * overdue and missing months; and a few bad files that must be rejected, so the demo site shows every
 * status and every kind of finding. With `progress` (the plan's tasks and offices), also a year of
 * task progress reports ({@link progressSampleFiles}, from a random stream of its own). Also writes
 * {@link SAMPLE_MANIFEST}: each file's submission time. Existing files in `dir` are replaced.
 * Returns the names written.
 */
export async function writeSample({
  dir,
  units,
  targets,
  progress,
  seed = 2023
}: {
  dir: string;
  units: readonly Unit[];
  targets: readonly Target[];
  progress?: {tasks: readonly Task[]; offices: readonly Office[]};
  seed?: number;
}): Promise<string[]> {
  const random = seededRandom(seed);
  const byId = new Map(targets.map((t) => [t.id, t]));
  const districts = units.filter((u) => u.kind !== "bureau");
  const bureau = units.find((u) => u.kind === "bureau");
  const rows = simulate({districts, bureau, byId, random});
  const files: SampleFile[] = [];
  const submitted = (period: string, overdue: boolean) => {
    const next = addMonths(period, 1);
    const day = overdue ? 15 + Math.floor(random() * 10) : 2 + Math.floor(random() * 7);
    return `${next}-${String(day).padStart(2, "0")}T09:00:00+08:00`;
  };
  for (const [u, unit] of [...districts, ...(bureau ? [bureau] : [])].entries()) {
    const style = STYLES[u % STYLES.length]!;
    for (const period of SAMPLE_MONTHS) {
      if (MISSING[unit.short_name]?.includes(period)) continue;
      const own = rows.filter((r) => r.unit === unit && r.period === period);
      if (!own.length) continue;
      const overdue = OVERDUE[unit.short_name]?.includes(period) ?? false;
      files.push({
        name: `${period}-${unit.name}.${style.ext}`,
        bytes: await render(own, style),
        submitted: submitted(period, overdue)
      });
    }
  }
  // Revisions: a corrected file for the same month, a week later.
  for (const [short, period, factor] of REVISIONS) {
    const unit = districts.find((d) => d.short_name === short)!;
    const own = rows
      .filter((r) => r.unit === unit && r.period === period)
      .map((r) =>
        r.target.id === "6.1b" && r.value !== null
          ? {...r, value: Math.round(r.value * factor), note: "更正:核减未竣工项目学位"}
          : r
      );
    files.push({
      name: `${period}-${unit.name}-更正.csv`,
      bytes: await render(own, STYLES[0]!),
      submitted: `${nextMonth(period)}-18T09:00:00+08:00`
    });
  }
  files.push(...badFiles(districts));
  if (progress) files.push(...(await progressSampleFiles({...progress, random: seededRandom(seed + 1)})));
  await makeDirs(dir);
  for (const old of await readdir(dir)) await rm(join(dir, old), {recursive: true, force: true});
  files.sort((a, b) => (a.submitted < b.submitted ? -1 : a.submitted > b.submitted ? 1 : a.name < b.name ? -1 : 1));
  for (const f of files) await writeFile(join(dir, f.name), f.bytes);
  await writeFile(
    join(dir, SAMPLE_MANIFEST),
    stringify([["file", "submitted_at"], ...files.map((f) => [f.name, f.submitted])])
  );
  return [...files.map((f) => f.name), SAMPLE_MANIFEST];
}

const nextMonth = (period: string) => addMonths(period, 1);

/** Months a unit never sent, and months its file was overdue (sent after the 10th of the next month). */
const MISSING: Record<string, string[]> = {淳安: ["2023-04", "2023-05"], 临安: ["2023-11"]};
const OVERDUE: Record<string, string[]> = {
  淳安: ["2023-06", "2023-07"],
  桐庐: ["2023-03", "2023-09"],
  建德: ["2023-10"]
};
const REVISIONS: [string, string, number][] = [
  ["建德", "2023-09", 0.9],
  ["西湖", "2023-10", 0.95]
];

function simulate({
  districts,
  bureau,
  byId,
  random
}: {
  districts: readonly Unit[];
  bureau: Unit | undefined;
  byId: Map<string, Target>;
  random: () => number;
}): Row[] {
  const rows: Row[] = [];
  const months = SAMPLE_MONTHS.length;
  for (const [id, progress] of Object.entries(PROGRESS)) {
    const target = byId.get(id);
    if (!target) continue;
    const weights = districts.map(() => 0.5 + random());
    const total = weights.reduce((a, b) => a + b, 0);
    const city = id === "6.5a" ? districts.slice(0, 8) : districts;
    city.forEach((unit, u) => {
      const share = weights[u]! / total;
      const gamma = 0.8 + random() * 0.5;
      const denominator = 40 + Math.floor(random() * 120);
      const noise = (random() - 0.5) * 8;
      SAMPLE_MONTHS.forEach((period, m) => {
        const shape = ((m + 1) / months) ** gamma;
        const row: Row = {unit, period, target, value: null, numerator: null, denominator: null, note: ""};
        if (target.aggregation === "ratio") {
          const final = Math.min(100, progress === 100 ? 100 : progress + noise);
          const start = target.direction === "down" ? final + 2 : Math.max(0, final - 10);
          const rate = start + (final - start) * shape;
          const den = target.id === "2.4b" ? denominator * 180 : denominator;
          rows.push({...row, numerator: Math.min(den, Math.round((rate / 100) * den)), denominator: den});
        } else if (target.aggregation === "sum" && target.kind === "count") {
          const final = target.value * progress * share;
          rows.push({...row, value: Math.floor(final * shape)});
        } else if (target.id === "6.5a") {
          rows.push({...row, value: Math.round(((progress / 8) * (0.8 + random() * 0.4)) / 10) * 10});
        } else {
          rows.push({...row, value: Math.round((progress + (u % 3 === 0 ? 0 : random() * 0.6)) * 10) / 10});
        }
      });
    });
  }
  if (bureau) {
    SAMPLE_MONTHS.forEach((period, m) => {
      const shape = (m + 1) / months;
      const apps = byId.get("5.3a");
      if (apps)
        rows.push({
          unit: bureau,
          period,
          target: apps,
          value: Math.floor(BUREAU["5.3a"] * shape),
          numerator: null,
          denominator: null,
          note: ""
        });
      const passed = byId.get("5.5a");
      if (passed)
        rows.push({
          unit: bureau,
          period,
          target: passed,
          value: null,
          numerator: Math.floor(BUREAU["5.5a"][0] * shape),
          denominator: BUREAU["5.5a"][1],
          note: ""
        });
    });
  }
  // A count that a district reports lower than the month before (kept, with a warning).
  const dip = rows.find((r) => r.unit.short_name === "拱墅" && r.target.id === "6.2a" && r.period === "2023-08");
  const before = rows.find((r) => r.unit.short_name === "拱墅" && r.target.id === "6.2a" && r.period === "2023-07");
  if (dip && before?.value) dip.value = before.value - 5;
  // The districts' notes on their numbers, as a reader sees them on the target's page (one with
  // quotes and a comma: the CSV must quote it). Hostile notes live in test/fixtures/attack/.
  const temporary = rows.find((r) => r.unit.short_name === "西湖" && r.target.id === "6.1b" && r.period === "2023-11");
  if (temporary) temporary.note = `学位含"临时"校区,待竣工验收后核定`;
  const accepted = rows.find((r) => r.unit.short_name === "临安" && r.target.id === "6.1b" && r.period === "2023-10");
  if (accepted) accepted.note = "含青山湖科技城新建小学学位,已通过竣工验收";
  return rows;
}

interface Style {
  form: "long" | "wide";
  ext: "csv" | "txt" | "xlsx";
  encoding: SampleEncoding;
  delimiter: "," | "\t" | ";";
  headers: "zh" | "en";
  period: (p: string) => string;
  extra?: "reporter" | "schools";
}
const iso = (p: string) => p;
/** How each unit's staff fill the form: one style per unit, in unit order. */
const STYLES: Style[] = [
  {form: "long", ext: "csv", encoding: "utf-8-bom", delimiter: ",", headers: "zh", period: iso, extra: "reporter"},
  {form: "wide", ext: "csv", encoding: "gbk", delimiter: ",", headers: "zh", period: iso},
  {form: "long", ext: "csv", encoding: "utf-8", delimiter: ",", headers: "en", period: iso},
  {form: "long", ext: "txt", encoding: "utf-16le", delimiter: "\t", headers: "zh", period: iso},
  {form: "long", ext: "xlsx", encoding: "utf-8", delimiter: ",", headers: "zh", period: iso},
  {form: "wide", ext: "csv", encoding: "utf-8", delimiter: ";", headers: "zh", period: (p) => p.replace("-", "/")},
  {form: "long", ext: "csv", encoding: "gbk", delimiter: ",", headers: "zh", period: monthInWords},
  {form: "long", ext: "csv", encoding: "utf-8", delimiter: ",", headers: "zh", period: iso, extra: "schools"},
  {form: "wide", ext: "xlsx", encoding: "utf-8", delimiter: ",", headers: "zh", period: (p) => p.replace("-", ".")},
  {form: "long", ext: "csv", encoding: "utf-8-bom", delimiter: ",", headers: "zh", period: (p) => p.replace("-", "")},
  {form: "long", ext: "csv", encoding: "utf-8", delimiter: ",", headers: "zh", period: iso},
  {form: "long", ext: "csv", encoding: "gbk", delimiter: ",", headers: "zh", period: monthInWords},
  {form: "long", ext: "csv", encoding: "utf-8", delimiter: ",", headers: "en", period: iso},
  {form: "long", ext: "csv", encoding: "utf-8-bom", delimiter: ",", headers: "zh", period: iso}
];

const LONG_ZH = ["单位", "月份", "指标编号", "指标名称", "数值", "分子", "分母", "口径", "备注"];
const LONG_EN = ["unit", "period", "target_id", "indicator", "value", "numerator", "denominator", "basis", "note"];

async function render(rows: readonly Row[], style: Style): Promise<Buffer> {
  const grid: Cell[][] = [];
  if (style.form === "long") {
    const header = [...(style.headers === "en" ? LONG_EN : LONG_ZH)];
    if (style.extra === "schools") header.splice(0, 1, "学校代码");
    if (style.extra === "reporter") header.push("填报人");
    grid.push(header);
    for (const r of rows) {
      const numbers = [r.value, r.numerator, r.denominator];
      const basis = style.headers === "en" ? "cumulative" : "累计";
      if (style.extra === "schools" && r.value !== null && r.target.kind === "count" && r.value > 1) {
        // School-level rows: the unit's value split over two schools.
        const half = Math.floor(r.value / 2);
        grid.push([
          `${r.unit.code}001`,
          style.period(r.period),
          r.target.id,
          r.target.indicator,
          half,
          null,
          null,
          basis,
          r.note
        ]);
        grid.push([
          `${r.unit.code}002`,
          style.period(r.period),
          r.target.id,
          r.target.indicator,
          r.value - half,
          null,
          null,
          basis,
          ""
        ]);
        continue;
      }
      const first = style.extra === "schools" ? "" : r.unit.name;
      const row: Cell[] = [first, style.period(r.period), r.target.id, r.target.indicator, ...numbers, basis, r.note];
      if (style.extra === "reporter") row.push("王老师");
      grid.push(row);
    }
  } else {
    const ids = [...new Set(rows.map((r) => r.target.id))];
    const header: Cell[] = ["单位", "月份"];
    for (const id of ids) {
      const t = rows.find((r) => r.target.id === id)!.target;
      if (t.aggregation === "ratio") header.push(`${id} 分子`, `${id} 分母`);
      else header.push(`${id} ${t.indicator}`);
    }
    header.push("备注");
    grid.push(header);
    const first = rows[0]!;
    const line: Cell[] = [first.unit.short_name, style.period(first.period)];
    for (const id of ids) {
      const r = rows.find((x) => x.target.id === id)!;
      if (r.target.aggregation === "ratio") line.push(r.numerator, r.denominator);
      else line.push(r.value);
    }
    line.push(
      rows
        .map((r) => r.note)
        .filter(Boolean)
        .join(";")
    );
    grid.push(line);
  }
  if (style.ext === "xlsx") return writeXlsx(grid);
  const text = stringify(
    grid.map((r) => r.map((c) => (c === null ? "" : c))),
    {delimiter: style.delimiter, record_delimiter: style.encoding === "utf-16le" ? "\r\n" : "\n"}
  );
  return encodeText(text, style.encoding);
}

/** Files that must be rejected, each for reasons the quality page explains. */
function badFiles(districts: readonly Unit[]): SampleFile[] {
  const name = (short: string) => districts.find((d) => d.short_name === short)!.name;
  const utf8 = (text: string) => Buffer.from(text, "utf8");
  return [
    {
      name: `2023-07-${name("西湖")}-错误.csv`,
      submitted: "2023-08-06T10:00:00+08:00",
      bytes: utf8(
        [
          "单位,月份,指标编号,数值,分子,分母,口径,备注",
          "西糊区,2023-07,6.1b,4200,,,累计,单位名称打错",
          "西湖区,2023-07,6.1x,3,,,累计,指标编号打错",
          "西湖区,2023-13,6.1a,3,,,累计,月份不存在",
          "西湖区,2024-02,6.1a,3,,,累计,未来月份",
          "西湖区,2023-07,6.2a,约500,,,累计,不是数字",
          "西湖区,2023-07,6.4a,-5,,,累计,负数",
          "西湖区,2023-07,6.9a,40,,,年度,口径不对",
          "西湖区,2023-07,6.7a,2,,,累计,",
          "西湖区,2023-07,6.7a,3,,,累计,重复"
        ].join("\n") + "\n"
      )
    },
    {
      name: `2023-08-${name("萧山")}-比率.csv`,
      submitted: "2023-09-05T10:00:00+08:00",
      bytes: utf8(
        [
          "单位,月份,指标编号,数值,分子,分母",
          "萧山区,2023-08,6.3b,120%,,",
          "萧山区,2023-08,2.4a,,130,120",
          "萧山区,2023-08,2.4c,88%,,"
        ].join("\n") + "\n"
      )
    },
    {
      name: `2023-09-${name("滨江")}-扫描件.csv`,
      submitted: "2023-10-04T10:00:00+08:00",
      bytes: Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0,
        8, 6, 0, 0, 0
      ])
    },
    {name: `2023-09-${name("临平")}-空.csv`, submitted: "2023-10-05T10:00:00+08:00", bytes: Buffer.alloc(0)},
    {
      name: `2023-10-${name("钱塘")}-无表头.csv`,
      submitted: "2023-11-06T10:00:00+08:00",
      bytes: utf8("钱塘区,2023-10,6.1b,3000\n钱塘区,2023-10,6.1a,2\n")
    },
    {
      name: `2023-10-${name("富阳")}-错行.csv`,
      submitted: "2023-11-07T10:00:00+08:00",
      bytes: utf8("单位,月份,指标编号,数值,备注\n富阳区,2023-10,6.1b,3100,含新校区,老校区\n富阳区,2023-10,6.1a,3,\n")
    },
    {
      name: `2023-10-${name("桐庐")}-引号.csv`,
      submitted: "2023-11-08T10:00:00+08:00",
      bytes: utf8('单位,月份,指标编号,数值,备注\n桐庐县,2023-10,6.1b,900,"未闭合的引号\n')
    },
    {
      name: `2023-11-${name("余杭")}-缺列.csv`,
      submitted: "2023-12-04T10:00:00+08:00",
      bytes: utf8("单位,指标编号,备注\n余杭区,6.1b,忘了填数\n")
    }
  ];
}
