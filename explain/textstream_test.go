package explain_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes/explain"
)

// textRecord is a record as Stream yields it, its error as its reason and
// text.
type textRecord struct {
	rec explain.Record
	err string
}

// textLines returns n generated lines of a log, with every line end, blank
// lines, lines longer than limit and a few longer than Stream's buffer,
// and the records Line gives each line, read one by one.
func textLines(rng *rand.Rand, n, limit int) ([]byte, []textRecord) {
	lines := []string{
		"2026-11-20 10:00:05 WARN call ended: code=410 subCode=3112 correlationId=%d",
		"[2026-11-20T10:00:06Z] INFO user joined room %d with 3 participants",
		"2026-11-20 10:00:07 ERROR TRTC error 0x4001 extraCode 70001 room=%d",
		"487/10003 %d",
		"diagcode: 500#3003 (%d)",
		"CallDisconnected %d code 410",
		"TRTCWeb JOIN_ROOM_FAILED %d",
		"通話が終了しました %d code=603",
		"  \t",
		"",
	}
	var data bytes.Buffer
	var want []textRecord
	line := 1
	for i := range n {
		text := lines[rng.IntN(len(lines))]
		if strings.Contains(text, "%d") {
			text = fmt.Sprintf(text, i)
		}
		switch rng.IntN(200) {
		case 0: // too long, when the limit is short
			text += strings.Repeat("x", min(limit, 80<<10))
		case 1: // longer than Stream's buffer
			text += strings.Repeat("y", 70<<10)
		case 2, 3:
			if limit < 1<<10 { // the longest line read, and one byte more
				text += strings.Repeat("z", max(0, limit+rng.IntN(2)-len(text)))
			}
		}
		r := textRecord{rec: explain.Record{Line: line, Offset: int64(data.Len()), Index: -1, Format: explain.FormatText}}
		switch x, err := explain.Line(0, text); {
		case len(text) > limit:
			r.err = fmt.Sprintf("too large: the line is longer than %d bytes", limit)
		case strings.TrimSpace(text) == "":
			r.err = "blank"
		case err != nil:
			r.err = "no code: " + err.Error()
		default:
			r.rec.Explanation = x
		}
		if r.err != "blank" {
			want = append(want, r)
		}
		end := []string{"\n", "\r\n", "\r"}[rng.IntN(3)]
		if text == "" && end == "\n" && bytes.HasSuffix(data.Bytes(), []byte("\r")) {
			end = "\r\n" // not "\r" then "\n": one line end
		}
		data.WriteString(text)
		data.WriteString(end)
		line++
	}
	return data.Bytes(), want
}

// streamText reads text records from r until stop says to stop.
func streamText(t *testing.T, r io.Reader, limit int, stop func(n int) bool) []textRecord {
	t.Helper()
	var out []textRecord
	for rec, err := range explain.Stream(r, explain.Options{Format: explain.FormatText, MaxRecord: limit}) {
		r := textRecord{rec: rec}
		if err != nil {
			var re *explain.RecordError
			require.True(t, errors.As(err, &re))
			require.Equal(t, []any{rec.Line, rec.Offset}, []any{re.Line, re.Offset})
			r.err = re.Reason + ": " + re.Err.Error()
		}
		if out = append(out, r); stop(len(out)) {
			break
		}
	}
	return out
}

// randomReads returns its bytes in reads of random sizes, some of one
// byte: a line end, a line or a "\r\n" falls across reads.
type randomReads struct {
	rng  *rand.Rand
	data []byte
}

func (r *randomReads) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, io.EOF
	}
	n := min(len(p), len(r.data), readSize(r.rng, 9000))
	copy(p, r.data[:n])
	r.data = r.data[n:]
	return n, nil
}

// readSize is the size of a read: one byte a quarter of the time, else
// up to n.
func readSize(r *rand.Rand, n int) int {
	if r.IntN(4) == 0 {
		return 1
	}
	return 1 + r.IntN(n)
}

// TestTextStreamsAnswerAsLineDoes reads generated logs as text, whole and
// in reads of every size, and stopped early: each line's record is the one
// Line gives it, at its line and offset, in order.
func TestTextStreamsAnswerAsLineDoes(t *testing.T) {
	for _, limit := range []int{300, explain.DefaultMaxRecord} {
		rng := rand.New(rand.NewPCG(22, uint64(limit)))
		data, want := textLines(rng, 20000, limit)
		require.Greater(t, len(data), 1<<20, "many chunks")
		streamsAnswerAsLineDoes(t, rng, data, want, limit)
	}
}

