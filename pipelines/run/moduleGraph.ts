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
  const texts = new Map(result.outputFiles.map((f) => [relative(root, f.path), f.text]));
  for (const [output, {entryPoint, inputs}] of Object.entries(result.metafile.outputs)) {
    if (!entryPoint || !output.endsWith(".js")) continue;
    const entry = relative(root, join(root, entryPoint));
    const stubs = emptyStubs(texts.get(relative(root, join(root, output))) ?? "");
    graph.set(
      entry,
      Object.keys(inputs)
        .filter((f) => !stubs.has(f))
        .map((f) => relative(root, join(root, f)))
        .sort()
    );
  }
  return graph;
}

/** A module's part of a bundle that only initializes others: `var init_x = __esm({"x.ts"() {init_y();}})`. */
const EMPTY_STUB = /^var init_\w+ = __esm\(\{\s*"[^"]+"\(\) \{\s*"use strict";\s*(?:init_\w+\(\);\s*)*\}\s*\}\);\s*$/;

/**
 * The modules that a bundle keeps only as empty init stubs. Where a module in the graph is loaded by
 * `import()`, esbuild wraps the modules around it in lazy initializers; a module of a folder's index.ts
 * that the entry does not use is then tree-shaken to such a stub, and gives the entry no code.
 */
function emptyStubs(text: string): Set<string> {
  const stubs = new Set<string>();
  const parts = text.split(/^\/\/ (\S+\.(?:ts|js))\n/m);
  for (let i = 1; i + 1 < parts.length; i += 2) if (EMPTY_STUB.test(parts[i + 1]!.trim())) stubs.add(parts[i]!);
  return stubs;
}
