import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {extractTasks} from "../../pipelines/tasks/extractTasks.js";
import {PROJECT_DIR} from "../helpers/cli.js";

/** Public plans of other shapes than the seed's, each with what a reader calls its items and tasks (written by hand). */
const DIR = join(PROJECT_DIR, "test/fixtures/plans/tasks");

interface Owner {
  lead: string | null;
  partners: string[];
}

interface Expected {
  year: number | null;
  items: {item_id: string; title: string; tasks: number}[];
  deadlines: Record<string, string | null>;
  /** Where each stated deadline comes from (`text`, `table`, `year_end`, null), for the tasks it names. */
  deadline_sources?: Record<string, string | null>;
  texts: Record<string, string>;
  /** The offices the text names for a task: its lead (牵头) and partners (配合, 责任), as printed. */
  owners?: Record<string, Owner>;
}

const names = readdirSync(DIR)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => f.replace(/\.expected\.json$/, ""))
  .sort();

/** The fixtures every fact of which the extractor must give (the first corpus, met exactly since). */
const EXACT = [
  "beijing-health-2023-review",
  "beijing-opengov-2016",
  "city-edu-12991-2024",
  "hk-policy-address-2022-kpi",
  "lishan-2023-division",
  "nanling-2024-tasks",
  "taiyuan-edu-2025",
  "wuhu-edu-2024",
  "xuchang-2020-division"
];

/** How a text is printed: as stored, or with its ASCII punctuation full-width (，：；（）), as bureaus publish. */
type Print = (text: string) => string;
const AS_STORED: Print = (text) => text;
const FULL_WIDTH: Record<string, string> = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）"};
const fullWidth: Print = (text) => text.replace(/[,:;()]/g, (c) => FULL_WIDTH[c]!);
/** Every string of an expectation printed so (titles, texts, names). */
const printed = <T>(value: T, print: Print): T =>
  (typeof value === "string"
    ? print(value)
    : Array.isArray(value)
      ? value.map((v: unknown) => printed(v, print))
      : value && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printed(v, print)]))
        : value) as T;

function read(name: string, print: Print = AS_STORED) {
  const input = print(readFileSync(join(DIR, `${name}.txt`), "utf8"));
  const expected = printed(JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")) as Expected, print);
  return {input, expected, extracted: extractTasks(input)};
}

/** The kinds of fact the corpus measures: the items and titles, the tasks of each item, their offices, their deadlines. */
const KINDS = ["structure", "tasks per item", "owners", "deadlines"] as const;
type Kind = (typeof KINDS)[number];

interface Fact {
  kind: Kind;
  fact: string;
  expected: unknown;
  got: unknown;
}

/** What the extractor gives for each fact the expectation states, side by side. */
function facts(name: string, print: Print = AS_STORED): Fact[] {
  const {expected, extracted} = read(name, print);
  const {year, items, tasks} = extracted;
  const byId = new Map(tasks.map((t) => [t.task_id, t]));
  const out: Fact[] = [];
  out.push({kind: "structure", fact: "year", expected: expected.year, got: year});
  out.push({
    kind: "structure",
    fact: "item ids",
    expected: expected.items.map((i) => i.item_id),
    got: items.map((i) => i.item_id)
  });
  for (const e of expected.items) {
    const item = items.find((i) => i.item_id === e.item_id);
    out.push({kind: "structure", fact: `${e.item_id} title`, expected: e.title, got: item?.title});
    out.push({
      kind: "tasks per item",
      fact: `${e.item_id} tasks`,
      expected: e.tasks,
      got: tasks.filter((t) => t.item_id === e.item_id).length
    });
  }
  for (const [id, deadline] of Object.entries(expected.deadlines))
    out.push({kind: "deadlines", fact: `${id} deadline`, expected: deadline, got: byId.get(id)?.deadline});
  for (const [id, source] of Object.entries(expected.deadline_sources ?? {}))
    out.push({kind: "deadlines", fact: `${id} deadline source`, expected: source, got: byId.get(id)?.deadline_source});
  for (const [id, text] of Object.entries(expected.texts))
    out.push({kind: "tasks per item", fact: `${id} text`, expected: text, got: byId.get(id)?.text});
  for (const [id, owner] of Object.entries(expected.owners ?? {})) {
    const t = byId.get(id);
    out.push({kind: "owners", fact: `${id} owner`, expected: owner, got: t && {lead: t.lead, partners: t.partners}});
  }
  return out;
}

/** How many of the facts of `fixtures` agree, per kind, with the misses. */
function agreement(fixtures: readonly string[], print: Print = AS_STORED) {
  const byKind = new Map<Kind, {agreed: number; total: number}>(KINDS.map((k) => [k, {agreed: 0, total: 0}]));
  const misses: string[] = [];
  for (const name of fixtures)
    for (const f of facts(name, print)) {
      const k = byKind.get(f.kind)!;
      k.total++;
      if (same(f.expected, f.got)) k.agreed++;
      else misses.push(`${name} ${f.fact}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.got)}`);
    }
  return {byKind, misses};
}

/** `structure 40/42 (95.2%), …`: the agreement of each kind, as the test prints it. */
function report(byKind: ReturnType<typeof agreement>["byKind"]): string {
  return KINDS.map((k) => {
    const {agreed, total} = byKind.get(k)!;
    return `${k} ${agreed}/${total} (${((agreed / Math.max(total, 1)) * 100).toFixed(1)}%)`;
  }).join(", ");
}

/** The fixtures of real plans that state owners and deadlines in the newer shapes (prefixed `tasks-`). */
const STATED = names.filter((n) => n.startsWith("tasks-"));

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe("extractTasks on plans it was not written against", () => {
  it("has its fixtures", () => {
    expect(names.length).toBeGreaterThanOrEqual(32);
    expect(STATED.length).toBeGreaterThanOrEqual(8);
  });

  it.each(names)("%s: every task's and item's text is the input's at its offsets", (name) => {
    const {input, extracted} = read(name);
    for (const t of extracted.tasks) expect(input.slice(t.start_offset, t.end_offset)).toBe(t.text);
    for (const i of extracted.items) expect(input.slice(i.start_offset, i.end_offset)).toBe(i.title);
  });

  it.each(EXACT)("%s: the items, titles, tasks per item, deadlines, texts and owners a reader sees", (name) => {
    const all = facts(name);
    expect(all.map((f) => [f.fact, f.got])).toEqual(all.map((f) => [f.fact, f.expected]));
  });

  it("agrees with the hand-checked facts of the whole corpus (structure, tasks per item, owners, deadlines)", () => {
    const all = agreement(names);
    console.log(`tasks corpus: ${report(all.byKind)}`);
    const stated = agreement(STATED);
    console.log(`  of which the plans that state owners and deadlines (tasks-…): ${report(stated.byKind)}`);
    for (const m of all.misses) console.log(`  ${m}`);
    for (const kind of KINDS) {
      const {agreed, total} = all.byKind.get(kind)!;
      expect(agreed / total, kind).toBeGreaterThanOrEqual(0.9);
      const s = stated.byKind.get(kind)!;
      expect(s.agreed / s.total, `${kind} (tasks-…)`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it("agrees as well when the corpus is printed in full-width punctuation (，：；（）), as bureaus publish", () => {
    const all = agreement(names, fullWidth);
    console.log(`tasks corpus in full-width punctuation: ${report(all.byKind)}`);
    for (const kind of KINDS) {
      const {agreed, total} = all.byKind.get(kind)!;
      expect(agreed / total, kind).toBeGreaterThanOrEqual(0.9);
    }
  });
});
