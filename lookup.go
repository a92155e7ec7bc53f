package rtccodes

//go:generate go run ./internal/gen

import (
	"iter"
	"sync"
	"sync/atomic"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// pairKey packs a (code, subcode) pair into one map key, so that lookups use
// the runtime's fast path for 64-bit keys. It reports false for a pair outside
// the int32 range, which no table has.
func pairKey(code, subcode int) (uint64, bool) {
	if int(int32(code)) != code || int(int32(subcode)) != subcode {
		return 0, false
	}
	return uint64(uint32(code))<<32 | uint64(uint32(subcode)), true
}

// mustKey is pairKey for the generated rows, which are all in range.
func mustKey(code, subcode int) uint64 {
	k, _ := pairKey(code, subcode)
	return k
}

// index is a product's lookup structure, built from its rows on the
// product's first lookup.
type index struct {
	once        sync.Once
	ready       atomic.Bool      // set once build is done
	entries     []Entry          // the rows as exact matches, by row index
	exact       map[uint64]int32 // by pairKey
	aliases     map[uint64]int32 // by pairKey
	codeRows    map[int]int32    // the rows without subcode, by code
	subcodes    map[int]subcodeRows
	genericCode map[int]int32
	observed    map[uint64]int32 // the facts under a code, by pairKey (NoSubcode: every subcode)
	anyCode     map[int]int32    // the facts under any code, by subcode
	class       [7]int32         // by code/100; -1 for none
	outcomes    []outcome        // what each row says of the call, by row index
}

// subcodeRows are the rows a subcode finds when its pair has no row of its
// own, one map lookup for both: the row of the one code that documents it
// (MatchSubcode), and its generic row (MatchGenericSubcode); -1 for none.
type subcodeRows struct{ only, generic int32 }

// index returns the product's index, building it on first use.
func (p *product) index() *index {
	if !p.ix.ready.Load() {
		p.ix.once.Do(func() {
			p.build()
			p.ix.ready.Store(true)
		})
	}
	return &p.ix
}

// build builds the product's index from its rows.
func (p *product) build() {
	ix, rows := &p.ix, p.rows
	ix.entries = make([]Entry, len(rows))
	for i := range rows {
		r := &rows[i]
		ix.entries[i] = Entry{
			Product: p.id, Match: MatchExact, Section: Section(r.Section), Code: r.Code, Subcode: r.Subcode,
			Message: r.Texts[0].Message, Advice: r.Texts[0].Advice, Category: Category(r.Category),
			Key: r.Key, DocKey: r.DocKey, Hex: r.Hex, Edition: r.Edition, row: r,
		}
	}
	ix.exact = make(map[uint64]int32, len(rows))
	ix.codeRows = map[int]int32{}
	ix.subcodes = map[int]subcodeRows{}
	ix.genericCode = map[int]int32{}
	ix.observed = map[uint64]int32{}
	ix.anyCode = map[int]int32{}
	for i := range ix.class {
		ix.class[i] = -1
	}
	subcodeCode := map[int]int{}
	for i := range rows {
		r := &rows[i]
		k := mustKey(r.Code, r.Subcode)
		switch r.Section {
		case schema.SectionClass:
			ix.class[r.Code/100] = int32(i)
			continue
		case schema.SectionGenericCode:
			ix.genericCode[r.Code] = int32(i)
			continue
		case schema.SectionGenericSubcode:
			ix.subcodes[r.Subcode] = subcodeRows{only: -1, generic: int32(i)}
			continue
		case schema.SectionMessage:
			continue
		case schema.SectionObserved:
			if r.Code == NoCode {
				ix.anyCode[r.Subcode] = int32(i)
			} else {
				ix.observed[k] = int32(i)
			}
			continue
		}
		if old, ok := ix.exact[k]; !ok || r.Section == p.Preferred && rows[old].Section != p.Preferred {
			ix.exact[k] = int32(i)
		}
		if r.Subcode == NoSubcode {
			ix.codeRows[r.Code] = ix.exact[k]
			continue
		}
		if c, seen := subcodeCode[r.Subcode]; !seen {
			subcodeCode[r.Subcode] = r.Code
		} else if c != r.Code {
			subcodeCode[r.Subcode] = NoCode
		}
	}
	for s, c := range subcodeCode {
		if c == NoCode {
			continue
		}
		sr, ok := ix.subcodes[s]
		if !ok {
			sr.generic = -1
		}
		sr.only = ix.exact[mustKey(c, s)]
		ix.subcodes[s] = sr
	}
	ix.outcomes = p.rowOutcomes()
	if len(p.aliases) > 0 {
		ix.aliases = make(map[uint64]int32, len(p.aliases))
		for _, a := range p.aliases {
			ix.aliases[mustKey(a.Code, a.Subcode)] = ix.exact[mustKey(a.TargetCode, a.TargetSubcode)]
		}
	}
}

func (ix *index) entry(i int32, m Match) Entry {
	e := ix.entries[i]
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
func Lookup(p Product, code, subcode int) (Entry, bool) {
	if !p.valid() {
		return Entry{}, false
	}
	rec := p.record()
	if !rec.NegativeCodes && (code < NoCode || subcode < NoSubcode) {
		return Entry{}, false
	}
	ix := rec.index()
	k, inRange := pairKey(code, subcode)
	if i, ok := ix.exact[k]; ok && inRange {
		return ix.entries[i], true
	}
	return rec.fallback(code, subcode)
}

// fallback is Lookup after the exact step: the steps that find another row
// than the pair's own.
func (p *product) fallback(code, subcode int) (Entry, bool) {
	ix := &p.ix
	k, inRange := pairKey(code, subcode)
	if len(ix.aliases) > 0 && inRange {
		if i, ok := ix.aliases[k]; ok {
			return ix.entry(i, MatchAlias), true
		}
	}
	asked, anyCode := p.outcomeOf(code), code == NoCode
	agrees := func(o outcome) bool { return anyCode || asked != 0 && o&^asked == 0 }
	hasSubcode := subcode != NoSubcode && subcode != 0
	// Another code's row can answer only a code of a class, or none.
	bySubcode := (hasSubcode || anyCode && subcode != NoSubcode) && (anyCode || asked != 0)
	sr := subcodeRows{only: -1, generic: -1}
	if bySubcode {
		if r, ok := ix.subcodes[subcode]; ok {
			sr = r
		}
	}
	if hasSubcode && sr.only >= 0 && agrees(ix.outcomes[sr.only]) {
		return ix.entry(sr.only, MatchSubcode), true
	}
	// The facts table: the pair, then the subcode under any code.
	if len(ix.observed) > 0 && inRange {
		if i, ok := ix.observed[k]; ok {
			return ix.entry(i, MatchObserved), true
		}
	}
	if len(ix.anyCode) > 0 && bySubcode {
		if i, ok := ix.anyCode[subcode]; ok && agrees(ix.outcomes[i]) {
			return ix.entry(i, MatchObserved), true
		}
	}
	if subcode != NoSubcode {
		if i, ok := ix.codeRows[code]; ok {
			return ix.entry(i, MatchCode), true
		}
	}
	// A fact under the code, for every subcode.
	if len(ix.observed) > 0 {
		if k, ok := pairKey(code, NoSubcode); ok {
			if i, ok := ix.observed[k]; ok {
				return ix.entry(i, MatchObserved), true
			}
		}
	}
	if subcode == NoSubcode && p.ExtraCodes {
		if r, ok := ix.subcodes[code]; ok && r.only >= 0 {
			return ix.entry(r.only, MatchSubcode), true
		}
	}
	if p.SBCRule && hasSubcode {
		if e, o, ok := sbcEntry(p.id, code, subcode); ok && agrees(o) {
			return e, true
		}
	}
	// A generic subcode answers under a code; the generic subcode 0 only
	// for its own key, a result that carries no code.
	if sr.generic >= 0 && agrees(ix.outcomes[sr.generic]) {
		return ix.entry(sr.generic, MatchGenericSubcode), true
	}
	if len(ix.genericCode) > 0 {
		if i, ok := ix.genericCode[code]; ok {
			return ix.entry(i, MatchGenericCode), true
		}
	}
	if code >= 200 && code < 700 {
		if i := ix.class[code/100]; i >= 0 {
			return ix.entry(i, MatchClass), true
		}
	}
	return Entry{}, false
}

// outcome is what a code or a row says of the call or request: a success, a
// failure, both (a row whose code and category disagree) or neither (0).
type outcome uint8

const (
	outcomeSuccess outcome = 1 << iota
	outcomeFailure
)

// httpOutcome is the outcome of an ACS code, which follows HTTP and SIP: 0
// and 2xx succeed, 4xx, 5xx and 6xx fail, the others say neither.
func httpOutcome(code int) outcome {
	switch {
	case code == 0 || code >= 200 && code < 300:
		return outcomeSuccess
	case code >= 400 && code < 700:
		return outcomeFailure
	}
	return 0
}

// categoryOutcome is the outcome a result category states.
func categoryOutcome(c Category) outcome {
	switch c {
	case "":
		return 0
	case Success:
		return outcomeSuccess
	}
	return outcomeFailure
}

// outcomeOf is what a code of the product says of the call: every code of a
// product whose codes are all errors fails, the others follow httpOutcome.
func (p *product) outcomeOf(code int) outcome {
	if p.AllErrors {
		return outcomeFailure
	}
	return httpOutcome(code)
}

// rowOutcomes returns what each row says of the call: its code's outcome and
// its category's. A generic subcode, which has no code, says what the rows
// with that subcode under a code say.
func (p *product) rowOutcomes() []outcome {
	rows := p.rows
	out := make([]outcome, len(rows))
	bySubcode := map[int]outcome{}
	for i := range rows {
		r := &rows[i]
		if r.Code != NoCode {
			out[i] = p.outcomeOf(r.Code)
		}
		out[i] |= categoryOutcome(Category(r.Category))
		if r.Code != NoCode && r.Subcode != NoSubcode {
			bySubcode[r.Subcode] |= out[i]
		}
	}
	for i := range rows {
		if r := &rows[i]; r.Section == schema.SectionGenericSubcode {
			out[i] |= bySubcode[r.Subcode]
		}
	}
	return out
}

// LookupSection returns the row of one section of a product's documentation
// whose key is exactly (code, subcode), such as the Calling SDK client error
// row where the call end row shares its key.
func LookupSection(p Product, s Section, code, subcode int) (Entry, bool) {
	if !p.valid() {
		return Entry{}, false
	}
	rec := p.record()
	ix := rec.index()
	for i := range rec.rows {
		r := &rec.rows[i]
		if Section(r.Section) == s && r.Code == code && r.Subcode == subcode {
			return ix.entry(int32(i), MatchExact), true
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
		ix := rec.index()
		for i := range rec.rows {
			r := &rec.rows[i]
			if r.Code != code || r.Section == schema.SectionClass || r.Section == schema.SectionObserved {
				continue
			}
			if !yield(ix.entry(int32(i), MatchExact)) {
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
		ix := p.record().index()
		for i := range ix.entries {
			if !yield(ix.entry(int32(i), MatchExact)) {
				return
			}
		}
	}
}
