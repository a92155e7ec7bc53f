package rtccodes_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rtccodes/rtccodes"
)

// outcome is what an ACS code says of a call, as HTTP and SIP define it:
// "success" (0, 2xx), "failure" (4xx-6xx) or "" (neither).
func outcome(code int) string {
	switch {
	case code == 0 || code >= 200 && code < 300:
		return "success"
	case code >= 400 && code < 700:
		return "failure"
	}
	return ""
}

// categoryOutcome is what a result category says of a call.
func categoryOutcome(c rtccodes.Category) string {
	switch c {
	case "":
		return ""
	case rtccodes.Success:
		return "success"
	}
	return "failure"
}

// askedCodes are the codes every documented subcode is asked under: one of
// each class the issue names, codes no table has, and none.
var askedCodes = []int{0, 200, 204, 400, 401, 403, 404, 408, 410, 480, 486, 487, 490, 500, 503, 603,
	1, 100, 180, 302, 399, 418, 450, 555, 699, 700, 999, 12345, noCode}

// TestFallbacksAreClassSafe asks every documented subcode of every product
// under codes of every class, and checks that no answer other than the
// documented row itself says something else of the call than the code asked:
// a 4xx-6xx code is never answered by a Success row, a 0/2xx code never by a
// failure row, a code of neither class never by another code's row, a row
// that says nothing of the call (a generic subcode no documented row has, a
// fact under any code) never, and subcode 0 never answers by subcode.
func TestFallbacksAreClassSafe(t *testing.T) {
	asked := 0
	for _, p := range rtccodes.Products() {
		// What the documented rows under a code say, by subcode: a generic
		// subcode (no code) says what they say.
		bySubcode := map[int]map[string]bool{}
		var subcodes []int
		codes := append([]int(nil), askedCodes...)
		for e := range rtccodes.All(p) {
			if e.HasCode {
				codes = append(codes, e.Code)
			}
			if !e.HasSubcode {
				continue
			}
			if bySubcode[e.Subcode] == nil {
				bySubcode[e.Subcode] = map[string]bool{}
				subcodes = append(subcodes, e.Subcode)
			}
			if e.HasCode {
				bySubcode[e.Subcode][outcome(e.Code)] = true
				bySubcode[e.Subcode][categoryOutcome(e.Category)] = true
			}
		}
		subcodes = append(subcodes, 0) // subcode 0, documented or not
		for _, s := range subcodes {
			for _, code := range codes {
				asked++
				e, ok := ask(p, code, s)
				if !ok || e.Match == rtccodes.MatchExact || e.Match == rtccodes.MatchAlias {
					continue // a documented row is the authority
				}
				what := fmt.Sprintf("%s %s answered by %s %s (%s %s)", p, pairText(code, s), e.Match, e.Pair(), e.Category, e.Message)
				if s == 0 && code != noCode {
					assert.NotContains(t, []rtccodes.Match{rtccodes.MatchSubcode, rtccodes.MatchGenericSubcode, rtccodes.MatchSBCRule}, e.Match,
						"subcode 0 answers by subcode: %s", what)
				}
				want := outcome(code)
				if p == rtccodes.TRTCWeb || p == rtccodes.TRTCWebV5 {
					want = "failure" // every TRTC code is an error
				}
				if code == noCode {
					continue // a result with only a subcode contradicts nothing
				}
				if c := categoryOutcome(e.Category); c != "" {
					assert.Equal(t, want, c, "the category contradicts the code: %s", what)
				}
				switch e.Match {
				case rtccodes.MatchCode, rtccodes.MatchGenericCode, rtccodes.MatchClass:
					continue // the code's own row, generic row or class
				case rtccodes.MatchGenericSubcode:
					// It says what the documented rows with the subcode say,
					// and without them nothing: it does not answer a code.
					says := 0
					for o := range bySubcode[s] {
						if o != "" {
							says++
							assert.Equal(t, want, o, "the documented rows of the generic subcode contradict the code: %s", what)
						}
					}
					assert.Positive(t, says, "a generic subcode that says nothing of the call answers a code: %s", what)
					assert.Equal(t, rtccodes.Outcome(want), e.Outcome, what)
				case rtccodes.MatchObserved:
					// A fact under any code says nothing of the call's class:
					// only a fact under the code asked answers it.
					assert.True(t, e.HasCode, "a fact under any code answers a code: %s", what)
					if e.HasCode {
						assert.Equal(t, code, e.Code, "a fact under another code answers: %s", what)
					}
				case rtccodes.MatchSBCRule:
					assert.Equal(t, want, outcome(e.Subcode%1000), "the SBC's SIP response contradicts the code: %s", what)
				default:
					if p != rtccodes.TRTCWeb && p != rtccodes.TRTCWebV5 {
						assert.Equal(t, want, outcome(e.Code), "another code's row answers: %s", what)
					}
				}
			}
		}
	}
	assert.Greater(t, asked, 10000, "pairs asked")
}

