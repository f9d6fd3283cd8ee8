import {statSync, watch as watchFolder} from "node:fs";
import {resolve} from "node:path";
import {defineCommand} from "citty";
import {PlanwatchError} from "../core/index.js";
import {projectPaths} from "../project/index.js";
import type {Logger} from "../run/index.js";
import {logStage} from "./site.js";

// A command's modules load when it runs (`planwatch --help` reads only the meta and args here).

const args = {
  inbox: {type: "string", description: "各区县放入报送文件的收件文件夹", default: "data/inbox"},
  data: {type: "string", description: "数据文件夹", default: "data"},
  output: {type: "string", description: "输出文件夹", default: "dist"}
} as const;

/**
 * Runs passes one after another, never two at once; a request during a pass asks for one more. The
 * first pass, and the one after a pass that failed, also rebuild a site that is not up to date
 * (`whenStale`); a pass that met another process's lock is tried again after `retryMs`.
 */
function serialPasses(pass: (whenStale: boolean) => Promise<unknown>, retryMs = 5000): () => void {
  let running = false;
  let again = false;
  let whenStale = true;
  const run = async () => {
    if (running) return void (again = true);
    running = true;
    try {
      do {
        again = false;
        await pass(whenStale).then(
          () => void (whenStale = false),
          (error: unknown) => {
            whenStale = true;
            consoleLogger.error(`planwatch: ${(error as Error).message.split("\n")[0]}`);
            if (error instanceof PlanwatchError && error.code === "locked") {
              consoleLogger.log(`inbox: ${retryMs / 1000} 秒后重试`);
              setTimeout(() => void run(), retryMs);
            }
          }
        );
      } while (again);
    } finally {
      running = false;
    }
  };
  return () => void run();
}

/** The inbox named, which must be a folder: a typo is said, never created. */
function inboxDir(a: {inbox: string}): string {
  const inbox = resolve(projectPaths().root, a.inbox);
  if (!statSync(inbox, {throwIfNoEntry: false})?.isDirectory())
    throw new PlanwatchError("not_found", `收件箱文件夹不存在:${inbox}(请检查 --inbox 是否写错,或先创建这个文件夹)`);
  return inbox;
}

// The run folder's logger, loaded when a command runs (a static import of run/ would load Framework
// for `planwatch --help`).
let consoleLogger: Logger;
const loadLogger = async () => void (consoleLogger = (await import("../run/effects.js")).consoleLogger);

/**
 * One pass over the inbox, returning how many files were rejected; `onWaiting` is told when files
 * were left for a later pass.
 */
function inboxPass(a: {inbox: string; data: string; output: string}, onWaiting?: () => void) {
  const {root} = projectPaths();
  return async (whenStale: boolean) => {
    const {processInbox} = await import("../run/processInbox.js");
    const result = await processInbox({
      projectDir: root,
      inbox: inboxDir(a),
      dataDir: resolve(root, a.data),
      output: a.output,
      whenStale,
      logger: consoleLogger,
      onStage: logStage
    });
    if (result.waiting.length) {
      consoleLogger.log(`inbox: waiting for ${result.waiting.length} file(s) still being written or not readable now`);
      onWaiting?.();
    }
    const rejected = result.ingested.filter((r) => r.status === "rejected").length;
    // Refused by type (a link, a folder, a device): never read, so not in the ledger nor on the quality page.
    const refused = result.ingested.filter(
      (r) => r.status === "failed" && r.findings.some((f) => f.code === "not_a_file")
    ).length;
    if (rejected) consoleLogger.log(`inbox: ${rejected} 个文件被拒收,原因见上,也见网站的数据质量页`);
    if (refused)
      consoleLogger.log(
        `inbox: ${refused} 个不是普通文件(符号链接、文件夹等),未读取,原因见上;已移入 processed/(名称以 unread- 开头),不会出现在数据质量页`
      );
    return rejected + refused;
  };
}

/** `planwatch watch`: ingest and rebuild when files arrive. */
export const watch = defineCommand({
  meta: {
    name: "watch",
    description: "收件文件夹有文件到达时接收并重新构建(去抖;未写完的文件等待)"
  },
  args: {
    ...args,
    debounce: {type: "string", description: "一轮处理前需静默的毫秒数", default: "2000"},
    once: {type: "boolean", description: "处理一次收件文件夹后退出(有文件被拒收时退出码为 1)"}
  },
  async run({args: a}) {
    await loadLogger();
    const inbox = inboxDir(a);
    if (a.once) {
      if (await inboxPass(a)(true)) process.exitCode = 1;
      return;
    }
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
    poke(); // files already waiting, and a site left stale by an earlier run
    await new Promise(() => {});
  }
});

/** `planwatch schedule "<cron>"`: the same pass on a schedule. */
export const schedule = defineCommand({
  meta: {
    name: "schedule",
    description: '按 cron 计划接收并重新构建,如 planwatch schedule "*/15 * * * *"'
  },
  args: {
    cron: {type: "positional", description: "cron 表达式(分 时 日 月 星期)", required: true},
    ...args
  },
  async run({args: a}) {
    await loadLogger();
    inboxDir(a);
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
