package explain

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/internal/codetext"
	"github.com/rtccodes/rtccodes/internal/schema"
)

// textPatterns are the codes a line of text can carry. Each is searched
// only in a line whose fold holds its words.
type textPatterns struct {
	// diagCode is a DiagCode in any case: "diagcode: 500#3003.@".
	diagCode *regexp.Regexp
	// roomEntry is a TRTC room entry failure with its result code:
	// "Join room failed result: 10006 error: ...".
	roomEntry *regexp.Regexp
	// rtcError is a TRTC RtcError's toString: "KEY: message thrown from fn()".
	rtcError *regexp.Regexp
	// keyWord is a word written as a TRTC key: a capital, then capitals
	// and digits joined by single '_' ("JOIN_ROOM_FAILED").
	keyWord *regexp.Regexp
}

// folded is a line in ASCII lower case, made once, in which the words its
// readers need are found fast: a reader runs only on a line that holds
// its words, which keeps lines without codes fast.
type folded []byte

// fold folds a line into buf where it fits, and reports whether the line
// is ASCII.
func fold(line string, buf []byte) (folded, bool) {
	low := buf[:0]
	if len(line) > cap(low) {
		low = make([]byte, len(line))
	}
	low = low[:len(line)]
	ascii := true
	for i := 0; i < len(line); i++ {
		low[i] = codetext.Lower(line[i])
		ascii = ascii && line[i] < 0x80
	}
	return low, ascii
}

// has reports whether the line holds word, lower-case ASCII, in any ASCII
// case. The letters of the words patterns need have no case but ASCII's:
// no other letter folds to them (as K folds to k).
func (f folded) has(words ...string) bool {
	for _, w := range words {
		if !bytes.Contains(f, []byte(w)) {
			return false
		}
	}
	return true
}

// keyWords returns the words of a text written as TRTC keys, in order.
func keyWords(s string) []string {
	if strings.IndexByte(s, '_') < 0 {
		return nil // every key has one
	}
	return textPattern().keyWord.FindAllString(s, -1)
}

// hexCodes returns the codes in hexadecimal of a line, in order: words of
// "0x" and four hexadecimal digits ("0x4004").
func hexCodes(line string) []string {
	var out []string
	for i := 0; i+6 <= len(line); i++ {
		if line[i] == '0' && line[i+1]|0x20 == 'x' && hexDigit(line[i+2]) && hexDigit(line[i+3]) && hexDigit(line[i+4]) && hexDigit(line[i+5]) &&
			(i == 0 || !wordByte(line[i-1])) && (i+6 == len(line) || !wordByte(line[i+6])) {
			out = append(out, line[i:i+6])
		}
	}
	return out
}

