package explain

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/internal/codetext"
	"github.com/rtccodes/rtccodes/internal/schema"
)

// textPatterns are the codes a line of text can carry.
type textPatterns struct {
	// diagCode is a DiagCode in any case: "diagcode: 500#3003.@".
	diagCode *regexp.Regexp
	// codeField is a code field: "code: 403", "subCode=10391",
	// "\"extraCode\": 70001", "ParticipantEndSubCode: 560486", "_code: 0",
	// "extraCode -8".
	codeField *regexp.Regexp
	// roomEntry is a TRTC room entry failure with its result code:
	// "Join room failed result: 10006 error: ...".
	roomEntry *regexp.Regexp
	// hexCode is a code in hexadecimal: "0x4004".
	hexCode *regexp.Regexp
	// keyWord is a word that may be a TRTC key: "JOIN_ROOM_FAILED".
	keyWord *regexp.Regexp
	// rtcError is a TRTC RtcError's toString: "KEY: message thrown from fn()".
	rtcError *regexp.Regexp
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
			codeField: regexp.MustCompile(`(?i)(?:^|[^a-z0-9])_?(participantend(?:reason|subcode)|sub_?code|extra_?code|code)["']?(?:\s*[:=]\s*|\s+)["']?(-?(?:0x[0-9a-f]+|\d+))\b`),
			roomEntry: regexp.MustCompile(`(?i)join\s*room\s*failed.*?\bresult\s*[:=]\s*(-?\d+)`),
			hexCode:   regexp.MustCompile(`\b0[xX][0-9a-fA-F]{4}\b`),
			keyWord:   regexp.MustCompile(`\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b`),
			rtcError:  regexp.MustCompile(`^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+: .* thrown from [A-Za-z_$][\w$.]*\(\)\.?$`),
		}
	})
	return &patterns.textPatterns
}

