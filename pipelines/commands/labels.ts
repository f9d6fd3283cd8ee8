import {STATUS_LABELS} from "../gaps/index.js";
import {TASK_STATUS_LABELS} from "../site-data/index.js";

// What the table form of a command shows for a code (JSON and CSV keep the codes). The change
// labels are the site's (src/components/summary.ts, which the pipelines cannot import:
// test/commands/labels.test.ts holds them equal).

/** A gaps status as leadership reads it on the site: the one label list of pipelines/gaps/status.ts. */
export const GAP_STATUS_LABELS: Record<string, string> = STATUS_LABELS;

/** A change kind of `planwatch diff` as the site's 本期变化 names it. */
export const CHANGE_LABELS: Record<string, string> = {
  achieved: "新完成",
  behind: "新增有风险或滞后",
  reported: "新报送",
  revised: "数据更正"
};

/** A task status (`on_schedule` → 按计划推进). */
export const TASK_LABELS: Record<string, string> = TASK_STATUS_LABELS;

/** `code`'s label in `labels`, else the code itself (null stays null). */
export function label(labels: Record<string, string>, code: string | null | undefined): string | null {
  return code == null ? null : (labels[code] ?? code);
}

/** A name lookup for codes: `names` maps each code to its name; `city` is the whole (`whole`, default 全市); unknown codes stay. */
export function namer(
  things: readonly {code: string; name: string}[],
  {whole = "全市"}: {whole?: string} = {}
): (code: string | null) => string | null {
  const names = new Map<string, string>([["city", whole], ...things.map((t) => [t.code, t.name] as const)]);
  return (code) => (code === null ? null : (names.get(code) ?? code));
}
