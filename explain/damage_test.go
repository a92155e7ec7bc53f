package explain_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes/explain"
)

// damageLimit is the MaxRecord of the damaged streams.
const damageLimit = 512

// damaged is a generated stream: its bytes, the offset of each record a
// reader must yield (an element, a row, a line, a run of stray bytes), and
// how many of them were damaged.
type damaged struct {
	data    bytes.Buffer
	records []int64
	damages int
	gzip    []byte // the data gzipped, where the stream is read from that
}

// record starts a record at the stream's end.
func (d *damaged) record() { d.records = append(d.records, int64(d.data.Len())) }

// lineEnd writes one of the line ends, and now and then empty lines.
func (d *damaged) lineEnd(rng *rand.Rand) {
	ends := []string{"\n", "\r\n", "\r"}
	d.data.WriteString(ends[rng.IntN(3)])
	if rng.IntN(10) == 0 {
		d.data.WriteString(ends[rng.IntN(3)] + "\n")
	}
}

// insert puts s into line at a random place after its first byte.
func insert(rng *rand.Rand, line, s string) string {
	i := 1 + rng.IntN(len(line)-1)
	return line[:i] + s + line[i:]
}

// damageLine damages a line of JSON Lines or text, keeping it one
// non-blank line.
func damageLine(rng *rand.Rand, line string) string {
	switch rng.IntN(6) {
	case 0:
		return line[:1+rng.IntN(len(line)-1)] // truncated
	case 1:
		return insert(rng, line, []string{"}", "]]", "{", "[", ",,", "\x00"}[rng.IntN(6)]) // stray bytes, unbalanced brackets
	case 2:
		return insert(rng, line, `"`) // an unbalanced quote
	case 3:
		return insert(rng, line, "\xff\xfe\xc3") // invalid UTF-8
	case 4:
		return insert(rng, line, "\ufeff") // a byte order mark in the middle
	}
	return line + strings.Repeat("x", damageLimit) // over-long
}

// damagedLines writes n lines of JSON Lines or text.
func damagedLines(rng *rand.Rand, n int, good []string) *damaged {
	d := &damaged{}
	for i := range n {
		line := good[rng.IntN(len(good))]
		if i > 0 && rng.IntN(10) < 6 {
			line, d.damages = damageLine(rng, line), d.damages+1
		}
		d.record()
		d.data.WriteString(line)
		d.lineEnd(rng)
	}
	return d
}

// damagedCSV writes a portal export of n rows. A row with an unbalanced
// quote is followed by a whole row: the rule that ends the quote at the
// line end needs the next line to be a row.
func damagedCSV(rng *rand.Rand, n int) *damaged {
	d := &damaged{}
	d.data.WriteString("\ufeff\"TimeGenerated [UTC]\",\"CorrelationId\",\"ParticipantEndReason\",\"ParticipantEndSubCode\",\"Message\"\r\n")
	quoted := false
	for i := range n {
		row := fmt.Sprintf(`2026-11-20T10:00:%02dZ,id-%d,410,3112,"call ended, network"`, i%60, i)
		twoLines := rng.IntN(8) == 0
		if twoLines {
			row = fmt.Sprintf("2026-11-20T10:00:%02dZ,id-%d,487,10003,\"a message\r\non two lines\"", i%60, i)
		}
		if i > 0 && !quoted && rng.IntN(10) < 6 {
			d.damages++
			f := strings.Split(row, ",")
			switch rng.IntN(5) {
			case 0: // an unbalanced quote at a field's start (of a one-line row: in
				// a row whose message holds a line end, the message's quotes
				// would close it)
				if twoLines {
					row = strings.Join(f[:2], ",") + `,4"10,` + strings.Join(f[3:], ",")
					break
				}
				j := rng.IntN(4)
				f[j], quoted = `"`+f[j], true
				row = strings.Join(f, ",")
			case 1: // a bare quote inside a field
				row = strings.Join(f[:2], ",") + `,4"10,` + strings.Join(f[3:], ",")
			case 2: // invalid UTF-8 in the correlation ID (elsewhere it could
				// make the quote that opens a message a bare one)
				row = f[0] + "," + insert(rng, f[1], "\xff\xfe") + "," + strings.Join(f[2:], ",")
			case 3:
				row = strings.Join(f[:1+rng.IntN(2)], ",") // truncated
			default:
				row = strings.Join(f[:4], ",") + `,"` + strings.Repeat("x", damageLimit) + `"`
			}
		} else {
			quoted = false
		}
		d.record()
		d.data.WriteString(row)
		d.lineEnd(rng)
	}
	return d
}

