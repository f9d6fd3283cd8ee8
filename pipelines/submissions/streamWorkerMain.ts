// A worker thread of streamSubmission: aggregates one byte range of a file.
import {parentPort, workerData} from "node:worker_threads";
import {projectCatalog} from "./catalog.js";
import {aggregateRange} from "./streamSubmission.js";

const {path, start, end, header, projectDir, maxFindings} = workerData as {path: string; start: number; end: number; header: string[] | null; projectDir: string; maxFindings: number};
const part = await aggregateRange({path, start, end, header, catalog: await projectCatalog({projectDir}), maxFindings});
parentPort!.postMessage(part, [...part.values, ...part.nums, ...part.dens].map((a) => a.buffer as ArrayBuffer));
