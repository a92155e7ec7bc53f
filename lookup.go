package rtccodes

//go:generate go run ./internal/gen

import (
	"iter"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// entry returns the product's row i as found by m.
func (p *product) entry(i int, m Match) Entry {
	var e Entry
	p.fill(&e, i, m)
	return e
}

// found fills e with the product's row i as found by m, and reports true.
func (p *product) found(e *Entry, i int, m Match) bool {
	p.fill(e, i, m)
	return true
}

// fill sets e, which must be the zero Entry, to the product's row i as
// found by m. It leaves the fields the row has no string for as they are:
// most rows have no key, hex code or edition.
func (p *product) fill(e *Entry, i int, m Match) {
	t := p.tables
	r := &t.Rows[i]
	en := &t.Texts[r.Texts[0]]
	// Field by field: assigning a composite literal to *e builds it first.
	e.Product, e.Match, e.Section, e.Code, e.Subcode = p.id, m, Section(r.Section), int(r.Code), int(r.Subcode)
	e.Message, e.Advice = p.str(en.Message), p.str(en.Advice)
	if r.Category != (schema.Str{}) {
		e.Category = Category(p.str(r.Category))
	}
	if r.Key != (schema.Str{}) {
		e.Key, e.DocKey, e.Hex = p.str(r.Key), p.str(r.DocKey), p.str(r.Hex)
	} else if r.Hex != (schema.Str{}) {
		e.Hex = p.str(r.Hex)
	}
	if r.Edition != (schema.Str{}) {
		e.Edition = p.str(r.Edition)
	}
	e.rec, e.row = p, r
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
	// Small enough to inline: the caller's Entry is filled in place.
	ok = lookup(&e, p, code, subcode)
	return e, ok
}

// lookup is Lookup, writing the entry to e.
func lookup(e *Entry, p Product, code, subcode int) bool {
	if !p.valid() {
		return false
	}
	rec := &products[p]
	if k, ok := schema.PairKey(code, subcode); ok {
		if i, ok := rec.tables.Index.Exact.Find(k); ok {
			rec.fill(e, i, MatchExact)
			return true
		}
	}
	return rec.fallback(e, code, subcode)
}

// fallback is Lookup after the exact step, writing the entry to e: the
// steps that find another row than the pair's own.
func (p *product) fallback(e *Entry, code, subcode int) bool {
	if !p.NegativeCodes && (code < NoCode || subcode < NoSubcode) {
		return false
	}
	ix := &p.tables.Index
	k, inRange := schema.PairKey(code, subcode)
	if i, ok := ix.Aliases.Find(k); ok && inRange {
		return p.found(e, i, MatchAlias)
	}
	asked, anyCode := p.CodeOutcome(code), code == NoCode
	agrees := func(o uint8) bool { return anyCode || asked != 0 && o&^asked == 0 }
	hasSubcode := subcode != NoSubcode && subcode != 0
	// Another code's row can answer only a code of a class, or none.
	sub, subInRange := schema.CodeKey(subcode)
	bySubcode := (hasSubcode || anyCode && subcode != NoSubcode) && (anyCode || asked != 0) && subInRange
	if i, ok := ix.SubcodeRows.Find(sub); ok && hasSubcode && bySubcode && agrees(p.tables.Rows[i].Outcome) {
		return p.found(e, i, MatchSubcode)
	}
	// The facts table: the pair, then the subcode under any code.
	if i, ok := ix.Observed.Find(k); ok && inRange {
		return p.found(e, i, MatchObserved)
	}
	if i, ok := ix.AnyCode.Find(sub); ok && bySubcode && agrees(p.tables.Rows[i].Outcome) {
		return p.found(e, i, MatchObserved)
	}
	c, codeInRange := schema.CodeKey(code)
	if i, ok := ix.CodeRows.Find(c); ok && codeInRange && subcode != NoSubcode {
		return p.found(e, i, MatchCode)
	}
	// A fact under the code, for every subcode.
	if k, ok := schema.PairKey(code, NoSubcode); ok {
		if i, ok := ix.Observed.Find(k); ok {
			return p.found(e, i, MatchObserved)
		}
	}
	if subcode == NoSubcode && p.ExtraCodes && codeInRange {
		if i, ok := ix.SubcodeRows.Find(c); ok {
			return p.found(e, i, MatchSubcode)
		}
	}
	if p.SBCRule && hasSubcode {
		if sbc, o, ok := sbcEntry(p.id, code, subcode); ok && agrees(o) {
			*e = sbc
			return true
		}
	}
	// A generic subcode answers under a code; the generic subcode 0 only
	// for its own key, a result that carries no code.
	if i, ok := ix.GenericSubcodes.Find(sub); ok && bySubcode && agrees(p.tables.Rows[i].Outcome) {
		return p.found(e, i, MatchGenericSubcode)
	}
	if i, ok := ix.GenericCodes.Find(c); ok && codeInRange {
		return p.found(e, i, MatchGenericCode)
	}
	if code >= 200 && code < 700 {
		if i := ix.Class[code/100]; i >= 0 {
			return p.found(e, int(i), MatchClass)
		}
	}
	return false
}

// LookupSection returns the row of one section of a product's documentation
// whose key is exactly (code, subcode), such as the Calling SDK client error
// row where the call end row shares its key.
func LookupSection(p Product, s Section, code, subcode int) (Entry, bool) {
	if !p.valid() {
		return Entry{}, false
	}
	rec := p.record()
	for i := range rec.tables.Rows {
		r := &rec.tables.Rows[i]
		if Section(r.Section) == s && int(r.Code) == code && int(r.Subcode) == subcode {
			return rec.entry(i, MatchExact), true
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
		rec := p.record()
		for i := range rec.tables.Rows {
			r := &rec.tables.Rows[i]
			if int(r.Code) != code || r.Section == schema.SectionClass || r.Section == schema.SectionObserved {
				continue
			}
			if !yield(rec.entry(i, MatchExact)) {
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
		rec := p.record()
		for i := range rec.tables.Rows {
			if !yield(rec.entry(i, MatchExact)) {
				return
			}
		}
	}
}
