// The public surface of pipelines/project/: other folders import from here, never from its files.
export * from "./draftOwners.js";
export * from "./importBreakdown.js";
export * from "./initProject.js";
export * from "./livelihoodSections.js";
export * from "./projectFacts.js";
export * from "./projectFile.js";
export * from "./projectTargets.js";
export * from "./projectTasks.js";
export * from "./units.js";
