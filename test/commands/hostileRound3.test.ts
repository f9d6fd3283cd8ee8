// The third hostile corpus (issue #21's classes, variants not seen before), each through the real
// `planwatch` command on real files: what it must do is refuse in Chinese, naming file, row and
// column, keep the file, and invent nothing.
import {cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile} from "node:fs/promises";
import {existsSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {PROJECT_DIR, runPlanwatch} from "../helpers/cli.js";

const NUMBERS = "单位,月份,指标编号,数值\n";
const PROGRESS = "任务编号,单位,月份,进展状态,进展情况\n";

describe("hostile corpus 3: submissions", () => {
  let dir = "";
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "planwatch-hostile3-"))));
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it("a count sent as 12% is refused at its cell and never archived as 12 places", async () => {
    const file = join(dir, "西湖区-百分号.csv");
    await writeFile(file, `${NUMBERS}西湖区,2023-06,6.1b,12%\n`);
    const data = join(dir, "data-percent");
    const checked = await runPlanwatch(["validate", file]);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain("西湖区-百分号.csv:2:数值 non_numeric “12%”带有 %,但 6.1b 新增学位 以“个”计");
    const {code, stdout} = await runPlanwatch(["ingest", file, "--data", data]);
    expect([code, stdout]).toEqual([1, expect.stringContaining("拒收")]);
    expect(await readdir(join(data, "archive"))).toEqual([]);
    expect(await readFile(file, "utf8")).toContain("12%");
  });

  it("a progress row with an unquoted comma in its text is ragged_row, not a text cut short", async () => {
    const file = join(dir, "基教处-七月.csv");
    await writeFile(file, `${PROGRESS}2.2-t1,基础教育处,2023-07,已完成,完成了压减,覆盖全市\n`);
    const {code, stdout} = await runPlanwatch(["validate", file]);
    expect(code).toBe(1);
    expect(stdout).toContain("基教处-七月.csv:2:- ragged_row 本行有 6 列,表头有 5 列");
  });
});

describe("hostile corpus 3: full-width letters, as an IME types them", () => {
  let dir = "";
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "planwatch-hostile3-width-"))));
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it("an office code and a task id in full-width letters are the office and the task (as full-width digits are)", async () => {
    const file = join(dir, "基教处-全角.csv");
    await writeFile(file, `${PROGRESS}２.２－ｔ１,ｊｊｃ,2023-07,已完成,x\n`);
    const data = join(dir, "data");
    const {code} = await runPlanwatch(["ingest", file, "--data", data]);
    expect(code).toBe(0);
    const [entry] = (await readFile(join(data, "ledger.jsonl"), "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(entry).toMatchObject({status: "accepted", form: "progress", units: ["jjc"], periods: ["2023-07"]});
  });

  it("units.csv naming one unit ＡＢ区 and another AB区 is invalid_units: a file's 'AB区' would be either", async () => {
    const project = join(dir, "project");
    await cp(join(PROJECT_DIR, "seeds"), join(project, "seeds"), {recursive: true});
    await writeFile(
      join(project, "seeds/units.csv"),
      "code,name,short_name,kind,aliases\n330105,ＡＢ区,拱墅,district,\n330106,AB区,西湖,district,\n"
    );
    await writeFile(join(project, "june.csv"), `${NUMBERS}AB区,2023-06,6.1b,4200\n`);
    const {code, stderr} = await runPlanwatch(["validate", "june.csv"], {
      cwd: project,
      env: {PLANWATCH_PROJECT: project}
    });
    expect(code).toBe(1);
    expect(stderr).toContain("invalid_units: units.csv:3:name “AB区”已是第 2 行单位 330105 的名称");
  });
});

