// The public surface of pipelines/core/: other folders import from here, never from its files.
// Not here: modules loaded only by import() from their own folder (readWorkbook: exceljs, for workbooks only),
// so that a static import of this surface never holds them.
export * from "./bundledScript.js";
export * from "./cells.js";
export * from "./checkZip.js";
export * from "./csv.js";
export * from "./decodeText.js";
export * from "./detectDelimiter.js";
export * from "./error.js";
export * from "./fingerprint.js";
export * from "./ioError.js";
export * from "./lock.js";
export * from "./makeDirs.js";
export * from "./month.js";
export * from "./nearest.js";
export * from "./normalizeText.js";
export * from "./packageRoot.js";
export * from "./parseCsv.js";
export * from "./readGrid.js";
export * from "./readInputCsv.js";
export * from "./readInputFile.js";
export * from "./readLimits.js";
export * from "./row.js";
export * from "./simplified.js";
export * from "./slug.js";
export * from "./writeXlsx.js";
export * from "./tsxLoader.js";
