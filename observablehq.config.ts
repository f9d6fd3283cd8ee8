// Observable Framework configuration for the planwatch site.
// Offline by design: no remote stylesheets (the default theme links a font service) and no build
// timestamp in the footer, so identical inputs build identical pages.
import {fileURLToPath} from "node:url";

export default {
  // Absolute, so that a build run from any working directory finds the pages.
  root: fileURLToPath(new URL("src", import.meta.url)),
  output: "dist",
  title: "杭州教育工作要点监测",
  style: "style.css",
  globalStylesheets: [],
  footer: "planwatch · 数据来源:各区、县(市)及市直单位报送;目标来源:《杭州市教育局2023年工作要点》",
  head: `<link rel="icon" href="data:,">`,
  search: false,
  pager: false,
  toc: false,
  // Loaders run with the project folder as working directory; tsx comes from node_modules.
  interpreters: {".ts": ["node", "--import", "tsx"]}
};
