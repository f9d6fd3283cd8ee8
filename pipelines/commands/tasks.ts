import {defineCommand} from "citty";
import {PlanwatchError, latestMonth} from "../core/index.js";
import {formatRows, rowFormat} from "./formatRows.js";
import {commandDataDir} from "./dataDir.js";
import {lookupOption, monthOption, yearOption} from "./options.js";

// A command's modules load when it runs (`planwatch tasks --help` reads only the meta and args here).

/** The columns `planwatch tasks extract` prints as a table, and as CSV (JSON nests each item's tasks). */
const TASK_COLUMNS = ["task_id", "item_title", "lead", "partners", "deadline", "deadline_source", "target_ids", "text"];
const TASK_CSV_COLUMNS = [
  "task_id",
  "item_id",
  "section",
  "item",
  "item_title",
  "verb",
  "lead",
  "partners",
  "deadline",
  "deadline_source",
  "deadline_words",
  "target_ids",
  "text",
  "start_offset",
  "end_offset"
];

/** The columns `planwatch tasks status` prints as a table and CSV (JSON has every field). */
const STATUS_COLUMNS = ["task_id", "status", "owner", "deadline", "last_report", "progress_text"];

/** `planwatch tasks extract` and `planwatch tasks status`: the plan's work items and tasks, and where each stands. */
export const tasks = defineCommand({
  meta: {name: "tasks", description: "规划的工作项和工作任务"},
  subCommands: {
    extract: defineCommand({
      meta: {
        name: "extract",
        description: "输出规划文本中的每个工作项及其任务,以及在文本中的位置"
      },
      args: {
        file: {
          type: "positional",
          description: "规划文件:文本(UTF-8、GBK、UTF-16)、Word .docx、PDF 或保存的网页",
          required: true
        },
        format: {type: "string", description: "输出格式:table | json | csv", default: "table"},
        year: {type: "string", description: "规划年份(默认:从标题中读出)"}
      },
      async run({args}) {
        const format = rowFormat(args.format);
        const {loadTasks} = await import("../tasks/loadTasks.js");
        const {items, tasks: rows} = await loadTasks({plan: String(args.file), year: yearOption(args.year)});
        if (format === "json") {
          // each item's tasks found in one pass over them, not one pass per item (a plan of 200,000 items)
          const byItem = new Map<string, typeof rows>();
          for (const t of rows) {
            const of = byItem.get(t.item_id);
            if (of) of.push(t);
            else byItem.set(t.item_id, [t]);
          }
          const nested = items.map((item) => ({...item, tasks: byItem.get(item.item_id) ?? []}));
          process.stdout.write(JSON.stringify(nested, null, 2) + "\n");
        } else {
          const flat = rows.map((t) => ({...t, partners: t.partners.join("|"), target_ids: t.target_ids.join(" ")}));
          process.stdout.write(formatRows(flat, {format, columns: format === "csv" ? TASK_CSV_COLUMNS : TASK_COLUMNS}));
        }
      }
    }),
    import: defineCommand({
      meta: {
        name: "import",
        description:
          "把任务分解表(.xlsx、.csv 或 Word .docx 表格:序号、任务、牵头单位、配合单位、完成时限)导入 seeds/responsibilities.csv,新处室写入 seeds/offices.csv"
      },
      args: {
        file: {type: "positional", description: "任务分解表文件", required: true},
        force: {
          type: "boolean",
          description: "覆盖 responsibilities.csv 中同一任务的人工填写行(默认:拒绝)"
        }
      },
      async run({args}) {
        const {importBreakdown} = await import("../project/importBreakdown.js");
        const result = await importBreakdown(String(args.file), {force: args.force === true});
        console.error(`已导入 ${result.matched.length} 行到 ${result.responsibilities}`);
        if (result.newOffices.length)
          console.error(`新增 ${result.newOffices.length} 个处室到 ${result.offices}:${result.newOffices.join("、")}`);
        for (const u of result.unmatched) console.error(`未导入:${u.message}`);
      }
    }),
    status: defineCommand({
      meta: {
        name: "status",
        description:
          "根据进展报送输出截至某月每项任务的状态(done 已完成、on_schedule 按计划推进、late 滞后、not_started 未启动、no_report 未报送、paused 暂缓)"
      },
      args: {
        "as-of": {type: "string", description: "月份 YYYY-MM(默认:最近报送的月份)"},
        office: {type: "string", description: "只看该处室牵头的任务(名称、别名或代码)"},
        data: {
          type: "string",
          description: "数据文件夹(默认 data/;data/ 中没有数据时用 npm run build 接收的样例)"
        },
        format: {type: "string", description: "输出格式:table | json | csv", default: "table"}
      },
      async run({args}) {
        const format = rowFormat(args.format);
        const asked = monthOption("as-of", args["as-of"]);
        const [{projectTasks}, {readProgress}, {officeLookup}, {taskStatus}] = await Promise.all([
          import("../project/projectTasks.js"),
          import("../intake/readProgress.js"),
          import("../tasks/offices.js"),
          import("../tasks/taskStatus.js")
        ]);
        const {tasks: all, offices} = await projectTasks();
        const progress = await readProgress({dataDir: commandDataDir(args.data)});
        const asOf = asked ?? latestMonth(progress.map((p) => p.period));
        if (asOf === null) throw new PlanwatchError("no_data", "还没有任何进展报告:请用 --as-of 指定月份(如 2023-06)");
        const office =
          args.office === undefined
            ? undefined
            : await lookupOption(args.office, {find: officeLookup(offices), things: offices, kind: "处室"});
        const rows = taskStatus(office ? all.filter((t) => t.owner === office.code) : all, progress, {asOf});
        if (format !== "table")
          return void process.stdout.write(
            formatRows(rows, {format, columns: format === "json" ? undefined : STATUS_COLUMNS})
          );
        const {TASK_LABELS, label, namer} = await import("./labels.js");
        const name = namer(offices);
        const table = rows.map((r) => ({...r, status: label(TASK_LABELS, r.status), owner: name(r.owner)}));
        process.stdout.write(formatRows(table, {format, columns: STATUS_COLUMNS}));
      }
    })
  }
});
