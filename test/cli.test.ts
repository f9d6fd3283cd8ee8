import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {PROJECT_DIR, copyProject, runPlanwatch} from "./helpers/cli.js";

const PLAN = "seeds/hangzhou-edu-2023-work-plan.txt";

describe("planwatch (the command line)", () => {
  it("prints its commands with --help", async () => {
    const {code, stdout} = await runPlanwatch(["--help"]);
    expect(code).toBe(0);
    for (const command of ["targets", "build", "preview", "dev", "sample"]) expect(stdout).toContain(command);
  });

  it("--help of planwatch and of every command says each command and flag in Chinese, the names as they are", async () => {
    const CJK = /[\u4e00-\u9fff]/;
    const seen: string[] = [];
    const check = async (command: string[]) => {
      const {code, stdout} = await runPlanwatch([...command, "--help"]);
      expect(code, command.join(" ")).toBe(0);
      const lines = stdout.split("\n");
      expect(lines[0], `${command.join(" ")}: its description`).toMatch(CJK);
      expect(stdout).not.toMatch(/USAGE|ARGUMENTS|COMMANDS|\(Default|\(Required|for more information/);
      let section = "";
      const subcommands: string[] = [];
      for (const line of lines.slice(1)) {
        if (/^(参数|选项|命令)$/.test(line.trim())) section = line.trim();
        else if (line.startsWith("用 "))
          section = ""; // the closing hint
        else if (section && line.trim()) {
          const [name, description = ""] = line.trim().split(/\s{2,}/);
          expect(description, `${command.join(" ")} ${name}`).toMatch(CJK);
          if (section === "命令") subcommands.push(name!);
        }
      }
      seen.push(command.join(" "));
      for (const sub of subcommands) await check([...command, sub]);
    };
    await check([]);
    expect(seen).toEqual(
      expect.arrayContaining(["", "init", "targets extract", "tasks status", "gaps", "dev", "schedule"])
    );
    expect(seen.length).toBeGreaterThanOrEqual(20);
  }, 120_000);

  it("targets extract --format json prints the 33 targets, each with offsets that slice its clause", async () => {
    const {code, stdout} = await runPlanwatch(["targets", "extract", PLAN, "--format", "json"]);
    expect(code).toBe(0);
    const targets = JSON.parse(stdout) as {
      id: string;
      text: string;
      start_offset: number;
      end_offset: number;
      value_max: null;
    }[];
    expect(targets).toHaveLength(33);
    const input = readFileSync(join(PROJECT_DIR, PLAN), "utf8");
    for (const t of targets) {
      expect(Object.keys(t)).toEqual(
        expect.arrayContaining([
          "id",
          "indicator",
          "comparator",
          "value",
          "value_max",
          "unit",
          "year",
          "scope",
          "text",
          "start_offset",
          "end_offset"
        ])
      );
      expect(input.slice(t.start_offset, t.end_offset)).toBe(t.text);
    }
  });

  it("targets extract prints an aligned table by default and CSV on request", async () => {
    const table = await runPlanwatch(["targets", "extract", PLAN]);
    expect(table.stdout.split("\n")[0]).toMatch(/^id\s+indicator\s+comparator\s+value/);
    expect(table.stdout).toMatch(/6\.1b\s+新增学位\s+>=\s+61000/);
    const csv = await runPlanwatch([
      "targets",
      "extract",
      PLAN,
      "--format",
      "csv",
      "--curation",
      "seeds/targets.curation.csv"
    ]);
    expect(csv.stdout.startsWith("\uFEFFid,indicator,")).toBe(true);
    expect(csv.stdout).toContain("5.5a,义务教育优质均衡发展县省级评估通过比例,>=,35,");
  });

  it.each([
    [
      ["targets", "extract", PLAN, "--format", "xml"],
      /^planwatch: invalid_option: --format xml 不是可选的值\(应为 table、json、csv 之一\)$/m
    ],
    [["targets", "extract", "missing.txt"], /^planwatch: not_found: 找不到文件 missing\.txt$/m]
  ])("fails with exit 1 and a one-line reason: %j", async (args, reason) => {
    const {code, stderr} = await runPlanwatch(args);
    expect(code).toBe(1);
    expect(stderr).toMatch(reason);
  });
});

describe("planwatch gaps", () => {
  it("over the bundled sample gives rows whose statuses span every value, city rows as unit_code city", async () => {
    const {mkdtemp, rm} = await import("node:fs/promises");
    const {tmpdir} = await import("node:os");
    const {ingestSample} = await import("../pipelines/sample/ingestSample.js");
    const dir = await mkdtemp(join(tmpdir(), "planwatch-gaps-"));
    try {
      await ingestSample({projectDir: PROJECT_DIR, dataDir: dir});
      const {code, stdout} = await runPlanwatch(["gaps", "--data", dir, "--format", "json"]);
      expect(code).toBe(0);
      const rows = JSON.parse(stdout) as {
        status: string;
        unit_code: string;
        as_of: string;
        target_id: string;
        sources: unknown[];
      }[];
      expect(new Set(rows.map((r) => r.status))).toEqual(
        new Set(["achieved", "on_track", "at_risk", "off_track", "no_data", "no_target", "no_baseline"])
      );
      expect(rows.filter((r) => r.unit_code === "city")).toHaveLength(33);
      expect(new Set(rows.map((r) => r.as_of))).toEqual(new Set(["2023-11"]));
      expect(rows.find((r) => r.unit_code === "city" && r.target_id === "6.1b")!.sources.length).toBeGreaterThan(10);
      const westLake = await runPlanwatch([
        "gaps",
        "--data",
        dir,
        "--unit",
        "西湖",
        "--as-of",
        "2023-06",
        "--format",
        "csv"
      ]);
      expect(westLake.stdout.split("\r\n")[0]).toMatch(/^\uFEFFtarget_id,unit_code,parent_code,level,as_of,indicator/);
      expect(
        westLake.stdout
          .split("\r\n")
          .slice(1)
          .filter(Boolean)
          .every((l) => l.includes(",330106,city,1,2023-06,"))
      ).toBe(true);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });

  it("--file streams one large school-level file to its gaps, and a bad file gives its findings and no numbers", async () => {
    const {mkdtemp, rm, writeFile} = await import("node:fs/promises");
    const {tmpdir} = await import("node:os");
    const {writeSynthetic} = await import("./bench/synthetic.js");
    const {projectTargets} = await import("../pipelines/project/projectTargets.js");
    const {inspectFile} = await import("../pipelines/intake/inspectFile.js");
    const {seedCatalog} = await import("./helpers/catalog.js");
    const {projectGapPlan} = await import("../pipelines/gaps/projectGaps.js");
    const {computeGaps} = await import("../pipelines/gaps/computeGaps.js");
    const dir = await mkdtemp(join(tmpdir(), "planwatch-file-gaps-"));
    try {
      const targets = await projectTargets({projectDir: PROJECT_DIR});
      const file = await writeSynthetic(join(dir, "学校填报.csv"), {
        rows: 8000,
        targets: targets.map((t) => ({id: t.id, ratio: t.aggregation === "ratio"})),
        seed: 5
      });
      const {code, stdout, stderr} = await runPlanwatch([
        "gaps",
        "--file",
        file,
        "--as-of",
        "2023-12",
        "--format",
        "json"
      ]);
      expect(code).toBe(0);
      expect(stderr).toMatch(/8000 行/);
      const rows = JSON.parse(stdout) as {
        target_id: string;
        unit_code: string;
        actual: number | null;
        status: string;
      }[];
      // The same numbers as the reference path's rows (csv-parse, one object per row) give.
      const reference = await inspectFile(file, {catalog: await seedCatalog(), now: new Date("2024-01-05")});
      const observations = reference.rows.map((r) => ({
        ...r,
        file_sha256: "x",
        file: "学校填报.csv",
        ingested_at: "",
        superseded_by: null
      }));
      const expected = computeGaps({
        targets,
        observations,
        allocations: (await projectGapPlan({projectDir: PROJECT_DIR})).allocations,
        asOf: "2023-12"
      });
      const key = (r: {target_id: string; unit_code: string; actual: number | null; status: string}) =>
        `${r.target_id}|${r.unit_code}|${r.actual === null ? "-" : r.actual.toFixed(6)}|${r.status}`;
      expect(rows.map(key).sort()).toEqual(expected.map(key).sort());
      const bad = join(dir, "bad.csv");
      await writeFile(
        bad,
        "unit,period,target_id,school_id,value\n西湖区,2023-01,6.1b,S1,5\n西湖区,2023-13,6.1b,S2,5\n"
      );
      const rejected = await runPlanwatch(["gaps", "--file", bad]);
      expect(rejected.code).not.toBe(0);
      expect(rejected.stderr).toContain("bad.csv:3:period bad_period");
      expect(rejected.stdout).toBe("");
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  }, 60_000);
});

describe("planwatch diff, and the newcomer's path after npm run build", () => {
  it("validate --help and ingest --help name the file argument", async () => {
    for (const command of ["validate", "ingest"]) {
      const {stdout} = await runPlanwatch([command, "--help"]);
      expect(stdout).toMatch(new RegExp(`planwatch ${command} \\[OPTIONS\\] \\[FILES\\]`));
    }
  });

  it("with no data/ ledger, gaps, diff and status read the sample npm run build ingested, and say so on stderr; diff prints 本期变化 rows", async () => {
    const {mkdtemp, rm} = await import("node:fs/promises");
    const {tmpdir} = await import("node:os");
    const {copyProject} = await import("./helpers/cli.js");
    const {ingestSample} = await import("../pipelines/sample/ingestSample.js");
    const {projectGapInputs} = await import("../pipelines/gaps/projectGaps.js");
    const {changesBetween} = await import("../pipelines/gaps/changes.js");
    const dir = await copyProject(await mkdtemp(join(tmpdir(), "planwatch-newcomer-")));
    try {
      const sample = join(dir, ".planwatch", "sample-data");
      await ingestSample({projectDir: dir, dataDir: sample});
      const gaps = await runPlanwatch(["gaps", "--unit", "city", "--format", "json"], {cwd: dir});
      expect(gaps.code).toBe(0);
      expect(gaps.stderr).toContain("改用样例数据 .planwatch/sample-data");
      expect(JSON.parse(gaps.stdout)).toHaveLength(33);
      const status = await runPlanwatch(["status"], {cwd: dir});
      expect([status.code, status.stderr.includes("样例数据")]).toEqual([0, true]);
      expect(status.stdout).toMatch(/^stage\s+stale\s+reason/);
      const diff = await runPlanwatch(["diff", "--from", "2023-10", "--to", "2023-11", "--format", "json", "--all"], {
        cwd: dir
      });
      expect(diff.code).toBe(0);
      const expected = changesBetween({
        ...(await projectGapInputs({projectDir: dir, dataDir: sample})),
        from: "2023-10",
        to: "2023-11"
      });
      expect(JSON.parse(diff.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
      const table = await runPlanwatch(["diff", "--unit", "city"], {cwd: dir});
      expect(table.stdout.split("\n")[0]).toMatch(
        /^target_id\s+unit\s+indicator\s+actual_from\s+actual_to\s+actual_change\s+status_from\s+status_to\s+changes/
      );
      expect(table.stdout).toMatch(/\n6\.9a\s+全市\s.*已完成/);
      const bad = await runPlanwatch(["diff", "--from", "2023-11", "--to", "2023-10"], {cwd: dir});
      expect([bad.code, bad.stderr]).toEqual([
        1,
        expect.stringMatching(/^planwatch: invalid_option: --from 2023-11 应早于 --to 2023-10$/m)
      ]);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});

describe("planwatch keeps the conventions of Node command lines", () => {
  const env = (extra: Record<string, string> = {}) => {
    const clean = {...process.env};
    for (const key of ["NO_COLOR", "FORCE_COLOR", "TEST", "CI", "TERM"]) delete clean[key];
    return {...clean, ...extra} as Record<string, string>;
  };
  const run = async (args: string[], options: {env?: Record<string, string>; cwd?: string} = {}) => {
    const {execFile} = await import("node:child_process");
    const {promisify} = await import("node:util");
    try {
      const out = await promisify(execFile)(process.execPath, [join(PROJECT_DIR, "pipelines/planwatch.js"), ...args], {
        cwd: options.cwd ?? PROJECT_DIR,
        env: options.env ?? env()
      });
      return {code: 0, ...out};
    } catch (error) {
      const e = error as {code: number; stdout: string; stderr: string};
      return {code: e.code, stdout: e.stdout, stderr: e.stderr};
    }
  };

  it("refuses an unknown flag of any command, naming the nearest one", async () => {
    const gaps = await runPlanwatch(["gaps", "--unti", "西湖区"]);
    expect([gaps.code, gaps.stdout, gaps.stderr]).toEqual([
      1,
      "",
      "planwatch: invalid_option: 未知选项 --unti,是否要用 --unit?\n"
    ]);
    const extract = await runPlanwatch(["targets", "extract", PLAN, "--formt", "json"]);
    expect([extract.code, extract.stderr]).toEqual([
      1,
      "planwatch: invalid_option: 未知选项 --formt,是否要用 --format?\n"
    ]);
    const command = await runPlanwatch(["gapz"]);
    expect([command.code, command.stderr]).toEqual([
      1,
      "planwatch: unknown_command: 未知命令 planwatch gapz,是否要用 planwatch gaps?\n"
    ]);
  });

  it("says each mistake once, in Chinese, after its code", async () => {
    const {mkdtemp, rm} = await import("node:fs/promises");
    const {tmpdir} = await import("node:os");
    const empty = await mkdtemp(join(tmpdir(), "planwatch-empty-"));
    try {
      for (const [args, line] of [
        [
          ["gaps", "--as-of", "2023-13", "--data", empty],
          "planwatch: invalid_option: --as-of 2023-13 不是有效月份(应为 2023-06 这样的年月)"
        ],
        [
          ["gaps", "--unit", "火星区", "--data", empty],
          "planwatch: unknown_unit: 没有单位 火星区(可写名称、简称或代码)"
        ],
        [["gaps", "--unit", "西胡区", "--data", empty], "planwatch: unknown_unit: 没有单位 西胡区,是否要用 西湖区?"],
        [
          ["gaps", "--engine", "spark", "--data", empty],
          "planwatch: invalid_option: --engine spark 不是可选的值(应为 arquero、duckdb 之一)"
        ],
        [
          ["diff", "--format", "csv", "--data", empty],
          "planwatch: invalid_option: --format csv 不是可选的值(应为 table、json 之一)"
        ],
        [["targets", "extract", "missing.txt"], "planwatch: not_found: 找不到文件 missing.txt"],
        [
          ["tasks", "status", "--office", "火星处", "--as-of", "2023-06", "--data", empty],
          "planwatch: unknown_unit: 没有处室 火星处(可写名称、简称或代码)"
        ]
      ] as const) {
        const {code, stderr} = await runPlanwatch([...args]);
        expect([code, stderr], args.join(" ")).toEqual([1, line + "\n"]);
      }
    } finally {
      await rm(empty, {recursive: true, force: true});
    }
  });

  it("ends quietly, with 0, when its standard output is closed early (| head -1)", async () => {
    const {spawn} = await import("node:child_process");
    const child = spawn(
      process.execPath,
      [join(PROJECT_DIR, "pipelines/planwatch.js"), "targets", "extract", PLAN, "--format", "json"],
      {cwd: PROJECT_DIR, stdio: ["ignore", "pipe", "pipe"]}
    );
    child.stdout.destroy(); // the reader is gone before the first write
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect([code, stderr]).toEqual([0, ""]);
  });

  it("colours its usage only on a terminal, or when FORCE_COLOR asks; never with NO_COLOR", async () => {
    const piped = await run(["--help"]);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toContain("用法");
    expect(piped.stdout).not.toContain("\u001B[");
    const sub = await run(["gaps", "--help"]);
    expect(sub.stdout).toContain("--unit");
    expect(sub.stdout).not.toContain("\u001B[");
    expect((await run(["--help"], {env: env({FORCE_COLOR: "1"})})).stdout).toContain("\u001B[");
    expect((await run(["--help"], {env: env({FORCE_COLOR: "1", NO_COLOR: "1"})})).stdout).not.toContain("\u001B[");
  });

  it("prints statuses, unit and office names in tables; JSON and CSV keep the codes", async () => {
    const {mkdtemp, rm} = await import("node:fs/promises");
    const {tmpdir} = await import("node:os");
    const empty = await mkdtemp(join(tmpdir(), "planwatch-empty-"));
    try {
      const table = await runPlanwatch(["gaps", "--as-of", "2023-06", "--unit", "city", "--data", empty]);
      expect(table.code).toBe(0);
      expect(table.stdout.split("\n")[0]).toMatch(/^target_id\s+unit\s+indicator/);
      expect(table.stdout).toMatch(/\n6\.1b\s+全市\s+新增学位.*无数据/);
      expect(table.stdout).not.toMatch(/\bcity\b|no_data/);
      const json = await runPlanwatch([
        "gaps",
        "--as-of",
        "2023-06",
        "--unit",
        "city",
        "--data",
        empty,
        "--format",
        "json"
      ]);
      expect(JSON.parse(json.stdout)[0]).toMatchObject({unit_code: "city", status: "no_data"});
      const csv = await runPlanwatch([
        "gaps",
        "--as-of",
        "2023-06",
        "--unit",
        "city",
        "--data",
        empty,
        "--format",
        "csv"
      ]);
      expect(csv.stdout).toContain(",city,,0,2023-06,");
      const tasks = await runPlanwatch(["tasks", "status", "--as-of", "2023-06", "--data", empty]);
      expect(tasks.stdout).toMatch(/\n1\.1-t1\s+未报送\s+宣传教育处/);
      const tasksCsv = await runPlanwatch([
        "tasks",
        "status",
        "--as-of",
        "2023-06",
        "--data",
        empty,
        "--format",
        "csv"
      ]);
      expect(tasksCsv.stdout).toMatch(/\r\n1\.1-t1,no_report,xjc,/);
      // A project whose whole is a province names its city row so, as its site does.
      const {readFile, writeFile} = await import("node:fs/promises");
      const province = await copyProject(join(empty, "province"));
      const config = join(province, "planwatch.config.json");
      await writeFile(config, JSON.stringify({...JSON.parse(await readFile(config, "utf8")), whole: "全省"}));
      const whole = await runPlanwatch(["gaps", "--as-of", "2023-06", "--unit", "city", "--data", empty], {
        cwd: province
      });
      expect(whole.stdout).toMatch(/\n6\.1b\s+全省\s+新增学位.*无数据/);
    } finally {
      await rm(empty, {recursive: true, force: true});
    }
  });

  it("warns on stderr when --as-of lies outside the plan's period, and prints the numbers", async () => {
    const {mkdtemp, rm} = await import("node:fs/promises");
    const {tmpdir} = await import("node:os");
    const empty = await mkdtemp(join(tmpdir(), "planwatch-empty-"));
    try {
      const {code, stdout, stderr} = await runPlanwatch([
        "gaps",
        "--as-of",
        "2022-05",
        "--data",
        empty,
        "--format",
        "json"
      ]);
      expect(code).toBe(0);
      expect(stderr).toBe("planwatch: 提示:--as-of 2022-05 不在计划期(2023-01 至 2023-12)内,以下按该月计算\n");
      expect((JSON.parse(stdout) as {unit_code: string}[]).filter((r) => r.unit_code === "city")).toHaveLength(33);
      expect((await runPlanwatch(["gaps", "--as-of", "2023-05", "--data", empty, "--format", "json"])).stderr).toBe("");
    } finally {
      await rm(empty, {recursive: true, force: true});
    }
  });

  it("template writes to standard output without --out or with --out -, so > f.csv works; --out writes the file", async () => {
    const {mkdtemp, readdir, readFile, rm} = await import("node:fs/promises");
    const {tmpdir} = await import("node:os");
    const dir = await mkdtemp(join(tmpdir(), "planwatch-template-"));
    try {
      const options = {cwd: dir, env: {PLANWATCH_PROJECT: PROJECT_DIR}}; // the project's units, run from elsewhere
      const piped = await runPlanwatch(["template", "--unit", "西湖区"], options);
      expect(piped.code).toBe(0);
      expect(piped.stdout.startsWith("\uFEFF单位,月份,指标编号")).toBe(true);
      expect(piped.stdout).toContain("西湖区,,6.1b,");
      expect(await readdir(dir)).toEqual([]);
      expect((await runPlanwatch(["template", "--unit", "西湖区", "--out", "-"], options)).stdout).toBe(piped.stdout);
      const file = await runPlanwatch(["template", "--unit", "西湖区", "--out", "t.csv"], options);
      expect([file.stdout, file.stderr]).toEqual(["", "已写出 t.csv\n"]);
      expect(await readFile(join(dir, "t.csv"), "utf8")).toBe(piped.stdout);
      // A folder that is not there is named as what could not be written, not as a file not found.
      const missing = await runPlanwatch(["template", "--unit", "西湖区", "--out", "无此文件夹/t.csv"], options);
      expect([missing.code, missing.stderr]).toEqual([
        1,
        "planwatch: io_error: 无法写出模板 无此文件夹/t.csv:文件或文件夹不存在(ENOENT)\n"
      ]);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });

  it("names the port that is in use", async () => {
    const {createServer} = await import("node:net");
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as {port: number}).port;
    // A folder of its own to serve: the port is checked after the folder, and a unit test needs no built site.
    const {mkdtemp, rm, writeFile} = await import("node:fs/promises");
    const {tmpdir} = await import("node:os");
    const site = await mkdtemp(join(tmpdir(), "planwatch-site-"));
    await writeFile(join(site, "index.html"), "<!doctype html><title>x</title>");
    try {
      const {code, stderr} = await runPlanwatch(["preview", "--dir", site, "--port", String(port)]);
      expect([code, stderr]).toEqual([1, `planwatch: port_in_use: 端口 ${port} 已被占用(用 --port 换一个)\n`]);
    } finally {
      server.close();
      await rm(site, {recursive: true, force: true});
    }
  });
});
