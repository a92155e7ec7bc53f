package rtccodes

import (
	"log/slog"
	"strconv"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// Text is an entry's message and advice in one language, from one edition of
// the sources.
type Text struct {
	// Lang is the BCP 47 tag of the language that served the text: en, ja or fr.
	Lang string `json:"lang"`
	// Edition is the date of the document the text comes from, as Sources
	// dates it (such as "2025-07-14"); empty when that document is undated.
	Edition string `json:"edition,omitempty"`
	// Message says what happened.
	Message string `json:"message"`
	// Advice says what to do about it; it may be empty.
	Advice string `json:"advice"`
}

// Link is a link of the advice: its text as it stands in the advice, and its
// absolute target.
type Link struct {
	// Text is the link's text as it stands in the advice.
	Text string `json:"text"`
	// URL is the link's absolute target.
	URL string `json:"url"`
}

// Entry is one documented row, as Lookup found it.
type Entry struct {
	// Product is the product whose documentation has the row.
	Product Product
	// Match tells how the entry was found.
	Match Match
	// Section is the table of the documentation the row is in.
	Section Section
	// Code and Subcode are the row's own key; Subcode is NoSubcode for a row
	// without subcode, Code is NoCode for a row without code.
	Code, Subcode int
	// Message and Advice are English; Localized gives the other languages.
	Message, Advice string
	// Category is the row's result category; empty when the source gives
	// none, as for most rows outside the Calling SDK tables.
	Category Category
	// Key is the TRTC error key as the SDK exposes it (SIGNAL_CHANNEL_SETUP_FAILED);
	// DocKey is the docs' spelling when it differs (SIGNAL_CAHNNEL_SETUP_FAILED).
	Key, DocKey string
	// Hex is the TRTC code in hexadecimal as the docs print it (0x4001).
	Hex string
	// Edition is the date of the source edition that alone documents the row
	// (such as "2025-07-14"); empty for rows of the seed documents.
	Edition string

	rec *product    // the product whose tables hold row
	row *schema.Row // the row, in rec's tables or made at run time (sbcEntry)
}

// Found reports whether the entry describes something: it is false for the
// zero Entry that Lookup returns with ok false.
func (e Entry) Found() bool { return e.row != nil }

// Events returns the Call Automation callback events that carry the entry's
// pair, such as CreateCallFailed and AnswerFailed. The slice is the caller's.
func (e Entry) Events() []string {
	if e.row == nil {
		return nil
	}
	var out []string
	for _, s := range span(e.row.Events, e.rec.tables.Events) {
		out = append(out, e.rec.str(s))
	}
	return out
}

// span returns the run s of a table of the product's.
func span[T any](s schema.Span, table []T) []T { return table[s[0]:s[1]] }

// Links returns the links of the entry's advice. The slice is the caller's.
func (e Entry) Links() []Link {
	if e.row == nil {
		return nil
	}
	var out []Link
	for _, l := range span(e.row.Links, e.rec.tables.Links) {
		out = append(out, Link{Text: e.rec.str(l.Text), URL: e.rec.str(l.URL)})
	}
	return out
}

// Revisions returns the texts a newer edition of the sources gives the
// entry where it words the row differently from the seed documents, such as
// the 2025-07-14 edition's English for 0/5003 and 403/510403; nil for most
// entries. Message, Advice and Localized serve the seeds' text, which all
// three languages translate; Text.Edition dates each revision. The slice is
// the caller's.
func (e Entry) Revisions() []Text {
	if e.row == nil {
		return nil
	}
	var out []Text
	revisions := span(e.row.Revisions, e.rec.tables.Texts)
	for i := range revisions {
		out = append(out, e.rec.text(&revisions[i]))
	}
	return out
}

// Provenance is where a fact of the facts table was seen: the repository,
// the file in it, and the commit, version or date.
type Provenance struct {
	// Repository is the public repository, such as
	// "Azure/communication-ui-library".
	Repository string `json:"repository"`
	// Path is the file in the repository.
	Path string `json:"path"`
	// Revision is the commit, version or date the fact was seen at.
	Revision string `json:"revision"`
}

// Provenance returns where the entry's fact was seen, and whether the entry
// is a fact of the facts table (Section is SectionObserved) rather than a
// row of the documents, which Sources lists.
func (e Entry) Provenance() (Provenance, bool) {
	if e.row == nil || e.row.Section != schema.SectionObserved {
		return Provenance{}, false
	}
	ps := span(e.row.Provenance, e.rec.tables.Provenance)
	if len(ps) == 0 {
		return Provenance{}, false
	}
	p := &ps[0]
	return Provenance{Repository: e.rec.str(p.Repository), Path: e.rec.str(p.Path), Revision: e.rec.str(p.Revision)}, true
}

// Langs returns the languages the entry has text in, English first.
func (e Entry) Langs() []string {
	if e.row == nil {
		return nil
	}
	texts := e.texts()
	if len(texts) == 0 {
		return []string{schema.LangTags[schema.EN]}
	}
	langs := make([]string, len(texts))
	for i, t := range texts {
		langs[i] = schema.LangTags[t.Lang]
	}
	return langs
}

// texts returns the entry's texts, English first; none for an entry made
// at run time (sbcEntry), whose only text is its English Message and Advice.
func (e *Entry) texts() []schema.Text { return span(e.row.Texts, e.rec.tables.Texts) }

// text returns a text of the product's tables.
func (p *product) text(t *schema.Text) Text {
	return Text{Lang: schema.LangTags[t.Lang], Edition: p.str(t.Edition), Message: p.str(t.Message), Advice: p.str(t.Advice)}
}

// String returns a one-line description such as
// "CallingSDK 410/3112 (ExpectedError): Call setup failed ...".
func (e Entry) String() string {
	if e.row == nil {
		return "rtccodes: no entry"
	}
	return describe(e.Product, e.Pair(), e.Category, e.Message)
}

// Pair returns the entry's own key as rtccodes prints it: FormatPair's
// "410/3112", "410", "*/8536" or "-", and for a class entry the class, such
// as "4xx", so that it never reads as a documented code.
func (e Entry) Pair() string {
	if e.row == nil {
		return ""
	}
	if e.Section == SectionClass {
		return strconv.Itoa(e.Code/100) + "xx"
	}
	return FormatPair(e.Code, e.Subcode)
}

// describe writes "Product pair (Category): message", leaving out the
// category when it is empty.
func describe(p Product, pair string, c Category, message string) string {
	s := p.String() + " " + pair
	if c != "" {
		s += " (" + string(c) + ")"
	}
	return s + ": " + message
}

// LogValue makes an entry a group of attributes in structured logs:
// slog.Any("entry", e) logs product, pair, category, match and message, and
// the advice and TRTC key when there are some.
func (e Entry) LogValue() slog.Value {
	if e.row == nil {
		return slog.GroupValue(slog.Bool("found", false))
	}
	attrs := make([]slog.Attr, 0, 9)
	attrs = append(attrs,
		slog.String("product", e.Product.String()),
		slog.String("section", e.Section.String()),
		slog.Int("code", e.Code),
		slog.Int("subcode", e.Subcode),
		slog.String("category", string(e.Category)),
		slog.String("match", e.Match.String()),
		slog.String("message", e.Message))
	if e.Advice != "" {
		attrs = append(attrs, slog.String("advice", e.Advice))
	}
	if e.Key != "" {
		attrs = append(attrs, slog.String("key", e.Key))
	}
	return slog.GroupValue(attrs...)
}
