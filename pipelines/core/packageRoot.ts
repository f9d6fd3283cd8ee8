import {existsSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

let root: string | undefined;

/**
 * The folder of planwatch's own package.json: the nearest one above this module. Code that reads a
 * file of the package by path starts here rather than from its own `import.meta.url`, because the
 * same module runs from `pipelines/` (tsx, tests) and from the compiled CLI (another folder).
 */
export function packageRoot(): string {
  if (root !== undefined) return root;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return (root = dir);
    if (dirname(dir) === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
  }
}
