import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {openChunks} from "../../pipelines/intake/openChunks.js";

describe("openChunks", () => {
  let dir = "";
  let file = "";
  const bytes = Buffer.from(Array.from({length: 1000}, (_, i) => i % 251));
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-chunks-"));
    file = join(dir, "bytes.bin");
    await writeFile(file, bytes);
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  /** Bytes start…end of the file, as chunks of `size`, from a reader of its own. */
  const read = async ({start, end, size}: {start?: number; end?: number; size?: number}) => {
    const reader = await openChunks(file, {size});
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of reader.range(start, end)) chunks.push(Buffer.from(chunk));
      return chunks;
    } finally {
      await reader.close();
    }
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
    const reader = await openChunks(file, {size: 100});
    try {
      for await (const chunk of reader.range()) {
        if (previous) held.push([previous[0], previous[1]]);
        // The chunk before this one must still hold what it held when it came.
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (previous) expect(previous[0]).toEqual(previous[1]);
        previous = [chunk, Buffer.from(chunk)];
      }
    } finally {
      await reader.close();
    }
    expect(held.length).toBe(9);
  });

  it("reads a range whole after one the caller stopped early", async () => {
    const reader = await openChunks(file, {size: 10});
    try {
      for await (const chunk of reader.range()) if (chunk.length) break;
      const chunks: Buffer[] = [];
      for await (const chunk of reader.range()) chunks.push(Buffer.from(chunk));
      expect(Buffer.concat(chunks)).toEqual(bytes);
    } finally {
      await reader.close();
    }
  });

  it("reads many ranges of one open file, one after another", async () => {
    const reader = await openChunks(file, {size: 64});
    try {
      for (const [start, end] of [
        [0, 10],
        [500, 700],
        [990, 2000],
        [10, 500]
      ] as const) {
        const chunks: Buffer[] = [];
        for await (const chunk of reader.range(start, end)) chunks.push(Buffer.from(chunk));
        expect(Buffer.concat(chunks)).toEqual(bytes.subarray(start, end));
      }
    } finally {
      await reader.close();
    }
  });
});
