import {mkdir, mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import * as aq from "arquero";
import {PlanwatchError, isMonth} from "../core/index.js";
import type {Observation} from "../intake/index.js";
import type {Target} from "../targets/index.js";
import type {Allocation} from "./allocations.js";
import {type GapRow, gapTargets, judgeGaps} from "./computeGaps.js";
import {DEFAULT_THRESHOLDS, type Thresholds} from "./status.js";

type Connection = {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{getRowObjectsJson(): unknown[]}>;
};

/** Opens DuckDB (a development dependency: `npm ci` installs it; `--omit=dev` does not). */
async function connect(): Promise<Connection> {
  try {
    const {DuckDBInstance} = await import("@duckdb/node-api");
    return (await (await DuckDBInstance.create(":memory:")).connect()) as unknown as Connection;
  } catch (error) {
    throw new PlanwatchError(
      "no_duckdb",
      `the duckdb engine needs @duckdb/node-api (npm ci installs it): ${(error as Error).message}`,
      {cause: error}
    );
  }
}

const q = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * Writes observations as Parquet under `dir`, partitioned by month (`period=2023-06/…`), with their
 * order in the ledger (`ord`), so that DuckDB, Spark SQL or Trino can read them as one table.
 */
export async function writeObservationsParquet(
  observations: readonly Observation[],
  dir: string,
  connection?: Connection
): Promise<void> {
  const c = connection ?? (await connect());
  const tmp = await mkdtemp(join(tmpdir(), "planwatch-obs-"));
  try {
    const json = join(tmp, "observations.ndjson");
    await writeFile(json, observations.map((o, ord) => JSON.stringify({...o, ord})).join("\n") + "\n");
    await c.run(
      `COPY (SELECT * FROM read_json(${q(json)}, columns = ${OBSERVATION_COLUMNS})) TO ${q(dir)} (FORMAT parquet, PARTITION_BY (period), OVERWRITE_OR_IGNORE true)`
    );
  } finally {
    await rm(tmp, {recursive: true, force: true});
  }
}

const OBSERVATION_COLUMNS = `{unit_code: 'VARCHAR', period: 'VARCHAR', target_id: 'VARCHAR', school_id: 'VARCHAR', value: 'DOUBLE', numerator: 'DOUBLE',
  denominator: 'DOUBLE', basis: 'VARCHAR', note: 'VARCHAR', "row": 'BIGINT', file_sha256: 'VARCHAR', file: 'VARCHAR', ingested_at: 'VARCHAR',
  superseded_by: 'VARCHAR', ord: 'BIGINT'}`;

/**
 * The gaps table with DuckDB over observations stored as Parquet partitioned by month, for data
 * larger than memory (DuckDB streams Parquet) or for a distributed engine running the same SQL: the
 * actuals (the large part) come from SQL ({@link actualsSql}), and the small table of one row per
 * target × unit goes through the same status pipeline as the Arquero path ({@link judgeGaps}), so
 * both give the same rows by construction. Options as for computeGaps, plus `parquet`: a folder of
 * observations already written by {@link writeObservationsParquet} (default: written from
 * `observations` to a temporary folder).
 */
export async function computeGapsDuckDB({
  targets,
  observations,
  allocations = [],
  asOf,
  thresholds = DEFAULT_THRESHOLDS,
  parquet
}: {
  targets: readonly Target[];
  observations: readonly Observation[];
  allocations?: readonly Allocation[];
  asOf?: string;
  thresholds?: Thresholds;
  parquet?: string;
}): Promise<GapRow[]> {
  if (asOf !== undefined && !isMonth(asOf))
    throw new PlanwatchError("invalid_option", `invalid as-of month: ${asOf} (expected YYYY-MM)`);
  const c = await connect();
  const tmp = await mkdtemp(join(tmpdir(), "planwatch-duckdb-"));
  try {
    const dir = parquet ?? join(tmp, "observations");
    if (!parquet) await writeObservationsParquet(observations, dir, c);
    await c.run(
      `CREATE VIEW obs AS SELECT * FROM read_parquet(${q(join(dir, "**", "*.parquet"))}, hive_partitioning = true)`
    );
    const month =
      asOf ??
      (
        (
          await c.runAndReadAll(`SELECT max(period) AS m FROM obs WHERE superseded_by IS NULL`)
        ).getRowObjectsJson()[0] as {m: string | null}
      ).m;
    if (!month) throw new PlanwatchError("no_data", "还没有任何数据,无法计算差距(请先用 planwatch ingest 接收填报)");
    const tj = join(tmp, "targets.ndjson");
    await writeFile(
      tj,
      targets.map((t) => JSON.stringify({target_id: t.id, kind: t.kind, aggregation: t.aggregation})).join("\n") + "\n"
    );
    await c.run(
      `CREATE TABLE targets AS SELECT * FROM read_json(${q(tj)}, columns = {target_id: 'VARCHAR', kind: 'VARCHAR', aggregation: 'VARCHAR'})`
    );
    await c.run(`CREATE TABLE allocations (unit_code VARCHAR, target_id VARCHAR, allocation DOUBLE)`);
    if (allocations.length)
      await c.run(
        `INSERT INTO allocations VALUES ${allocations.map((a) => `(${q(a.unit_code)}, ${q(a.target_id)}, ${a.value})`).join(", ")}`
      );
    const rows = (await c.runAndReadAll(actualsSql({asOf: month}))).getRowObjectsJson() as Record<string, unknown>[];
    return judgeGaps(aq.from(rows.map(toActualRow)), gapTargets(targets, {asOf: month}), {asOf: month, thresholds});
  } finally {
    await rm(tmp, {recursive: true, force: true});
  }
}

/**
 * The actuals as SQL (DuckDB dialect; Spark SQL and Trino differ only in a few names): one row per
 * target city-wide and per unit that reports it or has an allocation of it, with `actual`,
 * `numerator`, `denominator`, `period`, `share` and `sources`, as {@link judgeGaps} reads them.
 */
export function actualsSql({asOf}: {asOf: string}): string {
  return `
WITH current AS (
  SELECT * FROM obs WHERE superseded_by IS NULL AND period <= ${q(asOf)}
), used AS (
  -- cumulative: each key's latest month; per period: every month
  SELECT *, 0 AS per_period FROM current WHERE basis = 'cumulative'
    QUALIFY period = max(period) OVER (PARTITION BY unit_code, target_id, school_id)
  UNION ALL
  SELECT *, 1 AS per_period FROM current WHERE basis = 'period'
), unit_sums AS (
  SELECT unit_code, target_id,
    CASE WHEN count(value) > 0 THEN sum(value) END AS value,
    CASE WHEN count(numerator) > 0 THEN sum(numerator) END AS numerator,
    CASE WHEN count(denominator) > 0 THEN sum(denominator) END AS denominator,
    max(period) AS period,
    list({'file': file, 'file_sha256': file_sha256, 'row': "row", 'period': period, 'note': note} ORDER BY per_period, ord) AS sources
  FROM used GROUP BY unit_code, target_id
), unit_actuals AS (
  SELECT u.*, CASE WHEN t.aggregation = 'ratio' THEN CASE WHEN u.denominator > 0 THEN 100 * u.numerator / u.denominator END ELSE u.value END AS actual
  FROM unit_sums u JOIN targets t USING (target_id)
), city AS (
  SELECT t.target_id, 'city' AS unit_code, FALSE AS is_unit, NULL::DOUBLE AS allocation, NULL::DOUBLE AS share,
    CASE t.aggregation
      WHEN 'ratio' THEN CASE WHEN sum(a.denominator) > 0 THEN 100 * sum(a.numerator) / sum(a.denominator) END
      WHEN 'sum' THEN CASE WHEN count(a.actual) > 0 THEN sum(a.actual) END
      ELSE min(a.actual) END AS actual,
    CASE WHEN count(a.numerator) > 0 THEN sum(a.numerator) END AS numerator,
    CASE WHEN count(a.denominator) > 0 THEN sum(a.denominator) END AS denominator,
    (SELECT max(period) FROM used WHERE used.target_id = t.target_id) AS period,
    coalesce((SELECT list({'file': file, 'file_sha256': file_sha256, 'row': "row", 'period': period, 'note': note} ORDER BY per_period, ord) FROM used WHERE used.target_id = t.target_id), []) AS sources
  FROM targets t LEFT JOIN unit_actuals a USING (target_id)
  GROUP BY t.target_id, t.aggregation
), pairs AS (
  SELECT DISTINCT unit_code, target_id FROM obs
  UNION SELECT unit_code, target_id FROM allocations
), units AS (
  SELECT p.target_id, p.unit_code, TRUE AS is_unit, al.allocation,
    CASE WHEN t.kind = 'count' AND a.actual IS NOT NULL AND c.actual > 0 THEN a.actual / c.actual END AS share,
    a.actual, a.numerator, a.denominator, a.period, coalesce(a.sources, []) AS sources
  FROM pairs p JOIN targets t USING (target_id)
  LEFT JOIN unit_actuals a USING (unit_code, target_id)
  LEFT JOIN allocations al USING (unit_code, target_id)
  LEFT JOIN city c ON c.target_id = p.target_id
)
SELECT target_id, unit_code, is_unit, allocation, share, actual, numerator, denominator, period, sources FROM city
UNION ALL BY NAME
SELECT target_id, unit_code, is_unit, allocation, share, actual, numerator, denominator, period, sources FROM units`;
}

/** A row of {@link actualsSql} as JavaScript values (DuckDB's JSON gives some numbers as strings). */
function toActualRow(r: Record<string, unknown>): Record<string, unknown> {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    ...r,
    allocation: num(r.allocation),
    share: num(r.share),
    actual: num(r.actual),
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    period: (r.period as string | null) ?? null,
    sources: (
      (r.sources as {file: string; file_sha256: string; row: unknown; period: string; note: string}[]) ?? []
    ).map((s) => ({...s, row: Number(s.row)}))
  };
}

