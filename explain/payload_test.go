package explain_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/explain"
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
		{"no subcode", `{"callEndReason": {"code": 480}}`, rtccodes.CallingSDK, "", 480, 0, 480, 0, rtccodes.MatchExact},
		{"DiagCode in message", `{"resultInformation": {"code": 418, "subCode": 1, "message": "Server Internal Error. DiagCode: 400#8523.@"}}`,
			rtccodes.CallAutomation, "", 418, 1, 400, 8523, rtccodes.MatchExact},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := explain.Payload([]byte(tt.payload))
			require.NoError(t, err)
			assert.Equal(t, tt.product, x.Product)
			assert.Equal(t, tt.event, x.EventType)
			assert.Equal(t, [2]int{tt.code, tt.subcode}, [2]int{x.Code, x.Subcode})
			require.True(t, x.Found)
			assert.Equal(t, [2]int{tt.entryCode, tt.entrySubcode}, [2]int{x.Entry.Code, x.Entry.Subcode})
			assert.Equal(t, tt.match, x.Entry.Match)
			assert.Equal(t, tt.name != "no subcode", x.HasSubcode)
			assert.Equal(t, tt.name != "no subcode", x.Entry.HasSubcode)
		})
	}
	x, err := explain.Payload([]byte(callDisconnected))
	require.NoError(t, err)
	assert.Equal(t, "Unexpected server error. DiagCode: 500#560503.@", x.Message)
	require.NotNil(t, x.SIP)
	assert.Equal(t, explain.Diagnostic{Code: 486, Message: "Busy Here", Reason: rtccodes.Reason{Code: 486, Text: "Busy Here", Standard: "RFC 3261"}, Known: true}, *x.SIP)
	require.NotNil(t, x.Q850)
	assert.Equal(t, "User busy", x.Q850.Reason.Text)

	x, err = explain.Payload([]byte(`{"code": 9, "subCode": 9, "message": "m", "sipDetails": {"code": 999}}`))
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
		"no code":      `{"message": "x", "name": "RtcError"}`,
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
			x, err := explain.Payload([]byte(payload))
			assert.Error(t, err)
			assert.Equal(t, explain.Explanation{}, x)
		})
	}
	_, err := explain.Payload([]byte(`{}`))
	assert.ErrorIs(t, err, explain.ErrNoCodes)
}

func TestDiagCode(t *testing.T) {
	for _, s := range []string{"", "DiagCode:", "DiagCode: 500", "DiagCode: #1", "no code here"} {
		_, ok := explain.Message(s)
		assert.False(t, ok, s)
	}
	x, ok := explain.Message("Call failed. DiagCode: 403#510403.@")
	require.True(t, ok)
	assert.Equal(t, rtccodes.MatchExact, x.Entry.Match)
	assert.Equal(t, "403/510403", x.Pair())
	e, ok := rtccodes.LookupString(rtccodes.PSTN, "Server Internal Error. DiagCode: 500#560500.@")
	require.True(t, ok)
	assert.Equal(t, 560500, e.Subcode)
	for s, want := range map[string]string{"410/3112": "410/3112", "410 3112": "410/3112", "410#3112": "410/3112", "480": "480"} {
		e, ok := rtccodes.LookupString(rtccodes.CallingSDK, s)
		require.True(t, ok, s)
		assert.Equal(t, want, e.Pair(), s)
	}
}

func TestExplainAs(t *testing.T) {
	x, err := explain.PayloadAs(rtccodes.TRTCWeb, []byte(`{"code":16385,"extraCode":70001}`))
	require.NoError(t, err)
	assert.Equal(t, rtccodes.TRTCWeb, x.Product)
	assert.Equal(t, 70001, x.Subcode)
	require.True(t, x.Found)
	assert.Equal(t, rtccodes.MatchExact, x.Entry.Match)
	assert.Equal(t, rtccodes.SectionAccount, x.Entry.Section)

	// The PSTN reading of a Call Automation result.
	event := `{"type":"Microsoft.Communication.CallDisconnected","data":{"resultInformation":{"code":403,"subCode":510403}}}`
	x, err = explain.PayloadAs(rtccodes.PSTN, []byte(event))
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
		x, err := explain.PayloadAs(p, []byte(payload))
		assert.Error(t, err, "%v %s: %+v", p, payload, x)
	}
}

