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

// Declared returns the declaration of the product numbered n, as rtccodes
// numbers its products (1 for the first of Products), and whether n is one.
func Declared(n int) (*Product, bool) {
	if n < 1 || n > len(Products) {
		return nil, false
	}
	return &Products[n-1], true
}

// Number is the product's number, as rtccodes numbers its products.
func (p *Product) Number() int {
	for i := range Products {
		if &Products[i] == p {
			return i + 1
		}
	}
	return 0
}

// NamedIn returns the words of a text that name the product, and whether
// there are some: its name as one word or its words joined ("Call
// Automation", "CallAutomation"), a short name of at most four letters
// (pstn, sms, trtc), a spelling that says a vendor or an SDK (acschat,
// tencent, "ACS-calling"), its family, or a word of its SDK (RtcError); not
// "calling" or "automation", which are words of their own.
func (p *Product) NamedIn(text string) (string, bool) {
	n := p.Number()
	if n == 0 {
		return "", false
	}
	var buf [256]byte
	words, _ := namedIn(Fold(text, buf[:0]), 1<<(n-1))
	return words, words != ""
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
	for _, n := range Names {
		if n.Kind == NameWord && (n.Product == p.Name || p.Family != "" && n.Product == p.Family) {
			names = append(names, joinedLower(n.Name))
		}
	}
	return names
}

// Name is a row of the names table (testdata/names/product-names.tsv): a
// name that identifies a product, or how a record is read.
type Name struct {
	Name string
	Kind NameKind
	// Product is the product's name, its family ("trtc"), or "calllog" for
	// a table of call log records.
	Product string
}

// NameKind is what a name is.
type NameKind uint8

// The kinds of names.
const (
	// NameTable is a Log Analytics table, named by a record's Type column.
	NameTable NameKind = iota + 1
	// NameWord is a word of a line of text that names a product.
	NameWord
)

// TableNamed returns the row of the names table of a Log Analytics table
// named s (in any case), and whether there is one.
func TableNamed(s string) (Name, bool) {
	for _, n := range Names {
		if n.Kind == NameTable && strings.EqualFold(n.Name, s) {
			return n, true
		}
	}
	return Name{}, false
}

// WordNamed returns the row of the names table of a word of text, as
// NamedIn returns the words that name a product ("enterRoom", "call end
// reason"), and whether there is one.
func WordNamed(words string) (Name, bool) {
	wordNames.once.Do(func() {
		wordNames.m = map[string]Name{}
		for _, n := range Names {
			if n.Kind == NameWord {
				wordNames.m[joinedLower(n.Name)] = n
			}
		}
	})
	n, ok := wordNames.m[joinedLower(words)]
	return n, ok
}

// wordNames are the words of the names table, by their letters and digits
// in lower case; made on first use.
var wordNames struct {
	once sync.Once
	m    map[string]Name
}

// joinedLower returns a name's letters and digits, in lower case: as the
// name trie reads words run together ("call end reason", "trtc-sdk-v5").
func joinedLower(name string) string {
	b := make([]byte, 0, len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b = append(b, c)
		}
	}
	return string(b)
}

// nameTrie holds every name of every product a byte at a time: a node is
// a prefix of a name, and its names are the products whose name it is, a
// bit per index in Products. Built on first use (package variables built
// by a call would be init work for every program that imports rtccodes).
type nameTrie struct {
	next  [][1 + 36]uint16 // a node's child by its next byte's wordClass; 0: none
	names []uint32
	name  []string // the name a node with names is
}

// wordClass numbers the bytes of words as names are read, from 1: the
// ASCII lower-case letters and the digits. Other bytes are 0.
var wordClass = [256]uint8{
	'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6, 'g': 7, 'h': 8, 'i': 9, 'j': 10, 'k': 11, 'l': 12, 'm': 13,
	'n': 14, 'o': 15, 'p': 16, 'q': 17, 'r': 18, 's': 19, 't': 20, 'u': 21, 'v': 22, 'w': 23, 'x': 24, 'y': 25, 'z': 26,
	'0': 27, '1': 28, '2': 29, '3': 30, '4': 31, '5': 32, '6': 33, '7': 34, '8': 35, '9': 36,
}

func productNames() *nameTrie {
	names.once.Do(func() {
		t := &names.nameTrie
		t.next, t.names, t.name = make([][37]uint16, 1), make([]uint32, 1), make([]string, 1) // the root
		for i := range Products {
			for _, n := range Products[i].names() {
				node := 0
				for k := 0; k < len(n); k++ {
					c := wordClass[n[k]]
					if c == 0 {
						break // no run of words is such a name, or longer
					}
					if t.next[node][c] == 0 {
						t.next[node][c] = uint16(len(t.next))
						t.next, t.names, t.name = append(t.next, [37]uint16{}), append(t.names, 0), append(t.name, "")
					}
					node = int(t.next[node][c])
					if k == len(n)-1 {
						t.names[node] |= 1 << i
						t.name[node] = n
					}
				}
			}
		}
	})
	return &names.nameTrie
}

var names struct {
	once sync.Once
	nameTrie
}

// namedIn finds the names of the products of a set (a bit per index in
// Products) in a folded text, as runs of one to four of its words (letters
// and digits) joined. Of the products named, it returns the first in
// Products and the words of its first name in the text; "" when none is
// named. It allocates nothing but the words it returns, when they are more than one.
func namedIn(lower []byte, set uint32) (string, int) {
	t := productNames()
	best, bestStart, bestEnd, bestNode := -1, 0, 0, 0
	inWord := false
	for i, c := range lower {
		if wordClass[c] == 0 || inWord {
			inWord = wordClass[c] != 0
			continue
		}
		inWord = true
		node, j := 0, i // the run of words from i, walked in the trie
	run:
		for range 4 {
			for ; j < len(lower); j++ {
				c := wordClass[lower[j]]
				if c == 0 {
					break
				}
				if node = int(t.next[node][c]); node == 0 {
					break run // no name starts so: no longer run is one
				}
			}
			if named := t.names[node] & set; named != 0 {
				// Of the names from one word, the longest ("trtc-sdk-v5",
				// not "trtc"); of names from other words, the first product.
				if first := bits.TrailingZeros32(named); best < 0 || i == bestStart && j > bestEnd || i != bestStart && first < best {
					best, bestStart, bestEnd, bestNode = first, i, j, node
				}
			}
			for j < len(lower) && wordClass[lower[j]] == 0 { // to the next word
				j++
			}
			if j == len(lower) {
				break
			}
		}
	}
	switch {
	case best < 0:
		return "", -1
	case bestEnd-bestStart == len(t.name[bestNode]):
		return t.name[bestNode], best // one word
	}
	var b strings.Builder // the run's words, a space between them
	for i := bestStart; i < bestEnd; i++ {
		if wordClass[lower[i]] == 0 {
			continue
		}
		if i > bestStart && wordClass[lower[i-1]] == 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(lower[i])
	}
	return b.String(), best
}
