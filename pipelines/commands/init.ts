import {defineCommand} from "citty";
import {yearOption} from "./options.js";
import {initProject} from "../project/index.js";

/** `planwatch init <dir> --plan FILE`: a new project for a plan. */
export const init = defineCommand({
  meta: {
    name: "init",
    description:
      "Create a new project for a plan text: project file, seeds/ (plan, units table to fill, curation), README"
  },
  args: {
    dir: {type: "positional", description: "the new project's folder", required: true},
    plan: {
      type: "string",
      description: "the plan: text (UTF-8, GBK, UTF-16), Word .docx, PDF or a saved web page",
      required: true
    },
    title: {type: "string", description: "the plan's title (default: its first line)"},
    year: {type: "string", description: "the plan's year (default: read from the text)"},
    force: {type: "boolean", description: "overwrite the files init writes when the folder has them (default: refuse)"}
  },
  async run({args}) {
    const year = yearOption(args.year);
    const result = await initProject(String(args.dir), {
      plan: String(args.plan),
      title: args.title,
      year,
      force: args.force === true
    });
    console.error(
      `已创建项目 ${result.dir}:《${result.spec.title}》,${result.spec.year ?? "年份未知"},提取到 ${result.targets} 项量化目标`
    );
    for (const file of result.files) console.error(`  ${file}`);
    if (result.original)
      console.error(
        `原件保存为 ${result.original};planwatch 从中读出的文字写入 ${result.spec.plan}(项目文件的 plan 指向它)`
      );
    for (const warning of result.warnings) console.error(`提示:${warning}`);
    console.error(`下一步:cd ${result.dir},填写 seeds/units.csv,planwatch ingest data/inbox,planwatch build`);
  }
});
