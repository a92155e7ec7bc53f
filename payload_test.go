package rtccodes_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

const callDisconnected = `{
  "id": "c1", "source": "calling/callConnections/421f", "specversion": "1.0",
  "type": "Microsoft.Communication.CallDisconnected",
  "data": {"callConnectionId": "421f", "resultInformation": {"code": 500, "subCode": 560503,
    "message": "Unexpected server error. DiagCode: 500#560503.@",
    "sipDetails": {"code": 486, "message": "Busy Here"}, "q850Details": {"code": 17, "message": "User busy"}}}
}`

func TestExplain(t *testing.T) {
	tests := []struct {
		name          string
		payload       string
		product       rtccodes.Product
		event         string
		code, subcode int
		entryCode     int
		entrySubcode  int
		match         rtccodes.Match
	}{
		{"cloud event", callDisconnected, rtccodes.CallAutomation, "Microsoft.Communication.CallDisconnected", 500, 560503, 503, 560503, rtccodes.MatchSubcode},
		{"event grid", `[{"eventType": "Microsoft.Communication.CallDisconnected", "data": {"resultInformation": {"code": 487, "subCode": 10003}}}]`,
			rtccodes.CallAutomation, "Microsoft.Communication.CallDisconnected", 487, 10003, 487, 10003, rtccodes.MatchExact},
		{"docs' PascalCase", `{"ResultInformation": {"Code": 500, "SubCode": 560503, "Message": "Unexpected server error", "SipDetails": {"Code": 486, "Message": "Busy Here"}}}`,
			rtccodes.CallAutomation, "", 500, 560503, 503, 560503, rtccodes.MatchSubcode},
		{"bare result", `{"code": 400, "subCode": 8523, "message": "Invalid request"}`, rtccodes.CallAutomation, "", 400, 8523, 400, 8523, rtccodes.MatchExact},
		{"PSTN pair", `{"code": 404, "subCode": 560404, "message": "Phone number not found"}`, rtccodes.PSTN, "", 404, 560404, 404, 560404, rtccodes.MatchExact},
		{"callEndReason", `{"callEndReason": {"code": 487, "subCode": 10003}}`, rtccodes.CallingSDK, "", 487, 10003, 487, 10003, rtccodes.MatchExact},
		{"bare callEndReason", `{"code": 410, "subCode": 3112}`, rtccodes.CallingSDK, "", 410, 3112, 410, 3112, rtccodes.MatchExact},
		{"no subcode", `{"callEndReason": {"code": 480}}`, rtccodes.CallingSDK, "", 480, rtccodes.NoSubcode, 480, rtccodes.NoSubcode, rtccodes.MatchExact},
		{"DiagCode in message", `{"resultInformation": {"code": 418, "subCode": 1, "message": "Server Internal Error. DiagCode: 400#8523.@"}}`,
			rtccodes.CallAutomation, "", 418, 1, 400, 8523, rtccodes.MatchExact},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := rtccodes.Explain([]byte(tt.payload))
			require.NoError(t, err)
			assert.Equal(t, tt.product, x.Product)
			assert.Equal(t, tt.event, x.EventType)
			assert.Equal(t, [2]int{tt.code, tt.subcode}, [2]int{x.Code, x.Subcode})
			require.True(t, x.Found)
			assert.Equal(t, [2]int{tt.entryCode, tt.entrySubcode}, [2]int{x.Entry.Code, x.Entry.Subcode})
			assert.Equal(t, tt.match, x.Entry.Match)
		})
	}
	x, err := rtccodes.Explain([]byte(callDisconnected))
	require.NoError(t, err)
	assert.Equal(t, "Unexpected server error. DiagCode: 500#560503.@", x.Message)
	require.NotNil(t, x.SIP)
	assert.Equal(t, rtccodes.Diagnostic{Code: 486, Message: "Busy Here", Reason: rtccodes.Reason{Code: 486, Text: "Busy Here", Standard: "RFC 3261"}, Known: true}, *x.SIP)
	require.NotNil(t, x.Q850)
	assert.Equal(t, "User busy", x.Q850.Reason.Text)

	x, err = rtccodes.Explain([]byte(`{"code": 9, "subCode": 9, "message": "m", "sipDetails": {"code": 999}}`))
	require.NoError(t, err)
	assert.False(t, x.Found)
	assert.False(t, x.SIP.Known)
}

