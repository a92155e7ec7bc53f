package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes/explain"
)

// TestRecordsAreWrittenAsJSONMarshalWritesThem writes every record of the
// samples, and records with every field and hostile strings, both ways.
func TestRecordsAreWrittenAsJSONMarshalWritesThem(t *testing.T) {
	files, err := filepath.Glob("../../testdata/payloads/*")
	require.NoError(t, err)
	var records []jsonExplanation
	for _, name := range files {
		f, err := os.Open(name)
		require.NoError(t, err)
		for rec, err := range explain.Stream(f, explain.Options{}) {
			x := toJSONExplanation(rec.Explanation, "ja")
			x.File, x.Line, x.Offset, x.Index = name, rec.Line, &rec.Offset, &rec.Index
			if err != nil {
				x = jsonExplanation{File: name, Line: rec.Line, Offset: &rec.Offset, Index: &rec.Index, Error: err.Error(), Reason: reasonOf(err)}
			}
			records = append(records, x)
		}
		f.Close()
	}
	require.Greater(t, len(records), 30)
	one, zero := 1, 0
	for _, s := range []string{"", "<script>&amp;</script>", "\"quoted\" \\ back", "\x00\x01\x1f\x7f", "tab\tnew\nline\rff\fbs\b",
		"\u2028\u2029", "\xff\xfe invalid", "日本語 ✓", "\xed\xa0\x80 surrogate"} {
		records = append(records, jsonExplanation{File: s, Line: -1, Offset: new(int64), Index: &zero, Error: s, Reason: s, Product: s,
			Inferred: s, EventType: s, Code: &one, Subcode: nil, Message: s, SIP: &explain.Diagnostic{Code: 486, Message: s},
			ResultCategories: []string{s}, Notes: []string{s, s}, Context: &explain.Context{CorrelationID: s}, Found: true,
			Entry: &jsonEntry{Message: s}, Also: []jsonEntry{{Message: s}}})
	}
	for _, x := range records {
		want, err := json.Marshal(x)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendRecord(nil, &x, nil)))
		if x.Entry != nil {
			entry, err := json.Marshal(x.Entry)
			require.NoError(t, err)
			y := x
			y.Entry = nil
			assert.Equal(t, string(want), string(appendRecord(nil, &y, entry)), "the entry given marshalled")
		}
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "<>&", "\u2028", "\xff", "\"\\\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); string(got) != string(want) {
			t.Fatalf("%q: %s, want %s", s, got, want)
		}
	})
}
