package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes/explain"
)

// TestOneTextOneAnswer asks texts as users paste them through every entry point
// that reads text: the command line's TEXT argument, a line piped to
// explain, and explain.Line. Each must give the same answer.
func TestOneTextOneAnswer(t *testing.T) {
	texts := []string{
		"Uncaught (in promise) RtcError: code: 5300 extraCode: 5302 message: NotAllowedError: Permission denied",
		"AddParticipantFailed code=408 subCode=10057",
		"CallConnected callConnectionId=401f code=200 subCode=0",
		"CallDisconnected code=0 subCode=0 DiagCode: 0#0.@",
		"Call end reason: code: 403, subcode: 5221",
		"`Microsoft.Communication.CreateCallFailed` with `code:403, subCode:10391, \"Forbidden.",
		"PlayFailed code=400 subCode=8535",
		"JOIN_ROOM_FAILED",
		"0x4004",
		"410/3112",
		"410, 3112",
		"Server Internal Error. DiagCode: 500#560500.@",
		"TRTC publish timeout",
	}
	for _, file := range []string{"support.log", "app-log-lines.log"} {
		b, err := os.ReadFile("../../testdata/payloads/" + file)
		require.NoError(t, err)
		texts = append(texts, strings.Split(strings.TrimSpace(string(b)), "\n")...)
	}
	for _, text := range texts {
		x, err := explain.Line(0, text)
		line := "nothing"
		if err == nil && x.Found {
			line = strings.Join([]string{x.Entry.Product.String(), x.Entry.Pair(), x.Entry.Match.String(), string(x.Entry.Outcome)}, " ")
		}

		_, out, _ := runTool("", "-json", "--", text)
		var entries []jsonEntry
		require.NoError(t, json.Unmarshal([]byte(out), &entries), "%q: %s", text, out)
		argument := "nothing"
		if len(entries) > 0 {
			e := entries[0]
			argument = strings.Join([]string{e.Product, e.Pair, e.Match, e.Outcome}, " ")
		}

		_, out, _ = runTool(text+"\n", "-json", "explain")
		var rec jsonExplanation
		require.NoError(t, json.Unmarshal([]byte(out), &rec), "%q: %s", text, out)
		piped := "nothing"
		if rec.Entry != nil {
			e := rec.Entry
			piped = strings.Join([]string{e.Product, e.Pair, e.Match, e.Outcome}, " ")
		}
		assert.Equal(t, line, argument, "%q: explain.Line and the TEXT argument", text)
		assert.Equal(t, line, piped, "%q: explain.Line and a piped line", text)
		if err == nil {
			assert.Equal(t, x.Notes, rec.Notes, "%q: the notes", text)
		}
	}
}
