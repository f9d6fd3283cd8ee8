// The public surface of pipelines/site-data/: other folders import from here, never from its files.
export * from "./pageTitles.js";
export * from "./quality.js";
export * from "./searchEntries.js";
export * from "./searchLabels.js";
export * from "./searchText.js";
export * from "./siteConfig.js";
export * from "./siteData.js";
export * from "./siteSlices.js";
export * from "./siteTasks.js";
export * from "./snapshot.js";
export * from "./unitsSidebar.js";
