// The public surface of pipelines/sample/: other folders import from here, never from its files.
export * from "./encodeText.js";
export * from "./ingestSample.js";
export * from "./progressSample.js";
export * from "./random.js";
export * from "./writeSample.js";
