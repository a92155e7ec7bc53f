package schema

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
)

// words are the runs of ASCII lower-case letters and digits of a text.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
}

// runeWords are a text's words as runes lowered one at a time read them.
func runeWords(text string) []string { return words(strings.Map(unicode.ToLower, text)) }

// TestFoldKeepsTheWords folds every text of one to three parts (ASCII, the
// runes whose lower case is ASCII, other letters, broken bytes): the folded
// text has the words of the text read a rune at a time.
func TestFoldKeepsTheWords(t *testing.T) {
	parts := []string{"", "Call", " ", "AUTOMATION", "\u212A", "\u0130", "ſ", "é", "\xff", "\xe2\x84", "-", "TRTC", "5", ".x", "Pstn", "ß", "\u0131", "Ǆ"}
	for _, a := range parts {
		for _, b := range parts {
			for _, c := range parts {
				text := a + b + c
				folded := string(Fold(text, nil))
				assert.Equal(t, runeWords(text), words(folded), "%q folds to %q", text, folded)
			}
		}
	}
	assert.Equal(t, "call automation", string(Fold("Call Automation", nil)), "an ASCII text folds to its bytes in lower case")
}

// namedSlowly is namedIn's answer read without its gates: every run of one
// to four words joined, looked up.
func namedSlowly(text string) (int, bool) {
	ws := runeWords(text)
	// Of the names from one word, the longest; of names from other words,
	// the first product.
	best, bestStart, bestEnd := -1, 0, 0
	for i := range ws {
		joined := ""
		for j := i; j < len(ws) && j < i+4; j++ {
			joined += ws[j]
			first := -1
			for p := range Products {
				if first < 0 && slices.Contains(Products[p].names(), joined) && joined != "" {
					first = p
				}
			}
			if first >= 0 && (best < 0 || i == bestStart && j > bestEnd || i != bestStart && first < best) {
				best, bestStart, bestEnd = first, i, j
			}
		}
	}
	return best, best >= 0
}

// TestNamesAreFoundAsEveryRunOfWordsIsLookedUp names every product by every
// name, cut into words at every place and written in other words' company:
// Named answers as a lookup of every run of words does.
func TestNamesAreFoundAsEveryRunOfWordsIsLookedUp(t *testing.T) {
	n := 0
	for p := range Products {
		for _, name := range Products[p].names() {
			if name == "" {
				continue
			}
			for cut := range 1 << min(len(name)-1, 6) { // a space after the letters the bits say
				var b strings.Builder
				for i := range len(name) {
					b.WriteByte(name[i])
					if i < 6 && cut&(1<<i) != 0 {
						b.WriteByte(' ')
					}
				}
				for _, text := range []string{b.String(), "error in " + strings.ToUpper(b.String()) + " code 5", "x " + b.String() + " y z"} {
					want, ok := namedSlowly(text)
					got, _, found := Named(text)
					if assert.Equal(t, ok, found, "%q", text) && ok {
						assert.Equal(t, &Products[want], got, "%q", text)
					}
					n++
				}
			}
		}
	}
	assert.Greater(t, n, 1000)
}
