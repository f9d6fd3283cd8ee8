// npm run bench, part 6 (BENCH_ONLY=extract): extraction on plans far larger than any real one.
// Generates (never commits) three plans in .planwatch/bench/ and times a whole
// `planwatch targets extract` and `planwatch tasks extract` process on each, with its peak RSS
// (VmHWM, read from /proc while it runs): one sentence of BENCH_EXTRACT_SENTENCE_MB (default 1) MB,
// a plan of ordinary sections and items of BENCH_EXTRACT_PLAN_MB (default 20) MB, and
// BENCH_EXTRACT_ITEMS (default 200000) short items.
import {spawn} from "node:child_process";
import {mkdir, readFile, writeFile} from "node:fs/promises";
import {join} from "node:path";
import {PROJECT_DIR} from "../helpers/cli.js";

/** One sentence of about `bytes` UTF-8 bytes: many clauses (commas) and no full stop until the end. */
export function longSentencePlan(bytes: number): string {
  const clause = "新建学校12所,改造校舍3000平方米,";
  const n = Math.ceil(bytes / Buffer.byteLength(clause));
  return `2024年工作要点\n一、主要目标\n1.${clause.repeat(n)}力争全市学前教育毛入园率达到98%。\n`;
}

/** An ordinary plan of about `bytes`: sections of 20 items, each a few sentences with targets. */
export function largePlan(bytes: number): string {
  const numerals = "一二三四五六七八九";
  const parts = ["2024年工作要点\n"];
  let size = 0;
  for (let s = 0; size < bytes; s++) {
    const head = `${numerals[s % 9]}、第${s + 1}部分\n`;
    parts.push(head);
    size += Buffer.byteLength(head);
    for (let i = 1; i <= 20; i++) {
      const line = `${i}.推进第${s + 1}项工作。新建幼儿园${i}所,新增学位${i * 100}个;改造校舍${i * 50}平方米,专职校医配备率达到90%以上。\n`;
      parts.push(line);
      size += Buffer.byteLength(line);
    }
  }
  return parts.join("");
}

/** `count` short items, each its own text, numbered 1 … 99 under sections 一 … 九十九 over and over. */
export function manyItemsPlan(count: number): string {
  const digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
  const numeral = (n: number) =>
    n < 10 ? digits[n] : `${n >= 20 ? digits[Math.floor(n / 10)] : ""}十${digits[n % 10]}`;
  const parts = ["2024年工作要点\n"];
  for (let i = 0; i < count; i++) {
    if (i % 99 === 0) parts.push(`${numeral(((i / 99) % 99) + 1)}、第${i / 99 + 1}部分\n`);
    parts.push(`${(i % 99) + 1}.新建第${i}号学校1所。\n`);
  }
  return parts.join("");
}

interface Measured {
  seconds: number;
  peakMb: number;
  rows: number;
  stderr: string;
}

/** Runs `planwatch <command> extract file --format json`: wall time, peak RSS (polled every 20 ms), rows printed. */
function extract(command: "targets" | "tasks", file: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [join(PROJECT_DIR, "pipelines/planwatch.js"), command, "extract", file, "--format", "json"],
      {cwd: PROJECT_DIR, stdio: ["ignore", "pipe", "pipe"]}
    );
    let peakKb = 0;
    const out: Buffer[] = [];
    let err = "";
    const poll = setInterval(() => {
      readFile(`/proc/${child.pid}/status`, "utf8").then(
        (s) => (peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] ?? 0))),
        () => {}
      );
    }, 20);
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => (err += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(poll);
      const text = Buffer.concat(out).toString("utf8");
      resolve({
        seconds: (performance.now() - started) / 1000,
        peakMb: peakKb / 1024,
        rows: code === 0 ? (JSON.parse(text) as unknown[]).length : -1,
        stderr: err.trim().split("\n")[0]?.slice(0, 100) ?? ""
      });
    });
  });
}

export async function benchExtract(): Promise<void> {
  const dir = join(PROJECT_DIR, ".planwatch", "bench");
  await mkdir(dir, {recursive: true});
  const mb = 1024 * 1024;
  const sentenceMb = Number(process.env.BENCH_EXTRACT_SENTENCE_MB ?? 1);
  const planMb = Number(process.env.BENCH_EXTRACT_PLAN_MB ?? 20);
  const items = Number(process.env.BENCH_EXTRACT_ITEMS ?? 200_000);
  const only = process.env.BENCH_EXTRACT_COMMANDS?.split(",") ?? ["targets", "tasks"];
  const plans: [string, string][] = [
    [`one sentence, ${sentenceMb} MB`, longSentencePlan(sentenceMb * mb)],
    [`ordinary plan, ${planMb} MB`, largePlan(planMb * mb)],
    [`${items} short items`, manyItemsPlan(items)]
  ];
  console.log("extraction, whole processes (planwatch <command> extract file --format json):");
  for (const [name, text] of plans) {
    const file = join(dir, `extract-${name.replace(/[^\w]+/g, "-")}.txt`);
    await writeFile(file, text);
    for (const command of only as ("targets" | "tasks")[]) {
      const m = await extract(command, file);
      console.log(
        `  ${command.padEnd(7)} ${name.padEnd(26)} ${m.seconds.toFixed(1).padStart(7)} s  peak ${m.peakMb.toFixed(0).padStart(5)} MB  ${m.rows} rows${m.stderr ? `  «${m.stderr}»` : ""}`
      );
    }
  }
}
