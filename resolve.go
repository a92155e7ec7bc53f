package rtccodes

import (
	"slices"
	"strings"

	"github.com/rtccodes/rtccodes/internal/codetext"
)

// Question is what a caller knows of an error, however it was read: a pair
// passed to Lookup, a string, a payload, a log line. Every one of them is
// answered by Resolve.
type Question struct {
	// Products are the products that may have sent the error, the likeliest
	// first; none means every product.
	Products []Product
	// Code and Subcode are the error's codes; HasCode and HasSubcode say
	// whether it carries them (a result may carry a subcode alone). A TRTC
	// extra code is the subcode.
	Code, Subcode       int
	HasCode, HasSubcode bool
	// Text is what else names the error: a TRTC key ("JOIN_ROOM_FAILED"), a
	// hexadecimal code ("0x4004") or an error message, which may carry a
	// DiagCode ("... DiagCode: 500#560500.@"). Without codes, the text is
	// the question, as LookupString reads it.
	Text string
	// Event is the type of the event that carried the codes, such as
	// "Microsoft.Communication.CallConnected": a row documented for other
	// events is not its meaning, and the code's own answer stands instead.
	Event string
}

// Resolve answers a question: for each of its products that can answer,
// the most precise entry; the most precise first (see Match), and of two
// as precise the product named first. A pair with a subcode is not
// answered by a product whose codes have none (Chat, SMS) when other
// products may have sent it. A message other software writes too
// (AbortError, "publish timeout"), asked as a text alone, answers only where
// the question chose the product or the text names it (TRTC, RtcError, ...);
// with codes, the codes are the evidence. It returns
// nothing when nothing answers. Lookup and LookupString are its shorthands
// for one product.
func Resolve(q Question) []Entry {
	candidates := q.Products
	if len(candidates) == 0 {
		candidates = Products()
	}
	var out []Entry
	for i, p := range candidates {
		if !p.valid() || slices.Contains(candidates[:i], p) {
			continue
		}
		if q.HasSubcode && len(candidates) > 1 && p.record().hasNoSubcodes() {
			continue // a product whose codes have no subcodes did not send this pair
		}
		e, ok := answer(p, &q)
		if ok && e.Match == MatchMessage && !q.HasCode && !q.HasSubcode && len(candidates) > 1 && !p.record().named(q.Text) {
			continue // a word other software uses too, and only the text could have named the product
		}
		if ok {
			if out == nil {
				out = make([]Entry, 0, min(2, len(candidates)-i)) // most questions have one or two answers
			}
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b Entry) int { return int(a.Match) - int(b.Match) })
	return out
}

// answer is one product's answer to a question.
func answer(p Product, q *Question) (Entry, bool) {
	if !p.valid() {
		return Entry{}, false
	}
	rec := p.record()
	if !q.HasCode && !q.HasSubcode {
		return rec.lookupString(q.Text)
	}
	var e Entry
	asked := pair{q.Code, q.Subcode, q.HasCode, q.HasSubcode}
	found := lookupPair(&e, p, asked)
	if q.Text != "" && (!found || e.Match > MatchAlias) {
		// A message's DiagCode answers where it says more.
		if code, sub, ok := codetext.DiagCode(q.Text); ok {
			var d Entry
			if lookupPair(&d, p, pair{code, sub, true, true}) && (!found || d.Match < e.Match) {
				e, found = d, true
			}
		}
	}
	if q.Text != "" && (!found || e.Match >= MatchClass) {
		// A TRTC error's message names it where its codes do not.
		if m, ok := rec.lookupText(q.Text); ok && m.Match == MatchMessage {
			e, found = m, true
		}
	}
	if found && q.Event != "" && !documentedFor(e, q.Event) {
		// A row documented for other events is not this event's meaning
		// (200/0 is "call ended" on CallDisconnected, not on
		// CallConnected): the code's own answer stands, when it is not
		// itself a row of other events.
		e, found = Entry{}, false
		if q.HasCode {
			var c Entry
			if lookupPair(&c, p, pair{code: q.Code, hasCode: true}) && len(c.details.events) == 0 {
				e, found = c, true
			}
		}
	}
	return e, found
}

// documentedFor reports whether an entry may be the meaning of an event: it
// documents no events, or the event is one of them. The event is a type
// ("Microsoft.Communication.CallConnected") or a name ("CallConnected").
func documentedFor(e Entry, event string) bool {
	events := e.details.events
	if len(events) == 0 {
		return true
	}
	name := event[strings.LastIndexByte(event, '.')+1:]
	return slices.ContainsFunc(events, func(ev string) bool { return strings.EqualFold(ev, name) })
}

// hasNoSubcodes reports whether no subcode finds a row of the product's on
// its own (Chat, SMS).
func (p *product) hasNoSubcodes() bool {
	return p.subcodeRow == nil && p.genericSubcode == nil
}

// named reports whether a text names the product (schema's NamedIn).
func (p *product) named(text string) bool {
	_, ok := p.NamedIn(text)
	return ok
}
