// The public surface of pipelines/plan/: other folders import from here, never from its files.
// Not here: docxText, pdfText and htmlText, loaded by import() from readPlanDocument for their format only.
export * from "./numbers.js";
export * from "./planSections.js";
export * from "./planSegments.js";
export * from "./planTitle.js";
export * from "./planMonth.js";
export * from "./planYear.js";
export * from "./readPlanDocument.js";
export * from "./readPlanText.js";
export * from "./structure.js";
export * from "./unwrapLines.js";
export * from "./glosses.js";
export * from "./cellTable.js";
export * from "./officeEnding.js";
export * from "./noteLabels.js";
