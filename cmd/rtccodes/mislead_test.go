package main

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAnswersClaimNoMoreThanTheyKnow runs the lookups that once answered a
// failure with a Success row.
func TestAnswersClaimNoMoreThanTheyKnow(t *testing.T) {
	for _, code := range []string{"500", "503", "404", "480", "410"} {
		status, out, _ := runTool("", code, "0")
		assert.Equal(t, 0, status, code)
		assert.NotContains(t, out, "Success", "%s 0:\n%s", code, out)
		assert.NotContains(t, out, " 0/0 ", "%s 0:\n%s", code, out)
	}
	// A row of another outcome is named only in a note that says why it
	// does not answer.
	status, out, _ := runTool("", "-product", "calling", "500", "5000")
	assert.Equal(t, 0, status)
	assert.NotContains(t, withoutNotes(out), "0/5000")
	assert.Contains(t, out, "Note:    CallingSDK 0/5000 \"Call ended for this participant. Participant removed from the conversation by another participant.\" is a success; 500 is a failure code, so the row 500 answers\n")
	assert.Contains(t, out, "CallingSDK 500 [callend table, code match, en]")

	status, out, _ = runTool("", "-product", "callautomation", "500", "0")
	assert.Equal(t, 0, status)
	assert.NotContains(t, out, "*/0")
	assert.Contains(t, out, "CallAutomation 500 [genericcode table, generic-code match, en]")

	status, out, _ = runTool("", "200", "3112")
	assert.Equal(t, 0, status)
	assert.NotContains(t, withoutNotes(out), "410/3112")
	assert.Contains(t, out, "is a failure; 200 is a success code, so the 2xx class answers\n")
	assert.Contains(t, out, "CallingSDK 2xx [class table, class match, en]")
	assert.Contains(t, out, "CallAutomation 2xx [class table, class match, en]")
}

// withoutNotes returns a lookup's output without its Note lines.
func withoutNotes(out string) string {
	var b strings.Builder
	for _, l := range strings.SplitAfter(out, "\n") {
		if !strings.HasPrefix(l, "Note:") {
			b.WriteString(l)
		}
	}
	return b.String()
}

// TestEveryProductAnswers checks that, without -product, each product with
// more than a class to say answers, most specific first.
func TestEveryProductAnswers(t *testing.T) {
	status, out, _ := runTool("", "500", "8522")
	require.Equal(t, 0, status)
	calling := strings.Index(out, "CallingSDK 500 [callend table, code match")
	automation := strings.Index(out, "CallAutomation */8522 [genericsubcode table, generic-subcode match")
	require.GreaterOrEqual(t, calling, 0, out)
	require.GreaterOrEqual(t, automation, 0, out)
	assert.Less(t, calling, automation, "code match before generic-subcode match")
	assert.NotContains(t, out, "5xx", "no class answer next to better ones")

	status, out, _ = runTool("", "-json", "450")
	require.Equal(t, 0, status)
	var got []jsonEntry
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got, 2, "only the classes answer 450: the Calling SDK's and Call Automation's")
	for _, e := range got {
		assert.Equal(t, "4xx", e.Pair, "a class prints as 4xx")
		assert.Equal(t, "class", e.Match)
	}
}

func TestExplainHonoursProduct(t *testing.T) {
	status, out, _ := runTool(`{"code":16385,"extraCode":70001}`, "-product", "trtc", "explain")
	assert.Equal(t, 0, status)
	assert.Contains(t, out, "Payload: TRTCWeb 16385/70001")
	assert.Contains(t, out, "TRTCWeb 16385/70001 (0x4001) [account table, exact match, en]")

	status, _, errOut := runTool(`{"type":"Microsoft.Communication.CallDisconnected","data":{"resultInformation":{"code":410,"subCode":3112}}}`, "-product", "trtc", "explain")
	assert.Equal(t, 2, status)
	assert.Contains(t, errOut, "TRTCWeb")

	event := `{"type":"Microsoft.Communication.CallDisconnected","data":{"resultInformation":{"code":410,"subCode":3112}}}`
	status, out, _ = runTool(event, "explain")
	assert.Equal(t, 0, status)
	assert.Contains(t, out, "CallAutomation 4xx [class table, class match, en]")
	assert.Contains(t, out, "Also documented by CallingSDK:\nCallingSDK 410/3112 ExpectedError [callend table, exact match, en]")

	status, out, _ = runTool(event, "-json", "explain")
	assert.Equal(t, 0, status)
	var x jsonExplanation
	require.NoError(t, json.Unmarshal([]byte(out), &x))
	require.Len(t, x.Also, 1)
	assert.Equal(t, "410/3112", x.Also[0].Pair)
}

