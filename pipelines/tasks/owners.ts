import {
  BARE_NOTE_LABEL,
  DIVISION_LABEL as DIVISION_WORDS,
  LEAD_ROLE,
  OFFICE_ENDING,
  OFFICE_HOLDER,
  OFFICE_NAME_END as OFFICE_END,
  PARTNER_ROLE,
  RUN_ON_NOTE_LABEL
} from "../plan/index.js";

/** Who a plan names for a task: the office that leads it (牵头) and those that take part (配合, 责任, 参与). */
export interface TaskOwners {
  /** The lead office as the plan prints it (`市卫健委`), null when the text names none. */
  lead: string | null;
  /** The other offices and units named, in the plan's order. */
  partners: string[];
}

/** A lead's label, also with the role of those responsible after 牵头 (`牵头责任单位`). */
const LEAD_LABEL = new RegExp(`^(?:${LEAD_ROLE})(?:责任|責任)?(?:${OFFICE_HOLDER})$`);
/**
 * A partner's label: one role, or a role and 责任 (`配合责任单位`, `主体责任单位`), maybe after 主要 (`主要协作单位`); with no lead
 * named, the first it names leads.
 */
const PARTNER_LABEL = new RegExp(`^(?:主要)?(?:${PARTNER_ROLE})(?:责任|責任)?(?:${OFFICE_HOLDER})$`);
/** A label whose text says each office's part in its own clauses: `部门分工:省发展改革委牵头,各地、各部门配合`. */
const DIVISION_LABEL = new RegExp(`^(?:${DIVISION_WORDS})$`);
/** A label and its names: `牵头单位:市卫健委`. */
const LABELLED = /^([\u4e00-\u9fff]{2,6})[::](.*)$/;
/**
 * How a clause says what its offices do: `…牵头`, `…牵头负责`, `…按职责分工负责`, `…配合`, and as county plans print
 * it, `…参加` and `…落实` (`县扶贫开发办牵头,县民政局等有关部门参加,各镇街落实`).
 */
const ROLE_TAIL =
  /(牵头负责|牽頭負責|牵头|牽頭|按职责分工负责|按職責分工負責|按职责分工落实|按職責分工落實|分别负责|分別負責|负责落实|負責落實|负责|負責|配合|参与|參與|参加|參加|协助|協助|落实|落實)$/;
const LEADS = new Set(["牵头负责", "牽頭負責", "牵头", "牽頭"]);
/** A name list's closing words that name no office: `等部门`, `等单位`, `等部门单位`. */
const ETC = /等(?:有关|有關|相关|相關)?(?:部门|部門)?(?:和|及)?(?:单位|單位)?$/;
/** A remark in brackets inside a note, not a name: `(第一责任单位为牵头单位,下同)` (a clause mark, or 下同). */
const REMARK = /[((][^()()]*(?:[,,;;]|下同)[^()()]*[))]/g;
/**
 * A sentence of a note that remarks on the items after it (`以下任务均需各区市政府落实,不再一一列出。`, `…,下同。`): it
 * names no office of this task.
 */
const REMARK_SENTENCE = /^(?:以下|下同)|(?:不再一一列出|不再列出|下同)。?$/;
/**
 * How a note says to read its names, closing the clause that gives their role (`A、B负责,排在第一位的为牵头部门,下同`: the
 * first named leads): a rule of reading, no office; the sentence keeps the clauses before it.
 */
const READING_RULE = new RegExp(
  `(?<=${ROLE_TAIL.source.slice(0, -1)})(?:[,;](?:[^,;。]{0,12}为(?:${LEAD_ROLE})(?:${OFFICE_HOLDER})|以下同|下同))+(?=。?$)`
);
/** Spaces before a label: where a note without semicolons starts its next part (`牵头单位:A  责任单位:B`). */
const SPACED_LABEL = /\s+(?=[\u4e00-\u9fff]{2,6}[::])/g;
/** A clause of a sentence that names the offices leading it: `市发改委牵头` (an office's name before 牵头). */
const LEADS_IN_TEXT = /^(?:由)?(.+?)(牵头负责|牽頭負責|牵头|牽頭)$/;
/** A clause of a sentence that names the offices taking part: `相关部门配合`. */
const PARTNERS_IN_TEXT = /^(?:由)?(.+?)(配合|参与|參與|协助|協助)$/;
/** `由发展改革委会同中央农办、农业部等部门研究提出落实意见`: the lead after 由, those it works with after 会同. */
const IN_TEXT =
  /由([\u4e00-\u9fff]{2,20}?)(?:会同|會同)([^,。;,;]+?)(?:等(?:有关|有關)?(?:部门|部門|单位|單位))?(?:负责|負責|研究|共同)/;

