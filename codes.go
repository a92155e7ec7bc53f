// Package rtccodes explains the error codes of real-time communication SDKs:
// the Azure Communication Services (ACS) Calling SDK, Call Automation, PSTN,
// Chat and SMS, and the Tencent TRTC Web SDK 4.x. It answers, for a code
// pair a service received: what happened (Message), whether it is expected
// or a bug (Category), what to do about it (Advice), in English, Japanese or
// French.
//
// # Looking up
//
// Lookup finds the entry of a product's (code, subcode) pair; pass NoSubcode
// when there is none. Entry.Match says how it was found: the exact row or a
// documented fallback (the subcode under another code, the code's own row, a
// generic Call Automation row, the code's class). A fallback never says
// something else than the code: a 4xx-6xx code is never answered by a
// Success row, a 0/2xx code never by a failure row, and subcode 0 never
// answers by subcode.
//
//	e, ok := rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
//	if ok && e.Category == rtccodes.ExpectedError { ... }
//
// LookupString reads what services log: TRTC keys, hex codes and error
// messages, "CODE/SUBCODE" pairs and DiagCode suffixes; ParseCode reads one
// code. Explain reads a JSON payload: a Call Automation event, a
// resultInformation or a callEndReason, with the SIP and Q.850 diagnostics
// (SIPReason, Q850Cause); ExplainAs reads it as a given product. All iterates a
// product's table; Search finds entries by text in any language;
// EventEntries lists what a Call Automation event can carry.
//
// # Languages
//
// Entry.Localized returns the message and advice in the language that best
// serves a tag or a whole Accept-Language header, falling back to English:
//
//	t := e.Localized(r.Header.Get("Accept-Language")) // t.Lang is en, ja or fr
//
// # Errors and logs
//
// NewError makes a pair a Go error (*Error) that carries its entry through
// any wrapping; CategoryOf and EntryOf read it back. Entry and *Error log as
// attribute groups with log/slog. Package rtccodestest asserts categories in
// tests written with testify.
//
// # Data
//
// The tables are generated from the documents Sources lists (copies are in
// the module's testdata directory), every row of them, with the text as
// published; Text.Edition dates each text, and Entry.Revisions gives a newer
// edition's wording where it differs from the seeds'. Nothing is built when the package is imported: a product's index
// is built on its first lookup, once. Every function is safe for concurrent
// use, and every value returned is the caller's to change.
package rtccodes

import (
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
)

// Product is a real-time communication SDK or service whose codes rtccodes
// knows. The zero Product is not a product.
type Product uint8

// The products, in the order of their documentation.
const (
	// CallingSDK is the Azure Communication Services (ACS) Calling SDK:
	// client errors and call end codes (call.callEndReason).
	CallingSDK Product = iota + 1
	// CallAutomation is ACS Call Automation: resultInformation of callback events.
	CallAutomation
	// PSTN is ACS PSTN calling: ParticipantEndReason and ParticipantEndSubCode.
	PSTN
	// Chat is the ACS Chat SDK: error.code of error responses.
	Chat
	// SMS is ACS SMS: DeliveryStatusDetails of delivery reports.
	SMS
	// TRTCWeb is the Tencent TRTC Web SDK 4.x: RtcError getCode and getExtraCode.
	TRTCWeb
)

// Products lists every product, in order.
func Products() []Product {
	return []Product{CallingSDK, CallAutomation, PSTN, Chat, SMS, TRTCWeb}
}

var productNames = [...]string{
	CallingSDK:     "CallingSDK",
	CallAutomation: "CallAutomation",
	PSTN:           "PSTN",
	Chat:           "Chat",
	SMS:            "SMS",
	TRTCWeb:        "TRTCWeb",
}

// String returns the product's Go name, such as "CallingSDK", or
// "Product(N)" for a value that is not a product.
func (p Product) String() string {
	if p.valid() {
		return productNames[p]
	}
	return fmt.Sprintf("Product(%d)", uint8(p))
}

// MarshalText writes what String does, so that JSON and other text encodings
// show "CallingSDK" rather than a number.
func (p Product) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// UnmarshalText reads any spelling ParseProduct accepts, so that a Product
// works with flag.TextVar and in JSON configuration.
func (p *Product) UnmarshalText(text []byte) error {
	q, err := ParseProduct(string(text))
	if err != nil {
		return err
	}
	*p = q
	return nil
}

func (p Product) valid() bool { return p >= CallingSDK && p <= TRTCWeb }

// outcomeOf is what a code of the product says of the call: the ACS codes
// follow HTTP and SIP (httpOutcome); every TRTC code is an error.
func (p Product) outcomeOf(code int) outcome {
	if p == TRTCWeb {
		return outcomeFailure
	}
	return httpOutcome(code)
}

