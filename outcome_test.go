package rtccodes_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

// documentedOutcome is what the documents say a code means for the call,
// written here from the documents' own sentences, apart from the
// library's rules: the ACS pages' classes ("Successful responses
// (200-299)", "Client error (400-499)", "Server error (500-599)", "Global
// error (600-699)"), SMS 2000 "Message Delivered Successfully" and its
// error codes, and TRTC's error codes.
func documentedOutcome(p rtccodes.Product, code int) rtccodes.Outcome {
	switch {
	case p == rtccodes.TRTCWeb || p == rtccodes.TRTCWebV5:
		return rtccodes.OutcomeFailure
	case p == rtccodes.SMS && code == 2000:
		return rtccodes.OutcomeSuccess
	case p == rtccodes.SMS && code >= 4000 && code <= 9999:
		return rtccodes.OutcomeFailure
	case p == rtccodes.SMS:
		return rtccodes.OutcomeUnknown
	case code >= 200 && code <= 299:
		return rtccodes.OutcomeSuccess
	case code >= 400 && code <= 699:
		return rtccodes.OutcomeFailure
	}
	return rtccodes.OutcomeUnknown
}

// TestEveryRowHasItsDocumentedOutcome checks every row's outcome: its
// category's where it has one; else, for a fact or a generic subcode, what
// the committed facts table or the classification of the generic subcodes
// says; else what the product's document says its code means.
func TestEveryRowHasItsDocumentedOutcome(t *testing.T) {
	generic := readGenericOutcomes(t)
	facts := map[string]rtccodes.Outcome{}
	for _, f := range readFacts(t) {
		facts[f.p.String()+" "+f.code+"/"+f.subcode+" "+f.key] = f.outcome
	}
	counts := map[rtccodes.Outcome]int{}
	for _, p := range rtccodes.Products() {
		for e := range rtccodes.All(p) {
			counts[e.Outcome]++
			want := documentedOutcome(p, e.Code)
			switch {
			case e.Category == rtccodes.Success:
				want = rtccodes.OutcomeSuccess
			case e.Category != "":
				want = rtccodes.OutcomeFailure
			case e.Section == rtccodes.SectionObserved:
				code, sub := "*", "*"
				if e.HasCode {
					code = strconv.Itoa(e.Code)
				}
				if e.HasSubcode {
					sub = strconv.Itoa(e.Subcode)
				} else if e.Key != "" || p == rtccodes.TRTCWeb || p == rtccodes.TRTCWebV5 {
					sub = "" // a TRTC code alone: the facts table leaves its subcode empty
				}
				o, ok := facts[p.String()+" "+code+"/"+sub+" "+e.Key]
				require.True(t, ok, "%v is no fact of the table", e)
				want = o
			case e.Section == rtccodes.SectionGenericSubcode:
				o, ok := generic[e.Subcode]
				require.True(t, ok, "%v is not classified", e)
				want = o.outcome
			case !e.HasCode && p != rtccodes.TRTCWeb && p != rtccodes.TRTCWebV5:
				want = rtccodes.OutcomeUnknown
			}
			assert.Equal(t, want, e.Outcome, "%v", e)
			if e.Outcome == rtccodes.OutcomeUnknown {
				t.Logf("unknown: %v", e)
			}
		}
	}
	t.Logf("rows by outcome: %v", counts)
	assert.Positive(t, counts[rtccodes.OutcomeSuccess])
	assert.Positive(t, counts[rtccodes.OutcomeFailure])
}

// genericOutcome is a row of the classification of Call Automation's
// generic subcodes.
type genericOutcome struct {
	outcome rtccodes.Outcome
	words   string
}

func readGenericOutcomes(t *testing.T) map[int]genericOutcome {
	t.Helper()
	b, err := os.ReadFile("testdata/acs/call-automation-generic-subcode-outcomes.tsv")
	require.NoError(t, err)
	out := map[int]genericOutcome{}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(l, "#") || strings.HasPrefix(l, "subcode\t") {
			continue
		}
		c := strings.Split(l, "\t")
		require.Len(t, c, 3, l)
		out[atoi(t, c[0])] = genericOutcome{rtccodes.Outcome(c[1]), c[2]}
	}
	return out
}

// TestGenericSubcodeOutcomesRestOnTheirWords holds the classification of
// the generic subcodes to the document: every generic subcode is
// classified, its words stand in its description, and words of success
// ("Success", "Recognized", "Matched", ...) or of failure ("Failed",
// "Invalid", "Timeout", "Canceled", "Error", "Unknown") give that outcome.
func TestGenericSubcodeOutcomesRestOnTheirWords(t *testing.T) {
	generic := readGenericOutcomes(t)
	successWords := []string{"success", "graceful", "recognized", "matched", "received", "detected"}
	failureWords := []string{"failed", "invalid", "timeout", "canceled", "error", "unknown", "not "}
	n := 0
	for e := range rtccodes.All(rtccodes.CallAutomation) {
		if e.Section != rtccodes.SectionGenericSubcode {
			continue
		}
		n++
		g, ok := generic[e.Subcode]
		require.True(t, ok, "%v is not classified", e)
		if g.outcome == rtccodes.OutcomeUnknown {
			assert.Empty(t, g.words, "%v", e)
			continue
		}
		words := strings.ToLower(g.words)
		assert.Contains(t, strings.ToLower(e.Message), words, "%v", e)
		for _, w := range failureWords {
			if strings.Contains(words, w) {
				assert.Equal(t, rtccodes.OutcomeFailure, g.outcome, "%v: %q", e, w)
			}
		}
		for _, w := range successWords {
			if strings.Contains(words, w) && !strings.Contains(words, "not ") {
				assert.Equal(t, rtccodes.OutcomeSuccess, g.outcome, "%v: %q", e, w)
			}
		}
	}
	assert.Equal(t, 118, n, "the generic subcodes of the document")
	assert.Len(t, generic, n)
}

