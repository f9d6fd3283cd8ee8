import {execFile} from "node:child_process";
import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {promisify} from "node:util";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {
  addMonths,
  compareMonths,
  dayStart,
  isMonth,
  latestMonth,
  monthAt,
  monthInWords,
  monthIndex,
  monthOf,
  monthRange,
  monthsBetween,
  parseMonth
} from "../../pipelines/core/month.js";
import {PROJECT_DIR} from "../helpers/cli.js";

describe("parseMonth (strict)", () => {
  it.each([
    ["2023-06", "2023-06"],
    ["2023年6月", "2023-06"],
    ["2023年06月", "2023-06"],
    ["2023/6", "2023-06"],
    ["2023.06", "2023-06"],
    ["202306", "2023-06"],
    ["2023-06-01", "2023-06"],
    ["2023-02-28", "2023-02"],
    ["2024-02-29", "2024-02"],
    ["２０２３－０６", "2023-06"],
    [" 2023 - 06 ", "2023-06"]
  ])("%j → %s", (text, month) => expect(parseMonth(text)).toBe(month));

  it.each([
    "2023-06-99",
    "2023-02-30",
    "2023-06-00",
    "0000-01",
    "0999-12",
    "2023-13",
    "2023-00",
    "202313",
    "2023",
    "6月",
    "2023-06x",
    "2023-06-01-02",
    "2023-6-1x",
    "June 2023",
    ""
  ])("%j is no month", (text) => {
    expect(parseMonth(text)).toBeNull();
  });
});

describe("month arithmetic", () => {
  it("indexes months since year 0, and back", () => {
    expect(monthIndex("2023-01")).toBe(24276);
    expect(monthIndex("2022-12")).toBe(24275);
    expect(monthOf(24276)).toBe("2023-01");
    expect(monthOf(monthIndex("1999-12") + 1)).toBe("2000-01");
    expect(monthIndex("2023-6")).toBeNaN();
    expect(isMonth("2023-06")).toBe(true);
    expect(isMonth("0000-01")).toBe(false);
  });

  it("adds, compares, counts and lists months across years", () => {
    expect(addMonths("2023-12", 1)).toBe("2024-01");
    expect(addMonths("2023-01", -1)).toBe("2022-12");
    expect(addMonths("2023-06", 18)).toBe("2024-12");
    expect(["2024-01", "2023-12", "2023-02"].sort(compareMonths)).toEqual(["2023-02", "2023-12", "2024-01"]);
    expect(monthsBetween("2023-01", "2023-06")).toBe(5);
    expect(monthsBetween("2023-11", "2024-02")).toBe(3);
    expect(monthRange("2023-11", "2024-02")).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
    expect(monthRange("2024-02", "2023-11")).toEqual([]);
    expect(latestMonth(["2023-11", "2024-02", "2023-12"])).toBe("2024-02");
    expect(latestMonth([])).toBeNull();
  });

  it("takes the month of an instant in Asia/Shanghai, and a day's start there", () => {
    expect(monthAt(new Date("2023-06-30T15:59:59Z"))).toBe("2023-06");
    expect(monthAt(new Date("2023-06-30T16:00:00Z"))).toBe("2023-07");
    expect(monthAt(new Date("2023-12-31T16:00:00Z"))).toBe("2024-01");
    expect(dayStart("2023-07", 11).toISOString()).toBe("2023-07-10T16:00:00.000Z");
    expect(dayStart("2023-12", 32).toISOString()).toBe("2023-12-31T16:00:00.000Z");
  });
});

// The tests run pinned to Asia/Shanghai (vitest.config.ts), where a host-time-zone bug cannot show:
// these run the future-month check in child processes on other time zones, at a clock that is
// already July in Shanghai (2023-06-30 17:00 UTC) but still June in UTC and in Los Angeles.
describe("the future-month check, whatever the host's time zone", () => {
  let dir = "";
  let script = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-month-"));
    const file = join(dir, "2023-07-西湖区.csv");
    await writeFile(
      file,
      ["单位,月份,指标编号,数值", "西湖区,2023-07,6.1b,100", "西湖区,2023-08,6.1b,200", ""].join("\n")
    );
    const from = (path: string) => JSON.stringify(join(PROJECT_DIR, path));
    script = join(dir, "check.mts");
    await writeFile(
      script,
      `import {monthAt} from ${from("pipelines/core/month.ts")};
import {projectCatalog} from ${from("pipelines/intake/catalog.ts")};
import {inspectFile} from ${from("pipelines/intake/inspectFile.ts")};
import {streamSubmission} from ${from("pipelines/intake/streamSubmission.ts")};
const now = new Date("2023-06-30T17:00:00Z");
const catalog = await projectCatalog({projectDir: ${JSON.stringify(PROJECT_DIR)}});
const errors = (findings) => findings.filter((f) => f.severity === "error").map((f) => [f.code, f.row, f.message]);
const reference = await inspectFile(${JSON.stringify(file)}, {catalog, now});
const streamed = await streamSubmission(${JSON.stringify(file)}, {catalog, now, workers: 1});
process.stdout.write(JSON.stringify({hostMonth: now.getMonth() + 1, month: monthAt(now), reference: errors(reference.findings), streamed: errors(streamed.findings)}));
`
    );
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it.each(["UTC", "America/Los_Angeles", "Asia/Shanghai"])(
    "TZ=%s: July is this month in Shanghai, August is after it",
    async (tz) => {
      const {stdout} = await promisify(execFile)(process.execPath, ["--import", "tsx", script], {
        cwd: PROJECT_DIR,
        env: {...process.env, TZ: tz}
      });
      const result = JSON.parse(stdout) as {
        hostMonth: number;
        month: string;
        reference: unknown[];
        streamed: unknown[];
      };
      // The host really is on its own zone: June there, but July in Shanghai.
      expect(result.hostMonth).toBe(tz === "Asia/Shanghai" ? 7 : 6);
      expect(result.month).toBe("2023-07");
      const future = [["future_period", 3, "月份 2023-08 晚于报送时间 2023-07"]];
      expect(result.reference).toEqual(future);
      expect(result.streamed).toEqual(future);
    }
  );
});

describe("monthInWords", () => {
  it.each([
    ["2023-11", "2023年11月"],
    ["2024-01", "2024年1月"]
  ])("writes %s as a reader reads it: %s", (month, words) => {
    expect(monthInWords(month)).toBe(words);
  });
});
