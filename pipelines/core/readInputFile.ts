import {type Stats, closeSync, constants, fstatSync, openSync, readSync} from "node:fs";
import {PlanwatchError} from "./error.js";
import {ioError} from "./ioError.js";
import {sizeText} from "./readLimits.js";

/**
 * The largest project input planwatch reads (the plan text, the project file, the units, offices,
 * curation, allocations, responsibilities and headers tables): 16 MiB, far above any real one.
 */
export const MAX_INPUT_BYTES = 16 << 20;

/**
 * Reads one of the project's own inputs (plan, project file, seed tables), the one way they are all
 * read: it must be a regular file (a symbolic link to one is followed) of at most `maxBytes` (default
 * {@link MAX_INPUT_BYTES}). A FIFO, a device (`/dev/zero`), a socket or a folder is refused without
 * reading a byte (`not_a_file`), a larger file before it is read (`file_too_large`), each in
 * Chinese, naming the file; no more than the size it had when opened is read. A missing
 * file stays the file system's ENOENT (callers and the CLI say "not found"); any other system error
 * is `io_error`.
 */
export function readInputFile(file: string, {maxBytes = MAX_INPUT_BYTES}: {maxBytes?: number} = {}): Buffer {
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO nobody writes to returns at once (it is refused below).
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw error;
    throw ioError(error, `无法读取 ${file}`);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new PlanwatchError("not_a_file", `${file}: 不是普通文件(${kindOf(info)}),未读取`);
    if (info.size > maxBytes) throw tooLarge(file, maxBytes);
    // At most the size it has now: a file that grows while it is read cannot make this read more.
    const buffer = Buffer.alloc(info.size);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    throw error instanceof PlanwatchError ? error : ioError(error, `无法读取 ${file}`);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(file: string, maxBytes: number): PlanwatchError {
  return new PlanwatchError("file_too_large", `${file}: 文件超过 ${sizeText(maxBytes)} 的上限,不像项目输入文件,未读取`);
}

function kindOf(info: Stats): string {
  return info.isDirectory()
    ? "是文件夹"
    : info.isFIFO()
      ? "是命名管道(FIFO)"
      : info.isSocket()
        ? "是套接字"
        : info.isCharacterDevice() || info.isBlockDevice()
          ? "是设备文件"
          : "不是普通文件";
}
