// npm run bench: the benchmarks. Never part of npm test.
// BENCH_RUNS (default 3) sets the repetitions; BENCH_SIZES (default 100000,1000000,5000000) the
// synthetic sizes; BENCH_ONLY=rebuild|scale|weight|hostile runs one part.
import {benchRebuild} from "./rebuild.js";
import {benchScale} from "./scale.js";
import {benchWeight} from "./weight.js";
import {benchHostile} from "./hostile.js";

const only = process.env.BENCH_ONLY;
if (!only || only === "scale") await benchScale();
if (!only || only === "weight") await benchWeight();
if (!only || only === "rebuild") await benchRebuild();
if (!only || only === "hostile") await benchHostile();
