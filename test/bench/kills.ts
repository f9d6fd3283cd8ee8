// npm run bench, part 6 (BENCH_ONLY=kills): the unattended loop killed at random moments.
// A copy of the project receives the bundled sample's files a few at a time in its inbox; each
// `planwatch watch --once` is sent SIGKILL at a random moment of its pass (BENCH_KILLS passes,
// default 100; BENCH_SEED fixes the moments). After every kill it checks what a reader and the
// next pass meet: the published site is whole (a link to one finished build whose every page and
// data file is there), the ledger holds only complete lines, and no file that was dropped is lost
// (each is still in the inbox or in the ledger). After the last kill, one pass runs to its end:
// then every file is in the ledger, the site is the one the ledger makes (`planwatch status`: no
// stale stage) and its as-of month is the latest month received.
import {spawn} from "node:child_process";
import {createHash} from "node:crypto";
import {existsSync, realpathSync} from "node:fs";
import {copyFile, mkdir, mkdtemp, readFile, readdir, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {seededRandom} from "../../pipelines/sample/index.js";
import {copyProject, runPlanwatch} from "../helpers/cli.js";

const sha256 = async (file: string) =>
  createHash("sha256")
    .update(await readFile(file))
    .digest("hex");

/** Runs one `watch --once` pass; with `killAfter` (ms), sends it SIGKILL then. Resolves with the time it ran. */
function pass(project: string, killAfter: number | null): Promise<{ms: number; killed: boolean}> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(project, "pipelines/planwatch.js"), "watch", "--once"], {
      cwd: project,
      stdio: "ignore"
    });
    const timer = killAfter === null ? null : setTimeout(() => child.kill("SIGKILL"), killAfter);
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ms: performance.now() - started, killed: signal === "SIGKILL"});
    });
  });
}

/** What is wrong with the published site, the ledger and the dropped files now (empty: nothing). */
async function defects(project: string, dropped: Map<string, string>, pages: number): Promise<string[]> {
  const out: string[] = [];
  const dist = join(project, "dist");
  if (!existsSync(dist)) out.push("dist 不存在");
  else {
    const build = realpathSync(dist);
    if (!build.includes(".dist.builds")) out.push(`dist 指向 ${build}`);
    const files = await readdir(build, {recursive: true});
    const html = files.filter((f) => f.endsWith(".html")).length;
    if (html < pages) out.push(`网站只有 ${html} 页(应有 ${pages})`);
    try {
      JSON.parse(await readFile(join(build, "planwatch-manifest.json"), "utf8"));
    } catch {
      out.push("网站清单缺失或不完整");
    }
    const data = files.filter((f) => f.startsWith("_file/data/") && f.endsWith(".json"));
    for (const f of data)
      try {
        JSON.parse(await readFile(join(build, f), "utf8"));
      } catch {
        out.push(`数据文件 ${f} 不完整`);
      }
  }
  const ledgerFile = join(project, "data/ledger.jsonl");
  const text = existsSync(ledgerFile) ? await readFile(ledgerFile, "utf8") : "";
  const complete = text
    .slice(0, text.lastIndexOf("\n") + 1)
    .split("\n")
    .filter(Boolean);
  const ledger = new Set<string>();
  for (const line of complete)
    try {
      ledger.add((JSON.parse(line) as {sha256: string}).sha256);
    } catch {
      out.push(`台账中有不完整的行:${line.slice(0, 60)}`);
    }
  const inbox = join(project, "data/inbox");
  const waiting = new Set<string>();
  for (const f of await readdir(inbox, {withFileTypes: true}))
    if (f.isFile()) waiting.add(await sha256(join(inbox, f.name)));
  for (const [name, hash] of dropped)
    if (!ledger.has(hash) && !waiting.has(hash)) out.push(`文件 ${name} 丢失(既不在收件箱,也不在台账)`);
  return out;
}

export async function benchKills(): Promise<void> {
  const kills = Number(process.env.BENCH_KILLS ?? 100);
  const seed = Number(process.env.BENCH_SEED ?? 20231101);
  const next = seededRandom(seed); // the same seed replays the same moments
  const project = await copyProject(await mkdtemp(join(tmpdir(), "planwatch-kills-")));
  try {
    const sample = join(project, "data/sample");
    // Accepted files only, month by month: each pass of the loop gets the next one or two.
    const files = (await readdir(sample)).filter((f) => /^2023-\d\d-[^-]+\.(csv|xlsx)$/.test(f)).sort();
    const inbox = join(project, "data/inbox");
    await mkdir(inbox, {recursive: true});
    const dropped = new Map<string, string>();
    const drop = async (count: number) => {
      for (const name of files.splice(0, count)) {
        await copyFile(join(sample, name), join(inbox, name));
        dropped.set(name, await sha256(join(inbox, name)));
      }
    };
    // The first pass, never killed: how long a pass takes, and how many pages a whole site has.
    await drop(14);
    const first = await pass(project, null);
    const pages = (await readdir(realpathSync(join(project, "dist")), {recursive: true})).filter((f) =>
      f.endsWith(".html")
    ).length;
    console.log(`kills: first pass ${(first.ms / 1000).toFixed(1)} s, ${pages} pages; seed ${seed}`);
    let landed = 0;
    const failures: string[] = [];
    for (let i = 0; i < kills; i++) {
      await drop(next() < 0.7 ? 1 + Math.floor(next() * 3) : 0);
      const at = Math.floor(next() * first.ms * 1.2);
      const {killed} = await pass(project, at);
      if (killed) landed++;
      for (const d of await defects(project, dropped, pages)) failures.push(`第 ${i + 1} 次(${at} ms 处杀掉):${d}`);
    }
    // The pass after the last kill runs to its end: the site catches up with the ledger.
    await pass(project, null);
    const end = await defects(project, dropped, pages);
    const ledger = (await readFile(join(project, "data/ledger.jsonl"), "utf8")).trim().split("\n");
    const waiting = (await readdir(inbox, {withFileTypes: true})).filter((f) => f.isFile()).map((f) => f.name);
    if (waiting.length) end.push(`收件箱仍有 ${waiting.join("、")}`);
    const status = await runPlanwatch(["status", "--format", "json"], {
      cwd: project,
      bin: join(project, "pipelines/planwatch.js")
    });
    const stale = (JSON.parse(status.stdout) as {stage: string; stale: boolean}[]).filter((s) => s.stale);
    if (stale.length) end.push(`仍过期的阶段:${stale.map((s) => s.stage).join("、")}`);
    const manifest = JSON.parse(await readFile(join(project, "dist/planwatch-manifest.json"), "utf8")) as {
      as_of: string;
    };
    const latest = [...dropped.keys()].sort().at(-1)!.slice(0, 7);
    if (manifest.as_of !== latest) end.push(`网站截至 ${manifest.as_of},应为 ${latest}`);
    console.log(
      `kills: ${kills} passes, ${landed} killed before they ended, ${dropped.size} files dropped, ` +
        `${ledger.length} ledger lines; defects after kills: ${failures.length}; after the last pass: ${end.length}`
    );
    for (const f of [...failures, ...end]) console.log(`  ${f}`);
    if (failures.length || end.length) process.exitCode = 1;
  } finally {
    await rm(project, {recursive: true, force: true});
  }
}
