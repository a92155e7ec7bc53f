package explain

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/internal/schema"
)

// TestATableNamesHowItsRecordsAreRead streams a Log Analytics export with
// its Type column: a call summary record is a call log record, never Call
// Automation's, and the rows answer as they do without the column.
func TestATableNamesHowItsRecordsAreRead(t *testing.T) {
	f, err := os.Open("../testdata/payloads/log-analytics-call-summary-with-type.csv")
	require.NoError(t, err)
	defer f.Close()
	var got []string
	for rec, err := range Stream(f, Options{}) {
		require.NoError(t, err)
		got = append(got, rec.Product.String()+" "+rec.Entry.Pair()+" "+string(rec.Entry.Outcome)+" "+rec.Inferred)
		assert.Empty(t, rec.EventType, "a table is no event")
	}
	assert.Equal(t, []string{
		"CallingSDK 487/10003 success the table ACSCallSummary (a call log record)",
		"CallingSDK 410/3112 failure the table ACSCallSummary (a call log record)",
		"PSTN 486/60486 failure the table ACSCallSummary (a call log record)",
	}, got)

	// A table of one product reads its records as that product's.
	x, err := Payload([]byte(`{"Type":"ACSCallAutomationIncomingOperations","OperationName":"Play","code":400,"subCode":8535}`))
	require.NoError(t, err)
	assert.Equal(t, rtccodes.CallAutomation, x.Product)
	assert.Equal(t, "the table ACSCallAutomationIncomingOperations", x.Inferred)
	assert.Equal(t, "*/8535", x.Entry.Pair())
}

// TestEveryNameNamesItsProduct holds every row of the names table to what
// it says: a table is found by its name in any case; a word names its
// product (or its family) in a line.
func TestEveryNameNamesItsProduct(t *testing.T) {
	require.NotEmpty(t, schema.Names)
	for _, n := range schema.Names {
		switch n.Kind {
		case schema.NameTable:
			got, ok := schema.TableNamed(strings.ToLower(n.Name))
			assert.True(t, ok, n.Name)
			assert.Equal(t, n, got)
		case schema.NameWord:
			d, words, ok := schema.Named("2026-11-21 ERROR " + n.Name + " failed")
			if !assert.True(t, ok, "%q names no product", n.Name) {
				continue
			}
			assert.True(t, d.Name == n.Product || d.Family == n.Product, "%q names %s, not %s (%q)", n.Name, d.Name, n.Product, words)
		default:
			t.Errorf("%q: kind %d", n.Name, n.Kind)
		}
	}
}

// TestWordsThatNameAnSDK reads lines that name a TRTC SDK by its API.
func TestWordsThatNameAnSDK(t *testing.T) {
	for _, c := range []struct{ line, want string }{
		{"UNKNOWN_ERROR: 'enterRoom' throw unknown exception", "TRTCWebV5 5999 key"},
		{"trtcClient.join failed code=0x4004 extraCode=-10013", "TRTCWeb 16388/-10013 exact"},
		{"Call end reason: code: 403, subcode: 5221", "CallingSDK 4xx class"},
	} {
		x, err := Line(0, c.line)
		require.NoError(t, err, c.line)
		assert.Equal(t, c.want, x.Entry.Product.String()+" "+x.Entry.Pair()+" "+x.Entry.Match.String(), c.line)
	}
	// Without a word that names it, a key other software uses too is no answer.
	_, err := Line(0, "UNKNOWN_ERROR: something else")
	assert.ErrorIs(t, err, ErrNoCodes)
}
