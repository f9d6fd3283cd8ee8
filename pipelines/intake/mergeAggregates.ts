import {BLOCK, type RangeAggregate, cellLanes} from "./aggregateRanges.js";
import {monthOf} from "../core/index.js";
import type {Catalog} from "./catalog.js";
import {FINDING_CODES, type FindingCode, finding} from "./findings.js";
import type {Observation} from "./observations.js";
import {RULES} from "./rules.js";
import type {StreamedSubmission} from "./streamSubmission.js";

/**
 * Merges the aggregates of the threads that shared a file's ranges ({@link aggregateRanges}):
 * numbers the rows across ranges, keeps the first `maxFindings` findings in file order, and sums
 * each unit's schools month by month (a school read by several threads merged first; a key given
 * by two of them is a duplicate).
 */
export function mergeAggregates(
  parts: RangeAggregate[],
  {catalog, file, sha256, maxFindings}: {catalog: Catalog; file: string; sha256: string; maxFindings: number}
): Omit<StreamedSubmission, "threads"> {
  // Where each range's rows start: after the records of the ranges before it.
  const ranges = Math.max(0, ...parts.flatMap((p) => p.records.map(([k]) => k + 1)));
  const offsets = new Array<number>(ranges + 1).fill(0);
  for (const part of parts) for (const [k, records] of part.records) offsets[k + 1] = records;
  for (let k = 1; k <= ranges; k++) offsets[k]! += offsets[k - 1]!;
  // Each thread's findings are in file order; together, in the order of their ranges.
  const found = parts.flatMap((p) =>
    p.findings.map((f, i) => ({
      range: p.findingRanges[i]!,
      finding: {...f, row: f.row ? f.row + offsets[p.findingRanges[i]!]! : 0}
    }))
  );
  const findings = found
    .sort((a, b) => a.range - b.range)
    .slice(0, maxFindings)
    .map((f) => f.finding);
  const counts: Partial<Record<FindingCode, number>> = {};
  let rows = 0;
  for (const part of parts) {
    for (const [code, n] of Object.entries(part.counts))
      counts[code as FindingCode] = (counts[code as FindingCode] ?? 0) + (n ?? 0);
    rows += part.rows;
  }
  // The months in order; each unit's totals month by month; a key two threads both gave is a duplicate.
  const months = [...new Set(parts.flatMap((p) => p.months))].sort((a, b) => a - b);
  const totals = unitTotals(parts, {months, targets: catalog.targets, units: catalog.units.length});
  if (totals.duplicates) counts.duplicate_key = (counts.duplicate_key ?? 0) + totals.duplicates;
  const school = parts.some((p) => p.schoolIds.some((id) => id !== ""));
  for (let d = 0; d < totals.duplicates && findings.length < maxFindings; d++)
    findings.push(finding("duplicate_key", file, 0, "", RULES.duplicate_key({school})));
  const observations = observationsOf(totals, {catalog, months, file, sha256});
  // A header without a data row is no submission, as the reference path says.
  if (rows === 0 && !Object.keys(counts).some((code) => FINDING_CODES[code as FindingCode] === "error")) {
    counts.no_rows = 1;
    if (findings.length < maxFindings) findings.push(finding("no_rows", file, 0, "", RULES.no_rows()));
  }
  return {file, rows, observations, findings, counts};
}

/** Unit × month × target totals, and whether each was given ({@link unitTotals}). */
interface UnitTotals {
  total: Float64Array;
  totalDen: Float64Array;
  seen: Uint8Array;
  duplicates: number;
}

/**
 * Each unit's monthly totals (unit × month × target): the sum over its schools of each school's
 * latest value so far, plus the sum of its values for a month alone (当期). A school read by one
 * thread is read where it is; one read by several has its cells merged first (a key given twice:
 * a duplicate, counted).
 */
function unitTotals(
  parts: RangeAggregate[],
  {months, targets, units}: {months: number[]; targets: Catalog["targets"]; units: number}
): UnitTotals {
  const T = targets.length;
  const U = units;
  const {laneOf, ratio, lanes} = cellLanes(targets);
  const M = months.length;
  // Where each part keeps each month (-1: it has none).
  const slots = parts.map((p) => months.map((m) => p.months.indexOf(m)));
  // Each school's parts (part, school in it): most schools are in one part and are read where they are.
  const owners = schoolOwners(parts);
  let duplicates = 0;
  const empty = new Float64Array(BLOCK * lanes).fill(NaN);
  const scratch = new Float64Array(M * lanes);
  const scratchFlags = new Uint8Array(M * lanes);
  const monthCells: Float64Array[] = new Array(M);
  const monthFlags: (Uint8Array | null)[] = new Array(M);
  const monthBase = new Int32Array(M);
  // Each unit's monthly totals (unit × month × target): each school's latest value so far, plus the
  // sum of its values for a month alone (当期), month by month.
  const state = {
    laneOf,
    ratio,
    carry: new Float64Array(T),
    carryDen: new Float64Array(T),
    sum: new Float64Array(T),
    sumDen: new Float64Array(T),
    summed: new Uint8Array(T)
  };
  const total = new Float64Array(U * T * M);
  const totalDen = new Float64Array(U * T * M);
  const seen = new Uint8Array(U * T * M);
  for (const {unit: u, parts: where} of owners) {
    if (where.length === 2) {
      const [p, s] = where as [number, number];
      for (let k = 0; k < M; k++) {
        const slot = slots[p]![k]!;
        monthCells[k] = slot < 0 ? empty : parts[p]!.cells[slot]![(s / BLOCK) | 0]!;
        monthFlags[k] = slot < 0 ? null : parts[p]!.periodFlags[slot]![(s / BLOCK) | 0]!;
        monthBase[k] = (s % BLOCK) * lanes;
      }
    } else {
      // A school in several parts (rows of it on both sides of a cut): its cells merged first.
      scratch.fill(NaN);
      scratchFlags.fill(0);
      let flagged = false;
      for (let w = 0; w < where.length; w += 2) {
        const [p, s] = [where[w]!, where[w + 1]!];
        for (let k = 0; k < M; k++) {
          const slot = slots[p]![k]!;
          if (slot < 0) continue;
          const from = parts[p]!.cells[slot]![(s / BLOCK) | 0]!;
          const flags = parts[p]!.periodFlags[slot]![(s / BLOCK) | 0];
          for (let t = 0; t < T; t++) {
            const i = (s % BLOCK) * lanes + laneOf[t]!;
            const j = k * lanes + laneOf[t]!;
            if (from[i] !== from[i]) continue;
            if (scratch[j] === scratch[j]) {
              duplicates++;
              continue;
            }
            scratch[j] = from[i]!;
            if (ratio[t]) scratch[j + 1] = from[i + 1]!;
            if (flags?.[i]) {
              scratchFlags[j] = 1;
              flagged = true;
            }
          }
        }
      }
      // No flags where none is set: the common case stays on one path.
      for (let k = 0; k < M; k++) {
        monthCells[k] = scratch;
        monthFlags[k] = flagged ? scratchFlags : null;
        monthBase[k] = k * lanes;
      }
    }
    addSchool(u, monthCells, monthFlags, monthBase, state, {total, totalDen, seen, M});
  }
  return {total, totalDen, seen, duplicates};
}

