package rtccodes

import (
	"regexp"
	"strings"
	"sync"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// textPatterns are the codes a line of text can carry.
type textPatterns struct {
	// diagCode is a DiagCode in any case: "diagcode: 500#3003.@".
	diagCode *regexp.Regexp
	// codeField is a code field: "code: 403", "subCode=10391",
	// "\"extraCode\": 70001", "ParticipantEndSubCode: 560486", "_code: 0".
	codeField *regexp.Regexp
	// roomEntry is a TRTC room entry failure with its result code:
	// "Join room failed result: 10006 error: ...".
	roomEntry *regexp.Regexp
	// hexCode is a code in hexadecimal: "0x4004".
	hexCode *regexp.Regexp
	// keyWord is a word that may be a TRTC key: "JOIN_ROOM_FAILED".
	keyWord *regexp.Regexp
}

// patterns compiles the text patterns on first use: the package does no
// work when it is imported.
var patterns = struct {
	once sync.Once
	textPatterns
}{}

func textPattern() *textPatterns {
	patterns.once.Do(func() {
		patterns.textPatterns = textPatterns{
			diagCode:  regexp.MustCompile(`(?i)\bdiag_?code\s*[:=]?\s*(\d{1,9})#(\d{1,9})`),
			codeField: regexp.MustCompile(`(?i)(?:^|[^a-z0-9])_?(participantend(?:reason|subcode)|sub_?code|extra_?code|code)["']?\s*[:=]\s*["']?(-?(?:0x[0-9a-f]+|\d+))\b`),
			roomEntry: regexp.MustCompile(`(?i)join\s*room\s*failed.*?\bresult\s*[:=]\s*(-?\d+)`),
			hexCode:   regexp.MustCompile(`\b0[xX][0-9a-fA-F]{4}\b`),
			keyWord:   regexp.MustCompile(`\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b`),
		}
	})
	return &patterns.textPatterns
}

// ExplainText explains a line of text as services log it or users paste it:
// a DiagCode ("diagcode: 500#3003.@"), code and subcode fields in any case
// and punctuation ("code:403, subCode:10391", "subcode: 3003"), TRTC keys,
// hexadecimal codes and messages among other words or scripts, and a TRTC
// room entry failure with its result ("Join room failed result: 10006").
// The line's own words choose the product: a product's name (TRTC, PSTN,
// Call Automation, ...) or a Call Automation event name; otherwise the
// product that answers most precisely. A line with none of these is
// ErrNoCodes. As product p when p is not 0.
func ExplainText(p Product, line string) (Explanation, error) {
	line = strings.TrimSpace(line)
	x := Explanation{Code: NoCode, Subcode: NoSubcode, Message: line}
	named, why := p, "given"
	if p == 0 {
		named, why = productNamedIn(line)
	}
	code, sub, extra, found, how := codesIn(line)
	switch {
	case found:
		x.Code, x.Subcode = code, sub
		candidates := Products()
		switch {
		case named != 0:
			candidates, x.Inferred = []Product{named}, why
		case extra != NoSubcode || how == "a TRTC room entry result":
			candidates, x.Inferred = productsWith(nil, func(q *product) bool { return q.ExtraCodes }), how
		default:
			x.Inferred = how + "; the product that answers most precisely"
		}
		if extra != NoSubcode && candidates[0].record().ExtraCodes {
			x.Subcode = extra
		}
		x.Product = candidates[0]
		for _, q := range candidates {
			if x.Subcode != NoSubcode && q.record().hasNoSubcodes() && len(candidates) > 1 {
				continue // a product whose codes have no subcodes (Chat, SMS) did not send this pair
			}
			if e, ok := Lookup(q, x.Code, x.Subcode); ok && (!x.Found || e.Match < x.Entry.Match) {
				x.Product, x.Entry, x.Found = q, e, true
			}
		}
		return x, nil
	}
	// TRTC keys, hexadecimal codes and messages, among other words.
	for _, q := range productsWith(nil, func(q *product) bool { return q.HexCodes || q.ExtraCodes }) {
		if named != 0 && named != q {
			continue
		}
		rec := q.record()
		for _, w := range append(textPattern().keyWord.FindAllString(line, -1), textPattern().hexCode.FindAllString(line, -1)...) {
			if e, ok := rec.lookupText(w); ok {
				x.Product, x.Code, x.Entry, x.Found, x.Inferred = q, e.Code, e, true, "the "+e.Match.String()+" "+w
				return x, nil
			}
		}
		if e, ok := rec.lookupText(line); ok {
			x.Product, x.Code, x.Entry, x.Found, x.Inferred = q, e.Code, e, true, "the message"
			return x, nil
		}
	}
	return Explanation{}, ErrNoCodes
}

// codesIn reads the codes a line carries: a DiagCode, a TRTC room entry
// result, or code, subcode and extra code fields.
func codesIn(line string) (code, sub, extra int, found bool, how string) {
	code, sub, extra = NoCode, NoSubcode, NoSubcode
	if m := textPattern().diagCode.FindStringSubmatch(line); m != nil {
		c, err1 := ParseCode(m[1])
		s, err2 := ParseCode(m[2])
		if err1 == nil && err2 == nil {
			return c, s, extra, true, "a DiagCode"
		}
	}
	if m := textPattern().roomEntry.FindStringSubmatch(line); m != nil {
		if r, err := ParseCode(m[1]); err == nil {
			if c, ok := roomEntryCode(); ok {
				return c, r, r, true, "a TRTC room entry result"
			}
		}
	}
	for _, m := range textPattern().codeField.FindAllStringSubmatch(line, -1) {
		n, err := ParseCode(strings.ToLower(m[2]))
		if err != nil {
			continue
		}
		switch name := strings.ToLower(strings.ReplaceAll(m[1], "_", "")); {
		case name == "code" || name == "participantendreason":
			if code == NoCode {
				code, found = n, true
			}
		case name == "subcode" || name == "participantendsubcode":
			if sub == NoSubcode {
				sub, found = n, true
			}
		case name == "extracode":
			if extra == NoSubcode {
				extra, found = n, true
			}
		}
	}
	return code, sub, extra, found, "code fields"
}

// productNamedIn returns the product a line names, and the words that name
// it: a product's name as a word ("TRTCWeb", "Call Automation", "PSTN"), an
// event type of Microsoft.Communication or an event name of a product's
// rows (CallConnected, AddParticipantFailed).
func productNamedIn(line string) (Product, string) {
	lower := strings.ToLower(line)
	words := strings.FieldsFunc(lower, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_')
	})
	joined := " " + strings.Join(words, " ") + " "
	for _, p := range Products() {
		for _, name := range productWords(p.record()) {
			if strings.Contains(joined, " "+name+" ") {
				return p, "the words " + name
			}
		}
	}
	if strings.Contains(lower, "microsoft.communication.") {
		if ps := inferredFrom(nil, schema.ShapeResult); len(ps) > 0 {
			return ps[0], "the event type"
		}
	}
	events := eventProducts()
	for _, w := range words {
		if p, ok := events[w]; ok {
			return p, "the event " + w
		}
	}
	// An event name the tables do not list, such as PlayFailed, is Call
	// Automation's too.
	for _, w := range strings.FieldsFunc(line, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) {
		if eventLike(w) {
			if ps := inferredFrom(nil, schema.ShapeResult); len(ps) > 0 {
				return ps[0], "the event " + w
			}
		}
	}
	return 0, ""
}