/**
 * `中央组织部会同教育部等部委每两年举办…`: a sentence that opens on an office's name and 会同, without 由: the office leads,
 * the names up to 等…部门 (部委, 单位) take part.
 */
const OPENS_WITH_LEAD = new RegExp(
  `^([\\u4e00-\\u9fff]{2,20}?(?:${OFFICE_ENDING}))(?:会同|會同)([\\u4e00-\\u9fff、]{2,60}?)` +
    `等(?:有关|有關|相关|相關)?(?:部门|部門|部委|单位|單位)`
);

/**
 * `由综合协调组跟进落实`, `由局党组追究…`: the office after 由 (its name ending as offices' names end), then what it does.
 * The shortest such name is taken that a verb or a manner (按照, 对) follows.
 */
const BY_OFFICE = new RegExp(
  `由([\\u4e00-\\u9fff]{1,18}?(?:${OFFICE_ENDING}))` +
    `(?=跟进|跟進|负责|負責|追究|组织|組織|统筹|統籌|督促|落实|落實|开展|開展|按照|进行|進行|承担|承擔|牵头|牽頭|对|對|协调|協調)`
);

/**
 * The levels a name of many units lists before its office (`各县、区人民政府`: each county's and district's; `各县(市)、区人民政府`
 * with a level in brackets).
 */
const LEVEL = "(?:县|縣|市|区|區|镇|鎮|乡|鄉|乡镇|鄉鎮|街道)(?:[((](?:县|縣|市|区|區)[))])?";
const LEVELS = new RegExp(`^各${LEVEL}(?:、${LEVEL})*$`);

/** A part of a list that names no unit of its own (`市直有关部门、单位`: the units are the same city's): it joins the name before. */
const BARE_KIND = /^(?:单位|單位|部门|部門|机构|機構)$/;

/**
 * The parts of a list cut at 、 outside brackets (`各县(市、区)人民政府` is one part), with a run of levels (`各县`, `市`)
 * joined to the name it opens (`各县、区人民政府`), and a bare kind of unit to the name before it (`市直有关部门、单位`).
 */
function listParts(list: string): string[] {
  const out: string[] = [];
  for (const part of list.split(/、(?![^((]*[))])/)) {
    const last = out.at(-1);
    if (last !== undefined && ((LEVELS.test(last) && !/^各/.test(part)) || BARE_KIND.test(part.trim())))
      out[out.length - 1] = `${last}、${part}`;
    else out.push(part);
  }
  return out;
}

/**
 * A space or line break between two offices' names (`市教育局 市人社局`, a table cell's two paragraphs): where the first name
 * ends as offices' names end and the next opens on a level (市, 区, 县 …, 各), a list's mark (、); other breaks are the page
 * width's (`教育\n部`, `市委\n宣传部`) and go.
 */
const NAME_BREAK = new RegExp(
  `(?<=(?:${OFFICE_ENDING}))\\s+(?=(?:市|区|區|县|縣|省|州|镇|鎮|乡|鄉|街道|各)[\\u4e00-\\u9fff])`,
  "g"
);
const breaksAsMarks = (text: string) => text.replace(NAME_BREAK, "、");

/**
 * The names of a list (`市发改委、国土房管局`), cut at 、,;/ and at 及 or 和 after an office's name; a name that lists
 * the levels of its units (`各县、区人民政府`) is one name.
 */
