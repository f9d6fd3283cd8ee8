// npm run bench: the benchmarks. Never part of npm test.
// BENCH_RUNS (default 3) sets the repetitions; BENCH_SIZES (default 1000000,5000000) the synthetic
// sizes and BENCH_SHAPES their shapes (scale.ts); BENCH_STARTUP_RUNS (default 15) the start-up runs;
// BENCH_PROVINCE (default 11x30) the generated province (province.ts); BENCH_KILLS (default 100)
// the killed watch passes and BENCH_SEED their moments (kills.ts); BENCH_EXTRACT_SENTENCE_MB,
// BENCH_EXTRACT_PLAN_MB, BENCH_EXTRACT_ITEMS the extraction sizes and BENCH_EXTRACT_COMMANDS=targets,tasks
// its commands (extract.ts);
// BENCH_UNITS (default 330) the sizes of the many-units city (units.ts);
// BENCH_ONLY=startup|scale|province|weight|rebuild|hostile|kills|extract|units runs one part.
import {benchRebuild} from "./rebuild.js";
import {benchScale} from "./scale.js";
import {benchStartup} from "./startup.js";
import {benchWeight} from "./weight.js";
import {benchHostile} from "./hostile.js";
import {benchKills} from "./kills.js";
import {benchProvince} from "./province.js";
import {benchExtract} from "./extract.js";
import {benchUnits} from "./units.js";

const only = process.env.BENCH_ONLY;
if (!only || only === "startup") await benchStartup();
if (!only || only === "scale") await benchScale();
if (!only || only === "province") await benchProvince();
if (!only || only === "weight") await benchWeight();
if (!only || only === "rebuild") await benchRebuild();
if (!only || only === "hostile") await benchHostile();
if (!only || only === "kills") await benchKills();
if (!only || only === "extract") await benchExtract();
if (!only || only === "units") await benchUnits();
