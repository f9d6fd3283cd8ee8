import {createHash} from "node:crypto";
import {createReadStream, existsSync} from "node:fs";

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

/** One hash for a set of named inputs, independent of their order. */
export function combine(inputs: Record<string, string>): string {
  return hashText(
    Object.keys(inputs)
      .sort()
      .map((k) => `${k}\0${inputs[k]}`)
      .join("\n")
  );
}
