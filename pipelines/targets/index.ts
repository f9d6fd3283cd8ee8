// The public surface of pipelines/targets/: other folders import from here, never from its files.
export * from "./curation.js";
export * from "./extractTargets.js";
export * from "./indicator.js";
export * from "./indicatorTable.js";
export * from "./loadTargets.js";
export * from "./mentions.js";
export * from "./tableRow.js";
