package rtccodes_test

import (
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/explain"
)

const seedCA = "acs/call-automation-codes.en.2024-07-22.txt"

func entries(p rtccodes.Product, s rtccodes.Section) []rtccodes.Entry {
	var out []rtccodes.Entry
	for e := range rtccodes.All(p) {
		if e.Section == s {
			out = append(out, e)
		}
	}
	return out
}

func countLines(lines []string, re string) int {
	r := regexp.MustCompile(re)
	n := 0
	for _, l := range lines {
		if r.MatchString(l) {
			n++
		}
	}
	return n
}

func TestCallAutomationTablesAreComplete(t *testing.T) {
	notTable := func(l string) bool { return !strings.HasPrefix(l, "|") }
	assert.Equal(t, 48, countLines(source(t, seedCA, "### Call Automation error codes", 1, func(l string) bool { return strings.HasPrefix(l, "#") }), `^\| [A-Za-z /]+\| \d{3}\s+\| \d+\s+\|`))
	assert.Equal(t, 14, countLines(source(t, seedJa, "コード | サブコード | 説明 | 対応策 |", 1, noPipe), `^\d{3} \| \d+ \|`))
	assert.Equal(t, 118, countLines(source(t, seedCA, "### Generic subcodes", 1, notTable), `^\| \d+ \|`))
	assert.Equal(t, 118, countLines(source(t, seedJa, "サブコード | 説明 |", 1, noPipe), `^[\d,]+ \|`))

	common := entries(rtccodes.CallAutomation, rtccodes.SectionCommon)
	assert.Len(t, common, 48)
	ja := 0
	for _, e := range common {
		assert.NotEmpty(t, e.Events(), "%v", e)
		if len(e.Langs()) == 2 {
			ja++
		}
		assert.NotContains(t, e.Message+e.Advice, "â€", "mojibake in %v", e)
	}
	assert.Equal(t, 14, ja, "rows with Japanese text")
	assert.Len(t, entries(rtccodes.CallAutomation, rtccodes.SectionGenericCode), 20)
	subcodes := entries(rtccodes.CallAutomation, rtccodes.SectionGenericSubcode)
	assert.Len(t, subcodes, 118)
	jaNorm := normalized(t, seedJa)
	for _, e := range append(subcodes, entries(rtccodes.CallAutomation, rtccodes.SectionGenericCode)...) {
		assert.Equal(t, []string{"en", "ja"}, e.Langs(), "%v", e)
		assertPublished(t, e, "ja", jaNorm)
	}

	// 8522 is two entries.
	notFound, ok := rtccodes.Lookup(rtccodes.CallAutomation, 404, 8522)
	require.True(t, ok)
	assert.Equal(t, rtccodes.MatchExact, notFound.Match)
	assert.Contains(t, notFound.Message, "the resource isn't found")
	assert.Equal(t, []string{"CreateCallFailed", "AnswerFailed"}, notFound.Events())
	missing, ok := rtccodes.Lookup(rtccodes.CallAutomation, 405, 8522)
	require.True(t, ok)
	assert.Equal(t, "Missing configuration", missing.Message)
	assert.Equal(t, "Missing configuration (構成の欠落)", missing.Localized("ja").Message)

	// The mojibake of seed 004 is repaired.
	e, ok := rtccodes.Lookup(rtccodes.CallAutomation, 408, 4506)
	require.True(t, ok)
	assert.Equal(t, "Timeout – callee didn’t respond in time.", e.Message)
}

