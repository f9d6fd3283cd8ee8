/**
 * A count of works that is its clause's subject, the state the works are in closing the clause (4个5万吨级码头泊位基本建成,
 * 灌河港区2个两万吨级通用泊位主体建成, 燕尾作业区2个3万吨级泊位加快建设): progress told of works under way, no target.
 * Not when a verb or a plan word before the count makes it the object (实现4个泊位基本建成, 力争2个泊位主体完工,
 * 到2025年…): then the state is the plan's.
 */
const STATE_AFTER =
  /^[^,;。]{0,20}?(?:基本建成|主体(?:工程)?(?:建成|完工|竣工)|基本(?:完工|竣工)|加快(?:建设|推进|施工)|有序推进|正在(?:建设|施工|推进))\s*$/;
/** Words before the count that act on it or plan it. */
const ACTED_ON =
  /建|完成|实现|推进|推动|促进|确保|力争|争取|将|要|计划|开工|启动|加快|新增|抓好|做好|(?:到|至)\d{4}年|年内|年底|今年|明年|全年/;

/** Whether a count (the clause's words before and after it) is the subject of works whose state closes its clause. */
export function statesWorks(before: string, after: string): boolean {
  return STATE_AFTER.test(after) && !ACTED_ON.test(before);
}
