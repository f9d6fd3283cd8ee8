import type {Comparator} from "./mentions.js";
import {UNITS} from "./mentions.js";
import {parsePlanNumber} from "./numbers.js";

/** A target read from a plan's indicator table row: `技术赋能标杆学校数 所 — 50`. */
export interface TableRowTarget {
  indicator: string;
  unit: string;
  comparator: Comparator;
  value: number;
  value_max: number | null;
  /** The base-period value when the row gives one (a number instead of —). */
  baseline: number | null;
}

const CELL_SPLIT = /\s*\|\s*|\t+|\s+/;
const TARGET_CELL = /^(?<symbol>[≥≤><]=?)?\s*(?<low>[\d.,]+[万亿]?%?\s*(?:—|–|-|~|至)\s*)?(?<num>[\d.,]+[万亿]?)(?<pct>%)?$/;
const MISSING = /^(—|–|-|——|\/|无)$/;

/**
 * Reads a row of a plan's indicator table (cells split by `|`, tabs or spaces): a Chinese indicator
 * name, a unit cell, an optional base-period cell (a number, or — when there is none) and the target
 * cell last (`50`, `≥80`, `2—3`). Returns null for any other line, a header row included.
 */
export function readTableRow(line: string): TableRowTarget | null {
  const cells = line.trim().replace(/^\||\|$/g, "").split(CELL_SPLIT).filter(Boolean);
  if (cells.length < 3 || cells.length > 5) return null;
  const [indicator, unitCell, ...rest] = cells as [string, string, ...string[]];
  if (!/^[\u4e00-\u9fa5]/.test(indicator) || /\d/.test(indicator)) return null;
  const unit = unitCell === "％" ? "%" : unitCell;
  if (!(UNITS as readonly string[]).includes(unit)) return null;
  const last = TARGET_CELL.exec(rest.at(-1)!);
  if (!last?.groups) return null;
  const middle = rest.slice(0, -1);
  if (middle.some((c) => !MISSING.test(c) && !Number.isFinite(parsePlanNumber(c)))) return null;
  const baselineCell = middle.find((c) => !MISSING.test(c));
  const {symbol, low, num} = last.groups;
  const high = parsePlanNumber(num!);
  const lowValue = low ? parsePlanNumber(low.replace(/\s*(?:—|–|-|~|至)\s*$/, "")) : NaN;
  const comparator: Comparator = low ? "between" : symbol?.startsWith("≤") || symbol === "<=" ? "<=" : symbol === "<" ? "<" : symbol === ">" ? ">" : ">=";
  return {
    indicator,
    unit: unit === "个百分点" ? "百分点" : unit,
    comparator,
    value: low ? lowValue : high,
    value_max: low ? high : null,
    baseline: baselineCell === undefined ? null : parsePlanNumber(baselineCell)
  };
}