// Line explains a line of text as services log it or users paste it:
// a DiagCode ("diagcode: 500#3003.@"), code and subcode fields in any case
// and punctuation ("code:403, subCode:10391", "subcode: 3003"), TRTC keys,
// hexadecimal codes and messages among other words or scripts, and a TRTC
// room entry failure with its result ("Join room failed result: 10006").
// The line's own words choose the product: a product's name (TRTC, PSTN,
// Call Automation, ...) or a Call Automation event name; otherwise the
// product that answers most precisely. A line with none of these is
// ErrNoCodes. As product p when p is not 0; a p that is not a product is
// an error.
func Line(p rtccodes.Product, line string) (Explanation, error) {
	if p != 0 && !valid(p) {
		return Explanation{}, fmt.Errorf("rtccodes: %v is not a product", p)
	}
	line = strings.TrimSpace(line)
	x := Explanation{Message: line}
	var named []rtccodes.Product
	why := "given"
	if p != 0 {
		named = []rtccodes.Product{p}
	} else {
		named, why = productNamedIn(line)
		if len(named) == 0 && rtcErrorString(line) {
			// An RtcError's toString: its name, a key, names its SDK.
			name, _, _ := strings.Cut(line, ": ")
			for _, q := range productsWith(func(q *schema.Product) bool { return q.NamedByKey }) {
				if e, ok := rtccodes.LookupString(q, name); ok && e.Match == rtccodes.MatchKey {
					named, why = []rtccodes.Product{q}, "the RtcError name "+name
					break
				}
			}
		}
	}
	c := codesIn(line)
	if c.found {
		x.Code, x.Subcode, x.HasCode, x.HasSubcode = c.code, c.sub, c.hasCode, c.hasSub
		candidates := rtccodes.Products()
		switch {
		case len(named) > 0:
			candidates, x.Inferred = named, why
		case c.hasExtra || c.how == howRoomEntry:
			candidates, x.Inferred = productsWith(func(q *schema.Product) bool { return q.ExtraCodes }), c.how
		case c.callLog:
			candidates = callLogCandidates(inferredFrom(schema.ShapeCallLog), c.sub, c.hasSub)
			x.Inferred = "ParticipantEndReason (a call log record)"
		default:
			x.Inferred = c.how + "; the product that answers most precisely"
		}
		if c.hasExtra && decl(candidates[0]).ExtraCodes {
			x.Subcode, x.HasSubcode = c.extra, true
		}
		x.Product = candidates[0]
		q := x.question()
		q.Products = candidates
		if answers := rtccodes.Resolve(q); len(answers) > 0 {
			x.Product, x.Entry, x.Found = answers[0].Product, answers[0], true
			x.noteCodeChose(candidates)
		}
		return x, nil
	}
	// TRTC keys, hexadecimal codes and messages, among other words.
	for _, q := range productsWith(func(q *schema.Product) bool { return q.HexCodes || q.ExtraCodes }) {
		if len(named) > 0 && !slices.Contains(named, q) || len(named) == 0 && decl(q).ContextKeys {
			continue // a key that other software uses too answers only where the line names its product
		}
		for _, w := range append(textPattern().keyWord.FindAllString(line, -1), textPattern().hexCode.FindAllString(line, -1)...) {
			if e, ok := rtccodes.LookupString(q, w); ok {
				x.Product, x.Code, x.HasCode, x.Entry, x.Found, x.Inferred = q, e.Code, e.HasCode, e, true, "the "+e.Match.String()+" "+w
				return x, nil
			}
		}
	}
	// A message other software writes too (AbortError, "publish timeout")
	// answers only where the line names its product or the caller chose it.
	for _, e := range rtccodes.Resolve(rtccodes.Question{Products: named, Text: line}) {
		if e.Match == rtccodes.MatchMessage {
			x.Product, x.Code, x.HasCode, x.Entry, x.Found, x.Inferred = e.Product, e.Code, e.HasCode, e, true, "the message"
			return x, nil
		}
	}
	if len(named) == 0 {
		for _, q := range rtccodes.Products() {
			if e, ok := rtccodes.LookupString(q, line); ok && e.Match == rtccodes.MatchMessage {
				x.Notes = append(x.Notes, fmt.Sprintf("%v documents %q (%s); the line does not name %v", q, e.Key, e.Message, q))
			}
		}
		if len(x.Notes) > 0 {
			return x, nil // not found, and why
		}
	}
	return Explanation{}, ErrNoCodes
}

// rtcErrorString reports whether a line is a TRTC RtcError as its
// toString writes it: its name, a key, then its message, which names the
// function that threw it ("DEVICE_ERROR: ... thrown from
// startLocalAudio()").
func rtcErrorString(line string) bool {
	return textPattern().rtcError.MatchString(line)
}

// lineCodes are the codes a line carries, and how they were read.
type lineCodes struct {
	code, sub, extra          int
	hasCode, hasSub, hasExtra bool
	found                     bool
	callLog                   bool // read from ParticipantEndReason or ParticipantEndSubCode
	how                       string
}

// How a line's codes were read.
const (
	howRoomEntry = "a TRTC room entry result"
	howPair      = "a pair"
)

