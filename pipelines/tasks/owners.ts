/** Who a plan names for a task: the office that leads it (牵头) and those that take part (配合, 责任, 参与). */
export interface TaskOwners {
  /** The lead office as the plan prints it (`市卫健委`), null when the text names none. */
  lead: string | null;
  /** The other offices and units named, in the plan's order. */
  partners: string[];
}

/** How an office's name ends: where a list of names may be cut at 及 or 和 (`市级各有关部门及各县市区政府`). */
const OFFICE_END =
  /(?:局|委|厅|廳|办|辦|部|部门|部門|院|署|处|處|科|室|中心|政府|小组|小組|司|组|組|会|會|单位|單位|机构|機構)$/;
const LEAD_LABEL = /^(?:牵头|牽頭)(?:单位|單位|部门|部門|科室|处室|處室)$/;
const PARTNER_LABEL =
  /^(?:配合|责任|責任|协办|協辦|参与|參與|主责|主責|实施|實施)(?:单位|單位|部门|部門|科室|处室|處室)$/;
/** A label and its names: `牵头单位:市卫健委`. */
const LABELLED = /^([\u4e00-\u9fff]{2,6})[::](.*)$/;
/** How a clause says what its offices do: `…牵头`, `…牵头负责`, `…按职责分工负责`, `…配合`. */
const ROLE_TAIL =
  /(牵头负责|牽頭負責|牵头|牽頭|按职责分工负责|按職責分工負責|分别负责|分別負責|负责|負責|配合|参与|參與|协助|協助)$/;
const LEADS = new Set(["牵头负责", "牽頭負責", "牵头", "牽頭"]);
/** A name list's closing words that name no office: `等部门`, `等单位`. */
const ETC = /等(?:有关|有關|相关|相關)?(?:部门|部門|单位|單位)?$/;
/** `由发展改革委会同中央农办、农业部等部门研究提出落实意见`: the lead after 由, those it works with after 会同. */
const IN_TEXT =
  /由([\u4e00-\u9fff]{2,20}?)(?:会同|會同)([^,。;,;]+?)(?:等(?:有关|有關)?(?:部门|部門|单位|單位))?(?:负责|負責|研究|共同)/;

/** The names of a list (`市发改委、国土房管局`), cut at 、,;/ and at 及 or 和 after an office's name. */
export function officeNames(list: string): string[] {
  return list
    .split(/[、,,;;/]/)
    .flatMap((part) => part.split(/(?<=(?:局|委|部门|部門|政府|办公室|辦公室|单位|單位))(?:及|和)/))
    .map((name) => name.trim().replace(ETC, "").trim())
    .filter((name) => name.length >= 2);
}

/**
 * The offices a note names (`牵头单位:市卫健委;配合单位:市财政局、市人社局`, `市发改委牵头,各区负责`,
 * `A、B按职责分工负责`), brackets left out; null when it names none. The first office a note gives as leading
 * (牵头) is the lead, any other lead a partner; a note that names no lead is led by the first unit it makes
 * responsible (无牵头单位的,责任单位即为牵头单位), the others its partners.
 */
export function readOwners(note: string): TaskOwners | null {
  const body = note.trim().replace(/^[((]|[))]$/g, "");
  const leads: string[] = [];
  const partners: string[] = [];
  for (const clause of body.split(/[;;,,](?![^((]*[))])/)) {
    const c = clause.trim();
    if (!c) continue;
    const labelled = LABELLED.exec(c);
    if (labelled) {
      const label = labelled[1]!;
      if (LEAD_LABEL.test(label)) leads.push(...officeNames(labelled[2]!));
      else if (PARTNER_LABEL.test(label)) partners.push(...officeNames(labelled[2]!));
      continue;
    }
    const role = ROLE_TAIL.exec(c);
    if (!role) continue;
    const names = officeNames(c.slice(0, role.index));
    if (!names.every((n) => OFFICE_END.test(n) || /各/.test(n) || n.length <= 12)) continue;
    (LEADS.has(role[1]!) ? leads : partners).push(...names);
  }
  if (!leads.length && !partners.length) return null;
  const all = [...leads, ...partners];
  return {lead: all[0]!, partners: all.slice(1)};
}

/** The offices a sentence itself names (`由A会同B、C等部门研究提出落实意见`), else null. */
export function readOwnersInText(sentence: string): TaskOwners | null {
  const m = IN_TEXT.exec(sentence);
  if (!m) return null;
  return {lead: m[1]!, partners: officeNames(m[2]!)};
}
