// A worker thread of streamSubmission: aggregates byte ranges of files, one task at a time, for as
// long as the process lives. Bundled to plain JavaScript (run/bundledScript.ts) before it starts.
import {parentPort} from "node:worker_threads";
import {type Head, aggregateRange} from "./aggregateRange.js";
import {type Column, type TargetRef, makeCatalog} from "./catalog.js";
import type {Unit} from "./units.js";

interface Task {
  path: string;
  start: number;
  end: number;
  head: Head;
  catalog: {units: Unit[]; targets: TargetRef[]; aliases: [Column, string[]][]};
  now: number;
  maxFindings: number;
}

parentPort!.on("message", async ({path, start, end, head, catalog, now, maxFindings}: Task) => {
  try {
    const part = await aggregateRange({path, start, end, head, catalog: makeCatalog({units: catalog.units, targets: catalog.targets, aliases: new Map(catalog.aliases)}), now: new Date(now), maxFindings});
    parentPort!.postMessage({part}, [...part.cells.flat(), ...part.periodFlags.flat().filter((f) => f !== null)].map((a) => a.buffer as ArrayBuffer));
  } catch (error) {
    parentPort!.postMessage({error: error instanceof Error ? error.message : String(error)});
  }
});
