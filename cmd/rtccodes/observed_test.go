package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

const utils = "Seen in: Azure/communication-ui-library, packages/react-composites/src/composites/CallComposite/utils/Utils.ts (001f073684baadfc96308b68275f13b552a619d6); the documents leave this code out"

// TestFactsAnswerWithTheirProvenance runs the lookups that the documents
// leave out.
func TestFactsAnswerWithTheirProvenance(t *testing.T) {
	// A fact under any code answers a code of its outcome; the pair 0/5854
	// is the mobile UI libraries' fact.
	const ios = "Seen in: Azure/communication-ui-library-ios, .../Service/Calling/AzureCommunicationCalling/ACSCallEndReasonExtension.swift (HEAD of 2025-06-06); the documents leave this code out"
	for _, args := range [][]string{{"0", "5854"}, {"-product", "calling", "0", "5854"}} {
		status, out, _ := runTool("", args...)
		assert.Equal(t, 0, status, "%q", args)
		assert.True(t, strings.HasPrefix(out, "CallingSDK 0/5854 [observed table, observed match, en]\n  Outcome: failure\n  Message: Access to the Teams meeting was denied"), "%q: %s", args, out)
		assert.Contains(t, out, ios, "%q", args)
	}
	for _, c := range []struct {
		args []string
		row  string
	}{
		{[]string{"487", "5854"}, "CallingSDK */5854 [observed table, observed match, en]\n  Outcome: failure\n  Message: Access to the Teams meeting was denied"},
		{[]string{"404", "5732"}, "CallingSDK */5732 [observed table, observed match, en]\n  Outcome: failure\n  Message: The Rooms room was not found"},
		{[]string{"404", "5751"}, "CallingSDK */5751 [observed table, observed match, en]\n  Outcome: failure\n  Message: The room or meeting was not found: the meeting identifier is not valid."},
	} {
		status, out, _ := runTool("", c.args...)
		assert.Equal(t, 0, status, "%q", c.args)
		assert.True(t, strings.HasPrefix(out, c.row), "%q: a failure fact answers a failure code first:\n%s", c.args, out)
	}
	// A fact of another outcome does not answer: the class does, and a note
	// says why.
	status, out, _ := runTool("", "-product", "calling", "200", "5854")
	assert.Equal(t, 0, status)
	assert.Contains(t, out, `Note:    CallingSDK */5854 "Access to the Teams meeting was denied: the user was not admitted from the lobby, or was removed from it." is a failure; 200 is a success code, so the 2xx class answers`)
	assert.Contains(t, out, "CallingSDK 2xx [class table, class match, en]")

	status, out, _ = runTool("", "-product", "trtc", "API_CALL_TIMEOUT")
	assert.Equal(t, 0, status)
	assert.Contains(t, out, "TRTCWeb 16459 (0x404B) API_CALL_TIMEOUT [observed table, key match, en]\n  Outcome: failure\n  Message: An API call did not complete in time.\n  Seen in: Tencent-RTC/TRTC_Web, SDK/index.d.ts, SDK/trtc.js (v4.15.20 (a4ec967))")

	status, out, _ = runTool("", "-json", "-product", "trtc", "0x404D")
	assert.Equal(t, 0, status)
	var got []jsonEntry
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got, 1)
	assert.Equal(t, "API_CALL_ABORTED", got[0].Key)
	assert.Equal(t, "observed", got[0].Section)
	require.NotNil(t, got[0].Provenance)
	assert.Equal(t, "SDK/trtc.js", got[0].Provenance.Path)

	// An explanation carries the provenance too.
	status, out, _ = runTool(`{"callEndReason": {"code": 0, "subCode": 5854}}`, "explain")
	assert.Equal(t, 0, status)
	assert.Contains(t, out, ios)
	status, out, _ = runTool(`{"callEndReason": {"code": 0, "subCode": 5854}}`, "-json", "explain")
	assert.Equal(t, 0, status)
	var x jsonExplanation
	require.NoError(t, json.Unmarshal([]byte(out), &x))
	require.NotNil(t, x.Entry)
	require.NotNil(t, x.Entry.Provenance)
	assert.Equal(t, "Azure/communication-ui-library-ios", x.Entry.Provenance.Repository)

	// The subcode alone finds the fact under any code; under a code of its
	// outcome, the fact answers; under another, the explanation says why it
	// did not.
	status, out, _ = runTool(`{"callEndReason": {"subCode": 5732}}`, "explain")
	assert.Equal(t, 0, status)
	assert.Contains(t, out, "CallingSDK */5732 [observed table, observed match, en]")
	assert.Contains(t, out, utils)
	status, out, _ = runTool(`{"callEndReason": {"code": 404, "subCode": 5732}}`, "explain")
	assert.Equal(t, 0, status)
	assert.Contains(t, out, "CallingSDK */5732 [observed table, observed match, en]\n  Outcome: failure")
	status, out, _ = runTool(`{"callEndReason": {"code": 200, "subCode": 5732}}`, "explain")
	assert.Equal(t, 0, status)
	assert.Contains(t, out, `Note:    CallingSDK */5732 "The Rooms room was not found: no room has this room ID." is a failure; 200 is a success code, so the 2xx class answers`)
}

