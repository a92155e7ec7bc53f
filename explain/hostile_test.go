package explain_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/explain"
)

var (
	long    = strings.Repeat("a", 1<<20)
	nonUTF8 = "\xff\xfe\xfd"
)

// TestHostilePayloads gives the readers hostile input and checks the
// documented answer: an error or nothing found, never a panic.
func TestHostilePayloads(t *testing.T) {
	for _, s := range []string{"", " ", "\t\n", long, nonUTF8, "\x00", "DiagCode: 99999999999999999999#1", "DiagCode: #", "DiagCode:",
		strings.Repeat("DiagCode: ", 10000)} {
		_, ok := explain.Message(s)
		assert.False(t, ok, "Message(%.40q)", s)
		assert.Empty(t, explain.EventEntries(s), "EventEntries(%.40q)", s)
	}
	// Huge valid JSON is read; deeply nested and malformed JSON is an error
	// (see TestExplainBadInput for the malformed cases).
	x, err := explain.Payload([]byte(`{"code": 487, "subCode": 10003, "pad": "` + long + `"}`))
	require.NoError(t, err)
	assert.True(t, x.Found)
	_, err = explain.Payload([]byte(strings.Repeat(`{"data":`, 100000)))
	assert.Error(t, err)
	// Data after the value, whatever it starts with, and two spellings of a
	// key that disagree are errors; the same value twice is not.
	for _, payload := range []string{
		`{"code":487,"subCode":10003}]]] this is garbage`,
		`{"code":487,"subCode":10003} } } not json`,
		`{"code":487,"subCode":10003} {"code":1}`,
		`{"code":487,"subCode":10003},`,
		`{"resultInformation":{"code":500,"subCode":8523},"ResultInformation":{"code":400}}`,
		`{"code":487,"Code":486}`,
		`{"data":{"resultInformation":{"code":500,"subCode":1,"SUBCODE":2}}}`,
		`{"code":487,"\u0063ode":486}`,
		`{"code":487,"subCode":1,"ſubCode":2}`,
		`[{"code":487,"subCode":{"x":1},"subcode":{"x":2}}]`,
	} {
		x, err := explain.Payload([]byte(payload))
		assert.Error(t, err, "Explain(%s) = %+v", payload, x)
	}
	x, err = explain.Payload([]byte(`{"code":487,"subCode":10003,"Code":487} ` + "\n\t"))
	require.NoError(t, err)
	assert.Equal(t, 487, x.Code)
	// Keys Explain does not read may repeat; nested objects are their own.
	x, err = explain.Payload([]byte(`{"pad":1,"pad":2,"data":{"code":487,"x":{"code":1},"y":{"code":2},"subCode":10003}}`))
	require.NoError(t, err)
	assert.Equal(t, 10003, x.Subcode)

}

// TestValuesPastTheLast gives every reader products and formats past the
// last declared one: an error, never a panic or a silent default.
func TestValuesPastTheLast(t *testing.T) {
	last := rtccodes.Product(len(rtccodes.Products()))
	for _, p := range []rtccodes.Product{last + 1, last + 2, 100, 255} {
		for _, line := range []string{"code 410 subCode 3112", "extraCode 5", "JOIN_ROOM_FAILED", "410 3112", "nothing"} {
			_, err := explain.Line(p, line)
			assert.Error(t, err, "Line(%v, %q)", p, line)
		}
		_, err := explain.PayloadAs(p, []byte(`{"code":410}`))
		assert.Error(t, err, "PayloadAs(%v)", p)
		n := 0
		for _, err := range explain.Stream(strings.NewReader(`[{"code":1}]`), explain.Options{Product: p}) {
			n++
			assert.ErrorIs(t, err, explain.ErrOptions)
		}
		assert.Equal(t, 1, n, "one error for options naming no product")
	}
	for _, f := range []explain.Format{explain.FormatText + 1, 100, 255} {
		n := 0
		for _, err := range explain.Stream(strings.NewReader("code 410\n"), explain.Options{Format: f}) {
			n++
			assert.ErrorIs(t, err, explain.ErrOptions, "format %v", f)
		}
		assert.Equal(t, 1, n, "one error for options naming no format")
	}
}
