import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {computeGaps} from "../../pipelines/gaps/computeGaps.js";
import type {Finding} from "../../pipelines/intake/findings.js";
import {inspectFile} from "../../pipelines/intake/inspectFile.js";
import type {Observation} from "../../pipelines/intake/observations.js";
import {streamSubmission} from "../../pipelines/intake/streamSubmission.js";
import {projectTargets} from "../../pipelines/project/projectTargets.js";
import {writeSynthetic} from "../bench/synthetic.js";
import {PROJECT_DIR} from "../helpers/cli.js";
import {seedCatalog} from "../helpers/catalog.js";

describe("streamSubmission (the fast path for large files)", () => {
  let dir = "";
  let file = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-stream-"));
    const targets = (await projectTargets({projectDir: PROJECT_DIR})).map((t) => ({
      id: t.id,
      ratio: t.aggregation === "ratio"
    }));
    file = await writeSynthetic(join(dir, "synthetic.csv"), {rows: 40000, targets, seed: 3});
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  /** City and unit actuals as of a month, as [target, unit, actual] sorted. */
  const actuals = async (observations: Observation[], asOf: string) =>
    computeGaps({targets: await projectTargets({projectDir: PROJECT_DIR}), observations, asOf})
      .filter((g) => g.actual !== null)
      .map((g) => [g.target_id, g.unit_code, Math.round(g.actual! * 1e6) / 1e6])
      .sort((a, b) => String(a).localeCompare(String(b)));

  it("gives the same gaps as the reference path (csv-parse, row objects), as of any month", async () => {
    const catalog = await seedCatalog();
    const reference = await inspectFile(file, {catalog, now: new Date("2024-01-05")});
    expect(reference.findings.filter((f) => f.severity === "error")).toEqual([]);
    const observations = reference.rows.map((r) => ({
      ...r,
      file_sha256: "x",
      file: "synthetic.csv",
      ingested_at: "",
      superseded_by: null
    }));
    const streamed = await streamSubmission(file, {catalog});
    expect(streamed.rows).toBe(reference.rows.length);
    expect(streamed.findings).toEqual([]);
    for (const asOf of ["2023-03", "2023-12"])
      expect(await actuals(streamed.observations, asOf)).toEqual(await actuals(observations, asOf));
  });

  it("gives the same result on two worker threads as on one", async () => {
    const catalog = await seedCatalog();
    const one = await streamSubmission(file, {catalog});
    for (const rangeBytes of [undefined, 4096]) {
      const two = await streamSubmission(file, {catalog, workers: 2, minParallelBytes: 0, rangeBytes});
      expect(two.rows).toBe(one.rows);
      expect(two.findings).toEqual([]);
      expect(await actuals(two.observations, "2023-12")).toEqual(await actuals(one.observations, "2023-12"));
    }
  });

  it("reports bad rows with their row numbers, across worker ranges too", async () => {
    const bad = join(dir, "bad.csv");
    const good = Array.from({length: 3000}, (_, i) => `西湖区,2023-0${1 + (i % 9)},6.1b,S${i},5,,,cumulative,`).join(
      "\n"
    );
    await writeFile(
      bad,
      `unit,period,target_id,school_id,value,numerator,denominator,basis,note\n${good}\n西糊区,2023-01,6.1b,X,1,,,,\n西湖区,2023-01,6.1x,X,1,,,,\n西湖区,2023-01,2.4a,X,,120,100,,\n西湖区,2023-01,6.1b,S0,5,,,,\n`
    );
    const catalog = await seedCatalog();
    for (const options of [{}, {workers: 2, minParallelBytes: 0, rangeBytes: 2048}]) {
      const r = await streamSubmission(bad, {catalog, ...options});
      expect(r.findings.map((f) => [f.code, f.row])).toEqual([
        ["unknown_unit", 3002],
        ["unknown_target", 3003],
        ["numerator_over_denominator", 3004],
        ["duplicate_key", expect.any(Number)]
      ]);
    }
  });

  it("reads the file on one thread again when a cut falls inside a quoted field", async () => {
    const quoted = join(dir, "quoted.csv");
    const rows = (from: number, n: number) =>
      Array.from({length: n}, (_, i) => `西湖区,2023-0${1 + ((from + i) % 9)},6.1b,S${from + i},5,,,cumulative,`);
    // A note of many lines across the middle of the file, where the cut is made.
    const note = `"${"第一行,含逗号\n".repeat(400)}"`;
    await writeFile(
      quoted,
      [
        "unit,period,target_id,school_id,value,numerator,denominator,basis,note",
        ...rows(0, 100),
        `西湖区,2023-01,6.1b,N1,7,,,cumulative,${note}`,
        ...rows(100, 100),
        ""
      ].join("\n")
    );
    const catalog = await seedCatalog();
    const one = await streamSubmission(quoted, {catalog, workers: 1});
    const two = await streamSubmission(quoted, {catalog, workers: 2, minParallelBytes: 0, rangeBytes: 1024});
    expect(one.findings).toEqual([]);
    expect(one.rows).toBe(201);
    expect(two.rows).toBe(201);
    expect(two.findings).toEqual([]);
    expect(await actuals(two.observations, "2023-12")).toEqual(await actuals(one.observations, "2023-12"));
  });

  it("splits files of other shapes on two threads and reads them as the reference path does (every cell quoted, targets by name, CRLF, BOM)", async () => {
    const catalog = await seedCatalog();
    const targets = await projectTargets({projectDir: PROJECT_DIR});
    const now = new Date("2024-01-05T10:00:00+08:00");
    for (const shape of ["zh-quoted", "zh-name", "zh-wide"]) {
      const shaped = await writeSynthetic(join(dir, `${shape}.csv`), {
        rows: 6000,
        shape,
        targets: targets.map((t) => ({id: t.id, indicator: t.indicator, ratio: t.aggregation === "ratio"}))
      });
      const reference = await inspectFile(shaped, {catalog, now});
      expect(
        reference.findings.filter((f) => f.severity === "error"),
        shape
      ).toEqual([]);
      const observations = reference.rows.map((r) => ({
        ...r,
        file_sha256: "x",
        file: shape,
        ingested_at: "",
        superseded_by: null
      }));
      // Every line holds quotes, and a third of the notes run over two lines: cuts still fall between records.
      const two = await streamSubmission(shaped, {catalog, now, workers: 2, minParallelBytes: 0, rangeBytes: 8192});
      expect(two.threads, shape).toBe(2);
      expect(two.rows, shape).toBe(reference.rows.length);
      expect(two.findings, shape).toEqual(reference.findings.filter((f) => f.code === "unknown_column"));
      for (const asOf of ["2023-03", "2023-12"])
        expect(await actuals(two.observations, asOf), `${shape} as of ${asOf}`).toEqual(
          await actuals(observations, asOf)
        );
    }
  });

  it("hashes the file as it reads it, on one thread or two", async () => {
    const {hashFile} = await import("../../pipelines/core/fingerprint.js");
    const catalog = await seedCatalog();
    const expected = await hashFile(file);
    for (const options of [{workers: 1}, {workers: 2, minParallelBytes: 0, rangeBytes: 4096}]) {
      const r = await streamSubmission(file, {catalog, hash: true, ...options});
      expect(r.threads).toBe(options.workers);
      expect(new Set(r.observations.map((o) => o.file_sha256))).toEqual(new Set([expected]));
    }
  });

  it("fails with the record of an unclosed quote, on one thread or two", async () => {
    const broken = join(dir, "broken.csv");
    await writeFile(
      broken,
      `unit,period,target_id,school_id,value,numerator,denominator,basis,note\n${"西湖区,2023-01,6.1b,S1,5,,,,\n".repeat(50)}西湖区,2023-01,6.1b,S2,5,,,,"open\n${"x\n".repeat(50)}`
    );
    const catalog = await seedCatalog();
    for (const options of [{workers: 1}, {workers: 2, minParallelBytes: 0, rangeBytes: 1024}])
      await expect(streamSubmission(broken, {catalog, ...options})).rejects.toThrow(/第 52 行.*引号未闭合/);
  });

  it("knows a school and a unit however they are written (quoted, spaced, by code), as the reference path does", async () => {
    const spelled = join(dir, "spelled.csv");
    await writeFile(
      spelled,
      'unit,period,target_id,school_id,value\n西湖区,2023-01,6.1b,S1,5\n330106,2023-02,6.1b," S1 ",7\n"西湖区",2023-02,6.1b,S1,9\n'
    );
    const catalog = await seedCatalog();
    const r = await streamSubmission(spelled, {catalog, workers: 1});
    expect(r.findings.map((f) => [f.code, f.row])).toEqual([["duplicate_key", 4]]);
    expect(r.observations.filter((o) => o.target_id === "6.1b").map((o) => [o.unit_code, o.period, o.value])).toEqual([
      ["330106", "2023-01", 5],
      ["330106", "2023-02", 7]
    ]);
  });

  it("tells schools of the same id in different units apart when the units alternate row by row", async () => {
    // Past the first 64 rows (looked up in full), by name or by code, two units' schools S1 row by row.
    const alternating = join(dir, "alternating.csv");
    const rows = [1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((m) =>
      ["6.1a", "6.1b", "6.2a", "6.3c", "6.4a", "6.5a"].flatMap((t) => [
        `${m % 2 ? "西湖区" : "330106"},2023-0${m},${t},S1,${10 * m + 1}`,
        `${m % 3 ? "上城区" : "330102"},2023-0${m},${t},S1,${10 * m + 2}`
      ])
    );
    await writeFile(alternating, ["unit,period,target_id,school_id,value", ...rows, ""].join("\n"));
    const catalog = await seedCatalog();
    const now = new Date("2024-01-05T10:00:00+08:00");
    const reference = await inspectFile(alternating, {catalog, now});
    expect(reference.findings.filter((f) => f.severity === "error")).toEqual([]);
    const observations = reference.rows.map((r) => ({
      ...r,
      file_sha256: "x",
      file: "alternating.csv",
      ingested_at: "",
      superseded_by: null
    }));
    const r = await streamSubmission(alternating, {catalog, now, workers: 1});
    expect(r.findings).toEqual([]);
    expect(await actuals(r.observations, "2023-09")).toEqual(await actuals(observations, "2023-09"));
  });

  it("agrees with the reference path on every long-form UTF-8 CSV fixture and sample file: the same errors, and the same actuals", async () => {
    const {readFile, readdir} = await import("node:fs/promises");
    const {decodeText} = await import("../../pipelines/core/decodeText.js");
    const {detectDelimiter} = await import("../../pipelines/core/detectDelimiter.js");
    const catalog = await seedCatalog();
    const now = new Date("2024-01-05T10:00:00+08:00");
    let compared = 0;
    let withErrors = 0;
    for (const folder of [join(PROJECT_DIR, "test/fixtures/submissions"), join(PROJECT_DIR, "data/sample")]) {
      for (const name of (await readdir(folder)).sort()) {
        const file = join(folder, name);
        if (!/\.csv$/.test(name) || name === "submissions.csv") continue;
        let decoded;
        try {
          decoded = decodeText(await readFile(file));
        } catch {
          continue;
        }
        if (!decoded.encoding.startsWith("utf-8") || detectDelimiter(decoded.text) !== ",") continue;
        const reference = await inspectFile(file, {catalog, now});
        if (reference.form !== "long") continue;
        const streamed = await streamSubmission(file, {catalog, now, workers: 1});
        // The same findings: code, row, column and message (the one rule table's), not only code and row.
        const errors = (findings: readonly Finding[]) =>
          findings
            .filter((f) => f.severity === "error")
            .map((f) => `${f.code}@${f.row}:${f.column} ${f.message}`)
            .sort();
        expect(errors(streamed.findings), name).toEqual(errors(reference.findings));
        if (errors(reference.findings).length) {
          withErrors++;
          continue;
        }
        const observations = reference.rows.map((r) => ({
          ...r,
          file_sha256: "x",
          file: name,
          ingested_at: "",
          superseded_by: null
        }));
        for (const asOf of [...new Set(reference.rows.map((r) => r.period))])
          expect(await actuals(streamed.observations, asOf), `${name} as of ${asOf}`).toEqual(
            await actuals(observations, asOf)
          );
        compared++;
      }
    }
    // The sample's long-form UTF-8 files: 80 the reference accepts, 4 it rejects (GBK, xlsx and wide files are read by it alone).
    expect(compared).toBeGreaterThanOrEqual(80);
    expect(withErrors).toBeGreaterThanOrEqual(4);
  });

  it("sums values for a month alone (口径 当期) and carries values so far (累计), as the reference path does", async () => {
    const mixed = join(dir, "mixed.csv");
    await writeFile(
      mixed,
      "单位,月份,指标编号,学校代码,数值,分子,分母,口径\n" +
        "西湖区,2023-01,6.1b,S1,5,,,当期\n西湖区,2023-02,6.1b,S1,7,,,当期\n西湖区,2023-02,6.1b,S2,40,,,累计\n西湖区,2023-03,6.1b,S2,45,,,\n" +
        "西湖区,2023-01,2.4a,S1,,30,100,当期\n西湖区,2023-03,2.4a,S1,,20,50,本期\n西湖区,2023-02,2.4a,S2,,10,20,累计\n"
    );
    const catalog = await seedCatalog();
    const now = new Date("2023-04-05T10:00:00+08:00");
    const reference = await inspectFile(mixed, {catalog, now});
    expect(reference.findings.filter((f) => f.severity === "error")).toEqual([]);
    const observations = reference.rows.map((r) => ({
      ...r,
      file_sha256: "x",
      file: "mixed.csv",
      ingested_at: "",
      superseded_by: null
    }));
    for (const options of [{workers: 1}, {workers: 2, minParallelBytes: 0, rangeBytes: 1024}]) {
      const streamed = await streamSubmission(mixed, {catalog, now, ...options});
      expect(streamed.findings).toEqual([]);
      for (const asOf of ["2023-01", "2023-02", "2023-03"])
        expect(await actuals(streamed.observations, asOf), asOf).toEqual(await actuals(observations, asOf));
    }
    const march = (
      await actuals((await streamSubmission(mixed, {catalog, now, workers: 1})).observations, "2023-03")
    ).filter(([, unit]) => unit === "330106");
    expect(march).toEqual(
      [
        ["2.4a", "330106", (100 * 60) / 170],
        ["6.1b", "330106", 57]
      ].map(([t, u, v]) => [t, u, Math.round((v as number) * 1e6) / 1e6])
    );
  });

  it("keeps its worker for the next file, also after a file that failed or a cut that had to be read again", async () => {
    const catalog = await seedCatalog();
    const two = {workers: 2, minParallelBytes: 0, rangeBytes: 1024};
    const expected = await actuals((await streamSubmission(file, {catalog, workers: 1})).observations, "2023-12");
    for (const next of [join(dir, "broken.csv"), join(dir, "quoted.csv"), file, join(dir, "broken.csv"), file]) {
      const run = streamSubmission(next, {catalog, ...two});
      if (next.endsWith("broken.csv")) await expect(run).rejects.toThrow(/引号未闭合/);
      else if (next === file) expect(await actuals((await run).observations, "2023-12")).toEqual(expected);
      else expect((await run).findings).toEqual([]);
    }
  }, 30_000);

  it("adds up parts that share no school, whatever months each part has, as one thread sums them", async () => {
    const halves = join(dir, "halves.csv");
    const rows = (schools: string, months: number[]) =>
      Array.from({length: 300}, (_, i) =>
        months.flatMap((m) => [
          `西湖区,2023-0${m},6.1b,${schools}${i},${i + m},,`,
          `上城区,2023-0${m},2.4a,${schools}${i},,${i % 7},${10 + (i % 5)}`
        ])
      ).flat();
    await writeFile(
      halves,
      [
        "unit,period,target_id,school_id,value,numerator,denominator",
        ...rows("A", [1, 2, 3]),
        ...rows("B", [4, 6]),
        ""
      ].join("\n")
    );
    const catalog = await seedCatalog();
    const one = await streamSubmission(halves, {catalog, workers: 1});
    const two = await streamSubmission(halves, {catalog, workers: 2, minParallelBytes: 0, rangeBytes: 1024});
    expect(two.findings).toEqual([]);
    for (const asOf of ["2023-01", "2023-03", "2023-04", "2023-05", "2023-06"])
      expect(await actuals(two.observations, asOf), asOf).toEqual(await actuals(one.observations, asOf));
  });

  it("says so, and reads nothing, when a file is not UTF-8 and comma-separated (GBK, semicolons)", async () => {
    const catalog = await seedCatalog();
    for (const [name, why] of [
      ["long-gbk.csv", /UTF-8 编码.*gb18030/],
      ["wide-semicolon.csv", /逗号分隔/]
    ] as const) {
      const r = await streamSubmission(join(PROJECT_DIR, "test/fixtures/submissions", name), {
        catalog,
        workers: 2,
        minParallelBytes: 0
      });
      expect(r.findings.map((f) => f.code)).toEqual(["bad_csv"]);
      expect(r.findings[0]!.message).toMatch(why);
      expect(r.observations).toEqual([]);
    }
  });

  it("refuses a range size that is not a number of bytes", async () => {
    const catalog = await seedCatalog();
    for (const rangeBytes of [0, -5, Number.NaN])
      await expect(
        streamSubmission(file, {catalog, workers: 2, minParallelBytes: 0, rangeBytes})
      ).rejects.toMatchObject({code: "invalid_option"});
  });
});
