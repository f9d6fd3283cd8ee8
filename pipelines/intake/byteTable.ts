/**
 * A table from byte strings to small integers, looked up straight from a buffer's bytes, so a hot
 * loop never makes a string to find a key. A key is one or two byte ranges (a school is known by
 * its unit's bytes and its own); open addressing over typed arrays, an FNV-1a hash, then a byte
 * comparison, so a lookup allocates nothing.
 */
export class ByteTable {
  private mask = 63;
  /** Entry + 1 per slot (0: empty). */
  private slots = new Int32Array(64);
  private hashes = new Int32Array(16);
  /** Entry i's key is pool[offsets[i] … offsets[i + 1]), its first part splits[i] bytes long. */
  private offsets = new Int32Array(17);
  private splits = new Int32Array(16);
  private values = new Int32Array(16);
  private pool = new Uint8Array(256);
  /** Entry + 1 last found by {@link getOne} at each of 256 slots (0: none). */
  private recent = new Int32Array(256);
  size = 0;

  /** The value stored for bytes `s1`…`e1` (then `s2`…`e2`) of `buf`, or -1. */
  get(buf: Uint8Array, s1: number, e1: number, s2 = 0, e2 = 0): number {
    const id = this.find(buf, s1, e1, s2, e2);
    return id < 0 ? -1 : this.values[id]!;
  }

  /** {@link get} for a key of one range (the common case, a little faster). */
  getOne(buf: Uint8Array, start: number, end: number): number {
    // A few short keys (targets, months) looked up millions of times: first a cache of the last
    // entry found at a slot picked from the length and three bytes, checked byte for byte.
    const len = end - start;
    const slot =
      len === 0 ? 0 : (len * 131 + buf[end - 1]! * 31 + buf[len > 1 ? end - 2 : start]! * 7 + buf[start]!) & 255;
    const cached = this.recent[slot]! - 1;
    if (cached >= 0 && this.splits[cached] === len) {
      let o = this.offsets[cached]!;
      if (this.offsets[cached + 1]! - o === len) {
        let i = start;
        for (; i < end && this.pool[o] === buf[i]; i++) o++;
        if (i === end) return this.values[cached]!;
      }
    }
    const id = this.find(buf, start, end, 0, 0);
    if (id >= 0) this.recent[slot] = id + 1;
    return id < 0 ? -1 : this.values[id]!;
  }

  /** The entry of a key, or -1. */
  private find(buf: Uint8Array, s1: number, e1: number, s2: number, e2: number): number {
    const h = hashBytes(buf, s2, e2, hashBytes(buf, s1, e1, SEED) ^ 0xff);
    const mask = this.mask;
    const slots = this.slots;
    const pool = this.pool;
    const len1 = e1 - s1;
    const len = len1 + e2 - s2;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const id = slots[at]! - 1;
      if (id < 0) return -1;
      if (this.hashes[id] !== h || this.splits[id] !== len1) continue;
      let o = this.offsets[id]!;
      if (this.offsets[id + 1]! - o !== len) continue;
      let same = true;
      for (let i = s1; same && i < e1; i++, o++) same = pool[o] === buf[i];
      for (let i = s2; same && i < e2; i++, o++) same = pool[o] === buf[i];
      if (same) return id;
    }
  }

  /** Stores `value` for bytes `s1`…`e1` (then `s2`…`e2`) of `buf`; the key must not be there yet. */
  set(buf: Uint8Array, s1: number, e1: number, value: number, s2 = 0, e2 = 0): void {
    const id = this.size++;
    if (id + 1 >= this.hashes.length) this.growEntries();
    const len = e1 - s1 + e2 - s2;
    const o = this.offsets[id]!;
    while (o + len > this.pool.length) this.pool = grow(this.pool, this.pool.length * 2);
    this.pool.set(buf.subarray(s1, e1), o);
    this.pool.set(buf.subarray(s2, e2), o + e1 - s1);
    this.offsets[id + 1] = o + len;
    this.splits[id] = e1 - s1;
    this.values[id] = value;
    this.hashes[id] = hashBytes(buf, s2, e2, hashBytes(buf, s1, e1, SEED) ^ 0xff);
    if (this.size * 2 > this.mask) this.rehash();
    else this.place(id);
  }

  private place(id: number): void {
    let at = this.hashes[id]! & this.mask;
    while (this.slots[at] !== 0) at = (at + 1) & this.mask;
    this.slots[at] = id + 1;
  }

  private rehash(): void {
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array(this.mask + 1);
    for (let id = 0; id < this.size; id++) this.place(id);
  }

  private growEntries(): void {
    const n = this.hashes.length * 2;
    this.hashes = grow(this.hashes, n);
    this.splits = grow(this.splits, n);
    this.values = grow(this.values, n);
    this.offsets = grow(this.offsets, n + 1);
  }
}

const SEED = 2166136261 | 0;

/** FNV-1a over bytes `start`…`end` of `buf`, from `seed`. */
export function hashBytes(buf: Uint8Array, start: number, end: number, seed: number): number {
  let h = seed;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 16777619);
  return h;
}

function grow<A extends Int32Array | Uint8Array>(a: A, n: number): A {
  const b = new (a.constructor as new (n: number) => A)(n);
  b.set(a);
  return b;
}
