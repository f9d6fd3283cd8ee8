import {watch as watchFolder} from "node:fs";
import {mkdir} from "node:fs/promises";
import {resolve} from "node:path";
import {defineCommand} from "citty";
import {PlanwatchError} from "../core/index.js";
import {projectPaths} from "../project/index.js";
import {consoleLogger} from "../run/index.js";
import {logStage} from "./site.js";

// A command's modules load when it runs (`planwatch --help` reads only the meta and args here).

const args = {
  inbox: {type: "string", description: "folder districts drop files into", default: "data/inbox"},
  data: {type: "string", description: "data folder", default: "data"},
  output: {type: "string", description: "output folder", default: "dist"}
} as const;

/** Runs passes one after another, never two at once; a request during a pass asks for one more. */
function serialPasses(pass: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    if (running) return void (again = true);
    running = true;
    try {
      do {
        again = false;
        await pass().catch((error) => consoleLogger.error(`planwatch: ${(error as Error).message.split("\n")[0]}`));
      } while (again);
    } finally {
      running = false;
    }
  };
  return () => void run();
}

/** One pass over the inbox; `onWaiting` is told when files were left for a later pass. */
function inboxPass(a: {inbox: string; data: string; output: string}, onWaiting?: () => void) {
  const {root} = projectPaths();
  return async () => {
    const {processInbox} = await import("../run/processInbox.js");
    const result = await processInbox({
      projectDir: root,
      inbox: resolve(root, a.inbox),
      dataDir: resolve(root, a.data),
      output: a.output,
      logger: consoleLogger,
      onStage: logStage
    });
    if (result.waiting.length) {
      consoleLogger.log(`inbox: waiting for ${result.waiting.length} file(s) still being written or not readable now`);
      onWaiting?.();
    }
  };
}

/** `planwatch watch`: ingest and rebuild when files arrive. */
export const watch = defineCommand({
  meta: {
    name: "watch",
    description: "Ingest and rebuild whenever files arrive in the inbox (debounced; half-written files wait)"
  },
  args: {
    ...args,
    debounce: {type: "string", description: "milliseconds of quiet before a pass", default: "2000"},
    once: {type: "boolean", description: "process the inbox once and exit"}
  },
  async run({args: a}) {
    const {root} = projectPaths();
    const inbox = resolve(root, a.inbox);
    await mkdir(inbox, {recursive: true});
    if (a.once) return inboxPass(a)();
    const wait = Number(a.debounce);
    if (!(wait >= 0)) throw new PlanwatchError("invalid_option", `invalid --debounce: ${a.debounce}`);
    let timer: NodeJS.Timeout | undefined;
    const poke = () => {
      clearTimeout(timer);
      timer = setTimeout(trigger, wait);
    };
    // A file left waiting gets another pass even if nothing else happens in the folder.
    const trigger = serialPasses(inboxPass(a, () => setTimeout(poke, Math.max(wait, 500))));
    watchFolder(inbox, poke);
    consoleLogger.log(`watching ${inbox} (Ctrl-C stops)`);
    poke(); // files already waiting
    await new Promise(() => {});
  }
});

/** `planwatch schedule "<cron>"`: the same pass on a schedule. */
export const schedule = defineCommand({
  meta: {
    name: "schedule",
    description: 'Ingest and rebuild on a cron schedule, e.g. planwatch schedule "*/15 * * * *"'
  },
  args: {
    cron: {type: "positional", description: "cron expression (minute hour day month weekday)", required: true},
    ...args
  },
  async run({args: a}) {
    const {Cron} = await import("croner");
    let job: InstanceType<typeof Cron>;
    try {
      job = new Cron(String(a.cron), {protect: true, timezone: "Asia/Shanghai"}, serialPasses(inboxPass(a)));
    } catch (error) {
      throw new PlanwatchError("invalid_option", `invalid cron expression: ${a.cron} (${(error as Error).message})`);
    }
    consoleLogger.log(`scheduled "${a.cron}" (Asia/Shanghai); next run ${job.nextRun()?.toISOString()} (Ctrl-C stops)`);
    await new Promise(() => {});
  }
});
