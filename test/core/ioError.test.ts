import {describe, expect, it} from "vitest";
import {PlanwatchError} from "../../pipelines/core/error.js";
import {ioError} from "../../pipelines/core/ioError.js";

const systemError = (code: string, path: string) =>
  Object.assign(new Error(`${code}: raw text, write '${path}'`), {code, path});

describe("ioError", () => {
  it.each([
    ["ENOSPC", "磁盘空间已满(ENOSPC)"],
    ["EACCES", "没有权限(EACCES)"],
    ["ENAMETOOLONG", "文件名过长(ENAMETOOLONG)"],
    ["EROFS", "文件系统为只读(EROFS)"]
  ])("says %s as a coded Chinese line naming the path", (code, reason) => {
    const error = ioError(systemError(code, "/data/archive/x"), "无法保存文件");
    expect(error).toBeInstanceOf(PlanwatchError);
    expect(error.code).toBe("io_error");
    expect(error.message).toBe(`无法保存文件(/data/archive/x):${reason}`);
  });

  it("leaves a PlanwatchError as it is", () => {
    const locked = new PlanwatchError("locked", "另一个 planwatch 进程正在使用");
    expect(ioError(locked, "无法创建锁文件")).toBe(locked);
  });
});
