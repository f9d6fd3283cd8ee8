// npm run bench: the benchmarks. Never part of npm test.
// BENCH_RUNS (default 3) sets the repetitions; BENCH_SIZES (default 1000000,5000000) the synthetic
// sizes and BENCH_SHAPES their shapes (scale.ts); BENCH_STARTUP_RUNS (default 15) the start-up runs;
// BENCH_ONLY=startup|scale|weight|rebuild|hostile|extract runs one part (extract: BENCH_EXTRACT_SENTENCE_MB,
// BENCH_EXTRACT_PLAN_MB, BENCH_EXTRACT_ITEMS set its sizes, BENCH_EXTRACT_COMMANDS=targets,tasks its commands).
import {benchRebuild} from "./rebuild.js";
import {benchScale} from "./scale.js";
import {benchStartup} from "./startup.js";
import {benchWeight} from "./weight.js";
import {benchHostile} from "./hostile.js";
import {benchExtract} from "./extract.js";

const only = process.env.BENCH_ONLY;
if (!only || only === "startup") await benchStartup();
if (!only || only === "scale") await benchScale();
if (!only || only === "weight") await benchWeight();
if (!only || only === "rebuild") await benchRebuild();
if (!only || only === "hostile") await benchHostile();
if (!only || only === "extract") await benchExtract();
