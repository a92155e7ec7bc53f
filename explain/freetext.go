package explain

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
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
// only in a line whose sight holds its words.
type textPatterns struct {
	// diagCode is a DiagCode in any case: "diagcode: 500#3003.@".
	diagCode *regexp.Regexp
	// roomEntry is a TRTC room entry failure with its result code:
	// "Join room failed result: 10006 error: ...".
	roomEntry *regexp.Regexp
	// rtcError is a TRTC RtcError's toString: "KEY: message thrown from fn()".
	rtcError *regexp.Regexp
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
	var all uint64 // the bytes' bits, or'ed
	i := 0
	for ; i+8 <= len(line); i += 8 { // eight bytes at a time
		w := binary.LittleEndian.Uint64([]byte(line[i : i+8]))
		binary.LittleEndian.PutUint64(low[i:], lower8(w))
		all |= w
	}
	for ; i < len(line); i++ {
		low[i] = codetext.Lower(line[i])
		all |= uint64(line[i])
	}
	return low, all&0x8080808080808080 == 0
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

// lower8 is eight bytes with their ASCII letters in lower case: a byte
// below 0x80 that is at least 'A' and below 'Z'+1 gains 0x20.
func lower8(w uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	seven := w &^ highs // each byte's low seven bits
	atLeastA := seven + ones*(0x80-'A')
	pastZ := seven + ones*(0x80-'Z'-1)
	upper := atLeastA &^ pastZ &^ w & highs // high bit set on the capitals
	return w | upper>>2
}

// keyWords returns the words of a text written as TRTC keys, in order: a
// capital, then capitals and digits joined by single '_', a whole word
// (a run of ASCII letters, digits and '_') as in "JOIN_ROOM_FAILED". It
// reads them as the regular expression
//
//	\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b
//
// finds them (FindAllString): its test holds the two to the same answers.
func keyWords(s string) []string {
	var out []string
	for i := keyWordAt(s, 0); i >= 0; {
		end := i + 1
		for end < len(s) && wordByte(s[end]) {
			end++
		}
		out = append(out, s[i:end])
		i = keyWordAt(s, end)
	}
	return out
}

// keyWordAt returns the index of the first key word at or after from, the
// end of a word, or -1.
func keyWordAt(s string, from int) int {
	for i := from; i < len(s); {
		j := strings.IndexByte(s[i:], '_') // every key has one
		if j < 0 {
			return -1
		}
		start, end := i+j, i+j+1
		for start > i && wordByte(s[start-1]) {
			start--
		}
		for end < len(s) && wordByte(s[end]) {
			end++
		}
		if keyWord(s[start:end]) {
			return start
		}
		i = end
	}
	return -1
}

// keyWord reports whether a word is written as a key.
func keyWord(w string) bool {
	if w[0] < 'A' || w[0] > 'Z' || w[len(w)-1] == '_' {
		return false
	}
	for i := 1; i < len(w); i++ {
		switch c := w[i]; {
		case c == '_' && w[i-1] == '_':
			return false
		case c != '_' && (c < 'A' || c > 'Z') && (c < '0' || c > '9'):
			return false
		}
	}
	return true
}

// hexCodeAt returns the index of the first code in hexadecimal at or after
// from in a folded line, a word of "0x" and four hexadecimal digits
// ("0x4004"), or -1.
func hexCodeAt(low folded, from int) int {
	for i := from; i+6 <= len(low); i++ {
		j := bytes.Index(low[i:], []byte("0x"))
		if j < 0 || i+j+6 > len(low) {
			return -1
		}
		if i += j; hexDigit(low[i+2]) && hexDigit(low[i+3]) && hexDigit(low[i+4]) && hexDigit(low[i+5]) &&
			(i == 0 || !wordByte(low[i-1])) && (i+6 == len(low) || !wordByte(low[i+6])) {
			return i
		}
	}
	return -1
}

// hexCodes returns the codes in hexadecimal of a line, in order.
func hexCodes(line string, low folded) []string {
	var out []string
	for i := hexCodeAt(low, 0); i >= 0; i = hexCodeAt(low, i+6) {
		out = append(out, line[i:i+6])
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
	x := Explanation{Message: line}
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
			x.Inferred = preciselyBy(c.how)
		}
		if c.hasExtra && decl(candidates[0]).ExtraCodes {
			x.Subcode, x.HasSubcode = c.extra, true
		}
		x.Product = candidates[0]
		q := x.question()
		q.Products = candidates
		if answers := resolve(q); len(answers) > 0 {
			x.Product, x.Entry, x.Found = answers[0].Product, answers[0], true
			x.noteCodeChose(candidates)
			x.noteSilentSubcode()
		}
		return x, nil
	}
	// TRTC keys, hexadecimal codes and messages, among other words.
	keys := keyWordAt(line, 0) >= 0 || hexCodeAt(low, 0) >= 0
	messages := mayHoldMessage(line, low)
	if !keys && !messages {
		return Explanation{}, ErrNoCodes
	}
	naming()
	for _, q := range productsWith(func(q *schema.Product) bool { return (q.HexCodes || q.ExtraCodes) && keys }) {
		if len(named) > 0 && !slices.Contains(named, q) || len(named) == 0 && decl(q).ContextKeys {
			continue // a key that other software uses too answers only where the line names its product
		}
		for _, w := range append(keyWords(line), hexCodes(line, low)...) {
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

// messageIndex holds the message rows' texts (TRTC documents its errors by
// their messages) by the four bytes, lower case, at each of their first
// stride offsets, and those bytes hashed a bit each, to sift lines fast:
// a message at least stride+3 bytes long holds, at one of those offsets,
// the four bytes at a multiple of stride in any line that holds it, so a
// line is looked at every stride bytes. Built on first use.
type messageIndex struct {
	seen   [1 << 16 / 64]uint64
	byGram map[uint32][]messageAt
	stride int
	short  bool // a message shorter than four bytes: every line may hold one
}

// messageAt is a message, and the offset in it of four of its bytes.
type messageAt struct {
	text string
	at   int
}

func messages() *messageIndex {
	messageIndexOnce.Do(func() { theMessageIndex = buildMessageIndex() })
	return theMessageIndex
}

var (
	messageIndexOnce sync.Once
	theMessageIndex  *messageIndex
)

func buildMessageIndex() *messageIndex {
	m := &messageIndex{byGram: map[uint32][]messageAt{}, stride: math.MaxInt}
	var texts []string
	for _, p := range rtccodes.Products() {
		for e := range rtccodes.All(p) {
			if e.Section != rtccodes.SectionMessage {
				continue
			}
			if len(e.Key) < 4 {
				m.short = true
				continue
			}
			texts = append(texts, e.Key)
			m.stride = min(m.stride, len(e.Key)-3)
		}
	}
	if len(texts) == 0 {
		m.stride = 1
	}
	for _, t := range texts {
		for at := range m.stride {
			g := gram(t[at:])
			h := hash16(g)
			m.seen[h/64] |= 1 << (h % 64)
			m.byGram[g] = append(m.byGram[g], messageAt{t, at})
		}
	}
	return m
}

// gram is the first four bytes of s, ASCII lower case.
func gram(s string) uint32 {
	var g uint32
	for i := range 4 {
		g = g<<8 | uint32(codetext.Lower(s[i]))
	}
	return g
}

func hash16(g uint32) uint32 { return (g * 0x9E3779B1) >> 16 }

// mayHoldMessage reports whether a line holds a message row's text, in
// any ASCII case, as messages are matched.
func mayHoldMessage(line string, low folded) bool {
	m := messages()
	if m.short {
		return true
	}
	for i := 0; i+4 <= len(low); i += m.stride {
		g := binary.BigEndian.Uint32(low[i:])
		if h := hash16(g); m.seen[h/64]&(1<<(h%64)) == 0 {
			continue
		}
		for _, msg := range m.byGram[g] {
			if start := i - msg.at; start >= 0 && start+len(msg.text) <= len(line) && strings.EqualFold(line[start:start+len(msg.text)], msg.text) {
				return true
			}
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
	return low.has(" thrown from ") && textPattern().rtcError.MatchString(line)
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
	howDiagCode  = "a DiagCode"
	howFields    = "code fields"
)

// preciselyBy is what chose the product of a line that names none, the
// codes read how: the product that answers most precisely.
func preciselyBy(how string) string {
	const precisely = "; the product that answers most precisely"
	switch how {
	case howPair:
		return howPair + precisely
	case howDiagCode:
		return howDiagCode + precisely
	case howFields:
		return howFields + precisely
	}
	return how + precisely
}

// codesIn reads the codes a line carries: a line of one or two numbers (a
// pair, as every door reads it), a DiagCode, a TRTC room entry result, or
// code, subcode and extra code fields; a hexadecimal code is the code of
// an extra code field that has none.
func codesIn(line string, low folded) lineCodes {
	var c lineCodes
	if line != "" && (line[0] == '-' || line[0] >= '0' && line[0] <= '9') { // as every number starts
		if code, sub, hasSub, ok := codetext.Pair(line); ok {
			return lineCodes{code: code, sub: sub, hasCode: true, hasSub: hasSub, found: true, how: howPair}
		}
	}
	if m := findIf(low.has("diag"), textPattern().diagCode, line); m != nil {
		code, err1 := codetext.Parse(m[1])
		sub, err2 := codetext.Parse(m[2])
		if err1 == nil && err2 == nil {
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
		if i := hexCodeAt(low, 0); i >= 0 {
			h := line[i : i+6]
			if n, err := codetext.Parse(h); err == nil {
				c.code, c.hasCode = n, true
			}
		}
	}
	return c
}

// fieldName is a code field's name in lower case without underscores, as
// the cases of codesIn spell it; "" for a name spelled otherwise (with ſ).
func fieldName(field string) string {
	var buf [32]byte
	name := buf[:0]
	for i := 0; i < len(field); i++ {
		switch c := field[i]; {
		case c == '_':
		case c >= utf8.RuneSelf || len(name) == len(buf):
			return ""
		default:
			name = append(name, codetext.Lower(c))
		}
	}
	for _, n := range []string{"code", "subcode", "extracode", "participantendreason", "participantendsubcode"} {
		if string(name) == n {
			return n
		}
	}
	return ""
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
		if family := d.Family; family != "" && !containsFoldSpaced(low, lowerName(p)) {
			return productsWith(func(q *schema.Product) bool { return q.Family == family }), "the words " + name
		}
		return []rtccodes.Product{p}, "the words " + name
	}
	if low.has("microsoft.communication.") {
		if ps := inferredFrom(schema.ShapeResult); len(ps) > 0 {
			return ps[:1:1], "the event type"
		}
	}
	// An event name of the tables' rows: a word of letters, digits, '.'
	// and '_', in any case.
	events := eventProducts()
	start := -1
	for i := 0; i <= len(text); i++ {
		if i < len(text) {
			if c := text[i]; c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '_' {
				if start < 0 {
					start = i
				}
				continue
			}
		}
		if start < 0 {
			continue
		}
		if w := text[start:i]; len(w) <= maxEventName && eventNames.lengths&(1<<min(len(w), 63)) != 0 && eventStarts(w) {
			if p, ok := events[string(w)]; ok {
				return []rtccodes.Product{p}, "the event " + string(w)
			}
		}
		start = -1
	}
	// An event name the tables do not list, such as PlayFailed, is Call
	// Automation's too.
	start = -1
	for i := 0; i <= len(line); i++ {
		if i < len(line) && (line[i] >= 'a' && line[i] <= 'z' || line[i] >= 'A' && line[i] <= 'Z') {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && eventLike(line[start:i]) {
			if ps := inferredFrom(schema.ShapeResult); len(ps) > 0 {
				return ps[:1:1], "the event " + line[start:i]
			}
		}
		start = -1
	}
	return nil, ""
}

// maxEventName is the longest word looked up as an event name.
const maxEventName = 64

// lowerName is a product's name in lower case.
func lowerName(p rtccodes.Product) string {
	lowerNames.once.Do(func() {
		for _, q := range rtccodes.Products() {
			lowerNames.names = append(lowerNames.names, strings.ToLower(q.String()))
		}
	})
	return lowerNames.names[p-1]
}

var lowerNames struct {
	once  sync.Once
	names []string
}

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
	once    sync.Once
	m       map[string]rtccodes.Product
	lengths uint64               // the names' lengths, a bit each (63: longer)
	starts  [1 << 16 / 64]uint64 // their first two bytes, a bit each
}

// eventStarts reports whether an event name starts as a word does.
func eventStarts(w []byte) bool {
	k := uint16(w[0]) << 8
	if len(w) > 1 {
		k |= uint16(w[1])
	}
	return eventNames.starts[k/64]&(1<<(k%64)) != 0
}

func eventProducts() map[string]rtccodes.Product {
	eventNames.once.Do(func() {
		eventNames.m = map[string]rtccodes.Product{}
		for _, p := range rtccodes.Products() {
			for e := range rtccodes.All(p) {
				for _, ev := range e.Events() {
					name := strings.ToLower(ev)
					eventNames.m[name] = p
					eventNames.lengths |= 1 << min(len(ev), 63)
					for b := range 256 { // a name of one byte starts with any two
						if len(name) == 1 || len(name) > 1 && b == int(name[1]) {
							k := uint16(name[0])<<8 | uint16(b)
							eventNames.starts[k/64] |= 1 << (k % 64)
						}
					}
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
