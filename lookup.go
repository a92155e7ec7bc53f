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
	observed            func(code, subcode int) *Entry // a fact of the facts table under a code, by pair
	observedCode        func(code int) *Entry          // a fact under a code, for every subcode
	codeRow, subcodeRow func(n int) *Entry             // a code's own row (a row without subcode); a subcode documented under one code only
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

// pair is a code and a subcode, each of which a question may lack.
type pair struct {
	code, subcode       int
	hasCode, hasSubcode bool
}

// Lookup returns the entry that describes a product's code and subcode, and
// whether there is one: Lookup(CallingSDK, 410, 3112) for a pair,
// Lookup(Chat, 401) for a code without subcode (more than one subcode is
// no question: false). It is Resolve's shorthand for one product and a
// pair. It tries, in order, and Entry.Match says which step answered:
//
//   - MatchExact: the pair is a documented row. Where the Calling SDK's client
//     error and call end tables share a key (the code-only rows 480, 481,
//     490-498, 503, 504), the call end row answers; All lists the other.
//   - MatchAlias: the pair is another spelling of a documented row (PSTN
//     486/560486 finds the seeds' 486/60486, 487/560487 finds 497/560487).
//   - MatchSubcode: the subcode is documented under another code, and under
//     that code only (services do return 500/511404 where the docs say
//     404/511404). For TRTCWeb, a code without subcode is also tried as an
//     extra code: Lookup(TRTCWeb, 70001) finds the account error 70001.
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
// rule, generic subcode) are class-safe: they answer only when that row
// says the same of the call as the code asked. A success code (0 or 2xx)
// is never answered by a failure row (a 4xx, 5xx or 6xx code, or a
// category other than Success), a failure code never by a success row, and
// a code of neither class (1xx, 3xx, 7xx and beyond) never by another
// code's row. A generic subcode says what the documented rows with that
// subcode say; one that no documented row has, and a fact under any code,
// say nothing of the call, and so answer only a subcode asked without code:
// Lookup(CallAutomation, 200, 9998) is the class "Successful responses
// (200-299)", not the generic subcode "Fatal Error". Subcode 0 means "no subcode": it never answers by subcode
// (the generic subcode 0 answers only a question without code, see
// Resolve). When those steps cannot answer, the code's own row, its generic
// row or its class is the answer, and Match says so.
//
// Lookup returns the zero Entry and false for an unknown product and for a
// pair nothing describes; for the ACS products that includes every negative
// code or subcode.
func Lookup(p Product, code int, subcode ...int) (e Entry, ok bool) {
	// Small enough to inline: the row is copied once, to the caller's Entry.
	ok = lookup(&e, p, code, subcode)
	return e, ok
}

// lookup is Lookup, writing the entry to e. A documented pair, the common
// question, is found before anything else is asked.
func lookup(e *Entry, p Product, code int, subcode []int) bool {
	if !p.valid() || len(subcode) > 1 {
		return false
	}
	rec := &products[p]
	q := pair{code: code, hasCode: true}
	var r *Entry
	if len(subcode) == 1 {
		q.subcode, q.hasSubcode = subcode[0], true
		r = findPair(rec.exact, code, q.subcode)
	} else {
		r = find(rec.codeRow, code)
	}
	if r != nil {
		*e = *r // a row is the Entry of its own pair: Match is MatchExact
		return true
	}
	r, m := rec.fallback(q)
	return fill(e, r, m)
}

// lookupPair is lookup of a pair whose code or subcode may be absent.
func lookupPair(e *Entry, p Product, q pair) bool {
	if !p.valid() || !q.hasCode && !q.hasSubcode {
		return false
	}
	rec := &products[p]
	r, m := rec.exactRow(q), MatchExact
	if r == nil {
		r, m = rec.fallback(q)
	}
	return fill(e, r, m)
}

// exactRow returns the documented row whose own key is the pair, or nil.
func (p *product) exactRow(q pair) *Entry {
	switch {
	case q.hasCode && q.hasSubcode:
		return findPair(p.exact, q.code, q.subcode)
	case q.hasCode:
		return find(p.codeRow, q.code)
	}
	return nil
}

// fill writes to e the row r, found by m, and reports whether there is one.
func fill(e *Entry, r *Entry, m Match) bool {
	if r == nil {
		return false
	}
	*e = *r
	if m != MatchExact { // a row is the Entry of its own pair: Match is MatchExact
		e.Match = m
	}
	return true
}

// fallback is Lookup after the exact step: the steps that find another row
// than the pair's own. It returns the row and how it was found, nil and
// MatchNone when nothing describes the pair.
func (p *product) fallback(q pair) (*Entry, Match) {
	code, subcode := q.code, q.subcode
	if !p.NegativeCodes && (q.hasCode && code < 0 || q.hasSubcode && subcode < 0) {
		return nil, MatchNone
	}
	both := q.hasCode && q.hasSubcode
	if both {
		if r := findPair(p.alias, code, subcode); r != nil {
			return r, MatchAlias
		}
	}
	var asked uint8
	if q.hasCode {
		asked = p.CodeOutcome(code)
	}
	anyCode := !q.hasCode
	// A row answers a code only when it says what the code says: a row
	// that says nothing of the call (a generic subcode no documented row
	// has, a fact under any code) answers only a subcode asked alone.
	agrees := func(o uint8) bool { return anyCode || asked != 0 && o != 0 && o&^asked == 0 }
	rowAgrees := func(r *Entry) bool { return r != nil && agrees(r.details.outcome) }
	hasSubcode := q.hasSubcode && subcode != 0
	// Another code's row can answer only a code of a class, or none.
	bySubcode := (hasSubcode || anyCode && q.hasSubcode) && (anyCode || asked != 0)
	if hasSubcode && bySubcode {
		if r := find(p.subcodeRow, subcode); rowAgrees(r) {
			return r, MatchSubcode
		}
	}
	// The facts table: the pair, then the subcode under any code.
	if both {
		if r := findPair(p.observed, code, subcode); r != nil {
			return r, MatchObserved
		}
	}
	if bySubcode {
		if r := find(p.anyCode, subcode); rowAgrees(r) {
			return r, MatchObserved
		}
	}
	if both {
		if r := find(p.codeRow, code); r != nil {
			return r, MatchCode
		}
	}
	if q.hasCode {
		// A fact under the code, for every subcode.
		if r := find(p.observedCode, code); r != nil {
			return r, MatchObserved
		}
	}
	if q.hasCode && !q.hasSubcode && p.ExtraCodes {
		if r := find(p.subcodeRow, code); r != nil {
			return r, MatchSubcode
		}
	}
	if p.SBCRule && hasSubcode {
		if sip, direction, ok := sbcResponse(subcode); ok && agrees(p.CodeOutcome(sip.Code)) {
			return sbcEntry(p.id, q, sip, direction), MatchSBCRule
		}
	}
	// A generic subcode answers under a code; the generic subcode 0 only
	// for a question without code.
	if bySubcode {
		if r := find(p.genericSubcode, subcode); rowAgrees(r) {
			return r, MatchGenericSubcode
		}
	}
	if q.hasCode {
		if r := find(p.genericCode, code); r != nil {
			return r, MatchGenericCode
		}
		if code >= 200 && code < 700 {
			if r := p.class[code/100]; r != nil {
				return r, MatchClass
			}
		}
	}
	return nil, MatchNone
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
