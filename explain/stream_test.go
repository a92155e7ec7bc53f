package explain_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/explain"
)

// got is what a stream yielded, one line a record: "L<line>[#<index>]
// <product> <pair> -> <answer pair> <match>" or "L<line>[#<index>] error
// <reason>".
func got(t *testing.T, r io.Reader, opts explain.Options) []string {
	t.Helper()
	var out []string
	for rec, err := range explain.Stream(r, opts) {
		at := fmt.Sprintf("L%d", rec.Line)
		if rec.Index >= 0 {
			at += fmt.Sprintf("#%d", rec.Index)
		}
		if err != nil {
			var re *explain.RecordError
			require.True(t, errors.As(err, &re), "%v", err)
			assert.Equal(t, rec.Line, re.Line)
			out = append(out, at+" error "+re.Reason)
			continue
		}
		answer := "not described"
		if rec.Found {
			answer = rec.Entry.Pair() + " " + rec.Entry.Match.String()
		}
		out = append(out, fmt.Sprintf("%s %s %s -> %s", at, rec.Product, rec.Pair(), answer))
	}
	return out
}

func open(t *testing.T, name string) io.Reader {
	t.Helper()
	b, err := os.ReadFile("../testdata/payloads/" + name)
	require.NoError(t, err)
	return bytes.NewReader(b)
}

// TestExplainStreamReadsWhatServicesHold explains the payload samples, each
// in the format it is detected in.
func TestExplainStreamReadsWhatServicesHold(t *testing.T) {
	callLog := []string{
		"PSTN 486/560486 -> 486/60486 alias",
		"CallingSDK 410/3112 -> 410/3112 exact",
		"CallingSDK 0/0 -> 0/0 exact",
		"PSTN 403/510403 -> 403/510403 exact",
		"CallingSDK 0/5854 -> 0/5854 observed",
	}
	tests := []struct {
		file string
		want []string
	}{
		{"eventgrid-batch.json", []string{
			"L2#0 CallAutomation 200/0 -> 2xx class", // CallConnected: not "call ended"
			"L17#1 CallAutomation 400/8536 -> */8536 generic-subcode",
			"L30#2 CallAutomation 200/0 -> 200/0 exact", // CallDisconnected
		}},
		{"cloudevents-batch.json", []string{
			"L2#0 CallAutomation 403/10391 -> 403 generic-code",
			"L5#1 CallAutomation 408/10057 -> 408 generic-code", // documented for ConnectFailed only
			"L8#2 CallAutomation 500/560503 -> 503/560503 subcode",
		}},
		{"call-summary.jsonl", []string{"L1 " + callLog[0], "L2 " + callLog[1], "L3 " + callLog[2], "L4 " + callLog[3], "L5 " + callLog[4]}},
		{"call-summary.csv", []string{"L2 " + callLog[0], "L3 " + callLog[1], "L4 " + callLog[2], "L5 " + callLog[3], "L7 " + callLog[4]}},
		{"trtc-errors.jsonl", []string{
			"L1 TRTCWeb 16388/70001 -> 16385/70001 subcode",
			"L2 TRTCWeb 16388/-10013 -> 16388/-10013 exact",
			"L3 TRTCWeb 4099 -> 4099 exact",
			"L4 TRTCWeb 16459 -> 16459 observed",
		}},
		{"support.log", []string{
			"L1 CallingSDK 500/3003 -> 500 code",
			"L2 CallAutomation 400/8536 -> */8536 generic-subcode",
			"L3 CallingSDK 410/3112 -> 410/3112 exact",
			"L4 TRTCWeb 16388 -> 16388 key",
			"L5 TRTCWeb 16388/10006 -> 16388/10006 exact",
			"L6 error no code",
			"L7 Product(0) - -> not described", // NotAllowedError alone: browsers write it too
		}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, got(t, open(t, tt.file), explain.Options{}), tt.file)
	}
	// The explanations say what chose the product, and compare categories.
	for rec, err := range explain.Stream(open(t, "call-summary.csv"), explain.Options{}) {
		require.NoError(t, err)
		assert.Equal(t, explain.FormatCSV, rec.Format)
		assert.Equal(t, "ParticipantEndReason (a call log record)", rec.Inferred)
		if rec.Code == 410 {
			assert.Equal(t, []string{"ExpectedError"}, rec.ResultCategories)
			assert.Empty(t, rec.Notes)
		}
	}
	// A product given reads every record as it; PSTN has no class, so its
	// rows under the code answer a subcode it does not document.
	assert.Equal(t, []string{"L1 PSTN 486/560486 -> 486/60486 alias", "L2 PSTN 410/3112 -> 410 code-rows", "L3 PSTN 0/0 -> 0/0 exact",
		"L4 PSTN 403/510403 -> 403/510403 exact", "L5 PSTN 0/5854 -> 0 code-rows"},
		got(t, open(t, "call-summary.jsonl"), explain.Options{Product: rtccodes.PSTN}))
}

