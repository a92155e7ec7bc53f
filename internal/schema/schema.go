// Package schema declares what rtccodes' generator writes and the library
// reads: the products, the sections of their documentation, the languages
// and the outcomes. Both import it, so that each is declared once.
package schema

import (
	"math/bits"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Lang is a language of the tables.
type Lang uint8

// The languages, English first: every row has English.
const (
	EN Lang = iota
	JA
	FR
	NumLangs
)

// LangTags are the BCP 47 tags of the languages, by Lang.
var LangTags = [NumLangs]string{EN: "en", JA: "ja", FR: "fr"}

// Alias is a key that finds another row.
type Alias struct {
	Code, Subcode             int
	TargetCode, TargetSubcode int
}

// GoString writes a Lang as the generated code names it.
func (l Lang) GoString() string {
	if l < NumLangs {
		return "schema." + strings.ToUpper(LangTags[l])
	}
	return "schema.Lang(" + strconv.Itoa(int(l)) + ")"
}

// GoString writes a Section as the generated code names it.
func (s Section) GoString() string {
	if int(s) < len(Sections) && Sections[s].Const != "" {
		return "schema." + Sections[s].Const
	}
	return "schema.Section(" + strconv.Itoa(int(s)) + ")"
}

// String returns the section's name, such as "callend".
func (s Section) String() string {
	if int(s) < len(Sections) && Sections[s].Name != "" {
		return Sections[s].Name
	}
	return "Section(" + strconv.Itoa(int(s)) + ")"
}

// The outcomes of a row or a code: what it says of the call.
const (
	OutcomeSuccess uint8 = 1 << iota
	OutcomeFailure
)

// CodeOutcome is what a product's code says of the call: every code of a
// product whose codes are all errors fails; the others follow HTTP and SIP
// (0 and 2xx succeed, 4xx-6xx fail, the rest say neither).
func (p *Product) CodeOutcome(code int) uint8 {
	switch {
	case p.AllErrors:
		return OutcomeFailure
	case code == 0 || code >= 200 && code < 300:
		return OutcomeSuccess
	case code >= 400 && code < 700:
		return OutcomeFailure
	}
	return 0
}

// DocumentedOutcome is what the product's document says the code means
// for the call: the outcome of the first of its Outcomes whose range holds
// the code; 0 when none does.
func (p *Product) DocumentedOutcome(code int) uint8 {
	for i := range p.Outcomes {
		if r := &p.Outcomes[i]; code >= r.From && code <= r.To {
			return r.Outcome
		}
	}
	return 0
}

// CategoryOutcome is what a result category says of the call.
func CategoryOutcome(category string) uint8 {
	switch category {
	case "":
		return 0
	case "Success":
		return OutcomeSuccess
	}
	return OutcomeFailure
}

// NamedIn returns the words of a text that name the product, and whether
// there are some: its name as one word or its words joined ("Call
// Automation", "CallAutomation"), a short name of at most four letters
// (pstn, sms, trtc), a spelling that says a vendor or an SDK (acschat,
// tencent, "ACS-calling"), its family, or a word of its SDK (RtcError); not
// "calling" or "automation", which are words of their own.
func (p *Product) NamedIn(text string) (string, bool) {
	for i := range Products {
		if &Products[i] == p {
			var buf [256]byte
			words, _ := namedIn(Fold(text, buf[:0]), 1<<i)
			return words, words != ""
		}
	}
	return "", false
}

// Named returns the first of Products that a text names (see NamedIn), and
// the words that name it.
func Named(text string) (*Product, string, bool) {
	var buf [256]byte
	return NamedFolded(Fold(text, buf[:0]))
}

// NamedFolded is Named of a text folded by Fold.
func NamedFolded(folded []byte) (*Product, string, bool) {
	words, i := namedIn(folded, 1<<len(Products)-1)
	if words == "" {
		return nil, "", false
	}
	return &Products[i], words, true
}

// Fold appends a text to buf as names are read in it, a byte or a rune at
// a time: ASCII in lower case, and a rune whose lower case is ASCII (the
// Kelvin sign, İ) as that; every other rune is a space. An ASCII text
// folds to its bytes in lower case.
func Fold(text string, buf []byte) []byte {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if l := unicode.ToLower(r); l < utf8.RuneSelf {
			buf = append(buf, byte(l))
		} else {
			buf = append(buf, ' ')
		}
		i += w
	}
	return buf
}

