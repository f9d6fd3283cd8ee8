import {spawn, spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {mkdtemp, readFile, readdir, rm, utimes, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {withLock} from "../../pipelines/core/lock.js";
import {PROJECT_DIR} from "../helpers/cli.js";

const RACERS = 6;
/** What the lock file holds before each round, and whether some racer must get the lock. */
const ROUNDS: {name: string; before: (lock: string) => Promise<void>; taken: boolean}[] = [
  {name: "no lock", before: async () => {}, taken: true},
  {name: "a lock whose holder is dead", before: (lock) => writeFile(lock, `${deadPid()} 1 dead\n`), taken: true},
  {name: "no lock again", before: async () => {}, taken: true},
  {
    name: "a live pid started at another time (reused)",
    before: (lock) => writeFile(lock, `${process.pid} 1 reused\n`),
    taken: true
  },
  {name: "a dead holder again", before: (lock) => writeFile(lock, `${deadPid()} 1 dead\n`), taken: true},
  {
    name: "an empty lock just made (being written)",
    before: async (lock) => {
      await writeFile(lock, "");
      // Dated a minute ahead, so that racers slowed past the 10 s age by a loaded machine still see it young.
      const soon = new Date(Date.now() + 60_000);
      await utimes(lock, soon, soon);
    },
    taken: false
  },
  {
    name: "an empty lock a minute old",
    before: async (lock) => {
      await writeFile(lock, "");
      const old = new Date(Date.now() - 60_000);
      await utimes(lock, old, old);
    },
    taken: true
  }
];

function deadPid(): number {
  return spawnSync(process.execPath, ["-e", "0"]).pid!; // exited: no process has this pid now
}

describe("withLock", () => {
  let dir = "";
  const racers: ReturnType<typeof spawn>[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-lock-"));
  });
  afterAll(async () => {
    for (const r of racers) if (r.exitCode === null) r.kill(); // a failed round leaves racers waiting
    await rm(dir, {recursive: true, force: true});
  });

  it(`is held by one of ${RACERS} processes at a time, over ${ROUNDS.length} rounds of racing`, async () => {
    const lock = join(dir, "data.lock");
    const args = ["--import", "tsx", join(PROJECT_DIR, "test/helpers/lockHolder.ts"), lock, dir, String(ROUNDS.length)];
    for (let i = 0; i < RACERS; i++)
      racers.push(spawn(process.execPath, args, {cwd: PROJECT_DIR, stdio: ["ignore", "ignore", "inherit"]}));
    const exited = Promise.all(racers.map((r) => new Promise((resolve) => r.on("exit", resolve))));
    const count = async (prefix: string) => (await readdir(dir)).filter((f) => f.startsWith(prefix)).length;
    const until = async (test: () => Promise<boolean>) => {
      while (!(await test())) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    for (const [round, {name, before, taken}] of ROUNDS.entries()) {
      await until(async () => (await count(`ready-${round}-`)) === RACERS);
      await rm(lock, {force: true});
      await before(lock);
      await writeFile(join(dir, `go-${round}`), "");
      await until(async () => (await count(`done-${round}-`)) === RACERS);
      const log = existsSync(join(dir, `log-${round}`))
        ? (await readFile(join(dir, `log-${round}`), "utf8")).trim().split("\n")
        : [];
      const outcomes = await Promise.all(racers.map((r) => readFile(join(dir, `done-${round}-${r.pid}`), "utf8")));
      // Never two inside at once: every entry is followed by the same process's exit.
      for (let i = 0; i < log.length; i += 2)
        expect([name, log[i + 1]]).toEqual([name, log[i]!.replace("enter", "exit")]);
      expect([name, outcomes.every((o) => o === "held" || o === "locked")]).toEqual([name, true]);
      expect([name, outcomes.includes("held")]).toEqual([name, taken]);
    }
    await exited;
  });

  it("takes over a lock whose holder died but is not yet reaped (a zombie: its pid still answers)", async () => {
    // `sleep 60 &` is a child of a shell that then becomes `sleep 61`, which never reaps it: killed, it stays a zombie.
    const parent = spawn("sh", ["-c", "sleep 60 & echo $!; exec sleep 61"], {stdio: ["ignore", "pipe", "inherit"]});
    try {
      const pid = Number(await new Promise<string>((resolve) => parent.stdout.once("data", (d) => resolve(String(d)))));
      const start = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]!.split(" ")[19];
      process.kill(pid, "SIGKILL");
      while (!(await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]!.startsWith("Z"))
        await new Promise((resolve) => setTimeout(resolve, 10));
      const lock = join(dir, "zombie.lock");
      await writeFile(lock, `${pid} ${start} killed\n`);
      expect(await withLock(lock, async () => "taken")).toBe("taken");
    } finally {
      parent.kill("SIGKILL");
    }
  });

  it("says a folder where no lock can be written is an I/O error, not another run's lock", async () => {
    const file = join(dir, "a-file");
    await writeFile(file, "");
    await expect(withLock(join(file, ".lock"), async () => {})).rejects.toMatchObject({
      code: "io_error",
      message: expect.stringContaining("ENOTDIR")
    });
  });

  it("removes the lock when the work ends, even when it fails", async () => {
    const lock = join(dir, "single.lock");
    await expect(withLock(lock, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(existsSync(lock)).toBe(false);
    expect(await withLock(lock, async () => 42)).toBe(42);
    expect((await readdir(dir)).filter((f) => f.startsWith("single.lock"))).toEqual([]);
  });
});