describe("hostile corpus 3: the project file", () => {
  let project = "";
  const config = async () => (await readFile(join(PROJECT_DIR, "planwatch.config.json"), "utf8")).trimEnd();
  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), "planwatch-hostile3-project-"));
    await cp(join(PROJECT_DIR, "seeds"), join(project, "seeds"), {recursive: true});
    await writeFile(join(project, "june.csv"), `${NUMBERS}西湖区,2023-06,6.1b,4200\n`);
  });
  afterAll(() => rm(project, {recursive: true, force: true}));
  const validate = async (text: string) => {
    await writeFile(join(project, "planwatch.config.json"), text);
    return runPlanwatch(["validate", "june.csv"], {cwd: project, env: {PLANWATCH_PROJECT: project}});
  };

  it.each([
    ["a comment", (c: string) => c.replace("{", "{\n  // 2023 年的计划"), "第 2 行第 3 列:JSON 中不能写注释"],
    ["a trailing comma", (c: string) => c.replace(/"\n}$/, '",\n}'), "最后一项后面多了逗号"],
    [
      "a key written twice",
      (c: string) => c.replace("{", '{\n"year": 2024,'),
      '键 "year" 重复(已在第 2 行第 1 列出现)'
    ],
    ["single quotes", (c: string) => c.replace('"year"', "'year'"), "此处应为用英文双引号括起的键,却是“'”"]
  ])("%s is invalid_project in Chinese, at its line and column", async (_, edit, said) => {
    const {code, stderr} = await validate(edit(await config()));
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^planwatch: invalid_project: .*planwatch\.config\.json: 不是有效的 JSON,第 \d+ 行第 \d+ 列:/
    );
    expect(stderr).toContain(said);
    expect(stderr).not.toMatch(/[A-Za-z]{3,} in JSON|position \d/);
  });

  it("the file as it is, with a BOM, still reads", async () => {
    const {code} = await validate(`\ufeff${await config()}\n`);
    expect(code).toBe(0);
  });
});

describe("hostile corpus 3: the inbox's processed/ folder", () => {
  let dir = "";
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "planwatch-hostile3-inbox-"))));
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it.each(["a file", "a link out of the inbox"])(
    "processed/ that is %s is refused in Chinese before any file is read or moved",
    async (kind) => {
      const inbox = join(dir, kind.replaceAll(" ", "-"));
      const elsewhere = join(dir, `elsewhere-${kind.length}`);
      await mkdir(inbox);
      await mkdir(elsewhere);
      if (kind === "a file") await writeFile(join(inbox, "processed"), "x");
      else await symlink(elsewhere, join(inbox, "processed"));
      await writeFile(join(inbox, "西湖区.csv"), `${NUMBERS}西湖区,2023-06,6.1b,4200\n`);
      const data = join(dir, `data-${kind.length}`);
      const {code, stderr} = await runPlanwatch(["watch", "--once", "--inbox", inbox, "--data", data]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^planwatch: io_error: 收件箱中的 .*processed 不是文件夹\(是(文件|符号链接)\)/m);
      expect(existsSync(join(inbox, "西湖区.csv"))).toBe(true);
      expect(await readdir(elsewhere)).toEqual([]);
      expect(existsSync(join(data, "ledger.jsonl"))).toBe(false);
    }
  );
});

describe("hostile corpus 3: the build's environment", () => {
  it.each(["abc", "-5", "1.5"])(
    "SOURCE_DATE_EPOCH=%s is refused in Chinese before anything is built",
    async (value) => {
      const output = await mkdtemp(join(tmpdir(), "planwatch-hostile3-epoch-"));
      try {
        const {code, stderr} = await runPlanwatch(["build", "--output", output], {env: {SOURCE_DATE_EPOCH: value}});
        expect(code).toBe(1);
        expect(stderr).toContain(`planwatch: invalid_option: 环境变量 SOURCE_DATE_EPOCH 的值“${value}”无效`);
        expect(await readdir(output)).toEqual([]);
      } finally {
        await rm(output, {recursive: true, force: true});
      }
    }
  );
});

describe("hostile corpus 3: folders that cannot be made", () => {
  // Node's mkdir(..., {recursive: true}) spins forever where a file system answers ENOENT (/proc).
  it.each([
    ["ingest", (file: string) => ["ingest", file, "--data", "/proc/planwatch-data"]],
    ["export", () => ["export", "--out", "/proc/planwatch-export"]],
    ["init", (file: string) => ["init", "/proc/planwatch-init", "--plan", file]]
  ])("%s into /proc fails at once with a Chinese message, not a hang", {timeout: 60_000}, async (_, args) => {
    const dir = await mkdtemp(join(tmpdir(), "planwatch-hostile3-proc-"));
    try {
      const file = join(dir, "计划.txt");
      await writeFile(file, await readFile(join(PROJECT_DIR, "seeds/hangzhou-edu-2023-work-plan.txt")));
      const started = Date.now();
      const {code, stderr} = await runPlanwatch(args(file), {cwd: dir, env: {PLANWATCH_PROJECT: PROJECT_DIR}});
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^planwatch: \w+: .*[\u4e00-\u9fff]/m);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
