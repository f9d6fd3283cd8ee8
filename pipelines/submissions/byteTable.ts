/**
 * A table from byte strings to small integers, looked up straight from a buffer's bytes (an FNV-1a
 * hash, then a byte comparison), so a hot loop never makes a string to find a key.
 */
export class ByteTable {
  private readonly byHash = new Map<number, number[]>();
  private readonly keys: Buffer[] = [];
  private readonly values: number[] = [];

  /** The value stored for bytes `start`…`end` of `buf` (after `seed`), or -1. */
  get(buf: Buffer, start: number, end: number, seed = 0): number {
    const ids = this.byHash.get(hash(buf, start, end, seed));
    if (ids === undefined) return -1;
    for (const id of ids) if (equal(this.keys[id]!, buf, start, end, seed)) return this.values[id]!;
    return -1;
  }

  /** Stores `value` for bytes `start`…`end` of `buf` (after `seed`). */
  set(buf: Buffer, start: number, end: number, value: number, seed = 0): void {
    const h = hash(buf, start, end, seed);
    const key = Buffer.alloc(end - start + 4);
    key.writeInt32LE(seed, 0);
    buf.copy(key, 4, start, end);
    const id = this.keys.push(key) - 1;
    this.values.push(value);
    const ids = this.byHash.get(h);
    if (ids) ids.push(id);
    else this.byHash.set(h, [id]);
  }

  get size(): number {
    return this.keys.length;
  }
}

function hash(buf: Buffer, start: number, end: number, seed: number): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 16777619);
  return h >>> 0;
}

function equal(key: Buffer, buf: Buffer, start: number, end: number, seed: number): boolean {
  if (key.length !== end - start + 4 || key.readInt32LE(0) !== seed) return false;
  for (let i = start, j = 4; i < end; i++, j++) if (key[j] !== buf[i]) return false;
  return true;
}
