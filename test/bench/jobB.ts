// One timed run of DuckDB on a file: read_csv + the same GROUP BY (each school's latest value,
// summed per unit) + a join with the targets table. Prints JSON like jobA.
import {DuckDBInstance} from "@duckdb/node-api";
import {projectTargets} from "../../pipelines/targets/projectTargets.js";
import {PROJECT_DIR} from "../helpers/cli.js";

const file = process.argv[2]!;
const targets = await projectTargets({projectDir: PROJECT_DIR});
const started = performance.now();
const db = await DuckDBInstance.create(":memory:");
const c = await db.connect();
await c.run(`CREATE TABLE targets AS SELECT * FROM (VALUES ${targets.map((t) => `('${t.id}', '${t.aggregation}')`).join(",")}) t(id, aggregation)`);
const reader = await c.runAndReadAll(`
  WITH r AS (SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true, quote = '"', escape = '"', columns = {
      'unit': 'VARCHAR', 'period': 'VARCHAR', 'target_id': 'VARCHAR', 'school_id': 'VARCHAR', 'value': 'DOUBLE',
      'numerator': 'DOUBLE', 'denominator': 'DOUBLE', 'basis': 'VARCHAR', 'note': 'VARCHAR'})),
  latest AS (SELECT unit, target_id, school_id, arg_max(value, period) AS value, arg_max(numerator, period) AS numerator,
      arg_max(denominator, period) AS denominator FROM r WHERE period <= '2023-12' GROUP BY ALL),
  units AS (SELECT unit, target_id, sum(value) AS value, sum(numerator) AS numerator, sum(denominator) AS denominator FROM latest GROUP BY ALL)
  SELECT u.target_id, t.aggregation, CASE WHEN t.aggregation = 'ratio' THEN 100 * sum(u.numerator) / sum(u.denominator)
      WHEN t.aggregation = 'sum' THEN sum(u.value) ELSE min(CASE WHEN u.denominator > 0 THEN 100 * u.numerator / u.denominator ELSE u.value END) END AS actual,
      count(*) AS units
  FROM units u JOIN targets t ON t.id = u.target_id GROUP BY u.target_id, t.aggregation`);
const rows = reader.getRowObjectsJson() as {actual: number}[];
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({seconds, rss_mb: process.resourceUsage().maxRSS / 1024, rows: null, check: rows.reduce((a, r) => a + Number(r.actual), 0)}));
