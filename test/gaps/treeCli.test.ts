import {mkdir, mkdtemp, readFile, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ingestSample} from "../../pipelines/sample/ingestSample.js";
import {PROJECT_DIR, runPlanwatch} from "../helpers/cli.js";

// The sample's units made a tree (拱墅 and 西湖 under 上城, which also reports for itself), through
// the real command: the CSV gains parent_code and level, and the double reports are findings on stderr.
describe("planwatch gaps on a unit tree", () => {
  let dir = "";
  let data = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-tree-"));
    const seeds = join(PROJECT_DIR, "seeds");
    const flat = (await readFile(join(seeds, "units.csv"), "utf8")).trimEnd().split("\n");
    const tree = flat.map((line, i) =>
      i === 0 ? `${line},parent` : /^33010[56],/.test(line) ? `${line},330102` : `${line},`
    );
    await writeFile(join(dir, "units.csv"), tree.join("\n") + "\n");
    const config = JSON.parse(await readFile(join(PROJECT_DIR, "planwatch.config.json"), "utf8"));
    for (const key of ["plan", "curation", "allocations"]) config[key] = join(PROJECT_DIR, config[key]);
    await writeFile(join(dir, "planwatch.config.json"), JSON.stringify({...config, units: "units.csv"}));
    await mkdir(join(dir, "data"));
    await symlink(join(PROJECT_DIR, "data", "sample"), join(dir, "data", "sample"));
    data = join(dir, "ingested");
    await ingestSample({projectDir: dir, dataDir: data});
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it("prints parent_code and level, and each parent that reports with its children as a finding", async () => {
    const {code, stdout, stderr} = await runPlanwatch(["gaps", "--data", data, "--format", "csv"], {cwd: dir});
    expect(code, stderr).toBe(0);
    const [header, ...lines] = stdout
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(header!.startsWith("target_id,unit_code,parent_code,level,")).toBe(true);
    expect(lines.some((l) => /^[^,]+,330105,330102,2,/.test(l))).toBe(true);
    expect(lines.some((l) => /^[^,]+,330102,city,1,/.test(l))).toBe(true);
    expect(lines.some((l) => /^[^,]+,city,,0,/.test(l))).toBe(true);
    expect(stderr).toMatch(/上城区\.csv:\d+:value parent_double_report 单位 330102 本级填报了指标/);
  });

  it("the two engines agree on it", async () => {
    const arquero = await runPlanwatch(["gaps", "--data", data, "--format", "json"], {cwd: dir});
    const duckdb = await runPlanwatch(["gaps", "--data", data, "--format", "json", "--engine", "duckdb"], {cwd: dir});
    expect(duckdb.code, duckdb.stderr).toBe(0);
    expect(JSON.parse(duckdb.stdout)).toEqual(JSON.parse(arquero.stdout));
  });
});