// codesIn reads the codes a line carries: a line of one or two numbers (a
// pair, as every door reads it), a DiagCode, a TRTC room entry result, or
// code, subcode and extra code fields; a hexadecimal code is the code of
// an extra code field that has none.
func codesIn(line string) lineCodes {
	var c lineCodes
	if code, sub, hasSub, ok := codetext.Pair(line); ok {
		return lineCodes{code: code, sub: sub, hasCode: true, hasSub: hasSub, found: true, how: howPair}
	}
	if m := textPattern().diagCode.FindStringSubmatch(line); m != nil {
		code, err1 := codetext.Parse(m[1])
		sub, err2 := codetext.Parse(m[2])
		if err1 == nil && err2 == nil {
			return lineCodes{code: code, sub: sub, hasCode: true, hasSub: true, found: true, how: "a DiagCode"}
		}
	}
	if m := textPattern().roomEntry.FindStringSubmatch(line); m != nil {
		if r, err := codetext.Parse(m[1]); err == nil {
			if code, ok := roomEntryCode(); ok {
				return lineCodes{code: code, sub: r, extra: r, hasCode: true, hasSub: true, hasExtra: true, found: true, how: howRoomEntry}
			}
		}
	}
	c.how = "code fields"
	for _, m := range textPattern().codeField.FindAllStringSubmatch(line, -1) {
		n, err := codetext.Parse(strings.ToLower(m[2]))
		if err != nil {
			continue
		}
		switch name := strings.ToLower(strings.ReplaceAll(m[1], "_", "")); {
		case name == "code" || name == "participantendreason":
			if !c.hasCode {
				c.code, c.hasCode, c.found = n, true, true
				c.callLog = c.callLog || name == "participantendreason"
			}
		case name == "subcode" || name == "participantendsubcode":
			if !c.hasSub {
				c.sub, c.hasSub, c.found = n, true, true
				c.callLog = c.callLog || name == "participantendsubcode"
			}
		case name == "extracode":
			if !c.hasExtra {
				c.extra, c.hasExtra, c.found = n, true, true
			}
		}
	}
	if c.hasExtra && !c.hasCode {
		// "TRTC error 0x4001 extraCode -8": the hexadecimal code is the code.
		if h := textPattern().hexCode.FindString(line); h != "" {
			if n, err := codetext.Parse(h); err == nil {
				c.code, c.hasCode = n, true
			}
		}
	}
	return c
}

// productNamedIn returns the products a line names, and the words that
// name them: a product's name as a word ("TRTCWeb", "Call Automation",
// "PSTN"), the family a product's name also names (TRTC: the 4.x and 5.x
// SDKs, told apart by their codes), an event type of
// Microsoft.Communication or an event name of a product's rows
// (CallConnected, AddParticipantFailed).
func productNamedIn(line string) ([]rtccodes.Product, string) {
	lower := strings.ToLower(line)
	words := strings.FieldsFunc(lower, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_')
	})
	for _, p := range rtccodes.Products() {
		if name, ok := decl(p).NamedIn(line); ok {
			if family := decl(p).Family; family != "" && !strings.Contains(strings.ToLower(strings.ReplaceAll(line, " ", "")), strings.ToLower(p.String())) {
				return productsWith(func(q *schema.Product) bool { return q.Family == family }), "the words " + name
			}
			return []rtccodes.Product{p}, "the words " + name
		}
	}
	if strings.Contains(lower, "microsoft.communication.") {
		if ps := inferredFrom(schema.ShapeResult); len(ps) > 0 {
			return ps[:1], "the event type"
		}
	}
	events := eventProducts()
	for _, w := range words {
		if p, ok := events[w]; ok {
			return []rtccodes.Product{p}, "the event " + w
		}
	}
	// An event name the tables do not list, such as PlayFailed, is Call
	// Automation's too.
	for _, w := range strings.FieldsFunc(line, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) {
		if eventLike(w) {
			if ps := inferredFrom(schema.ShapeResult); len(ps) > 0 {
				return ps[:1], "the event " + w
			}
		}
	}
	return nil, ""
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

// eventNames maps the lower-case event names of every product's rows to
// the product; built on first use.
var eventNames struct {
	once sync.Once
	m    map[string]rtccodes.Product
}

func eventProducts() map[string]rtccodes.Product {
	eventNames.once.Do(func() {
		eventNames.m = map[string]rtccodes.Product{}
		for _, p := range rtccodes.Products() {
			for e := range rtccodes.All(p) {
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
	for _, p := range rtccodes.Products() {
		for e := range rtccodes.All(p) {
			if e.Section == rtccodes.SectionRoomEntry {
				return e.Code, true
			}
		}
	}
	return 0, false
}
