import {defineCommand} from "citty";
import {yearOption} from "./options.js";

/** `planwatch init <dir> --plan FILE`: a new project for a plan. */
export const init = defineCommand({
  meta: {
    name: "init",
    description: "为一份规划文本新建项目:项目文件、seeds/(规划、待填写的单位表、整理文件)和 README"
  },
  args: {
    dir: {type: "positional", description: "新项目的文件夹", required: true},
    plan: {
      type: "string",
      description: "规划文件:文本(UTF-8、GBK、UTF-16)、Word .docx、PDF 或保存的网页",
      required: true
    },
    title: {type: "string", description: "规划标题(默认:文本第一行)"},
    year: {type: "string", description: "规划年份(默认:从文本中读出)"},
    force: {type: "boolean", description: "文件夹中已有 init 要写的文件时覆盖它们(默认:拒绝)"}
  },
  async run({args}) {
    const year = yearOption(args.year);
    const {initProject} = await import("../project/index.js");
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
