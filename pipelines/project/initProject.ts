import {readPlanDocument, planTitle, planSections, inferPlanYear} from "../plan/index.js";
import {copyFile, lstat, rm, writeFile} from "node:fs/promises";
import {basename, join, resolve} from "node:path";
import {PlanwatchError, makeDirs} from "../core/index.js";
import {PROJECT_FILE, type ProjectSpec} from "./projectFile.js";
import {LIVELIHOOD_TITLE} from "./projectFacts.js";
import {livelihoodSections} from "./livelihoodSections.js";
import {extractTargets} from "../targets/index.js";
import {extractTasks} from "../tasks/index.js";
import {draftOwners} from "./draftOwners.js";

/** What `planwatch init` made: the project folder, its project file's content, and what it could not tell. */
export interface InitResult {
  dir: string;
  spec: ProjectSpec;
  files: string[];
  /** The plan document as it came (`seeds/plan.docx`) when not text, else null: `spec.plan` is the text read from it. */
  original: string | null;
  targets: number;
  /** The offices and responsibility rows drafted from the owners the plan names, null when it names none. */
  owners: {offices: number; rows: number} | null;
  /** What the user must still say (in Chinese): the year when the plan does not state it, ... */
  warnings: string[];
}

const UNITS_HEADER = "code,name,short_name,kind,aliases\n";
const CURATION_HEADER =
  "id,indicator,kind,aggregation,direction,baseline,baseline_source,start,deadline,schedule,note\n";
const ALLOCATIONS_HEADER = "unit_code,target_id,value\n";
const OFFICES_HEADER = "code,name,short_name,aliases\n";
const RESPONSIBILITIES_HEADER = "id,lead,partners,deadline,note\n";

/**
 * Creates a new planwatch project in `dir` (created; it must not hold a project already) for the
 * plan `plan` (text, or a Word document, PDF or web page: {@link readPlanDocument}): `seeds/` with a
 * copy of the plan (a document kept as it came, with the text planwatch reads from it beside it as
 * `.txt`, which the project file's `plan` names), a units table to fill
 * (`seeds/units.csv`, header only), an empty curation file and allocations file, `seeds/README.md`
 * explaining their columns; `data/inbox/`; the project file `planwatch.config.json` naming them,
 * with the plan's title, year and livelihood sections as read from the text (`title`, `year`
 * override); and a `README.md`. A file it would write that is there already (the user's own
 * `README.md`, a project file) is never replaced unless `force` (default false): throws
 * `PlanwatchError` `project_exists` (the folder holds a project file) or `would_overwrite`, naming
 * each such file; `invalid_plan`.
 */
