import {createRequire} from "node:module";
import {pathToFileURL} from "node:url";

/**
 * The file URL of tsx's loader in the toolkit's node_modules, for `node --import` in a child process:
 * TypeScript data loaders and a TypeScript Framework configuration run from a project folder that has
 * no node_modules of its own (one made by `planwatch init`), where `--import tsx` would not resolve.
 */
export function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
}
