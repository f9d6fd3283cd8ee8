import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import {parse} from "csv-parse/sync";
import {describe, expect, it} from "vitest";
import {decodeText} from "../../pipelines/core/decodeText.js";
import {detectDelimiter} from "../../pipelines/core/detectDelimiter.js";
import {csvScanner, fieldText, scanCsv} from "../../pipelines/intake/scanCsv.js";
import {seededRandom} from "../../pipelines/sample/random.js";
import {PROJECT_DIR} from "../helpers/cli.js";

/** Every record as csv-parse (the reference) reads it, blank lines skipped. */
function reference(text: string, delimiter: string): string[][] {
  return (
    parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ["\r\n", "\n", "\r"]
    }) as string[][]
  ).filter((r) => !(r.length === 1 && r[0] === ""));
}

/** Every record as the fast scanner reads it, fed in chunks of `size` bytes. */
async function scanned(text: string, delimiter: string, size: number): Promise<string[][]> {
  const bytes = Buffer.from(text, "utf8");
  const chunks = Array.from({length: Math.ceil(bytes.length / size)}, (_, i) =>
    bytes.subarray(i * size, (i + 1) * size)
  );
  const rows: string[][] = [];
  await scanCsv(chunks, (r) => rows.push(Array.from({length: r.count}, (_, i) => fieldText(r, i))), {
    delimiter: delimiter.charCodeAt(0)
  });
  return rows;
}

const FIXTURES = [join(PROJECT_DIR, "test/fixtures/submissions"), join(PROJECT_DIR, "data/sample")];

