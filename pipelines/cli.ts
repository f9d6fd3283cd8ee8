import {readFileSync} from "node:fs";
import {join} from "node:path";
import {stripVTControlCharacters} from "node:util";
import {type ArgsDef, type CommandDef, defineCommand, renderUsage, runCommand, runMain} from "citty";
import {checkArgv} from "./commands/checkArgv.js";
import {PlanwatchError} from "./core/error.js";
import {packageRoot} from "./core/packageRoot.js";
import {ioReason, systemCode} from "./core/ioError.js";

const {version} = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as {version: string};

// Each command's module loads only when that command runs, or when its usage is shown (the command
// modules import their heavy parts inside `run`, so `planwatch --help` loads none of them).
const main = defineCommand({
  meta: {
    name: "planwatch",
    version,
    description: "对照各单位报送的数据跟踪规划目标,并把分析发布为静态网站"
  },
  subCommands: {
    init: () => import("./commands/init.js").then((m) => m.init),
    targets: () => import("./commands/targets.js").then((m) => m.targets),
    tasks: () => import("./commands/tasks.js").then((m) => m.tasks),
    validate: () => import("./commands/submissions.js").then((m) => m.validate),
    ingest: () => import("./commands/submissions.js").then((m) => m.ingest),
    template: () => import("./commands/submissions.js").then((m) => m.template),
    sample: () => import("./commands/submissions.js").then((m) => m.sample),
    gaps: () => import("./commands/gaps.js").then((m) => m.gaps),
    diff: () => import("./commands/gaps.js").then((m) => m.diff),
    export: () => import("./commands/gaps.js").then((m) => m.exportData),
    build: () => import("./commands/site.js").then((m) => m.build),
    status: () => import("./commands/site.js").then((m) => m.status),
    watch: () => import("./commands/watch.js").then((m) => m.watch),
    schedule: () => import("./commands/watch.js").then((m) => m.schedule),
    preview: () => import("./commands/site.js").then((m) => m.preview),
    dev: () => import("./commands/site.js").then((m) => m.dev)
  }
});

/**
 * Whether to colour what goes to `stream`: never with `NO_COLOR` (any value), always with
 * `FORCE_COLOR` (except `0` or `false`), else only on a terminal (https://no-color.org).
 */
export function useColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

/**
 * citty's usage in Chinese (its headings and hints; the descriptions are the commands' own), coloured
 * only where {@link useColor} says. The usage line's syntax (`[OPTIONS]`, `<DIR>`) and flag names stay.
 */
async function showUsage<T extends ArgsDef>(cmd: CommandDef<T>, parent?: CommandDef<T>): Promise<void> {
  const text = chineseUsage(await renderUsage(cmd, parent));
  console.log((useColor(process.stdout) ? text : stripVTControlCharacters(text)) + "\n");
}

/** citty's English words in a rendered usage, in Chinese. */
export function chineseUsage(text: string): string {
  return text
    .replace("USAGE", "用法")
    .replace("ARGUMENTS", "参数")
    .replace(/(?<!\[)OPTIONS(?!\])/, "选项")
    .replace("COMMANDS", "命令")
    .replace(/\(Required\)/g, "(必填)")
    .replace(/\(Default: ([^)]*)\)/g, "(默认:$1)")
    .replace(/Use (.*) for more information about a command\./, "用 $1 查看某个命令的说明。");
}

/** The one line the CLI prints for a failure: `<code>: <message>`, in Chinese where a person reads it. */
function failure(error: unknown): string {
  const e = error as NodeJS.ErrnoException & {port?: number};
  if (error instanceof PlanwatchError) return `${error.code}: ${error.message}`;
  if (e.code === "ENOENT") return `not_found: 找不到文件 ${e.path}`;
  if (e.code === "EADDRINUSE") return `port_in_use: 端口 ${e.port ?? ""} 已被占用(用 --port 换一个)`;
  if (systemCode(error)) return `io_error: ${e.path ? `${e.path}:` : ""}${ioReason(error)}`;
  return e.message ?? String(error);
}

/**
 * Runs the command line; the only place that sets the exit code: 0 on success, 1 with a one-line
 * reason on standard error on failure. A closed standard output (`| head`) ends it quietly, with 0.
 */
export async function cli(argv: string[] = process.argv.slice(2)): Promise<void> {
  for (const stream of [process.stdout, process.stderr])
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
      process.exit(stream === process.stdout ? 0 : 1);
    });
  const asksForUsage = argv.length === 0 || argv.some((a) => a === "--help" || a === "-h") || argv[0] === "--version";
  if (asksForUsage) return runMain(main, {rawArgs: argv, showUsage});
  try {
    await checkArgv(main, argv);
    await runCommand(main, {rawArgs: argv});
  } catch (error) {
    console.error(`planwatch: ${failure(error).split("\n")[0]}`);
    process.exitCode = 1;
  }
}
