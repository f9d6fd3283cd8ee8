import {writeFile} from "node:fs/promises";
import {defineCommand} from "citty";
import {PlanwatchError, ioError} from "../core/index.js";
import {choiceOption, lookupOption} from "./options.js";
import {projectPaths} from "../project/index.js";
import type {IngestResult} from "../intake/index.js";

// A command's modules load when it runs (`planwatch --help` reads only the meta and args here).

const common = {
  // Named so that --help shows it; citty still gives every file in args._.
  files: {
    type: "positional",
    description: "报送文件或文件夹(一个或多个:validate 文件… / ingest 文件…)",
    required: false
  },
  data: {type: "string", description: "数据文件夹", default: "data"},
  format: {type: "string", description: "输出格式:text | json", default: "text"},
  "max-mb": {type: "string", description: "单个文件的大小上限,单位 MB(默认 50)"},
  sheet: {type: "string", description: "要读取的工作表(默认:第一个)"}
} as const;

/** Cleans the options both commands share. */
function options(args: {format?: string; "max-mb"?: string; _: string[]}) {
  const format = choiceOption("format", args.format, ["text", "json"], "text");
  const maxMb = args["max-mb"] === undefined ? undefined : Number(args["max-mb"]); // unset: inspectFile's default
  if (maxMb !== undefined && !(maxMb > 0))
    throw new PlanwatchError("invalid_option", `--max-mb ${args["max-mb"]} 不是有效大小(应为大于 0 的兆字节数,如 50)`);
  if (!args._.length) throw new PlanwatchError("invalid_option", "请至少给出一个文件或文件夹");
  return {format, maxBytes: maxMb === undefined ? undefined : maxMb * 1024 * 1024, inputs: args._};
}

/** `planwatch validate`: a dry run that prints every finding; exit 1 when a file would be rejected. */
export const validate = defineCommand({
  meta: {
    name: "validate",
    description: "校验报送文件但不接收:每个问题按“文件:行:列 代码 说明”列出"
  },
  args: {...common},
  async run({args}) {
    const {format, maxBytes, inputs} = options(args);
    const [{projectCatalog}, {readObservations}, {expandInputs}, {inspectFile}, {formatFinding, rejects}] =
      await Promise.all([
        import("../intake/catalog.js"),
        import("../intake/observations.js"),
        import("../intake/ingestFiles.js"),
        import("../intake/inspectFile.js"),
        import("../intake/findings.js")
      ]);
    const {readProgress} = await import("../intake/readProgress.js");
    const catalog = await projectCatalog();
    const history = (await readObservations({dataDir: args.data}))
      .filter((o) => o.superseded_by === null && o.value !== null)
      .map((o) => ({...o, value: o.value!}));
    const progressHistory = (await readProgress({dataDir: args.data})).filter((p) => p.superseded_by === null);
    const results = [];
    for (const {path, refused, folder} of await expandInputs(inputs)) {
      if (refused) {
        if (folder) console.error(`跳过 ${path}:${refused.message}`);
        else results.push({file: path, accepted: false, rows: 0, findings: [refused]});
        continue;
      }
      const inspection = await inspectFile(path, {
        catalog,
        now: new Date(),
        history,
        progressHistory,
        maxBytes,
        sheet: args.sheet
      });
      results.push({
        file: path,
        accepted: !rejects(inspection.findings),
        rows: inspection.rows.length,
        findings: inspection.findings
      });
    }
    if (format === "json") process.stdout.write(JSON.stringify(results, null, 2) + "\n");
    else
      for (const r of results)
        process.stdout.write(
          r.findings.map((f) => formatFinding(f) + "\n").join("") +
            summary(r.file, r.accepted, r.rows, r.findings) +
            "\n"
        );
    if (results.some((r) => !r.accepted)) process.exitCode = 1;
  }
});

/** `planwatch ingest`: archive accepted files, set rejected ones aside; exit 1 when any was rejected. */
export const ingest = defineCommand({
  meta: {name: "ingest", description: "校验报送文件(文件或文件夹)并存档到数据文件夹"},
  args: {...common},
  async run({args}) {
    const {format, maxBytes, inputs} = options(args);
    const [{projectCatalog}, {ingestFiles}] = await Promise.all([
      import("../intake/catalog.js"),
      import("../intake/ingestFiles.js")
    ]);
    const results = await ingestFiles(inputs, {
      dataDir: args.data,
      catalog: await projectCatalog(),
      maxBytes,
      sheet: args.sheet
    });
    if (format === "json") process.stdout.write(JSON.stringify(results, null, 2) + "\n");
    else for (const r of results) process.stdout.write(ingestLine(r, args.data) + "\n");
    if (results.some((r) => r.status === "rejected" || r.status === "failed")) process.exitCode = 1;
  }
});

