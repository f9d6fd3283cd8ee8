// The public surface of pipelines/gaps/: other folders import from here, never from its files.
export * from "./actuals.js";
export * from "./allocations.js";
export * from "./changes.js";
export * from "./computeGaps.js";
export * from "./duckdbGaps.js";
export * from "./expected.js";
export * from "./functions.js";
export * from "./gapColumns.js";
export * from "./hierarchyFindings.js";
export * from "./projectGaps.js";
export * from "./projection.js";
export * from "./status.js";
export * from "./timeFraction.js";
