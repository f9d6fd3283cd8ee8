import {createHash} from "node:crypto";
import {appendFileSync, existsSync} from "node:fs";
import {copyFile, mkdir, mkdtemp, readFile, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {ingestInbox} from "../../pipelines/run/processInbox.js";
import {quietLogger} from "../../pipelines/run/effects.js";
import {readLedger} from "../../pipelines/intake/ledger.js";
import {PROJECT_DIR} from "../helpers/cli.js";

const SAMPLE = join(PROJECT_DIR, "data/sample");
const noWait = async () => {};

/** Every file in `processed/` is named for the hash of the bytes it holds. */
async function expectNamedForTheirBytes(inbox: string) {
  for (const name of await readdir(join(inbox, "processed"))) {
    const bytes = await readFile(join(inbox, "processed", name));
    expect([name, createHash("sha256").update(bytes).digest("hex").slice(0, 12)]).toEqual([name, name.slice(0, 12)]);
  }
}

describe("ingestInbox", () => {
  let dir = "";
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "planwatch-inbox-"))));
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it("leaves in the inbox an upload that went on after it was read, never in processed/ under a stale hash", async () => {
    const inbox = join(dir, "stalled", "inbox");
    const data = join(dir, "stalled", "data");
    await mkdir(inbox, {recursive: true});
    const file = join(inbox, "2023-01-上城区.csv");
    const full = await readFile(join(SAMPLE, "2023-01-上城区.csv"), "utf8");
    const lines = full.split("\n");
    const part = lines.slice(0, 3).join("\n") + "\n";
    appendFileSync(file, part); // the upload stalls here, longer than the settle window
    const logger = quietLogger();
    // The writer goes on at the worst moment: after the file was read and ingested, before it is moved.
    const log = logger.log;
    logger.log = (...args: unknown[]) => {
      if (String(args[0]).startsWith("ingest: accepted")) {
        appendFileSync(file, lines.slice(3).join("\n"));
        logger.log = log;
      }
      log(...args);
    };
    const first = await ingestInbox({projectDir: PROJECT_DIR, inbox, dataDir: data, sleep: noWait, logger});
    expect(first.ingested.map((r) => r.status)).toEqual(["accepted"]);
    expect(first.waiting).toEqual([file]);
    expect(await readFile(file, "utf8")).toBe(full); // nothing lost: the whole upload waits for the next pass
    await expectNamedForTheirBytes(inbox);
    expect(logger.lines.join("\n")).toMatch(/在读取后又被写入/);

    const second = await ingestInbox({projectDir: PROJECT_DIR, inbox, dataDir: data, sleep: noWait, logger});
    expect(second.waiting).toEqual([]);
    expect(existsSync(file)).toBe(false);
    await expectNamedForTheirBytes(inbox);
    const hashes = (await readLedger(join(data, "ledger.jsonl"))).map((e) => e.sha256);
    expect(hashes).toContain(createHash("sha256").update(full).digest("hex"));
  });

  it("waits for files named as partial uploads (*.part, *.tmp, ~$*) and reads none of them", async () => {
    const inbox = join(dir, "partial", "inbox");
    await mkdir(inbox, {recursive: true});
    const names = ["2023-01-上城区.csv.part", "2023-01-西湖区.csv.tmp", "~$2023-01-富阳区.xlsx", ".2023-01-拱墅区.csv"];
    for (const name of names) await copyFile(join(SAMPLE, "2023-01-上城区.csv"), join(inbox, name));
    const logger = quietLogger();
    const pass = await ingestInbox({
      projectDir: PROJECT_DIR,
      inbox,
      dataDir: join(dir, "partial", "data"),
      sleep: noWait,
      logger
    });
    expect(pass.ingested).toEqual([]);
    expect(pass.uploading.sort()).toEqual(
      names
        .slice(0, 3)
        .map((n) => join(inbox, n))
        .sort()
    );
    expect((await readdir(inbox)).sort()).toEqual([...names, "processed"].sort());
    expect(await readdir(join(inbox, "processed"))).toEqual([]);
  });

  it("says a missing inbox is missing, naming it, and creates nothing", async () => {
    const inbox = join(dir, "typo", "inbx");
    await expect(
      ingestInbox({projectDir: PROJECT_DIR, inbox, dataDir: join(dir, "typo", "data"), logger: quietLogger()})
    ).rejects.toMatchObject({code: "not_found", message: expect.stringContaining(`收件箱文件夹不存在:${inbox}`)});
    expect(existsSync(join(dir, "typo"))).toBe(false);
  });
});