func streamsAnswerAsLineDoes(t *testing.T, rng *rand.Rand, data []byte, want []textRecord, limit int) {
	readers := map[string]func() io.Reader{
		"whole":        func() io.Reader { return bytes.NewReader(data) },
		"random reads": func() io.Reader { return &randomReads{rng: rng, data: data} },
		"half reads":   func() io.Reader { return iotest.HalfReader(bytes.NewReader(data)) },
	}
	for name, r := range readers {
		got := streamText(t, r(), limit, func(int) bool { return false })
		require.Equal(t, len(want), len(got), "%s, limit %d", name, limit)
		for i := range want {
			require.Equal(t, want[i], got[i], "%s, limit %d: record %d", name, limit, i)
		}
	}
	before := runtime.NumGoroutine()
	for _, n := range []int{1, 2, 100, 1000, len(want) - 1} {
		got := streamText(t, bytes.NewReader(data), limit, func(m int) bool { return m == n })
		require.Equal(t, want[:n], got, "stopped after %d", n)
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	assert.LessOrEqual(t, runtime.NumGoroutine(), before, "a stopped stream leaves no goroutine")
}

// TestAKeptRecordKeepsOnlyItsLine keeps the explanation of one line in
// every few kilobytes of lines without codes: what the kept records hold
// is about their own lines, not the text read around them.
func TestAKeptRecordKeepsOnlyItsLine(t *testing.T) {
	var data bytes.Buffer
	const kept = 2000
	for i := range kept {
		fmt.Fprintf(&data, "call ended: code=410 subCode=3112 id=%d\n", i)
		for range 60 {
			data.WriteString("INFO nothing to see here, a line of some seventy bytes without a code\n")
		}
	}
	var records []explain.Record
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for rec, err := range explain.Stream(bytes.NewReader(data.Bytes()), explain.Options{Format: explain.FormatText}) {
		if err == nil {
			records = append(records, rec)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	require.Len(t, records, kept)
	held := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("%d records hold %d bytes, %d each; the input is %d bytes", kept, held, held/kept, data.Len())
	assert.Less(t, held, int64(data.Len()/4), "the kept records hold the text around their lines")
}

// FuzzTextStreamAnswersAsLineDoes reads any bytes, repeated over a few
// lines, as text: every line's record is the one Line gives it, at its
// line and offset, in order, whatever MaxRecord is.
func FuzzTextStreamAnswersAsLineDoes(f *testing.F) {
	f.Add([]byte("code=410 subCode=3112\r\nTRTC 0x4001 extraCode 70001\rnothing\n\n  \n"), 0)
	f.Add([]byte("diagcode: 500#3003\r"), 12)
	f.Add([]byte("\r\r\n\n\xff\xfe Join room failed result: 10006"), -1)
	f.Fuzz(func(t *testing.T, data []byte, limit int) {
		if len(data) == 0 {
			return
		}
		var b bytes.Buffer
		// A blank line first, longer than the start Stream reads the
		// stream's kind from: text, with no byte order mark.
		b.WriteString(strings.Repeat(" ", 600) + "\n")
		for b.Len() < 2<<10 { // a few lines
			b.Write(data)
			b.WriteByte('\n')
		}
		maxRecord := limit
		if maxRecord <= 0 {
			maxRecord = explain.DefaultMaxRecord
		}
		var want []textRecord
		text, line, off := b.String(), 1, 0
		for off < len(text) {
			n := strings.IndexAny(text[off:], "\r\n")
			end := n + 1
			if text[off+n] == '\r' && off+n+1 < len(text) && text[off+n+1] == '\n' {
				end++
			}
			r := textRecord{rec: explain.Record{Line: line, Offset: int64(off), Index: -1, Format: explain.FormatText}}
			switch x, err := explain.Line(0, text[off:off+n]); {
			case n > maxRecord:
				r.err = fmt.Sprintf("too large: the line is longer than %d bytes", maxRecord)
				want = append(want, r)
			case strings.TrimSpace(text[off:off+n]) == "":
			case err != nil:
				r.err = "no code: " + err.Error()
				want = append(want, r)
			default:
				r.rec.Explanation = x
				want = append(want, r)
			}
			line, off = line+1, off+end
		}
		got := streamText(t, bytes.NewReader(b.Bytes()), limit, func(int) bool { return false })
		require.Equal(t, len(want), len(got))
		for i := range want {
			require.Equal(t, want[i], got[i], "record %d", i)
		}
	})
}