/** One line of `planwatch ingest`: what became of the file. */
function ingestLine(r: IngestResult, data: string): string {
  if (r.status === "failed" || r.status === "skipped")
    return `${r.status === "failed" ? "未入库" : "跳过"} ${r.path} ${r.findings.map((f) => `${f.code} ${f.message}`).join(";")}`;
  const label = r.status === "accepted" ? "接收" : r.status === "known" ? "已有" : "拒收";
  return `${label} ${r.path} ${r.sha256.slice(0, 12)}${r.status === "rejected" ? `(${r.findings.filter((f) => f.severity === "error").length} 个错误,报告见 ${data}/rejected/)` : ""}`;
}

function summary(file: string, accepted: boolean, rows: number, findings: readonly {severity: string}[]): string {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  return `${file}: ${accepted ? "可接收" : "将被拒收"}(${rows} 个数值,${count("error")} 个错误,${count("warning")} 个警告)`;
}

/** `planwatch template`: a blank submission file for a unit. */
export const template = defineCommand({
  meta: {
    name: "template",
    description: "为一个单位生成空白报送表(中文表头,每项目标一行)"
  },
  args: {
    unit: {type: "string", description: "单位(名称、简称或代码;默认留空)"},
    xlsx: {type: "boolean", description: "生成 Excel 工作簿而不是 CSV"},
    out: {type: "string", description: "要写入的文件(默认或 -:标准输出)"},
    tasks: {
      type: "boolean",
      description: "改为生成任务进展报送表:该处室(--unit)牵头的任务,未指定时为全部任务"
    }
  },
  async run({args}) {
    if (args.tasks) return writeTasksTemplate(args);
    const [{projectCatalog}, {writeTemplate}] = await Promise.all([
      import("../intake/catalog.js"),
      import("../intake/writeTemplate.js")
    ]);
    const catalog = await projectCatalog();
    const unit =
      args.unit === undefined
        ? undefined
        : await lookupOption(args.unit, {find: catalog.unit, things: catalog.units, kind: "单位"});
    await writeOut(args, await writeTemplate({targets: catalog.targets, unit, xlsx: Boolean(args.xlsx)}));
  }
});

/**
 * Writes a template to `--out`, or to standard output without it or with `--out -` (as `> f.csv`
 * expects); a workbook is never written to a terminal.
 */
async function writeOut({out, xlsx}: {out?: string; xlsx?: boolean}, bytes: Uint8Array): Promise<void> {
  if (out !== undefined && out !== "-") {
    await writeFile(out, bytes).catch((error: unknown) => {
      throw ioError(error, `无法写出模板 ${out}`);
    });
    return void console.error(`已写出 ${out}`);
  }
  if (xlsx && process.stdout.isTTY)
    throw new PlanwatchError("invalid_option", "Excel 工作簿不能显示在终端上:请用 --out 文件名.xlsx 或 > 文件名.xlsx");
  await new Promise<void>((resolve, reject) => process.stdout.write(bytes, (e) => (e ? reject(e) : resolve())));
}

/** `planwatch template --tasks`: a blank progress report for an office. */
async function writeTasksTemplate(args: {unit?: string; xlsx?: boolean; out?: string}): Promise<void> {
  const [{projectTasks}, {officeLookup}, {writeProgressTemplate}] = await Promise.all([
    import("../project/projectTasks.js"),
    import("../tasks/offices.js"),
    import("../intake/writeProgressTemplate.js")
  ]);
  const {tasks, offices} = await projectTasks();
  const office =
    args.unit === undefined
      ? undefined
      : await lookupOption(args.unit, {find: officeLookup(offices), things: offices, kind: "处室"});
  await writeOut(args, await writeProgressTemplate({tasks, office, xlsx: Boolean(args.xlsx)}));
}

/** `planwatch sample`: regenerate the bundled demo submissions. */
export const sample = defineCommand({
  meta: {name: "sample", description: "重新生成 data/sample/ 中自带的演示报送文件(结果确定)"},
  args: {seed: {type: "string", description: "随机数种子", default: "2023"}},
  async run({args}) {
    const [{writeSample}, {readUnits}, {projectTargets}, {projectTasks}] = await Promise.all([
      import("../sample/writeSample.js"),
      import("../project/units.js"),
      import("../project/projectTargets.js"),
      import("../project/projectTasks.js")
    ]);
    const paths = projectPaths();
    const files = await writeSample({
      dir: paths.sample,
      units: await readUnits(paths.units, paths.unitOptions),
      targets: await projectTargets(),
      progress: await projectTasks(),
      seed: Number(args.seed)
    });
    console.error(`已写出 ${files.length} 个文件到 ${paths.sample}`);
  }
});
