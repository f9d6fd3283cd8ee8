import {closest, distance} from "fastest-levenshtein";

/**
 * The one of `names` closest to `name` when it is within `within` edits, else undefined (none when
 * `names` is empty): the one "did you mean" of the toolkit (a submission's target name, a mistyped
 * flag, unit or office).
 */
export function nearest(name: string, names: readonly string[], {within}: {within: number}): string | undefined {
  if (names.length === 0) return undefined;
  const best = closest(name, names as string[]);
  return distance(name, best) <= within ? best : undefined;
}