func TestExplainBadInput(t *testing.T) {
	for name, payload := range map[string]string{
		"empty":        ``,
		"malformed":    `{"code": `,
		"truncated":    callDisconnected[:120],
		"wrong type":   `{"code": "abc", "subCode": 1}`,
		"float":        `{"code": 487.5}`,
		"huge":         `{"code": 487, "subCode": 99999999999999999999999}`,
		"no code":      `{"subCode": 10003, "message": "x"}`,
		"no result":    `{"type": "Microsoft.Communication.CallConnected", "data": {}}`,
		"null":         `null`,
		"two events":   `[{"code": 1}, {"code": 2}]`,
		"trailing":     `{"code": 487} {"code": 1}`,
		"string":       `"487"`,
		"deep":         strings.Repeat("[", 100000) + strings.Repeat("]", 100000),
		"deep objects": strings.Repeat(`{"data":`, 20000) + `{}` + strings.Repeat("}", 20000),
		"bad sip":      `{"code": 500, "sipDetails": {"code": "busy"}}`,
	} {
		t.Run(name, func(t *testing.T) {
			x, err := rtccodes.Explain([]byte(payload))
			assert.Error(t, err)
			assert.Equal(t, rtccodes.Explanation{}, x)
		})
	}
	_, err := rtccodes.Explain([]byte(`{}`))
	assert.ErrorIs(t, err, rtccodes.ErrNoCodes)
}

func TestParseDiagCode(t *testing.T) {
	code, sub, ok := rtccodes.ParseDiagCode("Server Internal Error. DiagCode: 500#560500.@")
	require.True(t, ok)
	assert.Equal(t, [2]int{500, 560500}, [2]int{code, sub})
	for _, s := range []string{"", "DiagCode:", "DiagCode: 500", "DiagCode: #1", "no code here"} {
		_, _, ok := rtccodes.ParseDiagCode(s)
		assert.False(t, ok, s)
	}
	x, ok := rtccodes.ExplainMessage("Call failed. DiagCode: 403#510403.@")
	require.True(t, ok)
	assert.Equal(t, rtccodes.MatchExact, x.Entry.Match)
	e, ok := rtccodes.LookupString(rtccodes.PSTN, "Server Internal Error. DiagCode: 500#560500.@")
	require.True(t, ok)
	assert.Equal(t, 560500, e.Subcode)
	for s, want := range map[string][2]int{"410/3112": {410, 3112}, "410 3112": {410, 3112}, "410#3112": {410, 3112}, "480": {480, rtccodes.NoSubcode}} {
		e, ok := rtccodes.LookupString(rtccodes.CallingSDK, s)
		require.True(t, ok, s)
		assert.Equal(t, want, [2]int{e.Code, e.Subcode}, s)
	}
}

func TestExplainAs(t *testing.T) {
	x, err := rtccodes.ExplainAs(rtccodes.TRTCWeb, []byte(`{"code":16385,"extraCode":70001}`))
	require.NoError(t, err)
	assert.Equal(t, rtccodes.TRTCWeb, x.Product)
	assert.Equal(t, 70001, x.Subcode)
	require.True(t, x.Found)
	assert.Equal(t, rtccodes.MatchExact, x.Entry.Match)
	assert.Equal(t, rtccodes.SectionAccount, x.Entry.Section)

	// The PSTN reading of a Call Automation result.
	event := `{"type":"Microsoft.Communication.CallDisconnected","data":{"resultInformation":{"code":403,"subCode":510403}}}`
	x, err = rtccodes.ExplainAs(rtccodes.PSTN, []byte(event))
	require.NoError(t, err)
	assert.Equal(t, rtccodes.PSTN, x.Product)
	assert.Equal(t, rtccodes.SectionParticipantEnd, x.Entry.Section)

	// A product that cannot apply to the shape is an error.
	for p, payload := range map[rtccodes.Product]string{
		rtccodes.TRTCWeb:    event,
		rtccodes.Chat:       `{"resultInformation":{"code":403}}`,
		rtccodes.SMS:        `{"callEndReason":{"code":487,"subCode":10003}}`,
		rtccodes.CallingSDK: `{"type":"Microsoft.Communication.AddParticipantFailed","data":{"code":403}}`,
		0:                   `{"code":1}`,
		42:                  `{"code":1}`,
	} {
		x, err := rtccodes.ExplainAs(p, []byte(payload))
		assert.Error(t, err, "%v %s: %+v", p, payload, x)
	}
}

func TestExplainOffersTheDocumentedRowOfAnotherProduct(t *testing.T) {
	x, err := rtccodes.Explain([]byte(`{"type":"Microsoft.Communication.CallDisconnected","data":{"resultInformation":{"code":410,"subCode":3112}}}`))
	require.NoError(t, err)
	assert.Equal(t, rtccodes.CallAutomation, x.Product)
	assert.Equal(t, rtccodes.MatchClass, x.Entry.Match)
	assert.Equal(t, "4xx", x.Entry.Pair())
	require.Len(t, x.Also, 1)
	assert.Equal(t, rtccodes.CallingSDK, x.Also[0].Product)
	assert.Equal(t, "410/3112", x.Also[0].Pair())

	// A precise answer is offered nothing else.
	x, err = rtccodes.Explain([]byte(`{"resultInformation":{"code":400,"subCode":8523}}`))
	require.NoError(t, err)
	assert.Equal(t, rtccodes.MatchExact, x.Entry.Match)
	assert.Empty(t, x.Also)
}
