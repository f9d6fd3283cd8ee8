import {existsSync} from "node:fs";
import {join, relative} from "node:path";
import {build} from "esbuild";

/**
 * The source files each entry module imports, transitively, itself included: keyed by entry, each a
 * sorted list of paths relative to `root` (packages from node_modules are left out: the lockfile
 * stands for them). Read from esbuild's metafile, so every form of import esbuild follows counts
 * (`.js` specifiers of `.ts` files, re-exports, dynamic imports of literal paths). An entry that
 * does not exist maps to `[]`.
 */
export async function moduleGraph(root: string, entries: readonly string[]): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>(entries.map((e) => [e, []]));
  const present = [...new Set(entries)].filter((e) => existsSync(join(root, e)));
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
    graph.set(entry, Object.keys(inputs).map((f) => relative(root, join(root, f))).sort());
  }
  return graph;
}
