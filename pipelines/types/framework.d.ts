// Framework 1.13 ships no type declarations for its build API; these name the parts planwatch uses.
declare module "@observablehq/framework/dist/config.js" {
  export interface Config {
    root: string;
    output: string;
    [key: string]: unknown;
  }
  export function readConfig(configPath?: string, root?: string): Promise<Config>;
  /** Framework's configuration from a spec object (cached by the object's identity: pass a new one per build). */
  export function normalizeConfig(spec?: object, defaultRoot?: string, watchPath?: string): Config;
  /** Framework's clock for file times (FileAttachment.lastModified) and its default footer. */
  export function setCurrentDate(date: Date | null): void;
  export interface Loader {
    path: string;
    load(options?: {useStale?: boolean}, effects?: unknown): Promise<string>;
  }
  export interface Config {
    loaders: {find(path: string): Loader | undefined};
  }
}
declare module "@observablehq/framework/dist/build.js" {
  import type {Config} from "@observablehq/framework/dist/config.js";
  export interface Logger {
    log(...args: unknown[]): void;
    warn(...args: unknown[]): void;
    error(...args: unknown[]): void;
  }
  export class FileBuildEffects {
    constructor(
      outputRoot: string,
      cacheDir: string,
      options?: {logger?: Logger; output?: {write(s: string): unknown}}
    );
    prepare(): Promise<void>;
  }
  export function build(context: {config: Config}, effects?: FileBuildEffects): Promise<void>;
}
// Importing tsx/esm registers tsx's loader hooks (TypeScript for Node's own import()).
declare module "tsx/esm";
declare module "@observablehq/framework/dist/npm.js" {
  /** `name@range/path` split as Framework's resolver splits it. */
  export function parseNpmSpecifier(specifier: string): {name: string; range?: string; path?: string};
}
declare module "@observablehq/framework/dist/duckdb.js" {
  /** The DuckDB-WASM version Framework's client loads. */
  export const DUCKDB_WASM_VERSION: string;
}
declare module "@observablehq/framework/dist/markdown.js" {
  /** Framework's markdown-it, with its `markdownIt` hook (siteConfig's page titles) applied. */
  export function createMarkdownIt(options?: {markdownIt?: (md: never) => unknown}): unknown;
  /** A page parsed as Framework parses it: its title, rendered body and front matter. */
  export function parseMarkdown(
    input: string,
    options: {md: unknown; path: string; params?: Record<string, string>}
  ): {title: string | null; body: string; data: Record<string, unknown>};
}