// TestExplainStreamNeverStopsOnABadRecord feeds streams with bad records
// among good ones: every record is yielded, in order, as an explanation or
// an error with its position.
func TestExplainStreamNeverStopsOnABadRecord(t *testing.T) {
	good := `{"code":487,"subCode":10003}`
	var jsonl strings.Builder
	for i := range 10000 {
		if i == 5000 {
			jsonl.WriteString("{\"code\": 487, \"subCode\": \n") // a bad line in the middle
			continue
		}
		jsonl.WriteString(good + "\r\n")
	}
	records := got(t, strings.NewReader("\ufeff"+jsonl.String()), explain.Options{})
	require.Len(t, records, 10000, "every line is a record")
	assert.Equal(t, "L5001 error malformed", records[5000])
	assert.Equal(t, "L5002 CallingSDK 487/10003 -> 487/10003 exact", records[5001])

	big := `{"code":487,"subCode":10003,"pad":"` + strings.Repeat("x", 10<<20) + `"}`
	tests := []struct {
		name, stream string
		opts         explain.Options
		want         []string
	}{
		{"empty", "", explain.Options{}, nil},
		{"white space", " \n\r\n\t", explain.Options{}, nil},
		{"truncated array", `[` + good + `, {"code": 410`, explain.Options{},
			[]string{"L1#0 CallingSDK 487/10003 -> 487/10003 exact", "L1#1 error truncated"}},
		{"array without its end", "[" + good + ",\n" + good, explain.Options{},
			[]string{"L1#0 CallingSDK 487/10003 -> 487/10003 exact", "L2#1 CallingSDK 487/10003 -> 487/10003 exact", "L2#2 error truncated"}},
		{"a 10 MB record among good ones", good + "\n" + big + "\n" + good + "\n", explain.Options{},
			[]string{"L1 CallingSDK 487/10003 -> 487/10003 exact", "L2 error too large", "L3 CallingSDK 487/10003 -> 487/10003 exact"}},
		{"a 10 MB element of an array", "[" + good + "," + big + "," + good + "]", explain.Options{},
			[]string{"L1#0 CallingSDK 487/10003 -> 487/10003 exact", "L1#1 error too large", "L1#2 CallingSDK 487/10003 -> 487/10003 exact"}},
		{"a limit of its own", good + "\n" + `{"code":410,"subCode":3112,"message":"longer than forty bytes"}` + "\n", explain.Options{MaxRecord: 40},
			[]string{"L1 CallingSDK 487/10003 -> 487/10003 exact", "L2 error too large"}},
		{"invalid UTF-8", `{"code":487,"subCode":10003,"message":"` + "\xff\xfe" + `"}`, explain.Options{},
			[]string{"L1 CallAutomation 487/10003 -> 487/10003 exact"}}, // a code with a message: Call Automation
		{"values on one line", good + good + ` ` + good, explain.Options{},
			[]string{"L1 CallingSDK 487/10003 -> 487/10003 exact", "L1 CallingSDK 487/10003 -> 487/10003 exact", "L1 CallingSDK 487/10003 -> 487/10003 exact"}},
		{"pretty values", "{\n \"code\": 487,\n \"subCode\": 10003\n}\n{\n \"code\": 0, \"subCode\": 0}", explain.Options{},
			[]string{"L1 CallingSDK 487/10003 -> 487/10003 exact", "L5 CallingSDK 0/0 -> 0/0 exact"}},
		{"two arrays", "[" + good + "]\n[" + good + "]", explain.Options{},
			[]string{"L1#0 CallingSDK 487/10003 -> 487/10003 exact", "L2#0 CallingSDK 487/10003 -> 487/10003 exact"}},
		{"a batch on a JSON line", "[" + good + "," + good + "]\n" + good, explain.Options{},
			[]string{"L1#0 CallingSDK 487/10003 -> 487/10003 exact", "L1#1 CallingSDK 487/10003 -> 487/10003 exact", "L2 CallingSDK 487/10003 -> 487/10003 exact"}},
		{"stray bytes", "{\n\"code\": 487, \"subCode\": 10003}\n]\n,\n" + good, explain.Options{},
			[]string{"L1 CallingSDK 487/10003 -> 487/10003 exact", "L3 error malformed", "L4 error malformed", "L5 CallingSDK 487/10003 -> 487/10003 exact"}},
		{"a record with no code", `{"type":"Microsoft.Communication.SMSDeliveryReportReceived","data":{"deliveryStatus":"Delivered"}}` + "\n" + good, explain.Options{},
			[]string{"L1 error no code", "L2 CallingSDK 487/10003 -> 487/10003 exact"}},
		{"a CSV row with a bad quote", "code,subCode\n487,10003\n4\"87,1\n410,3112\n", explain.Options{},
			[]string{"L2 CallingSDK 487/10003 -> 487/10003 exact", "L3 error malformed", "L4 CallingSDK 410/3112 -> 410/3112 exact"}},
		{"a CSV that ends in a quote", "code,subCode,message\n487,10003,\"open\n", explain.Options{},
			[]string{"L2 error truncated"}},
		{"JSON read as text", good, explain.Options{Format: explain.FormatText},
			[]string{"L1 CallingSDK 487/10003 -> 487/10003 exact"}},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, got(t, strings.NewReader(tt.stream), tt.opts), tt.name)
	}

	// A consumer may stop early.
	n := 0
	for range explain.Stream(strings.NewReader(jsonl.String()), explain.Options{}) {
		if n++; n == 3 {
			break
		}
	}
	assert.Equal(t, 3, n)

	// A read error ends the stream with an error.
	records = got(t, io.MultiReader(strings.NewReader(good+"\n"), errReader{}), explain.Options{})
	assert.Equal(t, []string{"L1 CallingSDK 487/10003 -> 487/10003 exact", "L2 error read error"}, records)
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestSummarize(t *testing.T) {
	s := explain.Summarize(explain.Stream(io.MultiReader(open(t, "call-summary.jsonl"), open(t, "call-summary.jsonl"),
		strings.NewReader("{\"code\": 999999, \"subCode\": 1}\nnot json {\n{\"data\": {}}\n")), explain.Options{}))
	assert.Equal(t, 13, s.Records)
	assert.Equal(t, 11, s.WithCode, "every record but the malformed one and the one without code")
	assert.Equal(t, 10, s.Explained)
	assert.Equal(t, 1, s.NotDescribed)
	require.NotEmpty(t, s.Pairs)
	first := s.Pairs[0]
	e, _ := rtccodes.Lookup(rtccodes.CallingSDK, 0, 0)
	assert.Equal(t, e, first.Entry)
	first.Entry = rtccodes.Entry{}
	at := time.Date(2026, 11, 20, 12, 2, 0, 0, time.UTC) // the time of the file's 0/0 record
	assert.Equal(t, explain.PairCount{Product: rtccodes.CallingSDK, Code: 0, Subcode: 0, HasCode: true, HasSubcode: true, Count: 2, Share: 2.0 / 11,
		Found: true, Match: rtccodes.MatchExact, Pair: "0/0", Category: rtccodes.Success, Outcome: rtccodes.OutcomeSuccess,
		Message: "Call ended successfully by local participant.", First: at, Last: at}, first)
	total := 0
	for _, p := range s.Pairs {
		total += p.Count
	}
	assert.Equal(t, s.Explained+s.NotDescribed, total)
	assert.Equal(t, []explain.CategoryCount{{"", 6}, {rtccodes.ExpectedError, 2}, {rtccodes.Success, 2}}, s.Categories)
	assert.Equal(t, []explain.ReasonCount{{explain.ReasonMalformed, 1}, {explain.ReasonNoCode, 1}}, s.Errors)
}

