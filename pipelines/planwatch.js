#!/usr/bin/env node
// The `planwatch` command. It runs the CLI compiled to JavaScript (pipelines/.compiled/, made by
// `npm ci` through package.json's `prepare`), compiled again first when a source file changed since,
// so an edited .ts never runs stale; where it cannot be compiled, the sources run through tsx.
import {compiledCli} from "./compileCli.js";

const entry = await compiledCli();
let cli;
if (entry) ({cli} = await import(entry));
else {
  const {register} = await import("tsx/esm/api");
  register();
  ({cli} = await import("./cli.ts"));
}
await cli();
