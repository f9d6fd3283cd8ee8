import {describe, expect, it} from "vitest";
import {writeProgressTemplate} from "../../pipelines/intake/writeProgressTemplate.js";
import {writeTemplate} from "../../pipelines/intake/writeTemplate.js";
import type {Task} from "../../pipelines/tasks/responsibilities.js";

// Names and texts come from the project's tables and the plan: a spreadsheet must never run one.
describe("templates neutralize formulas", () => {
  it("a unit or target name that starts like a formula is written as text", async () => {
    const csv = await writeTemplate({
      targets: [
        {id: "6.1a", indicator: '=HYPERLINK("http://x","学位")', unit: "个", kind: "count", aggregation: "sum"}
      ],
      unit: {code: "330106", name: "@西湖区", short_name: "西湖", kind: "district", aliases: [], parent: null}
    });
    const lines = csv.toString("utf8").split("\r\n");
    expect(lines[0]).toBe("\uFEFF单位,月份,指标编号,指标名称,数值,分子,分母,口径,备注");
    expect(lines[1]).toBe('\'@西湖区,,6.1a,"\'=HYPERLINK(""http://x"",""学位"")",,,,累计,单位:个');
  });

  it("an office name or a task text that starts like a formula is written as text", async () => {
    const tasks = [{task_id: "1.1-t1", text: "+1 所学校", owner: "jjc", partners: []}] as unknown as Task[];
    const csv = await writeProgressTemplate({tasks, office: {code: "jjc", name: "-基础教育处"}});
    expect(csv.toString("utf8").split("\r\n")[1]).toBe("1.1-t1,'+1 所学校,'-基础教育处,,,,");
  });
});
