import {spawn} from "node:child_process";
import {existsSync} from "node:fs";
import {createRequire} from "node:module";
import {constants} from "node:os";
import {join, resolve} from "node:path";
import {defineCommand} from "citty";
import {packageRoot, tsxLoader} from "../core/index.js";
import {DEV_CONTEXT, frameworkCache, projectPaths} from "../project/index.js";
import type {Logger, StageRecord} from "../run/index.js";
import {dataPaths} from "../intake/index.js";
import {mkdir, readdir, writeFile} from "node:fs/promises";
import {stripVTControlCharacters} from "node:util";
import {commandDataDir} from "./dataDir.js";

// A command's modules load when it runs (`planwatch --help` reads only the meta and args here).

/** `planwatch build`: the site from a data folder, or from the bundled sample. */
export const build = defineCommand({
  meta: {name: "build", description: "把站点构建到 dist/(离线:npm 包取自 node_modules)"},
  args: {
    output: {type: "string", description: "输出文件夹", default: "dist"},
    data: {type: "string", description: "数据文件夹(planwatch ingest 写入的存档和台账)", default: "data"},
    sample: {
      type: "boolean",
      description: "用自带的样例数据(data/sample/)构建,重新接收到 .planwatch/sample-data"
    },
    verbose: {type: "boolean", description: "同时列出每个阶段和 Framework 写出的每个文件"}
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
      // Before the first submission: the plan, its targets and tasks, each target 无数据.
      console.error(`${dataDir} 中尚未收到任何填报(无 ledger.jsonl):站点只发布规划、目标和任务,各目标为“无数据”`);
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
  meta: {name: "status", description: "列出构建中需要重新运行的阶段及原因(不运行任何阶段)"},
  args: {
    data: {
      type: "string",
      description: "数据文件夹(默认 data/;data/ 中没有数据时用 npm run build 接收的样例)"
    },
    format: {type: "string", description: "输出格式:table | json", default: "table"}
  },
  async run({args}) {
    const [{formatRows, rowFormat}, {planStages}] = await Promise.all([
      import("./formatRows.js"),
      import("../run/runStages.js")
    ]);
    const {root} = projectPaths();
    const plans = await planStages(
      {projectDir: root, dataDir: resolve(root, commandDataDir(args.data))},
      {stateDir: join(root, ".planwatch", "stages"), loaderCacheDir: frameworkCache(root)}
    );
    const rows = plans.map((p) => ({stage: p.stage.name, stale: p.stale, reason: p.reason}));
    process.stdout.write(formatRows(rows, {format: rowFormat(args.format)}));
  }
});

/** `planwatch preview`: serves a built site. */
export const preview = defineCommand({
  meta: {name: "preview", description: "在本机提供已构建的站点(dist/)"},
  args: {
    dir: {type: "string", description: "要提供的文件夹", default: "dist"},
    port: {type: "string", description: "端口", default: "3000"}
  },
  async run({args}) {
    const {serveDir} = await import("../run/serveDir.js");
    const {url} = await serveDir({dir: args.dir, port: args.port});
    console.error(`正在 ${url} 提供 ${args.dir} 的页面(按 Ctrl-C 停止)`);
  }
});

/** `planwatch dev`: Framework's live preview, with the npm cache seeded and the sample ingested. */
export const dev = defineCommand({
  meta: {name: "dev", description: "编辑页面时实时预览站点(Framework 的预览服务器,离线)"},
  args: {
    port: {type: "string", description: "端口", default: "3000"},
    data: {
      type: "string",
      description: "数据文件夹(默认:自带的样例数据,接收到 .planwatch/sample-data;项目没有样例时为 data/)"
    }
  },
  async run({args}) {
    const [{freshSampleData}, {seedNpmCache}, {claimLoaderCache}, {linkSiteRoot}] = await Promise.all([
      import("../sample/ingestSample.js"),
      import("../run/npmCache.js"),
      import("../run/loaderCache.js"),
      import("../run/linkSiteRoot.js")
    ]);
    const {root, sample, data} = projectPaths();
    // A project of its own (made by init) has no bundled sample: its data folder, before or after its first submission.
    const dataDir = args.data ?? (existsSync(sample) ? (await freshSampleData()).dataDir : data);
    // A project without a src/ of its own is served from its own root linking the toolkit's pages, with its own cache:
    // another project building or serving from the same installation at the same moment never shares its outputs.
    const site = await linkSiteRoot(root);
    // node_modules is the toolkit's, as in build: a project made by init has none of its own.
    await seedNpmCache({root: site, projectDir: packageRoot()});
    // The loader outputs in the cache are this data folder's, not another's shown last.
    await claimLoaderCache({cacheDir: join(site, ".observablehq", "cache"), projectDir: root, dataDir});
    // observablehq.config.ts reads which data folder to show from here (the footer's as-of and snapshot are its).
    await mkdir(join(root, ".planwatch"), {recursive: true});
    await writeFile(join(root, DEV_CONTEXT), JSON.stringify({dataDir: resolve(dataDir)}) + "\n");
    const bin = createRequire(import.meta.url).resolve("@observablehq/framework/dist/bin/observable.js");
    // The project's own Framework configuration, else the toolkit's, which reads the project from PLANWATCH_PROJECT
    // (a TypeScript configuration named by --config needs tsx loaded first: Framework loads it only for its default).
    const config =
      ["observablehq.config.js", "observablehq.config.ts"]
        .map((name) => join(root, name))
        .find((file) => existsSync(file)) ?? join(packageRoot(), "observablehq.config.ts");
    const child = spawn(
      process.execPath,
      ["--import", tsxLoader(), bin, "preview", "--no-open", "--port", args.port, "--config", config],
      {
        stdio: "inherit",
        // The data loaders are child processes of the preview server: they read their inputs from here.
        env: {
          ...process.env,
          OBSERVABLE_TELEMETRY_DISABLE: "1",
          PLANWATCH_DATA: resolve(dataDir),
          PLANWATCH_PROJECT: root
        }
      }
    );
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
