import {PlanwatchError, parseMonth} from "../core/index.js";

/**
 * A `--year` option, cleaned once for every command that takes one: undefined when not given, else a
 * year of four digits from 1900 to 2999. Throws `PlanwatchError` `invalid_option` otherwise.
 */
export function yearOption(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 1900 || year > 2999)
    throw new PlanwatchError("invalid_option", `invalid --year: ${String(value)} (expected a year such as 2024)`);
  return year;
}

/**
 * A month option (`--as-of`, `--from`, `--to`) read as people write months ({@link parseMonth}:
 * `2023-06`, `2023年6月` …): undefined when not given. Throws `PlanwatchError` `invalid_option`,
 * naming the option, for anything that is not a month.
 */
export function monthOption(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const month = parseMonth(String(value));
  if (month === null)
    throw new PlanwatchError(
      "invalid_option",
      `invalid --${name}: ${String(value)} (expected a month such as 2023-06)`
    );
  return month;
}
