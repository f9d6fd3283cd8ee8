import {describe, expect, it} from "vitest";
import {toCsv} from "../../src/components/csv.js";

describe("toCsv", () => {
  it("writes UTF-8 CSV with a BOM and CRLF, quoting where needed", () => {
    expect(toCsv([{单位: "西湖区", 备注: '含"临时",校区', n: 3, x: null}])).toBe('\uFEFF单位,备注,n,x\r\n西湖区,"含""临时"",校区",3,\r\n');
  });

  it("neutralizes text a spreadsheet would run as a formula, not numbers", () => {
    expect(toCsv([{a: '=HYPERLINK("http://x")', b: "+1", c: -5}], ["a", "b", "c"])).toBe('\uFEFFa,b,c\r\n"\'=HYPERLINK(""http://x"")",\'+1,-5\r\n');
  });
});
