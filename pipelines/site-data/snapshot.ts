import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {readFile, readdir} from "node:fs/promises";
import {join, relative} from "node:path";
import {projectPaths} from "../project/index.js";
import {dataPaths, readLedger} from "../intake/index.js";

/**
 * The identity of a build's inputs, for the footer: the sha256 (first 12 hex digits) of every seed
 * file, the project file and the files it names, and the ledger (which names every archived file by
 * its hash); and the data's as-of month (the latest month an accepted file states: read from the
 * ledger, not from every report). Same inputs, same snapshot.
 */
export async function inputSnapshot({projectDir, dataDir}: {projectDir?: string; dataDir?: string} = {}): Promise<{
  snapshot: string;
  as_of: string | null;
}> {
  const paths = projectPaths(projectDir);
  const data = dataPaths(dataDir ?? paths.data);
  const hash = createHash("sha256");
  const seeds = existsSync(paths.seeds)
    ? (await readdir(paths.seeds)).sort().map((name) => join(paths.seeds, name))
    : [];
  // The project file and the files it names, when they lie outside seeds/.
  const named = [paths.file, paths.plan, paths.units, paths.curation, paths.allocations].filter(
    (f): f is string => f !== null && existsSync(f) && !seeds.includes(f)
  );
  for (const file of [...seeds, ...named])
    hash
      .update(relative(paths.root, file))
      .update("\0")
      .update(await readFile(file))
      .update("\0");
  if (existsSync(data.ledger)) hash.update(await readFile(data.ledger));
  // The months accepted files state: a later file supersedes a key's value, never its month.
  const periods = (await readLedger(data.ledger)).filter((e) => e.status === "accepted").flatMap((e) => e.periods);
  return {
    snapshot: hash.digest("hex").slice(0, 12),
    as_of: periods.length ? periods.reduce((a, b) => (a > b ? a : b)) : null
  };
}
