package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/explain"
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
	if assert.NotNil(t, got.Entry.Subcode) {
		assert.Equal(t, 560503, *got.Entry.Subcode)
	}

	code, _, errOut := runTool(`{"code": `, "explain")
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "payload")
	code, _, _ = runTool(`{"code": 9, "subCode": 9}`, "explain")
	assert.Equal(t, 0, code, "read, though nothing describes it")
	code, _, _ = runTool(strings.Repeat(" ", explain.DefaultMaxRecord+1), "explain")
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
		{[]string{"99999999999999999999"}, 2},
		{[]string{""}, 2},
		{[]string{"  "}, 2},
		{[]string{"!!!"}, 2},
		{[]string{"4_1_0"}, 2},
		{[]string{"+410"}, 2},
		{[]string{"help"}, 0},
		{[]string{"0410"}, 0},
		{[]string{"410/3112"}, 0},
		{[]string{"-nosuchflag"}, 2},
		{[]string{"-h"}, 0},
	} {
		code, _, _ := runTool("", tt.args...)
		assert.Equal(t, tt.want, code, "%q", tt.args)
	}
}

func TestListCommand(t *testing.T) {
	code, out, _ := runTool("", "list", "-product", "chat", "-lang", "ja")
	require.Equal(t, 0, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.NotEmpty(t, lines)
	assert.Regexp(t, `^PRODUCT +PAIR +HEX +SECTION +KEY +CATEGORY +OUTCOME +LANG +MESSAGE$`, lines[0], "a header row")
	lines = lines[1:]
	n := 0
	for e := range rtccodes.All(rtccodes.Chat) {
		require.Less(t, n, len(lines))
		assert.Contains(t, lines[n], e.Pair())
		assert.Contains(t, lines[n], e.Localized("ja").Message)
		n++
	}
	assert.Len(t, lines, n, "one line an entry")

	code, out, _ = runTool("", "-json", "-product", "sms", "list")
	require.Equal(t, 0, code)
	var got []jsonEntry
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	want := 0
	for range rtccodes.All(rtccodes.SMS) {
		want++
	}
	assert.Len(t, got, want)

	code, out, _ = runTool("", "list")
	require.Equal(t, 0, code)
	total := 0
	for _, p := range rtccodes.Products() {
		for range rtccodes.All(p) {
			total++
		}
	}
	assert.Equal(t, total+1, strings.Count(out, "\n"), "every product without -product, and the header")
	// TRTC codes print in hex and decimal.
	assert.Regexp(t, `(?m)^TRTCWeb +16385/70001 +0x4001 +account `, out)
	assert.Regexp(t, `(?m)^TRTCWeb +16388 +0x4004 +errorcode +JOIN_ROOM_FAILED `, out)
	assert.Equal(t, 2, first(runTool("", "list", "extra")))
}

func TestSearchCommand(t *testing.T) {
	code, out, _ := runTool("", "search", "userSig")
	require.Equal(t, 0, code)
	assert.Regexp(t, `(?m)^TRTCWeb +16385/70001 `, out)
	assert.Contains(t, out, "userSig has expired")

	// Words after search are one query, and each entry prints in the
	// language the query matched: -lang only when that language matched.
	e, ok := rtccodes.Lookup(rtccodes.TRTCWeb, 0x4001, 70001)
	require.True(t, ok)
	code, out, _ = runTool("", "-lang", "ja", "search", "has", "expired")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "16385/70001")
	assert.Contains(t, out, e.Message, "the English text matched")
	assert.NotContains(t, out, e.Localized("ja").Message)
	code, out, _ = runTool("", "search", "有効期限")
	require.Equal(t, 0, code)
	assert.Regexp(t, `(?m)^TRTCWeb +16385/70001 +0x4001 +account +- +- +failure +ja +`+e.Localized("ja").Message+`$`, out)
	assert.NotContains(t, out, e.Message)
	code, out, _ = runTool("", "-lang", "ja", "search", "userSig has expired")
	require.Equal(t, 0, code)
	assert.Contains(t, out, e.Message, "ja does not contain the query, en does")

	code, out, _ = runTool("", "search", "-json", "-product", "calling", "通話")
	require.Equal(t, 0, code)
	var got []jsonEntry
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	require.NotEmpty(t, got)
	for _, g := range got {
		assert.Equal(t, "CallingSDK", g.Product)
	}

	code, out, _ = runTool("", "-json", "search", "no such text anywhere")
	assert.Equal(t, 1, code)
	assert.JSONEq(t, "[]", out)
	assert.Equal(t, 1, first(runTool("", "search", "no such text anywhere")))
	assert.Equal(t, 2, first(runTool("", "search")))
	assert.Equal(t, 2, first(runTool("", "search", " ")))
}

