import {describe, expect, it} from "vitest";
import {toCsv as browserCsv} from "../../src/components/csv.js";
import {toCsv} from "../../pipelines/core/csv.js";

describe("toCsv", () => {
  it("writes UTF-8 CSV with a BOM and CRLF, quoting where needed", () => {
    expect(toCsv([{单位: "西湖区", 备注: '含"临时",校区', n: 3, x: null}])).toBe(
      '\uFEFF单位,备注,n,x\r\n西湖区,"含""临时"",校区",3,\r\n'
    );
  });

  it("neutralizes text a spreadsheet would run as a formula, not numbers", () => {
    expect(toCsv([{a: '=HYPERLINK("http://x")', b: "+1", c: -5}], ["a", "b", "c"])).toBe(
      '\uFEFFa,b,c\r\n"\'=HYPERLINK(""http://x"")",\'+1,-5\r\n'
    );
  });

  // The site's download button writes CSV in the browser (src/components/csv.ts): the same bytes.
  it.each([
    [[{单位: "西湖区", 备注: '含"临时",校区', n: 3, x: null}]],
    [[{a: "=1+2", b: "@SUM(A1)", c: "-x", d: "\tx", e: "\rx", f: -5, g: 0}]],
    [[{note: "多行\n备注", crlf: "a\r\nb", cr: "a\rb", empty: "", undef: undefined}]],
    [[{sources: [{file: "a.csv", row: 2}], flag: true, off: false, big: 1e21, frac: 0.1 + 0.2}]],
    [[{"=head": 1, "含,逗号": 2, 'q"': 3}]],
    [[]]
  ])("matches the browser's writer byte for byte: %j", (rows) => {
    expect(toCsv(rows)).toBe(browserCsv(rows));
  });
});
