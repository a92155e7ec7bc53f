package explain_test

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/explain"
	"github.com/rtccodes/rtccodes/internal/codetext"
	"github.com/stretchr/testify/require"
)

// jsonExamples returns the JSON examples of the source documents.
func jsonExamples(f *testing.F) [][]byte {
	b, err := os.ReadFile("../testdata/acs/call-automation-codes.en.2024-07-22.txt")
	require.NoError(f, err)
	var out [][]byte
	for _, block := range strings.Split(string(b), "```json")[1:] {
		example, _, _ := strings.Cut(block, "```")
		out = append(out, []byte(example))
	}
	require.NotEmpty(f, out)
	return out
}

func FuzzPayload(f *testing.F) {
	for _, example := range jsonExamples(f) {
		f.Add(example)
	}
	f.Add([]byte(callDisconnected))
	f.Add([]byte(`{"callEndReason": {"code": 487, "subCode": 10003}}`))
	f.Add([]byte(`[{"eventType": "x", "data": {"resultInformation": {"code": 1}}}]`))
	f.Add([]byte(`{"code": 1e400}`))
	f.Fuzz(func(t *testing.T, payload []byte) {
		x, err := explain.Payload(payload)
		if err != nil && !reflect.DeepEqual(x, explain.Explanation{}) {
			t.Fatalf("error %v with explanation %+v", err, x)
		}
		if err == nil && x.Found != (x.Entry.Match != rtccodes.MatchNone) {
			t.Fatalf("found %v, entry %+v", x.Found, x.Entry)
		}
		for _, e := range x.Also {
			if e.Product == x.Product || e.Match != rtccodes.MatchExact || x.Found && x.Entry.Match != rtccodes.MatchClass {
				t.Fatalf("also %v for %+v", e, x)
			}
		}
	})
}

// FuzzExplainStream feeds the stream reader any bytes: it never panics or
// hangs, yields at most one record a byte, gives every record a line inside
// the input, and every error a RecordError with a known reason.
func FuzzStream(f *testing.F) {
	for _, name := range []string{"eventgrid-batch.json", "cloudevents-batch.json", "call-summary.jsonl", "call-summary.csv", "trtc-errors.jsonl", "support.log"} {
		b, err := os.ReadFile("../testdata/payloads/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{"", "[", "]", ",", "[,]", "[1,,2]", `{"code":`, "\"", `"\`, "code,subCode\n\"", "\xef\xbb\xbf[{}]", "{}{}{}", "[[[[", "]]]]}}}}"} {
		f.Add([]byte(s))
	}
	reasons := []string{explain.ReasonMalformed, explain.ReasonNoCode, explain.ReasonTooLarge, explain.ReasonTruncated, explain.ReasonRead}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		n := 0
		for rec, err := range explain.Stream(bytes.NewReader(data), explain.Options{MaxRecord: 256}) {
			if n++; n > len(data)+1 {
				t.Fatalf("%d records from %d bytes", n, len(data))
			}
			if rec.Line < 1 || rec.Line > lines {
				t.Fatalf("record at line %d of %d", rec.Line, lines)
			}
			if err != nil {
				var re *explain.RecordError
				if !errors.As(err, &re) || !slices.Contains(reasons, re.Reason) {
					t.Fatalf("error %v", err)
				}
				continue
			}
			if rec.Found != (rec.Entry.Match != rtccodes.MatchNone) {
				t.Fatalf("found %v, entry %+v", rec.Found, rec.Entry)
			}
		}
	})
}

func FuzzMessage(f *testing.F) {
	f.Add("Server Internal Error. DiagCode: 500#560500.@")
	f.Add("DiagCode: 0#0")
	f.Fuzz(func(t *testing.T, s string) {
		code, sub, ok := codetext.DiagCode(s)
		x, xok := explain.Message(s)
		if xok != ok || ok && (x.Code != code || x.Subcode != sub || !x.HasCode || !x.HasSubcode || x.Found != (x.Entry.Match != rtccodes.MatchNone)) {
			t.Fatalf("%q: Message %+v %v, DiagCode %d/%d %v", s, x, xok, code, sub, ok)
		}
	})
}
