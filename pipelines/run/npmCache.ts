import {createRequire} from "node:module";
import {existsSync} from "node:fs";
import {copyFile, mkdir, readFile, readdir, rename, rm, stat, writeFile} from "node:fs/promises";
import {dirname, extname, join, relative} from "node:path";
import {DUCKDB_WASM_VERSION} from "@observablehq/framework/dist/duckdb.js";
import {parseNpmSpecifier} from "@observablehq/framework/dist/npm.js";
import * as esbuild from "esbuild";
import semver from "semver";
import {PlanwatchError} from "../core/index.js";

/**
 * Everything a Framework page may use without an import, as the npm packages Framework's client loads
 * for it (`libraries.js`, `client/stdlib/`), seeded whether or not a page names them: `Inputs`
 * (`@observablehq/inputs`, with `htl` and `isoformat`), `html`/`svg`/`htl`, `d3`, `Plot`,
 * `FileAttachment().csv()`/`.tsv()` (`d3-dsv`), `.arrow()` and SQL results (`apache-arrow`),
 * `.parquet()` (`parquet-wasm`), `sql` blocks and `DuckDBClient` (`@duckdb/duckdb-wasm`), and the
 * search box (`minisearch`).
 */
export const IMPLICIT_PACKAGES = [
  "@observablehq/inputs",
  "htl",
  "isoformat",
  "d3-dsv",
  "d3",
  "@observablehq/plot",
  "apache-arrow",
  "parquet-wasm",
  "@duckdb/duckdb-wasm",
  "minisearch"
] as const;

/**
 * The files besides its module that Framework's client loads by their path inside a package
 * (`getImplicitDownloads` in Framework's `libraries.js`): DuckDB-WASM's engines and workers, the
 * Parquet reader's WebAssembly. Each is copied into the cache as the package ships it.
 */
export const IMPLICIT_FILES: Readonly<Record<string, readonly string[]>> = {
  "@duckdb/duckdb-wasm": [
    "dist/duckdb-mvp.wasm",
    "dist/duckdb-browser-mvp.worker.js",
    "dist/duckdb-eh.wasm",
    "dist/duckdb-browser-eh.worker.js"
  ],
  "parquet-wasm": ["esm/parquet_wasm_bg.wasm"]
};

/**
 * Versions Framework asks for whatever the cache holds: it loads DuckDB-WASM at the version it was
 * built with (`DUCKDB_WASM_VERSION`), so node_modules must hold that one.
 */
const REQUIRED_VERSIONS: Readonly<Record<string, string>> = {"@duckdb/duckdb-wasm": DUCKDB_WASM_VERSION};

/** What one seeded package became: its name, the version node_modules holds, and the cache file. */
export interface SeededPackage {
  name: string;
  version: string;
  file: string;
}

/** Where a page or module imports a package: the `npm:` specifier as written, and the files (relative to the root). */
export interface NpmImport {
  specifier: string;
  name: string;
  range: string | undefined;
  path: string | undefined;
  files: string[];
}

/**
 * Seeds Framework's npm cache (`<root>/.observablehq/cache/_npm/<name>@<version>/_esm.js`) with an
 * ESM bundle of each package, built by esbuild from `node_modules`, so that a Framework build never
 * fetches from a CDN. A package that another seeded package imports stays one shared module: the
 * bundle imports it by its relative cache path, as Framework's own CDN rewrites do. A subpath a page
 * imports (`npm:d3-array/src/sum.js`, `npm:katex/dist/katex.min.css`) is seeded where Framework's
 * resolver looks for it, and so are the files of {@link IMPLICIT_FILES}.
 *
 * Options: `root`, the Framework root (`src`); `packages`, the specifiers to seed (default: every `npm:`
 * specifier in the root's pages and modules plus {@link IMPLICIT_PACKAGES}); `projectDir`, where
 * `node_modules` is resolved from (default: the current directory).
 * Throws `PlanwatchError` `npm_cache` naming the page and the package when a page imports a package
 * that is not installed, or at a version node_modules does not hold.
 */
