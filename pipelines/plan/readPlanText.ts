import {PlanwatchError, decodeText} from "../core/index.js";

/**
 * A plan's text from its bytes, the one way every reader of the plan decodes a text file
 * ({@link readPlanDocument} reads the file): UTF-8 (a BOM kept, so that offsets are those of the file
 * read as UTF-8), UTF-16 with a BOM, or GBK/GB18030 as a Chinese Windows saves it — detected as
 * submissions are ({@link decodeText}); `file` names it in messages. Throws `PlanwatchError`
 * `invalid_plan` (in Chinese, naming the file) when it is not text or holds nothing.
 */
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