func TestExplainOffersTheDocumentedRowOfAnotherProduct(t *testing.T) {
	x, err := explain.Payload([]byte(`{"type":"Microsoft.Communication.CallDisconnected","data":{"resultInformation":{"code":410,"subCode":3112}}}`))
	require.NoError(t, err)
	assert.Equal(t, rtccodes.CallAutomation, x.Product)
	assert.Equal(t, rtccodes.MatchClass, x.Entry.Match)
	assert.Equal(t, "4xx", x.Entry.Pair())
	require.Len(t, x.Also, 1)
	assert.Equal(t, rtccodes.CallingSDK, x.Also[0].Product)
	assert.Equal(t, "410/3112", x.Also[0].Pair())

	// A precise answer is offered nothing else.
	x, err = explain.Payload([]byte(`{"resultInformation":{"code":400,"subCode":8523}}`))
	require.NoError(t, err)
	assert.Equal(t, rtccodes.MatchExact, x.Entry.Match)
	assert.Empty(t, x.Also)
}

// TestEventsQualifyNeverHide sends every documented pair of Call Automation
// and PSTN in every event Call Automation documents: an event may rule a
// row out as its meaning, but a product that documents the pair for it
// answers, and the own product's answer stays under Also.
func TestEventsQualifyNeverHide(t *testing.T) {
	events := map[string]bool{"CallConnected": true}
	for e := range rtccodes.All(rtccodes.CallAutomation) {
		for _, ev := range e.Events() {
			events[ev] = true
		}
	}
	asked := 0
	for _, p := range []rtccodes.Product{rtccodes.CallAutomation, rtccodes.PSTN} {
		for row := range rtccodes.All(p) {
			if !row.HasCode || !row.HasSubcode || row.Match != rtccodes.MatchExact {
				continue
			}
			if own, _ := rtccodes.Lookup(p, row.Code, row.Subcode); own.Section != row.Section {
				continue // a row another table of the product answers for (the Teams table's 200/4521)
			}
			for ev := range events {
				asked++
				body := fmt.Sprintf(`{"type":"Microsoft.Communication.%s","data":{"resultInformation":{"code":%d,"subCode":%d}}}`, ev, row.Code, row.Subcode)
				x, err := explain.Payload([]byte(body))
				require.NoError(t, err, body)
				require.True(t, x.Found, body)
				documentedFor := len(row.Events()) == 0 || slices.Contains(row.Events(), ev)
				if documentedFor {
					assert.Equal(t, rtccodes.MatchExact, x.Entry.Match, "%s: %v", body, x.Entry)
				}
				if x.Product != rtccodes.CallAutomation {
					// The own product's answer, if it has one, is under Also,
					// and a note says why.
					own, ok := rtccodes.Lookup(rtccodes.CallAutomation, row.Code, row.Subcode)
					if ok && (own.Match != rtccodes.MatchExact || slices.Contains(own.Events(), ev)) {
						assert.True(t, slices.ContainsFunc(x.Also, func(e rtccodes.Entry) bool { return e.Product == rtccodes.CallAutomation }), "%s: %v", body, x.Also)
					}
					assert.True(t, slices.ContainsFunc(x.Notes, func(n string) bool { return strings.Contains(n, "whose result this is") }), "%s: %q", body, x.Notes)
				}
			}
		}
	}
	assert.Greater(t, asked, 300)

	// The cases, as Event Grid delivers them.
	for _, c := range []struct{ event, pair, message string }{
		{"CallDisconnected", "403/510403", "Call blocked: - Alternate ID not supplied for the call."},
		{"AddParticipantFailed", "480/560480", "- No answer from the called user."},
	} {
		code, sub, _ := strings.Cut(c.pair, "/")
		body := `[{"eventType":"Microsoft.Communication.` + c.event + `","data":{"resultInformation":{"code":` + code + `,"subCode":` + sub + `}}}]`
		for rec, err := range explain.Stream(strings.NewReader(body), explain.Options{}) {
			require.NoError(t, err)
			assert.Equal(t, rtccodes.PSTN, rec.Product, c.event)
			assert.Equal(t, c.pair, rec.Entry.Pair(), c.event)
			assert.Equal(t, rtccodes.MatchExact, rec.Entry.Match, c.event)
			assert.True(t, strings.HasPrefix(rec.Entry.Message, c.message), rec.Entry.Message)
			require.NotEmpty(t, rec.Also, c.event)
			assert.Equal(t, rtccodes.CallAutomation, rec.Also[0].Product, c.event)
			assert.Contains(t, rec.Notes, "PSTN documents "+c.pair+"; CallAutomation, whose result this is, has only "+rec.Also[0].Pair()+" ("+rec.Also[0].Match.String()+") for it, under Also")
		}
	}
}

