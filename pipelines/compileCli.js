// The compiled `planwatch` command: pipelines/cli.ts and everything it imports from pipelines/,
// bundled by esbuild into plain JavaScript in pipelines/.compiled/ (gitignored). npm's `prepare`
// runs this file on `npm ci`/`npm install`; pipelines/planwatch.js asks `compiledCli()` at each start
// whether the output still matches the sources, and compiles again when one changed. Plain
// JavaScript, so that it runs without a TypeScript loader.
import {createHash} from "node:crypto";
import {existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {dirname, join, relative, resolve} from "node:path";
import {fileURLToPath} from "node:url";

/** The package's folder (this file lives in its pipelines/). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Where the compiled command goes. */
export const COMPILED_DIR = join(PACKAGE_ROOT, "pipelines", ".compiled");
const ENTRY = join(COMPILED_DIR, "cli.js");
const MANIFEST = join(COMPILED_DIR, "inputs.json");

/** sha256 of a file's bytes. */
const hashOf = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");

/**
 * The packages compiled into planwatch's chunks rather than loaded from node_modules: Arquero and what
 * it imports are a hundred small ES modules, and a command that computes gaps would otherwise open,
 * read and compile each of them at every start.
 */
const BUNDLED = /^(arquero|acorn|@uwdata\/flechette)(\/|$)/;

/** An esbuild plugin: every package import stays external (loaded from node_modules) but those `bundled` matches. */
function packagesExcept(bundled) {
  return {
    name: "packages-except",
    setup(build) {
      build.onResolve({filter: /^[^./]/}, (args) =>
        bundled.test(args.path) || args.path.startsWith("node:") ? undefined : {path: args.path, external: true}
      );
    }
  };
}

/**
 * Compiles pipelines/cli.ts into `COMPILED_DIR`: ES modules split by dynamic import (each command's
 * modules in their own chunks, loaded when it runs), packages left to node_modules. Chunks are named
 * by their content and never rewritten, the entry and the list of inputs are renamed into place last:
 * a process already running keeps finding the chunks it was compiled with. Returns the entry's path.
 */
export async function compileCli({clean = false} = {}) {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    absWorkingDir: PACKAGE_ROOT,
    entryPoints: ["pipelines/cli.ts"],
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    plugins: [packagesExcept(BUNDLED)],
    outdir: COMPILED_DIR,
    entryNames: "[name]",
    chunkNames: "chunks/[name]-[hash]",
    metafile: true,
    write: false,
    logLevel: "silent"
  });
  if (clean) rmSync(COMPILED_DIR, {recursive: true, force: true});
  mkdirSync(join(COMPILED_DIR, "chunks"), {recursive: true});
  const tmp = (path) => `${path}.${process.pid}.tmp`;
  const written = new Set();
  for (const file of result.outputFiles) {
    written.add(file.path);
    if (file.path === ENTRY || !existsSync(file.path)) {
      writeFileSync(tmp(file.path), file.contents);
      if (file.path !== ENTRY) renameSync(tmp(file.path), file.path);
    }
  }
  const inputs = {};
  // The compiler is an input too, and package.json (its sideEffects decide what esbuild leaves out):
  // a change of how planwatch is compiled recompiles it.
  for (const input of [
    ...Object.keys(result.metafile.inputs),
    relative(PACKAGE_ROOT, fileURLToPath(import.meta.url)),
    "package.json"
  ]) {
    const path = resolve(PACKAGE_ROOT, input);
    const {size, mtimeMs} = statSync(path);
    inputs[relative(PACKAGE_ROOT, path)] = {size, mtimeMs, hash: hashOf(path)};
  }
  // Which packages each output holds compiled in (BUNDLED): what a command loads that way is not a node_modules file.
  const bundled = {};
  for (const [output, {inputs: parts}] of Object.entries(result.metafile.outputs)) {
    const packages = [
      ...new Set(
        Object.keys(parts)
          .map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1])
          .filter(Boolean)
      )
    ];
    if (packages.length) bundled[relative(COMPILED_DIR, resolve(PACKAGE_ROOT, output))] = packages;
  }
  writeFileSync(tmp(MANIFEST), JSON.stringify({esbuild: esbuild.version, inputs, bundled}, null, 1));
  renameSync(tmp(ENTRY), ENTRY);
  renameSync(tmp(MANIFEST), MANIFEST);
  removeOldChunks(written);
  return ENTRY;
}

/** Chunks no longer in the output, an hour after they were written (a long-running command may still load one). */
function removeOldChunks(current, {olderThanMs = 3600_000} = {}) {
  const dir = join(COMPILED_DIR, "chunks");
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (current.has(path)) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > olderThanMs) rmSync(path, {force: true});
    } catch {
      // gone already (another process)
    }
  }
}

/**
 * Whether the compiled command was made from the sources as they are: each input of the same size
 * and time as when compiled (a stat), else of the same content (a hash). A missing output, list or
 * input: not fresh.
 */
export function isFresh() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, "utf8"));
  } catch {
    return false;
  }
  if (!existsSync(ENTRY)) return false;
  for (const [name, {size, mtimeMs, hash}] of Object.entries(manifest.inputs)) {
    const path = join(PACKAGE_ROOT, name);
    try {
      const stats = statSync(path);
      if (stats.size === size && stats.mtimeMs === mtimeMs) continue;
      if (stats.size !== size || hashOf(path) !== hash) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** An error's first line: what stderr says of it. */
const firstLine = (error) => String(error?.message ?? error).split("\n")[0];

/**
 * The entry of the compiled command, compiled first when it is missing or older than a source; null
 * when it cannot be compiled here (no esbuild, a read-only folder): the caller runs the sources.
 */

export async function compiledCli() {
  if (isFresh()) return ENTRY;
  try {
    return await compileCli();
  } catch (error) {
    process.stderr.write(
      `planwatch: cannot compile the command (${firstLine(error)}); running the TypeScript sources\n`
    );
    return null;
  }
}

// `node pipelines/compileCli.js` (npm's prepare): compile afresh.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const entry = await compileCli({clean: true});
  console.error(`planwatch: compiled ${relative(process.cwd(), entry)}`);
}
