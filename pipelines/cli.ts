import {readFileSync} from "node:fs";
import {join} from "node:path";
import {defineCommand, runCommand, runMain} from "citty";
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
    description: "Track a plan's targets against what units report; publish the analysis as a static site"
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
 * Runs the command line; the only place that sets the exit code: 0 on success, 1 with a one-line
 * reason on standard error on failure.
 */
export async function cli(argv: string[] = process.argv.slice(2)): Promise<void> {
  const asksForUsage = argv.length === 0 || argv.some((a) => a === "--help" || a === "-h") || argv[0] === "--version";
  if (asksForUsage) return runMain(main, {rawArgs: argv});
  try {
    await runCommand(main, {rawArgs: argv});
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const message =
      error instanceof PlanwatchError
        ? `${error.code}: ${error.message}`
        : e.code === "ENOENT"
          ? `not_found: no such file: ${e.path}`
          : systemCode(error)
            ? `io_error: ${e.path ?? ""}:${ioReason(error)}`
            : (e.message ?? String(error));
    console.error(`planwatch: ${message.split("\n")[0]}`);
    process.exitCode = 1;
  }
}