// TestExplainStreamDoesNotWaitForTheEnd follows a stream that is still
// being written, as a followed log is: each record is yielded as its line
// arrives, in every format.
func TestExplainStreamDoesNotWaitForTheEnd(t *testing.T) {
	for _, tt := range []struct{ name, first, second string }{
		{"JSON Lines", `{"code":487,"subCode":10003}` + "\n", `{"code":410,"subCode":3112}` + "\n"},
		{"text", "code: 487, subCode: 10003\n", "code: 410, subCode: 3112\n"},
		{"CSV", "code,subCode\n487,10003\n", "410,3112\n"},
	} {
		pr, pw := io.Pipe()
		go pw.Write([]byte(tt.first))
		done := make(chan []int)
		go func() {
			var codes []int
			for rec, err := range explain.Stream(pr, explain.Options{}) {
				if err == nil {
					codes = append(codes, rec.Code)
				}
				if len(codes) == 1 {
					go func() { pw.Write([]byte(tt.second)); pw.Close() }()
				}
			}
			done <- codes
		}()
		select {
		case codes := <-done:
			assert.Equal(t, []int{487, 410}, codes, tt.name)
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: the first record waited for the end of the stream", tt.name)
		}
	}
}

// TestExplainTextChoosesAProductThatCarriesThePair reads log lines whose
// words name no product: the product that answers most precisely answers,
// among those whose codes can carry the pair.
func TestExplainTextChoosesAProductThatCarriesThePair(t *testing.T) {
	x, err := explain.Line(0, "request failed code:403, subCode:10391")
	require.NoError(t, err)
	assert.NotEqual(t, rtccodes.Chat, x.Product, "Chat codes have no subcodes")
	assert.Equal(t, "403/10391", x.Pair())
	x, err = explain.Line(0, "request failed code: 403")
	require.NoError(t, err)
	assert.Equal(t, rtccodes.Chat, x.Product, "without a subcode, Chat's own 403 row answers most precisely")
	x, err = explain.Line(rtccodes.SMS, "code: 4000")
	require.NoError(t, err)
	assert.Equal(t, rtccodes.SMS, x.Product)
	assert.Equal(t, "given", x.Inferred)
	_, err = explain.Line(0, "all good here")
	assert.ErrorIs(t, err, explain.ErrNoCodes)
}

