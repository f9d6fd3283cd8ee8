export {actuals, cityActuals, unitActuals} from "./actuals.js";
export {type Allocation, readAllocations} from "./allocations.js";
export {type GapRow, computeGaps} from "./computeGaps.js";
export {computeGapsDuckDB, exportParquet, gapsSql, writeObservationsParquet} from "./duckdbGaps.js";
export {expected} from "./expected.js";
export {holds, monthIndex, timeShare} from "./functions.js";
export {projectGapInputs, projectGaps} from "./projectGaps.js";
export {projection} from "./projection.js";
export {DEFAULT_THRESHOLDS, STATUSES, type Thresholds, status} from "./status.js";
export {timeFraction} from "./timeFraction.js";
export {
  CHANGE_KINDS,
  type ChangeKind,
  type ChangeRow,
  changesBetween,
  gapChanges,
  observationsAsPublished
} from "./changes.js";
