// Parses and analyzes Kusto with Microsoft's own language service, against
// the tables a query runs on, and prints each diagnostic as a JSON line:
// node kusto.js SCHEMA FILE. SCHEMA is JSON: {"Table": "(Column:type, ...)"}.
require('@kusto/language-service-next/bridge.js');
require('@kusto/language-service-next/Kusto.Language.Bridge.js');
const fs = require('fs');

const K = Kusto.Language;
const symbols = K.Symbols;
const schema = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const tables = Object.entries(schema).map(([name, columns]) => symbols.TableSymbol.From(columns).WithName(name));
const db = new symbols.DatabaseSymbol.ctor('logs', tables);
const globals = K.GlobalState.Default.WithCluster(new symbols.ClusterSymbol.ctor('cluster', [db])).WithDatabase(db);
const text = fs.readFileSync(process.argv[3], 'utf8');
const diagnostics = K.KustoCode.ParseAndAnalyze(text, globals).GetDiagnostics();
for (let i = 0; i < diagnostics.Count; i++) {
  const d = diagnostics.getItem(i);
  process.stdout.write(JSON.stringify({severity: d.Severity, start: d.Start, message: d.Message, at: text.substr(d.Start, 60)}) + '\n');
}
