package rtccodes

import (
	"log/slog"
	"slices"
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
	// Code and Subcode are the row's own key; HasCode and HasSubcode say
	// whether the row has them: a code-only row (480) has no subcode, a
	// generic Call Automation subcode (*/8536) no code, a TRTC error known
	// by its message neither.
	Code, Subcode       int
	HasCode, HasSubcode bool
	// Message and Advice are English; Localized gives the other languages.
	Message, Advice string
	// Category is the row's result category; empty when the source gives
	// none, as for most rows outside the Calling SDK tables.
	Category Category
	// Outcome says whether the call or request succeeded or failed: the
	// row's result category where it has one; for a fact or a Call
	// Automation generic subcode, what the committed facts table or the
	// classification of the generic subcodes says; else what the product's
	// document says its code means (ACS: 2xx successful, 4xx-6xx errors;
	// SMS: 2000 delivered, 4000-9999 errors; TRTC: every code an error).
	Outcome Outcome
	// Key is the TRTC error key as the SDK exposes it (SIGNAL_CHANNEL_SETUP_FAILED);
	// DocKey is the docs' spelling when it differs (SIGNAL_CAHNNEL_SETUP_FAILED).
	Key, DocKey string
	// Hex is the TRTC code in hexadecimal as the docs print it (0x4001).
	Hex string
	// Edition is the date of the source edition that alone documents the row
	// (such as "2025-07-14"); empty for rows of the seed documents.
	Edition string
	// Since is the SDK release that first has the code, for a product whose
	// only source is the SDK's own enum (TRTCWebV5, such as "5.6.0"); empty
	// where the SDK's history does not show it.
	Since string

	details *details // the rest of the row; nil for the zero Entry
}

// Outcome is whether a call or request succeeded: OutcomeSuccess,
// OutcomeFailure or OutcomeUnknown.
type Outcome string

// The outcomes.
const (
	// OutcomeSuccess means the call or request succeeded, or ended as it
	// should (Calling SDK 0/0, 487/10003; Call Automation 200/0; SMS 2000).
	OutcomeSuccess Outcome = "success"
	// OutcomeFailure means it failed.
	OutcomeFailure Outcome = "failure"
	// OutcomeUnknown means the documents do not say.
	OutcomeUnknown Outcome = "unknown"
)

// details is what an entry's row holds beyond the Entry's exported fields.
// The generated rows write it inline, so that a row reads as one literal.
type details struct {
	edition    string      // the date of the English text's document; empty if undated
	texts      []Text      // the other languages' texts, in the order of the languages
	revisions  []Text      // a newer edition's texts where it words the row differently
	links      []Link      // the links of the advice
	events     []string    // the callback events that carry the row's pair
	provenance *Provenance // where a fact of the facts table or an SDK enum's code was read
}

// Events returns the Call Automation callback events that carry the entry's
// pair, such as CreateCallFailed and AnswerFailed. The slice is the caller's.
func (e Entry) Events() []string {
	if e.details == nil {
		return nil
	}
	return slices.Clone(e.details.events)
}

// Links returns the links of the entry's advice. The slice is the caller's.
func (e Entry) Links() []Link {
	if e.details == nil {
		return nil
	}
	return slices.Clone(e.details.links)
}

// Revisions returns the texts a newer edition of the sources gives the
// entry where it words the row differently from the seed documents, such as
// the 2025-07-14 edition's English for 0/5003 and 403/510403; nil for most
// entries. Message, Advice and Localized serve the seeds' text, which all
// three languages translate; Text.Edition dates each revision. The slice is
// the caller's.
func (e Entry) Revisions() []Text {
	if e.details == nil {
		return nil
	}
	return slices.Clone(e.details.revisions)
}

// Provenance is where a fact of the facts table or an SDK's code was read:
// the repository, the file in it, and the commit, version or date.
type Provenance struct {
	// Repository is the public repository, such as
	// "Azure/communication-ui-library".
	Repository string `json:"repository"`
	// Path is the file in the repository.
	Path string `json:"path"`
	// Revision is the commit, version or date the fact was seen at.
	Revision string `json:"revision"`
}

// Provenance returns where the entry was read, and whether it has such a
// source of its own: a fact of the facts table (SectionObserved), a code
// users meet that the documents leave out, or a code of an SDK's own enum
// (SectionSDKEnum); a row of the documents, which Sources lists, has none.
func (e Entry) Provenance() (Provenance, bool) {
	if e.details == nil || e.details.provenance == nil {
		return Provenance{}, false
	}
	return *e.details.provenance, true
}

// Langs returns the languages the entry has text in, English first.
func (e Entry) Langs() []string {
	if e.details == nil {
		return nil
	}
	langs := make([]string, 0, 1+len(e.details.texts))
	langs = append(langs, schema.LangTags[schema.EN])
	for _, t := range e.details.texts {
		langs = append(langs, t.Lang)
	}
	return langs
}

// english returns the entry's English text: its Message and Advice, dated
// by their document.
func (e *Entry) english() Text {
	return Text{Lang: schema.LangTags[schema.EN], Edition: e.details.edition, Message: e.Message, Advice: e.Advice}
}

// String returns a one-line description such as
// "CallingSDK 410/3112 (ExpectedError): Call setup failed ...".
func (e Entry) String() string {
	if e.details == nil {
		return "rtccodes: no entry"
	}
	return describe(e.Product, e.Pair(), e.Category, e.Message)
}

// Pair returns the entry's own key as rtccodes prints it: "410/3112",
// "410" without subcode, "*/8536" without code, "-" without either (a TRTC
// error known by its message), and for a class entry the class, such as
// "4xx", so that it never reads as a documented code.
func (e Entry) Pair() string {
	if e.details == nil {
		return ""
	}
	if e.Section == SectionClass {
		return strconv.Itoa(e.Code/100) + "xx"
	}
	return formatPair(pair{e.Code, e.Subcode, e.HasCode, e.HasSubcode})
}

// formatPair writes a pair as rtccodes prints it (see Entry.Pair).
func formatPair(q pair) string {
	switch {
	case !q.hasCode && !q.hasSubcode:
		return "-"
	case !q.hasCode:
		return "*/" + strconv.Itoa(q.subcode)
	case !q.hasSubcode:
		return strconv.Itoa(q.code)
	}
	return strconv.Itoa(q.code) + "/" + strconv.Itoa(q.subcode)
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
// slog.Any("entry", e) logs product, section, code and subcode (those the
// row has), category, outcome, match and message, and the advice and TRTC
// key when there are some.
func (e Entry) LogValue() slog.Value {
	if e.details == nil {
		return slog.GroupValue(slog.Bool("found", false))
	}
	attrs := make([]slog.Attr, 0, 11)
	attrs = append(attrs,
		slog.String("product", e.Product.String()),
		slog.String("section", string(e.Section)))
	if e.HasCode {
		attrs = append(attrs, slog.Int("code", e.Code))
	}
	if e.HasSubcode {
		attrs = append(attrs, slog.Int("subcode", e.Subcode))
	}
	attrs = append(attrs,
		slog.String("category", string(e.Category)),
		slog.String("outcome", string(e.Outcome)),
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
