// The public surface of pipelines/commands/: other folders import from here, never from its files.
export * from "./dataDir.js";
export * from "./formatRows.js";
export * from "./gaps.js";
export * from "./init.js";
export * from "./options.js";
export * from "./site.js";
export * from "./submissions.js";
export * from "./targets.js";
export * from "./tasks.js";
export * from "./watch.js";
