/**
 * A byte-level CSV scanner for large files: it walks UTF-8 bytes chunk by chunk, never builds the
 * file as a string, and hands each record to `onRecord` as field boundaries into a buffer, so the
 * caller decodes only the fields it needs. Quoted fields may hold the delimiter, doubled quotes
 * and newlines; CRLF and LF both end a record. It is tested field for field against csv-parse.
 */
export interface CsvRecord {
  /** The bytes the fields point into (valid only during the callback). */
  buffer: Buffer;
  /** Field i spans starts[i] … ends[i] in `buffer`, quotes removed (doubled quotes still doubled). */
  starts: Int32Array;
  ends: Int32Array;
  /** Whether field i was quoted and held a doubled quote (so it needs unescaping). */
  escaped: Uint8Array;
  count: number;
  /** With `fields`: whether a field past the first `fields` holds more than spaces (the record is wider than asked). */
  extra: boolean;
  /** The record's number in the file, counting from 1 (the header is 1), as a spreadsheet shows rows. */
  index: number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const MAX_FIELDS = 256;
/** How many bytes of a quoted field are searched byte by byte for its closing quote before `indexOf`. */
const LONG = 64;

/**
 * Scans CSV bytes from `chunks` and calls `onRecord` for each record, blank lines skipped; returns
 * how many records there were. With `fields`, only the first `fields` fields of a record are
 * delimited and the rest skipped. Throws an Error naming the record where a quote is never closed.
 */
export function scanCsv(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  onRecord: (record: CsvRecord) => void,
  options: {delimiter?: number; fields?: number} = {}
): Promise<number> {
  return csvScanner(onRecord, options)(chunks);
}

/**
 * A scanner for many inputs, one after another (say, ranges of a file that each start at a
 * record), as {@link scanCsv} scans one: its functions are made once, so that the code compiled for
 * the first input serves every other.
 *
 * A line holding no quote and no lone CR (almost every line) takes the fast path: its end comes from
 * `indexOf` (memchr), and its fields are split with one comparison per byte; any other record
 * takes the general path, a field at a time, where a quoted field's closing quote is looked for
 * byte by byte (a call to `indexOf` costs more than a short cell's bytes) and past its first 64
 * bytes with `indexOf`. A record that opens with a quote goes to the general path without
 * searching for its line end first, so a file whose every cell is quoted is scanned about as fast
 * per byte as a plain one.
 */
export function csvScanner(
  onRecord: (record: CsvRecord) => void,
  {delimiter = 0x2c, fields}: {delimiter?: number; fields?: number} = {}
): (chunks: AsyncIterable<Buffer> | Iterable<Buffer>) => Promise<number> {
  const limit = Math.min(fields ?? MAX_FIELDS, MAX_FIELDS);
  const starts = new Int32Array(MAX_FIELDS);
  const ends = new Int32Array(MAX_FIELDS);
  const escapes = new Uint8Array(MAX_FIELDS);
  const record: CsvRecord = {buffer: Buffer.alloc(0), starts, ends, escaped: escapes, count: 0, extra: false, index: 0};
  let spare = Buffer.alloc(0);
  let records = 0;
  /** Whether a field of the general path was escaped (the fast path's fields never are). */
  let dirty = false;
  return async (chunks) => {
    let carry: Buffer | null = null;
    records = 0;
    for await (const chunk of chunks) {
      let buf: Buffer = chunk;
      if (carry) {
        // The unfinished record, then the new chunk, in one reused buffer.
        const need = carry.length + chunk.length;
        if (spare.length < need) {
          // its own memory, so a view of it is known by its ArrayBuffer
          const bigger = Buffer.allocUnsafeSlow(Math.max(need, 2 * spare.length));
          carry.copy(bigger, 0);
          spare = bigger;
        } else if (carry.buffer === spare.buffer)
          spare.copyWithin(0, carry.byteOffset - spare.byteOffset, carry.byteOffset - spare.byteOffset + carry.length);
        else carry.copy(spare, 0);
        chunk.copy(spare, carry.length);
        buf = spare.subarray(0, need);
      }
      const consumed = scan(buf, false);
      carry = consumed < buf.length ? buf.subarray(consumed) : null;
    }
    if (carry?.length) {
      const consumed = scan(carry, true);
      if (consumed < carry.length) throw new Error(`CSV 格式错误(第 ${records + 1} 行):引号未闭合`);
    }
    return records;
  };

  /** Scans whole records of `buf`; returns how many bytes it consumed (the rest waits for more). */
  function scan(buf: Buffer, last: boolean): number {
    record.buffer = buf;
    return scanBuffer(buf, buf.length, last, indexOr(buf, QUOTE, 0, buf.length), indexOr(buf, CR, 0, buf.length));
  }

  /**
   * {@link scan}'s loop, given where the first quote and CR are. (Its first call runs long, before V8
   * has feedback on it: what runs once a call, reading `buf`'s length or the first search for a CR,
   * is done by the caller, so that the optimized code is not thrown away at the next call.)
   */
  function scanBuffer(buf: Buffer, n: number, last: boolean, nextQuote: number, nextCR: number): number {
    const delim = delimiter;
    const fieldStarts = starts;
    const fieldEnds = ends;
    const most = limit;
    let pos = 0;
    while (pos < n) {
      if (buf[pos] === QUOTE) {
        // A record that opens with a quoted field (every record of a file whose cells are all
        // quoted) takes the general path at once: no search for its line end, quote or CR.
        const next = slowRecord(buf, pos, last);
        if (next < 0) return pos;
        pos = next;
        continue;
      }
      let lf = buf.indexOf(LF, pos);
      if (lf < 0) {
        if (!last) return pos;
        lf = n;
      }
      // The next quote and CR, found again once passed (none left: n, never passed).
      if (nextQuote < pos) nextQuote = indexOr(buf, QUOTE, pos, n);
      if (nextCR < pos) nextCR = indexOr(buf, CR, pos, n);
      if (nextQuote < lf || nextCR < lf - 1) {
        // The general path: quotes, or a CR that ends a record by itself.
        const next = slowRecord(buf, pos, last);
        if (next < 0) return pos;
        pos = next;
        continue;
      }
      // The fast path: a plain line.
      const end = nextCR === lf - 1 ? lf - 1 : lf;
      let i = pos;
      let count = 0;
      let wider = false;
      if (dirty) {
        escapes.fill(0);
        dirty = false;
      }
      for (;;) {
        fieldStarts[count] = i;
        while (i < end && buf[i] !== delim) i++;
        fieldEnds[count] = i;
        count++;
        if (i >= end) break;
        i++;
        if (count === most) {
          if (fields === undefined) throw new Error(`CSV 格式错误(第 ${records + 1} 行):超过 ${MAX_FIELDS} 列`);
          wider = !blank(buf, i, end, delim);
          break;
        }
      }
      record.extra = wider;
      emit(count);
      pos = lf + 1;
    }
    return n;
  }

  /** One record at `pos` by the general path; returns where the next starts, or -1 to wait for more bytes. */
  function slowRecord(buf: Buffer, pos: number, last: boolean): number {
    const n = buf.length;
    let count = 0;
    let kept = 0;
    let wider = false;
    let i = pos;
    for (;;) {
      // One field.
      if (count >= MAX_FIELDS && fields === undefined)
        throw new Error(`CSV 格式错误(第 ${records + 1} 行):超过 ${MAX_FIELDS} 列`);
      let escaped = 0;
      let fieldStart = i;
      let fieldEnd: number;
      if (i < n && buf[i] === QUOTE) {
        fieldStart = i + 1;
        let q = fieldStart;
        for (;;) {
          // The next quote: a byte loop, as cells are short; past LONG bytes, memchr.
          const stop = Math.min(q + LONG, n);
          while (q < stop && buf[q] !== QUOTE) q++;
          if (q === stop && q < n) q = indexOr(buf, QUOTE, q, n);
          if (q >= n || (q + 1 >= n && !last)) {
            if (!last) return -1; // the field goes on in the next chunk
            throw new Error(`CSV 格式错误(第 ${records + 1} 行):引号未闭合`);
          }
          if (q + 1 < n && buf[q + 1] === QUOTE) {
            escaped = 1;
            q += 2;
            continue;
          }
          fieldEnd = q;
          i = q + 1;
          break;
        }
      } else {
        while (i < n) {
          const c = buf[i]!;
          if (c === delimiter || c === LF || c === CR) break;
          i++;
        }
        if (i >= n && !last) return -1;
        fieldEnd = i;
      }
      if (count < limit) {
        starts[count] = fieldStart;
        ends[count] = fieldEnd;
        escapes[count] = escaped;
        dirty ||= escaped === 1;
        kept = count + 1;
      } else if (!wider) wider = !blank(buf, fieldStart, fieldEnd, -1);
      count++;
      // After a field: a delimiter, the end of the record, or the end of the input.
      if (i >= n) {
        if (!last) return -1;
        record.extra = wider;
        emit(kept);
        return n;
      }
      const c = buf[i]!;
      if (c === delimiter) {
        i++;
        if (i >= n && !last) return -1;
        continue;
      }
      if (c === CR || c === LF) {
        if (c === CR) {
          if (i + 1 >= n && !last) return -1;
          i += buf[i + 1] === LF ? 2 : 1;
        } else {
          i++;
        }
        record.extra = wider;
        emit(kept);
        return i;
      }
      // Text after a closing quote: csv-parse would fail on it too.
      throw new Error(`CSV 格式错误(第 ${records + 1} 行):引号后有多余字符`);
    }
  }

  function emit(count: number): void {
    records++;
    if (count === 1 && ends[0] === starts[0]) return; // a blank line
    record.count = count;
    record.index = records;
    onRecord(record);
  }
}

/** Whether bytes `start`…`end` of `buf` hold only spaces, tabs and `delimiter`s. */
function blank(buf: Buffer, start: number, end: number, delimiter: number): boolean {
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c !== 0x20 && c !== 0x09 && c !== delimiter) return false;
  }
  return true;
}

/** Where `byte` next occurs in `buf` from `from`, or `n` (past the end) when it does not. */
function indexOr(buf: Buffer, byte: number, from: number, n: number): number {
  const at = buf.indexOf(byte, from);
  return at < 0 ? n : at;
}

/** Field `i` of a record as text (UTF-8, doubled quotes undone). */
export function fieldText(record: CsvRecord, i: number): string {
  const text = record.buffer.toString("utf8", record.starts[i]!, record.ends[i]!);
  return record.escaped[i] ? text.replaceAll('""', '"') : text;
}
