package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

// explained runs explain -json on a fixture and returns each record as
// "product pair match outcome".
func explained(t *testing.T, file string, args ...string) []string {
	t.Helper()
	b, err := os.ReadFile("../../testdata/payloads/" + file)
	require.NoError(t, err)
	status, out, errOut := runTool(string(b), append(args, "-json", "explain")...)
	require.Equal(t, 0, status, errOut)
	var got []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var x jsonExplanation
		require.NoError(t, json.Unmarshal([]byte(l), &x), l)
		if x.Entry == nil {
			got = append(got, x.Product+" -")
			continue
		}
		got = append(got, strings.Join([]string{x.Entry.Product, x.Entry.Pair, x.Entry.Match, x.Entry.Outcome}, " "))
	}
	return got
}

// TestAgreeingRowsAnswerEveryEntryPoint asks the pairs whose documented row
// agrees with the code, and those whose row does not, as events, as log
// lines and as pairs: the same answer each way.
func TestAgreeingRowsAnswerEveryEntryPoint(t *testing.T) {
	// Call Automation media actions, as Event Grid delivers them.
	assert.Equal(t, []string{
		"CallAutomation */8535 generic-subcode failure", // Invalid File Format
		"CallAutomation */8536 generic-subcode failure", // File Download Failed
		"CallAutomation */8511 generic-subcode failure", // Play Prompt Failed
		"CallAutomation */8510 generic-subcode failure", // Initial Silence Timeout Reached
		"CallAutomation */8508 generic-subcode failure", // Operation Canceled
		"CallAutomation */8569 generic-subcode success", // Speech Recognized, under 200
	}, explained(t, "media-action-failures.eventgrid.json"))

	// Log lines as apps write them.
	assert.Equal(t, []string{
		"CallingSDK 4xx class failure",               // callEndReason names the Calling SDK: its class, not Call Automation's 403
		"PSTN 403 code-rows failure",                 // PSTN has no class: its rows under 403
		"CallAutomation */0 generic-subcode success", // Call Automation documents subcode 0 as Success
		"CallingSDK */5854 observed failure",         // the lobby denial, a failure as 487 is
		"CallingSDK */5751 observed failure",         // the invalid meeting identifier
	}, explained(t, "app-log-lines.log"))

	// A call summary record with a code and no subcode.
	status, out, _ := runTool(`{"participantEndReason": "0", "correlationId": "c-9"}`, "explain")
	assert.Equal(t, 0, status)
	assert.Contains(t, out, "CallingSDK 0 [coderows table, code-rows match, en]\n  Outcome: unknown\n  Message: Code 0 has no row of its own. The documents list 10 rows under it: 8 successes, failures for subcodes 4521 and 5317.")

	// The same pairs asked as pairs, and what does not agree.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-product", "callautomation", "400", "8535"}, "CallAutomation */8535 [genericsubcode table, generic-subcode match, en]\n  Outcome: failure\n  Message: Invalid File Format"},
		{[]string{"-product", "calling", "487", "5854"}, "CallingSDK */5854 [observed table, observed match, en]\n  Outcome: failure"},
		{[]string{"-product", "pstn", "0"}, "PSTN 0 [coderows table, code-rows match, en]\n  Outcome: success\n  Message: Code 0 has no row of its own. The documents list 3 rows under it, all successes."},
		{[]string{"-product", "callautomation", "0", "0"}, "CallAutomation */0 [genericsubcode table, generic-subcode match, en]\n  Outcome: success\n  Message: Success"},
		{[]string{"-product", "callautomation", "200", "9998"}, "Note:    CallAutomation */9998 \"Fatal Error\" is a failure; 200 is a success code, so the 2xx class answers\nCallAutomation 2xx [class table, class match, en]"},
		{[]string{"-product", "callautomation", "603", "8569"}, "Note:    CallAutomation */8569 \"Speech Recognized\" is a success; 603 is a failure code, so the generic code 603 answers\nCallAutomation 603 [genericcode table, generic-code match, en]\n  Outcome: failure\n  Message: Declined"},
		{[]string{"-product", "calling", "200", "5854"}, "CallingSDK 2xx [class table, class match, en]"},
	} {
		status, out, _ := runTool("", c.args...)
		assert.Equal(t, 0, status, "%q", c.args)
		assert.Contains(t, out, c.want, "%q", c.args)
	}
	// The rows under code 0 are listed after the answer.
	_, out, _ = runTool("", "-product", "pstn", "0")
	assert.Contains(t, out, "PSTN: 3 documented rows under code 0, which has no row of its own:")
}

// TestTheToolPrintsEntriesAsTheyMarshal holds the tool's JSON of every row,
// in English, to json.Marshal of the Entry, and reads its JSON in another
// language back into the same Entry.
func TestTheToolPrintsEntriesAsTheyMarshal(t *testing.T) {
	for _, p := range rtccodes.Products() {
		for e := range rtccodes.All(p) {
			want, err := json.Marshal(e)
			require.NoError(t, err)
			got, err := json.Marshal(toJSON(e, "en"))
			require.NoError(t, err)
			require.Equal(t, string(want), string(got))
			ja, err := json.Marshal(toJSON(e, "ja"))
			require.NoError(t, err)
			var back rtccodes.Entry
			require.NoError(t, json.Unmarshal(ja, &back))
			require.Equal(t, e, back, "%s", ja)
		}
	}
}
