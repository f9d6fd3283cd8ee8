import {createInflateRaw} from "node:zlib";
import {PlanwatchError} from "./error.js";
import {DEFAULT_MAX_UNPACKED_BYTES, sizeText} from "./readLimits.js";

/** One member of a zip archive, as its central directory states it. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** Where its local header starts. */
  offset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

/**
 * Checks a zip archive (an xlsx) before anything inflates it, so that a zip bomb costs neither
 * memory nor minutes: its central directory must be whole, the sizes it states must add up to at
 * most `maxUnpackedBytes` (default 256 MiB: else `file_too_large`), no member over 1 MiB may unpack
 * to more than `maxRatio` (default 100) times its packed size (`zip_bomb`), and each member is then
 * inflated as a stream that is counted and thrown away, stopping at once when it gives more than its
 * stated size (`zip_bomb`: the directory lied). A member that is encrypted, packed by another method
 * than stored or deflate, or outside the file is `bad_sheet`. Returns the members.
 */
export async function checkZip(
  bytes: Uint8Array,
  {maxUnpackedBytes = DEFAULT_MAX_UNPACKED_BYTES, maxRatio = 100}: {maxUnpackedBytes?: number; maxRatio?: number} = {}
): Promise<ZipEntry[]> {
  const entries = centralDirectory(bytes);
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > maxUnpackedBytes) {
    throw new PlanwatchError(
      "file_too_large",
      `Excel 文件解压后为 ${sizeText(total)},超过上限 ${sizeText(maxUnpackedBytes)},请拆分文件或另存为 CSV`
    );
  }
  for (const e of entries) {
    if (e.size > 1 << 20 && e.size > maxRatio * Math.max(e.compressedSize, 1)) {
      throw new PlanwatchError(
        "zip_bomb",
        `Excel 文件中的“${e.name}”压缩比异常(${sizeText(e.compressedSize)} 解压为 ${sizeText(e.size)}),疑似压缩炸弹,已拒绝读取`
      );
    }
  }
  for (const e of entries) await checkMember(bytes, e);
  return entries;
}

/** The members a zip's central directory lists; `bad_sheet` when it is missing or cut short. */
function centralDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = (why: string) =>
    new PlanwatchError("bad_sheet", `Excel 文件不完整或已损坏(${why}),请重新保存后再报送`);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw broken("找不到压缩包目录,文件可能被截断");
  let count = view.getUint16(eocd + 10, true);
  let dirSize = view.getUint32(eocd + 12, true);
  let dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirSize === MAX32 || dirOffset === MAX32) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) throw broken("ZIP64 目录缺失");
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record + 56 > bytes.length || view.getUint32(record, true) !== ZIP64_EOCD) throw broken("ZIP64 目录缺失");
    count = Number(view.getBigUint64(record + 32, true));
    dirSize = Number(view.getBigUint64(record + 40, true));
    dirOffset = Number(view.getBigUint64(record + 48, true));
  }
  if (dirOffset + dirSize > bytes.length) throw broken("压缩包目录超出文件末尾,文件可能被截断");
  const entries: ZipEntry[] = [];
  for (let at = dirOffset, i = 0; i < count; i++) {
    if (at + 46 > dirOffset + dirSize || view.getUint32(at, true) !== CENTRAL) throw broken("压缩包目录损坏");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength).toString("utf8"),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true)
    };
    // ZIP64: the sizes and offset that do not fit 32 bits are in the extra field 0x0001, in this order.
    for (let x = at + 46 + nameLength, end = x + extraLength; x + 4 <= end;) {
      const id = view.getUint16(x, true);
      const length = view.getUint16(x + 2, true);
      if (id === 1) {
        let field = x + 4;
        const next = () => (field + 8 <= x + 4 + length ? Number(view.getBigUint64((field += 8) - 8, true)) : MAX32);
        if (entry.size === MAX32) entry.size = next();
        if (entry.compressedSize === MAX32) entry.compressedSize = next();
        if (entry.offset === MAX32) entry.offset = next();
      }
      x += 4 + length;
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A member's packed bytes (a view into `bytes`), after its local header; `bad_sheet` when they are not all there. */
export function packedBytes(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = (why: string) => new PlanwatchError("bad_sheet", `Excel 文件中的“${e.name}”${why},请重新保存后再报送`);
  if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== LOCAL) throw broken("不完整或已损坏");
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  if (start + e.compressedSize > bytes.length) throw broken("不完整(文件可能被截断)");
  return bytes.subarray(start, start + e.compressedSize);
}

/** Inflates one member as a stream, counting and dropping its bytes; throws where it is not what the directory says. */
async function checkMember(bytes: Uint8Array, e: ZipEntry): Promise<void> {
  const broken = (why: string) => new PlanwatchError("bad_sheet", `Excel 文件中的“${e.name}”${why},请重新保存后再报送`);
  if (e.flags & 1) throw broken("已加密");
  const packed = packedBytes(bytes, e);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw broken("大小与目录不符");
    return;
  }
  if (e.method !== 8) throw broken(`使用了不支持的压缩方式(${e.method})`);
  const lied = new PlanwatchError(
    "zip_bomb",
    `Excel 文件中的“${e.name}”解压后超过其声明的 ${sizeText(e.size)},疑似压缩炸弹,已拒绝读取`
  );
  let seen = 0;
  await new Promise<void>((resolve, reject) => {
    const inflate = createInflateRaw();
    inflate.on("data", (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > e.size) {
        inflate.destroy();
        reject(lied);
      }
    });
    inflate.on("error", () => reject(broken("已损坏,无法解压")));
    inflate.on("end", () => (seen === e.size ? resolve() : reject(broken("大小与目录不符"))));
    inflate.end(packed);
  });
}
