import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {extractTasks} from "../../pipelines/tasks/extractTasks.js";
import {PROJECT_DIR} from "../helpers/cli.js";

/** Public plans of other shapes than the seed's, each with what a reader calls its items and tasks (written by hand). */
const DIR = join(PROJECT_DIR, "test/fixtures/plans/tasks");

interface Expected {
  year: number | null;
  items: {item_id: string; title: string; tasks: number}[];
  deadlines: Record<string, string | null>;
  texts: Record<string, string>;
}

const names = readdirSync(DIR)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => f.replace(/\.expected\.json$/, ""))
  .sort();

describe("extractTasks on plans it was not written against", () => {
  it("has its fixtures", () => expect(names.length).toBeGreaterThanOrEqual(5));

  it.each(names)("%s: the items, titles, tasks per item, deadlines and texts a reader sees", (name) => {
    const input = readFileSync(join(DIR, `${name}.txt`), "utf8");
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")) as Expected;
    const {year, items, tasks} = extractTasks(input);
    expect(year).toBe(expected.year);
    expect(
      items.map((i) => ({
        item_id: i.item_id,
        title: i.title,
        tasks: tasks.filter((t) => t.item_id === i.item_id).length
      }))
    ).toEqual(expected.items);
    const byId = new Map(tasks.map((t) => [t.task_id, t]));
    expect(Object.fromEntries(Object.keys(expected.deadlines).map((id) => [id, byId.get(id)?.deadline]))).toEqual(
      expected.deadlines
    );
    expect(Object.fromEntries(Object.keys(expected.texts).map((id) => [id, byId.get(id)?.text]))).toEqual(
      expected.texts
    );
    for (const t of tasks) expect(input.slice(t.start_offset, t.end_offset)).toBe(t.text);
    for (const i of items) expect(input.slice(i.start_offset, i.end_offset)).toBe(i.title);
  });
});
