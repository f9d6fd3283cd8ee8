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