// productSpellings lists the normalized spellings ParseProduct accepts.
var productSpellings = [...]struct {
	name string
	p    Product
}{
	{"callingsdk", CallingSDK}, {"calling", CallingSDK}, {"acscalling", CallingSDK}, {"acscallingsdk", CallingSDK}, {"call", CallingSDK},
	{"callautomation", CallAutomation}, {"automation", CallAutomation}, {"acscallautomation", CallAutomation}, {"callautomationsdk", CallAutomation}, {"ca", CallAutomation},
	{"pstn", PSTN}, {"acspstn", PSTN},
	{"chat", Chat}, {"chatsdk", Chat}, {"acschat", Chat},
	{"sms", SMS}, {"smssdk", SMS}, {"acssms", SMS},
	{"trtcweb", TRTCWeb}, {"trtc", TRTCWeb}, {"trtcwebsdk", TRTCWeb}, {"tencent", TRTCWeb}, {"tencenttrtc", TRTCWeb},
}

// ParseProduct returns the product named by s. It ignores case, spaces,
// hyphens, underscores and dots, so "CallingSDK", "calling", "call-automation",
// "Call Automation", "pstn", "sms", "chat", "trtc" and "TRTC Web" all work.
func ParseProduct(s string) (Product, error) {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case ' ', '-', '_', '.', '\t':
			continue
		}
		b.WriteRune(r)
	}
	for _, sp := range productSpellings {
		if sp.name == b.String() {
			return sp.p, nil
		}
	}
	return 0, fmt.Errorf("rtccodes: unknown product %q (want one of calling, callautomation, pstn, chat, sms, trtc)", s)
}

// Category is the result category the documentation gives a row, spelled as
// the documentation spells it. The empty Category means the source gives none.
type Category string

// The result categories of the ACS documentation.
const (
	// Success means the outcome is a success.
	Success Category = "Success"
	// ExpectedError means the error is expected: a precondition failed, such as
	// an incorrect argument or a call state that does not allow the action.
	ExpectedError Category = "ExpectedError"
	// UnexpectedClientError means an unexpected error on the client side.
	UnexpectedClientError Category = "UnexpectedClientError"
	// UnexpectedServerError means an unexpected error on the service side.
	UnexpectedServerError Category = "UnexpectedServerError"
)

// NoSubcode is the subcode of a row that has none, such as the code-only rows
// of the ACS tables and every Chat and SMS code.
const NoSubcode = -1

// NoCode is the code of a row that has no code of its own: a generic Call
// Automation subcode, which applies under any code, and a TRTC error that is
// known only by its message.
const NoCode = -1

// Section names the table of the documentation a row comes from.
type Section uint8

// The sections of the documentation.
const (
	// SectionClient is the Calling SDK client error table.
	SectionClient Section = iota + 1
	// SectionCallEnd is the Calling SDK call end table.
	SectionCallEnd
	// SectionClass is a code class (2xx, 4xx, 5xx, 6xx) as the ACS docs define it.
	SectionClass
	// SectionCommon is the Call Automation table of common codes and subcodes.
	SectionCommon
	// SectionGenericCode is the Call Automation table of generic codes.
	SectionGenericCode
	// SectionGenericSubcode is the Call Automation table of generic subcodes.
	SectionGenericSubcode
	// SectionParticipantEnd is the PSTN ParticipantEndReason tables.
	SectionParticipantEnd
	// SectionSBC is a PSTN subcode explained by the 560xxx/540xxx rule.
	SectionSBC
	// SectionErrorCode is a Chat or SMS error code, or a TRTC error code with its key.
	SectionErrorCode
	// SectionAccount is a TRTC account error (extra code under 0x4001).
	SectionAccount
	// SectionRoomEntry is a TRTC room entry error (extra code under 0x4004).
	SectionRoomEntry
	// SectionMessage is a TRTC error known by its message.
	SectionMessage
)

var sectionNames = [...]string{
	SectionClient: "client", SectionCallEnd: "callend", SectionClass: "class", SectionCommon: "common",
	SectionGenericCode: "genericcode", SectionGenericSubcode: "genericsubcode",
	SectionParticipantEnd: "participantend", SectionSBC: "sbc", SectionErrorCode: "errorcode",
	SectionAccount: "account", SectionRoomEntry: "roomentry", SectionMessage: "message",
}

// MarshalText writes the section's name, such as "callend".
func (s Section) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// String returns the section's name, such as "callend", or "Section(N)" for a
// value that is not a section.
func (s Section) String() string {
	if s >= SectionClient && int(s) < len(sectionNames) {
		return sectionNames[s]
	}
	return fmt.Sprintf("Section(%d)", uint8(s))
}

// Match tells how Lookup found an entry.
type Match uint8

