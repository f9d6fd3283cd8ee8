// A worker thread of streamSubmission: reads ranges of files, one file at a time, for as long as
// the process lives. Bundled to plain JavaScript (run/bundledScript.ts) before it starts.
import {parentPort} from "node:worker_threads";
import {type Head, aggregateRanges} from "./aggregateRanges.js";
import {type Column, type TargetRef, makeCatalog} from "./catalog.js";
import type {Unit} from "../project/index.js";

interface Task {
  path: string;
  bounds: number[];
  /** The next range to read, shared with the other threads. */
  next: Int32Array;
  head: Head;
  catalog: {units: Unit[]; targets: TargetRef[]; aliases: [Column, string[]][]};
  now: number;
  maxFindings: number;
}

parentPort!.on("message", async ({path, bounds, next, head, catalog, now, maxFindings}: Task) => {
  try {
    const part = await aggregateRanges({
      path,
      bounds,
      claim: () => Atomics.add(next, 0, 1),
      head,
      reportHeader: false, // the thread that started the file reports on its header
      catalog: makeCatalog({units: catalog.units, targets: catalog.targets, aliases: new Map(catalog.aliases)}),
      now: new Date(now),
      maxFindings
    });
    parentPort!.postMessage(
      {part},
      [...part.cells.flat(), ...part.periodFlags.flat().filter((f) => f !== null)].map((a) => a.buffer as ArrayBuffer)
    );
  } catch (error) {
    parentPort!.postMessage({error: error instanceof Error ? error.message : String(error)});
  }
});