// TestExplainWhatServicesReallyReceive explains the record shapes services
// hold besides Call Automation events: error objects as apps log them, call
// log records, TRTC errors, codes as strings.
func TestExplainWhatServicesReallyReceive(t *testing.T) {
	tests := []struct {
		name, payload string
		product       rtccodes.Product
		pair          string // the payload's pair
		entry         string // the answer's pair
		match         rtccodes.Match
		inferred      string
	}{
		{"Calling SDK error object", `{"error":{"_code":0,"_subCode":5317,"_resultCategories":["ExpectedError"],"name":"CallingCommunicationError","message":"Target participant is removed"}}`,
			rtccodes.CallingSDK, "0/5317", "0/5317", rtccodes.MatchExact, "a Calling SDK error object"},
		{"result with only a subcode", `{"resultInformation": {"subCode": 8536}}`,
			rtccodes.CallAutomation, "*/8536", "*/8536", rtccodes.MatchGenericSubcode, "resultInformation"},
		{"a failed event names its product", `{"type":"Microsoft.Communication.CreateCallFailed","data":{"code":403,"subCode":10391}}`,
			rtccodes.CallAutomation, "403/10391", "403", rtccodes.MatchGenericCode, "the event type"},
		{"TRTC error as apps log it", `{"name":"RtcError","code":16388,"extraCode":70001,"message":"join room failed"}`,
			rtccodes.TRTCWeb, "16388/70001", "16385/70001", rtccodes.MatchSubcode, "extraCode; code 16388 is TRTCWeb's"},
		{"TRTC hex code as a string", `{"code":"0x4004","extraCode":-10013}`,
			rtccodes.TRTCWeb, "16388/-10013", "16388/-10013", rtccodes.MatchExact, "a hexadecimal code, which only TRTCWeb writes"},
		{"TRTC name alone", `{"name":"RtcError","code":"0x4001"}`,
			rtccodes.TRTCWeb, "16385", "16385", rtccodes.MatchExact, "a hexadecimal code, which only TRTCWeb writes"},
		{"a code only TRTC documents", `{"code":16388}`,
			rtccodes.TRTCWeb, "16388", "16388", rtccodes.MatchExact, "a pair only TRTCWeb documents"},
		{"PSTN call log, strings", `{"ParticipantEndReason":"486","ParticipantEndSubCode":"560486","ResultCategories":"Success"}`,
			rtccodes.PSTN, "486/560486", "486/60486", rtccodes.MatchAlias, "ParticipantEndReason (a call log record)"},
		{"Calling SDK call log", `{"participantEndReason": 410, "participantEndSubCode": 3112}`,
			rtccodes.CallingSDK, "410/3112", "410/3112", rtccodes.MatchExact, "ParticipantEndReason (a call log record)"},
		{"codes as strings", `{"code":"487","subCode":"10003"}`,
			rtccodes.CallingSDK, "487/10003", "487/10003", rtccodes.MatchExact, "a bare code; the product that answers most precisely"},
		{"an HTTP error body with a DiagCode", `{"error":{"code":"500","message":"Server Internal Error. DiagCode: 500#560500.@"}}`,
			rtccodes.PSTN, "500", "500/560500", rtccodes.MatchExact, "a code with its diagnostics"},
	}
	for _, tt := range tests {
		x, err := explain.Payload([]byte(tt.payload))
		if !assert.NoError(t, err, tt.name) {
			continue
		}
		assert.Equal(t, tt.product, x.Product, tt.name)
		assert.Equal(t, tt.pair, x.Pair(), tt.name)
		assert.True(t, x.Found, tt.name)
		assert.Equal(t, tt.entry, x.Entry.Pair(), tt.name)
		assert.Equal(t, tt.match, x.Entry.Match, tt.name)
		assert.Equal(t, tt.inferred, x.Inferred, tt.name)
	}

	// The payload's own categories are compared with the documented one.
	x, err := explain.Payload([]byte(`{"error":{"_code":0,"_subCode":5317,"_resultCategories":["ExpectedError"]}}`))
	require.NoError(t, err)
	assert.Equal(t, []string{"ExpectedError"}, x.ResultCategories)
	assert.Empty(t, x.Notes)
	x, err = explain.Payload([]byte(`{"callEndReason":{"code":410,"subCode":3112,"resultCategories":["UnexpectedServerError"]}}`))
	require.NoError(t, err)
	assert.Equal(t, []string{"the payload reports UnexpectedServerError; the documents say ExpectedError"}, x.Notes)

	// The event type qualifies the answer: 200/0 means "call ended" on
	// CallDisconnected only.
	x, err = explain.Payload([]byte(`{"type":"Microsoft.Communication.CallConnected","data":{"resultInformation":{"code":200,"subCode":0}}}`))
	require.NoError(t, err)
	assert.Equal(t, "2xx", x.Entry.Pair())
	assert.NotContains(t, x.Entry.Message, "ended")
	assert.Equal(t, []string{"200/0 is documented for CallDisconnected, not for CallConnected"}, x.Notes)
	x, err = explain.Payload([]byte(`{"type":"Microsoft.Communication.CallDisconnected","data":{"resultInformation":{"code":200,"subCode":0}}}`))
	require.NoError(t, err)
	assert.Equal(t, "200/0", x.Entry.Pair())
	assert.Empty(t, x.Notes)

	// PayloadAs reads the new shapes as the products they can be.
	_, err = explain.PayloadAs(rtccodes.CallingSDK, []byte(`{"name":"RtcError","code":16388,"extraCode":70001}`))
	assert.Error(t, err)
	x, err = explain.PayloadAs(rtccodes.PSTN, []byte(`{"ParticipantEndReason":410,"ParticipantEndSubCode":3112}`))
	require.NoError(t, err)
	assert.Equal(t, rtccodes.PSTN, x.Product)
	assert.Equal(t, "given", x.Inferred)
}