func TestVersionCommand(t *testing.T) {
	code, out, _ := runTool("", "-version")
	require.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "rtccodes "), out)
	for _, s := range rtccodes.Sources() {
		assert.Contains(t, out, s.File)
		if s.Date != "" {
			assert.Contains(t, out, s.Date)
		}
	}

	code, out, _ = runTool("", "-version", "-json")
	require.Equal(t, 0, code)
	var got struct {
		Version string
		Sources []struct {
			File, Date string
			Products   []string
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &got))
	assert.NotEmpty(t, got.Version)
	require.Len(t, got.Sources, len(rtccodes.Sources()))
	dates := map[string]string{}
	for _, s := range got.Sources {
		dates[s.File] = s.Date
	}
	assert.Equal(t, "2025-07-14", dates["testdata/acs/troubleshooting-codes.en.2025-07-14.md"])
	assert.Equal(t, 2, first(runTool("", "-version", "410")))
}

func TestFlagsAnywhere(t *testing.T) {
	code, out, _ := runTool("", "410", "3112", "-lang", "ja", "-product", "calling")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "クライアント側のネットワーク構成の問題")

	// After --, a negative number is a word: ACS has no negative codes, the
	// TRTC room entry table does.
	code, _, _ = runTool("", "-product", "calling", "--", "-1")
	assert.Equal(t, 1, code)
	code, out, _ = runTool("", "-product", "trtc", "--", "0x4004", "-10013")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "16388/-10013")
}

func TestHelpDocumentsEveryCommand(t *testing.T) {
	code, _, errOut := runTool("", "-h")
	require.Equal(t, 0, code)
	for _, s := range []string{"list", "search", "explain", "-version", "-json", "-lang", "-product", "Exit status"} {
		assert.Contains(t, errOut, s)
	}
	var names []string
	for _, p := range rtccodes.Products() {
		names = append(names, p.ShortName())
	}
	assert.Contains(t, errOut, "\nProducts: "+strings.Join(names, ", ")+".\n", "the usage lists every product")
}

func first(code int, _, _ string) int { return code }

// TestListCarriesOutcomes checks that every row -json list prints carries
// the outcome the library gives it.
func TestListCarriesOutcomes(t *testing.T) {
	code, out, _ := runTool("", "-json", "list")
	require.Equal(t, 0, code)
	var rows []struct {
		Product, Pair, Section, Outcome string
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rows))
	var want []rtccodes.Entry
	for _, p := range rtccodes.Products() {
		want = slices.AppendSeq(want, rtccodes.All(p))
	}
	require.Len(t, rows, len(want), "list prints every row, in order")
	for i, r := range rows {
		e := want[i]
		assert.NotEmpty(t, r.Outcome, "%+v", r)
		assert.Equal(t, []string{e.Product.String(), string(e.Section), e.Pair(), string(e.Outcome)},
			[]string{r.Product, r.Section, r.Pair, r.Outcome}, "row %d", i)
	}
}

// TestTRTC5Commands runs the 5.x SDK's lookups as a user would.
func TestTRTC5Commands(t *testing.T) {
	code, out, _ := runTool("", "-product", "trtc5", "5300", "5302")
	require.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "TRTCWebV5 5300/5302 DEVICE_NOT_ALLOWED_ERROR [sdkenum table, exact match, en]\n  Outcome: failure\n"), out)
	assert.Contains(t, out, "  Read in: Tencent-RTC/TRTC_Web, SDK/trtc.js (v5.18.3 (ada637d)), the SDK's own error codes\n")

	code, out, _ = runTool("", "-product", "trtc5", "DEVICE_NOT_ALLOWED_ERROR")
	require.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "TRTCWebV5 5300/5302 DEVICE_NOT_ALLOWED_ERROR [sdkenum table, key match, en]"), out)

	code, out, _ = runTool("", "5300", "5302")
	require.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "TRTCWebV5 5300/5302 "), "without -product: %s", out)

	code, out, _ = runTool("", "INVALID_PARAMETER")
	require.Equal(t, 0, code)
	assert.Regexp(t, `(?s)^TRTCWeb 4096 \(0x1000\) INVALID_PARAMETER \[errorcode table, key match, en\].*\nTRTCWebV5 5000 INVALID_PARAMETER \[sdkenum table, key match, en\]`, out, "both SDKs")
	code, out, _ = runTool("", "-product", "trtc5", "INVALID_PARAMETER")
	require.Equal(t, 0, code)
	assert.NotContains(t, out, "TRTCWeb ", "-product picks one")

	code, out, _ = runTool("", "SERVER_ERROR")
	require.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "TRTCWebV5 5400 SERVER_ERROR"), "a key asked alone: %s", out)

	code, out, _ = runTool(`{"name":"DEVICE_ERROR","code":5300,"extraCode":5302,"functionName":"startLocalAudio","message":"NotAllowedError: Permission denied"}`+"\n", "explain")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "Product: TRTCWebV5, from extraCode; code 5300 is TRTCWebV5's\nTRTCWebV5 5300/5302 DEVICE_NOT_ALLOWED_ERROR [sdkenum table, exact match, en]")
}

