import {PlanwatchError} from "./error.js";

/** What the system's error codes mean, in the words the people who run planwatch read. */
const REASONS: Record<string, string> = {
  ENOSPC: "磁盘空间已满",
  EDQUOT: "超出磁盘配额",
  EACCES: "没有权限",
  EPERM: "操作不被允许",
  EROFS: "文件系统为只读",
  ENAMETOOLONG: "文件名过长",
  ENOENT: "文件或文件夹不存在",
  ENOTDIR: "路径中有一段不是文件夹",
  EISDIR: "是文件夹而不是文件",
  ELOOP: "符号链接层数过多",
  EMFILE: "打开的文件过多",
  ENFILE: "打开的文件过多",
  EIO: "磁盘读写错误",
  EBUSY: "文件正被占用",
  EEXIST: "文件已存在",
  EXDEV: "不能跨磁盘移动",
  ETXTBSY: "文件正被占用"
};

/** The system error code of `error` (`ENOSPC`…), or null when it is not a system error. */
export function systemCode(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code) ? code : null;
}

/** A one-line Chinese reason for a system error: `磁盘空间已满(ENOSPC)`. */
export function ioReason(error: unknown): string {
  const code = systemCode(error);
  if (!code) return (error as Error)?.message ?? String(error);
  return `${REASONS[code] ?? "系统错误"}(${code})`;
}

/**
 * A system error as `PlanwatchError` `io_error`, saying what was being done (`context`, Chinese)
 * and why; a `PlanwatchError` is returned as it is.
 */
export function ioError(error: unknown, context: string): PlanwatchError {
  if (error instanceof PlanwatchError) return error;
  const path = (error as NodeJS.ErrnoException | null)?.path;
  return new PlanwatchError(
    "io_error",
    `${context}${path && !context.includes(path) ? `(${path})` : ""}:${ioReason(error)}`,
    {cause: error}
  );
}
