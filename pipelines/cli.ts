import {spawn} from "node:child_process";
import {createRequire} from "node:module";
import {defineCommand, runCommand, runMain} from "citty";
import {PlanwatchError} from "./error.js";
import {projectPaths} from "./project.js";
import {buildSite} from "./run/buildSite.js";
import {seedNpmCache} from "./run/npmCache.js";
import {serveDir} from "./run/serveDir.js";
import {writeSample} from "./sample/writeSample.js";
import {formatRows, rowFormat} from "./format/formatRows.js";
import {loadTargets} from "./targets/loadTargets.js";
import {readUnits} from "./submissions/units.js";

const {version} = createRequire(import.meta.url)("../package.json") as {version: string};

const build = defineCommand({
  meta: {name: "build", description: "Build the site into dist/ (offline: npm packages come from node_modules)"},
  args: {output: {type: "string", description: "output folder", default: "dist"}},
  async run({args}) {
    const started = Date.now();
    const out = await buildSite({output: args.output});
    console.error(`built ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
});

const preview = defineCommand({
  meta: {name: "preview", description: "Serve the built site (dist/) on localhost"},
  args: {
    dir: {type: "string", description: "folder to serve", default: "dist"},
    port: {type: "string", description: "port", default: "3000"}
  },
  async run({args}) {
    const {url} = await serveDir({dir: args.dir, port: Number(args.port)});
    console.error(`serving ${args.dir} at ${url} (Ctrl-C stops)`);
  }
});

const dev = defineCommand({
  meta: {name: "dev", description: "Live preview of src/ while you edit pages (Framework's preview server, offline)"},
  args: {port: {type: "string", description: "port", default: "3000"}},
  async run({args}) {
    const {root} = projectPaths();
    await seedNpmCache({root: `${root}/src`, projectDir: root});
    const bin = createRequire(import.meta.url).resolve("@observablehq/framework/dist/bin/observable.js");
    const child = spawn(process.execPath, [bin, "preview", "--no-open", "--port", args.port], {
      stdio: "inherit",
      env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "1"}
    });
    await new Promise((resolve) => child.on("exit", resolve));
  }
});

const sample = defineCommand({
  meta: {name: "sample", description: "Regenerate the bundled demo submissions in data/sample/ (deterministic)"},
  args: {seed: {type: "string", description: "random seed", default: "2023"}},
  async run({args}) {
    const paths = projectPaths();
    const files = await writeSample({dir: paths.sample, units: await readUnits(paths.units), seed: Number(args.seed)});
    console.error(`wrote ${files.length} files to ${paths.sample}`);
  }
});

const targets = defineCommand({
  meta: {name: "targets", description: "The plan's numeric targets"},
  subCommands: {
    extract: defineCommand({
      meta: {name: "extract", description: "Print every numeric target of a plan text, with the clause it comes from"},
      args: {
        file: {type: "positional", description: "the plan text (UTF-8)", required: true},
        format: {type: "string", description: "table | json | csv", default: "table"},
        curation: {type: "string", description: "a targets.curation.csv to merge by id"},
        year: {type: "string", description: "the plan's year (default: read from its title)"}
      },
      async run({args}) {
        const format = rowFormat(args.format);
        const year = args.year === undefined ? undefined : Number(args.year);
        const rows = await loadTargets({plan: String(args.file), curation: args.curation, year});
        process.stdout.write(formatRows(rows, {format, columns: format === "json" ? undefined : format === "csv" ? TARGET_CSV_COLUMNS : TARGET_COLUMNS}));
      }
    })
  }
});

/** The columns `planwatch targets extract` prints as a table, and as CSV (JSON has every field). */
const TARGET_COLUMNS = ["id", "indicator", "comparator", "value", "value_max", "unit", "year", "scope", "kind", "aggregation"];
const TARGET_CSV_COLUMNS = [...TARGET_COLUMNS, "direction", "baseline", "baseline_year", "per", "start", "deadline", "text", "start_offset", "end_offset"];

const main = defineCommand({
  meta: {name: "planwatch", version, description: "Track a plan's targets against what units report; publish the analysis as a static site"},
  subCommands: {targets, build, preview, dev, sample}
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
