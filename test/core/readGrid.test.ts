import {readFile} from "node:fs/promises";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {readGrid} from "../../pipelines/core/readGrid.js";
import {validateGrid} from "../../pipelines/intake/validateGrid.js";
import {PROJECT_DIR} from "../helpers/cli.js";
import {JULY_5, seedCatalog} from "../helpers/catalog.js";
import {GOOD, HEADER, sheetBytes, workbookBytes} from "../helpers/attackFiles.js";

const FIXTURES = join(PROJECT_DIR, "test", "fixtures", "submissions");
const fixture = (name: string) => readFile(join(FIXTURES, name));

/** What every fixture states, in every form and encoding. */
const EXPECTED = [
  {
    unit_code: "330106",
    period: "2023-06",
    target_id: "6.1b",
    school_id: "",
    value: 4200,
    numerator: null,
    denominator: null,
    basis: "cumulative"
  },
  {
    unit_code: "330106",
    period: "2023-06",
    target_id: "6.1a",
    school_id: "",
    value: 3,
    numerator: null,
    denominator: null,
    basis: "cumulative"
  },
  {
    unit_code: "330106",
    period: "2023-06",
    target_id: "2.4a",
    school_id: "",
    value: 90,
    numerator: 90,
    denominator: 100,
    basis: "cumulative"
  }
];
const NOTE = '含新校区,"临时"校舍\n第二行';
const sortById = <T extends {target_id: string}>(rows: T[]) =>
  [...rows].sort((a, b) => (a.target_id < b.target_id ? -1 : 1));