export async function seedNpmCache({
  root,
  packages,
  projectDir = process.cwd()
}: {
  root: string;
  packages?: readonly string[];
  projectDir?: string;
}): Promise<SeededPackage[]> {
  const imports = packages
    ? packages.map((specifier) => npmImport(specifier, []))
    : [...(await findNpmSpecifiers(root)), ...IMPLICIT_PACKAGES.map((name) => npmImport(name, []))];
  const require = createRequire(join(projectDir, "package.json"));
  const versions = new Map<string, string>();
  const packageDirs = new Map<string, string>();
  for (const i of [...imports].sort((a, b) => a.name.localeCompare(b.name))) {
    if (!packageDirs.has(i.name)) {
      const {dir, version} = await installedPackage(require, i, projectDir, root);
      packageDirs.set(i.name, dir);
      versions.set(i.name, version);
    }
    checkVersion(i, versions.get(i.name)!, root);
  }
  const filesOf = (name: string) => [...new Set(imports.filter((i) => i.name === name).flatMap((i) => i.files))];
  const cacheDir = join(root, ".observablehq", "cache", "_npm");
  await removeOtherVersions(cacheDir, versions);
  const seeded: SeededPackage[] = [];
  for (const [name, version] of versions) {
    const file = join(cacheDir, `${name}@${version}`, "_esm.js");
    seeded.push({name, version, file});
    await bundle({entry: name, file, name, projectDir, cacheDir, versions, i: npmImport(name, filesOf(name)), root});
  }
  for (const i of imports) {
    if (i.path === undefined || i.path === "+esm") continue;
    const target = subpathFile(i.path);
    if (target === null) continue; // a folder (npm:sql.js/dist/): its files are named one by one
    const file = join(cacheDir, `${i.name}@${versions.get(i.name)}`, target);
    const source = join(packageDirs.get(i.name)!, i.path.replace(/\/\+esm$/, ""));
    if (/\.[cm]?js$/.test(target) && !target.endsWith("._esm.js")) {
      if (!existsSync(source))
        throw new PlanwatchError(
          "npm_cache",
          `${who(i, root)}引用了 npm:${i.specifier},但已安装的 ${i.name} 中没有这个文件`
        );
      await bundle({entry: source, file, name: i.name, projectDir, cacheDir, versions, i, root});
    } else if (target.endsWith("._esm.js")) {
      await bundle({
        entry: `${i.name}/${i.path.replace(/\/\+esm$/, "")}`,
        file,
        name: i.name,
        projectDir,
        cacheDir,
        versions,
        i,
        root
      });
    } else {
      await copyInto(source, file, i, root);
    }
  }
  for (const [name, files] of Object.entries(IMPLICIT_FILES)) {
    if (!versions.has(name)) continue;
    for (const path of files) {
      const file = join(cacheDir, `${name}@${versions.get(name)}`, path);
      await copyInto(join(packageDirs.get(name)!, path), file, npmImport(name, []), root);
    }
  }
  await reserveOfflineVersions({cacheDir, projectDir, seeded: versions});
  return seeded.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** An {@link NpmImport} from a specifier as written after `npm:`. */
function npmImport(specifier: string, files: string[]): NpmImport {
  const {name, range, path} = parseNpmSpecifier(specifier);
  return {specifier, name, range, path, files};
}

/**
 * Where Framework's resolver looks in the cache for a package's subpath (its `resolveNpmImport`): a
 * file with an extension as is, a module path as `<path>._esm.js`, null for a folder.
 */
function subpathFile(path: string): string | null {
  if (path === "" || path.endsWith("/")) return null;
  if (extname(path)) return path;
  return path.replace(/(?:\/\+esm)?$/, "._esm.js");
}

/**
 * Bundles `entry` (a package specifier or a file) into `file`, unless it is there already (same name
 * and version: same bundle, as the lockfile pins both). The other seeded packages it imports stay
 * imports, of their cache files.
 */
async function bundle({
  entry,
  file,
  name,
  projectDir,
  cacheDir,
  versions,
  i,
  root
}: {
  i: NpmImport;
  root: string;
  entry: string;
  file: string;
  name: string;
  projectDir: string;
  cacheDir: string;
  versions: Map<string, string>;
}): Promise<void> {
  if (existsSync(file)) return;
  await mkdir(dirname(file), {recursive: true});
  const result = await esbuild
    .build({
      stdin: {contents: entrySource(entry), resolveDir: projectDir, loader: "js"},
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      legalComments: "none",
      write: false,
      logLevel: "silent",
      define: {"process.env.NODE_ENV": '"production"'},
      plugins: [
        {
          name: "planwatch-shared-packages",
          setup(build) {
            build.onResolve({filter: /^[^./]/}, (args) => {
              if (args.path === name || !versions.has(args.path)) return undefined;
              const target = join(cacheDir, `${args.path}@${versions.get(args.path)}`, "_esm.js");
              const rel = relative(dirname(file), target);
              return {path: rel.startsWith(".") ? rel : `./${rel}`, external: true};
            });
          }
        }
      ]
    })
    .catch((error: {errors?: {text: string}[]}) => {
      const reason = error.errors?.[0]?.text ?? String(error);
      throw new PlanwatchError(
        "npm_cache",
        `${who(i, root)}引用了 npm:${i.specifier},但无法从 node_modules 打包:${reason}`,
        {
          cause: error
        }
      );
    });
  const output = result.outputFiles[0];
  if (!output) throw new PlanwatchError("npm_cache", `esbuild 没有为 ${entry} 生成任何输出`);
  await writeAtomically(file, output.contents);
}

/**
 * Copies a file of a package into the cache as the package ships it; a script loses its source-map
 * comment, as Framework's own CDN rewrite drops it (the map is not in the cache).
 */
async function copyInto(source: string, file: string, i: NpmImport, root: string): Promise<void> {
  if (existsSync(file)) return;
  if (!existsSync(source))
    throw new PlanwatchError(
      "npm_cache",
      `${who(i, root)}引用了 npm:${i.specifier},但已安装的 ${i.name} 中没有这个文件`
    );
  await mkdir(dirname(file), {recursive: true});
  if (/\.[cm]?js$/.test(source)) {
    const text = (await readFile(source, "utf8")).replace(/^\/\/# sourceMappingURL=.*$\n?/m, "");
    await writeAtomically(file, text);
  } else {
    await copyFile(source, `${file}.${process.pid}.tmp`);
    await rename(`${file}.${process.pid}.tmp`, file);
  }
}

async function writeAtomically(file: string, contents: string | Uint8Array): Promise<void> {
  await writeFile(`${file}.${process.pid}.tmp`, contents);
  await rename(`${file}.${process.pid}.tmp`, file);
}

/** "页面 src/analysis.md " for an import a page makes, "" for one planwatch makes itself. */
function who(i: NpmImport, root: string): string {
  if (!i.files.length) return "";
  return `页面 ${i.files.map((f) => join(relative(dirname(root), root), f)).join("、")} `;
}

/** The version recorded for a package Framework's client can load but that is not installed. */
export const OFFLINE_VERSION = "0.0.0-offline";

/**
 * Framework's standard library names many packages (lodash, Leaflet, Mermaid, ...) that it loads only
 * when a page uses them, yet its build resolves each one's version up front, from the npm registry
 * unless the cache already holds a version. For each such package that is not seeded, this records
 * the version {@link OFFLINE_VERSION} (an empty folder), so the build needs no network; a page that
 * wants one of them imports it with `npm:` and has it installed, which seeds the real bundle.
 */
async function reserveOfflineVersions({
  cacheDir,
  projectDir,
  seeded
}: {
  cacheDir: string;
  projectDir: string;
  seeded: Map<string, string>;
}): Promise<void> {
  const client = join(
    dirname(createRequire(join(projectDir, "package.json")).resolve("@observablehq/framework/package.json")),
    "dist",
    "client"
  );
  const names = new Set<string>();
  for (const file of await listFiles(client)) {
    if (!file.endsWith(".js")) continue;
    for (const match of (await readFile(file, "utf8")).matchAll(NPM_SPECIFIER))
      names.add(parseNpmSpecifier(match[1]!).name);
  }
  for (const name of names) {
    if (!seeded.has(name)) await mkdir(join(cacheDir, `${name}@${OFFLINE_VERSION}`), {recursive: true});
  }
}

/** An entry that re-exports a module's named exports and its default (or its namespace). */
function entrySource(entry: string): string {
  const spec = JSON.stringify(entry);
  return `import * as m from ${spec};\nexport * from ${spec};\nexport default (m.default ?? m);\n`;
}

/** The folder and version node_modules holds of the package `i` names. */
async function installedPackage(
  require: NodeJS.Require,
  i: NpmImport,
  projectDir: string,
  root: string
): Promise<{dir: string; version: string}> {
  const direct = join(projectDir, "node_modules", i.name, "package.json");
  try {
    const path = existsSync(direct) ? direct : require.resolve(`${i.name}/package.json`);
    return {dir: dirname(path), version: JSON.parse(await readFile(path, "utf8")).version as string};
  } catch (error) {
    throw new PlanwatchError(
      "npm_cache",
      `${who(i, root)}引用了 npm:${i.specifier},但没有安装 ${i.name}:请把它加入 package.json(npm i -E ${i.name})`,
      {cause: error}
    );
  }
}

/** Checks that the installed version is the one the import asks for (and the one Framework asks for). */
function checkVersion(i: NpmImport, version: string, root: string): void {
  const required = REQUIRED_VERSIONS[i.name];
  if (required && version !== required)
    throw new PlanwatchError(
      "npm_cache",
      `Framework 加载 ${i.name} ${required},但 node_modules 中是 ${version}:请安装该版本(npm i -E ${i.name}@${required})`
    );
  if (i.range === undefined || semver.satisfies(version, i.range) || i.range === version) return;
  throw new PlanwatchError(
    "npm_cache",
    `${who(i, root)}引用了 npm:${i.specifier},但已安装的 ${i.name} 是 ${version}:请改写版本范围,或安装相符的版本`
  );
}

/** Drops cached versions of the seeded packages that node_modules no longer holds. */
async function removeOtherVersions(cacheDir: string, versions: Map<string, string>): Promise<void> {
  for (const [name, version] of versions) {
    const parent = dirname(join(cacheDir, name));
    const base = name.split("/").pop()!;
    let entries: string[];
    try {
      entries = await readdir(parent);
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.startsWith(`${base}@`) && entry !== `${base}@${version}`) {
        await rm(join(parent, entry), {recursive: true, force: true});
      }
    }
  }
}

/** A quoted `npm:` specifier: a name, perhaps `@<range>`, perhaps a subpath (not a template's `${…}`). */
const NPM_SPECIFIER = /["'`]npm:((?:@[\w.-]+\/)?[\w.-]+(?:@[\w.^~<>=|*+ -]+)?(?:\/[\w./+@-]*)?)(?=["'`])/g;

/** Every `npm:` specifier in the pages and modules under `root`, with the files that write it. */
export async function findNpmSpecifiers(root: string): Promise<NpmImport[]> {
  const files = new Map<string, string[]>();
  for (const file of await listFiles(root)) {
    if (!/\.(md|js|ts|jsx|tsx)$/.test(file)) continue;
    const text = await readFile(file, "utf8");
    for (const match of text.matchAll(NPM_SPECIFIER)) {
      const list = files.get(match[1]!) ?? [];
      if (!list.includes(relative(root, file))) list.push(relative(root, file));
      files.set(match[1]!, list);
    }
  }
  return [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([s, f]) => npmImport(s, f));
}

/** The package names of every `npm:` specifier in the pages and modules under `root`. */
export async function findNpmImports(root: string): Promise<string[]> {
  return [...new Set((await findNpmSpecifiers(root)).map((i) => i.name))].sort();
}

async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    // a project's Framework root links the toolkit's folders (linkSiteRoot): a link to a folder is a folder
    const folder =
      entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path).catch(() => null))?.isDirectory());
    if (folder) for (const file of await listFiles(path)) files.push(file);
    else files.push(path);
  }
  return files;
}
