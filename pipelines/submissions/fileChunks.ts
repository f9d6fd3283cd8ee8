import {open} from "node:fs/promises";

/** Byte ranges of one open file, read in chunks ({@link openChunks}). */
export interface ChunkReader {
  /** The bytes `start`…`end` (`end` past the file's size: to its end), in chunks; one range at a time. */
  range(start?: number, end?: number): AsyncGenerator<Buffer>;
  close(): Promise<void>;
}

/**
 * Opens a file to read byte ranges of it in chunks of `size` bytes, one range after another with
 * one handle and three buffers taken in turn: the next chunk is read while the caller works on
 * this one, and a chunk stays as it is until the caller has asked for the next two (as
 * {@link scanCsv} needs: it copies what it keeps of a chunk as soon as it has the next). Nothing is
 * allocated per chunk or per range.
 */
export async function openChunks(path: string, {size = 1 << 20}: {size?: number} = {}): Promise<ChunkReader> {
  const handle = await open(path, "r");
  const buffers = [Buffer.allocUnsafeSlow(size), Buffer.allocUnsafeSlow(size), Buffer.allocUnsafeSlow(size)];
  let turn = 0;
  async function* range(start = 0, end = Infinity): AsyncGenerator<Buffer> {
    let position = start;
    let ended = false;
    /** Reads the next chunk into the next buffer; null at the end. */
    const read = async (): Promise<Buffer | null> => {
      const length = Math.min(size, end - position);
      if (ended || !(length > 0)) return null;
      const buffer = buffers[turn++ % 3]!;
      const at = position;
      position += length;
      const {bytesRead} = await handle.read(buffer, 0, length, at);
      ended = bytesRead < length; // the file ended
      return bytesRead > 0 ? buffer.subarray(0, bytesRead) : null;
    };
    let next = read();
    try {
      for (;;) {
        const chunk = await next;
        if (!chunk) return;
        next = read();
        yield chunk;
      }
    } finally {
      await next.catch(() => null);
    }
  }
  return {range, close: () => handle.close()};
}

/** The bytes `start`…`end` of a file (`end` past its size: to its end), in chunks of `size` bytes, as {@link openChunks} reads them. */
export async function* fileChunks(path: string, {start = 0, end = Infinity, size = 1 << 20}: {start?: number; end?: number; size?: number} = {}): AsyncGenerator<Buffer> {
  const reader = await openChunks(path, {size});
  try {
    yield* reader.range(start, end);
  } finally {
    await reader.close();
  }
}
