import {existsSync, readdirSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {build} from "esbuild";

/**
 * The source files each entry module imports, transitively, itself included: keyed by entry, each a
 * sorted list of paths relative to `root` (packages from node_modules are left out: the lockfile
 * stands for them). Read from esbuild's metafile, so every form of import esbuild follows counts
 * (`.js` specifiers of `.ts` files, re-exports, dynamic imports of literal paths). An entry that
 * does not exist maps to `[]`; a folder stands for every module in it.
 */
export async function moduleGraph(root: string, entries: readonly string[]): Promise<Map<string, string[]>> {
  const modules = new Map(entries.map((e) => [e, moduleFiles(root, e)]));
  const graph = await _moduleGraph(root, [...new Set([...modules.values()].flat())]);
  return new Map(entries.map((e) => [e, [...new Set(modules.get(e)!.flatMap((m) => graph.get(m) ?? []))].sort()]));
}

/** The modules an entry stands for: itself, or the `.ts`/`.js` files of a folder; none when it does not exist. */
function moduleFiles(root: string, entry: string): string[] {
  const full = join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, {recursive: true, withFileTypes: true})
    .filter((e) => e.isFile() && /\.(ts|js)$/.test(e.name) && !e.name.endsWith(".d.ts"))
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}

async function _moduleGraph(root: string, entries: readonly string[]): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>(entries.map((e) => [e, []]));
  const present = [...new Set(entries)];
  if (!present.length) return graph;
  const result = await build({
    entryPoints: Object.fromEntries(present.map((e, i) => [`e${i}`, join(root, e)])),
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outdir: join(root, ".planwatch", "module-graph"),
    logLevel: "silent"
  });
  for (const [output, {entryPoint, inputs}] of Object.entries(result.metafile.outputs)) {
    if (!entryPoint || !output.endsWith(".js")) continue;
    const entry = relative(root, join(root, entryPoint));
    graph.set(
      entry,
      Object.keys(inputs)
        .map((f) => relative(root, join(root, f)))
        .sort()
    );
  }
  return graph;
}
