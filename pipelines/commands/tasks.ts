import {defineCommand} from "citty";
import {PlanwatchError} from "../error.js";
import {formatRows, rowFormat} from "../format/formatRows.js";
import {loadTasks} from "../tasks/loadTasks.js";

/** The columns `planwatch tasks extract` prints as a table, and as CSV (JSON nests each item's tasks). */
const TASK_COLUMNS = ["task_id", "item_title", "verb", "deadline", "target_ids", "text"];
const TASK_CSV_COLUMNS = ["task_id", "item_id", "section", "item", "item_title", "verb", "deadline", "deadline_source", "deadline_words", "target_ids", "text", "start_offset", "end_offset"];

/** Cleans `--year`: an integer, or undefined to read it from the plan's title. */
function yearOption(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (!Number.isInteger(year)) throw new PlanwatchError("invalid_option", `invalid --year: ${String(value)}`);
  return year;
}

/** `planwatch tasks extract`: the plan's work items and tasks. */
export const tasks = defineCommand({
  meta: {name: "tasks", description: "The plan's work items and tasks"},
  subCommands: {
    extract: defineCommand({
      meta: {name: "extract", description: "Print every work item of a plan text and its tasks, with offsets into the text"},
      args: {
        file: {type: "positional", description: "the plan text (UTF-8)", required: true},
        format: {type: "string", description: "table | json | csv", default: "table"},
        year: {type: "string", description: "the plan's year (default: read from its title)"}
      },
      async run({args}) {
        const format = rowFormat(args.format);
        const {items, tasks: rows} = await loadTasks({plan: String(args.file), year: yearOption(args.year)});
        if (format === "json") {
          const nested = items.map((item) => ({...item, tasks: rows.filter((t) => t.item_id === item.item_id)}));
          process.stdout.write(JSON.stringify(nested, null, 2) + "\n");
        } else {
          const flat = rows.map((t) => ({...t, target_ids: t.target_ids.join(" ")}));
          process.stdout.write(formatRows(flat, {format, columns: format === "csv" ? TASK_CSV_COLUMNS : TASK_COLUMNS}));
        }
      }
    })
  }
});
