// npm run bench: the benchmarks. Never part of npm test.
// BENCH_RUNS (default 3) sets the repetitions; BENCH_SIZES (default 1000000,5000000) the synthetic
// sizes and BENCH_SHAPES their shapes (scale.ts); BENCH_STARTUP_RUNS (default 15) the start-up runs;
// BENCH_ONLY=startup|scale|weight|rebuild|hostile|units runs one part;
// BENCH_UNITS (default 330) the sizes of the many-units city (units.ts).
import {benchRebuild} from "./rebuild.js";
import {benchScale} from "./scale.js";
import {benchStartup} from "./startup.js";
import {benchWeight} from "./weight.js";
import {benchHostile} from "./hostile.js";
import {benchUnits} from "./units.js";

const only = process.env.BENCH_ONLY;
if (!only || only === "startup") await benchStartup();
if (!only || only === "scale") await benchScale();
if (!only || only === "weight") await benchWeight();
if (!only || only === "rebuild") await benchRebuild();
if (!only || only === "hostile") await benchHostile();
if (!only || only === "units") await benchUnits();
