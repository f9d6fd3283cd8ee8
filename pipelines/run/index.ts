// The public surface of pipelines/run/: other folders import from here, never from its files.
export * from "./buildSite.js";
export * from "./effects.js";
export * from "./loaderCache.js";
export * from "./moduleGraph.js";
export * from "./npmCache.js";
export * from "./processInbox.js";
export * from "./publish.js";
export * from "./runStages.js";
export * from "./serveDir.js";
export * from "./stages.js";
export * from "./siteStale.js";
