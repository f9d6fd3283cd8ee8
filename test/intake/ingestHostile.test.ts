import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, utimes, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {quietLogger} from "../../pipelines/run/effects.js";
import {ingestInbox} from "../../pipelines/run/processInbox.js";
import {dataPaths} from "../../pipelines/intake/dataPaths.js";
import {type IngestResult, ingestFiles} from "../../pipelines/intake/ingestFiles.js";
import {readLedger} from "../../pipelines/intake/ledger.js";
import {readObservations} from "../../pipelines/intake/observations.js";
import {JULY_5, seedCatalog} from "../helpers/catalog.js";
import {PROJECT_DIR, runPlanwatch} from "../helpers/cli.js";

const GOOD = "单位,月份,指标编号,数值\n西湖区,2023-06,6.1b,4200\n";
const BAD = "单位,月份,指标编号,数值\n西糊区,2023-06,6.1b,4200\n";
/** A name of 250 bytes (UTF-8): more than a temporary prefix and a hash leave room for. */
const LONG = `${"西湖区六月报送".repeat(11)}${"x".repeat(250 - 231 - 4)}.csv`;
const codes = (r: IngestResult | undefined) => r?.findings.map((f) => f.code);
const byName = (results: IngestResult[], name: string) => results.find((r) => r.path.endsWith(name));

describe("one hostile file never stops a batch", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-hostile-"));
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));
  const ingest = async (inputs: string[], data: string, options = {}) =>
    ingestFiles(inputs, {dataDir: data, catalog: await seedCatalog(), clock: () => JULY_5, ...options});

  it("stores a 250-byte name, refuses special files by type, says skipped folders, and ingests the rest", async () => {
    expect(Buffer.byteLength(LONG)).toBe(250);
    const inbox = join(dir, "inbox");
    await mkdir(join(inbox, "folder.csv"), {recursive: true}); // a folder named as a file
    await writeFile(join(inbox, LONG), BAD);
    await writeFile(join(inbox, "zz-good.csv"), GOOD);
    await symlink("/etc/hostname", join(inbox, "link.csv"));
    expect(spawnSync("mkfifo", [join(inbox, "pipe.csv")]).status).toBe(0);
    const underFile = join(inbox, "zz-good.csv", "x.csv"); // ENOTDIR: a per-file system error
    const data = join(dir, "data");
    const results = await ingest([inbox, underFile], data);
    expect(byName(results, "zz-good.csv")?.status).toBe("accepted");
    expect(byName(results, LONG)?.status).toBe("rejected");
    expect(codes(byName(results, LONG))).toContain("unknown_unit");
    expect(byName(results, "folder.csv")).toMatchObject({
      status: "skipped",
      findings: [expect.objectContaining({code: "not_a_file"})]
    });
    expect(byName(results, "link.csv")).toMatchObject({
      status: "failed",
      findings: [expect.objectContaining({code: "not_a_file", message: expect.stringContaining("符号链接")})]
    });
    expect(byName(results, "pipe.csv")).toMatchObject({
      status: "failed",
      findings: [expect.objectContaining({code: "not_a_file"})]
    });
    expect(byName(results, "x.csv")).toMatchObject({
      status: "failed",
      findings: [expect.objectContaining({code: "io_error", message: expect.stringContaining("ENOTDIR")})]
    });
    const stored = await readdir(dataPaths(data).rejected);
    expect(stored).toHaveLength(2); // the long-named file and its report: nothing of /etc/hostname
    for (const name of stored) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(160);
    expect(stored.some((n) => n.includes("西湖区六月报送") && n.endsWith("….csv"))).toBe(true);
    expect((await readLedger(dataPaths(data).ledger)).map((e) => e.status).sort()).toEqual(["accepted", "rejected"]);
  });

  it(
    "refuses a FIFO named on the command line without opening it (it would wait forever)",
    {timeout: 30_000},
    async () => {
      const fifo = join(dir, "named-pipe.csv");
      expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
      const [result] = await ingest([fifo], join(dir, "data-fifo"));
      expect(result).toMatchObject({
        status: "failed",
        findings: [expect.objectContaining({code: "not_a_file", message: expect.stringContaining("FIFO")})]
      });
    }
  );

  it("takes a correction after its original when both come in one batch, whatever their names", async () => {
    const folder = join(dir, "batch");
    await mkdir(folder);
    const same = new Date("2023-07-05T09:00:00+08:00");
    await writeFile(join(folder, "西湖区六月.csv"), GOOD);
    await writeFile(join(folder, "西湖区六月 (更正).csv"), GOOD.replace("4200", "4100"));
    for (const name of await readdir(folder)) await utimes(join(folder, name), same, same);
    const data = join(dir, "data-correction");
    await ingestFilesWithoutClock([folder], data);
    const current = (await readObservations({dataDir: data})).filter((o) => o.superseded_by === null);
    expect(current.map((o) => [o.file, o.value])).toEqual([["西湖区六月 (更正).csv", 4100]]);
  });

  it("leaves a file that changed since it was seen settled, recording nothing", async () => {
    const path = join(dir, "growing.csv");
    await writeFile(path, GOOD);
    const {size, mtimeMs, ino} = await lstat(path);
    const seen = {size, mtimeMs, ino};
    await writeFile(path, GOOD + "西湖区,2023-06,6.1a,3\n", {flag: "w"});
    const data = join(dir, "data-changed");
    const [result] = await ingest([path], data, {settled: new Map([[path, seen]])});
    expect(result).toMatchObject({status: "failed", findings: [expect.objectContaining({code: "file_changed"})]});
    expect(await readLedger(dataPaths(data).ledger)).toEqual([]);
  });

  async function ingestFilesWithoutClock(inputs: string[], data: string) {
    return ingestFiles(inputs, {dataDir: data, catalog: await seedCatalog()});
  }
});

