import {readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {PROJECT_DIR, runPlanwatch} from "./helpers/cli.js";

const PLAN = "seeds/hangzhou-edu-2023-work-plan.txt";

describe("planwatch (the command line)", () => {
  it("prints its commands with --help", async () => {
    const {code, stdout} = await runPlanwatch(["--help"]);
    expect(code).toBe(0);
    for (const command of ["targets", "build", "preview", "dev", "sample"]) expect(stdout).toContain(command);
  });

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
    [["targets", "extract", PLAN, "--format", "xml"], /^planwatch: invalid_option: invalid format: xml/m],
    [["targets", "extract", "missing.txt"], /^planwatch: not_found: no such file: missing\.txt$/m]
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
      expect(westLake.stdout.split("\r\n")[0]).toMatch(/^\uFEFFtarget_id,unit_code,as_of,indicator/);
      expect(
        westLake.stdout
          .split("\r\n")
          .slice(1)
          .filter(Boolean)
          .every((l) => l.includes(",330106,2023-06,"))
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
        /^target_id\s+unit_code\s+indicator\s+actual_from\s+actual_to\s+actual_change\s+status_from\s+status_to\s+changes/
      );
      expect(table.stdout).toMatch(/\n6\.9a\s+city\s.*achieved/);
      const bad = await runPlanwatch(["diff", "--from", "2023-11", "--to", "2023-10"], {cwd: dir});
      expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining("must be before")]);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
