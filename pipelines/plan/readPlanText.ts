import {PlanwatchError, decodeText, readInputFile} from "../core/index.js";

/**
 * A plan file's text, the one way every reader of the plan reads it: UTF-8 (a BOM kept, so that
 * offsets are those of the file read as UTF-8), UTF-16 with a BOM, or GBK/GB18030 as a Chinese
 * Windows saves it — detected as submissions are ({@link decodeText}), read by the project's checked
 * reader ({@link readInputFile}). Throws `PlanwatchError` `invalid_plan` (in Chinese, naming the file)
 * when it cannot be read, is not a regular file, is too large, is not text or holds nothing;
 * a missing file stays the file system's ENOENT (the CLI says not_found).
 */
export async function readPlanText(plan: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = readInputFile(plan);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw error;
    throw new PlanwatchError("invalid_plan", `计划文本:${(error as Error).message}`, {cause: error});
  }
  return decodePlanText(bytes, {file: plan});
}

/** The text of a plan file's bytes, as {@link readPlanText} decodes it; `file` names it in messages. */
export function decodePlanText(bytes: Uint8Array, {file: plan}: {file: string}): string {
  let decoded: ReturnType<typeof decodeText>;
  try {
    decoded = decodeText(bytes);
  } catch (error) {
    if (!(error instanceof PlanwatchError)) throw error;
    throw new PlanwatchError(
      "invalid_plan",
      `${plan}: 计划文本不是可读的文本(${error.message}),请另存为 UTF-8 或 GBK 文本`
    );
  }
  const text = decoded.encoding === "utf-8-bom" ? `\uFEFF${decoded.text}` : decoded.text;
  if (!text.replace(/^\uFEFF/, "").trim()) throw new PlanwatchError("invalid_plan", `${plan}: 计划文本为空`);
  return text;
}