describe("ingestInbox with hostile files", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-inbox-"));
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));
  const pass = (inbox: string, sleep: () => Promise<unknown>) =>
    ingestInbox({
      projectDir: PROJECT_DIR,
      inbox,
      dataDir: join(dir, "data"),
      settleMs: 0,
      sleep,
      logger: quietLogger()
    });

  it("waits for a file that grows or is rewritten between its two looks, and takes it once it holds still", async () => {
    const inbox = join(dir, "inbox-growing");
    await mkdir(inbox);
    const growing = join(inbox, "uploading.csv");
    const rewritten = join(inbox, "rewritten.csv");
    await writeFile(growing, BAD.slice(0, 20));
    await writeFile(rewritten, BAD);
    const first = await pass(inbox, async () => {
      await writeFile(growing, BAD.slice(20), {flag: "a"}); // the upload goes on
      const later = new Date(Date.now() + 5000);
      await writeFile(rewritten, BAD.replace("4200", "4300")); // same size, new bytes
      await utimes(rewritten, later, later);
    });
    expect(first.ingested).toEqual([]);
    expect(first.waiting.sort()).toEqual([rewritten, growing].sort());
    const second = await pass(inbox, async () => {});
    expect(second.ingested.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(await readdir(inbox)).toEqual(["processed"]);
  });

  it("rejects an empty file once it holds still, and moves a 250-byte name into processed/", async () => {
    const inbox = join(dir, "inbox-empty");
    await mkdir(inbox);
    await writeFile(join(inbox, "empty.csv"), "");
    await writeFile(join(inbox, LONG), BAD);
    const result = await pass(inbox, async () => {});
    expect(result.waiting).toEqual([]);
    expect(codes(byName(result.ingested, "empty.csv"))).toContain("empty_file");
    expect(byName(result.ingested, LONG)?.status).toBe("rejected");
    expect(await readdir(inbox)).toEqual(["processed"]);
    const processed = await readdir(join(inbox, "processed"));
    expect(processed).toHaveLength(2);
    for (const name of processed) expect(Buffer.byteLength(name)).toBeLessThanOrEqual(160);
    expect(existsSync(join(inbox, LONG))).toBe(false);
  });
});

describe("planwatch ingest: system errors", () => {
  it("prints ENAMETOOLONG as a coded Chinese one-line message", async () => {
    const dir = await mkdtemp(join(tmpdir(), "planwatch-io-"));
    try {
      await writeFile(join(dir, "june.csv"), GOOD);
      const {code, stderr} = await runPlanwatch([
        "ingest",
        join(dir, "june.csv"),
        "--data",
        join(dir, "a".repeat(300), "data")
      ]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^planwatch: io_error: 无法创建数据文件夹 .*文件名过长\(ENAMETOOLONG\)$/m);
      expect(await readFile(join(dir, "june.csv"), "utf8")).toBe(GOOD);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
