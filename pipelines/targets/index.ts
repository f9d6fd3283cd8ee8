export {type Target, type CurationRow, curateTargets, readCuration} from "./curation.js";
export {type ExtractedTarget, extractTargets} from "./extractTargets.js";
export {loadTargets} from "./loadTargets.js";
export {type Comparator, findMentions, UNITS} from "./mentions.js";
export {normalizeText} from "../core/normalizeText.js";
export {parseChineseNumeral, parsePlanNumber} from "../plan/numbers.js";
export {planYear} from "../plan/planYear.js";
export {readTableRow} from "./tableRow.js";
