import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {aggregateRanges} from "../../pipelines/intake/aggregateRanges.js";
import {mergeAggregates} from "../../pipelines/intake/mergeAggregates.js";
import {JULY_5, seedCatalog} from "../helpers/catalog.js";

describe("aggregateRanges on threads that share a file's ranges, then mergeAggregates", () => {
  let dir = "";
  let file = "";
  /** Where every 37th record starts (the header's range first): ranges of whole records. */
  let bounds: number[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "planwatch-merge-"));
    file = join(dir, "schools.csv");
    const lines = ["unit,period,target_id,school_id,value,numerator,denominator,basis,note"];
    for (let s = 0; s < 40; s++)
      for (let m = 1; m <= 6; m++) {
        lines.push(
          `${["西湖区", "上城区", "330110"][s % 3]},2023-0${m},6.1b,S${s},${s + m},,,cumulative,${s % 7 === 0 ? '"含新校区,""临时""校舍"' : ""}`
        );
        lines.push(
          `${["西湖区", "上城区", "330110"][s % 3]},2023-0${m},2.4a,S${s},,${m + (s % 5)},${20 + m},${m % 2 ? "当期" : "累计"},`
        );
      }
    // Bad rows here and there: each is reported with its row in the whole file, whichever thread read it.
    lines.splice(100, 0, "西糊区,2023-01,6.1b,X,1,,,,");
    lines.splice(250, 0, "西湖区,2023-01,6.1x,X,1,,,,");
    lines.splice(400, 0, "西湖区,2023-02,2.4a,S0,,30,20,,");
    lines.splice(401, 0, lines[401]!); // a duplicate next to its first
    const text = `${lines.join("\n")}\n`;
    await writeFile(file, text);
    bounds = [0];
    let at = 0;
    lines.forEach((line, i) => {
      if (i && i % 37 === 0) bounds.push(at);
      at += Buffer.byteLength(line) + 1;
    });
    bounds.push(at);
  });
  afterAll(() => rm(dir, {recursive: true, force: true}));

  /** A claim function that gives `ranges` in turn, then one past the last. */
  const taking = (ranges: number[]) => {
    const queue = [...ranges, bounds.length - 1];
    return () => queue.shift() ?? bounds.length - 1;
  };
  const read = async (claims: number[][]) => {
    const catalog = await seedCatalog();
    const parts = await Promise.all(
      claims.map((ranges, i) =>
        aggregateRanges({
          path: file,
          bounds,
          claim: taking(ranges),
          reportHeader: i === 0,
          catalog,
          now: JULY_5,
          maxFindings: 100
        })
      )
    );
    return mergeAggregates(parts, {catalog, file: "schools.csv", sha256: "", maxFindings: 100});
  };

  it("gives what one thread reading every range gives: rows, findings with their rows, counts and totals", async () => {
    const ranges = Array.from({length: bounds.length - 1}, (_, k) => k);
    expect(ranges.length).toBeGreaterThan(10);
    const one = await read([ranges]);
    expect(one.findings.map((f) => [f.code, f.row])).toEqual([
      ["unknown_unit", 101],
      ["unknown_target", 251],
      ["numerator_over_denominator", 401],
      ["duplicate_key", 403]
    ]);
    const even = ranges.filter((k) => k % 2 === 0);
    const odd = ranges.filter((k) => k % 2 === 1);
    for (const claims of [
      [even, odd],
      [odd, even],
      [ranges.slice(5), ranges.slice(0, 5)],
      [[], ranges],
      [ranges, []]
    ]) {
      const split = await read(claims);
      expect(split.rows).toBe(one.rows);
      expect(split.findings).toEqual(one.findings);
      expect(split.counts).toEqual(one.counts);
      expect(split.observations).toEqual(one.observations);
    }
  });

  it("counts a key that two threads both read as a duplicate", async () => {
    const catalog = await seedCatalog();
    const ranges = Array.from({length: bounds.length - 1}, (_, k) => k);
    // Both threads read range 3: every key in it is there twice.
    const parts = await Promise.all(
      [ranges, [3]].map((claims, i) =>
        aggregateRanges({
          path: file,
          bounds,
          claim: taking(claims),
          reportHeader: i === 0,
          catalog,
          now: JULY_5,
          maxFindings: 100
        })
      )
    );
    const merged = mergeAggregates(parts, {catalog, file: "schools.csv", sha256: "", maxFindings: 100});
    expect(merged.counts.duplicate_key).toBeGreaterThan(30);
  });
});
