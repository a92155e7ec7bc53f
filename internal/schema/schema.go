// Package schema declares what rtccodes' generator writes and the library
// reads: the products, the sections of their documentation, the languages,
// and the types of the generated rows. Both import it, so that a product, a
// section or a field is declared once and a renamed field fails to compile
// on either side.
package schema

import "strconv"

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

// Text is a row's message and advice in one language, from one document.
// Its fields are those of rtccodes.Text, which converts from it.
type Text struct {
	Lang    string // the language's tag: en, ja or fr
	Edition string // the date of the document it comes from; "" if undated
	Message string
	Advice  string
}

// Link is a link of a row's advice; its fields are those of rtccodes.Link.
type Link struct {
	Text string
	URL  string
}

// Reason is a row of a reference table, a SIP response code or a Q.850
// cause value; its fields are those of rtccodes.Reason.
type Reason struct {
	Code     int
	Text     string
	Standard string
}

// Row is one row of a product's table.
type Row struct {
	Section       Section
	Code, Subcode int    // rtccodes.NoCode and NoSubcode (-1) where the row has none
	Category      string // the result category as rtccodes spells it; "" for none
	Key, DocKey   string // a TRTC error key, and the docs' spelling when it differs
	Hex           string // the code in hexadecimal, for products whose docs print it so
	Edition       string // the date of the only edition that has the row; "" for the seeds
	Events        []string
	Links         []Link
	Texts         []Text // the languages the row has, English first
	Revisions     []Text // a newer edition's texts where it words the row differently
	Provenance    Provenance
}

// Provenance is where a fact of the facts table was seen; its fields are
// those of rtccodes.Provenance.
type Provenance struct {
	Repository string
	Path       string
	Revision   string
}

// Alias is a key that finds another row.
type Alias struct {
	Code, Subcode             int
	TargetCode, TargetSubcode int
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
