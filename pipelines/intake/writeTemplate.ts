import {toCsv, writeXlsx} from "../core/index.js";
import type {TargetRef} from "./catalog.js";
import type {Unit} from "../project/index.js";

/** The template's headers: Chinese names that {@link validateGrid} reads as unit, period, target_id … */
export const TEMPLATE_HEADERS = ["单位", "月份", "指标编号", "指标名称", "数值", "分子", "分母", "口径", "备注"];

/**
 * A blank long-form submission: one row per target, the unit filled in when given, 月份 and the
 * numbers left for the sender. Rate targets say in 备注 that they need 分子 and 分母. CSV is UTF-8
 * with a BOM (Excel on Chinese Windows opens it right), written by planwatch's one CSV writer
 * ({@link toCsv}: a name a spreadsheet would run as a formula is prefixed with `'`); `xlsx` writes a
 * workbook.
 */
export async function writeTemplate({
  targets,
  unit,
  xlsx = false
}: {
  targets: readonly TargetRef[];
  unit?: Unit;
  xlsx?: boolean;
}): Promise<Buffer> {
  const rows = targets.map((t) => [
    unit?.name ?? "",
    "",
    t.id,
    t.indicator,
    "",
    "",
    "",
    "累计",
    t.aggregation === "ratio" ? "比率指标:请填分子和分母" : `单位:${t.unit}`
  ]);
  if (xlsx) return writeXlsx([TEMPLATE_HEADERS, ...rows], {sheet: "报送"});
  return csvOf(TEMPLATE_HEADERS, rows);
}

/** `rows` under `header` as a CSV through {@link toCsv}, the writer that neutralizes formulas. */
export function csvOf(header: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  return Buffer.from(
    toCsv(
      rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]]))),
      header
    )
  );
}
