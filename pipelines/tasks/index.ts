// The public surface of pipelines/tasks/: other folders import from here, never from its files.
export * from "./extractTasks.js";
export * from "./loadTasks.js";
export * from "./offices.js";
export * from "./owners.js";
export * from "./phrases.js";
export * from "./progressColumns.js";
export * from "./responsibilities.js";
export * from "./targetOwners.js";
export * from "./taskStatus.js";
export * from "./taskTable.js";
