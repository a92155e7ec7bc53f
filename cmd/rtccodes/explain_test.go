package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func payload(name string) string { return filepath.Join("..", "..", "testdata", "payloads", name) }

// TestExplainStreams runs explain on the payload samples, as files and on
// standard input.
func TestExplainStreams(t *testing.T) {
	status, out, errOut := runTool("", "explain", payload("eventgrid-batch.json"))
	assert.Equal(t, 0, status, errOut)
	assert.Equal(t, 3, strings.Count(out, "Record:  "), out)
	assert.Contains(t, out, "Record:  "+payload("eventgrid-batch.json")+" line 2, index 0 (json)\nEvent:   Microsoft.Communication.CallConnected\n")
	assert.Contains(t, out, "Note:    200/0 is documented for CallDisconnected, not for CallConnected\nCallAutomation 2xx [class table, class match, en]")

	// JSON Lines out, one object a record, errors with their position.
	b, err := os.ReadFile(payload("support.log"))
	require.NoError(t, err)
	status, out, errOut = runTool(string(b), "-json", "explain")
	assert.Equal(t, 0, status, "every record was read: a line without a code too")
	assert.Empty(t, errOut)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 7)
	for i, l := range lines {
		var x jsonExplanation
		require.NoError(t, json.Unmarshal([]byte(l), &x), l)
		assert.Equal(t, i+1, x.Line)
		switch i {
		case 5:
			assert.Equal(t, "no code", x.Reason)
			assert.NotEmpty(t, x.Error)
		case 6:
			// NotAllowedError alone: browsers write it too, and the line
			// does not name TRTC; the note says who documents it.
			assert.False(t, x.Found, l)
			assert.Empty(t, x.Product, l)
			require.Len(t, x.Notes, 1, l)
			assert.Contains(t, x.Notes[0], "the line does not name TRTCWeb")
		default:
			assert.True(t, x.Found, l)
		}
	}

	// A malformed record among good ones: every record is printed, the
	// count of errors on stderr (-v: each error with its position), exit 2.
	damaged := "{\"code\":487,\"subCode\":10003}\n{\"code\": \n{\"code\":410,\"subCode\":3112}\n"
	status, out, errOut = runTool(damaged, "explain")
	assert.Equal(t, 2, status)
	assert.Equal(t, 2, strings.Count(out, "Record:  "))
	assert.Equal(t, "rtccodes: 0 records carry no code, 1 could not be read; -v lists each\n", errOut)
	status, _, errOut = runTool(damaged, "-v", "explain")
	assert.Equal(t, 2, status)
	assert.Equal(t, "rtccodes: line 2: malformed: unexpected end of JSON input\n", errOut)

	// -product reads every record as it; -format reads JSON as text.
	status, out, _ = runTool(`{"code":16385,"extraCode":70001}`, "-product", "trtc", "explain")
	assert.Equal(t, 0, status)
	assert.Contains(t, out, "TRTCWeb 16385/70001 (0x4001) [account table, exact match, en]")
	status, out, _ = runTool(`{"code":487,"subCode":10003}`, "-format", "text", "explain")
	assert.Equal(t, 0, status)
	assert.Contains(t, out, "Product: CallingSDK, from code fields")
	assert.Equal(t, 2, first(runTool("", "-format", "xml", "explain")))

	// Several files.
	status, out, _ = runTool("", "-json", "explain", payload("trtc-errors.jsonl"), payload("call-summary.csv"))
	assert.Equal(t, 0, status)
	assert.Equal(t, 9, strings.Count(out, "\n"))
	assert.Contains(t, out, `"file":"`+payload("call-summary.csv")+`","line":7`)
}