// TestNoFalseSuccess checks the answers that once claimed more than they
// knew.
func TestNoFalseSuccess(t *testing.T) {
	tests := []struct {
		p             rtccodes.Product
		code, subcode int
		want          rtccodes.Match // MatchNone: not found
		wantPair      string
	}{
		{rtccodes.PSTN, 500, 0, rtccodes.MatchNone, ""},
		{rtccodes.PSTN, 503, 0, rtccodes.MatchNone, ""},
		{rtccodes.PSTN, 404, 0, rtccodes.MatchNone, ""},
		{rtccodes.PSTN, 480, 0, rtccodes.MatchNone, ""},
		{rtccodes.PSTN, 410, 0, rtccodes.MatchNone, ""},
		{rtccodes.CallingSDK, 503, 0, rtccodes.MatchCode, "503"},
		{rtccodes.CallingSDK, 500, 5000, rtccodes.MatchCode, "500"},
		{rtccodes.CallingSDK, 299, 3112, rtccodes.MatchClass, "2xx"},
		{rtccodes.CallAutomation, 500, 0, rtccodes.MatchGenericCode, "500"},
		{rtccodes.CallAutomation, 500, 7000, rtccodes.MatchGenericCode, "500"},
		{rtccodes.CallingSDK, 200, 3112, rtccodes.MatchClass, "2xx"},
		// Within a class the subcode still answers.
		{rtccodes.CallingSDK, 500, 3112, rtccodes.MatchSubcode, "410/3112"},
		{rtccodes.CallAutomation, 400, 8522, rtccodes.MatchGenericSubcode, "*/8522"},
		// A row that says nothing of the call does not answer a code.
		{rtccodes.CallAutomation, 500, 8536, rtccodes.MatchGenericCode, "500"},
		{rtccodes.CallAutomation, 200, 9998, rtccodes.MatchClass, "2xx"},
		{rtccodes.CallAutomation, 200, 7501, rtccodes.MatchClass, "2xx"},
		{rtccodes.CallAutomation, 400, 8545, rtccodes.MatchGenericCode, "400"},
		{rtccodes.CallingSDK, 0, 10044, rtccodes.MatchNone, ""}, // code 0 has no row of its own
		{rtccodes.CallingSDK, 200, 5854, rtccodes.MatchClass, "2xx"},
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%s %s", tt.p, pairText(tt.code, tt.subcode))
		e, ok := rtccodes.Lookup(tt.p, tt.code, tt.subcode)
		assert.Equal(t, tt.want, e.Match, "%s: %v", name, e)
		assert.Equal(t, tt.want != rtccodes.MatchNone, ok, name)
		if ok {
			assert.Equal(t, tt.wantPair, e.Pair(), name)
			assert.NotEqual(t, rtccodes.Success, e.Category, name)
		}
		c, _ := rtccodes.EntryOf(rtccodes.NewError(tt.p, tt.code, tt.subcode))
		assert.NotEqual(t, rtccodes.Success, c.Category, "EntryOf %s", name)
		if found(c) {
			assert.Equal(t, documentedOutcome(tt.p, tt.code), c.Outcome, "EntryOf %s", name)
		}
	}
}
