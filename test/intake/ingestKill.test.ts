import {spawn} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {seededRandom} from "../../pipelines/sample/random.js";
import {dataPaths} from "../../pipelines/intake/dataPaths.js";
import {readLedger} from "../../pipelines/intake/ledger.js";
import {PROJECT_DIR} from "../helpers/cli.js";

const UNITS = [
  "上城区",
  "拱墅区",
  "西湖区",
  "滨江区",
  "萧山区",
  "余杭区",
  "临平区",
  "钱塘区",
  "富阳区",
  "临安区",
  "桐庐县",
  "淳安县",
  "建德市"
];
const MONTHS = Array.from({length: 12}, (_, i) => `2023-${String(i + 1).padStart(2, "0")}`); // inside the plan's span (2023)
const ROUNDS = 12;

/**
 * Runs `planwatch ingest`; with `kill`, sends SIGKILL once the ledger holds `kill.after` lines plus
 * `kill.delay` ms, so the kill lands inside the work (between or during a file's writes), not before
 * it starts. Resolves with the exit code (null when killed).
 */
function runIngest(inbox: string, data: string, kill?: {after: number; delay: number}): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(PROJECT_DIR, "pipelines/planwatch.js"), "ingest", inbox, "--data", data],
      {cwd: PROJECT_DIR, stdio: "ignore"}
    );
    let timer: NodeJS.Timeout | undefined;
    if (kill) {
      const ledger = dataPaths(data).ledger;
      const poll = async () => {
        const lines = existsSync(ledger) ? (await readFile(ledger, "utf8")).split("\n").length - 1 : 0;
        if (lines >= kill.after) timer = setTimeout(() => child.kill("SIGKILL"), kill.delay);
        else timer = setTimeout(poll, 1);
      };
      void poll();
    }
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** The archive and ledger agree: each ledger line names a complete archived file and its report, once. */
async function expectConsistent(data: string): Promise<number> {
  const paths = dataPaths(data);
  const entries = await readLedger(paths.ledger);
  expect(new Set(entries.map((e) => e.sha256)).size).toBe(entries.length);
  for (const e of entries) {
    expect(e.status).toBe("accepted");
    const bytes = await readFile(join(paths.archive, e.sha256));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(e.sha256);
    expect(JSON.parse(await readFile(join(paths.reports, `${e.sha256}.json`), "utf8")).rows.length).toBe(
      e.rows_accepted
    );
  }
  return entries.length;
}

describe("planwatch ingest killed at random moments", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-kill-"));
    await mkdir(join(dir, "inbox"));
    for (const unit of UNITS) {
      for (const [m, period] of MONTHS.entries()) {
        await writeFile(
          join(dir, "inbox", `${period}-${unit}.csv`),
          `单位,月份,指标编号,数值\n${unit},${period},6.1b,${(m + 1) * 100}\n${unit},${period},6.1a,${m + 1}\n`
        );
      }
    }
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  // Thirteen whole planwatch processes: minutes on a loaded machine, hence the longer timeout.
  it(
    `leaves archive and ledger consistent after each of ${ROUNDS} SIGKILLs, and a rerun completes the job`,
    {timeout: 900_000},
    async () => {
      const data = join(dir, "data");
      const random = seededRandom(7);
      const seen: number[] = [];
      const total = UNITS.length * MONTHS.length;
      let done = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const after = Math.min(
          total - 1,
          done + 1 + Math.floor((random() * 2 * (total - done)) / (ROUNDS - round + 1))
        );
        await runIngest(join(dir, "inbox"), data, {after, delay: Math.floor(random() * 4)});
        done = existsSync(dataPaths(data).ledger) ? await expectConsistent(data) : 0;
        seen.push(done);
      }
      // The kills landed at different points of the work, not all before or after it.
      expect(new Set(seen).size, `ledger sizes after each kill: ${seen}`).toBeGreaterThan(2);
      expect(await runIngest(join(dir, "inbox"), data)).toBe(0);
      expect(await expectConsistent(data)).toBe(UNITS.length * MONTHS.length);
      expect((await readdir(dataPaths(data).archive)).filter((f) => f.startsWith(".tmp-"))).toEqual([]);
      expect(existsSync(dataPaths(data).lock)).toBe(false);
    }
  );
});
