import {createRequire} from "node:module";
import {existsSync} from "node:fs";
import {mkdir, readFile, readdir, rename, rm, writeFile} from "node:fs/promises";
import {dirname, join, relative} from "node:path";
import * as esbuild from "esbuild";
import {PlanwatchError} from "../core/index.js";

/**
 * Packages that Framework imports on its own behalf (its `Inputs`, `html`, `FileAttachment().csv()`
 * and so on), seeded whether or not a page names them.
 */
export const IMPLICIT_PACKAGES = ["@observablehq/inputs", "htl", "isoformat", "d3-dsv", "minisearch"] as const;

/** What one seeded package became: its name, the version node_modules holds, and the cache file. */
export interface SeededPackage {
  name: string;
  version: string;
  file: string;
}

/**
 * Seeds Framework's npm cache (`<root>/.observablehq/cache/_npm/<name>@<version>/_esm.js`) with an
 * ESM bundle of each package, built by esbuild from `node_modules`, so that a Framework build never
 * fetches from a CDN. A package that another seeded package imports stays one shared module: the
 * bundle imports it by its relative cache path, as Framework's own CDN rewrites do.
 *
 * Options: `root`, the Framework root (`src`); `packages`, the names to seed (default: every `npm:`
 * specifier in the root's pages and modules plus {@link IMPLICIT_PACKAGES}); `projectDir`, where
 * `node_modules` is resolved from (default: the current directory).
 * Throws `PlanwatchError` `npm_cache` when a package is not installed.
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
  const names = [...new Set(packages ?? [...(await findNpmImports(root)), ...IMPLICIT_PACKAGES])].sort();
  const require = createRequire(join(projectDir, "package.json"));
  const versions = new Map<string, string>();
  for (const name of names) versions.set(name, await installedVersion(require, name, projectDir));
  const cacheDir = join(root, ".observablehq", "cache", "_npm");
  await removeOtherVersions(cacheDir, versions);
  const seeded: SeededPackage[] = [];
  for (const [name, version] of versions) {
    const file = join(cacheDir, `${name}@${version}`, "_esm.js");
    seeded.push({name, version, file});
    if (existsSync(file)) continue; // same name and version: same bundle (the lockfile pins both)
    await mkdir(dirname(file), {recursive: true});
    const result = await esbuild.build({
      stdin: {contents: entrySource(name), resolveDir: projectDir, loader: "js"},
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
    });
    const output = result.outputFiles[0];
    if (!output) throw new PlanwatchError("npm_cache", `esbuild produced nothing for ${name}`);
    await writeFile(`${file}.${process.pid}.tmp`, output.contents);
    await rename(`${file}.${process.pid}.tmp`, file);
  }
  await reserveOfflineVersions({cacheDir, projectDir, seeded: versions});
  return seeded;
}

/** The version recorded for a package Framework's client can load but that is not installed. */
export const OFFLINE_VERSION = "0.0.0-offline";

/**
 * Framework's standard library names many packages (d3, Plot, lodash, ...) that it loads only when a
 * page uses them, yet its build resolves each one's version up front, from the npm registry unless
 * the cache already holds a version. For each such package that is not seeded, this records the
 * version {@link OFFLINE_VERSION} (an empty folder), so the build needs no network; a page that
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
    for (const match of (await readFile(file, "utf8")).matchAll(NPM_SPECIFIER)) names.add(match[1]!);
  }
  for (const name of names) {
    if (!seeded.has(name)) await mkdir(join(cacheDir, `${name}@${OFFLINE_VERSION}`), {recursive: true});
  }
}

/** An entry that re-exports a package's named exports and its default (or its namespace). */
function entrySource(name: string): string {
  const spec = JSON.stringify(name);
  return `import * as m from ${spec};\nexport * from ${spec};\nexport default (m.default ?? m);\n`;
}

async function installedVersion(require: NodeJS.Require, name: string, projectDir: string): Promise<string> {
  const direct = join(projectDir, "node_modules", name, "package.json");
  try {
    const path = existsSync(direct) ? direct : require.resolve(`${name}/package.json`);
    return JSON.parse(await readFile(path, "utf8")).version as string;
  } catch (error) {
    throw new PlanwatchError(
      "npm_cache",
      `npm:${name} is imported by a page but is not installed: add it to package.json (npm i -E ${name})`,
      {cause: error}
    );
  }
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

const NPM_SPECIFIER = /["'`]npm:((?:@[\w.-]+\/)?[\w.-]+)/g;

/** The package names of every `npm:` specifier in the pages and modules under `root`. */
export async function findNpmImports(root: string): Promise<string[]> {
  const names = new Set<string>();
  for (const file of await listFiles(root)) {
    if (!/\.(md|js|ts|jsx|tsx)$/.test(file)) continue;
    const text = await readFile(file, "utf8");
    for (const match of text.matchAll(NPM_SPECIFIER)) names.add(match[1]!);
  }
  return [...names].sort();
}

async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, {withFileTypes: true})) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const file of await listFiles(path)) files.push(file);
    else files.push(path);
  }
  return files;
}