func TestCallAutomationFallbacks(t *testing.T) {
	tests := []struct {
		code, subcode int
		match         rtccodes.Match
		message       string
	}{
		{400, 8523, rtccodes.MatchExact, "A generic error code that indicates that something in the request body is invalid."},
		{400, 8522, rtccodes.MatchGenericSubcode, "Not Found"}, // 8522 is 404 and 405 in the table: a failure
		// A generic subcode answers a code of its outcome ("File Download
		// Failed" is a failure), and no other: "Fatal Error" does not answer
		// 200, "Speech Recognized" does not answer 603.
		{500, 8536, rtccodes.MatchGenericSubcode, "File Download Failed"},
		{400, 8535, rtccodes.MatchGenericSubcode, "Invalid File Format"},
		{500, 8511, rtccodes.MatchGenericSubcode, "Play Prompt Failed"},
		{400, 8510, rtccodes.MatchGenericSubcode, "Initial Silence Timeout Reached"},
		{400, 8508, rtccodes.MatchGenericSubcode, "Operation Canceled"},
		{200, 8569, rtccodes.MatchGenericSubcode, "Speech Recognized"},
		// 0/0: Call Automation documents subcode 0 as "Success".
		{0, 0, rtccodes.MatchGenericSubcode, "Success"},
		{200, 9998, rtccodes.MatchClass, "Successful responses (200-299)"},
		{603, 8569, rtccodes.MatchGenericCode, "Declined"},
		{noCode, 8536, rtccodes.MatchGenericSubcode, "File Download Failed"},
		// Subcode 0 means none: the generic code answers, not "*/0 Success".
		{400, 0, rtccodes.MatchGenericCode, "Bad request"},
		{noCode, 0, rtccodes.MatchGenericSubcode, "Success"},
		{502, 12345, rtccodes.MatchGenericCode, "Bad gateway"},
		{603, noSubcode, rtccodes.MatchGenericCode, "Declined"},
		{418, 12345, rtccodes.MatchClass, "Client error (400-499)"},
		{noCode, 9999, rtccodes.MatchGenericSubcode, "Unknown"},
	}
	for _, tt := range tests {
		e, ok := ask(rtccodes.CallAutomation, tt.code, tt.subcode)
		require.True(t, ok, "%d/%d", tt.code, tt.subcode)
		assert.Equal(t, tt.match, e.Match, "%d/%d", tt.code, tt.subcode)
		assert.Equal(t, tt.message, e.Message, "%d/%d", tt.code, tt.subcode)
	}
	_, ok := rtccodes.Lookup(rtccodes.CallAutomation, 302, 12345)
	assert.False(t, ok)

	disconnected := explain.EventEntries("calldisconnected")
	require.NotEmpty(t, disconnected)
	for _, e := range disconnected {
		assert.Contains(t, e.Events(), "CallDisconnected")
	}
	table := source(t, seedCA, "### Call Automation error codes", 1, func(l string) bool { return strings.HasPrefix(l, "#") })
	assert.Len(t, explain.EventEntries("AnswerFailed"), countLines(table, `^\|[^|]*AnswerFailed`))
	assert.Empty(t, explain.EventEntries("NoSuchEvent"))
}

func TestPSTNTablesAreComplete(t *testing.T) {
	rows := entries(rtccodes.PSTN, rtccodes.SectionParticipantEnd)
	assert.Len(t, rows, 20)
	jaNorm, enNorm := normalized(t, seedJa), normalized(t, seedEn)
	for _, e := range rows {
		if e.Edition != "" {
			assert.Equal(t, 486, e.Code)
			assert.Equal(t, 540486, e.Subcode)
			continue
		}
		assert.Equal(t, []string{"en", "ja"}, e.Langs(), "%v", e)
		assertPublished(t, e, "en", enNorm)
		assertPublished(t, e, "ja", jaNorm)
		if e.Code != 0 {
			assert.Empty(t, e.Category, "%v: the seeds' category column holds the advice", e)
			assert.NotEmpty(t, e.Advice, "%v", e)
		} else {
			assert.Equal(t, rtccodes.Success, e.Category)
		}
	}
	// The sources' own keys stay, and the services' keys find them.
	for _, tt := range []struct{ code, subcode, wantCode, wantSubcode int }{
		{486, 60486, 486, 60486}, {486, 560486, 486, 60486}, {497, 560487, 497, 560487}, {487, 560487, 497, 560487},
	} {
		e, ok := rtccodes.Lookup(rtccodes.PSTN, tt.code, tt.subcode)
		require.True(t, ok)
		assert.Equal(t, [2]int{tt.wantCode, tt.wantSubcode}, [2]int{e.Code, e.Subcode})
		want := rtccodes.MatchExact
		if tt.code != tt.wantCode || tt.subcode != tt.wantSubcode {
			want = rtccodes.MatchAlias
		}
		assert.Equal(t, want, e.Match)
	}
	e, ok := rtccodes.Lookup(rtccodes.PSTN, 403, 560403)
	require.True(t, ok)
	assert.Contains(t, e.Advice, "https://en.wikipedia.org/wiki/E.164")
}

