import {defineCommand} from "citty";
import {describe, expect, it} from "vitest";
import {checkArgv} from "../../pipelines/commands/checkArgv.js";

const main = defineCommand({
  meta: {name: "planwatch"},
  subCommands: {
    gaps: defineCommand({
      args: {
        "as-of": {type: "string"},
        unit: {type: "string"},
        all: {type: "boolean"},
        format: {type: "string", default: "table"}
      },
      run: () => {}
    }),
    export: defineCommand({args: {out: {type: "string", required: true}}, run: () => {}}),
    targets: defineCommand({
      subCommands: {
        extract: defineCommand({args: {file: {type: "positional", required: true}}, run: () => {}})
      }
    }),
    validate: () =>
      Promise.resolve(defineCommand({args: {files: {type: "positional", required: false}}, run: () => {}}))
  }
});

describe("checkArgv: a command line against the commands' declared args", () => {
  it.each([
    [["gaps", "--unit", "西湖区", "--as-of=2023-06", "--all"]],
    [["gaps", "--asOf", "2023-06", "--no-all"]],
    [["gaps", "--unit", "-"]],
    [["validate", "--", "--odd-name.csv"]],
    [["export", "--out", "x"]],
    [["targets", "extract", "plan.txt"]],
    [["validate", "a.csv", "b.csv"]]
  ])("accepts %j", async (argv) => {
    await expect(checkArgv(main, argv)).resolves.toBeUndefined();
  });

  it.each([
    [["gaps", "--unti", "西湖区"], "invalid_option", "未知选项 --unti,是否要用 --unit?"],
    [["gaps", "--as-of=2023-06", "--formt=json"], "invalid_option", "未知选项 --formt,是否要用 --format?"],
    [["gaps", "--zzzzzzzz"], "invalid_option", "未知选项 --zzzzzzzz"],
    [["gaps", "-x"], "invalid_option", "未知选项 -x"],
    [["gaps", "--unit"], "invalid_option", "选项 --unit 需要一个值"],
    [["gaps", "--unit", "--all"], "invalid_option", "选项 --unit 需要一个值"],
    [["gaps", "西湖区"], "invalid_option", "planwatch gaps 不接受参数 西湖区(planwatch gaps --help 列出说明)"],
    [["gapz"], "unknown_command", "未知命令 planwatch gapz,是否要用 planwatch gaps?"],
    [
      ["targets", "extrct", "p.txt"],
      "unknown_command",
      "未知命令 planwatch targets extrct,是否要用 planwatch targets extract?"
    ],
    [["targets"], "invalid_option", "planwatch targets 后面要写命令:extract 之一(planwatch targets --help 列出说明)"],
    [["targets", "extract"], "invalid_option", "缺少参数 FILE(planwatch targets extract --help 列出说明)"],
    [["export"], "invalid_option", "缺少选项 --out(planwatch export --help 列出说明)"]
  ])("refuses %j: %s %s", async (argv, code, message) => {
    await expect(checkArgv(main, argv)).rejects.toMatchObject({code, message});
  });
});
