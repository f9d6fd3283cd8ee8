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
  meta: {name: "targets", description: "The plan's numeric targets"},
  subCommands: {
    extract: defineCommand({
      meta: {name: "extract", description: "Print every numeric target of a plan text, with the clause it comes from"},
      args: {
        file: {
          type: "positional",
          description: "the plan: text (UTF-8, GBK, UTF-16), Word .docx, PDF or a saved web page",
          required: true
        },
        format: {type: "string", description: "table | json | csv", default: "table"},
        curation: {type: "string", description: "a targets.curation.csv to merge by id"},
        year: {
          type: "string",
          description: "the plan's year (default: read from its title, date, heading or deadlines)"
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
