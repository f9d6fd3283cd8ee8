import {createRequire} from "node:module";
import type {Converter} from "opencc-js";

let convert: ((text: string) => string) | undefined;

/**
 * `text` in simplified characters, character for character (the same length, so offsets into it are
 * offsets into `text`): what planwatch matches its words against (推動 → 推动, 牽頭單位 → 牵头单位,
 * 於年底前 → 于年底前), so that a plan printed in traditional characters reads like any other. OpenCC
 * (opencc-js) converts; a conversion that would change the length is done character by character,
 * and where even that would, `text` is returned as it is. Simplified text comes back unchanged.
 * OpenCC's traditional-to-simplified part loads at the first call, not at start-up: most plans, and
 * every command that never meets a traditional character, never load it.
 */
export function toSimplified(text: string): string {
  const to = (convert ??= (createRequire(import.meta.url)("opencc-js/t2cn") as {Converter: typeof Converter}).Converter(
    {from: "tw", to: "cn"}
  ));
  const whole = to(text);
  if (whole.length === text.length) return whole;
  const byChar = Array.from(text, (c) => {
    const s = to(c);
    return s.length === c.length ? s : c;
  }).join("");
  return byChar.length === text.length ? byChar : text;
}