describe("reading submissions in every encoding and form", () => {
  it.each([
    ["long-utf8-en.csv", "csv", "utf-8", ",", "long"],
    ["long-utf8-bom.csv", "csv", "utf-8-bom", ",", "long"],
    ["long-gbk.csv", "csv", "gb18030", ",", "long"],
    ["long-utf16le.txt", "csv", "utf-16le", "\t", "long"],
    ["long-utf16be.txt", "csv", "utf-16be", "\t", "long"],
    ["wide-gbk.csv", "csv", "gb18030", ",", "wide"],
    ["wide-semicolon.csv", "csv", "utf-8", ";", "wide"],
    ["long.xlsx", "xlsx", null, null, "long"],
    ["workbook-named.csv", "xlsx", null, null, "long"]
  ] as const)("%s: %s, %s, delimiter %j, %s form", async (name, format, encoding, delimiter, form) => {
    const grid = await readGrid(await fixture(name));
    expect({format: grid.format, encoding: grid.encoding, delimiter: grid.delimiter}).toEqual({
      format,
      encoding,
      delimiter
    });
    const result = validateGrid(grid, {file: name, catalog: await seedCatalog(), now: JULY_5});
    expect(result.form).toBe(form);
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(sortById(result.rows).map(({note: _n, row: _r, ...rest}) => rest)).toEqual(sortById(EXPECTED));
    expect(result.rows.find((r) => r.target_id === "6.1b")!.note).toBe(NOTE);
    expect(result.findings.find((f) => f.code === "encoding")?.message).toBeTruthy();
  });

  it("holds real GBK and UTF-16 bytes, not UTF-8 pretending", async () => {
    const gbk = await fixture("long-gbk.csv");
    expect(() => new TextDecoder("utf-8", {fatal: true}).decode(gbk)).toThrow();
    expect([...(await fixture("long-utf16le.txt")).subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect([...(await fixture("long-utf16be.txt")).subarray(0, 2)]).toEqual([0xfe, 0xff]);
  });

  it("reads a named sheet of a workbook, and says which sheets there are when the name is wrong", async () => {
    const bytes = await fixture("wide-named-sheet.xlsx");
    const grid = await readGrid(bytes, {sheet: "六月"});
    expect(grid.sheet).toBe("六月");
    expect(
      sortById(validateGrid(grid, {file: "w.xlsx", catalog: await seedCatalog(), now: JULY_5}).rows).map((r) => r.value)
    ).toEqual([90, 3, 4200]);
    await expect(readGrid(bytes, {sheet: "七月"})).rejects.toThrow(/没有名为“七月”的工作表\(现有:六月\)/);
  });

  it("gives spreadsheet row numbers: a quoted newline stays in its row", async () => {
    const grid = await readGrid(
      Buffer.from('单位,月份,指标编号,数值,备注\n\n西湖区,2023-06,6.1b,1,"a\nb"\n西湖区,2023-06,6.1a,1,\n')
    );
    expect(grid.rowNumbers).toEqual([1, 3, 4]);
  });
});

describe("reading within bounds", () => {
  it("refuses a workbook past maxCells at the row where it passes the bound, as it reads", async () => {
    const rows = Array.from({length: 40}, (_, i) => ["西湖区", "2023-06", "6.1b", String(i)]);
    const error = await readGrid(await sheetBytes([HEADER, ...rows]), {maxCells: 100}).catch((e: unknown) => e);
    expect(error).toMatchObject({code: "file_too_large", row: 25});
    expect((error as Error).message).toMatch(/第 25 行已超过 100 个单元格/);
  });

  it("refuses a CSV past maxCells the same way", async () => {
    const text = [
      HEADER,
      ...Array.from({length: 40}, (_, i) => ["西湖区", "2023-06", "6.1b", String(i), "", "", "", ""])
    ]
      .map((r) => r.join(","))
      .join("\n");
    await expect(readGrid(Buffer.from(text), {maxCells: 100})).rejects.toMatchObject({code: "file_too_large", row: 13});
  });

  it("reads a formula's cached value, and a formula without one as =formula (never [object Object])", async () => {
    const grid = await readGrid(
      await sheetBytes([
        HEADER,
        ["西湖区", "2023-06", "6.1b", {formula: "SUM(D3:D4)"} as never],
        ["西湖区", "2023-06", "6.1a", {formula: "1+2", result: 3} as never]
      ])
    );
    expect(grid.rows.slice(1).map((r) => r[3])).toEqual(["=SUM(D3:D4)", "3"]);
  });

  it("reads a date cell as its day (the styles are read before the sheet) and rich text joined", async () => {
    const grid = await readGrid(
      await sheetBytes([
        HEADER,
        [
          "西湖区",
          new Date(Date.UTC(2023, 5, 1)),
          "6.1b",
          4200,
          "",
          "",
          "累计",
          {richText: [{text: "富"}, {text: "文本"}]} as never
        ]
      ])
    );
    expect(grid.rows[1]).toEqual(["西湖区", "2023-06-01", "6.1b", "4200", "", "", "累计", "富文本"]);
  });

  it("finds a sheet by an absolute part name in the workbook's relationships, and a hidden sheet when named", async () => {
    const bytes = await sheetBytes([HEADER, GOOD], async (zip) => {
      const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
      zip.file(
        "xl/_rels/workbook.xml.rels",
        rels.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet1.xml"')
      );
    });
    expect((await readGrid(bytes)).rows[1]).toEqual(GOOD.slice(0, 7)); // the empty note at the end is dropped
    const hidden = await workbookBytes((wb) => {
      wb.addWorksheet("旧表", {state: "hidden"}).addRow(["旧"]);
      wb.addWorksheet("报送").addRow(["新"]);
    });
    expect((await readGrid(hidden)).rows).toEqual([["新"]]);
    expect((await readGrid(hidden, {sheet: "旧表"})).rows).toEqual([["旧"]]);
  });

  it("NUL anywhere in a text file is binary_file naming its line", async () => {
    const text = "单位,月份,指标编号,数值\n" + "西湖区,2023-06,6.1b,1\n".repeat(400) + "西湖区,2023-06,6.1a,\u00001\n";
    await expect(readGrid(Buffer.from(text))).rejects.toMatchObject({code: "binary_file", row: 402});
  });

  it("a line over maxLineBytes is bad_csv, CR-only line ends counted", async () => {
    const text = "单位,月份\r西湖区,2023-06\r" + "x".repeat(2000) + "\r";
    await expect(readGrid(Buffer.from(text), {maxLineBytes: 1000})).rejects.toMatchObject({code: "bad_csv", row: 3});
  });
});
