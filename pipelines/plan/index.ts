// The public surface of pipelines/plan/: other folders import from here, never from its files.
export * from "./numbers.js";
export * from "./planSections.js";
export * from "./planSegments.js";
export * from "./planTitle.js";
export * from "./planYear.js";
export * from "./readPlanText.js";
export * from "./structure.js";
