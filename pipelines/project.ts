import {join, resolve} from "node:path";

/** Where a planwatch project keeps its inputs, given its folder (default: the current directory). */
export function projectPaths(projectDir: string = process.env.PLANWATCH_PROJECT ?? process.cwd()) {
  const root = resolve(projectDir);
  return {
    root,
    seeds: join(root, "seeds"),
    units: join(root, "seeds", "units.csv"),
    curation: join(root, "seeds", "targets.curation.csv"),
    /** The ingested data the site is built from: `PLANWATCH_DATA`, else `<project>/data`. */
    data: process.env.PLANWATCH_DATA ? resolve(process.env.PLANWATCH_DATA) : join(root, "data"),
    sample: join(root, "data", "sample")
  };
}
