package explain

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

// remembered reports whether resolve remembers a question.
func remembered(q rtccodes.Question) bool {
	k, _ := keyOf(q)
	answers.RLock()
	defer answers.RUnlock()
	_, ok := answers.m[k]
	return ok
}

func TestAQuestionIsRememberedFromItsSecondAsking(t *testing.T) {
	for i := range 100 {
		q := rtccodes.Question{Products: only(rtccodes.TRTCWeb), Text: fmt.Sprintf("%d TRTC publish timeout", i)}
		want := rtccodes.Resolve(q)
		assert.Equal(t, want, resolve(q), "asked once")
		assert.False(t, remembered(q), "remembered when asked once: %q", q.Text)
		assert.Equal(t, want, resolve(q), "asked twice")
		assert.True(t, remembered(q), "not remembered when asked twice: %q", q.Text)
		assert.Equal(t, want, resolve(q), "remembered")
	}
}

// TestARememberedLineKeepsOnlyItsText streams log lines whose messages a
// product documents, each line twice, so that its question is remembered:
// what is remembered holds the line, not the text around it.
func TestARememberedLineKeepsOnlyItsText(t *testing.T) {
	var data bytes.Buffer
	const lines = 2000
	for i := range lines {
		for range 2 {
			fmt.Fprintf(&data, "TRTC publish timeout for stream %d\n", i)
		}
		for range 60 {
			data.WriteString("INFO nothing to see here, a line of some seventy bytes without a code\n")
		}
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	found := 0
	for rec, err := range Stream(bytes.NewReader(data.Bytes()), Options{Format: FormatText}) {
		if err == nil && rec.Found {
			found++
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	require.Equal(t, 2*lines, found)
	held := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("%d remembered lines hold %d bytes; the input is %d bytes", lines, held, data.Len())
	assert.Less(t, held, int64(data.Len()/4), "what is remembered holds the text around its line")
}
