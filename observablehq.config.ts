// Observable Framework configuration for `npm run dev` (Framework's preview server) only.
// `planwatch build` never reads this file: it makes the configuration for each build from that
// build's context (`siteConfig` in pipelines/site-data/siteConfig.ts) and hands it to Framework, so
// `watch`/`schedule`, which build many times in one process, publish each build's own footer and pages.
import {fileURLToPath} from "node:url";
import {devSiteConfig} from "./pipelines/site-data/siteConfig.js";

// `planwatch dev` names this file for a project that has no configuration of its own (one made by `planwatch init`),
// and says which project in PLANWATCH_PROJECT; `npm run dev` in the toolkit's folder shows the toolkit's.
export default await devSiteConfig({
  projectDir: process.env.PLANWATCH_PROJECT ?? fileURLToPath(new URL(".", import.meta.url))
});
