package explain_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes/explain"
)

// records streams b and returns each record as "line reason" or "line
// product pair answer".
func records(t *testing.T, b []byte, opts explain.Options) []string {
	t.Helper()
	var out []string
	for rec, err := range explain.Stream(bytes.NewReader(b), opts) {
		if err != nil {
			var re *explain.RecordError
			require.True(t, errors.As(err, &re), "%v", err)
			out = append(out, fmt.Sprintf("%d %s: %v", re.Line, re.Reason, re.Err))
			continue
		}
		out = append(out, fmt.Sprintf("%d %v %s %s", rec.Line, rec.Product, rec.Pair(), rec.Entry.Pair()))
	}
	return out
}

func utf16Bytes(s string, bigEndian bool) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

// TestWhatPeoplePipeIn streams a log and a CSV export as people pipe them:
// gzipped, in UTF-16 without a byte order mark, from Windows PowerShell's
// Export-Csv; each gives the records of the plain file.
func TestWhatPeoplePipeIn(t *testing.T) {
	for _, file := range []string{"support.log", "call-summary.csv", "call-summary.jsonl"} {
		plain, err := os.ReadFile("../testdata/payloads/" + file)
		require.NoError(t, err)
		want := records(t, plain, explain.Options{})
		require.NotEmpty(t, want)

		var z bytes.Buffer
		w := gzip.NewWriter(&z)
		w.Write(plain)
		w.Close()
		assert.Equal(t, want, records(t, z.Bytes(), explain.Options{}), "%s, gzipped", file)

		text := strings.TrimPrefix(string(plain), "\ufeff")
		wantText := records(t, []byte(text), explain.Options{})
		assert.Equal(t, wantText, records(t, utf16Bytes(text, false), explain.Options{}), "%s, UTF-16LE without BOM", file)
		assert.Equal(t, wantText, records(t, utf16Bytes(text, true), explain.Options{}), "%s, UTF-16BE without BOM", file)
	}

	ps, err := os.ReadFile("../testdata/payloads/powershell51-export-csv.csv")
	require.NoError(t, err)
	want := []string{"3 CallingSDK 410/3112 410/3112", "4 CallingSDK 487/10003 487/10003", "5 CallingSDK 0/0 0/0"}
	assert.Equal(t, want, records(t, ps, explain.Options{}), "the #TYPE line, auto")
	assert.Equal(t, want, records(t, ps, explain.Options{Format: explain.FormatCSV}), "the #TYPE line, csv")
}

// TestWhatIsNoTextIsOneRecord streams files that are no text: one error
// says what each is.
func TestWhatIsNoTextIsOneRecord(t *testing.T) {
	for _, c := range []struct{ data, want string }{
		{"PK\x03\x04\x14\x00\x00\x00\x08\x00 rest of a zip", "1 malformed: a zip archive: not text"},
		{"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00", "1 malformed: a program: not text"},
		{"\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00\x04\x00\x00", "1 malformed: binary data: not text"},
		{"\x1f\x8b\x08\x00broken", "1 read error: gzip: unexpected EOF"},
	} {
		got := records(t, []byte(c.data), explain.Options{})
		require.Len(t, got, 1, "%q: %q", c.data, got)
		assert.Equal(t, c.want, got[0])
	}
}

// TestASideFieldNeverSinksTheCodes reads records whose ids, times, event
// types or messages have an unexpected type: each is answered by its
// codes, and a note says what was left out.
func TestASideFieldNeverSinksTheCodes(t *testing.T) {
	for _, body := range []string{
		`{"code":410,"subCode":3112,"id":5}`,
		`{"code":410,"subCode":3112,"time":1732100000}`,
		`{"code":410,"subCode":3112,"eventType":3}`,
		`{"code":410,"subCode":3112,"message":7}`,
		`{"code":410,"subCode":3112,"correlationId":{"value":"c-1"}}`,
		`{"type":"Microsoft.Communication.PlayFailed","data":{"resultInformation":{"code":400,"subCode":8535},"callConnectionId":7}}`,
	} {
		x, err := explain.Payload([]byte(body))
		require.NoError(t, err, body)
		want := "410/3112"
		if strings.Contains(body, "PlayFailed") {
			want = "*/8535"
		}
		assert.Equal(t, want, x.Entry.Pair(), body)
		assert.True(t, containsNote(x.Notes, "is not text: left out"), "%s: %q", body, x.Notes)
	}
	// A code of the wrong type is still malformed.
	_, err := explain.Payload([]byte(`{"code":{"a":1},"subCode":3112}`))
	assert.Error(t, err)

	// An array of many elements, each with a numeric id: none is lost.
	var b strings.Builder
	b.WriteString("[")
	const n = 10000
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":%d,"code":410,"subCode":3112}`, i)
	}
	b.WriteString("]")
	found := 0
	for rec, err := range explain.Stream(strings.NewReader(b.String()), explain.Options{}) {
		require.NoError(t, err)
		if rec.Found {
			found++
		}
	}
	assert.Equal(t, n, found)
}

func containsNote(notes []string, s string) bool {
	for _, n := range notes {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}

// TestNothingMadeUp streams a JSON record cut off by the end of the input:
// it is truncated, in every format that reads it, never a code of its own.
func TestNothingMadeUp(t *testing.T) {
	data := "{\"code\":410,\"subCode\":3112}\n{\"code\":410,\"subCo"
	for _, f := range []explain.Format{explain.FormatAuto, explain.FormatJSONLines, explain.FormatText} {
		got := records(t, []byte(data), explain.Options{Format: f})
		assert.Equal(t, []string{"1 CallingSDK 410/3112 410/3112", "2 truncated: the stream ends inside a JSON value"}, got, "%v", f)
	}
	// Cut off in the middle of a stream, a line is what it is.
	got := records(t, []byte("INFO {\"code\":410,\"subCo\nINFO done\n"), explain.Options{Format: explain.FormatText})
	assert.Equal(t, "1 CallingSDK 410 410", got[0])
}

// TestNoPanicOnNothing passes nil where the API takes a reader or a stream.
func TestNoPanicOnNothing(t *testing.T) {
	var got []error
	for _, err := range explain.Stream(nil, explain.Options{}) {
		got = append(got, err)
	}
	require.Len(t, got, 1)
	var re *explain.RecordError
	require.True(t, errors.As(got[0], &re))
	assert.Equal(t, explain.ReasonRead, re.Reason)
	assert.Equal(t, explain.Summary{}, explain.Summarize(nil))
	_, err := explain.Payload(nil)
	assert.Error(t, err)
	_, err = explain.Line(0, "")
	assert.Error(t, err)
}
