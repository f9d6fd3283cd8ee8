// Types of compileCli.js (plain JavaScript: it runs at install, before any TypeScript loader).

/** The package's folder. */
export declare const PACKAGE_ROOT: string;
/** Where the compiled command goes (pipelines/.compiled/, gitignored). */
export declare const COMPILED_DIR: string;
/** Compiles pipelines/cli.ts into {@link COMPILED_DIR}; `clean` empties it first. Returns the entry's path. */
export declare function compileCli(options?: {clean?: boolean}): Promise<string>;
/** Whether the compiled command was made from the sources as they are. */
export declare function isFresh(): boolean;
/** The compiled entry, compiled first when missing or stale; null when it cannot be compiled here. */
export declare function compiledCli(): Promise<string | null>;
