import {createHash} from "node:crypto";
import {closeSync, createReadStream, existsSync, openSync, readSync} from "node:fs";

/** The sha256 of a file's bytes, read as a stream (any size), or `missing`. */
export async function hashFile(path: string): Promise<string> {
  if (!existsSync(path)) return "missing";
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/**
 * The sha256 of a file's bytes, hashed a piece at a time on this thread when the caller has time
 * for it: `upTo(end)` hashes the bytes up to `end`, `digest()` the rest and closes the file (`close()`
 * closes it without a digest, where the caller gives up). For a
 * thread busy reading the file itself, which never lets a stream's reads through (hashFile's would
 * wait until it is done, then take its own time).
 */
export function fileHasher(path: string): {upTo(end: number): void; digest(): string; close(): void} {
  const hash = createHash("sha256");
  const fd = openSync(path, "r");
  const buffer = Buffer.allocUnsafe(1 << 20);
  let at = 0;
  let ended = false;
  let closed = false;
  const close = () => void (closed || ((closed = true), closeSync(fd)));
  const upTo = (end: number) => {
    while (!ended && at < end) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, end - at), at);
      if (read === 0) ended = true;
      hash.update(buffer.subarray(0, read));
      at += read;
    }
  };
  return {
    upTo,
    digest() {
      try {
        upTo(Infinity);
      } finally {
        close();
      }
      return hash.digest("hex");
    },
    close
  };
}

/** The sha256 of a text. */
export function hashText(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/** One hash for a set of named inputs, independent of their order. */
export function combine(inputs: Record<string, string>): string {
  return hashText(
    Object.keys(inputs)
      .sort()
      .map((k) => `${k}\0${inputs[k]}`)
      .join("\n")
  );
}
