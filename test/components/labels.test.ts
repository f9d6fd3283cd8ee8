import {describe, expect, it} from "vitest";
import {namer as cliNamer} from "../../pipelines/commands/labels.js";
import {STATUSES, STATUS_LABELS as GAP_LABELS} from "../../pipelines/gaps/status.js";
import {TASK_STATUS_LABELS as CLI_TASK_LABELS} from "../../pipelines/site-data/siteTasks.js";
import {TASK_STATUSES} from "../../pipelines/tasks/index.js";
import {
  STATUS_LABELS,
  TASK_STATUS_COLORS,
  TASK_STATUS_LABELS,
  TASK_STATUS_ORDER,
  UNKNOWN_COLOR,
  anyStatusLabel,
  officeNamer,
  statusColor,
  statusLabel,
  taskStatusColor,
  taskStatusLabel,
  unitNamer
} from "../../src/components/labels.js";

const UNITS = [
  {code: "330106", name: "西湖区", short_name: "西湖", kind: "district"},
  {code: "330100", name: "市直属学校", short_name: "", kind: "direct"}
];
const OFFICES = [{code: "xjc", name: "宣传教育处", short_name: "宣教处"}];

describe("src/components/labels.ts, the labels pages show for codes", () => {
  it("says each status as the command line does", () => {
    expect(STATUS_LABELS).toEqual(GAP_LABELS);
    expect(TASK_STATUS_LABELS).toEqual(CLI_TASK_LABELS);
    expect([...TASK_STATUS_ORDER].sort()).toEqual([...TASK_STATUSES].sort());
    expect(STATUSES.map(statusLabel)).toEqual(STATUSES.map((s) => GAP_LABELS[s]));
    expect([
      statusLabel("at_risk"),
      taskStatusLabel("on_schedule"),
      anyStatusLabel("no_report"),
      statusLabel("odd")
    ]).toEqual(["有风险", "按计划推进", "未报送", "odd"]);
  });

  it("gives every status a colour of its own, an unknown one grey", () => {
    expect(new Set(STATUSES.map(statusColor)).size).toBe(STATUSES.length);
    expect(new Set(Object.values(TASK_STATUS_COLORS)).size).toBe(TASK_STATUS_ORDER.length);
    expect([statusColor("off_track"), taskStatusColor("late"), statusColor("odd"), taskStatusColor("odd")]).toEqual([
      "#c0392b",
      "#c0392b",
      UNKNOWN_COLOR,
      UNKNOWN_COLOR
    ]);
  });

  it("names units and offices by code as the command line's tables do, the city as 全市", () => {
    const codes = ["330106", "city", "xjc", "330199", null];
    expect(codes.map(unitNamer(UNITS))).toEqual(codes.map(cliNamer(UNITS)));
    expect(codes.map(officeNamer(OFFICES))).toEqual(codes.map(cliNamer(OFFICES)));
    expect(codes.map(unitNamer(UNITS))).toEqual(["西湖区", "全市", "xjc", "330199", null]);
    expect(["xjc", "330100"].map(officeNamer([...OFFICES, ...UNITS], {short: true}))).toEqual(["宣教处", "市直属学校"]);
    // A province's whole is 全省 (the project's `whole`), on the pages and on the command line alike.
    expect(codes.map(unitNamer(UNITS, {whole: "全省"}))).toEqual(codes.map(cliNamer(UNITS, {whole: "全省"})));
    expect(unitNamer(UNITS, {whole: "全省"})("city")).toBe("全省");
  });
});
