import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {type Unit, readUnits} from "../../pipelines/project/units.js";
import {SIDEBAR_UNITS, unitsSidebar} from "../../pipelines/site-data/unitsSidebar.js";
import {provinceUnits} from "../bench/synthetic.js";
import {PROJECT_DIR} from "../helpers/cli.js";

const unit = (code: string, name: string, parent: string | null = null, short_name = name.slice(0, -1)) => ({
  code,
  name,
  short_name,
  parent
});

describe("unitsSidebar", () => {
  it("lists the flat sample's units in one section, as before the unit tree", async () => {
    const units: Unit[] = await readUnits(join(PROJECT_DIR, "seeds", "units.csv"));
    expect(units.every((u) => u.parent === null)).toBe(true);
    expect(unitsSidebar(units)).toEqual([
      {name: "各区县(市)与直属单位", open: false, pages: units.map((u) => ({name: u.name, path: `/units/${u.code}`}))}
    ]);
    expect(unitsSidebar(units, {limit: 13})).toEqual([{name: "各区县(市)与直属单位(14 个,见总览)", path: "/"}]);
  });

  it("nests each unit's children under it: a section per city, its heading the city's page, then 直属单位", () => {
    const units = [
      ...provinceUnits({cities: 2, counties: 2}),
      unit("330199", "省直属学校"),
      unit("330101001", "一号街道", "330101")
    ];
    expect(unitsSidebar(units)).toEqual([
      {
        name: "第1市",
        path: "/units/330100",
        open: false,
        pages: [
          {name: "第1市第1县", path: "/units/330101"},
          {name: "一号街道(1-1县)", path: "/units/330101001"},
          {name: "第1市第2县", path: "/units/330102"}
        ]
      },
      {
        name: "第2市",
        path: "/units/330200",
        open: false,
        pages: [
          {name: "第2市第1县", path: "/units/330201"},
          {name: "第2市第2县", path: "/units/330202"}
        ]
      },
      {name: "直属单位", open: false, pages: [{name: "省直属学校", path: "/units/330199"}]}
    ]);
  });

  it(`past ${SIDEBAR_UNITS} units, lists the units at the top only (their pages list the units below them)`, () => {
    const units = provinceUnits({cities: 11, counties: 30});
    expect(unitsSidebar(units)).toEqual([
      {
        name: "各单位(共 341 个,下级单位见其上级页面)",
        open: false,
        pages: units.filter((u) => u.parent === null).map((u) => ({name: u.name, path: `/units/${u.code}`}))
      }
    ]);
    expect(unitsSidebar(units, {limit: 10})).toEqual([{name: "各区县(市)与直属单位(341 个,见总览)", path: "/"}]);
  });

  it("takes a unit whose parent is not among the units as a unit at the top", () => {
    expect(unitsSidebar([unit("330101", "甲县", "330100")])).toEqual([
      {name: "各区县(市)与直属单位", open: false, pages: [{name: "甲县", path: "/units/330101"}]}
    ]);
  });
});
