// A worker thread of streamSubmission: aggregates one byte range of a file. Bundled to plain
// JavaScript (run/bundledScript.ts) before it starts.
import {parentPort, workerData} from "node:worker_threads";
import {type Column, makeCatalog} from "./catalog.js";
import {aggregateRange} from "./aggregateRange.js";
import type {TargetRef} from "./catalog.js";
import type {Unit} from "./units.js";

const {path, start, end, header, catalog, now, maxFindings} = workerData as {
  path: string;
  start: number;
  end: number;
  header: string[] | null;
  catalog: {units: Unit[]; targets: TargetRef[]; aliases: [Column, string[]][]};
  now: number;
  maxFindings: number;
};
const part = await aggregateRange({path, start, end, header, catalog: makeCatalog({units: catalog.units, targets: catalog.targets, aliases: new Map(catalog.aliases)}), now: new Date(now), maxFindings});
parentPort!.postMessage(part, [...part.cells.flat(), ...part.periodFlags.flat().filter((f) => f !== null)].map((a) => a.buffer as ArrayBuffer));