// TestCLINeverMisleads checks each case of a tool that once misled: its
// exit status, stdout and stderr.
func TestCLINeverMisleads(t *testing.T) {
	tests := []struct {
		name   string
		stdin  string
		args   []string
		status int
		stdout string // a substring of stdout; "" for none
		stderr string // a substring of stderr
	}{
		{"unquoted text", "", []string{"NotAllowedError:", "Permission", "denied"}, 2, "",
			`rtccodes: 3 words: a lookup takes CODE [SUBCODE] or one TEXT; quote a text with spaces: rtccodes "NotAllowedError: Permission denied"`},
		{"two words, not a code", "", []string{"NotAllowedError:", "denied"}, 2, "", "quote a text with spaces"},
		{"three numbers", "", []string{"410", "3112", "5"}, 2, "", "rtccodes: 3 words"},
		{"json miss", "", []string{"-json", "999", "99999"}, 1, "[]\n", "nothing describes"},
		{"json text miss", "", []string{"-json", "no such thing"}, 1, "[]\n", "no code"},
		{"empty", "", []string{""}, 2, "", "empty input"},
		{"punctuation", "", []string{"%%%"}, 2, "", "cannot be a code, key or message"},
		{"huge number", "", []string{"99999999999999999999"}, 2, "", "value out of range"},
		{"octal-looking", "", []string{"-product", "calling", "0410"}, 0, "CallingSDK 410 ", ""},
		{"underscores", "", []string{"4_1_0"}, 2, "", "not a decimal or 0x hexadecimal integer"},
		{"help", "", []string{"help"}, 0, "usage: rtccodes", ""},
		{"empty stdin", "", []string{"explain"}, 2, "", "standard input is empty"},
		{"blank stdin", " \n\t", []string{"explain"}, 2, "", "standard input is empty"},
		{"json explain miss", `{"code": 9, "subCode": 9}`, []string{"-json", "explain"}, 0, `"found":false`, ""},
		{"unknown language", "", []string{"-lang", "de", "410", "3112"}, 0, "[callend table, exact match, en]",
			`rtccodes: no text in "de"; answering in English (languages: en, ja, fr)`},
		{"language typo", "", []string{"-lang", "jp", "410", "3112"}, 0, "Call setup failed", `no text in "jp"`},
		{"explain a missing file", "", []string{"explain", "no-such-file.json"}, 2, "", "no such file"},
		{"list words", "", []string{"list", "x"}, 2, "", "takes no words"},
	}
	for _, tt := range tests {
		status, out, errOut := runTool(tt.stdin, tt.args...)
		assert.Equal(t, tt.status, status, tt.name)
		if tt.stdout == "" {
			assert.Empty(t, out, tt.name)
		} else {
			assert.Contains(t, out, tt.stdout, tt.name)
		}
		if tt.stderr == "" {
			assert.Empty(t, errOut, tt.name)
		} else {
			assert.Contains(t, errOut, tt.stderr, tt.name)
			assert.Equal(t, 1, strings.Count(errOut, "\n"), "%s: one line on stderr: %s", tt.name, errOut)
		}
		if slicesContains(tt.args, "-json") {
			assert.True(t, json.Valid([]byte(out)), "%s: stdout is JSON: %q", tt.name, out)
		}
	}
	// Supported languages need no notice.
	for _, lang := range []string{"en", "ja", "fr-CA", "ja;q=0.9, de"} {
		_, _, errOut := runTool("", "-lang", lang, "410", "3112")
		assert.Empty(t, errOut, lang)
	}
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// failingWriter fails every write, as /dev/full does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

func TestWriteErrorsExitNonZero(t *testing.T) {
	for _, args := range [][]string{
		{"410", "3112"}, {"-json", "410", "3112"}, {"list"}, {"-json", "list"}, {"search", "userSig"},
		{"-version"}, {"-version", "-json"}, {"explain"}, {"-json", "explain"}, {"help"},
	} {
		var errOut strings.Builder
		status := run(args, strings.NewReader(`{"code": 487, "subCode": 10003}`), failingWriter{}, &errOut)
		assert.Equal(t, 2, status, "%q", args)
		assert.Contains(t, errOut.String(), "rtccodes: writing the output: no space left on device", "%q", args)
	}
	// A reader that fails is bad input.
	var errOut strings.Builder
	status := run([]string{"explain"}, io.MultiReader(strings.NewReader("{"), failingReader{}), io.Discard, &errOut)
	assert.Equal(t, 2, status)
	assert.Contains(t, errOut.String(), "read error: broken pipe")
	assert.Equal(t, 1, strings.Count(errOut.String(), "\n"), "one input, one error: %s", errOut.String())
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("broken pipe") }

// TestOutputAReaderCanUse checks links, languages of labels and hex codes.
func TestOutputAReaderCanUse(t *testing.T) {
	const url = "https://learn.microsoft.com/azure/communication-services/resources/troubleshooting/voice-video-calling/call-setup-issues/call-ends-with-410-3112"
	_, out, _ := runTool("", "-product", "calling", "410", "3112")
	assert.Contains(t, out, "  Link:    "+url+"\n", "a bare 'here' is not printed")
	assert.NotContains(t, out, "Link:    here")
	_, out, _ = runTool("", "-product", "calling", "-lang", "ja", "410", "3112")
	assert.Contains(t, out, "  Link:    "+url+"\n")

	// A label that says something stays, in English text.
	_, out, _ = runTool("", "-product", "calling", "400", "40613")
	assert.Regexp(t, `(?m)^  Link:    [A-Za-z][^:]+: https://`, out)
	_, out, _ = runTool("", "-product", "calling", "-lang", "fr", "400", "40613")
	assert.NotRegexp(t, `(?m)^  Link:    [A-Za-z][^:]+: https://`, out, "English labels are not printed under French text")
	assert.Regexp(t, `(?m)^  Link:    https://`, out)

	_, out, _ = runTool("", "-product", "trtc", "JOIN_ROOM_FAILED")
	assert.Contains(t, out, "TRTCWeb 16388 (0x4004) JOIN_ROOM_FAILED [errorcode table, key match, en]")
}

// TestEditionsAreNamed checks that a reader of a row that a newer edition
// revised sees both texts, each with its edition.
func TestEditionsAreNamed(t *testing.T) {
	status, out, _ := runTool("", "-product", "pstn", "403", "510403")
	require.Equal(t, 0, status)
	assert.Contains(t, out, "  Message: Call blocked: - Alternate ID not supplied for the call.")
	assert.Contains(t, out, "  Revised: the 2025-07-14 edition words it (en):\n    Message: Call blocked: - No matching voice route found for the dialed number.")
	assert.NotContains(t, out, "  Edition:", "the seeds are undated")

	status, out, _ = runTool("", "-json", "-product", "calling", "0", "5003")
	require.Equal(t, 0, status)
	var got []jsonEntry
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.Len(t, got, 1)
	require.Len(t, got[0].Revisions, 1)
	assert.Equal(t, "2025-07-14", got[0].Revisions[0].Edition)

	// A row only the edition has, and a dated document's text.
	_, out, _ = runTool("", "-product", "sms", "4020")
	assert.Contains(t, out, "  Edition: 2025-07-14\n")
	_, out, _ = runTool("", "-product", "trtc", "-lang", "ja", "JOIN_ROOM_FAILED")
	assert.Contains(t, out, "  Edition: 2022-04-06\n")

	// Search finds the revised text.
	status, out, _ = runTool("", "search", "No matching voice route")
	require.Equal(t, 0, status)
	assert.Contains(t, out, "403/510403")
}