// TestExportsAsTheyAreWritten reads call log exports as the portal writes
// them (byte-order mark, quoted headers with "[UTC]", CRLF), as a grid's
// copy pastes them (tabs) and as a spreadsheet in a decimal-comma locale
// saves them (semicolons): every row explained, with its call's context.
func TestExportsAsTheyAreWritten(t *testing.T) {
	for _, name := range []string{"portal-export.csv", "grid-copy.tsv", "spreadsheet-semicolon.csv"} {
		var got []string
		for rec, err := range explain.Stream(open(t, name), explain.Options{}) {
			require.NoError(t, err, name)
			assert.Equal(t, explain.FormatCSV, rec.Format, name)
			assert.NotEmpty(t, rec.Context.CorrelationID, name)
			assert.NotEmpty(t, rec.Context.Time, name)
			got = append(got, rec.Product.String()+" "+rec.Entry.Pair())
		}
		assert.Contains(t, got, "PSTN 486/60486", name)
		assert.Contains(t, got, "CallingSDK 410/3112", name)
	}
}

// TestContextTravels checks that an explanation carries the identifiers
// and time of its record: an event's call connection, server call, ID and
// time; a call log row's correlation, participant and TimeGenerated.
func TestContextTravels(t *testing.T) {
	x, err := explain.Payload([]byte(`{"id":"e-1","type":"Microsoft.Communication.CallDisconnected","time":"2026-11-20T12:00:00Z",
		"data":{"callConnectionId":"421f","serverCallId":"aHR0","correlationId":"c-9","resultInformation":{"code":487,"subCode":10003}}}`))
	require.NoError(t, err)
	assert.Equal(t, explain.Context{CallConnectionID: "421f", ServerCallID: "aHR0", CorrelationID: "c-9", EventID: "e-1", Time: "2026-11-20T12:00:00Z"}, x.Context)
	x, err = explain.Payload([]byte(`{"TimeGenerated":"2026-11-20T12:00:00Z","CorrelationId":"c-1","ParticipantId":"p-1","ParticipantEndReason":"486","ParticipantEndSubCode":"560486"}`))
	require.NoError(t, err)
	assert.Equal(t, explain.Context{CorrelationID: "c-1", ParticipantID: "p-1", Time: "2026-11-20T12:00:00Z"}, x.Context)
	x, err = explain.Payload([]byte(`{"code":410,"subCode":3112}`))
	require.NoError(t, err)
	assert.Equal(t, explain.Context{}, x.Context, "a bare object has none")
}

