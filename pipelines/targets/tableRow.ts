import {UNITS} from "./mentions.js";
import {type IndicatorRow, readCell} from "./indicatorTable.js";

/**
 * A target read from a plan's indicator table row without a header (`技术赋能标杆学校数 所 — 50`): the
 * fields a headed table's row has that such a row can give (`baseline` when it has a number for the
 * base period instead of —).
 */
export type TableRowTarget = Pick<
  IndicatorRow,
  "indicator" | "unit" | "comparator" | "value" | "value_max" | "baseline"
>;

const CELL_SPLIT = /\s*\|\s*|\t+|\s+/;

/**
 * Reads a row of a plan's indicator table that has no header (cells split by `|`, tabs or spaces): a
 * Chinese indicator name, a unit cell, an optional base-period cell (a number, or — when there is
 * none) and the target cell last (`50`, `≥80`, `2—3`), cells as `readCell` reads them. Returns null
 * for any other line, a header row included. (Tables with a header: `readIndicatorTables`.)
 */
export function readTableRow(line: string): TableRowTarget | null {
  const cells = line
    .trim()
    .replace(/^\||\|$/g, "")
    .split(CELL_SPLIT)
    .filter(Boolean);
  if (cells.length < 3 || cells.length > 5) return null;
  const [indicator, unitCell, ...rest] = cells as [string, string, ...string[]];
  if (!/^[\u4e00-\u9fa5]/.test(indicator) || /\d/.test(indicator)) return null;
  const unit = unitCell === "％" ? "%" : unitCell;
  if (!(UNITS as readonly string[]).includes(unit)) return null;
  const target = readCell(rest.at(-1)!);
  if (!target || target.cumulative) return null;
  const middle = rest.slice(0, -1).map(readCell);
  if (middle.some((c) => c === undefined)) return null;
  const baseline = middle.find((c) => c) ?? null;
  return {
    indicator,
    unit: unit === "个百分点" ? "百分点" : unit,
    comparator: target.comparator,
    value: target.value,
    value_max: target.value_max,
    baseline: baseline ? baseline.value : null
  };
}
