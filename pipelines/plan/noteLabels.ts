/**
 * The words of a note's labels, as plans print them in simplified and traditional characters (`牵头单位:`, `配合责任单位:`,
 * `主要协作单位:`, `责任领导:`): one vocabulary for every reader of notes (the structure's, the tasks' and the owners'),
 * each a regular expression's source to put in a group.
 */

/** The role of the office that leads a task. */
export const LEAD_ROLE = "牵头|牽頭";
/** The roles of the other offices a note names (`配合`, `责任`, `协办` …). */
export const PARTNER_ROLE =
  "配合|责任|責任|协办|協辦|协作|協作|协同|協同|参与|參與|参加|參加|主责|主責|主体|主體|实施|實施";
/** Who holds a role: an office (`单位`, `部门`, `科室`, `处室`). */
export const OFFICE_HOLDER = "单位|單位|部门|部門|科室|处室|處室";
/** Who holds a role: a person (`领导`), maybe named by the level of government he leads for (`牵头市领导`, `分管县领导`). */
export const PERSON_HOLDER = "(?:省|市|区|區|县|縣|镇|鎮|乡|鄉)?(?:领导|領導)";
/** The role only a person holds: the official in charge (`分管省领导`). */
const PERSON_ROLE = "分管";
/** A label that says each office's part in its own clauses: `部门分工:省发展改革委牵头,各地、各部门配合`. */
export const DIVISION_LABEL = "部门分工|部門分工|责任分工|責任分工";

/** A role, maybe after 主要 and before 责任 or 负责 (`牵头责任`, `主要协作`, `牵头负责`). */
const ROLE = `(?:主要)?(?:${LEAD_ROLE}|${PARTNER_ROLE})(?:责任|責任|负责|負責)?`;

/** A note's label of offices or of a person, without its colon: `牵头单位`, `配合责任单位`, `牵头负责领导`, `分管省领导`. */
export const NOTE_LABEL = `(?:${ROLE}(?:${OFFICE_HOLDER}|${PERSON_HOLDER})|${PERSON_ROLE}${PERSON_HOLDER})`;

/**
 * A label of offices printed without its colon, its names straight after it (`责任单位环卫分公司`): only the three
 * commonest, and not where a sentence goes on (`责任单位为…`, `责任单位要…`).
 */
export const BARE_NOTE_LABEL =
  /(?:牵头|牽頭|责任|責任|配合)(?:单位|單位|部门|部門)(?=[\u4e00-\u9fff])(?![为為是和及要的])/g;

/**
 * Where a note's label is run on after the text before it, without a stop or a space, as a page flattened to one
 * line prints its notes (`牵头领导:某副局长责任部门:建工科`): before a label and its colon, not inside one (`牵头责任单位:`).
 */
export const RUN_ON_NOTE_LABEL = new RegExp(
  `(?<=[\\u4e00-\\u9fff])(?<!主要|${LEAD_ROLE}|${PARTNER_ROLE})(?=${NOTE_LABEL}[::])`,
  "g"
);
