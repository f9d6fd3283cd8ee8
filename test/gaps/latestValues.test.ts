import * as aq from "arquero";
import {describe, expect, it} from "vitest";
import {latestValues} from "../../pipelines/gaps/latestValues.js";

const submitted = aq.from([
  {unit: "西湖区", target_id: "6.1b", period: "2023-01", value: 100},
  {unit: "西湖区", target_id: "6.1b", period: "2023-03", value: 300},
  {unit: "西湖区", target_id: "6.1a", period: "2023-02", value: 1},
  {unit: "上城区", target_id: "6.1b", period: "2023-02", value: 250}
]);

describe("latestValues", () => {
  it("keeps each unit × target's latest period", () => {
    expect(latestValues(submitted).objects()).toEqual([
      {unit: "上城区", target_id: "6.1b", period: "2023-02", value: 250},
      {unit: "西湖区", target_id: "6.1a", period: "2023-02", value: 1},
      {unit: "西湖区", target_id: "6.1b", period: "2023-03", value: 300}
    ]);
  });

  it("ignores periods after asOf", () => {
    expect(latestValues(submitted, {asOf: "2023-02"}).objects()).toContainEqual({unit: "西湖区", target_id: "6.1b", period: "2023-01", value: 100});
    expect(latestValues(submitted, {asOf: "2022-12"}).numRows()).toBe(0);
  });
});
