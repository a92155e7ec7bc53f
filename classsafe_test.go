package rtccodes_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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

// askedCodes are the codes every documented subcode is asked under: one of
// each class the issue names, codes no table has, and none.
var askedCodes = []int{0, 200, 204, 400, 401, 403, 404, 408, 410, 480, 486, 487, 490, 500, 503, 603,
	1, 100, 180, 302, 399, 418, 450, 555, 699, 700, 999, 12345, noCode}

// TestFallbacksAgreeWithTheCode asks every subcode of every product's rows
// under codes of every class, and checks that an answer by another code's
// row, or by a row without code (a subcode documented under one other code,
// a fact under any code, a generic subcode, the SBC rule), has the outcome
// of the code asked: a 4xx-6xx code is never answered by a success row, a
// 0/2xx code never by a failure row, a code of neither class never by
// another code's row. Code 0 has no class of its own: only rows and facts
// that name code 0 answer it (and Call Automation's generic subcode 0,
// "Success", answers 0/0). The code's own answers (its row, its generic
// row, its rows counted, its class) never contradict it either.
func TestFallbacksAgreeWithTheCode(t *testing.T) {
	asked := 0
	for _, p := range rtccodes.Products() {
		var subcodes []int
		seen := map[int]bool{0: true}
		codes := append([]int(nil), askedCodes...)
		for e := range rtccodes.All(p) {
			if e.HasCode {
				codes = append(codes, e.Code)
			}
			if e.HasSubcode && !seen[e.Subcode] {
				seen[e.Subcode] = true
				subcodes = append(subcodes, e.Subcode)
			}
		}
		subcodes = append(subcodes, 0) // subcode 0, documented or not
		for _, s := range subcodes {
			for _, code := range codes {
				if code == noCode {
					continue // a result with only a subcode contradicts nothing
				}
				asked++
				e, ok := ask(p, code, s)
				if !ok || e.Match == rtccodes.MatchExact || e.Match == rtccodes.MatchAlias {
					continue // a documented row is the authority
				}
				what := fmt.Sprintf("%s %s answered by %s %s (%s %s)", p, pairText(code, s), e.Match, e.Pair(), e.Outcome, e.Message)
				want := rtccodes.Outcome(outcome(code))
				if p == rtccodes.TRTCWeb || p == rtccodes.TRTCWebV5 {
					want = rtccodes.OutcomeFailure // every TRTC code is an error
				}
				otherRow := !e.HasCode || e.Code != code
				switch e.Match {
				case rtccodes.MatchCode, rtccodes.MatchGenericCode, rtccodes.MatchClass, rtccodes.MatchCodeRows:
					if e.Outcome != rtccodes.OutcomeUnknown && want != "" {
						assert.Equal(t, want, e.Outcome, "the code's own answer contradicts it: %s", what)
					}
					continue
				case rtccodes.MatchObserved:
					if !otherRow {
						continue // a fact under the code asked
					}
				}
				assert.True(t, otherRow, what)
				if code == 0 && p != rtccodes.TRTCWeb && p != rtccodes.TRTCWebV5 {
					zeroZero := p == rtccodes.CallAutomation && s == 0 && e.Match == rtccodes.MatchGenericSubcode
					assert.True(t, zeroZero, "another code's row answers code 0: %s", what)
					continue
				}
				if s == 0 {
					assert.Fail(t, "subcode 0 answers by subcode", what)
				}
				require.NotEmpty(t, want, "a code of neither class is answered by another code's row: %s", what)
				assert.Equal(t, want, e.Outcome, "a fallback contradicts the code: %s", what)
			}
		}
	}
	assert.Greater(t, asked, 10000, "pairs asked")
}

// TestAgreeingRowsAnswer is the counterpart of TestFallbacksAgreeWithTheCode:
// every generic subcode and every fact under any code with a known outcome,
// asked under a code of the same outcome whose pair nothing documents, is
// the answer; not the code's generic row, its rows counted or its class.
func TestAgreeingRowsAnswer(t *testing.T) {
	codesOf := map[rtccodes.Outcome][]int{
		rtccodes.OutcomeSuccess: {200, 202, 204},
		rtccodes.OutcomeFailure: {400, 403, 404, 408, 410, 480, 486, 487, 500, 503, 603},
	}
	checked := 0
	for _, p := range rtccodes.Products() {
		for row := range rtccodes.All(p) {
			if row.HasCode || !row.HasSubcode || row.Subcode == 0 || row.Outcome == rtccodes.OutcomeUnknown {
				continue
			}
			codes := codesOf[row.Outcome]
			if p == rtccodes.TRTCWeb || p == rtccodes.TRTCWebV5 {
				codes = []int{0x4004, 5400}
			}
			for _, code := range codes {
				e, ok := ask(p, code, row.Subcode)
				require.True(t, ok, "%s %d/%d", p, code, row.Subcode)
				what := fmt.Sprintf("%s %d/%d: %s %s %q, not %s %q", p, code, row.Subcode, e.Match, e.Pair(), e.Message, row.Pair(), row.Message)
				switch e.Match {
				case rtccodes.MatchExact, rtccodes.MatchAlias, rtccodes.MatchSubcode, rtccodes.MatchCode:
					continue // the pair, or a row of the code, is documented: more precise
				case rtccodes.MatchObserved:
					if e.HasCode {
						continue // a fact under the code asked
					}
				}
				checked++
				assert.Equal(t, row.Section, e.Section, what)
				assert.Equal(t, row.Pair(), e.Pair(), what)
			}
		}
	}
	assert.Greater(t, checked, 500, "agreeing pairs checked")
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
		{rtccodes.PSTN, 500, 0, rtccodes.MatchCodeRows, "500"}, // PSTN has no class: its rows under the code are counted
		{rtccodes.PSTN, 503, 0, rtccodes.MatchCodeRows, "503"},
		{rtccodes.PSTN, 404, 0, rtccodes.MatchCodeRows, "404"},
		{rtccodes.PSTN, 480, 0, rtccodes.MatchCodeRows, "480"},
		{rtccodes.PSTN, 410, 0, rtccodes.MatchCodeRows, "410"},
		{rtccodes.CallingSDK, 503, 0, rtccodes.MatchCode, "503"},
		{rtccodes.CallingSDK, 500, 5000, rtccodes.MatchCode, "500"},
		{rtccodes.CallingSDK, 299, 3112, rtccodes.MatchClass, "2xx"},
		{rtccodes.CallAutomation, 500, 0, rtccodes.MatchGenericCode, "500"},
		{rtccodes.CallAutomation, 500, 7000, rtccodes.MatchGenericCode, "500"},
		{rtccodes.CallingSDK, 200, 3112, rtccodes.MatchClass, "2xx"},
		// Within a class the subcode still answers.
		{rtccodes.CallingSDK, 500, 3112, rtccodes.MatchSubcode, "410/3112"},
		{rtccodes.CallAutomation, 400, 8522, rtccodes.MatchGenericSubcode, "*/8522"},
		// A row whose outcome is not the code's does not answer it.
		{rtccodes.CallAutomation, 500, 8536, rtccodes.MatchGenericSubcode, "*/8536"}, // a failure under a failure code
		{rtccodes.CallAutomation, 200, 9998, rtccodes.MatchClass, "2xx"},
		{rtccodes.CallAutomation, 200, 7501, rtccodes.MatchClass, "2xx"},
		{rtccodes.CallAutomation, 400, 8545, rtccodes.MatchGenericCode, "400"},
		{rtccodes.CallingSDK, 0, 10044, rtccodes.MatchCodeRows, "0"}, // code 0 has no row of its own, nor a class
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