// TestUTF16Streams reads what PowerShell's > writes: UTF-16 with a byte
// order mark, little or big endian.
func TestUTF16Streams(t *testing.T) {
	var got []string
	for rec, err := range explain.Stream(open(t, "powershell-utf16le.csv"), explain.Options{}) {
		require.NoError(t, err)
		assert.Equal(t, explain.FormatCSV, rec.Format)
		got = append(got, rec.Product.String()+" "+rec.Entry.Pair())
	}
	assert.Equal(t, []string{"PSTN 486/60486", "CallingSDK 410/3112"}, got)
	be := []byte{0xfe, 0xff}
	for _, r := range `{"code":410,"subCode":3112}` + "\n" {
		be = append(be, byte(r>>8), byte(r))
	}
	n := 0
	for rec, err := range explain.Stream(bytes.NewReader(be), explain.Options{}) {
		require.NoError(t, err)
		assert.Equal(t, "410/3112", rec.Entry.Pair())
		n++
	}
	assert.Equal(t, 1, n)
}

// TestSummariesAreBounded summarizes a stream of many more distinct pairs
// than a summary counts: the first MaxSummaryPairs are counted exactly, the
// records of later pairs in Other, and nothing is lost.
func TestSummariesAreBounded(t *testing.T) {
	const rare = 3 * explain.MaxSummaryPairs
	heavy := [][2]int{{410, 3112}, {487, 10003}} // from the first records on
	late := [2]int{490, 4502}                    // from past the limit on
	sent := map[string]int{}
	pair := func(code, subcode int) explain.Record {
		return explain.Record{Explanation: explain.Explanation{Product: rtccodes.CallingSDK, Code: code, Subcode: subcode, HasCode: true, HasSubcode: true}}
	}
	records := func(yield func(explain.Record, error) bool) {
		for i := range rare {
			h := heavy[i%2]
			if i > rare/2 {
				h = late
			}
			sent[fmt.Sprintf("%d/%d", h[0], h[1])]++
			if !yield(pair(h[0], h[1]), nil) || !yield(pair(999, 100000+i), nil) {
				return
			}
			if i%1000 == 0 && !yield(explain.Record{}, &explain.RecordError{Reason: explain.ReasonMalformed}) {
				return
			}
		}
	}
	s := explain.Summarize(records)
	assert.Len(t, s.Pairs, explain.MaxSummaryPairs)
	counts := map[string]int{}
	total := 0
	for _, p := range s.Pairs {
		counts[p.Carried()] = p.Count
		total += p.Count
	}
	errs := 0
	for _, e := range s.Errors {
		errs += e.Count
	}
	assert.Equal(t, 2*rare+rare/1000, s.Records, "two records a round, and an error every thousandth round")
	assert.Equal(t, s.Records, total+s.Other.Records+errs, "every record counted once")
	assert.Equal(t, sent["410/3112"], counts["410/3112"], "a pair of the first records is counted exactly")
	assert.Equal(t, sent["487/10003"], counts["487/10003"])
	assert.Zero(t, counts["490/4502"], "a pair that came past the limit is in Other")
	assert.Equal(t, sent["490/4502"]+rare-(explain.MaxSummaryPairs-len(heavy)), s.Other.Records)
	assert.Equal(t, explain.MaxSummaryPairs, s.Other.Pairs, "Other counts its distinct pairs up to the limit")
	t.Logf("%d records, %d pairs kept, other: %+v", s.Records, len(s.Pairs), s.Other)
}