/** The unit-level monthly observations of the totals, one per unit × target × month given. */
function observationsOf(
  {total, totalDen, seen}: UnitTotals,
  {catalog, months, file, sha256}: {catalog: Catalog; months: number[]; file: string; sha256: string}
): Observation[] {
  const T = catalog.targets.length;
  const U = catalog.units.length;
  const M = months.length;
  const {ratio} = cellLanes(catalog.targets);
  const observations: Observation[] = [];
  const periods = months.map(monthOf);
  for (let u = 0; u < U; u++) {
    const unit = catalog.units[u]!.code;
    for (let t = 0; t < T; t++) {
      const isRatio = ratio[t] === 1;
      const target = catalog.targets[t]!.id;
      for (let k = 0; k < M; k++) {
        const at = (u * M + k) * T + t;
        if (!seen[at]) continue;
        observations.push({
          unit_code: unit,
          period: periods[k]!,
          target_id: target,
          school_id: "",
          basis: "cumulative",
          note: "",
          row: 0,
          file_sha256: sha256,
          file,
          ingested_at: "",
          superseded_by: null,
          value: isRatio ? (totalDen[at]! > 0 ? (100 * total[at]!) / totalDen[at]! : null) : total[at]!,
          numerator: isRatio ? total[at]! : null,
          denominator: isRatio ? totalDen[at]! : null
        });
      }
    }
  }
  return observations;
}

/**
 * Adds one school of unit `u` to the units' monthly totals (unit × month × target): month by month,
 * each target's latest value so far plus the sum of its values for a month alone (a small function
 * of its own, so that it is compiled early).
 */
function addSchool(
  u: number,
  monthCells: readonly Float64Array[],
  monthFlags: readonly (Uint8Array | null)[],
  monthBase: Int32Array,
  {
    laneOf,
    ratio,
    carry,
    carryDen,
    sum,
    sumDen,
    summed
  }: {
    laneOf: Int32Array;
    ratio: Uint8Array;
    carry: Float64Array;
    carryDen: Float64Array;
    sum: Float64Array;
    sumDen: Float64Array;
    summed: Uint8Array;
  },
  {total, totalDen, seen, M}: {total: Float64Array; totalDen: Float64Array; seen: Uint8Array; M: number}
): void {
  const T = laneOf.length;
  carry.fill(NaN);
  carryDen.fill(NaN);
  sum.fill(0);
  sumDen.fill(0);
  summed.fill(0);
  for (let k = 0; k < M; k++) {
    const cell = monthCells[k]!;
    const flags = monthFlags[k];
    const base = monthBase[k]!;
    const row = (u * M + k) * T;
    for (let t = 0; t < T; t++) {
      const lane = base + laneOf[t]!;
      const v = cell[lane]!;
      if (v === v) {
        const den = ratio[t] ? cell[lane + 1]! : 0;
        if (flags && flags[lane]) {
          sum[t] = sum[t]! + v;
          sumDen[t] = sumDen[t]! + den;
          summed[t] = 1;
        } else {
          carry[t] = v;
          carryDen[t] = den;
        }
      }
      const c = carry[t]!;
      const has = c === c;
      if (!has && !summed[t]) continue;
      seen[row + t] = 1;
      total[row + t] = total[row + t]! + (has ? c : 0) + sum[t]!;
      totalDen[row + t] = totalDen[row + t]! + (has ? carryDen[t]! : 0) + sumDen[t]!;
    }
  }
}

/** Every school across the parts, with its unit and the parts it is in: [part, school in that part, …]. */
function schoolOwners(parts: RangeAggregate[]): {unit: number; parts: number[]}[] {
  if (parts.length === 1) return parts[0]!.schoolUnits.map((unit, s) => ({unit, parts: [0, s]}));
  const schools = new Map<string, {unit: number; parts: number[]}>();
  parts.forEach((p, k) =>
    p.schoolIds.forEach((id, s) => {
      const key = `${p.schoolUnits[s]}|${id}`;
      const known = schools.get(key);
      if (known) known.parts.push(k, s);
      else schools.set(key, {unit: p.schoolUnits[s]!, parts: [k, s]});
    })
  );
  return [...schools.values()];
}
