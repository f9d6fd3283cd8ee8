import {readFileSync, readdirSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {loadTargets} from "../../pipelines/targets/loadTargets.js";
import {normalizeText} from "../../pipelines/core/normalizeText.js";
import {inferPlanYear} from "../../pipelines/plan/planYear.js";
import {PROJECT_DIR, runPlanwatch} from "../helpers/cli.js";

/**
 * The phrasing corpus: short excerpts of real public plans (other cities, years and sectors, simplified
 * and traditional characters, flattened tables, progress reports), each `<name>.txt` beside its
 * `<name>.txt.source` (address and title) and `<name>.expected.json` (the targets the text states,
 * written by hand before the extractor ran on it).
 *
 * The matching rule, the one place it is defined: an expected target and an extracted one match when
 * they have the same value (and value_max when one is expected), the same unit (traditional characters
 * made simplified) and the same comparator, the baseline too when one is expected, and the extracted
 * target's clause (start_offset … end_offset) overlaps one occurrence of the expected `clause` in the
 * text. Each extracted target matches at most one expected target (first come, in text order).
 * Recall = matched ÷ expected, precision = matched ÷ extracted, both over the whole corpus.
 */
const DIR = join(PROJECT_DIR, "test/fixtures/plans/corpus");
const NAMES = readdirSync(DIR)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => f.slice(0, -4))
  .sort();

interface Expected {
  indicator: string;
  comparator: string;
  value: number;
  value_max?: number;
  unit: string;
  baseline?: number;
  clause: string;
}
interface Extracted {
  id: string;
  indicator: string;
  comparator: string;
  value: number;
  value_max: number | null;
  unit: string;
  baseline: number | null;
  start_offset: number;
  end_offset: number;
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Where `clause` occurs in `text` (every occurrence): [start, end) spans. */
function spans(text: string, clause: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = text.indexOf(clause); at >= 0; at = text.indexOf(clause, at + 1)) out.push([at, at + clause.length]);
  return out;
}

function matches(text: string, e: Expected, t: Extracted): boolean {
  if (!same(e.value, t.value) || e.comparator !== t.comparator || normalizeText(e.unit) !== normalizeText(t.unit))
    return false;
  if (e.value_max !== undefined && (t.value_max === null || !same(e.value_max, t.value_max))) return false;
  if (e.baseline !== undefined && (t.baseline === null || !same(e.baseline, t.baseline))) return false;
  return spans(text, e.clause).some(([s, end]) => t.start_offset < end && s < t.end_offset);
}

/** Pairs expected and extracted targets by the rule above; returns what is left on either side. */
function score(text: string, expected: readonly Expected[], extracted: readonly Extracted[]) {
  const free = new Set(extracted);
  const missed: Expected[] = [];
  for (const e of expected) {
    const t = extracted.find((x) => free.has(x) && matches(text, e, x));
    if (t) free.delete(t);
    else missed.push(e);
  }
  return {matched: expected.length - missed.length, missed, spurious: [...free]};
}

const read = (name: string) => ({
  text: readFileSync(join(DIR, `${name}.txt`), "utf8"),
  expected: JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")) as {
    year?: number | null;
    targets: Expected[];
  }
});

describe("the phrasing corpus", () => {
  it("holds at least 10 texts, each with its source and its expected targets", () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(10);
    for (const name of NAMES) {
      const [url = "", title = ""] = readFileSync(join(DIR, `${name}.txt.source`), "utf8").split("\n");
      expect(url).toMatch(/^https?:\/\//);
      expect(title.length).toBeGreaterThan(0);
      const {text, expected} = read(name);
      for (const e of expected.targets) expect(spans(text, e.clause).length, `${name}: ${e.clause}`).toBeGreaterThan(0);
    }
  });

  it("extracts the expected targets: recall and precision ≥ 0.95 over the whole corpus", async () => {
    let expectedCount = 0;
    let extractedCount = 0;
    let matchedCount = 0;
    const report: string[] = [];
    for (const name of NAMES) {
      const {text, expected} = read(name);
      const extracted = (await loadTargets({plan: join(DIR, `${name}.txt`)})) as Extracted[];
      const {matched, missed, spurious} = score(text, expected.targets, extracted);
      expectedCount += expected.targets.length;
      extractedCount += extracted.length;
      matchedCount += matched;
      report.push(`${name}: ${matched}/${expected.targets.length} found, ${spurious.length} spurious`);
      for (const e of missed) report.push(`  missed   ${e.comparator} ${e.value} ${e.unit}  «${e.clause}»`);
      for (const t of spurious)
        report.push(
          `  spurious ${t.id} ${t.comparator} ${t.value} ${t.unit}  «${text.slice(t.start_offset, t.end_offset)}»`
        );
    }
    const recall = matchedCount / expectedCount;
    const precision = matchedCount / extractedCount;
    console.log(
      `${report.join("\n")}\ncorpus: ${NAMES.length} texts, ${expectedCount} expected, ${extractedCount} extracted, ${matchedCount} matched: recall ${recall.toFixed(3)}, precision ${precision.toFixed(3)}`
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });

  it("reads each text's year from its title, date, heading or deadlines, and null when none says it", () => {
    for (const name of NAMES) {
      const {text, expected} = read(name);
      if (expected.year !== undefined) expect(inferPlanYear(text).year, name).toBe(expected.year);
    }
  });

  it("planwatch targets extract exits 0 on every text without --year, printing what the functions find", async () => {
    // Three processes at a time: each is a whole planwatch start (tsx), the machine is shared.
    const queue = [...NAMES];
    const worker = async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        const file = join(DIR, `${name}.txt`);
        const {code, stdout, stderr} = await runPlanwatch(["targets", "extract", file, "--format", "json"]);
        expect(code, `${name}: ${stderr}`).toBe(0);
        const rows = JSON.parse(stdout) as Extracted[];
        expect(
          rows.map((r) => r.id),
          name
        ).toEqual((await loadTargets({plan: file})).map((t) => t.id));
        const {year} = read(name).expected;
        if (year === null) expect(stderr, name).toMatch(/计划年份/);
        if (typeof year === "number") expect(stderr, name).toBe("");
      }
    };
    await Promise.all([worker(), worker(), worker()]);
  }, 900_000);
});