// damagedArray writes an Event Grid batch of n elements, one a line, with
// stray bytes between some of them; the last may be truncated.
func damagedArray(rng *rand.Rand, n int) *damaged {
	d := &damaged{}
	d.data.WriteString("[")
	d.lineEnd(rng)
	open, missing := false, false // the element before, this one, misses a '}'
	for i := range n {
		open, missing = missing, false
		elem := fmt.Sprintf(`{"eventType":"Microsoft.Communication.CallDisconnected","data":{"callConnectionId":"c%d","resultInformation":{"code":410,"subCode":3112,"message":"m"}}}`, i)
		if i > 0 && rng.IntN(10) < 6 {
			d.damages++
			switch rng.IntN(6) {
			case 0: // an unbalanced quote inside the object
				elem = elem[:1] + insert(rng, elem[1:len(elem)-1], `"`) + elem[len(elem)-1:]
			case 1: // a missing '}'
				elem, missing = elem[:len(elem)-1], true
			case 2: // a ']' where a '}' belongs
				elem = elem[:len(elem)-1] + "]}"
			case 3:
				elem = strings.Replace(elem, `"m"`, "\"\xff\xfe\"", 1)
			case 4:
				elem = strings.Replace(elem, `"m"`, `"`+strings.Repeat("x", damageLimit)+`"`, 1)
			default: // stray bytes before the element: a record of their own
				// (no '}' after an element that misses one: it would close it)
				d.record()
				strays := []string{"x", "}}", "\ufeff", ":"}
				if open {
					strays = strays[2:]
				}
				d.data.WriteString(strays[rng.IntN(len(strays))])
				d.lineEnd(rng)
			}
		}
		d.record()
		d.data.WriteString(elem)
		if i < n-1 {
			d.data.WriteString(",")
			d.lineEnd(rng)
		}
	}
	d.lineEnd(rng)
	d.data.WriteString("]")
	return d
}

// gzipped adds to a damaged stream its gzip compression, which the stream
// is read from.
func gzipped(d *damaged) *damaged {
	var z bytes.Buffer
	w := gzip.NewWriter(&z)
	w.Write(d.data.Bytes())
	w.Close()
	d.gzip = z.Bytes()
	return d
}

// TestDamagedStreamsLoseNothing is the damaged-stream property: whatever
// the damage, every record of the input is yielded once, as an explanation
// or an error, at its own offset, in order.
func TestDamagedStreamsLoseNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(22, 2026))
	jsonl := []string{`{"code":487,"subCode":10003}`, `{"callEndReason":{"code":410,"subCode":3112}}`, `{"resultInformation":{"code":500,"subCode":8536,"message":"x"}}`}
	text := []string{"2026-11-20 10:00:05 WARN call ended: code=410 subCode=3112", "[2026-11-20T10:00:06Z] error 487/10003 while joining", "TRTC error 0x4001 extraCode 70001"}
	const n = 40000
	total := 0
	for _, c := range []struct {
		name   string
		format explain.Format
		d      *damaged
	}{
		{"JSON Lines", explain.FormatJSONLines, damagedLines(rng, n, jsonl)},
		{"JSON Lines, detected", explain.FormatAuto, damagedLines(rng, n, jsonl)},
		{"text", explain.FormatText, damagedLines(rng, n, text)},
		{"CSV", explain.FormatAuto, damagedCSV(rng, n)},
		{"JSON array", explain.FormatAuto, damagedArray(rng, n)},
		{"JSON array, last element truncated", explain.FormatJSON, func() *damaged {
			d := damagedArray(rng, 100)
			last := d.records[len(d.records)-1]
			d.data.Truncate(int(last) + 20)
			return d
		}()},
		// Gzipped, a stream is read as its text: the offsets are the text's.
		{"text, gzipped", explain.FormatText, gzipped(damagedLines(rng, n, text))},
		{"JSON Lines, gzipped and detected", explain.FormatAuto, gzipped(damagedLines(rng, n, jsonl))},
	} {
		input := c.d.data.Bytes()
		if c.d.gzip != nil {
			input = c.d.gzip
		}
		var offsets []int64
		lastLine := 0
		for rec, err := range explain.Stream(bytes.NewReader(input), explain.Options{Format: c.format, MaxRecord: damageLimit}) {
			_ = err
			offsets = append(offsets, rec.Offset)
			require.GreaterOrEqual(t, rec.Line, lastLine, "%s: lines go back at offset %d", c.name, rec.Offset)
			lastLine = rec.Line
		}
		lost, extra := 0, 0
		i, j := 0, 0
		for i < len(c.d.records) || j < len(offsets) {
			switch {
			case j == len(offsets) || i < len(c.d.records) && c.d.records[i] < offsets[j]:
				if lost++; lost < 3 {
					o := c.d.records[i]
					t.Logf("lost %d: %q", o, c.d.data.Bytes()[max(0, o-150):min(int64(c.d.data.Len()), o+100)])
				}
				i++
			case i == len(c.d.records) || offsets[j] < c.d.records[i]:
				if extra++; extra < 3 {
					o := offsets[j]
					t.Logf("extra %d: %q", o, c.d.data.Bytes()[max(0, o-150):min(int64(c.d.data.Len()), o+100)])
				}
				j++
			default:
				i++
				j++
			}
		}
		t.Logf("%s: %d records in (%d damaged), %d out: %d lost, %d duplicated or out of place", c.name, len(c.d.records), c.d.damages, len(offsets), lost, extra)
		assert.Zero(t, lost, c.name)
		assert.Zero(t, extra, c.name)
		assert.Equal(t, c.d.records, offsets, "%s: every record once, at its offset, in order", c.name)
		total += c.d.damages
	}
	assert.GreaterOrEqual(t, total, 100000, "damaged records")
}