func TestPSTNSBCRule(t *testing.T) {
	e, ok := rtccodes.Lookup(rtccodes.PSTN, 488, 560488)
	require.True(t, ok)
	assert.Equal(t, rtccodes.MatchSBCRule, e.Match)
	assert.Equal(t, rtccodes.SectionSBC, e.Section)
	assert.Contains(t, e.Message, "outbound")
	assert.Contains(t, e.Message, "488 Not Acceptable Here")
	assert.Contains(t, e.Advice, "check the SBC logs")
	e, ok = rtccodes.Lookup(rtccodes.PSTN, 480, 540480)
	require.True(t, ok)
	assert.Contains(t, e.Message, "inbound")
	assert.Contains(t, e.Message, "Temporarily Unavailable")
	// A documented subcode is never explained by the rule.
	e, _ = rtccodes.Lookup(rtccodes.PSTN, 404, 560404)
	assert.Equal(t, rtccodes.MatchExact, e.Match)
	// 999 is no SIP response: the rows under 500 are counted, as for any
	// subcode PSTN does not document.
	e, _ = rtccodes.Lookup(rtccodes.PSTN, 500, 560999)
	assert.Equal(t, rtccodes.MatchCodeRows, e.Match, "999 is no SIP response")
	e, _ = rtccodes.Lookup(rtccodes.PSTN, 500, 123456)
	assert.Equal(t, rtccodes.MatchCodeRows, e.Match)
	_, ok = rtccodes.Lookup(rtccodes.PSTN, 302, 560999)
	assert.False(t, ok, "no row has code 302")
}

func TestChatAndSMS(t *testing.T) {
	jaNorm, enNorm := normalized(t, seedJa), normalized(t, seedEn)
	chat := entries(rtccodes.Chat, rtccodes.SectionErrorCode)
	assert.Len(t, chat, 4)
	sms := entries(rtccodes.SMS, rtccodes.SectionErrorCode)
	assert.Len(t, sms, 17)
	for _, e := range append(chat, sms...) {
		assert.False(t, e.HasSubcode)
		if e.Edition == "2025-07-14" {
			assert.Equal(t, 4020, e.Code)
			continue
		}
		assert.Equal(t, []string{"en", "ja"}, e.Langs(), "%v", e)
		assertPublished(t, e, "en", enNorm)
		assertPublished(t, e, "ja", jaNorm)
	}
	e, ok := rtccodes.Lookup(rtccodes.Chat, 401)
	require.True(t, ok)
	assert.Equal(t, "Unauthorized", e.Message)
	assert.Equal(t, "Ensure that your Communication Services token is valid and not expired.", e.Advice)
	_, ok = rtccodes.Lookup(rtccodes.SMS, 4011)
	assert.False(t, ok, "SMS codes have no class")
}

func TestReferenceTables(t *testing.T) {
	for code, want := range map[int]string{100: "Trying", 199: "Early Dialog Terminated", 204: "No Notification",
		430: "Flow Failed", 433: "Anonymity Disallowed", 439: "First Hop Lacks Outbound Support", 486: "Busy Here",
		494: "Security Agreement Required", 607: "Unwanted", 608: "Rejected"} {
		r, ok := rtccodes.SIPReason(code)
		require.True(t, ok, "%d", code)
		assert.Equal(t, want, r.Text)
		assert.NotEmpty(t, r.Standard)
	}
	for code, want := range map[int]string{1: "Unallocated (unassigned) number", 16: "Normal call clearing", 17: "User busy", 127: "Interworking, unspecified"} {
		r, ok := rtccodes.Q850Cause(code)
		require.True(t, ok, "%d", code)
		assert.Equal(t, want, r.Text)
	}
	for _, code := range []int{-1, 0, 99, 999, math.MaxInt} {
		_, ok := rtccodes.SIPReason(code)
		assert.False(t, ok, "%d", code)
	}
	_, ok := rtccodes.Q850Cause(128)
	assert.False(t, ok)
}
