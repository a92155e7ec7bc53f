package export

import (
	"bytes"
	"encoding/csv"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSQLAnswersAsRtccodes runs the exported SQL on SQLite (the sqlite3
// tool) over every probe and compares each answer with rtccodes'.
func TestSQLAnswersAsRtccodes(t *testing.T) {
	ps := Probes()
	var sql bytes.Buffer
	sql.WriteString(InputSQL(ps) + "\n")
	require.NoError(t, SQL(&sql, Build("en")))
	sql.WriteString(".mode csv\nSELECT record_id, product, pair, match, outcome FROM rtccodes_explained ORDER BY record_id;\n")
	cmd := exec.Command("sqlite3", ":memory:")
	cmd.Stdin = &sql
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	records, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	require.NoError(t, err, "%s", out)
	got := make([]string, len(ps))
	for _, r := range records {
		i, err := strconv.Atoi(r[0])
		require.NoError(t, err)
		require.Empty(t, got[i], "record %d answered twice", i)
		got[i] = strings.Join(r[1:], " ")
	}
	agree := 0
	for i, p := range ps {
		if assert.Equal(t, p.Want(), got[i], "%s %s/%s", p.Product, ptr(p.Code), ptr(p.Subcode)) {
			agree++
		}
	}
	t.Logf("SQLite: %d probes, %d agreements (%d answered)", len(ps), agree, len(records))
	assert.Greater(t, len(ps), 3000)
	assert.True(t, slices.ContainsFunc(records, func(r []string) bool { return r[3] == "sbc-rule" }), "the SBC rule answers some")
}
