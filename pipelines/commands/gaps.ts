import {defineCommand} from "citty";
import {PlanwatchError} from "../core/index.js";
import {type GapRow, GAP_COLUMNS} from "../gaps/index.js";
import type {Catalog, PlanSpan} from "../intake/index.js";
import {commandDataDir} from "./dataDir.js";
import {choiceOption, lookupOption, monthOption} from "./options.js";

// A command's modules load when it runs (`planwatch --help` reads only the meta and args here).

const TABLE_COLUMNS = [
  "target_id",
  "unit",
  "indicator",
  "actual",
  "target",
  "expected",
  "status",
  "pace",
  "projection",
  "period"
];
const CSV_COLUMNS = GAP_COLUMNS;

/** `planwatch gaps`: where each target stands, city-wide and per unit. */
export const gaps = defineCommand({
  meta: {
    name: "gaps",
    description: "输出差距表:每项目标全市及各单位的实际值、时序进度、状态和期末预计"
  },
  args: {
    "as-of": {type: "string", description: "月份 YYYY-MM(默认:有数据的最近月份)"},
    unit: {type: "string", description: "只看该单位的行(名称、简称或代码;全市为 city)"},
    data: {
      type: "string",
      description: "数据文件夹(默认 data/;data/ 中没有数据时用 npm run build 接收的样例)"
    },
    format: {type: "string", description: "输出格式:table | json | csv", default: "table"},
    engine: {
      type: "string",
      description: "计算引擎:arquero(内存中)| duckdb(对 Parquet 运行 SQL,用于超出内存的数据)",
      default: "arquero"
    },
    file: {
      type: "string",
      description: "不读数据文件夹,改读一个任意大小的长表 UTF-8 CSV(学校级行),流式读取"
    }
  },
  async run({args}) {
    const [{formatRows, rowFormat}, {projectGapInputs, projectGaps}, {projectCatalog}, labels] = await Promise.all([
      import("./formatRows.js"),
      import("../gaps/projectGaps.js"),
      import("../intake/catalog.js"),
      import("./labels.js")
    ]);
    const format = rowFormat(args.format);
    const engine = choiceOption("engine", args.engine, ["arquero", "duckdb"], "arquero");
    const asOf = monthOption("as-of", args["as-of"]);
    const catalog = await projectCatalog();
    const unit = await unitCode(args.unit, catalog);
    if (asOf !== undefined) warnOutsidePlan("as-of", asOf, catalog.span);
    const dataDir = args.file === undefined ? commandDataDir(args.data) : "";
    let rows =
      args.file !== undefined
        ? await fileGaps(args.file, {asOf})
        : engine === "duckdb"
          ? await (
              await import("../gaps/duckdbGaps.js")
            ).computeGapsDuckDB({...(await projectGapInputs({dataDir})), asOf})
          : await projectGaps({dataDir, asOf});
    if (args.file === undefined && rows.some((r) => r.level > 1)) await treeFindings({dataDir, asOf: rows[0]!.as_of});
    if (unit !== undefined) rows = rows.filter((r) => r.unit_code === unit);
    if (format === "json") return void process.stdout.write(formatRows(rows, {format}));
    const sources = (r: GapRow) => r.sources.map((s) => `${s.file}:${s.row}`).join(";");
    if (format === "csv")
      return void process.stdout.write(
        formatRows(
          rows.map((r) => ({...r, sources: sources(r)})),
          {format, columns: CSV_COLUMNS}
        )
      );
    const name = labels.namer(catalog.units, {
      whole: await (await import("../project/projectFacts.js")).projectWhole()
    });
    const table = rows.map((r) => ({
      ...r,
      unit: name(r.unit_code),
      status: labels.label(labels.GAP_STATUS_LABELS, r.status),
      actual: round(r.actual),
      expected: round(r.expected),
      pace: round(r.pace),
      projection: round(r.projection)
    }));
    process.stdout.write(formatRows(table, {format, columns: TABLE_COLUMNS}));
  }
});