// TestRESTErrorBodies explains the ACS REST APIs' error body
// ({"error": {"code": "<name>", "message": ...}}) as what it is: its code is
// the error's name, so only a DiagCode in its message answers; without
// one it carries no code, which is not malformed.
func TestRESTErrorBodies(t *testing.T) {
	_, err := explain.Payload([]byte(`{"error":{"code":"Unauthorized","message":"Invalid token."}}`))
	assert.ErrorIs(t, err, explain.ErrNoCodes)
	x, err := explain.Payload([]byte(`{"error":{"code":"InternalError","message":"Server Internal Error. DiagCode: 500#560500.@"}}`))
	require.NoError(t, err)
	assert.Equal(t, "500/560500", x.Entry.Pair())
	assert.Equal(t, rtccodes.PSTN, x.Product)
	assert.Equal(t, "a DiagCode in a REST error body", x.Inferred)

	var got []string
	for rec, err := range explain.Stream(open(t, "acs-rest-errors.jsonl"), explain.Options{}) {
		if err != nil {
			var re *explain.RecordError
			require.ErrorAs(t, err, &re)
			got = append(got, re.Reason)
			continue
		}
		got = append(got, rec.Product.String()+" "+rec.Entry.Pair())
	}
	assert.Equal(t, []string{explain.ReasonNoCode, "CallingSDK 403/510403", explain.ReasonNoCode, "PSTN 500/560500"}, got)
}

// TestEveryEntryPointNotesTheRowThatDoesNotAnswer asks every row without code
// (a generic subcode, a fact under any code) under codes of both outcomes,
// as a payload and as a log line: where the row's outcome is the code's, it
// answers; where it is not, the code's own answer stands and a note names
// the row and says why, the same through both.
func TestEveryEntryPointNotesTheRowThatDoesNotAnswer(t *testing.T) {
	answered, noted := 0, 0
	for _, p := range []rtccodes.Product{rtccodes.CallAutomation, rtccodes.CallingSDK} {
		for e := range rtccodes.All(p) {
			if e.HasCode || !e.HasSubcode || e.Subcode == 0 {
				continue
			}
			for _, code := range []int{200, 400, 500, 603} {
				payload := `{"resultInformation":{"code":%d,"subCode":%d}}` // Call Automation's shape
				if p == rtccodes.CallingSDK {
					payload = `{"callEndReason":{"code":%d,"subCode":%d}}`
				}
				x, err := explain.PayloadAs(p, []byte(fmt.Sprintf(payload, code, e.Subcode)))
				require.NoError(t, err)
				y, err := explain.Line(p, fmt.Sprintf("2026-11-20 WARN call ended code=%d subCode=%d", code, e.Subcode))
				require.NoError(t, err)
				what := fmt.Sprintf("%v %d/%d: %v %q", p, code, e.Subcode, x.Entry, x.Notes)
				assert.Equal(t, x.Entry, y.Entry, what)
				assert.Equal(t, x.Notes, y.Notes, what)
				if m := x.Entry.Match; m == rtccodes.MatchExact || m == rtccodes.MatchSubcode || m == rtccodes.MatchObserved && x.Entry.HasCode {
					continue // a row of the pair, or of its subcode under one code, answers
				}
				codeOutcome := rtccodes.OutcomeFailure
				if code == 200 {
					codeOutcome = rtccodes.OutcomeSuccess
				}
				if e.Outcome == codeOutcome {
					answered++
					assert.Equal(t, e.Pair(), x.Entry.Pair(), what)
					continue
				}
				noted++
				assert.NotEqual(t, e.Pair(), x.Entry.Pair(), what)
				// The note names the row the subcode finds alone: this one, or
				// the row documented with the subcode under one code.
				note := regexp.MustCompile(fmt.Sprintf(`^%v [0-9*]+/%d ".+" (is a (success|failure)|has no known outcome); .+, so `, p, e.Subcode))
				assert.True(t, slices.ContainsFunc(x.Notes, note.MatchString), "%s: no note of the row", what)
			}
		}
	}
	assert.Greater(t, answered, 300)
	assert.Greater(t, noted, 100)
}
