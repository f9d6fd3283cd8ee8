import {execFileSync} from "node:child_process";
import {mkdir, mkdtemp, rm, symlink, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import iconv from "iconv-lite";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readInputCsv} from "../../pipelines/core/readInputCsv.js";
import {readInputFile} from "../../pipelines/core/readInputFile.js";

describe("readInputFile: the one checked reader of the project's inputs", () => {
  let dir = "";
  beforeAll(async () => void (dir = await mkdtemp(join(tmpdir(), "planwatch-input-"))));
  afterAll(() => rm(dir, {recursive: true, force: true}));

  it("reads a regular file, and one a symbolic link points to", async () => {
    await writeFile(join(dir, "a.csv"), "code,name\n");
    await symlink(join(dir, "a.csv"), join(dir, "link.csv"));
    expect(readInputFile(join(dir, "a.csv")).toString()).toBe("code,name\n");
    expect(readInputFile(join(dir, "link.csv")).toString()).toBe("code,name\n");
  });

  it("refuses a FIFO at once, without waiting for a writer (it hung before)", () => {
    const fifo = join(dir, "units.csv");
    execFileSync("mkfifo", [fifo]);
    const started = Date.now();
    expect(() => readInputFile(fifo)).toThrow(expect.objectContaining({code: "not_a_file"}));
    expect(() => readInputFile(fifo)).toThrow(/units\.csv: 不是普通文件\(是命名管道\(FIFO\)\)/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it.each([
    ["a device that never ends", "/dev/zero", /\/dev\/zero: 不是普通文件\(是设备文件\)/],
    ["a folder", "", /不是普通文件\(是文件夹\)/]
  ])("refuses %s unread", (_name, path, message) => {
    expect(() => readInputFile(path || dir)).toThrow(message);
  });

  it("refuses a file over the limit before reading it, and leaves a missing file to ENOENT", async () => {
    await writeFile(join(dir, "big.txt"), "x".repeat(2048));
    expect(() => readInputFile(join(dir, "big.txt"), {maxBytes: 1024})).toThrow(
      expect.objectContaining({
        code: "file_too_large",
        message: expect.stringMatching(/big\.txt: 文件超过 1 KB 的上限/)
      })
    );
    expect(() => readInputFile(join(dir, "missing.txt"))).toThrow(expect.objectContaining({code: "ENOENT"}));
  });
});

describe("readInputCsv", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-input-csv-"));
    await mkdir(dir, {recursive: true});
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));
  const read = async (text: string | Buffer) => {
    await writeFile(join(dir, "t.csv"), text);
    return readInputCsv(join(dir, "t.csv"), {code: "invalid_units"});
  };

  it("gives each row the line it starts on, past blank lines and cells that span lines", async () => {
    expect(await read('a,b\n\n1,"x\ny"\n\n3,4\n')).toEqual({
      name: "t.csv",
      header: ["a", "b"],
      rows: [
        {line: 3, cells: ["1", "x\ny"]},
        {line: 6, cells: ["3", "4"]}
      ]
    });
  });

  it("reads a table saved in GBK, as Excel on a Chinese Windows saves it", async () => {
    expect((await read(iconv.encode("code,name\n330106,西湖区\n", "gbk"))).rows[0]!.cells).toEqual([
      "330106",
      "西湖区"
    ]);
  });

  it.each([
    [
      "a row longer than the header",
      "code,name,short_name,kind,aliases\n330106,西湖区,西湖,district,,x,y\n",
      /^t\.csv:2:6 此行有 7 个单元格,表头有 5 列/
    ],
    ["a row shorter than the header", "a,b,c\n1,2\n", /^t\.csv:2:3 此行有 2 个单元格,表头有 3 列/],
    ["a quote left open", 'a,b\n"x,2\n', /^t\.csv:2:1 英文双引号没有闭合/],
    ["a quote inside a cell", 'a,b\nx"y,2\n', /^t\.csv:2:1 单元格中间出现英文双引号/],
    ["binary bytes", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0xff, 0xfe, 0]), /^t\.csv:1: 不是可读的文本表格/]
  ])(
    "%s is an error in Chinese naming the file, row and column, with the caller's code",
    async (_name, text, message) => {
      await expect(read(text)).rejects.toMatchObject({code: "invalid_units", message: expect.stringMatching(message)});
    }
  );
});
