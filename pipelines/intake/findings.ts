/** How bad a finding is: an error rejects the file; a warning is kept with the data; info says what was done. */
export type Severity = "error" | "warning" | "info";

/** One finding of validation (DESIGN.md, quality table). `row` 0 and `column` "" mean the whole file. */
export interface Finding {
  file: string;
  row: number;
  column: string;
  code: FindingCode;
  severity: Severity;
  /** In Chinese, for the people who send the file. */
  message: string;
}

/** Every stable finding code, with its severity. */
export const FINDING_CODES = {
  encoding: "info",
  from_file_name: "info",
  text_neutralized: "info",
  empty_file: "error",
  no_header: "error",
  binary_file: "error",
  file_too_large: "error",
  zip_bomb: "error",
  bad_csv: "error",
  bad_sheet: "error",
  missing_column: "error",
  duplicate_column: "error",
  no_rows: "error",
  unknown_column: "warning",
  ragged_row: "error",
  unknown_unit: "error",
  unknown_target: "error",
  target_mismatch: "error",
  bad_period: "error",
  future_period: "error",
  period_outside_plan: "error",
  non_numeric: "error",
  negative_count: "error",
  rate_over_100: "error",
  numerator_over_denominator: "error",
  ratio_without_parts: "error",
  duplicate_key: "error",
  cumulative_decrease: "warning",
  bad_basis: "error",
  /** Not a regular file (folder, FIFO, socket, device, symbolic link): refused unopened. */
  not_a_file: "error",
  /** The system could not read or store the file (no permission, disk full, name too long…). */
  io_error: "error",
  /** The file changed while it was read (still being written): left for the next pass. */
  file_changed: "error",
  /** A file's findings beyond what a page lists: the count, and where all of them are. */
  more_findings: "warning",
  // the unit tree (pipelines/gaps/hierarchyFindings.ts)
  /** A parent reported a target that units below it also report: the children's figures count, not its own. */
  parent_double_report: "warning",
  /** The allocations of a unit's children add up to more than its own allocation (or the city's target). */
  allocation_over_parent: "warning",
  // progress reports (pipelines/intake/validateProgress.ts)
  unknown_task: "error",
  bad_status: "error",
  status_reverted: "warning",
  not_owner: "warning",
  /** An outsider's report and the owner's of the same task and month disagree: the owner's decides. */
  owner_contradicted: "warning"
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_CODES;

/** Makes a finding with the code's severity. */
export function finding(code: FindingCode, file: string, row: number, column: string, message: string): Finding {
  return {file, row, column, code, severity: FINDING_CODES[code], message};
}

/** `file:row:column CODE message` (row and column `-` for the whole file), as `planwatch validate` prints it. */
export function formatFinding(f: Finding): string {
  return `${f.file}:${f.row || "-"}:${f.column || "-"} ${f.code} ${f.message}`;
}

/** True when any finding rejects the file. */
export function rejects(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}
