import {defineCommand} from "citty";
import {yearOption} from "./options.js";
import {formatRows, rowFormat} from "./formatRows.js";

/** The columns `planwatch targets extract` prints as a table, and as CSV (JSON has every field). */
const TARGET_COLUMNS = [
  "id",
  "indicator",
  "comparator",
  "value",
  "value_max",
  "unit",
  "year",
  "scope",
  "kind",
  "aggregation"
];
const TARGET_CSV_COLUMNS = [
  ...TARGET_COLUMNS,
  "direction",
  "baseline",
  "baseline_year",
  "per",
  "start",
  "deadline",
  "text",
  "start_offset",
  "end_offset"
];

/** `planwatch targets extract`: the plan's numeric targets. */
export const targets = defineCommand({
  meta: {name: "targets", description: "规划的量化目标"},
  subCommands: {
    extract: defineCommand({
      meta: {name: "extract", description: "输出规划文本中的每项量化目标及其出处原文"},
      args: {
        file: {
          type: "positional",
          description: "规划文件:文本(UTF-8、GBK、UTF-16)、Word .docx、PDF 或保存的网页",
          required: true
        },
        format: {type: "string", description: "输出格式:table | json | csv", default: "table"},
        curation: {type: "string", description: "按编号合并的整理文件 targets.curation.csv"},
        year: {
          type: "string",
          description: "规划年份(默认:从标题、日期、章节标题或期限中读出)"
        }
      },
      async run({args}) {
        const format = rowFormat(args.format);
        const year = yearOption(args.year);
        const {loadTargets} = await import("../targets/loadTargets.js"); // loaded when the command runs
        const rows = await loadTargets({
          plan: String(args.file),
          curation: args.curation,
          year,
          warn: (message) => process.stderr.write(`${message}\n`)
        });
        process.stdout.write(
          formatRows(rows, {
            format,
            columns: format === "json" ? undefined : format === "csv" ? TARGET_CSV_COLUMNS : TARGET_COLUMNS
          })
        );
      }
    })
  }
});
