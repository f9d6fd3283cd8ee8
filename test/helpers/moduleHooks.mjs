// Module hooks that append the URL of every module a process resolves to a file (the `data` given
// to `register`): which packages a command loaded. See loadedModules() in test/compileCli.test.ts.
import {appendFileSync} from "node:fs";

let log;
export function initialize(file) {
  log = file;
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(log, resolved.url + "\n");
  return resolved;
}
