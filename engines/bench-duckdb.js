// Times the exported SQL on DuckDB over a CSV export of call logs, for
// scripts/bench: node bench-duckdb.js EXPORT.sql CALLS.csv. Prints the
// records explained, the seconds and the records a second.
const duckdb = require('@duckdb/node-api');
const fs = require('fs');

(async () => {
  const db = await duckdb.DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`CREATE TABLE calls AS SELECT * FROM read_csv('${process.argv[3]}', header = true, all_varchar = true)`);
  await c.run(`CREATE VIEW rtccodes_input AS
    SELECT CorrelationId || '/' || ParticipantId AS record_id, NULL AS product,
           TRY_CAST(ParticipantEndReason AS INTEGER) AS code, TRY_CAST(ParticipantEndSubCode AS INTEGER) AS subcode
    FROM calls`);
  const statements = await c.extractStatements(fs.readFileSync(process.argv[2], 'utf8'));
  for (let i = 0; i < statements.count; i++) {
    await (await statements.prepare(i)).run();
  }
  const start = process.hrtime.bigint();
  await c.runAndReadAll('SELECT pair, match, count(*) FROM rtccodes_explained GROUP BY pair, match');
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rows = await c.runAndReadAll('SELECT count(*) AS records FROM calls');
  const records = Number(rows.getRowObjectsJson()[0].records);
  console.log(`${records} ${seconds.toFixed(2)} ${Math.round(records / seconds)}`);
})().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