describe("scanCsv agrees with csv-parse, record for record", async () => {
  const files: string[] = [];
  for (const dir of FIXTURES)
    for (const f of (await readdir(dir)).sort()) if (/\.(csv|txt)$/.test(f)) files.push(join(dir, f));

  it.each(files.map((f) => [f.slice(PROJECT_DIR.length + 1), f]))(
    "%s, whole and in 7-byte and 64-byte chunks",
    async (_name, file) => {
      let text: string;
      try {
        text = decodeText(await readFile(file)).text;
      } catch {
        return; // not text (a fixture of a binary file): nothing to compare
      }
      const delimiter = detectDelimiter(text);
      let expected: string[][];
      try {
        expected = reference(text, delimiter);
      } catch {
        await expect(scanned(text, delimiter, 64)).rejects.toThrow(/引号/);
        return;
      }
      for (const size of [1 << 20, 7, 64]) expect(await scanned(text, delimiter, size)).toEqual(expected);
    }
  );

  it("agrees on random CSV with quotes, doubled quotes, delimiters, CRLF and newlines in fields", async () => {
    const random = seededRandom(42);
    const pieces = ["西湖区", "6.1b", "", "a,b", '含"临时"', "第一行\n第二行", "x\r\ny", "1,500", " 空格 ", "ab"];
    for (let round = 0; round < 30; round++) {
      const rows = Array.from({length: 1 + Math.floor(random() * 20)}, () =>
        Array.from({length: 1 + Math.floor(random() * 6)}, () => pieces[Math.floor(random() * pieces.length)]!)
      );
      const text =
        rows
          .map((r) => r.map((c) => (/[",\r\n]/.test(c) || c === "" ? `"${c.replaceAll('"', '""')}"` : c)).join(","))
          .join(random() < 0.5 ? "\r\n" : "\n") + "\n";
      const expected = reference(text, ",");
      for (const size of [3, 5, 16, 1 << 16]) expect(await scanned(text, ",", size)).toEqual(expected);
    }
  });

  it("agrees on quoted fields longer than the byte-by-byte search for their closing quote (64 bytes)", async () => {
    // Doubled quotes, delimiters, newlines and the closing quote at every offset around the 64th byte,
    // in records that open with a quoted field and in records that do not.
    const fields: string[] = [];
    for (let at = 58; at <= 70; at++)
      for (const mark of ['"', ",", "\n", "\r\n", ""])
        fields.push("校".repeat(Math.floor(at / 3)) + "x".repeat(at % 3) + mark + "y".repeat(at % 5));
    fields.push("z".repeat(5000) + '"' + "w".repeat(3000));
    const text = fields
      .map((f, i) => {
        const cell = `"${f.replaceAll('"', '""')}"`;
        return i % 2 ? `${cell},"b",${cell}` : `a,${cell},"${i}"`;
      })
      .join("\r\n");
    const expected = reference(text, ",");
    expect(expected.length).toBe(fields.length);
    for (const size of [1, 7, 63, 64, 65, 1 << 20]) expect(await scanned(text, ",", size)).toEqual(expected);
  });

  it("agrees on lines ended by CR alone, CRLF and LF mixed, and a last line without an end", async () => {
    const text = 'a,b\rc,d\r\ne,f\n\rg,h\r\n\r\ni,"j\rk"\rl,m';
    const expected = reference(text, ",");
    expect(expected.length).toBe(6);
    for (const size of [1, 2, 3, 7, 1 << 16]) expect(await scanned(text, ",", size)).toEqual(expected);
  });

  it("with `fields`, delimits only the first fields and still finds the end of every record", async () => {
    const text = 'u,p,t,note\n西湖区,2023-01,6.1b,"a\nb,""c"""\n西湖区,2023-02,6.1b,plain,extra,"x\ny"\n,,,\n';
    const rows: string[][] = [];
    const count = await scanCsv(
      [Buffer.from(text)],
      (r) => rows.push(Array.from({length: r.count}, (_, i) => fieldText(r, i))),
      {fields: 2}
    );
    expect(rows).toEqual([
      ["u", "p"],
      ["西湖区", "2023-01"],
      ["西湖区", "2023-02"],
      ["", ""]
    ]);
    expect(count).toBe(4);
    // `extra` says a record holds something past the fields asked for; blanks and delimiters do not count.
    const wider = 'a,b,c\na,b\na,b, ,\t,\na,b,,x\na,b,"",""\na,b,"",", "\na,b,"q\nr",\n';
    for (const size of [1, 3, 1 << 16]) {
      const extra: boolean[] = [];
      const chunks = Array.from({length: Math.ceil(wider.length / size)}, (_, i) =>
        Buffer.from(wider).subarray(i * size, (i + 1) * size)
      );
      await scanCsv(chunks, (r) => extra.push(r.extra), {fields: 2});
      expect(extra).toEqual([true, false, false, true, false, true, true]);
    }
  });

  it("numbers records as a spreadsheet shows rows, blank lines counted, and names the record of an unclosed quote", async () => {
    const indexes: number[] = [];
    await scanCsv([Buffer.from('h\n\na\n"b\nc"\nd\n')], (r) => indexes.push(r.index));
    expect(indexes).toEqual([1, 3, 4, 5]);
    await expect(scanCsv([Buffer.from('h\na\n"b\nc\n')], () => {})).rejects.toThrow(/第 3 行.*引号未闭合/);
  });

  it("scans many inputs with one scanner, each numbered from 1 and none carrying into the next, also after one that failed", async () => {
    const seen: [number, string][] = [];
    const scan = csvScanner((r) => seen.push([r.index, fieldText(r, 0)]));
    const input = (text: string, size: number) =>
      Array.from({length: Math.ceil(text.length / size)}, (_, i) =>
        Buffer.from(text).subarray(i * size, (i + 1) * size)
      );
    expect(await scan(input('a,1\n"b\nc",2\n', 3))).toBe(2);
    await expect(scan(input('x,1\n"open\n', 4))).rejects.toThrow(/第 2 行.*引号未闭合/);
    expect(await scan(input('d,3\n\ne,"4"', 2))).toBe(3);
    expect(seen).toEqual([
      [1, "a"],
      [2, "b\nc"],
      [1, "x"],
      [1, "d"],
      [3, "e"]
    ]);
  });
});
