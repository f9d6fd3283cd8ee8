// The public surface of pipelines/intake/: other folders import from here, never from its files.
// Not here: progressCatalog, loaded by import() from catalog.ts only when a progress report is met.
export * from "./aggregateRanges.js";
export * from "./byteTable.js";
export * from "./catalog.js";
export * from "./dataPaths.js";
export * from "./findings.js";
export * from "./headerColumns.js";
export * from "./ingestFiles.js";
export * from "./inspectFile.js";
export * from "./ledger.js";
export * from "./mergeAggregates.js";
export * from "./observations.js";
export * from "./openChunks.js";
export * from "./readProgress.js";
export * from "./rules.js";
export * from "./scanCsv.js";
export * from "./storedName.js";
export * from "./streamSubmission.js";
export * from "./validateGrid.js";
export * from "./validateProgress.js";
export * from "./writeProgressTemplate.js";
export * from "./writeTemplate.js";