// TestEveryAnswerHasAnOutcome asks every documented pair of every product
// and a probe of every class under each product, and checks that every
// answer has an outcome, that an answer without category says what the
// documents say the code asked means where they say it (another code's
// row, found by its subcode, may say more of a code they say nothing of),
// and that a category is never contradicted.
func TestEveryAnswerHasAnOutcome(t *testing.T) {
	probes := []int{noCode, 0, 1, 100, 200, 204, 301, 400, 404, 487, 500, 503, 603, 700, 2000, 4001, 9999, 0x4001}
	for _, p := range rtccodes.Products() {
		codes, subcodes := map[int]bool{}, map[int]bool{noSubcode: true, 0: true, 8536: true, 560486: true, 560503: true}
		for _, c := range probes {
			codes[c] = true
		}
		for e := range rtccodes.All(p) {
			codes[e.Code], subcodes[e.Subcode] = true, true
		}
		for code := range codes {
			for subcode := range subcodes {
				e, ok := ask(p, code, subcode)
				if !ok {
					continue
				}
				switch {
				case e.Category == rtccodes.Success:
					assert.Equal(t, rtccodes.OutcomeSuccess, e.Outcome, "%v %d/%d: %v", p, code, subcode, e)
				case e.Category != "":
					assert.Equal(t, rtccodes.OutcomeFailure, e.Outcome, "%v %d/%d: %v", p, code, subcode, e)
				case e.Match == rtccodes.MatchCodeRows && e.Outcome == rtccodes.OutcomeUnknown:
					// The rows under the code disagree with each other or
					// with the code's class (486/560486 is Success): unknown.
				case code != noCode && documentedOutcome(p, code) != rtccodes.OutcomeUnknown:
					assert.Equal(t, documentedOutcome(p, code), e.Outcome, "%v %d/%d: %v", p, code, subcode, e)
				default:
					assert.NotEmpty(t, e.Outcome, "%v %d/%d: %v", p, code, subcode, e)
				}
			}
		}
	}
}

// TestOutcomes checks the answers a handler asks first.
func TestOutcomes(t *testing.T) {
	for _, c := range []struct {
		p             rtccodes.Product
		code, subcode int
		want          rtccodes.Outcome
	}{
		{rtccodes.CallAutomation, 400, 8536, rtccodes.OutcomeFailure},
		{rtccodes.CallAutomation, 200, 0, rtccodes.OutcomeSuccess},
		{rtccodes.CallAutomation, 500, 8536, rtccodes.OutcomeFailure},    // */8536 File Download Failed
		{rtccodes.CallAutomation, noCode, 8536, rtccodes.OutcomeFailure}, // no code asked: the generic row's own outcome
		{rtccodes.CallingSDK, 0, 0, rtccodes.OutcomeSuccess},
		{rtccodes.CallingSDK, 410, 3112, rtccodes.OutcomeFailure},
		{rtccodes.CallingSDK, 487, 10003, rtccodes.OutcomeSuccess},  // the call end table calls it Success
		{rtccodes.CallingSDK, 0, 4521, rtccodes.OutcomeFailure},     // ExpectedError under code 0
		{rtccodes.CallingSDK, 486, 560486, rtccodes.OutcomeSuccess}, // the call end table calls it Success
		{rtccodes.PSTN, 486, 560486, rtccodes.OutcomeFailure},       // PSTN's row has no category: 486 is a client error
		{rtccodes.PSTN, 500, 560503, rtccodes.OutcomeFailure},       // the SBC rule
		{rtccodes.Chat, 401, noSubcode, rtccodes.OutcomeFailure},
		{rtccodes.SMS, 2000, noSubcode, rtccodes.OutcomeSuccess},
		{rtccodes.SMS, 4001, noSubcode, rtccodes.OutcomeFailure},
		{rtccodes.TRTCWeb, 0x4001, noSubcode, rtccodes.OutcomeFailure},
	} {
		e, ok := ask(c.p, c.code, c.subcode)
		if assert.True(t, ok, "%v %d/%d", c.p, c.code, c.subcode) {
			assert.Equal(t, c.want, e.Outcome, "%v %d/%d: %v", c.p, c.code, c.subcode, e)
		}
	}
	e, ok := rtccodes.LookupString(rtccodes.TRTCWeb, "NotAllowedError: Permission denied")
	if assert.True(t, ok) {
		assert.Equal(t, rtccodes.OutcomeFailure, e.Outcome, "a TRTC error known by its message is an error")
	}
}