/** The code of the unit `--unit` names (`city` or 全市 for the city); undefined when not given. */
async function unitCode(text: string | undefined, catalog: Catalog): Promise<string | undefined> {
  if (text === undefined) return undefined;
  if (text === "city" || text === "全市") return "city";
  return (await lookupOption(text, {find: catalog.unit, things: catalog.units, kind: "单位"})).code;
}

/** Warns on stderr when a month asked for lies outside the months the plan spans (the numbers still print). */
function warnOutsidePlan(name: string, month: string, span: PlanSpan | null): void {
  if (span && (month < span.start || month > span.end))
    process.stderr.write(
      `planwatch: 提示:--${name} ${month} 不在计划期(${span.start} 至 ${span.end})内,以下按该月计算\n`
    );
}

/** A unit tree's findings (a parent reporting with its children, allocations above a parent's) to stderr. */
async function treeFindings({dataDir, asOf}: {dataDir: string; asOf: string}): Promise<void> {
  const [{hierarchyFindings}, {projectGapInputs}, {formatFinding}] = await Promise.all([
    import("../gaps/hierarchyFindings.js"),
    import("../gaps/projectGaps.js"),
    import("../intake/findings.js")
  ]);
  for (const f of hierarchyFindings({...(await projectGapInputs({dataDir})), asOf}))
    process.stderr.write(formatFinding(f) + "\n");
}

/**
 * The gaps of one large file alone, through the streaming path: every finding goes to stderr as
 * file:row:column CODE message, and a file with an error gives no numbers (exit 1), as ingest would
 * reject it.
 */
async function fileGaps(path: string, {asOf}: {asOf?: string}): Promise<GapRow[]> {
  const [
    {computeGaps},
    {projectGapPlan},
    {projectCatalog},
    {formatFinding, rejects},
    {streamSubmission},
    {projectTargets}
  ] = await Promise.all([
    import("../gaps/computeGaps.js"),
    import("../gaps/projectGaps.js"),
    import("../intake/catalog.js"),
    import("../intake/findings.js"),
    import("../intake/streamSubmission.js"),
    import("../project/projectTargets.js")
  ]);
  const known = await projectTargets();
  const [catalog, {targets, units, allocations}] = await Promise.all([
    projectCatalog({targets: known}),
    projectGapPlan({targets: known})
  ]);
  const streamed = await streamSubmission(path, {catalog, hash: true}); // hashed as it is read
  for (const f of streamed.findings) process.stderr.write(formatFinding(f) + "\n");
  const total = Object.values(streamed.counts).reduce((a, n) => a + (n ?? 0), 0);
  if (total > streamed.findings.length)
    process.stderr.write(`……共 ${total} 条问题,以上为前 ${streamed.findings.length} 条\n`);
  if (rejects(streamed.findings))
    throw new PlanwatchError("rejected", `${path}: ${streamed.rows} 行中有错误,未计算(见上)`);
  process.stderr.write(`${path}: ${streamed.rows} 行,汇总为 ${streamed.observations.length} 个区县月度数值\n`);
  return computeGaps({targets, observations: streamed.observations, units, allocations, asOf});
}

const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/** `planwatch export`: observations and gaps as Parquet, partitioned by month. */
export const exportData = defineCommand({
  meta: {
    name: "export",
    description: "把观测值和每个月的差距表写成按月分区的 Parquet(供 DuckDB、Spark SQL、Trino 使用)"
  },
  args: {
    out: {type: "string", description: "输出文件夹", required: true},
    data: {
      type: "string",
      description: "数据文件夹(默认 data/;data/ 中没有数据时用 npm run build 接收的样例)"
    }
  },
  async run({args}) {
    const [{exportParquet}, {projectGapInputs}] = await Promise.all([
      import("../gaps/duckdbGaps.js"),
      import("../gaps/projectGaps.js")
    ]);
    const written = await exportParquet({
      ...(await projectGapInputs({dataDir: commandDataDir(args.data)})),
      out: args.out
    });
    console.error(`已写出 ${written.observations} 条填报数值和 ${written.gaps} 行差距表到 ${args.out}`);
  }
});

