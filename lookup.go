package rtccodes

//go:generate go run ./internal/gen

import (
	"iter"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// table is a product's generated table: its rows in order, and the
// switches that find them, each nil where no row is found that way.
type table struct {
	rows                []*Entry                       // section by section in the documentation's order, by code and subcode
	exact, alias        func(code, subcode int) *Entry // a documented pair; another spelling of one
	observed            func(code, subcode int) *Entry // a fact under a code: by pair, or NoSubcode for every subcode
	codeRow, subcodeRow func(n int) *Entry             // a code's own row; a subcode documented under one code only
	anyCode             func(subcode int) *Entry       // a fact under any code
	genericSubcode      func(subcode int) *Entry       // Call Automation's generic tables
	genericCode         func(code int) *Entry          //
	key                 func(key string) *Entry        // a TRTC key, upper case
	class               [7]*Entry                      // the class rows, by code/100
	messages            []*Entry                       // the rows known by a message, longest message first
}

// outcome is what the product's document says the code means for the call.
func (p *product) outcome(code int) Outcome {
	switch p.DocumentedOutcome(code) {
	case schema.OutcomeSuccess:
		return OutcomeSuccess
	case schema.OutcomeFailure:
		return OutcomeFailure
	}
	return OutcomeUnknown
}

// findPair calls a switch of pairs, if the table has it.
func findPair(f func(int, int) *Entry, code, subcode int) *Entry {
	if f == nil {
		return nil
	}
	return f(code, subcode)
}

// find calls a switch of codes or subcodes, if the table has it.
func find(f func(int) *Entry, n int) *Entry {
	if f == nil {
		return nil
	}
	return f(n)
}

// as returns the row r as found by m.
func as(r *Entry, m Match) Entry {
	e := *r
	e.Match = m
	return e
}

// Lookup returns the entry that describes the (code, subcode) pair of a
// product, and whether there is one. Pass NoSubcode when the error has no
// subcode. It tries, in order, and Entry.Match says which step answered:
//
//   - MatchExact: the pair is a documented row. Where the Calling SDK's client
//     error and call end tables share a key (the code-only rows 480, 481,
//     490-498, 503, 504), the call end row answers; LookupSection finds the
//     other.
//   - MatchAlias: the pair is another spelling of a documented row (PSTN
//     486/560486 finds the seeds' 486/60486, 487/560487 finds 497/560487).
//   - MatchSubcode: the subcode is documented under another code, and under
//     that code only (services do return 500/511404 where the docs say
//     404/511404). For TRTCWeb, a code with NoSubcode is also tried as an extra
//     code: Lookup(TRTCWeb, 70001, NoSubcode) finds the account error 70001.
//   - MatchObserved: a fact of the facts table (a code users meet that the
//     documents leave out, with its provenance): the pair, then the subcode
//     under any code (0/5854, 487/5854: a Teams lobby denial).
//   - MatchCode: the code's own row, a row without subcode; then a fact of
//     the facts table under the code, for every subcode (MatchObserved).
//   - MatchSBCRule (PSTN): a 560xxx or 540xxx subcode, explained by its SIP response.
//   - MatchGenericSubcode, MatchGenericCode (CallAutomation): the generic tables.
//   - MatchClass (CallingSDK, CallAutomation): the code's class, 2xx success,
//     4xx client error, 5xx server error or 6xx global error.
//
// A documented row always wins over a fact of the facts table. The steps
// that answer with another code's row (subcode, a fact under any code, SBC
// rule, generic subcode) are class-safe: they answer only when that row says the same of
// the call as the code asked. A success code (0 or 2xx) is never answered by
// a failure row (a 4xx, 5xx or 6xx code, or a category other than Success),
// a failure code never by a success row, and a code of neither class (1xx,
// 3xx, 7xx and beyond) never by another code's row; a generic subcode says
// what the documented rows with that subcode say. Subcode 0, like NoSubcode,
// means "no subcode": it never answers by subcode (the generic subcode 0
// answers only its own key, NoCode/0). When those steps cannot answer, the
// code's own row, its generic row or its class is the answer, and Match says
// so. NoCode, a result that carries only a subcode, contradicts nothing.
//
// Lookup returns the zero Entry and false for an unknown product and for a
// pair nothing describes; for the ACS products that includes every negative
// code or subcode other than NoCode and NoSubcode.
func Lookup(p Product, code, subcode int) (e Entry, ok bool) {
	// Small enough to inline: the row is copied once, to the caller's Entry.
	ok = lookup(&e, p, code, subcode)
	return e, ok
}

// lookup is Lookup, writing the entry to e.
func lookup(e *Entry, p Product, code, subcode int) bool {
	r, m := resolve(p, code, subcode)
	if r == nil {
		return false
	}
	*e = *r
	if m != MatchExact { // a row is the Entry of its own pair: Match is MatchExact
		e.Match = m
		if e.Outcome == OutcomeUnknown && e.Code == NoCode && code != NoCode {
			// A row without code (a generic subcode) says what the code asked does.
			e.Outcome = products[p].outcome(code)
		}
	}
	return true
}

// resolve returns the row that describes a product's pair, and how it
// was found: nil and MatchNone when nothing does.
func resolve(p Product, code, subcode int) (*Entry, Match) {
	if !p.valid() {
		return nil, MatchNone
	}
	rec := &products[p]
	if r := rec.exact(code, subcode); r != nil {
		return r, MatchExact
	}
	return rec.fallback(code, subcode)
}

// fallback is Lookup after the exact step: the steps that find another row
// than the pair's own. It returns the row and how it was found, nil and
// MatchNone when nothing describes the pair.
func (p *product) fallback(code, subcode int) (*Entry, Match) {
	if !p.NegativeCodes && (code < NoCode || subcode < NoSubcode) {
		return nil, MatchNone
	}
	if r := findPair(p.alias, code, subcode); r != nil {
		return r, MatchAlias
	}
	asked, anyCode := p.CodeOutcome(code), code == NoCode
	agrees := func(o uint8) bool { return anyCode || asked != 0 && o&^asked == 0 }
	rowAgrees := func(r *Entry) bool { return r != nil && agrees(r.details.outcome) }
	hasSubcode := subcode != NoSubcode && subcode != 0
	// Another code's row can answer only a code of a class, or none.
	bySubcode := (hasSubcode || anyCode && subcode != NoSubcode) && (anyCode || asked != 0)
	if hasSubcode && bySubcode {
		if r := find(p.subcodeRow, subcode); rowAgrees(r) {
			return r, MatchSubcode
		}
	}
	// The facts table: the pair, then the subcode under any code.
	if r := findPair(p.observed, code, subcode); r != nil {
		return r, MatchObserved
	}
	if bySubcode {
		if r := find(p.anyCode, subcode); rowAgrees(r) {
			return r, MatchObserved
		}
	}
	if subcode != NoSubcode {
		if r := find(p.codeRow, code); r != nil {
			return r, MatchCode
		}
	}
	// A fact under the code, for every subcode.
	if r := findPair(p.observed, code, NoSubcode); r != nil {
		return r, MatchObserved
	}
	if subcode == NoSubcode && p.ExtraCodes {
		if r := find(p.subcodeRow, code); r != nil {
			return r, MatchSubcode
		}
	}
	if p.SBCRule && hasSubcode {
		if sip, direction, ok := sbcResponse(subcode); ok && agrees(p.CodeOutcome(sip.Code)) {
			return sbcEntry(p.id, code, subcode, sip, direction), MatchSBCRule
		}
	}
	// A generic subcode answers under a code; the generic subcode 0 only
	// for its own key, a result that carries no code.
	if bySubcode {
		if r := find(p.genericSubcode, subcode); rowAgrees(r) {
			return r, MatchGenericSubcode
		}
	}
	if r := find(p.genericCode, code); r != nil {
		return r, MatchGenericCode
	}
	if code >= 200 && code < 700 {
		if r := p.class[code/100]; r != nil {
			return r, MatchClass
		}
	}
	return nil, MatchNone
}

// LookupSection returns the row of one section of a product's documentation
// whose key is exactly (code, subcode), such as the Calling SDK client error
// row where the call end row shares its key.
func LookupSection(p Product, s Section, code, subcode int) (Entry, bool) {
	if !p.valid() {
		return Entry{}, false
	}
	for _, r := range p.record().rows {
		if r.Section == s && r.Code == code && r.Subcode == subcode {
			return as(r, MatchExact), true
		}
	}
	return Entry{}, false
}

// ByCode returns the documented rows of a product whose code is code, in
// table order: its own row, if it has one, and its rows with a subcode, as
// exact matches. It answers "what does code 401 mean" when Lookup(p, 401,
// NoSubcode) has no row of the code's own to answer with and says only what
// a fallback knows (a fact under the code, a generic row or the class):
// ByCode(CallingSDK, 401) yields 401/71005 and 401/10009. It yields nothing
// for the class rows, the facts table and NoCode (rows without a code are
// under no code).
func ByCode(p Product, code int) iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		if !p.valid() || code == NoCode {
			return
		}
		for _, r := range p.record().rows {
			if r.Code != code || r.Section == SectionClass || r.Section == SectionObserved {
				continue
			}
			if !yield(as(r, MatchExact)) {
				return
			}
		}
	}
}

// All returns the entries of a product's tables, section by section in the
// documentation's order and by code and subcode within a section. Each entry
// is a copy; changing it changes nothing else.
func All(p Product) iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		if !p.valid() {
			return
		}
		for _, r := range p.record().rows {
			if !yield(as(r, MatchExact)) {
				return
			}
		}
	}
}
