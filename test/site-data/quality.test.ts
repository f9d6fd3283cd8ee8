import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {MAX_FINDINGS_PER_FILE, qualityData} from "../../pipelines/site-data/quality.js";
import {dataPaths} from "../../pipelines/intake/dataPaths.js";
import {finding} from "../../pipelines/intake/findings.js";
import {ingestFiles} from "../../pipelines/intake/ingestFiles.js";
import type {LedgerEntry} from "../../pipelines/intake/ledger.js";
import {JULY_5, seedCatalog} from "../helpers/catalog.js";
import {PROJECT_DIR} from "../helpers/cli.js";

const HUGE = 300_000;

describe("qualityData", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-quality-"));
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it(`lists a file with ${HUGE} findings up to the cap, with a count of the rest (no stack overflow)`, async () => {
    const data = join(dir, "data");
    const june = join(dir, "june.csv");
    await writeFile(june, "单位,月份,指标编号,数值\n西湖区,2023-06,6.1b,4200\n");
    await ingestFiles([june], {dataDir: data, catalog: await seedCatalog(), clock: () => JULY_5});
    // A rejected file as ingest records it: one ledger line, a report holding every finding.
    const sha256 = "f".repeat(64);
    const file = "2023-06-上城区.csv";
    const findings = Array.from({length: HUGE}, (_, i) =>
      finding("unknown_unit", file, i + 2, "单位", `未知单位“上城${i}”`)
    );
    const entry: LedgerEntry = {
      sha256,
      file,
      status: "rejected",
      units: [],
      periods: [],
      ingested_at: JULY_5.toISOString(),
      bytes: 750_000,
      encoding: "utf-8",
      form: "long",
      rows_read: HUGE,
      rows_accepted: 0,
      errors: HUGE,
      warnings: 0
    };
    await mkdir(dataPaths(data).reports, {recursive: true});
    await writeFile(join(dataPaths(data).reports, `${sha256}.json`), JSON.stringify({entry, findings, rows: []}));
    await writeFile(dataPaths(data).ledger, JSON.stringify(entry) + "\n", {flag: "a"});

    const quality = await qualityData({projectDir: PROJECT_DIR, dataDir: data});
    const mine = quality.findings.filter((f) => f.file === file);
    expect(mine).toHaveLength(MAX_FINDINGS_PER_FILE + 1);
    expect(mine.at(-1)).toMatchObject({
      code: "more_findings",
      message: expect.stringContaining(`另有 ${HUGE - MAX_FINDINGS_PER_FILE} 条`)
    });
    expect(quality.omitted).toEqual([{file, sha256, shown: MAX_FINDINGS_PER_FILE, total: HUGE}]);
    expect(quality.ledger.map((e) => e.status)).toEqual(["accepted", "rejected"]);
  });
  it("a unit with units below it that sends nothing itself (a province's city) has no months missed; its units do", async () => {
    const project = join(dir, "province");
    await mkdir(join(project, "seeds"), {recursive: true});
    await writeFile(
      join(project, "planwatch.config.json"),
      JSON.stringify({plan: "plan.txt", units: "seeds/units.csv"})
    );
    await writeFile(
      join(project, "seeds", "units.csv"),
      "code,name,short_name,kind,aliases,parent\n330100,第1市,第1,city,,\n330101,第1市第1县,1-1县,county,,330100\n330102,第1市第2县,1-2县,county,,330100\n"
    );
    const data = join(project, "data");
    const sha256 = "e".repeat(64);
    // The city's file carries its counties' rows: 330101's, not 330102's.
    const entry: LedgerEntry = {
      sha256,
      file: "2023-06-330100.csv",
      status: "accepted",
      units: ["330101"],
      periods: ["2023-06"],
      ingested_at: JULY_5.toISOString(),
      bytes: 100,
      encoding: "utf-8",
      form: "long",
      rows_read: 1,
      rows_accepted: 1,
      errors: 0,
      warnings: 0
    };
    await mkdir(dataPaths(data).reports, {recursive: true});
    await writeFile(join(dataPaths(data).reports, `${sha256}.json`), JSON.stringify({entry, findings: [], rows: []}));
    await writeFile(dataPaths(data).ledger, JSON.stringify(entry) + "\n");

    const quality = await qualityData({projectDir: project, dataDir: data});
    expect(quality.cells.map((c) => [c.unit_code, c.state])).toEqual([
      ["330101", "on_time"],
      ["330102", "missing"]
    ]);
  });
});
