import {describe, expect, it} from "vitest";
import {computeGaps} from "../../pipelines/gaps/computeGaps.js";
import {siteGapsFrom} from "../../pipelines/site-data/siteData.js";
import {XIHU, obs, target} from "../helpers/gapsWorld.js";

describe("siteGapsFrom", () => {
  it("carries each target's lead office (code and name) on its rows, city and units alike", () => {
    const targets = [
      target({id: "1.1a", comparator: ">=", value: 120, unit: "所", kind: "count", aggregation: "sum"}),
      target({id: "1.1b", comparator: ">=", value: 90, unit: "%", kind: "level", aggregation: "ratio"})
    ];
    const rows = computeGaps({
      targets,
      observations: [obs(XIHU, "2023-10", "1.1a", 100), obs(XIHU, "2023-10", "1.1b", 95)],
      asOf: "2023-10"
    });
    const site = siteGapsFrom({
      rows,
      units: [],
      targets,
      owners: [
        {target_id: "1.1a", owner: "fgc"},
        {target_id: "1.1b", owner: null}
      ],
      offices: [{code: "fgc", name: "发展规划处", short_name: "发规处"}]
    });
    expect(site.rows.map((r) => [r.target_id, r.unit_code, r.owner, r.owner_name, r.owner_short_name])).toEqual([
      ["1.1a", "city", "fgc", "发展规划处", "发规处"],
      ["1.1a", XIHU, "fgc", "发展规划处", "发规处"],
      ["1.1b", "city", null, null, null],
      ["1.1b", XIHU, null, null, null]
    ]);
  });
});
