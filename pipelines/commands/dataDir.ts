import {existsSync} from "node:fs";
import {join, relative} from "node:path";
import {projectPaths} from "../project/index.js";
import {dataPaths} from "../intake/index.js";

/**
 * The data folder a reading command (gaps, diff, status, export) uses: `--data` when given;
 * else the project's `data/`, or, when that holds no ledger and `npm run build` has ingested the
 * bundled sample into `.planwatch/sample-data/`, that folder, said on `log` (default stderr) so that
 * a newcomer's first `planwatch gaps` prints the sample's numbers and knows it.
 */
export function commandDataDir(
  data: string | undefined,
  {log = (line: string) => void process.stderr.write(line + "\n")}: {log?: (line: string) => void} = {}
): string {
  if (data !== undefined) return data;
  const paths = projectPaths();
  if (existsSync(dataPaths(paths.data).ledger)) return paths.data;
  const sample = join(paths.root, ".planwatch", "sample-data");
  if (!existsSync(dataPaths(sample).ledger)) return paths.data;
  log(
    `planwatch: ${relative(process.cwd(), paths.data) || "."} 中没有已接收的数据(无 ledger.jsonl),改用样例数据 ${relative(process.cwd(), sample)}(npm run build 生成;--data 指定其他文件夹)`
  );
  return sample;
}
