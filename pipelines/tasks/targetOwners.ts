import type {Responsibility, Task} from "./responsibilities.js";

/** Who answers for a numeric target: its lead office, and where that comes from. */
export interface TargetOwner {
  target_id: string;
  /** The lead office's code, null when neither a row nor the containing task names one. */
  owner: string | null;
  /** `responsibilities`: a row of responsibilities.csv names the target; `task`: the task that contains it. */
  owner_source: "responsibilities" | "task" | null;
  /** The task whose clause contains the target, null when none does. */
  task_id: string | null;
}

/**
 * The lead office of each target (in the order of `targetIds`): the row of `responsibilities.csv`
 * with the target's id when there is one, else the owner of the task that contains it (a task's
 * `target_ids`; the first such task when the text puts it in several).
 */
export function targetOwners(
  targetIds: readonly string[],
  tasks: readonly Pick<Task, "task_id" | "target_ids" | "owner">[],
  rows: readonly Pick<Responsibility, "id" | "lead">[]
): TargetOwner[] {
  const byId = new Map(rows.map((r) => [r.id, r.lead]));
  const taskOf = new Map<string, Pick<Task, "task_id" | "owner">>();
  for (const t of tasks) for (const id of t.target_ids) if (!taskOf.has(id)) taskOf.set(id, t);
  return targetIds.map((target_id) => {
    const task = taskOf.get(target_id) ?? null;
    const own = byId.get(target_id);
    const owner = own ?? task?.owner ?? null;
    return {
      target_id,
      owner,
      owner_source: own ? "responsibilities" : owner ? "task" : null,
      task_id: task?.task_id ?? null
    };
  });
}
