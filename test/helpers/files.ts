import {createHash} from "node:crypto";
import {readFile, readdir} from "node:fs/promises";
import {join, relative} from "node:path";

/** Every file below `dir`, as paths relative to it, sorted. */
export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true});
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** A map from each file below `dir` to the sha256 of its bytes. */
export async function hashTree(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await listTree(dir)) {
    hashes.set(
      file,
      createHash("sha256")
        .update(await readFile(join(dir, file)))
        .digest("hex")
    );
  }
  return hashes;
}
