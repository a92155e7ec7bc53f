package explain

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sameRecord checks that decodeRecord reads what encoding/json and
// checkKeys read, or leaves the value to them.
func sameRecord(t *testing.T, b []byte) bool {
	t.Helper()
	var fast rawRecord
	if !decodeRecord(b, &fast) {
		return false
	}
	var slow rawRecord
	require.NoError(t, json.Unmarshal(b, &slow), "%q", b)
	require.NoError(t, checkKeys(b), "%q", b)
	require.Equal(t, slow, fast, "%q", b)
	return true
}

// TestDecodeRecordReadsAsEncodingJSON compares the two readers on every
// JSON line of the samples and on values written to find where they could
// part.
func TestDecodeRecordReadsAsEncodingJSON(t *testing.T) {
	var values []string
	for _, name := range []string{"call-summary.jsonl", "trtc-errors.jsonl", "acs-rest-errors.jsonl"} {
		f, err := os.Open("../testdata/payloads/" + name)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			values = append(values, sc.Text())
		}
		f.Close()
	}
	for _, name := range []string{"eventgrid-batch.json", "cloudevents-batch.json"} {
		b, err := os.ReadFile("../testdata/payloads/" + name)
		require.NoError(t, err)
		var batch []json.RawMessage
		require.NoError(t, json.Unmarshal(b, &batch))
		for _, v := range batch {
			values = append(values, string(v))
		}
	}
	fast := 0
	for _, v := range values {
		if sameRecord(t, []byte(v)) {
			fast++
		}
	}
	assert.Equal(t, len(values), fast, "every sample is read fast")
	// Values the fast reader leaves to encoding/json, and values it reads.
	for v, wantFast := range map[string]bool{
		`{"code": 500, "Code": 400}`:                 false, // twice
		`{"code": 500, "code": 500}`:                 false,
		`{"c\u006fde": 500}`:                         false, // an escape in a key
		`{"ſubCode": 5}`:                             false, // not ASCII
		`{"message": 5}`:                             false, // a number for a string
		`{"data": []}`:                               false,
		`{"code": 01}`:                               false,
		`{"code": 1} x`:                              false,
		`null`:                                       false,
		`{"x": {"code": 1, "CODE": 2}}`:              false, // a read key twice, anywhere
		`{"x": [{"code": 1}, {"code": 2}]}`:          true,
		`{"message": "a\nb", "code": "0x4001"}`:      true,
		"{\"message\": \"\xff\"}":                    true, // invalid UTF-8: replaced
		`{"sipDetails": null, "data": null}`:         true,
		`{"code": null, "subCode": -1.5e3}`:          true,
		`{"resultCategories": ["a", {"b": [true]}]}`: true,
		`{"CODE": 1, "Data": {"ResultInformation": {"Code": 2, "SubCode": 3}}}`: true,
	} {
		assert.Equal(t, wantFast, sameRecord(t, []byte(v)), "%s", v)
	}
}

func FuzzDecodeRecord(f *testing.F) {
	for _, s := range []string{`{"code": 500, "subCode": 3112}`, `{"data": {"resultInformation": {"code": 1, "message": "x\u00e9"}}}`,
		`{"x": [1, -2.5e3, "s", null, true, false, {"y": {}}]}`, `{"sipDetails": {"code": 486, "message": "Busy"}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if strings.Count(string(b), "{") > 200 {
			return
		}
		sameRecord(t, b)
	})
}
