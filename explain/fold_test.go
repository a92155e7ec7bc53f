package explain

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/internal/codetext"
	"github.com/rtccodes/rtccodes/internal/schema"
)

// foldEach is fold a byte at a time.
func foldEach(line string) string {
	b := []byte(line)
	for i := range b {
		b[i] = codetext.Lower(b[i])
	}
	return string(b)
}

// TestFoldLowersEachByte folds every byte value at every place of a short
// line, and every start of a longer one: ASCII letters lower case, every
// other byte as it is, and the line said ASCII only when it is.
func TestFoldLowersEachByte(t *testing.T) {
	var buf [16]byte
	for c := range 256 {
		for at := range 8 {
			line := []byte("aZ@[`{\x80\xff")
			line[at] = byte(c)
			low, ascii := fold(string(line), buf[:])
			require.Equal(t, foldEach(string(line)), string(low), "byte %#x at %d", c, at)
			require.False(t, ascii, "a line with \\x80 and \\xff")
		}
	}
	long := "Join Room FAILED, Result: 10006 \xc5\xbf DiagCode: 500#3003.@ PARTICIPANTEND ~ é"
	for n := range len(long) + 1 {
		low, ascii := fold(long[:n], buf[:])
		assert.Equal(t, foldEach(long[:n]), string(low), "the line's first %d bytes", n)
		assert.Equal(t, !strings.ContainsFunc(long[:n], func(r rune) bool { return r >= utf8.RuneSelf }), ascii, "the line's first %d bytes", n)
	}
}

// TestEveryEventNameNamesItsProduct writes every event name of every
// product's rows in a log line, in its case and in upper case: the line
// names the product by the event, unless a product's name in the event
// name does first.
func TestEveryEventNameNamesItsProduct(t *testing.T) {
	var buf [256]byte
	n := 0
	for _, p := range rtccodes.Products() {
		for e := range rtccodes.All(p) {
			for _, ev := range e.Events() {
				for _, word := range []string{ev, strings.ToUpper(ev)} {
					line := "12:00:01 INFO x-y " + word + ": code=5"
					low, ascii := fold(line, buf[:])
					got, why := productNamedIn(line, low, ascii)
					if _, _, named := schema.Named(line); named {
						continue
					}
					want := eventProducts()[strings.ToLower(ev)]
					assert.Equal(t, []rtccodes.Product{want}, got, "%q", line)
					assert.Equal(t, "the event "+strings.ToLower(ev), why, "%q", line)
					n++
				}
			}
		}
	}
	assert.Greater(t, n, 50)
}

// TestEventLikeWordsAreFoundAsEveryWordIsRead puts words written as event
// names, and words almost so, among other words and bytes: eventLikeIn
// finds the first word eventLike accepts, as reading every word of ASCII
// letters does.
func TestEventLikeWordsAreFoundAsEveryWordIsRead(t *testing.T) {
	slowly := func(line string) (string, bool) {
		words := strings.FieldsFunc(line, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') })
		for _, w := range words {
			if eventLike(w) {
				return w, true
			}
		}
		return "", false
	}
	var words []string
	for _, end := range eventEndings {
		words = append(words, "Play"+end, "play"+end, end, "PLAY"+strings.ToUpper(end), "PlayX"+end[:len(end)-1])
	}
	words = append(words, "ended", "Ended", "ed", "edEd", "AddParticipantFailedNow", "Calléd", "RecordingStateUpdated")
	seps := []string{"", " ", "_", "9", "é", ".", "\xff"}
	n := 0
	for _, a := range words {
		for _, b := range words {
			for _, sep := range seps {
				for _, line := range []string{a + sep + b, sep + a + sep + b + sep, "x" + sep + a} {
					want, wantOK := slowly(line)
					got, ok := eventLikeIn(line)
					assert.Equal(t, wantOK, ok, "%q", line)
					assert.Equal(t, want, got, "%q", line)
					n++
				}
			}
		}
	}
	assert.Greater(t, n, 10000)
}

// eventInWords is eventIn as a walk of the line's words, each looked up.
func eventInWords(text []byte) (rtccodes.Product, string, bool) {
	for _, w := range strings.FieldsFunc(string(text), func(r rune) bool { return r >= utf8.RuneSelf || !eventByte(byte(r)) }) {
		if p, ok := eventProducts()[w]; ok {
			return p, w, true
		}
	}
	return 0, "", false
}

// TestEventInFindsTheFirstWholeName writes lines of event names, parts of
// them and the bytes around words: eventIn finds what a walk of the words
// finds.
func TestEventInFindsTheFirstWholeName(t *testing.T) {
	parts := []string{" ", ".", "_", "x", "1", "-", ":", "é"}
	for ev := range eventProducts() {
		parts = append(parts, ev, ev[:len(ev)/2], ev[len(ev)/2:])
	}
	seed := uint64(31)
	for range 20000 {
		var b strings.Builder
		for range 1 + int(seed>>60) {
			seed = seed*6364136223846793005 + 1442695040888963407
			b.WriteString(parts[seed>>33%uint64(len(parts))])
		}
		line := []byte(b.String())
		p, name, ok := eventIn(line)
		wp, wname, wok := eventInWords(line)
		require.Equal(t, []any{wp, wname, wok}, []any{p, name, ok}, "%q", line)
	}
}
