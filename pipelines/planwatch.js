#!/usr/bin/env node
// The `planwatch` command: loads the TypeScript sources through tsx, then runs the CLI.
import {register} from "tsx/esm/api";

register();
const {cli} = await import("./cli.ts");
await cli();
