// One whole-process DuckDB run, as a user would script it (plain JavaScript, no TypeScript loader):
// read_csv, each school's latest value (arg_max by month), summed per unit (units by name, short
// name or code, mapped to their code; targets by id or indicator name, mapped to their id), then the city per target by its aggregation. Arguments: the
// CSV file and a JSON spec {columns: [[header, field]...], targets: [{id, indicator, aggregation}], units:
// [[alias, code]...], asOf}. Prints JSON {check}: the sum of the city actuals.
import {readFileSync} from "node:fs";
import {DuckDBInstance} from "@duckdb/node-api";

const [file, specFile] = process.argv.slice(2);
const {columns, targets, units, asOf} = JSON.parse(readFileSync(specFile, "utf8"));
const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
const name = (field) => `"${columns.find(([, f]) => f === field)[0]}"`;
const types = {value: "DOUBLE", numerator: "DOUBLE", denominator: "DOUBLE"};
const started = performance.now();
const db = await DuckDBInstance.create(":memory:");
const c = await db.connect();
await c.run(
  `CREATE TABLE targets AS SELECT * FROM (VALUES ${targets.map((t) => `(${q(t.id)}, ${q(t.aggregation)})`).join(",")}) t(id, aggregation)`
);
// A row names its target by id or by indicator name (a shape with a 指标 column): both map to the id.
await c.run(
  `CREATE TABLE target_alias AS SELECT * FROM (VALUES ${targets.flatMap((t) => [`(${q(t.id)}, ${q(t.id)})`, `(${q(t.indicator)}, ${q(t.id)})`]).join(",")}) t(alias, id)`
);
await c.run(
  `CREATE TABLE unit_alias AS SELECT * FROM (VALUES ${units.map(([alias, code]) => `(${q(alias)}, ${q(code)})`).join(",")}) u(alias, code)`
);
const reader = await c.runAndReadAll(`
  WITH r AS (SELECT ${name("unit")} AS unit, ${name("period")} AS period, ${name("target_id")} AS target_id, ${name("school_id")} AS school_id,
      ${name("value")} AS value, ${name("numerator")} AS numerator, ${name("denominator")} AS denominator
    FROM read_csv(${q(file)}, header = true, quote = '"', escape = '"', columns = {${columns.map(([h, f]) => `${q(h)}: '${types[f] ?? "VARCHAR"}'`).join(", ")}})),
  latest AS (SELECT a.code AS unit, ta.id AS target_id, school_id, arg_max(value, period) AS value, arg_max(numerator, period) AS numerator,
      arg_max(denominator, period) AS denominator FROM r JOIN unit_alias a ON a.alias = r.unit JOIN target_alias ta ON ta.alias = r.target_id
      WHERE period <= ${q(asOf)} GROUP BY ALL),
  units AS (SELECT unit, target_id, sum(value) AS value, sum(numerator) AS numerator, sum(denominator) AS denominator FROM latest GROUP BY ALL)
  SELECT u.target_id, CASE WHEN t.aggregation = 'ratio' THEN 100 * sum(u.numerator) / sum(u.denominator)
      WHEN t.aggregation = 'sum' THEN sum(u.value) ELSE min(CASE WHEN u.denominator > 0 THEN 100 * u.numerator / u.denominator ELSE u.value END) END AS actual
  FROM units u JOIN targets t ON t.id = u.target_id GROUP BY u.target_id, t.aggregation`);
const rows = reader.getRowObjectsJson();
console.log(
  JSON.stringify({check: rows.reduce((a, r) => a + Number(r.actual), 0), seconds: (performance.now() - started) / 1000})
);
