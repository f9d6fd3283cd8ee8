import {createHash} from "node:crypto";
import {createReadStream, existsSync} from "node:fs";
import {readdir, stat} from "node:fs/promises";
import {join, relative} from "node:path";

/** The sha256 of a file's bytes, read as a stream (any size), or `missing`. */
export async function hashFile(path: string): Promise<string> {
  if (!existsSync(path)) return "missing";
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** The sha256 of a text. */
export function hashText(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * The hashes of the TypeScript and JavaScript files at `paths` (files or folders, relative to
 * `projectDir`), keyed by their path relative to it.
 */
export async function hashCode(projectDir: string, paths: readonly string[]): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const p of paths) {
    const full = join(projectDir, p);
    if (!existsSync(full)) continue;
    const files = (await stat(full)).isDirectory()
      ? (await readdir(full, {recursive: true, withFileTypes: true})).filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name)).map((e) => join(e.parentPath, e.name))
      : [full];
    for (const f of files.sort()) hashes[relative(projectDir, f)] = await hashFile(f);
  }
  return hashes;
}

/** One hash for a set of named inputs, independent of their order. */
export function combine(inputs: Record<string, string>): string {
  return hashText(Object.keys(inputs).sort().map((k) => `${k}\0${inputs[k]}`).join("\n"));
}
