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
    const targets = JSON.parse(stdout) as {id: string; text: string; start_offset: number; end_offset: number; value_max: null}[];
    expect(targets).toHaveLength(33);
    const input = readFileSync(join(PROJECT_DIR, PLAN), "utf8");
    for (const t of targets) {
      expect(Object.keys(t)).toEqual(expect.arrayContaining(["id", "indicator", "comparator", "value", "value_max", "unit", "year", "scope", "text", "start_offset", "end_offset"]));
      expect(input.slice(t.start_offset, t.end_offset)).toBe(t.text);
    }
  });

  it("targets extract prints an aligned table by default and CSV on request", async () => {
    const table = await runPlanwatch(["targets", "extract", PLAN]);
    expect(table.stdout.split("\n")[0]).toMatch(/^id\s+indicator\s+comparator\s+value/);
    expect(table.stdout).toMatch(/6\.1b\s+新增学位\s+>=\s+61000/);
    const csv = await runPlanwatch(["targets", "extract", PLAN, "--format", "csv", "--curation", "seeds/targets.curation.csv"]);
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
      const rows = JSON.parse(stdout) as {status: string; unit_code: string; as_of: string; target_id: string; sources: unknown[]}[];
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["achieved", "on_track", "at_risk", "off_track", "no_data", "no_target", "no_baseline"]));
      expect(rows.filter((r) => r.unit_code === "city")).toHaveLength(33);
      expect(new Set(rows.map((r) => r.as_of))).toEqual(new Set(["2023-11"]));
      expect(rows.find((r) => r.unit_code === "city" && r.target_id === "6.1b")!.sources.length).toBeGreaterThan(10);
      const westLake = await runPlanwatch(["gaps", "--data", dir, "--unit", "西湖", "--as-of", "2023-06", "--format", "csv"]);
      expect(westLake.stdout.split("\r\n")[0]).toMatch(/^\uFEFFtarget_id,unit_code,as_of,indicator/);
      expect(westLake.stdout.split("\r\n").slice(1).filter(Boolean).every((l) => l.includes(",330106,2023-06,"))).toBe(true);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
