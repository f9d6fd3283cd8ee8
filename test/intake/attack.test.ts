// The attack corpus: every hostile file in test/fixtures/attack/ (`<name>.<ext>` beside
// `<name>.<ext>.expect.json`: {"codes": [...], "accepted": bool, "note": "...", optional
// "findings": [partial findings, e.g. {"code": "bad_csv", "row": 3}], optional "sheet"}) is read by
// the real inspectFile (what `planwatch validate` runs), with the seed project's catalog, no history
// and a fixed clock (15 January 2024, Hangzhou time). Each expected code must be reported and the
// file accepted or not as said. Several helpers add files in parallel: the folder is globbed, and a
// file without its expectations fails. Files too large to commit are written here, into a temporary
// folder, and checked the same way.
import {mkdtemp, readFile, readdir, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {inspectFile} from "../../pipelines/intake/inspectFile.js";
import {rejects} from "../../pipelines/intake/findings.js";
import {GOOD, HEADER, csvLine, sheetBytes, sheetXmlBytes, statedSize} from "../helpers/attackFiles.js";
import {PROJECT_DIR} from "../helpers/cli.js";
import {seedCatalog} from "../helpers/catalog.js";

const DIR = join(PROJECT_DIR, "test", "fixtures", "attack");
const NOW = new Date("2024-01-15T10:00:00+08:00");

interface Expectation {
  codes: string[];
  accepted: boolean;
  note: string;
  findings?: Record<string, unknown>[];
  sheet?: string;
}

async function check(path: string, expected: Expectation): Promise<void> {
  const inspection = await inspectFile(path, {catalog: await seedCatalog(), now: NOW, sheet: expected.sheet});
  const said = JSON.stringify(inspection.findings.map((f) => `${f.row}:${f.column} ${f.code} ${f.message}`));
  const codes = new Set(inspection.findings.map((f) => f.code));
  for (const code of expected.codes)
    expect(codes.has(code as never), `${code} expected (${expected.note}); found ${said}`).toBe(true);
  expect(
    !rejects(inspection.findings),
    `accepted should be ${expected.accepted} (${expected.note}); found ${said}`
  ).toBe(expected.accepted);
  for (const f of expected.findings ?? []) expect(inspection.findings, said).toContainEqual(expect.objectContaining(f));
  // What every finding owes the sender, whatever the file: a Chinese message, never an object printed.
  for (const f of inspection.findings) {
    expect(f.message, said).toMatch(/[\u4e00-\u9fff]/);
    expect(f.message, said).not.toMatch(/\[object |undefined|NaN/);
  }
}

const files = (await readdir(DIR)).filter((f) => !f.endsWith(".expect.json")).sort();

describe("the attack corpus (test/fixtures/attack/)", () => {
  it("has files, each with its expectations", async () => {
    expect(files.length).toBeGreaterThan(0);
    const all = await readdir(DIR);
    for (const f of files) expect(all, `${f} has no ${f}.expect.json`).toContain(`${f}.expect.json`);
    for (const f of all.filter((x) => x.endsWith(".expect.json")))
      expect(all, `${f} has no file`).toContain(f.slice(0, -".expect.json".length));
  });

  it.each(files)("%s", async (name) => {
    const expected = JSON.parse(await readFile(join(DIR, `${name}.expect.json`), "utf8")) as Expectation;
    await check(join(DIR, name), expected);
  });
});

describe("the attack corpus, files too large to commit (written here)", () => {
  let tmp: string;
  beforeAll(async () => void (tmp = await mkdtemp(join(tmpdir(), "planwatch-attack-"))));
  afterAll(() => rm(tmp, {recursive: true, force: true}));
  const write = async (name: string, bytes: Buffer | string) => {
    const path = join(tmp, name);
    await writeFile(path, bytes);
    return path;
  };
  const csv = (...rows: (readonly string[])[]) => rows.map(csvLine).join("\n") + "\n";

  it("a 2 MB line is bad_csv at its row, before the text is decoded", async () => {
    const path = await write("long-line.csv", csv(HEADER, GOOD) + "西湖区," + "1,".repeat(1 << 20) + "\n");
    await check(path, {
      codes: ["bad_csv"],
      accepted: false,
      note: "a 2 MB line",
      findings: [{code: "bad_csv", row: 3}]
    });
  });

  it("a 2 MB line without any line end (the 45 MB single-line file, smaller) is bad_csv at row 1", async () => {
    const path = await write("one-line.csv", "单位," + "数值,".repeat(400_000));
    await check(path, {
      codes: ["bad_csv"],
      accepted: false,
      note: "one line, no header to find",
      findings: [{code: "bad_csv", row: 1}]
    });
  });

  it("a quoted note of 1.5 MB over short lines is bad_csv, not a 1.5 MB cell", async () => {
    const path = await write(
      "long-record.csv",
      csv(HEADER, GOOD) + `西湖区,2023-06,6.1a,3,,,累计,"${"很长的备注\n".repeat(100_000)}"\n`
    );
    await check(path, {
      codes: ["bad_csv"],
      accepted: false,
      note: "a record over 1 MB",
      findings: [{code: "bad_csv", row: 3}]
    });
  });

  it("a UTF-16 file whose one line is long is bad_csv (line ends are read as UTF-16 code units)", async () => {
    const text = "\ufeff" + csv(HEADER, GOOD) + "西湖区," + "上,".repeat(300_000) + "\n";
    await check(await write("long-utf16.csv", Buffer.from(text, "utf16le")), {
      codes: ["bad_csv"],
      accepted: false,
      note: "上 is U+4E0A: a 0x0A byte that ends no line",
      findings: [{code: "bad_csv", row: 3}]
    });
  });

  it("a workbook whose directory says it unpacks to more than 256 MiB is refused before anything is inflated", async () => {
    const bytes = statedSize(await sheetBytes([HEADER, GOOD]), "xl/worksheets/sheet1.xml", 300 << 20);
    await check(await write("unpacks-300mb.xlsx", bytes), {
      codes: ["file_too_large"],
      accepted: false,
      note: "300 MB stated"
    });
  });

  it("a workbook of 600,000 shared strings is refused as it is read (file_too_large)", async () => {
    const strings = Array.from({length: 600_000}, (_, i) => `<si><t>${i}</t></si>`).join("");
    const bytes = await sheetXmlBytes(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`
    );
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(bytes);
    zip.file(
      "xl/sharedStrings.xml",
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="600000" uniqueCount="600000">${strings}</sst>`
    );
    const path = await write(
      "shared-strings.xlsx",
      await zip.generateAsync({type: "nodebuffer", compression: "DEFLATE"})
    );
    await check(path, {codes: ["file_too_large"], accepted: false, note: "a huge shared-strings part"});
  });
});
