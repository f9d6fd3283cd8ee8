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
  /** The record's number in the file, counting from 1 (the header is 1), as a spreadsheet shows rows. */
  index: number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const MAX_FIELDS = 256;

/**
 * Scans CSV bytes from `chunks` and calls `onRecord` for each record, blank lines skipped. Throws
 * an Error naming the record where a quote is never closed.
 */
export async function scanCsv(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, onRecord: (record: CsvRecord) => void, {delimiter = 0x2c}: {delimiter?: number} = {}): Promise<number> {
  const record: CsvRecord = {buffer: Buffer.alloc(0), starts: new Int32Array(MAX_FIELDS), ends: new Int32Array(MAX_FIELDS), escaped: new Uint8Array(MAX_FIELDS), count: 0, index: 0};
  let carry: Buffer | null = null;
  let records = 0;
  for await (const chunk of chunks) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const consumed = scanBuffer(buf, false);
    carry = consumed < buf.length ? buf.subarray(consumed) : null;
  }
  if (carry?.length) {
    const consumed = scanBuffer(carry, true);
    if (consumed < carry.length) throw new Error(`CSV 格式错误(第 ${records + 1} 行):引号未闭合`);
  }
  return records;

  /** Scans whole records of `buf`; returns how many bytes it consumed (the rest waits for more). */
  function scanBuffer(buf: Buffer, last: boolean): number {
    const n = buf.length;
    let pos = 0;
    record.buffer = buf;
    outer: while (pos < n) {
      const recordStart = pos;
      let count = 0;
      let i = pos;
      for (;;) {
        // One field.
        if (count >= MAX_FIELDS) throw new Error(`CSV 格式错误(第 ${records + 1} 行):超过 ${MAX_FIELDS} 列`);
        let escaped = 0;
        let fieldStart = i;
        let fieldEnd: number;
        if (i < n && buf[i] === QUOTE) {
          fieldStart = i + 1;
          let j = fieldStart;
          for (;;) {
            const q = buf.indexOf(QUOTE, j);
            if (q < 0 || (q + 1 >= n && !last)) {
              if (!last) return recordStart; // the field goes on in the next chunk
              throw new Error(`CSV 格式错误(第 ${records + 1} 行):引号未闭合`);
            }
            if (q + 1 < n && buf[q + 1] === QUOTE) {
              escaped = 1;
              j = q + 2;
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
          if (i >= n && !last) return recordStart;
          fieldEnd = i;
        }
        record.starts[count] = fieldStart;
        record.ends[count] = fieldEnd;
        record.escaped[count] = escaped;
        count++;
        // After a field: a delimiter, the end of the record, or the end of the input.
        if (i >= n) {
          if (!last) return recordStart;
          emit(count);
          return n;
        }
        const c = buf[i]!;
        if (c === delimiter) {
          i++;
          if (i >= n && !last) return recordStart;
          continue;
        }
        if (c === CR || c === LF) {
          if (c === CR) {
            if (i + 1 >= n && !last) return recordStart;
            i += buf[i + 1] === LF ? 2 : 1;
          } else {
            i++;
          }
          emit(count);
          pos = i;
          continue outer;
        }
        // Text after a closing quote: keep it in the field, as csv-parse with relax_quotes would not;
        // report it as malformed instead.
        throw new Error(`CSV 格式错误(第 ${records + 1} 行):引号后有多余字符`);
      }
    }
    return n;
  }

  function emit(count: number): void {
    records++;
    if (count === 1 && record.ends[0] === record.starts[0]) return; // a blank line
    record.count = count;
    record.index = records;
    onRecord(record);
  }
}

/** Field `i` of a record as text (UTF-8, doubled quotes undone). */
export function fieldText(record: CsvRecord, i: number): string {
  const text = record.buffer.toString("utf8", record.starts[i]!, record.ends[i]!);
  return record.escaped[i] ? text.replaceAll('""', '"') : text;
}
