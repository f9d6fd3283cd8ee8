import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {createRequire} from "node:module";
import {constants} from "node:os";
import {join, resolve} from "node:path";
import {defineCommand} from "citty";
import {PlanwatchError} from "../core/index.js";
import {DEV_CONTEXT, projectPaths, siteRoot} from "../project/index.js";
import type {Logger, StageRecord} from "../run/index.js";
import {dataPaths} from "../intake/index.js";
import {mkdir, readdir, writeFile} from "node:fs/promises";
import {stripVTControlCharacters} from "node:util";
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
    },
    verbose: {type: "boolean", description: "also print every stage and Framework's listing of each file it writes"}
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
        `样例数据:接收 ${results.filter((r) => r.status === "accepted").length} 个文件,拒收 ${results.filter((r) => r.status === "rejected").length} 个`
      );
    } else if (!existsSync(dataPaths(dataDir).ledger)) {
      throw new PlanwatchError(
        "no_data",
        `${dataDir} 中没有已接收的数据(无 ledger.jsonl):先运行 planwatch ingest,或用 build --sample`
      );
    }
    const logger = buildLogger({verbose: Boolean(args.verbose)});
    const manifest = await buildSite({
      output: args.output,
      dataDir,
      logger,
      onStage: (record) => void ((args.verbose || record.ran) && logStage(record))
    });
    const ran = manifest.stages.filter((s) => s.ran).length;
    const pages = (await readdir(manifest.output, {recursive: true})).filter((f) => f.endsWith(".html")).length;
    console.error(
      `已构建 ${manifest.output}:${pages} 个页面,${logger.warnings} 个警告,用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒(${manifest.stages.length} 个阶段中 ${ran} 个重新运行;数据截至 ${manifest.as_of ?? "—"})${args.verbose ? "" : ",--verbose 列出每个文件"}`
    );
  }
});

/**
 * What a build says on stderr: warnings and errors, and the lines that say what a warning is about
 * (Framework's `↳ page → broken link`); Framework's listing of each file it writes only when
 * `verbose`. Counts the warnings.
 */
export function buildLogger({verbose = false}: {verbose?: boolean} = {}): Logger & {warnings: number} {
  const logger = {
    warnings: 0,
    log: (...args: unknown[]) => {
      if (verbose || stripVTControlCharacters(args.map(String).join(" ")).trimStart().startsWith("↳"))
        console.error(...args);
    },
    warn: (...args: unknown[]) => {
      logger.warnings++;
      console.error(...args);
    },
    error: (...args: unknown[]) => console.error(...args)
  };
  return logger;
}

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
    console.error(`正在 ${url} 提供 ${args.dir} 的页面(按 Ctrl-C 停止)`);
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
    // Stopping dev stops the server it started: a signal to dev alone (a service manager's SIGTERM) is passed on.
    const passOn = (signal: NodeJS.Signals) => void child.kill(signal);
    for (const signal of STOP_SIGNALS) process.on(signal, passOn);
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.on("exit", (...end) => resolve(end))
    );
    for (const signal of STOP_SIGNALS) process.off(signal, passOn);
    process.exitCode = signal ? 128 + (constants.signals[signal] ?? 0) : (code ?? 1);
  }
});

const STOP_SIGNALS = ["SIGTERM", "SIGINT", "SIGHUP"] as const;
