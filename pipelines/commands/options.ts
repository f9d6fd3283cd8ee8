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
    throw new PlanwatchError("invalid_option", `--year ${String(value)} 不是有效年份(应为 2024 这样的四位年份)`);
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
    throw new PlanwatchError("invalid_option", `--${name} ${String(value)} 不是有效月份(应为 2023-06 这样的年月)`);
  return month;
}

/**
 * An option that takes one of `choices` (`--format`, `--engine`), compared without case; undefined
 * gives `fallback`. Throws `PlanwatchError` `invalid_option`: `--format xml 不是可选的值(应为 table、json 之一)`.
 */
export function choiceOption<T extends string>(name: string, value: unknown, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  const choice = String(value).toLowerCase();
  if (!(choices as readonly string[]).includes(choice))
    throw new PlanwatchError(
      "invalid_option",
      `--${name} ${String(value)} 不是可选的值(应为 ${choices.join("、")} 之一)`
    );
  return choice as T;
}

/**
 * The one of `names` closest to `name` when it is within `within` edits (default: a third of its
 * length, at least 1), else undefined. Loads fastest-levenshtein only when asked (a mistake).
 */
export async function nearestName(
  name: string,
  names: readonly string[],
  {within = Math.max(1, Math.floor(name.length / 3))}: {within?: number} = {}
): Promise<string | undefined> {
  if (names.length === 0) return undefined;
  const {nearest} = await import("../core/nearest.js");
  return nearest(name, names, {within});
}

/**
 * What was meant by `text` among `things` (units, offices) looked up by `find`; throws
 * `PlanwatchError` `unknown_unit` naming what was asked and, when one is close, the nearest
 * name: `没有单位 西胡区,是否要用 西湖区?`. `kind`: 单位 or 处室.
 */
export async function lookupOption<T extends {code: string; name: string}>(
  text: string,
  {find, things, kind}: {find: (text: string) => T | undefined; things: readonly T[]; kind: string}
): Promise<T> {
  const found = find(text);
  if (found) return found;
  const best = await nearestName(
    text,
    things.map((t) => t.name)
  );
  throw new PlanwatchError(
    "unknown_unit",
    `没有${kind} ${text}${best !== undefined ? `,是否要用 ${best}?` : `(可写名称、简称或代码)`}`
  );
}
