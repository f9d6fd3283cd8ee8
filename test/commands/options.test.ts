import {describe, expect, it} from "vitest";
import {monthOption, yearOption} from "../../pipelines/commands/options.js";

describe("command options, cleaned once for every command", () => {
  it.each([
    [undefined, undefined],
    ["2024", 2024],
    [" 1900 ", 1900],
    ["2999", 2999]
  ])("--year %s → %s", (value, year) => {
    expect(yearOption(value)).toBe(year);
  });

  it.each(["20.5", "abc", "0123", "1899", "3000", "", "24"])("refuses --year %s with invalid_option", (value) => {
    expect(() => yearOption(value)).toThrow(
      expect.objectContaining({
        code: "invalid_option",
        message: `--year ${value} 不是有效年份(应为 2024 这样的四位年份)`
      })
    );
  });

  it("reads a month as people write it, and names the option it refuses", () => {
    expect(monthOption("as-of", undefined)).toBeUndefined();
    expect(monthOption("as-of", "2023年6月")).toBe("2023-06");
    expect(monthOption("from", "2023-10")).toBe("2023-10");
    expect(() => monthOption("to", "2023-13")).toThrow(
      expect.objectContaining({code: "invalid_option", message: "--to 2023-13 不是有效月份(应为 2023-06 这样的年月)"})
    );
  });
});
