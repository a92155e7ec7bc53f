// Package engines checks rtccodes' export on the engines that hold the
// logs: the SQL on SQLite (the sqlite3 tool) and DuckDB (its Node
// package), the Kusto with Microsoft's own parser and analyzer (no Kusto
// engine runs here: the KQL's logic, which is the SQL's step for step, is
// proved through the SQL). A module of its own, so that the library takes
// none of these dependencies; .ci/run installs the Node packages
// (npm ci) and runs it.
package engines

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes/internal/export"
)

// TestMain builds the command line tool from this tree.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "rtccodes-engines")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "rtccodes")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/rtccodes/rtccodes/cmd/rtccodes").CombinedOutput(); err != nil {
		panic(string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// bin is the command line tool.
var bin string

// rtccodes runs the command line tool.
func rtccodes(t *testing.T, args ...string) []byte {
	t.Helper()
	out, err := exec.Command(bin, args...).Output()
	require.NoError(t, err, "%s", stderrOf(err))
	return out
}

// TestSQLAnswersAsRtccodesOnTwoEngines runs rtccodes export sql, with a
// table of probes, on SQLite and DuckDB, and compares every answer with
// rtccodes'.
func TestSQLAnswersAsRtccodesOnTwoEngines(t *testing.T) {
	probes := export.Probes()
	script := export.InputSQL(probes) + "\n" + string(rtccodes(t, "export", "sql"))
	query := "SELECT record_id, product, pair, match, outcome FROM rtccodes_explained ORDER BY record_id;\n"
	file := filepath.Join(t.TempDir(), "probes.sql")

	// SQLite: the sqlite3 tool, CSV out.
	cmd := exec.Command("sqlite3", ":memory:")
	cmd.Stdin = strings.NewReader(script + ".mode csv\n" + query)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%.2000s", out)
	records, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	require.NoError(t, err)
	sqlite := map[int]string{}
	for _, r := range records {
		i, err := strconv.Atoi(r[0])
		require.NoError(t, err)
		sqlite[i] = strings.Join(r[1:], " ")
	}

	// DuckDB: its Node package, JSON Lines out.
	require.NoError(t, os.WriteFile(file, []byte(script+query), 0o600))
	out, err = exec.Command("node", "duckdb.js", file).Output()
	require.NoError(t, err, "%s", stderrOf(err))
	duckdb := map[int]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var row struct {
			RecordID                      json.Number `json:"record_id"`
			Product, Pair, Match, Outcome string
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &row))
		i, err := strconv.Atoi(row.RecordID.String())
		require.NoError(t, err)
		duckdb[i] = strings.Join([]string{row.Product, row.Pair, row.Match, row.Outcome}, " ")
	}

	for name, got := range map[string]map[int]string{"SQLite": sqlite, "DuckDB": duckdb} {
		agree := 0
		for i, p := range probes {
			if assert.Equal(t, p.Want(), got[i], "%s: probe %d %+v", name, i, p) {
				agree++
			}
		}
		t.Logf("%s: %d probes, %d agreements", name, len(probes), agree)
	}
	assert.Greater(t, len(probes), 3000)
}

// stderrOf returns what a command that failed wrote to stderr.
func stderrOf(err error) string {
	if e, ok := err.(*exec.ExitError); ok {
		return string(e.Stderr)
	}
	return ""
}

// acsCallSummary is the published schema of the Log Analytics table
// ACSCallSummary (its end reason and subcode are strings), and
// callAutomationResults the table of Call Automation results docs/engines.md
// declares (no published table carries them).
const (
	acsCallSummary = "(TenantId:string, TimeGenerated:datetime, OperationName:string, OperationVersion:string, Category:string, " +
		"CorrelationId:string, CallStartTime:datetime, CallDuration:long, CallType:string, TeamsThreadId:string, ParticipantId:string, " +
		"ParticipantStartTime:datetime, ParticipantDuration:long, ParticipantEndReason:string, ParticipantEndSubCode:string, " +
		"EndpointId:string, EndpointType:string, SdkVersion:string, OsVersion:string, PstnParticipantCallType:string, Identifier:string, " +
		"DiagnosticOptions:string, Type:string, _BilledSize:real, _IsBillable:string, _ResourceId:string, _SubscriptionId:string)"
	callAutomationResults = "(TimeGenerated:datetime, CallConnectionId:string, EventType:string, Code:int, Subcode:int)"
)

// TestKQLHasNoDiagnostics checks rtccodes export kql, with every Kusto
// query of docs/engines.md after it, and export kql-function, with Microsoft's
// Kusto analyzer against the tables' schemas.
func TestKQLHasNoDiagnostics(t *testing.T) {
	dir := t.TempDir()
	schema := filepath.Join(dir, "schema.json")
	b, err := json.Marshal(map[string]string{"ACSCallSummary": acsCallSummary, "CallAutomationResults": callAutomationResults})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(schema, b, 0o600))

	readme, err := os.ReadFile("../docs/engines.md")
	require.NoError(t, err)
	queries := regexp.MustCompile("(?s)```kusto\n(.*?)```").FindAllSubmatch(readme, -1)
	require.NotEmpty(t, queries, "docs/engines.md shows Kusto queries")

	kql := rtccodes(t, "export", "kql")
	texts := map[string][]byte{"export kql-function": rtccodes(t, "export", "kql-function")}
	for i, q := range queries {
		texts["export kql and docs/engines.md query "+strconv.Itoa(i+1)] = append(append(append([]byte{}, kql...), '\n'), q[1]...)
	}
	for name, text := range texts {
		file := filepath.Join(dir, "query.kql")
		require.NoError(t, os.WriteFile(file, text, 0o600))
		out, err := exec.Command("node", "kusto.js", schema, file).Output()
		require.NoError(t, err, "%s", stderrOf(err))
		assert.Empty(t, string(out), "%s: the diagnostics of the Kusto analyzer", name)
		t.Logf("%s: %d diagnostics", name, bytes.Count(out, []byte("\n")))
	}
}
