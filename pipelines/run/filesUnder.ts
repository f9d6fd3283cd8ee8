import {readdir, stat} from "node:fs/promises";
import {join} from "node:path";

/**
 * The files under `dir`, following symbolic links (a project's Framework root links the toolkit's folders), leaving
 * out Framework's `.observablehq/`.
 */
export async function filesUnder(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    if (entry.name === ".observablehq") continue;
    const path = join(dir, entry.name);
    const folder =
      entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isDirectory());
    if (folder) files.push(...(await filesUnder(path)));
    else if (entry.isFile() || entry.isSymbolicLink()) files.push(path);
  }
  return files;
}
