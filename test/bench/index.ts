// npm run bench: the benchmarks. Never part of npm test.
import {benchRebuild} from "./rebuild.js";

await benchRebuild();
