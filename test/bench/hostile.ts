// npm run bench, part 4 (BENCH_ONLY=hostile): the cost of hostile files within the size limit.
// Generates (never commits) xlsx and CSV files just under 50 MB in .planwatch/bench/ and times a
// whole `planwatch validate` process on each, with its peak RSS (VmHWM, read from /proc while it
// runs), beside the same process on a 3-row workbook (what starting planwatch costs by itself) and
// on the committed zip bomb of the attack corpus.
import {spawn} from "node:child_process";
import {randomBytes} from "node:crypto";
import {mkdir, readFile, stat, writeFile} from "node:fs/promises";
import {join} from "node:path";
import ExcelJS from "exceljs";
import {DEFAULT_MAX_BYTES} from "../../pipelines/intake/inspectFile.js";
import {PROJECT_DIR} from "../helpers/cli.js";

interface Measured {
  seconds: number;
  peakMb: number;
  verdict: string;
}

/** Runs `planwatch validate file` and measures it: wall time, peak RSS (polled every 20 ms), the finding codes it printed. */
function validate(file: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        join(PROJECT_DIR, "pipelines/planwatch.js"),
        "validate",
        "--format",
        "json",
        "--data",
        join(PROJECT_DIR, ".planwatch", "bench", "no-data"),
        file
      ],
      {cwd: PROJECT_DIR, stdio: ["ignore", "pipe", "ignore"]}
    );
    let peakKb = 0;
    let out = "";
    const poll = setInterval(() => {
      readFile(`/proc/${child.pid}/status`, "utf8").then(
        (s) => (peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(s)?.[1] ?? 0))),
        () => {}
      );
    }, 20);
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.on("error", reject);
    child.on("exit", () => {
      clearInterval(poll);
      const [result] = JSON.parse(out) as {accepted: boolean; findings: {code: string; severity: string}[]}[];
      const codes = [...new Set(result!.findings.filter((f) => f.severity === "error").map((f) => f.code))];
      resolve({
        seconds: (performance.now() - started) / 1000,
        peakMb: peakKb / 1024,
        verdict: result!.accepted ? "accepted" : `refused: ${codes.join(", ")}`
      });
    });
  });
}

/** A long-form workbook of `rows` rows, written as a stream: shared strings (as Excel writes them) or inline random text (packs badly). */
async function writeWorkbook(path: string, rows: number, {random}: {random: boolean}): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({filename: path, useSharedStrings: !random, useStyles: false});
  const ws = wb.addWorksheet("数据");
  ws.addRow(["单位", "月份", "指标编号", "学校代码", "数值", "备注"]).commit();
  const units = ["西湖区", "上城区", "拱墅区", "滨江区", "萧山区"];
  for (let i = 0; i < rows; i++) {
    ws.addRow([
      units[i % 5],
      `2023-${String(1 + (i % 6)).padStart(2, "0")}`,
      "6.1b",
      `S${i}`,
      i,
      random ? randomBytes(12).toString("base64") : `备注${i}`
    ]).commit();
  }
  ws.commit();
  await wb.commit();
  return (await stat(path)).size;
}

export async function benchHostile(): Promise<void> {
  const dir = join(PROJECT_DIR, ".planwatch", "bench");
  await mkdir(dir, {recursive: true});
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  const line = (label: string, size: number, m: Measured) =>
    console.log(
      `  ${label.padEnd(40)} ${mb(size).padStart(8)}  ${m.seconds.toFixed(1).padStart(5)} s  peak RSS ${m.peakMb.toFixed(0).padStart(4)} MB  ${m.verdict}`
    );
  console.log(`hostile files, a whole \`planwatch validate\` process each (size limit ${mb(DEFAULT_MAX_BYTES)}):`);
  const small = join(PROJECT_DIR, "test/fixtures/submissions/long.xlsx");
  line("3 rows (the cost of starting)", (await stat(small)).size, await validate(small));
  // Rows enough for files just under the limit, and a file just under the bound on cells.
  for (const [label, rows, random] of [
    ["row-heavy, shared strings", 1_200_000, false],
    ["row-heavy, random text (packs badly)", 980_000, true],
    ["80k rows (480k cells, under the bound)", 80_000, false]
  ] as const) {
    const file = join(dir, `rows-${rows}${random ? "-random" : ""}.xlsx`);
    const size = await writeWorkbook(file, rows, {random});
    if (size > DEFAULT_MAX_BYTES) console.log(`  (${label}: ${mb(size)} is over the size limit: refused unread)`);
    line(label, size, await validate(file));
  }
  const bomb = join(PROJECT_DIR, "test/fixtures/attack/zip-bomb-ratio.xlsx");
  line("zip bomb (40 MB of spaces, packed)", (await stat(bomb)).size, await validate(bomb));
  const oneLine = join(dir, "one-line.csv");
  await writeFile(oneLine, "单位," + "数值,".repeat(6_500_000));
  line("CSV, one line, no line end", (await stat(oneLine)).size, await validate(oneLine));
  const rowsCsv = join(dir, "rows.csv");
  await writeFile(
    rowsCsv,
    [
      "单位,月份,指标编号,学校代码,数值,备注",
      ...Array.from({length: 900_000}, (_, i) => `西湖区,2023-0${1 + (i % 6)},6.1b,S${i},${i},备注${i}`)
    ].join("\n") + "\n"
  );
  line("CSV, row-heavy", (await stat(rowsCsv)).size, await validate(rowsCsv));
}