const DIFF_COLUMNS = [
  "target_id",
  "unit",
  "indicator",
  "actual_from",
  "actual_to",
  "actual_change",
  "status_from",
  "status_to",
  "changes"
];

/** `planwatch diff`: what changed between two months (本期变化 and 较上月 of the site). */
export const diff = defineCommand({
  meta: {
    name: "diff",
    description:
      "输出两个月之间的变化:每项目标、每个单位前后的实际值和状态,以及新完成、新增有风险或滞后、新报送、数据更正"
  },
  args: {
    from: {type: "string", description: "较早的月份 YYYY-MM(默认:--to 的上一个月)"},
    to: {type: "string", description: "较晚的月份 YYYY-MM(默认:有数据的最近月份)"},
    unit: {type: "string", description: "只看该单位的行(名称、简称或代码;全市为 city)"},
    all: {type: "boolean", description: "列出每一行,而不只是有变化的行"},
    data: {
      type: "string",
      description: "数据文件夹(默认 data/;data/ 中没有数据时用 npm run build 接收的样例)"
    },
    format: {type: "string", description: "输出格式:table | json", default: "table"}
  },
  async run({args}) {
    const [
      {formatRows, rowFormat},
      {projectGapInputs},
      {changesBetween},
      {projectCatalog},
      {addMonths, compareMonths, latestMonth},
      labels
    ] = await Promise.all([
      import("./formatRows.js"),
      import("../gaps/projectGaps.js"),
      import("../gaps/changes.js"),
      import("../intake/catalog.js"),
      import("../core/month.js"),
      import("./labels.js")
    ]);
    const format = rowFormat(args.format, ["table", "json"]);
    const [askedFrom, askedTo] = [monthOption("from", args.from), monthOption("to", args.to)];
    const catalog = await projectCatalog();
    const unit = await unitCode(args.unit, catalog);
    if (askedFrom !== undefined) warnOutsidePlan("from", askedFrom, catalog.span);
    if (askedTo !== undefined) warnOutsidePlan("to", askedTo, catalog.span);
    const inputs = await projectGapInputs({dataDir: commandDataDir(args.data)});
    const current = inputs.observations.filter((o) => o.superseded_by === null).map((o) => o.period);
    const to = askedTo ?? latestMonth(current);
    if (to === null) throw new PlanwatchError("no_data", "还没有任何数据,无从比较(请先用 planwatch ingest 接收填报)");
    const from = askedFrom ?? addMonths(to, -1);
    if (compareMonths(from, to) >= 0) throw new PlanwatchError("invalid_option", `--from ${from} 应早于 --to ${to}`);
    let rows = changesBetween({...inputs, from, to});
    if (unit !== undefined) rows = rows.filter((r) => r.unit_code === unit);
    if (!args.all)
      rows = rows.filter((r) => r.changes.length > 0 || r.status_from !== r.status_to || (r.actual_change ?? 0) !== 0);
    if (format === "json") return void process.stdout.write(formatRows(rows, {format}));
    const name = labels.namer(catalog.units, {
      whole: await (await import("../project/projectFacts.js")).projectWhole()
    });
    const flat = rows.map((r) => ({
      ...r,
      unit: name(r.unit_code),
      status_from: labels.label(labels.GAP_STATUS_LABELS, r.status_from),
      status_to: labels.label(labels.GAP_STATUS_LABELS, r.status_to),
      changes: r.changes.map((c) => labels.label(labels.CHANGE_LABELS, c)),
      actual_from: round(r.actual_from),
      actual_to: round(r.actual_to),
      actual_change: round(r.actual_change)
    }));
    process.stdout.write(formatRows(flat, {format, columns: DIFF_COLUMNS}));
  }
});
