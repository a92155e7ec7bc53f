// Package schema declares what rtccodes' generator writes and the library
// reads: the products, the sections of their documentation, the languages,
// and the types of the generated rows. Both import it, so that a product, a
// section or a field is declared once and a renamed field fails to compile
// on either side.
package schema

import (
	"strconv"
	"strings"
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

// Str is a string of a product's tables: Tables.Text[s[0]:s[1]]. The
// tables hold offsets rather than strings so that they hold no pointers.
type Str [2]uint32

// Span is a run of one of a product's tables, such as Tables.Texts[s[0]:s[1]].
type Span [2]uint16

// Text is a row's message and advice in one language, from one document.
// Its fields are those of rtccodes.Text, which converts from it.
type Text struct {
	Lang    Lang
	Edition Str // the date of the document it comes from; empty if undated
	Message Str
	Advice  Str
}

// Link is a link of a row's advice; its fields are those of rtccodes.Link.
type Link struct {
	Text Str
	URL  Str
}

// Reason is a row of a reference table, a SIP response code or a Q.850
// cause value, with the fields of rtccodes.Reason; its strings are Strs of
// the generated referenceText.
type Reason struct {
	Code     int32
	Text     Str
	Standard Str
}

// Row is one row of a product's table.
type Row struct {
	Code, Subcode int32 // rtccodes.NoCode and NoSubcode (-1) where the row has none
	Section       Section
	Outcome       uint8 // what the row says of the call (OutcomeSuccess, OutcomeFailure); a generic subcode what the rows with its subcode do
	Category      Str   // the result category as rtccodes spells it; empty for none
	Key, DocKey   Str   // a TRTC error key, and the docs' spelling when it differs
	Hex           Str   // the code in hexadecimal, for products whose docs print it so
	Edition       Str   // the date of the only edition that has the row; empty for the seeds
	Texts         Span  // in Tables.Texts: the languages the row has, English first
	Revisions     Span  // in Tables.Texts: a newer edition's texts where it words the row differently
	Links         Span  // in Tables.Links
	Events        Span  // in Tables.Events: the callback events that carry the row's pair
	Provenance    Span  // in Tables.Provenance: where a fact of the facts table was seen
}

// Provenance is where a fact of the facts table was seen; its fields are
// those of rtccodes.Provenance.
type Provenance struct {
	Repository Str
	Path       Str
	Revision   Str
}

// Tables are a product's generated tables: its rows, what they refer to,
// and their index. Every string is a Str of Text, each once, so that the
// tables hold no pointers but Text's and the slices'.
type Tables struct {
	Text       string
	Rows       []Row
	Texts      []Text
	Links      []Link
	Events     []Str
	Provenance []Provenance
	Index      Index
}

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

// Key is a key of a product's index and the row it finds, as the
// generator builds the index.
type Key struct {
	K   uint64 // a (code, subcode) pair as PairKey packs it, or a code or a subcode as CodeKey does
	Row uint16 // the row's index in the product's rows
}

// Slot is a slot of an Index's hash tables: a key, as PairKey or CodeKey
// packs it, in its high 48 bits and the row it finds in its low 16 bits;
// EmptySlot for none (no row has the index 1<<16-1).
type Slot uint64

// EmptySlot is an empty slot of a Table.
const EmptySlot Slot = 1<<64 - 1

// SlotOf is the slot of a key.
func SlotOf(k Key) Slot { return Slot(k.K<<16 | uint64(k.Row)) }

// StringKey is a TRTC key, upper case, and the row it finds.
type StringKey struct {
	K   Str
	Row uint16
}

// NoRow is the row of a class that has none.
const NoRow = -1

// Table is one of an Index's hash tables, written by the generator (open
// addressing, at most half full): key k is in the slot Slot(k) or in one
// of the slots after it, wrapping around, before an empty one.
type Table struct {
	Shift uint8  // 64 minus the log2 of the number of slots
	Slots []Slot // a power of two of them; none for a table of no keys
}

// hashMul is the multiplier of Fibonacci hashing: 2^64 divided by the
// golden ratio, odd.
const hashMul = 0x9E3779B97F4A7C15

// Slot is the first slot key k may be in.
func (t *Table) Slot(k uint64) int { return int(k * hashMul >> t.Shift) }

// Find returns the row key k finds in the table.
func (t *Table) Find(k uint64) (int, bool) {
	if len(t.Slots) == 0 {
		return 0, false
	}
	mask := len(t.Slots) - 1
	for i := t.Slot(k) & mask; ; i = (i + 1) & mask {
		s := t.Slots[i]
		if s == EmptySlot {
			return 0, false
		}
		if uint64(s>>16) == k {
			return int(s & (1<<16 - 1)), true
		}
	}
}

// Index is a product's lookup structure, written by the generator: a hash
// table for each way a key finds a row; nothing is built at run time.
type Index struct {
	Exact           Table       // the documented rows by pair; the preferred section's where two share one
	Aliases         Table       // the pairs that find another row
	CodeRows        Table       // the rows without subcode, by code
	SubcodeRows     Table       // by subcode: the row of the one code that documents it
	GenericSubcodes Table       // by subcode
	GenericCodes    Table       // by code
	Observed        Table       // the facts under a code, by pair (NoSubcode: every subcode)
	AnyCode         Table       // the facts under any code, by subcode
	Class           [7]int16    // the class rows by code/100; NoRow for none
	Keys            []StringKey // the keys, upper case, both spellings, sorted
	Messages        []uint16    // the rows known by a message, longest message first
}

// The outcomes of a row or a code: what it says of the call.
const (
	OutcomeSuccess uint8 = 1 << iota
	OutcomeFailure
)

// PairKey packs a (code, subcode) pair into a key of an Index, 48 bits:
// each as CodeKey packs it; false for a number outside the range CodeKey
// packs, which no table has.
func PairKey(code, subcode int) (uint64, bool) {
	c, codeOK := CodeKey(code)
	s, subcodeOK := CodeKey(subcode)
	return c<<24 | s, codeOK && subcodeOK
}

// CodeKey packs a code or a subcode alone into a key of an Index: its
// 24-bit two's complement; false outside [-1<<23, 1<<23), which no table
// has.
func CodeKey(n int) (uint64, bool) { return uint64(n) & (1<<24 - 1), n >= -1<<23 && n < 1<<23 }

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
