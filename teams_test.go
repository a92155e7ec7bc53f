package rtccodes_test

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

// TestTeamsCallEndTableAgainstItsPage reads the "Call end reason codes"
// table of the Graph page by a pattern of its own and holds every row to
// it, for both products it is a source of: the row is there with its text
// as published, and a lookup of its pair is the ACS documents' row where
// they list the pair, the Teams row where only it does.
func TestTeamsCallEndTableAgainstItsPage(t *testing.T) {
	b, err := os.ReadFile("testdata/acs/graph-call-delete.en.02b4cba.md")
	require.NoError(t, err)
	row := regexp.MustCompile(`(?m)^\| (\d{3})  \| ([\d/]+) +\| (.+?) +\|$`)
	rows := row.FindAllStringSubmatch(string(b), -1)
	require.Len(t, rows, 29, "the table's rows")
	only := 0
	for _, p := range []rtccodes.Product{rtccodes.CallingSDK, rtccodes.CallAutomation} {
		for _, m := range rows {
			code, _ := strconv.Atoi(m[1])
			for _, s := range strings.Split(m[2], "/") {
				sub, _ := strconv.Atoi(s)
				found := false
				for e := range rtccodes.All(p) {
					if e.Section == rtccodes.SectionTeamsCallEnd && e.Code == code && e.Subcode == sub {
						found = true
						assert.Equal(t, m[3], e.Message, "%v %d/%d", p, code, sub)
					}
				}
				assert.True(t, found, "%v %d/%d is no row", p, code, sub)
				e, ok := rtccodes.Lookup(p, code, sub)
				require.True(t, ok)
				assert.Equal(t, rtccodes.MatchExact, e.Match, "%v %d/%d", p, code, sub)
				assert.Equal(t, m[1]+"/"+s, e.Pair(), "%v: the pair's own row answers", p)
				if e.Section == rtccodes.SectionTeamsCallEnd {
					only++
				}
			}
		}
	}
	assert.Greater(t, only, 20, "pairs only the Teams table lists")

	// The codes users ask about, each exact for both products.
	for _, q := range [][2]int{{200, 5855}, {200, 10550}, {200, 18503}, {408, 1106}, {480, 10134}, {480, 10199}, {500, 1005},
		{200, 5001}, {200, 5002}, {200, 5007}, {200, 5012}, {200, 5014}, {200, 5020}, {200, 5030}} {
		for _, p := range []rtccodes.Product{rtccodes.CallingSDK, rtccodes.CallAutomation} {
			e, ok := rtccodes.Lookup(p, q[0], q[1])
			require.True(t, ok, "%v %v", p, q)
			assert.Equal(t, rtccodes.SectionTeamsCallEnd, e.Section, "%v %v", p, q)
			assert.Equal(t, rtccodes.MatchExact, e.Match, "%v %v", p, q)
		}
	}
	// The page is a source of both products.
	var listed bool
	for _, s := range rtccodes.Sources() {
		if s.File == "testdata/acs/graph-call-delete.en.02b4cba.md" {
			listed = true
			assert.Equal(t, []rtccodes.Product{rtccodes.CallingSDK, rtccodes.CallAutomation}, s.Products)
		}
	}
	assert.True(t, listed, "Sources lists the page")
}