// The ways an entry is found, from the most to the least precise.
const (
	// MatchNone means nothing describes the pair.
	MatchNone Match = iota
	// MatchExact means the (code, subcode) pair is a documented row.
	MatchExact
	// MatchAlias means the pair is another spelling of a documented row, such as
	// a subcode the newer edition prints differently.
	MatchAlias
	// MatchSubcode means the subcode is documented under another code, and only
	// there.
	MatchSubcode
	// MatchCode means the code's own row (a row without subcode) answered.
	MatchCode
	// MatchGenericSubcode means a Call Automation generic subcode answered.
	MatchGenericSubcode
	// MatchGenericCode means a Call Automation generic code answered.
	MatchGenericCode
	// MatchSBCRule means a PSTN 560xxx/540xxx subcode explained by its SIP response.
	MatchSBCRule
	// MatchClass means only the code's class (2xx, 4xx, 5xx, 6xx) answered.
	MatchClass
	// MatchKey means a TRTC key such as JOIN_ROOM_FAILED answered.
	MatchKey
	// MatchHex means a TRTC hex code such as 0x4004 answered.
	MatchHex
	// MatchMessage means a TRTC error message answered.
	MatchMessage
)

var matchNames = [...]string{
	MatchNone: "none", MatchExact: "exact", MatchAlias: "alias", MatchSubcode: "subcode",
	MatchCode: "code", MatchGenericSubcode: "generic-subcode", MatchGenericCode: "generic-code",
	MatchSBCRule: "sbc-rule", MatchClass: "class", MatchKey: "key", MatchHex: "hex", MatchMessage: "message",
}

// MarshalText writes the match's name, such as "exact".
func (m Match) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// String returns the match's name, such as "exact" or "class".
func (m Match) String() string {
	if int(m) < len(matchNames) {
		return matchNames[m]
	}
	return fmt.Sprintf("Match(%d)", uint8(m))
}

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

	row *row
}

// Found reports whether the entry describes something: it is false for the
// zero Entry that Lookup returns with ok false.
func (e Entry) Found() bool { return e.row != nil }

// Events returns the Call Automation callback events that carry the entry's
// pair, such as CreateCallFailed and AnswerFailed. The slice is the caller's.
func (e Entry) Events() []string {
	if e.row == nil || len(e.row.events) == 0 {
		return nil
	}
	return append([]string(nil), e.row.events...)
}

// Links returns the links of the entry's advice. The slice is the caller's.
func (e Entry) Links() []Link {
	if e.row == nil || len(e.row.links) == 0 {
		return nil
	}
	return append([]Link(nil), e.row.links...)
}

// Revisions returns the texts a newer edition of the sources gives the
// entry where it words the row differently from the seed documents, such as
// the 2025-07-14 edition's English for 0/5003 and 403/510403; nil for most
// entries. Message, Advice and Localized serve the seeds' text, which all
// three languages translate; Text.Edition dates each revision. The slice is
// the caller's.
func (e Entry) Revisions() []Text {
	if e.row == nil || len(e.row.revisions) == 0 {
		return nil
	}
	return slices.Clone(e.row.revisions)
}

// Langs returns the languages the entry has text in, English first.
func (e Entry) Langs() []string {
	if e.row == nil {
		return nil
	}
	var langs []string
	for _, t := range e.row.text {
		if t.Lang != "" {
			langs = append(langs, t.Lang)
		}
	}
	return langs
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

// FormatPair writes a (code, subcode) pair as rtccodes prints it: "410/3112",
// "410" for NoSubcode, "*/8536" for NoCode (a generic subcode), and "-" when
// both are missing (a TRTC error known only by its message).
func FormatPair(code, subcode int) string {
	switch {
	case code == NoCode && subcode == NoSubcode:
		return "-"
	case code == NoCode:
		return "*/" + strconv.Itoa(subcode)
	case subcode == NoSubcode:
		return strconv.Itoa(code)
	}
	return strconv.Itoa(code) + "/" + strconv.Itoa(subcode)
}

// Source is a document rtccodes' tables are generated from: one edition of a
// product's documentation, in one language.
type Source struct {
	// File is the document's copy in the module, such as
	// "testdata/trtc/web-4x-error-codes.ja.2022-04-06.txt".
	File string `json:"file"`
	// Title is the document's title, in its language.
	Title string `json:"title"`
	// Lang is the BCP 47 tag of the document's language: en, ja or fr.
	Lang string `json:"lang"`
	// Date is the edition's date as YYYY-MM-DD, as the document prints it;
	// empty when it prints none.
	Date string `json:"date,omitempty"`
	// Products are the products the document has tables of.
	Products []Product `json:"products"`
}

// Sources returns the documents the tables are generated from: the editions
// the answers come from. The slice is the caller's.
func Sources() []Source {
	out := slices.Clone(sources)
	for i := range out {
		out[i].Products = slices.Clone(out[i].Products)
	}
	return out
}

// row is one generated table row. Its text is indexed by language: English,
// Japanese, French; a language the sources lack has an empty Text.
type row struct {
	section       Section
	code, subcode int
	category      Category
	key, docKey   string
	hex           string
	edition       string
	events        []string
	links         []Link
	text          [numLangs]Text
	revisions     []Text // a newer edition's texts, see Entry.Revisions
}

const (
	langEN = iota
	langJA
	langFR
	numLangs
)