export async function initProject(
  dir: string,
  {plan, title, year, force = false}: {plan: string; title?: string; year?: number; force?: boolean}
): Promise<InitResult> {
  const root = resolve(dir);
  const document = await readPlanDocument(plan);
  const text = document.text.replace(/^\uFEFF/, "");
  if (!text.trim()) throw new PlanwatchError("invalid_plan", `${plan}: 规划文本为空`);
  const warnings: string[] = [];
  const planName = basename(plan).replace(/\.[^.]*$/, "") + ".txt";
  // a Word document, PDF or web page is kept as it came, the text planwatch reads from it written beside it
  const kept = basename(plan) === planName ? planName.replace(/\.txt$/, ".original.txt") : basename(plan);
  const original = document.format === "text" ? null : kept;
  const sections = livelihoodSections(planSections(text));
  const planYearValue = inferPlanYear(text, {year}).year;
  if (planYearValue === null) warnings.push(`未能从规划文本读出规划年份:请在 ${PROJECT_FILE} 中填写 "year"(如 2024)。`);
  const spec: ProjectSpec = {
    plan: `seeds/${planName}`,
    title: title ?? planTitle(text) ?? planName.replace(/\.txt$/, ""),
    year: planYearValue,
    livelihood: sections.length ? {title: LIVELIHOOD_TITLE, sections} : false,
    units: "seeds/units.csv",
    curation: "seeds/targets.curation.csv",
    allocations: "seeds/allocations.csv",
    offices: "seeds/offices.csv",
    responsibilities: "seeds/responsibilities.csv"
  };
  if (!sections.length)
    warnings.push(
      `规划中没有标题含“民生实事”等字样的部分:总览不单列民生实事;如有,请在 ${PROJECT_FILE} 的 "livelihood" 中填写 {"title": "…", "sections": [部分序号]}。`
    );
  warnings.push("请在 seeds/units.csv 中填写报送单位(每行一个单位,列的含义见 seeds/README.md),再接收报送文件。");
  const targets = extractTargets(text);
  // the owners and deadlines the plan names, drafted for a person to check, so no one retypes them
  const owners = draftOwners(extractTasks(text, {year: planYearValue, targets}).tasks);
  if (owners)
    warnings.push(
      `已从规划原文读出 ${owners.officeCount} 个牵头、配合单位和 ${owners.rowCount} 条任务分工,写入 seeds/offices.csv 和 seeds/responsibilities.csv:这是草稿,请核对单位名称、代码(o01 等可改为字母缩写)和分工。`
    );
  const files: [string, string][] = [
    [PROJECT_FILE, JSON.stringify(spec, null, 2) + "\n"],
    ["seeds/units.csv", UNITS_HEADER],
    ["seeds/targets.curation.csv", CURATION_HEADER],
    ["seeds/allocations.csv", ALLOCATIONS_HEADER],
    ["seeds/offices.csv", owners?.offices ?? OFFICES_HEADER],
    ["seeds/responsibilities.csv", owners?.responsibilities ?? RESPONSIBILITIES_HEADER],
    ["seeds/README.md", SEEDS_README],
    ["README.md", projectReadme(spec.title!)]
  ];
  const planFiles = [...(original ? [`seeds/${original}`] : []), `seeds/${planName}`];
  const present = await existing(root, [...planFiles, ...files.map(([name]) => name)]);
  if (present.length && !force) {
    const project = present.includes(PROJECT_FILE);
    throw new PlanwatchError(
      project ? "project_exists" : "would_overwrite",
      `${root} 中已有 init 要写的文件:${present.join("、")}` +
        `(${project ? "该文件夹已是一个 planwatch 项目;" : ""}请换一个空文件夹,或加 --force 覆盖这些文件)`
    );
  }
  await makeDirs(join(root, "seeds"));
  await makeDirs(join(root, "data", "inbox"));
  // Replaced, not written through: a symbolic link left in the folder must not carry a write elsewhere.
  const place = async (name: string, write: (to: string) => Promise<void>) => {
    const to = join(root, name);
    if (resolve(plan) === to) return;
    await rm(to, {force: true});
    await write(to);
  };
  if (original) {
    await place(`seeds/${original}`, (to) => copyFile(plan, to));
    await place(`seeds/${planName}`, (to) => writeFile(to, text));
  } else await place(`seeds/${planName}`, (to) => copyFile(plan, to));
  for (const [name, content] of files) await place(name, (to) => writeFile(to, content));
  return {
    dir: root,
    spec,
    original: original && `seeds/${original}`,
    files: [...planFiles, ...files.map(([n]) => n)],
    targets: targets.length,
    owners: owners && {offices: owners.officeCount, rows: owners.rowCount},
    warnings
  };
}

/** Which of `names` (relative to `root`) are there already, as anything: a file, a folder, a link. */
async function existing(root: string, names: readonly string[]): Promise<string[]> {
  const found = await Promise.all(
    names.map((n) =>
      lstat(join(root, n)).then(
        () => n,
        () => null
      )
    )
  );
  return found.filter((n) => n !== null);
}

