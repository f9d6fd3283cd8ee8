/**
 * The one error class of planwatch. `code` is stable (tests and scripts match on it);
 * `message` says what went wrong in one line, naming the file, row and column where there is one.
 */
export class PlanwatchError extends Error {
  readonly code: string;
  /** Where in a file it went wrong, when known: the row as a spreadsheet shows it. */
  readonly row: number | undefined;
  constructor(code: string, message: string, options?: {cause?: unknown; row?: number}) {
    super(message, options);
    this.name = "PlanwatchError";
    this.code = code;
    this.row = options?.row;
  }
}
