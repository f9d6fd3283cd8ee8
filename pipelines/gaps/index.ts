export {cityActuals, unitActuals} from "./actuals.js";
export {type Allocation, readAllocations} from "./allocations.js";
export {type GapRow, computeGaps} from "./computeGaps.js";
export {expected} from "./expected.js";
export {holds, monthIndex, timeShare} from "./functions.js";
export {projectGaps} from "./projectGaps.js";
export {projection} from "./projection.js";
export {DEFAULT_THRESHOLDS, STATUSES, type Thresholds, status} from "./status.js";
export {timeFraction} from "./timeFraction.js";
