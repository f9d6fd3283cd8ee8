import {createRequire} from "node:module";
import {defineCommand, runCommand, runMain} from "citty";
import {build, dev, preview, status} from "./commands/site.js";
import {ingest, sample, template, validate} from "./commands/submissions.js";
import {diff, exportData, gaps} from "./commands/gaps.js";
import {targets} from "./commands/targets.js";
import {schedule, watch} from "./commands/watch.js";
import {PlanwatchError} from "./error.js";
const {version} = createRequire(import.meta.url)("../package.json") as {version: string};

const main = defineCommand({
  meta: {name: "planwatch", version, description: "Track a plan's targets against what units report; publish the analysis as a static site"},
  subCommands: {targets, validate, ingest, template, sample, gaps, diff, export: exportData, build, status, watch, schedule, preview, dev}
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
      error instanceof PlanwatchError ? `${error.code}: ${error.message}` : e.code === "ENOENT" ? `not_found: no such file: ${e.path}` : e.message ?? String(error);
    console.error(`planwatch: ${message.split("\n")[0]}`);
    process.exitCode = 1;
  }
}
