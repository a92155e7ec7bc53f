// Runs an SQL script on DuckDB, in memory, and prints the rows of its last
// statement as JSON Lines: node duckdb.js SCRIPT.
const duckdb = require('@duckdb/node-api');
const fs = require('fs');

(async () => {
  const db = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await db.connect();
  const statements = await connection.extractStatements(fs.readFileSync(process.argv[2], 'utf8'));
  let last;
  for (let i = 0; i < statements.count; i++) {
    last = await (await statements.prepare(i)).runAndReadAll();
  }
  for (const row of last.getRowObjectsJson()) {
    process.stdout.write(JSON.stringify(row) + '\n');
  }
})().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
