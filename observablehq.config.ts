// Observable Framework configuration for `npm run dev` (Framework's preview server) only.
// `planwatch build` never reads this file: it makes the configuration for each build from that
// build's context (`siteConfig` in pipelines/site-data/siteConfig.ts) and hands it to Framework, so
// `watch`/`schedule`, which build many times in one process, publish each build's own footer and pages.
import {fileURLToPath} from "node:url";
import {devSiteConfig} from "./pipelines/site-data/siteConfig.js";

export default await devSiteConfig({projectDir: fileURLToPath(new URL(".", import.meta.url))});
