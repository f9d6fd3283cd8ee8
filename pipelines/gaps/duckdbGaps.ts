import {mkdtemp, rm, writeFile} from "node:fs/promises";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {PlanwatchError, isMonth, makeDirs} from "../core/index.js";
import type {Observation} from "../intake/index.js";
import type {Target} from "../targets/index.js";
import {unitPlaces} from "../project/index.js";
import type {UnitTree} from "./actuals.js";
import type {Allocation} from "./allocations.js";
import {ACTUAL_COLUMNS, type GapRow, gapTargets, judgeGaps} from "./computeGaps.js";
import {DEFAULT_THRESHOLDS, type Thresholds} from "./status.js";
import {tableOf} from "./tableOf.js";

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
 * Observations as NDJSON in `tmp`, with their order in the ledger (`ord`), and the SQL that reads
 * it. (JSON.stringify per row was faster here than a CSV line built by a template.)
 */
async function observationsJson(observations: readonly Observation[], tmp: string): Promise<string> {
  const file = join(tmp, "observations.ndjson");
  await writeFile(file, observations.map((o, ord) => JSON.stringify({...o, ord})).join("\n") + "\n");
  return `read_json(${q(file)}, columns = ${OBSERVATION_COLUMNS})`;
}

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
    await c.run(
      `COPY (SELECT * FROM ${await observationsJson(observations, tmp)}) TO ${q(dir)} (FORMAT parquet, PARTITION_BY (period), OVERWRITE_OR_IGNORE true)`
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
 * both give the same rows by construction. Options as for computeGaps (`units` included: parents
 * aggregate their children the same way), plus `parquet`: a folder of
 * observations already written by {@link writeObservationsParquet} (default: written from
 * `observations` to a temporary folder).
 */
export async function computeGapsDuckDB({
  targets,
  observations,
  units = [],
  allocations = [],
  asOf,
  thresholds = DEFAULT_THRESHOLDS,
  parquet
}: {
  targets: readonly Target[];
  observations: readonly Observation[];
  units?: UnitTree;
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
    if (parquet)
      await c.run(
        `CREATE VIEW obs AS SELECT * FROM read_parquet(${q(join(parquet, "**", "*.parquet"))}, hive_partitioning = true)`
      );
    // Observations in memory go straight into a table: written as Parquet only to be read back, they took longer than the query.
    else await c.run(`CREATE TABLE obs AS SELECT * FROM ${await observationsJson(observations, tmp)}`);
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
    await createTree(c, units);
    // Sources as one JSON text per row (DuckDB's own to_json, then JSON.parse): converting the lists of structs value by value took longer than the query.
    const rows = (
      await c.runAndReadAll(
        `SELECT * EXCLUDE (sources), to_json(sources)::VARCHAR AS sources FROM (${actualsSql({asOf: month})})`
      )
    ).getRowObjectsJson() as Record<string, unknown>[];
    return judgeGaps(tableOf(rows.map(toActualRow), ACTUAL_COLUMNS), gapTargets(targets, {asOf: month}), {
      asOf: month,
      thresholds
    });
  } finally {
    await rm(tmp, {recursive: true, force: true});
  }
}

/**
 * The units' tree as two tables: `places` (each unit's `parent_code`, `city` at the top, and
 * `level`) and `lineage` (a unit and each unit above it), as the Arquero path's `treeTables`.
 */
async function createTree(c: Connection, units: UnitTree): Promise<void> {
  const places = [...unitPlaces(units)];
  await c.run(`CREATE TABLE places (unit_code VARCHAR, parent_code VARCHAR, level BIGINT)`);
  await c.run(`CREATE TABLE lineage (unit_code VARCHAR, ancestor VARCHAR)`);
  const values = (rows: string[]) => rows.join(", ");
  if (places.length)
    await c.run(
      `INSERT INTO places VALUES ${values(places.map(([code, p]) => `(${q(code)}, ${q(p.parent ?? "city")}, ${p.level})`))}`
    );
  const lineage = places.flatMap(([code, p]) => p.ancestors.map((a) => `(${q(code)}, ${q(a)})`));
  if (lineage.length) await c.run(`INSERT INTO lineage VALUES ${values(lineage)}`);
}

/**
 * The actuals as SQL (DuckDB dialect; Spark SQL and Trino differ only in a few names): one row per
 * target city-wide and per unit that reports it or has an allocation of it, with `actual`,
 * `numerator`, `denominator`, `period`, `share` and `sources`, as {@link judgeGaps} reads them,
 * with each unit's `parent_code` and `level`. A parent's actual aggregates its subtree's reports by
 * the target's own aggregation, and a unit's own report counts only where no unit below it reports
 * the target (children win). It reads the tables `obs`, `targets`, `allocations`, and the tree's
 * `places` and `lineage` ({@link createTree}). Sources are listed in ledger order by sorting each
 * list (`list_sort` on {order, source}), not by an ordered aggregate (`list(… ORDER BY …)`), which
 * took over a second for 11,000 groups.
 */
export function actualsSql({asOf}: {asOf: string}): string {
  return `
WITH current AS (
  SELECT * FROM obs WHERE superseded_by IS NULL AND period <= ${q(asOf)}
), latest AS (
  -- each key's latest month (a GROUP BY: a window over 130,680 rows took a second)
  SELECT unit_code, target_id, school_id, max(period) AS period FROM current WHERE basis = 'cumulative' GROUP BY ALL
), used AS (
  -- cumulative: each key's latest month; per period: every month
  SELECT c.*, 0 AS per_period FROM current c SEMI JOIN latest l ON c.unit_code = l.unit_code AND c.target_id = l.target_id
    AND c.school_id IS NOT DISTINCT FROM l.school_id AND c.period = l.period
    WHERE c.basis = 'cumulative'
  UNION ALL
  SELECT *, 1 AS per_period FROM current WHERE basis = 'period'
), unit_sums AS (
  SELECT unit_code, target_id,
    CASE WHEN count(value) > 0 THEN sum(value) END AS value,
    CASE WHEN count(numerator) > 0 THEN sum(numerator) END AS numerator,
    CASE WHEN count(denominator) > 0 THEN sum(denominator) END AS denominator,
    max(period) AS period,
    list_transform(list_sort(list({'k': per_period, 'o': ord, 's': {'file': file, 'file_sha256': file_sha256, 'row': "row", 'period': period, 'note': note}})), x -> x.s) AS sources
  FROM used GROUP BY unit_code, target_id
), own_actuals AS (
  SELECT u.*, CASE WHEN t.aggregation = 'ratio' THEN CASE WHEN u.denominator > 0 THEN 100 * u.numerator / u.denominator END ELSE u.value END AS actual
  FROM unit_sums u JOIN targets t USING (target_id)
), covered AS (
  -- a unit's own report counts only when no unit below it reports the target: children win
  SELECT DISTINCT l.ancestor AS unit_code, o.target_id FROM own_actuals o JOIN lineage l USING (unit_code) WHERE o.actual IS NOT NULL
), effective AS (
  SELECT o.* FROM own_actuals o ANTI JOIN covered c USING (unit_code, target_id)
), subtree AS (
  -- each unit and every unit above it (the node its report counts for)
  SELECT DISTINCT unit_code, unit_code AS node FROM own_actuals
  UNION ALL SELECT unit_code, ancestor AS node FROM lineage
), used_effective AS (
  SELECT u.* FROM used u SEMI JOIN effective e USING (unit_code, target_id)
), node_sources AS (
  SELECT s.node AS unit_code, u.target_id, max(u.period) AS period,
    list_transform(list_sort(list({'k': per_period, 'o': ord, 's': {'file': file, 'file_sha256': file_sha256, 'row': "row", 'period': u.period, 'note': note}})), x -> x.s) AS sources
  FROM used_effective u JOIN subtree s USING (unit_code) GROUP BY s.node, u.target_id
), unit_actuals AS (
  -- every unit's actual: its subtree's reports that count, aggregated as the city aggregates its units
  SELECT s.node AS unit_code, e.target_id,
    CASE t.aggregation
      WHEN 'ratio' THEN CASE WHEN sum(e.denominator) > 0 THEN 100 * sum(e.numerator) / sum(e.denominator) END
      WHEN 'sum' THEN CASE WHEN count(e.actual) > 0 THEN sum(e.actual) END
      ELSE min(e.actual) END AS actual,
    CASE WHEN count(e.numerator) > 0 THEN sum(e.numerator) END AS numerator,
    CASE WHEN count(e.denominator) > 0 THEN sum(e.denominator) END AS denominator,
    any_value(ns.period) AS period, any_value(ns.sources) AS sources
  FROM effective e JOIN subtree s USING (unit_code) JOIN targets t USING (target_id)
  LEFT JOIN node_sources ns ON ns.unit_code = s.node AND ns.target_id = e.target_id
  GROUP BY s.node, e.target_id, t.aggregation
), city AS (
  SELECT t.target_id, 'city' AS unit_code, NULL::VARCHAR AS parent_code, 0::BIGINT AS level, FALSE AS is_unit, NULL::DOUBLE AS allocation, NULL::DOUBLE AS share,
    CASE t.aggregation
      WHEN 'ratio' THEN CASE WHEN sum(a.denominator) > 0 THEN 100 * sum(a.numerator) / sum(a.denominator) END
      WHEN 'sum' THEN CASE WHEN count(a.actual) > 0 THEN sum(a.actual) END
      ELSE min(a.actual) END AS actual,
    CASE WHEN count(a.numerator) > 0 THEN sum(a.numerator) END AS numerator,
    CASE WHEN count(a.denominator) > 0 THEN sum(a.denominator) END AS denominator,
    (SELECT max(period) FROM used_effective u WHERE u.target_id = t.target_id) AS period,
    coalesce((SELECT list_transform(list_sort(list({'k': per_period, 'o': ord, 's': {'file': file, 'file_sha256': file_sha256, 'row': "row", 'period': period, 'note': note}})), x -> x.s) FROM used_effective u WHERE u.target_id = t.target_id), []) AS sources
  FROM targets t LEFT JOIN effective a USING (target_id)
  GROUP BY t.target_id, t.aggregation
), pairs AS (
  SELECT DISTINCT unit_code, target_id FROM obs
  UNION SELECT l.ancestor, o.target_id FROM (SELECT DISTINCT unit_code, target_id FROM obs) o JOIN lineage l USING (unit_code)
  UNION SELECT unit_code, target_id FROM allocations
), units AS (
  SELECT p.target_id, p.unit_code, coalesce(pl.parent_code, 'city') AS parent_code, coalesce(pl.level, 1) AS level,
    TRUE AS is_unit, al.allocation,
    CASE WHEN t.kind = 'count' AND a.actual IS NOT NULL AND c.actual > 0 THEN a.actual / c.actual END AS share,
    a.actual, a.numerator, a.denominator, a.period, coalesce(a.sources, []) AS sources
  FROM pairs p JOIN targets t USING (target_id)
  LEFT JOIN unit_actuals a USING (unit_code, target_id)
  LEFT JOIN allocations al USING (unit_code, target_id)
  LEFT JOIN city c ON c.target_id = p.target_id
  LEFT JOIN places pl ON pl.unit_code = p.unit_code
)
SELECT target_id, unit_code, parent_code, level, is_unit, allocation, share, actual, numerator, denominator, period, sources FROM city
UNION ALL BY NAME
SELECT target_id, unit_code, parent_code, level, is_unit, allocation, share, actual, numerator, denominator, period, sources FROM units`;
}

/** A row of {@link actualsSql} as JavaScript values (DuckDB's JSON gives some numbers as strings; `sources` is JSON text). */
function toActualRow(r: Record<string, unknown>): Record<string, unknown> {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    ...r,
    allocation: num(r.allocation),
    share: num(r.share),
    actual: num(r.actual),
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    level: Number(r.level),
    period: (r.period as string | null) ?? null,
    sources: (
      (JSON.parse((r.sources as string | null) ?? "[]") as {
        file: string;
        file_sha256: string;
        row: unknown;
        period: string;
        note: string;
      }[]) ?? []
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
  units = [],
  allocations = [],
  out,
  thresholds = DEFAULT_THRESHOLDS
}: {
  targets: readonly Target[];
  observations: readonly Observation[];
  units?: UnitTree;
  allocations?: readonly Allocation[];
  out: string;
  thresholds?: Thresholds;
}): Promise<{observations: number; gaps: number}> {
  const c = await connect();
  const tmp = await mkdtemp(join(tmpdir(), "planwatch-export-"));
  try {
    const obsDir = join(out, "observations");
    await makeDirs(out);
    await writeObservationsParquet(observations, obsDir, c);
    const months = [...new Set(observations.filter((o) => o.superseded_by === null).map((o) => o.period))].sort();
    let gaps = 0;
    const json = join(tmp, "gaps.ndjson");
    const lines: string[] = [];
    for (const asOf of months) {
      const rows = await computeGapsDuckDB({
        targets,
        observations,
        units,
        allocations,
        asOf,
        thresholds,
        parquet: obsDir
      });
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