// TestRowsWithTheSameCodesShareNothing explains CSV exports whose rows
// repeat their pairs with their own identifiers: each row's explanation is
// the one it gets alone, with its own context.
func TestRowsWithTheSameCodesShareNothing(t *testing.T) {
	for name, sep := range map[string]rune{"call-summary.csv": ',', "portal-export.csv": ',', "grid-copy.tsv": '\t', "spreadsheet-semicolon.csv": ';'} {
		b, err := os.ReadFile("../testdata/payloads/" + name)
		require.NoError(t, err)
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
		r.Comma, r.FieldsPerRecord = sep, -1
		records, err := r.ReadAll()
		require.NoError(t, err, name)
		write := func(w *csv.Writer, rec []string, round int) {
			out := slices.Clone(rec)
			for i := range out {
				out[i] = strings.ReplaceAll(out[i], "-", fmt.Sprintf("-%d", round))
			}
			require.NoError(t, w.Write(out))
		}
		var all bytes.Buffer
		w := csv.NewWriter(&all)
		w.Comma = sep
		require.NoError(t, w.Write(records[0]))
		var alone []explain.Record
		for round := range 3 {
			for _, rec := range records[1:] {
				write(w, rec, round)
				var one bytes.Buffer
				w1 := csv.NewWriter(&one)
				w1.Comma = sep
				require.NoError(t, w1.Write(records[0]))
				write(w1, rec, round)
				w1.Flush()
				for x, err := range explain.Stream(&one, explain.Options{}) {
					if err == nil {
						alone = append(alone, x)
					}
				}
			}
		}
		w.Flush()
		var together []explain.Record
		for x, err := range explain.Stream(&all, explain.Options{}) {
			if err == nil {
				together = append(together, x)
			}
		}
		require.Equal(t, len(alone), len(together), name)
		for i := range alone {
			assert.Equal(t, alone[i].Explanation, together[i].Explanation, "%s row %d", name, i)
		}
		assert.NotEmpty(t, together, name)
	}
}

// TestSummaryCountsFailuresOverTime summarizes records with times, event
// types and a record without code: the failures, their hours, each pair's
// first and last time, and the shares of the records with a code.
func TestSummaryCountsFailuresOverTime(t *testing.T) {
	lines := strings.Join([]string{
		`{"time":"2026-11-20T10:00:00Z","code":0,"subCode":0}`,
		`{"time":"2026-11-20T10:05:00Z","code":410,"subCode":3112}`,
		`{"time":"2026-11-20T10:40:00Z","code":410,"subCode":3112}`,
		`{"time":"11/20/2026, 11:10:00.000 AM","code":410,"subCode":3112}`, // the portal's CSV export's way
		`{"time":"2026-11-20T12:00:00Z"}`,                                  // no code
		`{"type":"Microsoft.Communication.PlayFailed","time":"2026-11-20T13:30:00Z","data":{"resultInformation":{"code":400,"subCode":8535}}}`,
	}, "\n")
	s := explain.Summarize(explain.Stream(strings.NewReader(lines), explain.Options{}))
	assert.Equal(t, 6, s.Records)
	assert.Equal(t, 5, s.WithCode)
	assert.Equal(t, 4, s.Failures, "three 410/3112 and the PlayFailed")
	hour := func(h int) time.Time { return time.Date(2026, 11, 20, h, 0, 0, 0, time.UTC) }
	assert.Equal(t, []explain.TimeCount{{hour(10), 2}, {hour(11), 1}, {hour(13), 1}}, s.FailuresByHour)
	require.NotEmpty(t, s.Pairs)
	top := s.Pairs[0]
	assert.Equal(t, "410/3112", top.Carried())
	assert.Equal(t, rtccodes.OutcomeFailure, top.Outcome)
	assert.Equal(t, 3.0/5, top.Share, "a share of the records with a code")
	assert.Equal(t, hour(10).Add(5*time.Minute), top.First)
	assert.Equal(t, hour(11).Add(10*time.Minute), top.Last)
	assert.NotEmpty(t, top.Advice)
	var events []string
	for _, e := range s.Events {
		events = append(events, fmt.Sprintf("%s %d/%d", e.EventType, e.Failures, e.Count))
	}
	assert.Equal(t, []string{" 3/4", "Microsoft.Communication.PlayFailed 1/1"}, events)
	var products []string
	for _, p := range s.Products {
		products = append(products, fmt.Sprintf("%s %d/%d", p.Product, p.Failures, p.Count))
	}
	assert.Equal(t, []string{"CallingSDK 3/4", "CallAutomation 1/1"}, products)
}