// TestPairsAsUsersTypeThem runs a pair written every way users write one,
// a TRTC extra code that is negative, and a pasted line that names nothing.
func TestPairsAsUsersTypeThem(t *testing.T) {
	want := "CallingSDK 410/3112 ExpectedError [callend table, exact match, en]\n"
	for _, args := range [][]string{{"410", "3112"}, {"410/3112"}, {"410#3112"}, {"410,3112"}, {"410:3112"}, {"410, 3112"}, {"410 / 3112"}} {
		code, out, errOut := runTool("", args...)
		assert.Equal(t, 0, code, "%q: %s", args, errOut)
		assert.True(t, strings.HasPrefix(out, want), "%q: %s", args, out)
	}
	// A negative number after a code is an extra code, not a flag.
	code, out, errOut := runTool("", "-product", "trtc", "0x4004", "-10013")
	assert.Equal(t, 0, code, errOut)
	assert.True(t, strings.HasPrefix(out, "TRTCWeb 16388/-10013 (0x4004) [roomentry table, exact match, en]"), out)
	// A pasted line that names nothing: "no code" in both modes; exit 1
	// for the lookup, 0 for explain, which read the line.
	line := "2026-11-20 10:00:05 worker 7 restarted"
	code, _, errOut = runTool("", line)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, "no code")
	code, _, errOut = runTool(line+"\n", "explain")
	assert.Equal(t, 0, code)
	assert.Contains(t, errOut, "no code")
	// Error records under -json carry no code that could read as a pair.
	_, out, _ = runTool(`{"code": 1`+"\n", "-json", "explain")
	assert.Contains(t, out, `"code":null,"subcode":null`)
	assert.NotContains(t, out, `"code":0`)
}

// TestRESTErrorBodyCommand explains the usual ACS REST error body: no code,
// exit 0 (it was read), not "malformed".
func TestRESTErrorBodyCommand(t *testing.T) {
	code, _, errOut := runTool(`{"error":{"code":"Unauthorized","message":"Invalid token."}}`+"\n", "explain")
	assert.Equal(t, 0, code)
	assert.Contains(t, errOut, "no code")
	assert.NotContains(t, errOut, "malformed")
}

// TestExplainPrintsTheContext runs explain on a portal export: each record
// prints the identifiers and time that tie it to its call, in text and JSON.
func TestExplainPrintsTheContext(t *testing.T) {
	code, out, _ := runTool("", "explain", "../../testdata/payloads/portal-export.csv")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "Context: correlationId c-1, participantId p-1, time 11/20/2026, 12:00:00.000 PM\n")
	code, out, _ = runTool("", "-json", "explain", "../../testdata/payloads/portal-export.csv")
	require.Equal(t, 0, code)
	assert.Contains(t, out, `"context":{"correlationId":"c-1","participantId":"p-1","time":"11/20/2026, 12:00:00.000 PM"}`)
}

// TestExportCommand writes each export format, and refuses what does not
// apply.
func TestExportCommand(t *testing.T) {
	status, out, _ := runTool("", "export", "csv")
	require.Equal(t, 0, status)
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	rows := 0
	for _, p := range rtccodes.Products() {
		for range rtccodes.All(p) {
			rows++
		}
	}
	assert.Len(t, records, rows+1, "a header and every row of every product")
	assert.Equal(t, []string{"product", "section", "code", "subcode", "pair", "category", "outcome", "message", "advice", "link", "key"}, records[0])

	for format, want := range map[string]string{"sql": "CREATE VIEW rtccodes_explained AS", "kql": "let rtccodes_explain = (records:",
		"kql-function": ".create-or-alter function"} {
		status, out, _ := runTool("", "export", format)
		assert.Equal(t, 0, status, format)
		assert.Contains(t, out, want, format)
	}
	status, ja, _ := runTool("", "-lang", "ja", "export", "csv")
	assert.Equal(t, 0, status)
	assert.Contains(t, ja, "クライアント側のネットワーク構成の問題", "the texts in the language asked")

	for _, args := range [][]string{{"export"}, {"export", "json"}, {"export", "sql", "more"}, {"-json", "export", "sql"}, {"-product", "pstn", "export", "sql"}} {
		status, out, errOut := runTool("", args...)
		assert.Equal(t, 2, status, "%q", args)
		assert.Empty(t, out, "%q", args)
		assert.Contains(t, errOut, "rtccodes: export", "%q", args)
	}
}
