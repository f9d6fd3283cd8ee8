import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {readFile, readdir} from "node:fs/promises";
import {join} from "node:path";
import {projectPaths} from "../project.js";
import {dataPaths} from "../submissions/dataPaths.js";
import {readLedger} from "../submissions/ledger.js";

/**
 * The identity of a build's inputs, for the footer: the sha256 (first 12 hex digits) of every seed
 * file and the ledger (which names every archived file by its hash), and the data's as-of month
 * (the latest month an accepted file states: read from the ledger, not from every report). Same
 * inputs, same snapshot.
 */
export async function inputSnapshot({projectDir, dataDir}: {projectDir?: string; dataDir?: string} = {}): Promise<{snapshot: string; as_of: string | null}> {
  const paths = projectPaths(projectDir);
  const data = dataPaths(dataDir ?? paths.data);
  const hash = createHash("sha256");
  for (const name of (await readdir(paths.seeds)).sort()) hash.update(name).update("\0").update(await readFile(join(paths.seeds, name))).update("\0");
  if (existsSync(data.ledger)) hash.update(await readFile(data.ledger));
  // The months accepted files state: a later file supersedes a key's value, never its month.
  const periods = (await readLedger(data.ledger)).filter((e) => e.status === "accepted").flatMap((e) => e.periods);
  return {snapshot: hash.digest("hex").slice(0, 12), as_of: periods.length ? periods.reduce((a, b) => (a > b ? a : b)) : null};
}