function namesOf(list: string): string[] {
  return (
    breaksAsMarks(list)
      .split(/[,,;;/]/)
      .flatMap(listParts)
      // a place's party committee and its government (党委和人民政府, 党工委和管委会) are one name
      .flatMap((part) =>
        part.split(/(?<=(?:局|委|部门|部門|政府|办公室|辦公室|单位|單位))(?:及|和)(?!人民政府|政府|管委会|管委會)/)
      )
      // a name the page width broke (教育\n部) is one name
      .map((name) => name.replace(/\s+/g, "").replace(ETC, ""))
      .filter((name) => name.length >= 2)
  );
}

/**
 * The offices a note names (`牵头单位:市卫健委;配合单位:市财政局、市人社局`, `市发改委牵头,各区负责`,
 * `A、B按职责分工负责`), brackets left out; null when it names none. The first office a note gives as leading
 * (牵头) is the lead, any other lead a partner; a note that names no lead is led by the first unit it makes
 * responsible (无牵头单位的,责任单位即为牵头单位), the others its partners.
 */
function ownersOf(note: string): TaskOwners | null {
  const text = note.trim();
  // the note's own brackets, when it is one (a remark in brackets may close a note line: …(下同))
  const bare = /^[((〔[【]/.test(text) ? unbracketed(text) : text;
  // then the page width's breaks go (按\n职责分工负责 is one role, 教育\n部 one name)
  const body = unmarkedLabels(
    breaksAsMarks(bare.replace(REMARK, "").replace(SPACED_LABEL, ";").replace(RUN_ON_NOTE_LABEL, ";"))
      .replace(/\s+/g, "")
      .split(/(?<=。)/)
      .map((sentence) => sentence.replace(READING_RULE, ""))
      .filter((sentence) => !REMARK_SENTENCE.test(sentence))
      .join("")
  );
  const leads: string[] = [];
  const partners: string[] = [];
  /** The list a label opened: the clauses after it without a label of their own go on naming its offices. */
  let listed: string[] | null = null;
  /** Names before the clause that says their role (`A、B等部门,C、D配合`: all four take part). */
  let pending: string[] = [];
  // a note's sentences end its clauses too (`…负责落实。以下不再列出。`), and a label's list with its sentence
  for (const clause of body.split(/([;;,,。])(?![^((]*[))])/)) {
    if (clause === "。") listed = null;
    let c = clause.trim();
    if (!c || /^[;;,,。]$/.test(c)) continue;
    const labelled = LABELLED.exec(c);
    if (labelled && DIVISION_LABEL.test(labelled[1]!)) c = labelled[2]!.trim();
    else if (labelled) {
      const label = labelled[1]!;
      listed = LEAD_LABEL.test(label) ? leads : PARTNER_LABEL.test(label) ? partners : null;
      // the role that closes a label's list (`责任单位:A、B按职责分工负责`) is no part of its last name
      listed?.push(...namesOf(labelled[2]!.replace(ROLE_TAIL, "")));
      continue;
    }
    const role = ROLE_TAIL.exec(c);
    const names = namesOf(role ? c.slice(0, role.index) : c);
    if (!names.every((n) => OFFICE_END.test(n) || /各/.test(n) || n.length <= 12)) continue;
    if (!role) {
      // a clause without a role goes on a list only when each of its names is an office's
      if (!names.every((n) => OFFICE_END.test(n) || /^各/.test(n))) continue;
      if (listed) listed.push(...names);
      else pending.push(...names);
      continue;
    }
    (LEADS.has(role[1]!) ? leads : partners).push(...pending, ...names);
    pending = [];
    listed = null;
  }
  // a note of names only (`(市教育局、市人社局)`): the first leads
  if (!leads.length && !partners.length) leads.push(...pending);
  if (!leads.length && !partners.length) return null;
  const all = [...new Set([...leads, ...partners])];
  return {lead: all[0]!, partners: all.slice(1)};
}

/**
 * A note without its own brackets: the opening one and the closing one, and a second closing one a copy doubled
 * (`[…不再列出)]`) when no bracket inside opens it.
 */
function unbracketed(note: string): string {
  let text = note.replace(/^[((〔[【]/, "").replace(/[))〕\]】]$/, "");
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  if (/[))〕\]】]$/.test(text) && count(/[))〕\]】]/g) > count(/[((〔[【]/g)) text = text.slice(0, -1);
  return text;
}

/**
 * A note that opens on a label without its colon, as a copy that lost its colons prints it (`责任单位环卫分公司配合单位办事处`):
 * each label given its colon, and a stop before every one but the first; any other note as it is.
 */
function unmarkedLabels(note: string): string {
  if (!new RegExp(`^${BARE_NOTE_LABEL.source}`).test(note)) return note;
  return note.replace(BARE_NOTE_LABEL, (label, at: number) => `${at > 0 ? ";" : ""}${label}:`);
}

/**
 * The offices a sentence itself names, else null: `由A会同B、C等部门研究提出落实意见` (A leads), or clauses
 * `A牵头,B配合` among its clauses (`由某副市长负责,市发改委牵头,相关部门配合,尽快完成…`: the leader named by a
 * person's title is no office), else an office after 由 and what it does (`由综合协调组跟进落实`).
 */
function ownersInText(sentence: string): TaskOwners | null {
  const m = IN_TEXT.exec(sentence) ?? OPENS_WITH_LEAD.exec(sentence.trim());
  if (m && isOfficeList(m[2]!)) return {lead: m[1]!, partners: namesOf(m[2]!)};
  const clauses = sentence.split(/[,,;;]/).map((c) => c.trim());
  const at = clauses.findIndex((c) => LEADS_IN_TEXT.test(c) && isOfficeList(LEADS_IN_TEXT.exec(c)![1]!));
  if (at < 0) {
    const by = BY_OFFICE.exec(sentence);
    if (!by) return null;
    // `由A负责,B、C配合,…`: the offices of the clauses after it that say they take part are its partners
    const from = clauses.findIndex((c) => c.includes(by[0]));
    return {lead: by[1]!, partners: partnersAfter(clauses.slice(from + 1))};
  }
  const leads = namesOf(LEADS_IN_TEXT.exec(clauses[at]!)![1]!);
  return {lead: leads[0]!, partners: [...leads.slice(1), ...partnersAfter(clauses.slice(at + 1))]};
}

/** The offices of the clauses that say they take part (`相关部门配合`, `B、C协助`), up to the first that says none. */
function partnersAfter(clauses: readonly string[]): string[] {
  const partners: string[] = [];
  for (const c of clauses) {
    const p = PARTNERS_IN_TEXT.exec(c);
    if (!p || !isOfficeList(p[1]!)) break;
    partners.push(...namesOf(p[1]!));
  }
  return partners;
}

/** A sentence that only names offices: `由市财政局、农业局,各县(市)、区人民政府负责落实`. */
const OWNERS_SENTENCE =
  /^由([^。;;!?!?]{2,200}?)(负责落实|負責落實|负责|負責|牵头负责|牽頭負責|组织实施|組織實施)[。.]?$/;

/**
 * The offices of a sentence that says nothing but who does the tasks before it (`由A、B,C负责落实。`, no lead named: the
 * first leads), else null: such a sentence is no task.
 */
function ownersSentence(sentence: string): TaskOwners | null {
  const m = OWNERS_SENTENCE.exec(sentence.trim());
  if (!m || !isOfficeList(m[1]!)) return null;
  const names = namesOf(m[1]!);
  return {lead: names[0]!, partners: names.slice(1)};
}

/** Whether a list names only offices (`市发改委`, `相关部门`, `区财政局、区水务局`), each ending as offices' names end. */
function isOfficeList(list: string): boolean {
  const names = namesOf(list);
  return names.length > 0 && names.every((n) => OFFICE_END.test(n) && n.length <= 20);
}

/** Full-width punctuation a plan prints its notes in (，；：（）), made ASCII one for one, as the parsers read it. */
const FULL_WIDTH: Readonly<Record<string, string>> = {"，": ",", "；": ";", "：": ":", "（": "(", "）": ")"};
const foldPunctuation = (text: string) => text.replace(/[，；：（）]/g, (c) => FULL_WIDTH[c]!);

/** Each name found in `folded` as `printed` prints it (a name's own brackets stay full-width: `各市（区）人民政府`). */
function asPrinted(names: string[], folded: string, printed: string): string[] {
  return names.map((name) => {
    const at = folded.indexOf(name);
    return at < 0 ? name : printed.slice(at, at + name.length);
  });
}

function ownersAsPrinted(owners: TaskOwners | null, folded: string, printed: string): TaskOwners | null {
  if (!owners) return null;
  const [lead, ...partners] = asPrinted([owners.lead ?? "", ...owners.partners], folded, printed);
  return {lead: owners.lead === null ? null : lead!, partners};
}

/**
 * Where a table's office cell names a lead and the office it works with (`宣传处会办公室`, `市教育局会同市财政局`): 会 or 会同
 * after a name that ends as a division's or bureau's does (处, 科, 局 …; not 委, whose 委会 is a name: 管委会), before a name
 * (not 会计).
 */
const WORKS_WITH = /(?<=(?:处|處|科|股|局|室|办|辦|部|厅|廳|中心))(?:会同|會同|会|會)(?=[\u4e00-\u9fff])(?!计|計)/g;

/**
 * The names of a list (`市发改委、国土房管局`), cut at 、,;/ (full-width too) and at 及 or 和 after an office's name; a
 * name that lists the levels of its units (`各县、区人民政府`) is one name, and so is one with a 、 in brackets
 * (`各县(市、区)人民政府`). A table's office cell may close on the offices' part (`…等按职责分工落实`: no name) and name a
 * lead 会 (会同) the office it works with (`宣传处会办公室`: two names). Names stay as printed.
 */
export function officeNames(list: string): string[] {
  const folded = foldPunctuation(list);
  const names = namesOf(folded.replace(ROLE_TAIL, "").replace(WORKS_WITH, "、"));
  return asPrinted(names, folded, list);
}

/**
 * The offices a note names (`牵头单位:市卫健委;配合单位:市财政局、市人社局`, `市发改委牵头,各区负责`,
 * `A、B按职责分工负责`), in ASCII or full-width punctuation, brackets left out; null when it names none. The first office
 * a note gives as leading (牵头) is the lead, any other lead a partner; a note that names no lead is led by the first unit
 * it makes responsible (无牵头单位的,责任单位即为牵头单位), the others its partners. Names stay as printed.
 */
export function readOwners(note: string): TaskOwners | null {
  const folded = foldPunctuation(note);
  return ownersAsPrinted(ownersOf(folded), folded, note);
}

/**
 * The offices a sentence itself names, else null: `由A会同B、C等部门研究提出落实意见` (A leads), or clauses
 * `A牵头,B配合` among its clauses, in ASCII or full-width punctuation. Names stay as printed.
 */
export function readOwnersInText(sentence: string): TaskOwners | null {
  const folded = foldPunctuation(sentence);
  return ownersAsPrinted(ownersInText(folded), folded, sentence);
}

/**
 * The offices of a sentence that says nothing but who does the tasks before it (`由A、B,C负责落实。`), in ASCII or
 * full-width punctuation, else null. Names stay as printed.
 */
export function readOwnersSentence(sentence: string): TaskOwners | null {
  const folded = foldPunctuation(sentence);
  return ownersAsPrinted(ownersSentence(folded), folded, sentence);
}

/**
 * A heading that names the office leading what it heads (`县示范区管委会牵头工作(8项)`, `市发改委负责事项`), maybe with a
 * count in brackets.
 */
const LEAD_HEADING =
  /^(.{2,30}?)(?:牵头|牽頭|负责|負責)(?:的)?(?:工作|任务|任務|事项|事項)(?:[((][^()()]*[))])?[。.]?$/;

/**
 * The office a heading names as leading its items (`县示范区管委会牵头工作(8项)` → 县示范区管委会), in ASCII or full-width
 * punctuation, else null. Names stay as printed.
 */
export function readHeadingOwners(heading: string): TaskOwners | null {
  const folded = foldPunctuation(heading.trim());
  const m = LEAD_HEADING.exec(folded);
  if (!m || !isOfficeList(m[1]!)) return null;
  const names = namesOf(m[1]!);
  return ownersAsPrinted({lead: names[0]!, partners: names.slice(1)}, folded, heading.trim());
}
