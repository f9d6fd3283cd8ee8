import {spawn} from "node:child_process";
import {createRequire} from "node:module";
import {defineCommand, runCommand, runMain} from "citty";
import {PlanwatchError} from "./error.js";
import {projectPaths} from "./project.js";
import {buildSite} from "./run/buildSite.js";
import {seedNpmCache} from "./run/npmCache.js";
import {serveDir} from "./run/serveDir.js";
import {writeSample} from "./sample/writeSample.js";
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

const main = defineCommand({
  meta: {name: "planwatch", version, description: "Track a plan's targets against what units report; publish the analysis as a static site"},
  subCommands: {build, preview, dev, sample}
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
    const message = error instanceof PlanwatchError ? `${error.code}: ${error.message}` : (error as Error).message ?? String(error);
    console.error(`planwatch: ${message.split("\n")[0]}`);
    process.exitCode = 1;
  }
}