// TestCodeOnlyQuestionsListTheRowsUnderTheCode asks codes without a
// subcode that have no row of their own.
func TestCodeOnlyQuestionsListTheRowsUnderTheCode(t *testing.T) {
	listed := func(p rtccodes.Product, code int) []rtccodes.Entry {
		var rows []rtccodes.Entry
		for e := range rtccodes.All(p) {
			if e.HasCode && e.Code == code && e.Section != rtccodes.SectionClass && e.Section != rtccodes.SectionObserved {
				rows = append(rows, e)
			}
		}
		return rows
	}
	for _, tt := range []struct {
		args     []string
		code     int
		products []rtccodes.Product
	}{
		{[]string{"0"}, 0, []rtccodes.Product{rtccodes.CallingSDK, rtccodes.PSTN}},
		{[]string{"401"}, 401, []rtccodes.Product{rtccodes.CallingSDK}},
		{[]string{"-product", "calling", "400"}, 400, []rtccodes.Product{rtccodes.CallingSDK}},
	} {
		status, out, _ := runTool("", tt.args...)
		require.Equal(t, 0, status, "%q", tt.args)
		// The answer comes first, as every entry point gives it (a class answers
		// 400), then the rows under the code.
		var asked []rtccodes.Product
		if tt.args[0] == "-product" {
			asked = tt.products
		}
		if want := rtccodes.Resolve(rtccodes.Question{Products: asked, Code: tt.code, HasCode: true}); len(want) > 0 {
			assert.True(t, strings.HasPrefix(out, want[0].Product.String()+" "+want[0].Pair()+" "), "%q: %s", tt.args, out)
		}
		for _, p := range tt.products {
			rows := listed(p, tt.code)
			head := fmt.Sprintf("%s: %d documented rows under code %d, which has no row of its own:\n  PAIR", p, len(rows), tt.code)
			i := strings.Index(out, head)
			require.GreaterOrEqual(t, i, 0, "%q:\n%s", tt.args, out)
			lines := strings.Split(out[i:], "\n")[2:]
			for j, e := range rows {
				assert.Regexp(t, `^  `+e.Pair()+` +`+string(e.Section)+` `, lines[j], "%q: row %d", tt.args, j)
			}
		}
	}
	_, out, _ := runTool("", "0")
	assert.Contains(t, out, "CallingSDK: 10 documented rows under code 0, which has no row of its own:\n  PAIR     SECTION CATEGORY      MESSAGE\n  0/0      callend Success       Call ended successfully by local participant.\n")

	status, out, _ := runTool("", "-json", "401")
	require.Equal(t, 0, status)
	var got []jsonEntry
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	n := 0
	for _, e := range got {
		if e.Listed {
			n++
			assert.Equal(t, "CallingSDK", e.Product)
			if assert.NotNil(t, e.Code) {
				assert.Equal(t, 401, *e.Code)
			}
		}
	}
	assert.Equal(t, len(listed(rtccodes.CallingSDK, 401)), n)

	// A code with a row of its own answers with it alone.
	_, out, _ = runTool("", "-product", "calling", "480")
	assert.NotContains(t, out, "documented rows under code")
}