// eventLike reports whether a word is written as a Call Automation event
// name: two or more capitalized words ending in Failed, Completed,
// Connected, Disconnected, Started, Stopped, Canceled or Updated.
func eventLike(w string) bool {
	capitals := 0
	for _, r := range w {
		if r >= 'A' && r <= 'Z' {
			capitals++
		}
	}
	if capitals < 2 || w[0] < 'A' || w[0] > 'Z' || strings.ToUpper(w) == w {
		return false
	}
	for _, end := range []string{"Failed", "Completed", "Connected", "Disconnected", "Started", "Stopped", "Canceled", "Updated"} {
		if strings.HasSuffix(w, end) && len(w) > len(end) {
			return true
		}
	}
	return false
}

// productWords are the words that name a product in a line: its name, as
// one word and spaced ("callautomation", "call automation"), a short name of
// at most four letters (pstn, sms, trtc), and the spellings that say a
// vendor or an SDK (acschat, tencent, smssdk); not "calling" or
// "automation", which are words of their own.
func productWords(p *product) []string {
	out := []string{strings.ToLower(p.Name), spaced(p.Name)}
	if len(p.Short) <= 4 {
		out = append(out, p.Short)
	}
	for _, s := range p.Spellings {
		if strings.Contains(s, "sdk") || strings.Contains(s, "acs") || strings.Contains(s, "trtc") || strings.Contains(s, "tencent") {
			out = append(out, s)
		}
	}
	return out
}

// eventNames maps the lower-case event names of every product's rows to
// the product; built on first use.
var eventNames struct {
	once sync.Once
	m    map[string]Product
}

func eventProducts() map[string]Product {
	eventNames.once.Do(func() {
		eventNames.m = map[string]Product{}
		for _, p := range Products() {
			for e := range All(p) {
				for _, ev := range e.Events() {
					eventNames.m[strings.ToLower(ev)] = p
				}
			}
		}
	})
	return eventNames.m
}

// roomEntryCode returns the code that room entry errors come under (TRTC's
// JOIN_ROOM_FAILED, 0x4004): the code of the first room entry row.
func roomEntryCode() (int, bool) {
	for _, p := range Products() {
		for _, r := range p.record().rows {
			if r.Section == SectionRoomEntry {
				return r.Code, true
			}
		}
	}
	return 0, false
}

// spaced writes a Go name as words: "CallAutomation" is "call automation".
func spaced(name string) string {
	var b strings.Builder
	for i, r := range name {
		if i > 0 && r >= 'A' && r <= 'Z' && !(name[i-1] >= 'A' && name[i-1] <= 'Z') {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return strings.ToLower(b.String())
}

// productsWith appends to out the products whose record satisfies keep,
// in order.
func productsWith(out []Product, keep func(*product) bool) []Product {
	for i := range products {
		if p := Product(i); p.valid() && keep(p.record()) {
			out = append(out, p)
		}
	}
	return out
}

// hasNoSubcodes reports whether no subcode finds a row of the product's on
// its own (Chat, SMS).
func (p *product) hasNoSubcodes() bool {
	return p.subcodeRow == nil && p.genericSubcode == nil
}
