import {open} from "node:fs/promises";

/**
 * The bytes `start`…`end` of a file (`end` past its size: to its end), in chunks of `size` bytes.
 * The next chunk is read while the caller works on this one, into three buffers taken in turn:
 * a chunk stays as it is until the caller has asked for the next two (as {@link scanCsv} needs:
 * it copies what it keeps of a chunk as soon as it has the next). Nothing is allocated per chunk.
 */
export async function* fileChunks(path: string, {start = 0, end = Infinity, size = 1 << 20}: {start?: number; end?: number; size?: number} = {}): AsyncGenerator<Buffer> {
  const handle = await open(path, "r");
  const buffers = [Buffer.allocUnsafeSlow(size), Buffer.allocUnsafeSlow(size), Buffer.allocUnsafeSlow(size)];
  let position = start;
  let ended = false;
  /** Reads the next chunk into buffer k % 3; null at the end. */
  const read = async (k: number): Promise<Buffer | null> => {
    const length = Math.min(size, end - position);
    if (ended || !(length > 0)) return null;
    const at = position;
    position += length;
    const {bytesRead} = await handle.read(buffers[k % 3]!, 0, length, at);
    ended = bytesRead < length; // the file ended
    return bytesRead > 0 ? buffers[k % 3]!.subarray(0, bytesRead) : null;
  };
  let next = read(0);
  try {
    for (let k = 1; ; k++) {
      const chunk = await next;
      if (!chunk) return;
      next = read(k);
      yield chunk;
    }
  } finally {
    await next.catch(() => null);
    await handle.close();
  }
}
