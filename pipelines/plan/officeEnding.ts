/**
 * How an office's or a unit's name ends, as plans print them in simplified and traditional characters: 局, 委, 厅, 办公室,
 * 政府, 中心, 小组, and the units a county plan names beside them (`县供电公司`, `区城投集团`, `镇司法所`, `县图书馆`,
 * `各学校`, `市政工程大队`). One vocabulary for every reader of owners: a regular expression's source, an alternation
 * to put in a group, longest first so that a name is not cut at a shorter ending.
 */
export const OFFICE_ENDING = [
  "办公室|辦公室|办事处|辦事處|指挥部|指揮部|委员会|委員會|领导小组|領導小組|工作组|工作組",
  "人民政府|政府|部门|部門|单位|單位|机构|機構|中心|小组|小組|党组|黨組|党委|黨委|集团|集團|公司|银行|銀行|支行|分行|农发行|農發行",
  "街道|乡镇|鄉鎮|园区|園區|学校|學校|医院|醫院|合作社|协会|協會|联合会|聯合會",
  "局|委|厅|廳|办|辦|部|院|署|处|處|科|室|司|组|組|会|會|股|站|队|隊|所|馆|館|校|社|团|團|府"
].join("|");

/** A name that ends as an office's or unit's name ends (`区经发集团`, `市卫健委`). */
export const OFFICE_NAME_END = new RegExp(`(?:${OFFICE_ENDING})$`);
