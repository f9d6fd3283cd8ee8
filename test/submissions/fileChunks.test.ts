import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {fileChunks, openChunks} from "../../pipelines/submissions/fileChunks.js";

describe("fileChunks", () => {
  let dir = "";
  let file = "";
  const bytes = Buffer.from(Array.from({length: 1000}, (_, i) => i % 251));
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-chunks-"));
    file = join(dir, "bytes.bin");
    await writeFile(file, bytes);
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  const read = async (options: Parameters<typeof fileChunks>[1]) => {
    const chunks: Buffer[] = [];
    for await (const chunk of fileChunks(file, options)) chunks.push(Buffer.from(chunk));
    return chunks;
  };

  it("gives a range of the file in chunks of the size asked, the last one short", async () => {
    const chunks = await read({start: 10, end: 300, size: 64});
    expect(chunks.map((c) => c.length)).toEqual([64, 64, 64, 64, 34]);
    expect(Buffer.concat(chunks)).toEqual(bytes.subarray(10, 300));
    expect(Buffer.concat(await read({size: 333}))).toEqual(bytes);
    expect(Buffer.concat(await read({start: 900, end: 5000, size: 64}))).toEqual(bytes.subarray(900));
    expect(await read({start: 1000})).toEqual([]);
  });

  it("leaves a chunk as it was until the caller has asked for the next two", async () => {
    const held: [Buffer, Buffer][] = [];
    let previous: [Buffer, Buffer] | null = null;
    for await (const chunk of fileChunks(file, {size: 100})) {
      if (previous) held.push([previous[0], previous[1]]);
      // Let the read ahead land; the chunk before this one must still hold what it held when it came.
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (previous) expect(previous[0]).toEqual(previous[1]);
      previous = [chunk, Buffer.from(chunk)];
    }
    expect(held.length).toBe(9);
  });

  it("closes the file when the caller stops early", async () => {
    for await (const chunk of fileChunks(file, {size: 10})) if (chunk.length) break;
    // A second pass opens it again: nothing was left locked or half-read.
    expect(Buffer.concat(await read({size: 10}))).toEqual(bytes);
  });

  it("reads many ranges of one open file, one after another", async () => {
    const reader = await openChunks(file, {size: 64});
    try {
      for (const [start, end] of [[0, 10], [500, 700], [990, 2000], [10, 500]] as const) {
        const chunks: Buffer[] = [];
        for await (const chunk of reader.range(start, end)) chunks.push(Buffer.from(chunk));
        expect(Buffer.concat(chunks)).toEqual(bytes.subarray(start, end));
      }
    } finally {
      await reader.close();
    }
  });
});
