// npm run bench, part 3: page weight. Builds the sample site and prints, per page, the JavaScript
// it loads and the data files it reads, gzipped.
import {execFileSync} from "node:child_process";
import {mkdtemp, readFile, rm} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {gzipSync} from "node:zlib";
import {PROJECT_DIR} from "../helpers/cli.js";
import {listTree} from "../helpers/files.js";

export async function benchWeight(): Promise<void> {
  const tmp = await mkdtemp(join(tmpdir(), "planwatch-weight-"));
  try {
    const site = join(tmp, "site");
    execFileSync(
      process.execPath,
      [join(PROJECT_DIR, "pipelines/planwatch.js"), "build", "--sample", "--output", site],
      {cwd: PROJECT_DIR, stdio: "ignore"}
    );
    const gz = async (f: string) => gzipSync(await readFile(join(site, f))).length;
    const pages = (await listTree(site)).filter((f) => f.endsWith(".html"));
    const rows: [string, number, number][] = [];
    for (const page of pages) {
      const html = await readFile(join(site, page), "utf8");
      const refs = (re: RegExp) => [...new Set([...html.matchAll(re)].map((m) => m[1]!.replace(/^(\.\.\/|\.\/)/, "")))];
      let js = 0;
      for (const f of refs(/(?:src|href)="((?:\.\.?\/)[^"]+\.js)"/g)) js += await gz(f);
      let data = 0;
      for (const f of refs(/"path":"((?:\.\.?\/)_file\/[^"]+)"/g)) data += await gz(f);
      rows.push([page, js, data]);
    }
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
    const index = rows.find((r) => r[0] === "index.html")!;
    console.log(
      `page weight (gzipped), ${rows.length} pages: overview JS ${kb(index[1])}, data ${kb(index[2])}; largest JS ${kb(Math.max(...rows.map((r) => r[1])))}, largest data ${kb(Math.max(...rows.map((r) => r[2])))}`
    );
    for (const [page, js, data] of rows.filter((r) => !/^(units|targets)\//.test(r[0]) || /330106|6-1b/.test(r[0])))
      console.log(`  ${page.padEnd(22)} JS ${kb(js).padStart(7)}  data ${kb(data).padStart(7)}`);
  } finally {
    await rm(tmp, {recursive: true, force: true});
  }
}
