import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {createRequire} from "node:module";
import {join, resolve} from "node:path";
import {defineCommand} from "citty";
import {PlanwatchError} from "../core/index.js";
import {DEV_CONTEXT, projectPaths, siteRoot} from "../project/index.js";
import type {StageRecord} from "../run/index.js";
import {dataPaths} from "../intake/index.js";
import {mkdir, writeFile} from "node:fs/promises";
import {commandDataDir} from "./dataDir.js";

// A command's modules load when it runs (`planwatch --help` reads only the meta and args here).

/** `planwatch build`: the site from a data folder, or from the bundled sample. */
export const build = defineCommand({
  meta: {name: "build", description: "Build the site into dist/ (offline: npm packages come from node_modules)"},
  args: {
    output: {type: "string", description: "output folder", default: "dist"},
    data: {type: "string", description: "data folder (archive + ledger from planwatch ingest)", default: "data"},
    sample: {
      type: "boolean",
      description: "build from the bundled sample (data/sample/), ingested afresh into .planwatch/sample-data"
    }
  },
  async run({args}) {
    const started = Date.now();
    const [{buildSite}, {freshSampleData}] = await Promise.all([
      import("../run/buildSite.js"),
      import("../sample/ingestSample.js")
    ]);
    let dataDir = args.data;
    if (args.sample) {
      const {dataDir: sampleData, results} = await freshSampleData();
      dataDir = sampleData;
      console.error(
        `sample: ${results.filter((r) => r.status === "accepted").length} files accepted, ${results.filter((r) => r.status === "rejected").length} rejected`
      );
    } else if (!existsSync(dataPaths(dataDir).ledger)) {
      throw new PlanwatchError(
        "no_data",
        `no ingested data in ${dataDir} (no ledger.jsonl): run planwatch ingest, or build --sample`
      );
    }
    const manifest = await buildSite({output: args.output, dataDir, onStage: logStage});
    const ran = manifest.stages.filter((s) => s.ran).length;
    console.error(
      `built ${manifest.output} in ${((Date.now() - started) / 1000).toFixed(1)} s (${ran} of ${manifest.stages.length} stages ran; data as of ${manifest.as_of})`
    );
  }
});

/** One line per stage as the build goes: which ran, how long, and why. */
export function logStage(record: StageRecord): void {
  console.error(
    `stage ${record.name.padEnd(22)} ${record.ran ? "ran  " : "fresh"} ${String(record.duration_ms).padStart(6)} ms${record.ran ? `  (${record.reason})` : ""}`
  );
}

/** `planwatch status`: which stages a build would re-run, and why. */
export const status = defineCommand({
  meta: {name: "status", description: "List the build's stages that are stale, and why (nothing is run)"},
  args: {
    data: {
      type: "string",
      description: "data folder (default: data/, or the sample npm run build ingested when data/ has none)"
    },
    format: {type: "string", description: "table | json", default: "table"}
  },
  async run({args}) {
    const [{formatRows, rowFormat}, {planStages}] = await Promise.all([
      import("./formatRows.js"),
      import("../run/runStages.js")
    ]);
    const {root} = projectPaths();
    const plans = await planStages(
      {projectDir: root, dataDir: resolve(root, commandDataDir(args.data))},
      {stateDir: join(root, ".planwatch", "stages"), loaderCacheDir: join(siteRoot(root), ".observablehq", "cache")}
    );
    const rows = plans.map((p) => ({stage: p.stage.name, stale: p.stale, reason: p.reason}));
    process.stdout.write(formatRows(rows, {format: rowFormat(args.format)}));
  }
});

/** `planwatch preview`: serves a built site. */
export const preview = defineCommand({
  meta: {name: "preview", description: "Serve the built site (dist/) on localhost"},
  args: {
    dir: {type: "string", description: "folder to serve", default: "dist"},
    port: {type: "string", description: "port", default: "3000"}
  },
  async run({args}) {
    const {serveDir} = await import("../run/serveDir.js");
    const {url} = await serveDir({dir: args.dir, port: args.port});
    console.error(`serving ${args.dir} at ${url} (Ctrl-C stops)`);
  }
});

/** `planwatch dev`: Framework's live preview, with the npm cache seeded and the sample ingested. */
export const dev = defineCommand({
  meta: {name: "dev", description: "Live preview of src/ while you edit pages (Framework's preview server, offline)"},
  args: {
    port: {type: "string", description: "port", default: "3000"},
    data: {
      type: "string",
      description: "data folder; default: the bundled sample, ingested into .planwatch/sample-data"
    }
  },
  async run({args}) {
    const [{freshSampleData}, {seedNpmCache}] = await Promise.all([
      import("../sample/ingestSample.js"),
      import("../run/npmCache.js")
    ]);
    const {root} = projectPaths();
    const dataDir = args.data ?? (await freshSampleData()).dataDir;
    await seedNpmCache({root: siteRoot(root), projectDir: root});
    // observablehq.config.ts reads which data folder to show from here (the footer's as-of and snapshot are its).
    await mkdir(join(root, ".planwatch"), {recursive: true});
    await writeFile(join(root, DEV_CONTEXT), JSON.stringify({dataDir: resolve(dataDir)}) + "\n");
    const bin = createRequire(import.meta.url).resolve("@observablehq/framework/dist/bin/observable.js");
    const child = spawn(process.execPath, [bin, "preview", "--no-open", "--port", args.port], {
      stdio: "inherit",
      // The data loaders are child processes of the preview server: they read their inputs from here.
      env: {
        ...process.env,
        OBSERVABLE_TELEMETRY_DISABLE: "1",
        PLANWATCH_DATA: resolve(dataDir),
        PLANWATCH_PROJECT: root
      }
    });
    await new Promise((resolve) => child.on("exit", resolve));
  }
});
