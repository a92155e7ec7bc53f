// Package rtccodes explains the error codes of real-time communication SDKs:
// the Azure Communication Services (ACS) Calling SDK, Call Automation, PSTN,
// Chat and SMS, and the Tencent TRTC Web SDK 4.x and 5.x. For a code and
// subcode it returns the documented row: what happened (Message), whether
// the call or request failed (Outcome), whether it is expected or a bug
// (Category) and what to do (Advice), in English, Japanese or French.
//
//	e, ok := rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
//	if ok && e.Outcome == rtccodes.OutcomeFailure { ... }
//
// Start with Lookup; Entry.Match says whether the documented row or a
// fallback answered (docs/answers.md has the chain). LookupString reads TRTC
// keys, hex codes, messages and DiagCodes; Resolve asks several products at
// once; Entry.Localized picks a language from an Accept-Language header;
// NewError carries an entry through Go's error wrapping. Package explain
// reads payloads, logs and streams; package rtccodestest asserts answers in
// tests. The tables are generated from the documents Sources lists; nothing
// is built at import, and every function is safe for concurrent use.
package rtccodes

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// Product is a real-time communication SDK or service whose codes rtccodes
// knows. The zero Product is not a product. The products and their
// constants are declared once, in internal/schema; products.go is generated
// from that declaration.
type Product uint8

// product is what rtccodes holds of a product: its declaration and its
// generated table (its rows and the switches that find them).
type product struct {
	*schema.Product
	id Product
	*table
}

// Products lists every product, in order.
func Products() []Product {
	out := make([]Product, 0, len(products)-1)
	for p := range products {
		if Product(p).valid() {
			out = append(out, Product(p))
		}
	}
	return out
}

func (p Product) valid() bool { return p > 0 && int(p) < len(products) }

// record returns the product's record; p must be valid.
func (p Product) record() *product { return &products[p] }

// String returns the product's Go name, such as "CallingSDK", or
// "Product(N)" for a value that is not a product.
func (p Product) String() string {
	if p.valid() {
		return p.record().Name
	}
	return fmt.Sprintf("Product(%d)", uint8(p))
}

// ShortName returns the product's short name, as the command line tool lists
// it and ParseProduct reads it: calling, callautomation, pstn, chat, sms or
// trtc; "" for a value that is not a product.
func (p Product) ShortName() string {
	if p.valid() {
		return p.record().Short
	}
	return ""
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

// ParseProduct returns the product named by s: its name, its short name or
// another spelling of it. It ignores case, spaces, hyphens, underscores and
// dots, so "CallingSDK", "calling", "call-automation", "Call Automation",
// "pstn", "sms", "chat", "trtc" and "TRTC Web" all work.
func ParseProduct(s string) (Product, error) {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case ' ', '-', '_', '.', '\t':
			continue
		}
		b.WriteRune(r)
	}
	name := b.String()
	var shorts []string
	for _, p := range Products() {
		rec := p.record()
		if name == strings.ToLower(rec.Name) || name == rec.Short || slices.Contains(rec.Spellings, name) {
			return p, nil
		}
		shorts = append(shorts, rec.Short)
	}
	return 0, fmt.Errorf("rtccodes: unknown product %q (want one of %s)", s, strings.Join(shorts, ", "))
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

// Section names the table of the documentation a row comes from, such as
// "callend". The sections are declared in internal/schema; their constants
// are generated into products.go.
type Section string

// Match tells how Lookup found an entry.
type Match uint8

// The ways an entry is found. MatchExact to MatchClass are the steps of
// Lookup's chain, from the most to the least precise; MatchKey, MatchHex
// and MatchMessage are how LookupString finds a row by its text, after
// them. Resolve orders its answers by these values.
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
	// MatchObserved means a fact of the facts table answered: a code users
	// meet that the documents leave out (Section is SectionObserved, and
	// Entry.Provenance says where it was seen).
	MatchObserved
	// MatchCode means the code's own row (a row without subcode) answered.
	MatchCode
	// MatchGenericSubcode means a Call Automation generic subcode answered.
	MatchGenericSubcode
	// MatchGenericCode means a Call Automation generic code answered.
	MatchGenericCode
	// MatchSBCRule means a PSTN 560xxx/540xxx subcode explained by its SIP response.
	MatchSBCRule
	// MatchCodeRows means the code has no row of its own, and the answer
	// counts the documented rows under it by outcome (Section is
	// SectionCodeRows).
	MatchCodeRows
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
	MatchObserved: "observed", MatchCode: "code", MatchGenericSubcode: "generic-subcode", MatchGenericCode: "generic-code",
	MatchSBCRule: "sbc-rule", MatchCodeRows: "code-rows", MatchClass: "class", MatchKey: "key", MatchHex: "hex", MatchMessage: "message",
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
