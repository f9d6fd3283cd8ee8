/** What a stage may say while it works; tests pass {@link quietLogger}. */
export interface Logger {
  log(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** A logger that keeps everything it is told, for tests to read. */
export function quietLogger(): Logger & {lines: string[]} {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  return {lines, log: keep, warn: keep, error: keep};
}

/** Logs to the console's standard error, so standard output stays free for data. */
export const consoleLogger: Logger = {
  log: (...args) => console.error(...args),
  warn: (...args) => console.error(...args),
  error: (...args) => console.error(...args)
};
