package rtccodes

//go:generate go run ./internal/gen

import (
	"fmt"
	"iter"
	"strconv"
	"strings"

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
	rowsUnder           func(code int) bool            // whether documented rows of a subcode stand under a code
	class               [7]*Entry                      // the class rows, by code/100
	messages            []*Entry                       // the rows known by a message, longest message first
}

// outcome is what the product's document says the code means for the call.
func (p *product) outcome(code int) Outcome { return outcomeOf(p.DocumentedOutcome(code)) }

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
// no question: false). It is Resolve's shorthand for one product.
//
// It tries the documented row, another spelling of it, the subcode under
// another code, the facts table, the code's own row, PSTN's SBC rule, Call
// Automation's generic tables, the code's class, and the rows under the
// code; Entry.Match says which answered. A row of another code answers
// only when its outcome is the code's: 400/8535 is "Invalid File Format",
// 200/9998 the class "Successful responses (200-299)". docs/answers.md has
// the whole chain.
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
		*e = *r
		e.Match = MatchExact
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
	e.Match = m
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
	// A row of another code, or of none, answers a code only where its
	// outcome is the code's (agrees).
	asked := OutcomeUnknown
	if q.hasCode {
		asked = outcomeOf(p.CodeOutcome(code))
	}
	agrees := func(o Outcome) bool { return !q.hasCode || asked != OutcomeUnknown && o == asked }
	rowAgrees := func(r *Entry) bool { return r != nil && agrees(r.Outcome) }
	bySubcode := p.bySubcode(q)
	if bySubcode && subcode != 0 {
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
	if p.SBCRule && q.hasSubcode && subcode != 0 {
		if sip, direction, ok := sbcResponse(subcode); ok && agrees(outcomeOf(p.CodeOutcome(sip.Code))) {
			return sbcEntry(p.id, q, sip, direction), MatchSBCRule
		}
	}
	// Call Automation's generic subcode 0 is "Success": it answers 0/0,
	// which nothing else of Call Automation's documents.
	if bySubcode || both && code == 0 && subcode == 0 {
		if r := find(p.genericSubcode, subcode); rowAgrees(r) {
			return r, MatchGenericSubcode
		}
	}
	if q.hasCode {
		if r := find(p.genericCode, code); r != nil {
			return r, MatchGenericCode
		}
		if r := p.classOf(code); r != nil {
			return r, MatchClass
		}
		// A product without a class of the code (PSTN; code 0): its rows
		// under the code, counted.
		if r := p.codeRows(code); r != nil {
			if q.hasSubcode && code == 0 && !p.AllErrors {
				// The rows of other subcodes say nothing of this one: code 0
				// has no class of its own.
				r.Outcome = OutcomeUnknown
			}
			return r, MatchCodeRows
		}
	}
	return nil, MatchNone
}

// bySubcode reports whether a row of another code, or of none, may answer
// the question by its subcode: a subcode asked without code; or a subcode
// other than 0 under a code that has an outcome, other than 0. Code 0 has
// no class of its own (the Calling SDK documents successes and failures
// under it): only the rows and facts that name code 0 answer it.
func (p *product) bySubcode(q pair) bool {
	switch {
	case !q.hasSubcode:
		return false
	case !q.hasCode:
		return true
	}
	return q.subcode != 0 && p.CodeOutcome(q.code) != 0 && (q.code != 0 || p.AllErrors)
}

// classOf returns the row of the code's class (2xx, 4xx, 5xx, 6xx), or nil.
func (p *product) classOf(code int) *Entry {
	if code >= 200 && code < 700 {
		return p.class[code/100]
	}
	return nil
}

// codeRows returns the entry that counts the documented rows under a code
// that has no row of its own, or nil when no row has the code. Its outcome
// is the rows' where they agree, else unknown, and its message names the
// subcodes of the other outcome: "Code 0 has no row of its own. The
// documents list 10 rows under it: 8 successes, and failures for
// subcodes 4521 and 5317."
func (p *product) codeRows(code int) *Entry {
	if p.rowsUnder == nil || !p.rowsUnder(code) {
		return nil
	}
	var count [3]int // by outcome: unknown, success, failure
	var subcodes [3][]string
	for _, r := range p.rows {
		if r.HasCode && r.Code == code && r.HasSubcode && r.Section != SectionObserved && r.Section != SectionGenericSubcode {
			i := outcomeIndex(r.Outcome)
			count[i]++
			subcodes[i] = append(subcodes[i], strconv.Itoa(r.Subcode))
		}
	}
	n := count[0] + count[1] + count[2]
	if n == 0 {
		return nil
	}
	e := &Entry{Product: p.id, Section: SectionCodeRows, Code: code, HasCode: true, Outcome: OutcomeUnknown,
		Advice: "Look the code up with its subcode: each row has its own message and advice.", details: &codeRowsDetails}
	e.Message = fmt.Sprintf("Code %d has no row of its own. The documents list %d %s under it", code, n, plural(n, "row", "rows"))
	names := [3]string{"of unknown outcome", "successes", "failures"}
	for i, o := range []Outcome{OutcomeUnknown, OutcomeSuccess, OutcomeFailure} {
		if count[i] == n {
			one := [3]string{"of unknown outcome", "a success", "a failure"}[i]
			if class := outcomeOf(p.CodeOutcome(code)); class == OutcomeUnknown || class == o {
				e.Outcome = o // rows that contradict the code's class leave it unknown
			}
			e.Message += ", " + plural(n, one, "all "+names[i]) + "."
			return e
		}
	}
	// Mixed: the most common outcome by count, the others by subcode.
	major := 1
	if count[2] > count[1] {
		major = 2
	}
	e.Message += fmt.Sprintf(": %d %s", count[major], names[major])
	for i := range 3 {
		if i != major && count[i] > 0 {
			e.Message += fmt.Sprintf(", %s for %s %s", names[i], plural(count[i], "subcode", "subcodes"), joinAnd(subcodes[i]))
		}
	}
	e.Message += "."
	return e
}

// codeRowsDetails are the details of every code rows entry: its only text is
// its own English Message and Advice.
var codeRowsDetails = details{}

// outcomeOf is the Outcome of an outcome internal/schema declares.
func outcomeOf(o uint8) Outcome {
	switch o {
	case schema.OutcomeSuccess:
		return OutcomeSuccess
	case schema.OutcomeFailure:
		return OutcomeFailure
	}
	return OutcomeUnknown
}

// outcomeIndex numbers an outcome: 0 unknown, 1 success, 2 failure.
func outcomeIndex(o Outcome) int {
	switch o {
	case OutcomeSuccess:
		return 1
	case OutcomeFailure:
		return 2
	}
	return 0
}

// plural returns one or many as n is 1 or not.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// joinAnd joins words as a sentence lists them: "a", "a and b", "a, b and c".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
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
