import type {Catalog, Column, TargetRef} from "./catalog.js";
import {parseCellNumber, parsePeriod, periodInName} from "../core/index.js";
import type {FindingCode} from "./findings.js";
import {RULES} from "./rules.js";
import type {Unit} from "../project/index.js";

/** What a submission's header says: where each column is, its form, and what the file name supplies. */
export interface HeaderColumns {
  /** Each recognized column's index (the first of its name). */
  named: Map<Column, number>;
  /** Wide form's target columns: one per target, or per numerator and denominator. */
  wide: {index: number; target: TargetRef; part: "value" | "numerator" | "denominator"}[];
  /** Long form has a target column (`target_id` or `indicator`); wide form has a column per target. */
  form: "long" | "wide";
  /** The unit the file name gives, when there is no unit column. */
  nameUnit: Unit | undefined;
  /** The month the file name gives, when there is no month column. */
  namePeriod: string | null;
}

const PART = /^(.*?)[\s:_\-(·]*(分子|分母|numerator|denominator)\)?$/i;

/**
 * Reads a submission's header row (trimmed cells) once, for every path that reads the file: which
 * column is which (by the catalog's aliases), long or wide form, and the unit and month the file
 * name supplies when a column is missing. Reports through `add`: `no_header` (then returns null),
 * `duplicate_column` (a column named twice: the first is read, the file refused), `unknown_column`, `unknown_target`,
 * `missing_column` and `from_file_name`.
 */
export function headerColumns(
  header: readonly string[],
  {
    file,
    catalog,
    headerRow,
    add
  }: {
    file: string;
    catalog: Catalog;
    headerRow: number;
    add: (code: FindingCode, row: number, column: string, message: string) => void;
  }
): HeaderColumns | null {
  const looksLikeData = header.find(
    (h) => h && (catalog.unit(h) || parsePeriod(h) || parseCellNumber(h).kind === "number")
  );
  if (looksLikeData !== undefined) {
    add(
      "no_header",
      headerRow,
      "",
      `第一行是数据(“${looksLikeData}”)而不是表头:第一行应为“单位、月份、指标编号、数值”等列名(可下载模板)`
    );
    return null;
  }
  const named = new Map<Column, number>();
  const wide: HeaderColumns["wide"] = [];
  const unknown: number[] = [];
  const duplicate = (i: number, first: number) =>
    add(
      "duplicate_column",
      headerRow,
      header[i]!,
      RULES.duplicate_column({name: header[i]!, index: i, first, firstName: header[first]!})
    );
  header.forEach((h, i) => {
    if (!h) return;
    const column = catalog.column(h);
    if (column) return void (named.has(column) ? duplicate(i, named.get(column)!) : named.set(column, i));
    const part = PART.exec(h);
    const target = catalog.target(part ? part[1]! : h);
    if (!target) return void unknown.push(i);
    const which = !part ? "value" : /分子|numerator/i.test(part[2]!) ? "numerator" : "denominator";
    const same = wide.find((w) => w.target === target && w.part === which);
    if (same) return void duplicate(i, same.index);
    wide.push({index: i, target, part: which});
  });
  const long = named.has("target_id") || named.has("indicator");
  const recognized = named.size + wide.length;
  if (recognized === 0 || (!named.has("unit") && !named.has("period") && !long && wide.length === 0)) {
    add("no_header", headerRow, "", "第一行不是表头:应有“单位、月份、指标编号、数值”等列名(可下载模板)");
    return null;
  }
  const form = long ? "long" : "wide";
  for (const i of unknown) {
    const suggestion = catalog.suggestTarget(header[i]!);
    if (form === "wide" && !catalog.column(header[i]!)) {
      add(
        "unknown_target",
        headerRow,
        header[i]!,
        `未知指标“${header[i]}”${suggestion ? `,是否为“${suggestion}”?` : ""}`
      );
    } else {
      add("unknown_column", headerRow, header[i]!, `无法识别的列“${header[i]}”,已忽略`);
    }
  }
  if (long && wide.length)
    for (const w of wide)
      add("unknown_column", headerRow, header[w.index]!, `长表中出现指标列“${header[w.index]}”,已忽略`);
  if (long && !named.has("value") && !named.has("numerator"))
    add("missing_column", headerRow, "", "缺少“数值”列(或“分子”“分母”列)");
  const nameUnit = named.has("unit")
    ? undefined
    : (catalog.units.find((u) => file.includes(u.name) || file.includes(u.code)) ??
      catalog.units.find((u) => file.includes(u.short_name)));
  const namePeriod = named.has("period") ? null : periodInName(file);
  if (!named.has("unit")) {
    if (nameUnit) add("from_file_name", 0, "", `文件中没有“单位”列,按文件名取单位:${nameUnit.name}`);
    else add("missing_column", headerRow, "", "缺少“单位”列,文件名中也没有单位名称");
  }
  if (!named.has("period")) {
    if (namePeriod) add("from_file_name", 0, "", `文件中没有“月份”列,按文件名取月份:${namePeriod}`);
    else add("missing_column", headerRow, "", "缺少“月份”列,文件名中也没有月份");
  }
  return {named, wide, form, nameUnit, namePeriod};
}
