import {rm} from "node:fs/promises";
import {basename, join} from "node:path";
import {PlanwatchError, readInputCsv} from "../core/index.js";
import {projectPaths} from "../project/index.js";
import {projectCatalog} from "../intake/index.js";
import {type IngestResult, ingestFiles} from "../intake/index.js";
import {SAMPLE_MANIFEST} from "./writeSample.js";

/**
 * Ingests the bundled sample (`data/sample/`) into `dataDir` in the order its manifest lists, each
 * file at the time the manifest says it was submitted, so the result is the same on every run.
 * Options: `projectDir` (default: the project folder), `dataDir`.
 */
export async function ingestSample({
  projectDir,
  dataDir
}: {
  projectDir?: string;
  dataDir: string;
}): Promise<IngestResult[]> {
  const paths = projectPaths(projectDir);
  const manifest = join(paths.sample, SAMPLE_MANIFEST);
  const {header, rows} = readInputCsv(manifest, {code: "invalid_sample"});
  if (header[0] !== "file" || header[1] !== "submitted_at")
    throw new PlanwatchError("invalid_sample", `${SAMPLE_MANIFEST}:1:1 表头应为 file,submitted_at`);
  const times = new Map(rows.map(({cells: [file = "", at = ""]}) => [file, new Date(at)]));
  const files = rows.map(({cells: [file = ""]}) => join(paths.sample, file));
  return ingestFiles(files, {
    dataDir,
    catalog: await projectCatalog({projectDir}),
    clock: (path) => times.get(basename(path))!
  });
}

/**
 * The bundled sample ingested afresh into `.planwatch/sample-data/` of the project: the data folder
 * `planwatch build --sample` and `planwatch dev` read. Returns the folder and what became of each file.
 */
export async function freshSampleData({projectDir}: {projectDir?: string} = {}): Promise<{
  dataDir: string;
  results: IngestResult[];
}> {
  const dataDir = join(projectPaths(projectDir).root, ".planwatch", "sample-data");
  await rm(dataDir, {recursive: true, force: true});
  return {dataDir, results: await ingestSample({projectDir, dataDir})};
}
