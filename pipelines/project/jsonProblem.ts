/**
 * Why `text` is not strict JSON as a person should be told, or null when it is: the line and column
 * (from 1) and what is wrong there, in Chinese. Beyond `JSON.parse`, a key written twice in one
 * object is a problem (JSON.parse keeps the last silently: a project file with two `"year"` would
 * mean whichever came last). Comments and trailing commas are named as such.
 */
export function jsonProblem(text: string): string | null {
  let at = 0;
  const where = (i: number) => {
    const before = text.slice(0, i);
    const line = before.split("\n").length;
    return `第 ${line} 行第 ${i - before.lastIndexOf("\n")} 列`;
  };
  let comma = 0; // where the last comma was, for a trailing one
  class Problem extends Error {}
  const fail = (message: string, i = at): never => {
    throw new Problem(`${where(i)}:${message}`);
  };
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
    if (text.startsWith("//", at) || text.startsWith("/*", at))
      fail('JSON 中不能写注释(说明可写在以 // 开头的键或 "$comment" 中)');
  };
  const seen = (what: string) =>
    at >= text.length ? fail(`文件在此结束,缺少${what}`) : fail(`此处应为${what},却是“${text[at]}”`);
  const string = (): string => {
    const start = at++;
    while (at < text.length && text[at] !== '"') {
      if (text[at] === "\\") at++;
      else if (text.charCodeAt(at) < 0x20) fail("字符串中不能有换行或控制字符(或缺少右引号)");
      at++;
    }
    if (at >= text.length) fail("字符串缺少右引号", start);
    at++;
    try {
      return JSON.parse(text.slice(start, at)) as string;
    } catch {
      return fail('字符串中有无效的转义(\\ 后应为 "、\\、/、b、f、n、r、t 或 u 加四位十六进制)', start);
    }
  };
  const value = (depth = 0): void => {
    space();
    if (depth > 64) fail("嵌套超过 64 层");
    const c = text[at];
    if (c === "{") {
      at++;
      const keys = new Map<string, number>();
      space();
      if (text[at] === "}") return void at++;
      for (;;) {
        space();
        if (text[at] === "}") fail("最后一项后面多了逗号", comma);
        if (text[at] !== '"') seen("用英文双引号括起的键");
        const keyAt = at;
        const key = string();
        if (keys.has(key)) fail(`键 "${key}" 重复(已在${where(keys.get(key)!)}出现),无法确定以哪一个为准`, keyAt);
        keys.set(key, keyAt);
        space();
        if (text[at] !== ":") seen("冒号“:”");
        at++;
        value(depth + 1);
        space();
        if (text[at] === ",") comma = at++;
        else if (text[at] === "}") return void at++;
        else seen("逗号“,”或右花括号“}”");
      }
    }
    if (c === "[") {
      at++;
      space();
      if (text[at] === "]") return void at++;
      for (;;) {
        space();
        if (text[at] === "]") fail("最后一项后面多了逗号", comma);
        value(depth + 1);
        space();
        if (text[at] === ",") comma = at++;
        else if (text[at] === "]") return void at++;
        else seen("逗号“,”或右方括号“]”");
      }
    }
    if (c === '"') return void string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(at, at + 400));
    if (literal) return void (at += literal[0].length);
    seen("值(字符串、数字、true、false、null、对象或列表)");
  };
  try {
    value();
    space();
    if (at < text.length) fail(`内容已结束,后面多了“${text[at]}”`);
    return null;
  } catch (error) {
    if (error instanceof Problem) return error.message;
    throw error;
  }
}
