package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runTool(stdin string, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestLookupCommand(t *testing.T) {
	code, out, _ := runTool("", "410", "3112")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "CallingSDK 410/3112 ExpectedError")
	assert.Contains(t, out, "Call setup failed due to network configuration problem")

	code, out, _ = runTool("", "-lang", "ja", "410", "3112")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "クライアント側のネットワーク構成の問題")
	code, out, _ = runTool("", "-lang", "fr", "410", "3112")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "La configuration de l’appel a échoué")

	code, out, _ = runTool("", "-product", "trtc", "0x4001", "70001")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "userSig has expired")
	code, out, _ = runTool("", "-product", "trtc", "NotAllowedError: Permission denied")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "NotAllowedError")
}

func TestLookupCommandJSON(t *testing.T) {
	code, out, _ := runTool("", "-json", "-lang", "ja", "-product", "calling", "410", "3112")
	require.Equal(t, 0, code)
	var got []jsonEntry
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got, 1)
	assert.Equal(t, "CallingSDK", got[0].Product)
	assert.Equal(t, "ExpectedError", got[0].Category)
	assert.Equal(t, "ja", got[0].Lang)
	assert.Equal(t, "exact", got[0].Match)
	assert.Len(t, got[0].Links, 1)
}

func TestExplainCommand(t *testing.T) {
	payload := `{"type": "Microsoft.Communication.CallDisconnected", "data": {"resultInformation": {"code": 500, "subCode": 560503, "message": "Unexpected server error", "sipDetails": {"code": 486, "message": "Busy Here"}}}}`
	code, out, _ := runTool(payload, "explain")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "Event:   Microsoft.Communication.CallDisconnected")
	assert.Contains(t, out, "Busy Here (RFC 3261)")

	code, out, _ = runTool(payload, "-json", "explain")
	require.Equal(t, 0, code)
	var got jsonExplanation
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.Equal(t, "CallAutomation", got.Product)
	require.NotNil(t, got.Entry)
	assert.Equal(t, 560503, got.Entry.Subcode)

	code, _, errOut := runTool(`{"code": `, "explain")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "payload")
	code, _, _ = runTool(`{"code": 9, "subCode": 9}`, "explain")
	assert.Equal(t, 1, code)
	code, _, _ = runTool(strings.Repeat(" ", maxPayload+1), "explain")
	assert.Equal(t, 2, code)
}

func TestExitStatuses(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want int
	}{
		{[]string{"12345", "9"}, 1},
		{[]string{"-product", "sms", "4011"}, 1},
		{[]string{"nothing like a code"}, 1},
		{[]string{}, 2},
		{[]string{"1", "2", "3"}, 2},
		{[]string{"-product", "teams", "410"}, 2},
		{[]string{"x", "3112"}, 2},
		{[]string{"410", "y"}, 2},
		{[]string{"99999999999999999999"}, 1},
		{[]string{"-nosuchflag"}, 2},
		{[]string{"-h"}, 0},
	} {
		code, _, _ := runTool("", tt.args...)
		assert.Equal(t, tt.want, code, "%q", tt.args)
	}
}
