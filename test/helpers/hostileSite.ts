import {cp, mkdtemp, readFile, realpath, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {listTree} from "./files.js";
import {targetSlug} from "../../src/components/slug.js";

/** The hostile texts of test/fixtures/payloads/site.json: markup and a formula, as a sender might write them. */
export interface SitePayloads {
  note: string;
  formula: string;
  progress: string;
}

/** A copy of a built site whose data carry hostile texts where senders' texts go. */
export interface HostileSite {
  dir: string;
  payloads: SitePayloads;
  /** The target whose city row's first two sources carry the hostile note and the formula. */
  target: string;
  /** The task whose progress text is hostile, with its owner and section. */
  task: {task_id: string; owner: string; section: number};
  remove(): Promise<void>;
}

/**
 * Copies the built site `siteDir` and writes the fixture's payloads into its data files (the
 * sample itself holds plausible texts only): the notes of `target`'s first two source rows (in its page's
 * slice) and the progress text of the first task with an owner and a progress text. The pages read the data at
 * run time, so the copy's pages show the payloads as a real submission would bring them.
 */
export async function hostileSite(siteDir: string, {target = "6.1b"}: {target?: string} = {}): Promise<HostileSite> {
  const payloads = JSON.parse(
    await readFile(new URL("../fixtures/payloads/site.json", import.meta.url), "utf8")
  ) as SitePayloads;
  const tmp = await mkdtemp(join(tmpdir(), "planwatch-hostile-"));
  const dir = join(tmp, "site");
  // the built site is a symbolic link to its build (publish.ts): copy what it points to, never the link
  await cp(await realpath(siteDir), dir, {recursive: true});
  const files = await listTree(dir);
  const data = (name: string) =>
    join(
      dir,
      files.find((f) => f.startsWith(`_file/data/${name}.`))!
    );

  // the target's page reads its own slice (pipelines/site-data/siteSlices.ts), with the city row's sources
  const gapsFile = data(`targets/${targetSlug(target)}`);
  const gaps = JSON.parse(await readFile(gapsFile, "utf8"));
  const row = gaps.rows.find(
    (r: {target_id: string; unit_code: string}) => r.target_id === target && r.unit_code === "city"
  );
  const [first, second] = row.sources as [number, number][];
  gaps.notes[`${first![0]}:${first![1]}`] = payloads.note;
  gaps.notes[`${second![0]}:${second![1]}`] = payloads.formula;
  await writeFile(gapsFile, JSON.stringify(gaps));

  const tasksFile = data("tasks");
  const tasks = JSON.parse(await readFile(tasksFile, "utf8"));
  const task = tasks.tasks.find((t: {owner: string | null; progress_text: string}) => t.owner && t.progress_text);
  task.progress_text = payloads.progress;
  await writeFile(tasksFile, JSON.stringify(tasks));

  return {
    dir,
    payloads,
    target,
    task: {task_id: task.task_id, owner: task.owner, section: task.section},
    remove: () => rm(tmp, {recursive: true, force: true})
  };
}
