package rtccodes_test

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

const factsTable = "observed/codes-beyond-the-documents.en.tsv"

// fact is a row of the facts table, as this test reads it.
type fact struct {
	p                          rtccodes.Product
	code, subcode              string // a number, "*" or ""
	key, message, advice       string
	outcome                    rtccodes.Outcome
	repository, path, revision string
}

func readFacts(t *testing.T) []fact {
	t.Helper()
	b, err := os.ReadFile("testdata/" + factsTable)
	require.NoError(t, err)
	var out []fact
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(l, "#") || strings.HasPrefix(l, "product\t") {
			continue
		}
		c := strings.Split(l, "\t")
		require.Len(t, c, 11, l)
		p, err := rtccodes.ParseProduct(c[0])
		require.NoError(t, err)
		require.Contains(t, []string{"success", "failure", "unknown"}, c[5], l)
		out = append(out, fact{p, c[1], c[2], c[3], c[6], c[7], rtccodes.Outcome(c[5]), c[8], c[9], c[10]})
	}
	require.NotEmpty(t, out)
	return out
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	require.NoError(t, err, s)
	return n
}

// TestEveryFactAnswersWithItsProvenance looks every fact of the facts
// table up as a user would and checks the answer names where it was seen.
func TestEveryFactAnswersWithItsProvenance(t *testing.T) {
	for _, f := range readFacts(t) {
		check := func(e rtccodes.Entry, ok bool, how string) {
			t.Helper()
			if !assert.True(t, ok, "%s: %v", how, f) {
				return
			}
			assert.Equal(t, rtccodes.SectionObserved, e.Section, how)
			assert.Equal(t, f.message, e.Message, how)
			assert.Equal(t, f.advice, e.Advice, how)
			prov, isFact := e.Provenance()
			assert.True(t, isFact, how)
			assert.Equal(t, rtccodes.Provenance{Repository: f.repository, Path: f.path, Revision: f.revision}, prov, how)
			assert.Empty(t, e.Category, "%s: the facts give no category", how)
			assert.Equal(t, f.outcome, e.Outcome, "%s: the fact's outcome", how)
		}
		switch {
		case f.code == "*":
			// A fact under any code answers the subcode asked alone, and a
			// code whose outcome is the fact's (never code 0, which has no
			// class of its own).
			sub := atoi(t, f.subcode)
			e, ok := ask(f.p, noCode, sub)
			check(e, ok, pairText(noCode, sub))
			assert.Equal(t, rtccodes.MatchObserved, e.Match)
			answered := 0
			for _, code := range []int{0, 200, 204, 403, 404, 487, 500, 603} {
				e, ok := ask(f.p, code, sub)
				if ok && e.Match == rtccodes.MatchExact {
					continue // a documented pair (the Teams table's 200/7015)
				}
				if !ok || e.Match != rtccodes.MatchObserved || e.HasCode {
					if code != 0 {
						assert.NotEqual(t, f.outcome, rtccodes.Outcome(outcome(code)), "%s is not answered by the fact that agrees with it: %v", pairText(code, sub), e)
					}
					continue
				}
				answered++
				check(e, ok, pairText(code, sub))
				assert.NotZero(t, code, "code 0 is answered by a fact under any code")
				assert.Equal(t, f.outcome, rtccodes.Outcome(outcome(code)), "%s is answered by a fact of another outcome: %v", pairText(code, sub), e)
			}
			assert.Positive(t, answered, "no code answers with the fact %v", f)
		case f.subcode == "*" || f.subcode == "":
			code := atoi(t, f.code)
			for _, sub := range []int{noSubcode, 1, 99999} {
				e, ok := ask(f.p, code, sub)
				check(e, ok, pairText(code, sub))
				assert.Equal(t, rtccodes.MatchObserved, e.Match)
			}
		default:
			code, sub := atoi(t, f.code), atoi(t, f.subcode)
			e, ok := rtccodes.Lookup(f.p, code, sub)
			check(e, ok, pairText(code, sub))
			assert.Equal(t, rtccodes.MatchObserved, e.Match)
		}
		if f.key != "" {
			// A key from the SDK resolves by key (any case), hex and number.
			code := atoi(t, f.code)
			hex := "0x" + strings.ToUpper(strconv.FormatInt(int64(code), 16))
			for _, s := range []string{f.key, strings.ToLower(f.key), hex, strconv.Itoa(code)} {
				e, ok := rtccodes.LookupString(f.p, s)
				check(e, ok, s)
				assert.Equal(t, f.key, e.Key, s)
				assert.Equal(t, hex, e.Hex, s)
			}
		}
	}
	// The facts table is a source, for the products it has facts of.
	i := slices.IndexFunc(rtccodes.Sources(), func(s rtccodes.Source) bool { return s.File == "testdata/"+factsTable })
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, []rtccodes.Product{rtccodes.CallingSDK, rtccodes.TRTCWeb, rtccodes.TRTCWebV5}, rtccodes.Sources()[i].Products)
}

// TestDocumentedRowsWinOverFacts asks every documented row's own pair and
// checks that no fact answers it, and that a fact of the code answers
// before the code's own row and the class.
func TestDocumentedRowsWinOverFacts(t *testing.T) {
	for _, p := range rtccodes.Products() {
		for e := range rtccodes.All(p) {
			if e.Section == rtccodes.SectionObserved || e.Section == rtccodes.SectionClass || e.Section == rtccodes.SectionMessage {
				continue
			}
			k := ownKey(e)
			got, ok := ask(p, k[0], k[1])
			require.True(t, ok, "%v", e)
			assert.NotEqual(t, rtccodes.MatchObserved, got.Match, "%v is answered by a fact", e)
		}
	}
	for _, tt := range []struct {
		code, subcode int
		match         rtccodes.Match
		pair          string
	}{
		{487, 5854, rtccodes.MatchObserved, "*/5854"}, // the lobby denial, a failure as 487 is
		{0, 5854, rtccodes.MatchObserved, "0/5854"},   // the mobile UI libraries' pair
		{404, 5732, rtccodes.MatchObserved, "*/5732"}, // the room not found, before the 404 row
		{404, 5751, rtccodes.MatchObserved, "*/5751"}, // the invalid meeting identifier
		{204, 7015, rtccodes.MatchObserved, "*/7015"}, // a transfer, a success as 204 is
		{200, 7015, rtccodes.MatchExact, "200/7015"},  // the Teams table's row
		{487, 7015, rtccodes.MatchCode, "487"},        // a success does not answer 487
		{noCode, 5732, rtccodes.MatchObserved, "*/5732"},
		{486, 10321, rtccodes.MatchObserved, "486/10321"},
		{401, 12345, rtccodes.MatchObserved, "401"},    // before the 4xx class
		{401, 10009, rtccodes.MatchExact, "401/10009"}, // documented
		{403, 5829, rtccodes.MatchExact, "403/5829"},   // documented, not a fact
		{487, 0, rtccodes.MatchExact, "487/0"},         // documented
		{487, 4242, rtccodes.MatchCode, "487"},         // no fact: the 487 row
		{500, 5829, rtccodes.MatchSubcode, "403/5829"}, // a documented subcode first
		{noCode, 10124, rtccodes.MatchObserved, "*/10124"},
	} {
		e, ok := ask(rtccodes.CallingSDK, tt.code, tt.subcode)
		require.True(t, ok, "%d/%d", tt.code, tt.subcode)
		assert.Equal(t, tt.match, e.Match, "%d/%d: %v", tt.code, tt.subcode, e)
		assert.Equal(t, tt.pair, e.Pair(), "%d/%d", tt.code, tt.subcode)
	}
}