// errAfter is a reader that returns its bytes with an error instead of
// io.EOF, then io.EOF: a bufio.Reader reports such an error once.
type errAfter struct {
	data []byte
	done bool
}

func (r *errAfter) Read(p []byte) (int, error) {
	if r.done {
		return 0, io.EOF
	}
	r.done = true
	return copy(p, r.data), errors.New("disk on fire")
}

// TestTheDamageOfIssue22 runs each case of the sweep that broke the
// stream reader.
func TestTheDamageOfIssue22(t *testing.T) {
	good := `{"code":487,"subCode":10003}`
	line := func(n int) string {
		return `{"code":487,"subCode":10003,"message":"` + strings.Repeat("x", n-len(good)-13) + `"}`
	}
	for _, tt := range []struct {
		name, stream string
		opts         explain.Options
		want         []string
	}{
		{"CSV with CR line ends", "code,subCode\r500,1\r487,10003\r", explain.Options{},
			[]string{"L2 CallingSDK 500/1 -> 500 code", "L3 CallingSDK 487/10003 -> 487/10003 exact"}},
		{"text with CR line ends", "a\r410 3112\rc\r", explain.Options{},
			[]string{"L1 error no code", "L2 CallingSDK 410/3112 -> 410/3112 exact", "L3 error no code"}},
		{"JSON Lines with CR line ends", good + "\r" + good + "\r", explain.Options{},
			[]string{"L1 CallingSDK 487/10003 -> 487/10003 exact", "L2 CallingSDK 487/10003 -> 487/10003 exact"}},
		{"an unbalanced quote in an array", "[{\"code\":500},\n{\"code\":487,\"sub,\n{\"code\":410},\n{\"code\":403}]", explain.Options{},
			[]string{"L1#0 CallingSDK 500 -> 500 exact", "L2#1 error malformed", "L3#2 CallingSDK 410 -> 410 exact", "L4#3 Chat 403 -> 403 exact"}},
		{"a missing }", "[{\"code\":500},\n{\"code\":487\n]", explain.Options{},
			[]string{"L1#0 CallingSDK 500 -> 500 exact", "L2#1 error malformed"}},
		{"a stray quote in CSV", "code,subCode,message\n\"500,1,x\n487,10003,x\n410,3112,x\n", explain.Options{},
			[]string{"L2 error malformed", "L3 CallAutomation 487/10003 -> 487/10003 exact", "L4 CallAutomation 410/3112 -> 4xx class"}},
		{"a stray byte after an element", "[" + good + "x," + good + "]", explain.Options{},
			[]string{"L1#0 CallingSDK 487/10003 -> 487/10003 exact", "L1 error malformed", "L1#1 CallingSDK 487/10003 -> 487/10003 exact"}},
		{"a line of MaxRecord bytes", line(100) + "\n", explain.Options{MaxRecord: 100},
			[]string{"L1 CallAutomation 487/10003 -> 487/10003 exact"}},
		{"a line of MaxRecord+1 bytes", line(101) + "\n", explain.Options{MaxRecord: 100}, []string{"L1 error too large"}},
		{"a line of MaxRecord+2 bytes", line(102) + "\r\n", explain.Options{MaxRecord: 100}, []string{"L1 error too large"}},
		{"MaxRecord math.MaxInt", good + "\n" + good, explain.Options{MaxRecord: math.MaxInt},
			[]string{"L1 CallingSDK 487/10003 -> 487/10003 exact", "L2 CallingSDK 487/10003 -> 487/10003 exact"}},
		{"MaxRecord negative: the default", good, explain.Options{MaxRecord: -1}, []string{"L1 CallingSDK 487/10003 -> 487/10003 exact"}},
	} {
		assert.Equal(t, tt.want, got(t, strings.NewReader(tt.stream), tt.opts), tt.name)
	}

	// Read errors surface, whichever stage they arrive in.
	assert.Equal(t, []string{"L1 error read error"}, got(t, &errAfter{}, explain.Options{}), "during the byte order mark check")
	assert.Equal(t, []string{"L1#0 CallingSDK 500 -> 500 exact", "L1#1 error read error"}, got(t, &errAfter{data: []byte(`[{"code":500}`)}, explain.Options{}), "during format detection")
	assert.Equal(t, []string{"L2 error read error"}, got(t, &errAfter{data: []byte("code,subCode\n")}, explain.Options{}), "after a CSV header")

	// Offsets and lines of values on one line.
	var at []string
	for rec := range explain.Stream(strings.NewReader(`{"code":410} {"code":487}`), explain.Options{}) {
		at = append(at, fmt.Sprintf("L%d@%d", rec.Line, rec.Offset))
	}
	assert.Equal(t, []string{"L1@0", "L1@13"}, at)
}