const SEEDS_README = `# seeds/:本项目的参考输入

- 规划原文(\`.txt\`,UTF-8):项目文件 \`planwatch.config.json\` 的 \`plan\` 指向它。原文为 Word、PDF 或网页时,
  原件也保存在这里,\`.txt\` 是 planwatch 从中读出的文字(目标和任务的位置都以它为准,可在其中改正识别错误)。
- \`units.csv\`:报送单位表,每行一个单位,各列:
  - \`code\`:单位代码,6 位数字(如行政区划代码 330106;直属单位可自编,如 339901;街道、乡镇可用 9 位;
    学校标识码、字母代码等其他写法在项目文件 \`unit_code_pattern\` 中声明,如 \`"\\\\d{10}"\`);
  - \`name\`:单位全称(如 西湖区、市教育局直属某学校);
  - \`short_name\`:简称(如 西湖),报送文件中写简称也能识别;
  - \`kind\`:\`city\`(市)、\`district\`(区)、\`county\`(县、县级市)或 \`bureau\`(局属、直属单位),
    或项目文件 \`unit_kinds\` 中声明的类别(如 \`town\`);
  - \`aliases\`:其他写法,用 \`|\` 分隔(如 高新区|高新区(滨江)),可空;
  - \`parent\`(可省略此列):上级单位的代码,最上一级留空。省、市、县多级监测时用它组成单位树,
    上级的数值由下级汇总(下级与上级都报时以下级为准)。
- \`targets.curation.csv\`:原文说不清的目标信息(汇总方式、基线、起止月、分月安排),按目标编号补充;
  列为 \`id,indicator,kind,aggregation,direction,baseline,baseline_source,start,deadline,schedule,note\`,
  空格保留默认值。先运行 \`planwatch targets extract <规划原文>\` 查看目标编号。
- \`allocations.csv\`:数量类目标分解到各单位的任务数,列为 \`unit_code,target_id,value\`,可空。
- \`offices.csv\`:本单位各处室(任务的牵头单位),列为 \`code,name,short_name,aliases\`(code 为字母或数字),可空。
  规划原文写明牵头、配合单位时,\`planwatch init\` 已把这些单位写入本表(代码 o01、o02 …),是草稿,请核对。
- \`responsibilities.csv\`:工作任务的分工,列为 \`id,lead,partners,deadline,note\`:\`id\` 为工作项(如 1.3)
  或任务编号(如 1.3-t2,见 \`planwatch tasks extract <规划原文>\`),\`lead\` 为牵头处室,\`partners\` 为配合
  处室或单位(用 \`|\` 分隔),\`deadline\` 为 YYYY-MM(可空,空则按原文),可空。规划原文写明分工
  (如“牵头单位:…;配合单位:…”、任务表的牵头单位列)和完成时限时,\`planwatch init\` 已按原文写入本表
  (备注“草稿：由规划原文读出，请核对”),请逐条核对后再使用。
`;

function projectReadme(title: string): string {
  return `# ${title} · planwatch 监测项目

本文件夹由 \`planwatch init\` 创建。项目文件 \`planwatch.config.json\` 写明规划原文、标题、年份、
民生实事所在部分、单位表和整理文件;网站的标题、侧栏、页脚和总览都从这里读取。

在本文件夹中运行(\`planwatch\` 指 planwatch 安装处的 \`pipelines/planwatch.js\`,或 \`npx planwatch\`):

\`\`\`sh
planwatch targets extract seeds/*.txt    # 查看从规划中提取的量化目标及编号
# 填写 seeds/units.csv(见 seeds/README.md)
planwatch template --unit <单位名称>      # 生成某单位的空白报送表
planwatch tasks extract seeds/*.txt      # 查看工作任务及编号(填写 seeds/responsibilities.csv 用)
planwatch template --tasks --unit <处室>  # 生成某处室的任务进展表
planwatch ingest data/inbox               # 接收、校验报送文件
planwatch build                           # 生成网站到 dist/
planwatch preview                         # 本机预览 dist/
\`\`\`
`;
}
