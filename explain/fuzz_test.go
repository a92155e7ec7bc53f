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
		// Also holds other products' exact rows where the answer is only a
		// class, or the record's own product's answer where another
		// product's documented row answers (and a note says so).
		for _, e := range x.Also {
			otherExact := e.Match == rtccodes.MatchExact && (!x.Found || x.Entry.Match == rtccodes.MatchClass)
			ownAnswer := x.Found && e.Match >= x.Entry.Match &&
				slices.ContainsFunc(x.Notes, func(n string) bool { return strings.Contains(n, e.Product.String()+", whose result this is") })
			if e.Product == x.Product || !otherExact && !ownAnswer {
				t.Fatalf("also %v for %+v", e, x)
			}
		}
	})
}

// FuzzStream feeds the stream reader any bytes, with any options: it never
// panics or hangs, yields at most one record a byte, gives every record a
// line inside the input and an offset past the one before (the elements of
// an array on one JSON line share theirs), and every error a RecordError
// with a known reason; options that name no product or format are
// ErrOptions.
func FuzzStream(f *testing.F) {
	for _, name := range []string{"eventgrid-batch.json", "cloudevents-batch.json", "call-summary.jsonl", "call-summary.csv", "trtc-errors.jsonl", "support.log"} {
		b, err := os.ReadFile("../testdata/payloads/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint8(0), uint8(0), 0)
	}
	for _, s := range []string{"", "[", "]", ",", "[,]", "[1,,2]", `{"code":`, "\"", `"\`, "code,subCode\n\"", "\xef\xbb\xbf[{}]", "{}{}{}", "[[[[", "]]]]}}}}", "code,subCode\r500,1\r", "[{\"code\":500},\n{\"code\":487,\"sub,\n{\"code\":410}]"} {
		f.Add([]byte(s), uint8(0), uint8(0), 256)
	}
	reasons := []string{explain.ReasonMalformed, explain.ReasonNoCode, explain.ReasonTooLarge, explain.ReasonTruncated, explain.ReasonRead}
	f.Fuzz(func(t *testing.T, data []byte, product, format uint8, maxRecord int) {
		// Line ends: '\n', "\r\n" and a lone '\r'.
		lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) - bytes.Count(data, []byte("\r\n")) + 1
		opts := explain.Options{Product: rtccodes.Product(product % 10), Format: explain.Format(format % 7), MaxRecord: maxRecord}
		if opts.Product != 0 && !slices.Contains(rtccodes.Products(), opts.Product) || int(opts.Format) > int(explain.FormatText) {
			for _, err := range explain.Stream(bytes.NewReader(data), opts) {
				if !errors.Is(err, explain.ErrOptions) {
					t.Fatalf("options %+v: %v", opts, err)
				}
			}
			return
		}
		n, lastOffset := 0, int64(-1)
		for rec, err := range explain.Stream(bytes.NewReader(data), opts) {
			if n++; n > len(data)+1 {
				t.Fatalf("%d records from %d bytes", n, len(data))
			}
			if rec.Line < 1 || rec.Line > lines {
				t.Fatalf("record at line %d of %d", rec.Line, lines)
			}
			if rec.Offset <= lastOffset && !(rec.Offset == lastOffset && rec.Index > 0) {
				t.Fatalf("record at offset %d after one at %d", rec.Offset, lastOffset)
			}
			lastOffset = rec.Offset
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