// TestExplainSummary prints the summary of a call log export.
func TestExplainSummary(t *testing.T) {
	status, out, errOut := runTool("", "-summary", "explain", payload("call-summary.csv"))
	require.Equal(t, 0, status, errOut)
	// Five call ends: 0/0 a success, 486/560486, 410/3112, 403/510403 and
	// 0/5854 failures.
	assert.True(t, strings.HasPrefix(out, payload("call-summary.csv")+": 5 records, 5 with a code: 4 failures (80.0%).\n\nFailures: 4 records\n"), out)
	assert.Regexp(t, `(?m)^COUNT +SHARE +PRODUCT +PAIR +ANSWER +MATCH +FIRST +LAST +MESSAGE$`, out)
	assert.Regexp(t, `(?m)^1 +20\.0% +PSTN +486/560486 +486/60486 +alias +2026-11-20 12:00 +2026-11-20 12:00 +The called number was busy$`, out)
	assert.Regexp(t, `(?m)^ +What to do: - The called number may be connected`, out)
	assert.Less(t, strings.Index(out, "486/560486"), strings.Index(out, "Successes: 1 record\n"), "failures first")
	assert.Regexp(t, `(?m)^1 +20\.0% +CallingSDK +0/0 +0/0 +exact`, out)
	assert.Contains(t, out, "By product: CallingSDK 3 (2 failures); PSTN 2 (2 failures);\n")
	assert.NotContains(t, errOut, "\r", "no progress when stderr is not a terminal")

	b, err := os.ReadFile(payload("support.log"))
	require.NoError(t, err)
	// A malformed record and one without a code: counted, outside the shares.
	status, out, _ = runTool("{\"code\":487,\"subCode\":10003}\n{\"code\": \n{\"id\":\"x\"}\n", "-summary", "explain")
	assert.Equal(t, 2, status, "a record could not be read")
	assert.Contains(t, out, "3 records, 1 with a code: 0 failures (0.0%).\n")
	assert.Regexp(t, `(?m)^1 +100\.0% +CallingSDK +487/10003 +487/10003 +exact`, out)
	assert.Contains(t, out, "\nWithout a code: 1 record (not in the shares).\nNot read: malformed 1.\n")

	status, out, _ = runTool(string(b)+"not json {\n", "-summary", "-json", "explain")
	assert.Equal(t, 0, status, "every line was read")
	var s struct {
		Records, Explained int
		Errors             []struct {
			Reason string
			Count  int
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &s))
	assert.Equal(t, 8, s.Records)
	assert.Equal(t, 5, s.Explained)
	assert.Len(t, s.Errors, 1)
}

// TestExplainShowsProgressOnATerminal runs explain as on a terminal: the
// progress goes to stderr, and the records to stdout as always.
func TestExplainShowsProgressOnATerminal(t *testing.T) {
	in := strings.Repeat(`{"code":487,"subCode":10003}`+"\n", 2500)
	var out, errOut strings.Builder
	status := explainFiles(nil, strings.NewReader(in), &out, &errOut, options{summary: "text", progress: true, lang: "en"})
	assert.Equal(t, 0, status)
	assert.True(t, strings.HasPrefix(errOut.String(), "\rrtccodes: 1000 records, "), "%q", errOut.String())
	assert.Contains(t, errOut.String(), "\rrtccodes: 2500 records in ")
	assert.Contains(t, out.String(), "2500 records, 2500 with a code: 0 failures (0.0%).")

	// Neither a buffer nor a file is a terminal.
	assert.False(t, terminal(&out))
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	require.NoError(t, err)
	defer f.Close()
	assert.False(t, terminal(f))
}

// TestSummaryNamesNoProductForALineWithoutOne checks the summary of a log
// whose line names no product: "-", never "Product(0)".
func TestSummaryNamesNoProductForALineWithoutOne(t *testing.T) {
	_, out, _ := runTool("NotAllowedError: Permission denied\n", "-summary", "explain")
	assert.NotContains(t, out, "Product(0)")
	assert.Regexp(t, `(?m)^1 +100\.0% +- +- +- +none `, out)
}
