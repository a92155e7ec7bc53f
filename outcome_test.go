package rtccodes_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

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

// TestEveryRowHasItsDocumentedOutcome checks every row: its category
// decides where it has one, else what the document says its code means;
// a row without code says nothing alone but for TRTC, whose every error is
// one, and a generic subcode, which says what the documented rows with
// that subcode say where they agree.
func TestEveryRowHasItsDocumentedOutcome(t *testing.T) {
	counts := map[rtccodes.Outcome]int{}
	for _, p := range rtccodes.Products() {
		// What the rows with a code say, by subcode: a generic subcode says
		// it too, when they agree.
		bySubcode := map[int]map[rtccodes.Outcome]bool{}
		for e := range rtccodes.All(p) {
			if e.HasCode && e.HasSubcode {
				if bySubcode[e.Subcode] == nil {
					bySubcode[e.Subcode] = map[rtccodes.Outcome]bool{}
				}
				bySubcode[e.Subcode][documentedOutcome(p, e.Code)] = true
				if e.Category == rtccodes.Success {
					bySubcode[e.Subcode][rtccodes.OutcomeSuccess] = true
				} else if e.Category != "" {
					bySubcode[e.Subcode][rtccodes.OutcomeFailure] = true
				}
			}
		}
		for e := range rtccodes.All(p) {
			counts[e.Outcome]++
			want := documentedOutcome(p, e.Code)
			switch {
			case e.Category == rtccodes.Success:
				want = rtccodes.OutcomeSuccess
			case e.Category != "":
				want = rtccodes.OutcomeFailure
			case !e.HasCode && p != rtccodes.TRTCWeb && p != rtccodes.TRTCWebV5:
				want = rtccodes.OutcomeUnknown
				if says := bySubcode[e.Subcode]; e.Section == rtccodes.SectionGenericSubcode && len(says) == 1 {
					for o := range says {
						want = o
					}
				}
			}
			assert.Equal(t, want, e.Outcome, "%v", e)
		}
	}
	t.Logf("rows by outcome: %v", counts)
	assert.Positive(t, counts[rtccodes.OutcomeSuccess])
	assert.Positive(t, counts[rtccodes.OutcomeFailure])
	assert.Positive(t, counts[rtccodes.OutcomeUnknown])
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
		{rtccodes.CallAutomation, 500, 8536, rtccodes.OutcomeFailure},    // the 500 row: */8536 says nothing of the call
		{rtccodes.CallAutomation, noCode, 8536, rtccodes.OutcomeUnknown}, // no code asked: the generic row says nothing
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