// names returns the names of the product, as NamedIn reads them.
func (p *Product) names() []string {
	names := []string{strings.ToLower(p.Name), p.Family}
	if len(p.Short) <= 4 {
		names = append(names, p.Short)
	}
	for _, s := range p.Spellings {
		if strings.Contains(s, "sdk") || strings.Contains(s, "acs") || strings.Contains(s, "trtc") || strings.Contains(s, "tencent") {
			names = append(names, s)
		}
	}
	return append(names, p.Words...)
}

// productNames maps every name of every product to the products it names,
// a bit per index in Products, and every shorter prefix of a name to 0;
// built on first use (package variables built by a call would be init work
// for every program that imports rtccodes).
func productNames() map[string]uint32 {
	names.once.Do(func() {
		names.m = map[string]uint32{}
		for i := range Products {
			for _, n := range Products[i].names() {
				for k := 1; k < len(n); k++ {
					names.m[n[:k]] |= 0
				}
				if n != "" {
					names.m[n] |= 1 << i
					names.firsts[n[0]] = true
				}
				for b := range 256 { // a name of one letter starts with any two
					if len(n) == 1 || len(n) > 1 && b == int(n[1]) {
						k := uint16(n[0])<<8 | uint16(b)
						names.starts[k/64] |= 1 << (k % 64)
					}
				}
			}
		}
	})
	return names.m
}

// nameFirsts are the first bytes of the products' names.
func nameFirsts() *[256]bool {
	productNames()
	return &names.firsts
}

// nameStarts reports whether a name starts with the two bytes.
func nameStarts(a, b byte) bool {
	productNames()
	k := uint16(a)<<8 | uint16(b)
	return names.starts[k/64]&(1<<(k%64)) != 0
}

var names struct {
	once   sync.Once
	m      map[string]uint32
	firsts [256]bool
	starts [1 << 16 / 64]uint64 // the first two bytes of the names, a bit each
}

// span is a word of a text: its bytes, from start to end.
type span struct{ start, end int }

// namedIn finds the names of the products of a set (a bit per index in
// Products) in a folded text, as runs of one to four of its words (letters
// and digits) joined. Of the products named, it returns the first in
// Products and the words of its first name in the text; "" when none is
// named. It allocates nothing but the words it returns.
func namedIn(lower []byte, set uint32) (string, int) {
	names := productNames()
	var wordsBuf [64]span
	words := wordsBuf[:0]
	start := -1
	for i, c := range lower {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			words = append(words, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, span{start, len(lower)})
	}
	best, bestWords := -1, ""
	var joined [64]byte
	firsts := nameFirsts()
	for i, w := range words {
		second := byte(0) // the second letter of a run from w
		switch {
		case w.end-w.start > 1:
			second = lower[w.start+1]
		case i+1 < len(words):
			second = lower[words[i+1].start]
		}
		if !firsts[lower[w.start]] || !nameStarts(lower[w.start], second) {
			continue // no name starts with its letters
		}
		k := 0
		for j := i; j < len(words) && j < i+4; j++ {
			w := words[j]
			if k+w.end-w.start > len(joined) {
				break // longer than any name
			}
			k += copy(joined[k:], lower[w.start:w.end])
			mask, prefix := names[string(joined[:k])]
			if !prefix {
				break // no name starts so: no longer run is one
			}
			if mask &= set; mask == 0 {
				continue
			}
			first := bits.TrailingZeros32(mask)
			if best < 0 || first < best {
				var b strings.Builder
				for x, w := range words[i : j+1] {
					if x > 0 {
						b.WriteByte(' ')
					}
					b.Write(lower[w.start:w.end])
				}
				best, bestWords = first, b.String()
			}
		}
	}
	return bestWords, best
}