/**
 * Writes `<out>/observations/period=…/` and `<out>/gaps/as_of=…/` as Parquet: the observations, and
 * the gaps table as of every month with data (computed as above). Returns the row counts.
 */
export async function exportParquet({
  targets,
  observations,
  allocations = [],
  out,
  thresholds = DEFAULT_THRESHOLDS
}: {
  targets: readonly Target[];
  observations: readonly Observation[];
  allocations?: readonly Allocation[];
  out: string;
  thresholds?: Thresholds;
}): Promise<{observations: number; gaps: number}> {
  const c = await connect();
  const tmp = await mkdtemp(join(tmpdir(), "planwatch-export-"));
  try {
    const obsDir = join(out, "observations");
    await mkdir(out, {recursive: true});
    await writeObservationsParquet(observations, obsDir, c);
    const months = [...new Set(observations.filter((o) => o.superseded_by === null).map((o) => o.period))].sort();
    let gaps = 0;
    const json = join(tmp, "gaps.ndjson");
    const lines: string[] = [];
    for (const asOf of months) {
      const rows = await computeGapsDuckDB({targets, observations, allocations, asOf, thresholds, parquet: obsDir});
      gaps += rows.length;
      for (const r of rows) lines.push(JSON.stringify(r));
    }
    await writeFile(json, lines.join("\n") + "\n");
    await c.run(
      `COPY (SELECT * FROM read_json(${q(json)}, sample_size = -1)) TO ${q(join(out, "gaps"))} (FORMAT parquet, PARTITION_BY (as_of), OVERWRITE_OR_IGNORE true)`
    );
    return {observations: observations.length, gaps};
  } finally {
    await rm(tmp, {recursive: true, force: true});
  }
}
