package rtccodes_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

// TestTRTCRoomEntryAndServerCodes asks the codes of a failed room entry as
// each TRTC Web SDK reports them: 4.x as the extra code of JOIN_ROOM_FAILED
// (0x4004), 5.x as the extra code of SERVER_ERROR (5400), and either as a
// code alone. Each answers with a fact that says what to do and where it
// was seen.
func TestTRTCRoomEntryAndServerCodes(t *testing.T) {
	check := func(p rtccodes.Product, code int, subcode ...int) {
		t.Helper()
		e, ok := rtccodes.Lookup(p, code, subcode...)
		require.True(t, ok, "%v %d %v", p, code, subcode)
		what := e.String()
		if e.Section == rtccodes.SectionSDKEnum {
			assert.Equal(t, rtccodes.MatchExact, e.Match, what) // 5.x's own ACCOUNT_NO_MONEY
		} else {
			assert.Equal(t, rtccodes.SectionObserved, e.Section, what)
			assert.Equal(t, rtccodes.MatchObserved, e.Match, what)
		}
		assert.NotEmpty(t, e.Advice, "%s: what to do", what)
		assert.Equal(t, rtccodes.OutcomeFailure, e.Outcome, what)
		_, seen := e.Provenance()
		assert.True(t, seen, "%s: where it was seen", what)
	}
	for _, c := range []int{-100018, -100006, -100013, -3301, -3308, -3316, -3317, -3318, -3319, -3320} {
		check(rtccodes.TRTCWeb, 0x4004, c)
		check(rtccodes.TRTCWeb, c)
	}
	for _, c := range []int{-100018, -100006, -100013} {
		check(rtccodes.TRTCWebV5, 5400, c)
	}
	for _, c := range []int{-100018, -100006} {
		check(rtccodes.TRTCWebV5, c)
	}
	// An extra code no source has under 5400 is the code's own row.
	e, ok := rtccodes.Lookup(rtccodes.TRTCWebV5, 5400, 12345)
	require.True(t, ok)
	assert.Equal(t, "5400", e.Pair())
	assert.Equal(t, rtccodes.MatchCode, e.Match)
	// Every 5.x row says what to do.
	for e := range rtccodes.All(rtccodes.TRTCWebV5) {
		assert.NotEmpty(t, e.Advice, "%v", e)
	}
}
