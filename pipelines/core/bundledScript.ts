import {existsSync, readFileSync, statSync} from "node:fs";
import {mkdir, mkdtemp, readFile, rename, rm, stat, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {basename, extname, join, resolve} from "node:path";
import {packageRoot} from "./packageRoot.js";
import {hashText} from "./fingerprint.js";

const built = new Map<string, Promise<string>>();

/**
 * A TypeScript entry (a worker's main module) and everything it imports as one plain JavaScript
 * file, so that a worker thread starts without a TypeScript loader. The bundle is kept in
 * `cacheDir` with the hash of every file that went into it, and rebuilt (by esbuild) when one of
 * them changes; where `cacheDir` cannot be written, it is built into a temporary folder for this
 * process. Once per entry per process. `cacheDir` defaults to the package's own node_modules/.cache
 * (found when called: a bundle that holds this module never looks for it at load).
 */
export function bundledScript(
  entry: string,
  {cacheDir = join(packageRoot(), "node_modules/.cache/planwatch")}: {cacheDir?: string} = {}
): Promise<string> {
  let script = built.get(entry);
  if (!script) built.set(entry, (script = cachedBundle(entry, cacheDir)));
  return script;
}

async function cachedBundle(entry: string, cacheDir: string): Promise<string> {
  const name = basename(entry, extname(entry));
  const outfile = join(cacheDir, `${name}.cjs`);
  const inputsFile = join(cacheDir, `${name}.inputs.json`);
  if (existsSync(outfile) && (await upToDate(inputsFile))) return outfile;
  try {
    await mkdir(cacheDir, {recursive: true});
    const temp = await mkdtemp(join(cacheDir, `${name}-`));
    try {
      const inputs = await bundle(entry, join(temp, `${name}.cjs`));
      await writeFile(join(temp, "inputs.json"), JSON.stringify(inputs));
      // The script first, then the list that vouches for it: a reader never sees a list without its script.
      await rename(join(temp, `${name}.cjs`), outfile);
      await rename(join(temp, "inputs.json"), inputsFile);
    } finally {
      await rm(temp, {recursive: true, force: true});
    }
    return outfile;
  } catch (error) {
    if (!["EACCES", "EPERM", "EROFS"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    const temp = await mkdtemp(join(tmpdir(), `planwatch-${name}-`));
    process.once("exit", () => void rm(temp, {recursive: true, force: true}));
    await bundle(entry, join(temp, `${name}.cjs`));
    return join(temp, `${name}.cjs`);
  }
}

/** What vouches for one input of a bundle: its hash, and its size and time as last seen. */
interface Input {
  hash: string;
  size: number;
  mtimeMs: number;
}

/**
 * Leaves the modules that the entry's graph loads by `import()` out of the bundle. One such import
 * makes esbuild wrap every module around it in a lazy initializer, which keeps each module a folder's
 * index.ts re-exports (and the packages they import) in the bundle; a worker never takes those lazy
 * paths (it reads CSV ranges: no workbooks, no progress catalogs), so its bundle stays the size of
 * what it runs.
 */
const LAZY_MODULES_OUTSIDE = {
  name: "lazy-modules-outside",
  setup(build: import("esbuild").PluginBuild) {
    build.onResolve({filter: /^\./}, (args) =>
      args.kind === "dynamic-import" ? {path: args.path, external: true} : undefined
    );
  }
};

/** Bundles `entry` into `outfile`; returns each input file's hash, size and time, by absolute path. */
async function bundle(entry: string, outfile: string): Promise<Record<string, Input>> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    outfile,
    logLevel: "silent",
    metafile: true,
    plugins: [LAZY_MODULES_OUTSIDE]
  });
  const inputs: Record<string, Input> = {};
  // The files that went into the bundle (not every file esbuild read: what tree-shaking left out is no input).
  const parts = Object.values(result.metafile.outputs).flatMap((output) => Object.keys(output.inputs));
  for (const input of new Set(parts)) {
    const path = resolve(input);
    const {size, mtimeMs} = statSync(path);
    inputs[path] = {hash: hashText(readFileSync(path)), size, mtimeMs};
  }
  return inputs;
}

/**
 * Whether the bundle that `inputsFile` vouches for was built from the files as they are now: each
 * input of the same size and time as when it was built (a stat, not a read), else of the same hash.
 */
async function upToDate(inputsFile: string): Promise<boolean> {
  let inputs: Record<string, Input>;
  try {
    inputs = JSON.parse(await readFile(inputsFile, "utf8")) as Record<string, Input>;
  } catch {
    return false;
  }
  try {
    const now = await Promise.all(
      Object.entries(inputs).map(async ([path, {hash, size, mtimeMs}]) => {
        const stats = await stat(path);
        return (stats.size === size && stats.mtimeMs === mtimeMs) || hashText(await readFile(path)) === hash;
      })
    );
    return now.every(Boolean);
  } catch {
    return false;
  }
}