func hexDigit(c byte) bool { return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'f' }

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
			roomEntry: regexp.MustCompile(`(?i)join\s*room\s*failed.*?\bresult\s*[:=]\s*(-?\d+)`),
			rtcError:  regexp.MustCompile(`^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+: .* thrown from [A-Za-z_$][\w$.]*\(\)\.?$`),
			keyWord:   regexp.MustCompile(`\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b`),
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
	var buf [256]byte
	low, ascii := fold(line, buf[:])
	x := Explanation{Message: line, Context: Context{Time: leadingTime(line)}}
	var named []rtccodes.Product
	why := "given"
	if p != 0 {
		named = []rtccodes.Product{p}
	}
	nameDone := p != 0
	naming := func() { // the products the line names, read when they matter
		if nameDone {
			return
		}
		nameDone = true
		named, why = productNamedIn(line, low, ascii)
		x.EventType = eventNamedIn(line, low, why)
		if len(named) == 0 && rtcErrorString(line, low) {
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
	c := codesIn(line, low)
	if c.found {
		naming()
	}
	if c.found {
		x.Code, x.Subcode, x.HasCode, x.HasSubcode = c.code, c.sub, c.hasCode, c.hasSub
		var candidates []rtccodes.Product
		switch {
		case len(named) > 0:
			candidates, x.Inferred = named, why
		case c.hasExtra || c.how == howRoomEntry:
			candidates, x.Inferred = productsWith(func(q *schema.Product) bool { return q.ExtraCodes }), c.how
		case c.callLog:
			candidates = callLogCandidates(inferredFrom(schema.ShapeCallLog), c.sub, c.hasSub)
			x.Inferred = "ParticipantEndReason (a call log record)"
		default:
			candidates, x.Inferred = rtccodes.Products(), c.how+"; the product that answers most precisely"
		}
		if c.hex && c.hasExtra && p == 0 {
			// Only the 4.x SDK writes its codes in hexadecimal.
			if hex := slices.DeleteFunc(slices.Clone(candidates), func(q rtccodes.Product) bool { return !decl(q).HexCodes }); len(hex) > 0 && len(hex) < len(candidates) {
				candidates = hex
				x.Inferred += "; a hexadecimal code, which only " + hex[0].String() + " writes"
			}
		}
		if c.hasExtra && decl(candidates[0]).ExtraCodes {
			x.Subcode, x.HasSubcode = c.extra, true
		}
		x.Product = candidates[0]
		q := x.question()
		q.Products = candidates
		q.Event = x.EventType
		if answers := resolve(q); len(answers) > 0 {
			x.Product, x.Entry, x.Found = answers[0].Product, answers[0], true
			x.noteCodeChose(candidates)
			x.noteSilentSubcode()
		}
		x.noteEvent(x.Product)
		return x, nil
	}
	// TRTC keys, hexadecimal codes and messages, among other words.
	words := append(keyWords(line), hexCodes(line)...)
	keys := len(words) > 0
	messages := mayHoldMessage(low)
	if !keys && !messages {
		return Explanation{}, ErrNoCodes
	}
	naming()
	var keyed []rtccodes.Product // the products to look the line's keys and hex codes up in
	if keys {
		keyed = productsWith(func(q *schema.Product) bool { return q.HexCodes || q.ExtraCodes })
	}
	for _, q := range keyed {
		if len(named) > 0 && !slices.Contains(named, q) || len(named) == 0 && decl(q).ContextKeys {
			continue // a key that other software uses too answers only where the line names its product
		}
		for _, w := range words {
			if e, ok := rtccodes.LookupString(q, w); ok {
				x.Product, x.Code, x.HasCode, x.Entry, x.Found, x.Inferred = q, e.Code, e.HasCode, e, true, "the "+e.Match.String()+" "+w
				return x, nil
			}
		}
	}
	if !messages {
		return Explanation{}, ErrNoCodes
	}
	// A message other software writes too (AbortError, "publish timeout")
	// answers only where the line names its product or the caller chose it.
	for _, e := range resolve(rtccodes.Question{Products: named, Text: line}) {
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

// messageTexts are the texts of the rows known by their message (TRTC
// documents some of its errors so), lower case; made on first use.
func messageTexts() [][]byte {
	messages.once.Do(func() {
		for _, p := range rtccodes.Products() {
			for e := range rtccodes.All(p) {
				if e.Section == rtccodes.SectionMessage {
					messages.texts = append(messages.texts, []byte(strings.ToLower(e.Key)))
				}
			}
		}
	})
	return messages.texts
}

var messages struct {
	once  sync.Once
	texts [][]byte
}

// mayHoldMessage reports whether a line holds a message row's text, in
// any ASCII case, as messages are matched.
func mayHoldMessage(low folded) bool {
	for _, t := range messageTexts() {
		if bytes.Contains(low, t) {
			return true
		}
	}
	return false
}

// findIf is re's first match in line and its groups, searched if the line
// may hold one.
func findIf(may bool, re *regexp.Regexp, line string) []string {
	if !may {
		return nil
	}
	return re.FindStringSubmatch(line)
}

// rtcErrorString reports whether a line is a TRTC RtcError as its
// toString writes it: its name, a key, then its message, which names the
// function that threw it ("DEVICE_ERROR: ... thrown from
// startLocalAudio()").
func rtcErrorString(line string, low folded) bool {
	return line != "" && line[0] >= 'A' && line[0] <= 'Z' && low.has(" thrown from ") && textPattern().rtcError.MatchString(line)
}

// lineCodes are the codes a line carries, and how they were read.
type lineCodes struct {
	code, sub, extra          int
	hasCode, hasSub, hasExtra bool
	found                     bool
	callLog                   bool // read from ParticipantEndReason or ParticipantEndSubCode
	hex                       bool // the code is written in hexadecimal (0x4004), as only the TRTC Web SDK 4.x writes it
	how                       string
}

// How a line's codes were read.
const (
	howRoomEntry = "a TRTC room entry result"
	howPair      = "a pair"
	howDiagCode  = "a DiagCode"
	howFields    = "code fields"
)

// codesIn reads the codes a line carries: a line of one or two numbers (a
// pair, as every entry point reads it), a DiagCode, a TRTC room entry result, or
// code, subcode and extra code fields; a hexadecimal code is the code of
// an extra code field that has none.
func codesIn(line string, low folded) lineCodes {
	var c lineCodes
	if line != "" && (line[0] == '-' || line[0] >= '0' && line[0] <= '9') { // as every number starts
		if code, sub, hasSub, ok := codetext.Pair(line); ok {
			return lineCodes{code: code, sub: sub, hasCode: true, hasSub: hasSub, found: true, how: howPair}
		}
	}
	if m := findIf(low.has("#", "diag"), textPattern().diagCode, line); m != nil {
		code, err1 := codetext.Parse(m[1])
		sub, err2 := codetext.Parse(m[2])
		if err1 == nil && err2 == nil {
			if !responseCode(code) {
				// "500 Server Internal Error, subcode: 7106, diagcode:
				// 3003#7106": 3003 is no response code, the line states 500.
				if stated, ok := statedCode(line, low); ok {
					code = stated
				}
			}
			return lineCodes{code: code, sub: sub, hasCode: true, hasSub: true, found: true, how: howDiagCode}
		}
	}
	if m := findIf(low.has("join", "failed", "result"), textPattern().roomEntry, line); m != nil {
		if r, err := codetext.Parse(m[1]); err == nil {
			if code, ok := roomEntryCode(); ok {
				return lineCodes{code: code, sub: r, extra: r, hasCode: true, hasSub: true, hasExtra: true, found: true, how: howRoomEntry}
			}
		}
	}
	c.how = howFields
	codeFields(line, low, func(field, number string) {
		n, err := codetext.Bare(number)
		if err != nil {
			return
		}
		switch name := fieldName(field); {
		case name == "code" || name == "participantendreason":
			if !c.hasCode {
				c.code, c.hasCode, c.found = n, true, true
				c.hex = strings.HasPrefix(strings.TrimPrefix(number, "-"), "0x") || strings.HasPrefix(strings.TrimPrefix(number, "-"), "0X")
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
	})
	if c.hasExtra && !c.hasCode {
		// "TRTC error 0x4001 extraCode -8": the hexadecimal code is the code.
		if h := hexCodes(line); len(h) > 0 {
			if n, err := codetext.Parse(h[0]); err == nil {
				c.code, c.hasCode, c.hex = n, true, true
			}
		}
	}
	return c
}

// responseCode reports whether a code can be a response code of the ACS
// products: 0, or an HTTP or SIP status (100-699).
func responseCode(code int) bool { return code == 0 || code >= 100 && code <= 699 }

// statedCode returns the response code a line states outside its DiagCode:
// its first word, a number of 100-699, or its first code field.
func statedCode(line string, low folded) (int, bool) {
	first := line
	if i := strings.IndexAny(line, " \t,:"); i >= 0 {
		first = line[:i]
	}
	if n, err := codetext.Bare(first); err == nil && n >= 100 && n <= 699 {
		return n, true
	}
	code, found := 0, false
	codeFields(line, low, func(field, number string) {
		if n, err := codetext.Bare(number); err == nil && !found && fieldName(field) == "code" && responseCode(n) {
			code, found = n, true
		}
	})
	return code, found
}

// fieldName is the name of a code field codeFields found, in lower case
// without underscores, as the cases of codesIn spell it; "" for a name
// spelled otherwise (with ſ). codeFields finds only these names, so a
// name's first letter and length tell which it is.
func fieldName(field string) string {
	for i := 0; i < len(field); i++ {
		if field[i] >= utf8.RuneSelf {
			return ""
		}
	}
	switch field[0] | 0x20 {
	case 'c':
		return "code"
	case 's':
		return "subcode"
	case 'e':
		return "extracode"
	}
	if len(field) == len("participantendreason") {
		return "participantendreason"
	}
	return "participantendsubcode"
}

// productNamedIn returns the products a line names, and the words that
// name them: a product's name as a word ("TRTCWeb", "Call Automation",
// "PSTN"), the family a product's name also names (TRTC: the 4.x and 5.x
// SDKs, told apart by their codes), an event type of
// Microsoft.Communication or an event name of a product's rows
// (CallConnected, AddParticipantFailed).
func productNamedIn(line string, low folded, ascii bool) ([]rtccodes.Product, string) {
	text := []byte(low) // the line as names are read in it
	if !ascii {
		text = schema.Fold(line, make([]byte, 0, len(line)))
	}
	if d, name, ok := schema.NamedFolded(text); ok {
		p := productOf(d)
		if family := d.Family; family != "" && !containsFoldSpaced(low, strings.ToLower(p.String())) {
			if w, ok := schema.WordNamed(name); !ok || w.Product == family {
				return familyOf(p), "the words " + name // a name of the family: its codes tell the SDK
			}
		}
		return []rtccodes.Product{p}, "the words " + name
	}
	if low.has("microsoft.communication.") {
		if ps := inferredFrom(schema.ShapeResult); len(ps) > 0 {
			return ps[:1:1], "the event type"
		}
	}
	if p, name, ok := eventIn(text); ok {
		return []rtccodes.Product{p}, "the event " + name
	}
	// An event name the tables do not list, such as PlayFailed, is Call
	// Automation's too.
	if name, ok := eventLikeIn(line); ok {
		if ps := inferredFrom(schema.ShapeResult); len(ps) > 0 {
			return ps[:1:1], "the event " + name
		}
	}
	return nil, ""
}

// eventNamedIn returns the event a line names, as productNamedIn found it
// (why): its type after "Microsoft.Communication." or its name, as the line
// spells it; "" when no event named the product.
func eventNamedIn(line string, low folded, why string) string {
	name, ok := strings.CutPrefix(why, "the event ")
	if !ok {
		return ""
	}
	if name == "type" {
		const prefix = "microsoft.communication."
		i := strings.Index(string(low), prefix)
		if i < 0 || len(low) != len(line) {
			return ""
		}
		end := i + len(prefix)
		for end < len(line) && (isLetter(line[end]) || line[end] >= '0' && line[end] <= '9') {
			end++
		}
		return line[i:end]
	}
	if i := strings.Index(string(low), strings.ToLower(name)); i >= 0 && len(low) == len(line) {
		return line[i : i+len(name)]
	}
	return name
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// eventIn returns the first event name of the tables' rows in a folded
// line, a whole word of letters, digits, '.' and '_', and its product.
func eventIn(text []byte) (rtccodes.Product, string, bool) {
	first, name := len(text), ""
	for ev := range eventProducts() {
		for from := 0; from < first; {
			i := bytes.Index(text[from:], []byte(ev))
			if i < 0 || from+i >= first {
				break // none before the first found
			}
			i, end := from+i, from+i+len(ev)
			if (i == 0 || !eventByte(text[i-1])) && (end == len(text) || !eventByte(text[end])) {
				first, name = i, ev
				break
			}
			from = i + 1
		}
	}
	if name == "" {
		return 0, "", false
	}
	return eventProducts()[name], name, true
}

// eventByte reports whether a byte of a folded line is one of an event
// name's word.
func eventByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_'
}

// eventLikeIn returns the first word of a line written as an event name
// (eventLike), a word of ASCII letters: a word that ends as every ending
// does, in "ed".
func eventLikeIn(line string) (string, bool) {
	for i := 0; ; {
		j := strings.Index(line[i:], "ed")
		if j < 0 {
			return "", false
		}
		start, end := i+j, i+j+2
		if end == len(line) || !asciiLetter(line[end]) {
			for start > 0 && asciiLetter(line[start-1]) {
				start--
			}
			if eventLike(line[start:end]) {
				return line[start:end], true
			}
		}
		i = end
	}
}

func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// containsFoldSpaced reports whether a folded text holds word, lower-case
// ASCII, with any spaces between its letters ("TRTC Web" holds "trtcweb").
func containsFoldSpaced(low folded, word string) bool {
	for i := 0; i < len(low); i++ {
		j := bytes.IndexByte(low[i:], word[0])
		if j < 0 {
			return false
		}
		i += j
		j, k := i, 0
		for k < len(word) && j < len(low) {
			if low[j] == ' ' && k > 0 {
				j++
				continue
			}
			if low[j] != word[k] {
				break
			}
			j, k = j+1, k+1
		}
		if k == len(word) {
			return true
		}
	}
	return false
}

// eventLike reports whether a word is written as a Call Automation event
// name: two or more capitalized words ending in Failed, Completed,
// Connected, Disconnected, Started, Stopped, Canceled or Updated.
func eventLike(w string) bool {
	if len(w) < 7 || w[len(w)-1] != 'd' || w[0] < 'A' || w[0] > 'Z' {
		return false // every ending is 'd'
	}
	capitals, lower := 0, false
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'A' && c <= 'Z':
			capitals++
		case c >= 'a' && c <= 'z':
			lower = true
		}
	}
	if capitals < 2 || !lower {
		return false
	}
	for _, end := range eventEndings {
		if strings.HasSuffix(w, end) && len(w) > len(end) {
			return true
		}
	}
	return false
}

// eventEndings end the names of Call Automation's events.
var eventEndings = [...]string{"Failed", "Completed", "Connected", "Disconnected", "Started", "Stopped", "Canceled", "Updated"}

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

// leadingTime returns the time a logger writes at the start of a line,
// "2026-11-21 09:10:00.120" or "2026-11-21T09:10:00Z", with its fraction
// and zone; "" when the line starts otherwise.
func leadingTime(line string) string {
	line = strings.TrimPrefix(line, "[")
	if len(line) < 19 || line[4] != '-' || line[7] != '-' || line[10] != ' ' && line[10] != 'T' || line[13] != ':' || line[16] != ':' {
		return ""
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18} {
		if line[i] < '0' || line[i] > '9' {
			return ""
		}
	}
	end := 19
	if end < len(line) && (line[end] == '.' || line[end] == ',') {
		for end++; end < len(line) && line[end] >= '0' && line[end] <= '9'; end++ {
		}
	}
	switch {
	case end < len(line) && line[end] == 'Z':
		end++
	case end+6 <= len(line) && (line[end] == '+' || line[end] == '-') && line[end+3] == ':':
		end += 6
	}
	return line[:end]
}
