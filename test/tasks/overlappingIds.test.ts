import {describe, expect, it} from "vitest";
import {overlappingIds} from "../../pipelines/tasks/overlappingIds.js";

describe("overlappingIds", () => {
  it("gives the ids a filter over every span gives, in the spans' order", () => {
    // spans of every shape: nested, touching, repeated, given out of order
    const spans = Array.from({length: 300}, (_, i) => {
      const start = (i * 37) % 500;
      return {id: `t${i}`, start_offset: start, end_offset: start + ((i * 13) % 40) + 1};
    });
    const lookup = overlappingIds(spans);
    for (let start = 0; start < 560; start += 7)
      for (const length of [1, 5, 30]) {
        const end = start + length;
        const expected = spans.filter((t) => t.start_offset < end && t.end_offset > start).map((t) => t.id);
        expect(lookup(start, end), `${start}…${end}`).toEqual(expected);
      }
  });

  it("finds nothing among no spans", () => {
    expect(overlappingIds([])(0, 10)).toEqual([]);
  });
});
