package rtccodes

//go:generate go run ./internal/gen

import (
	"cmp"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// alias is a key that finds another row (see the generated tables).
type alias struct {
	code, subcode             int
	targetCode, targetSubcode int
}

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

// index is a product's lookup structure, built from its static rows on the
// product's first lookup.
type index struct {
	once        sync.Once
	ready       atomic.Bool // set once build is done
	rows        []row
	entries     []Entry          // the rows as exact matches, by row index
	exact       map[uint64]int32 // by pairKey
	aliases     map[uint64]int32 // by pairKey
	codeRows    map[int]int32    // the rows without subcode, by code
	subcodes    map[int]subcodeRows
	genericCode map[int]int32
	class       [7]int32  // by code/100; -1 for none
	outcomes    []outcome // what each row says of the call, by row index
}

// subcodeRows are the rows a subcode finds when its pair has no row of its
// own, one map lookup for both: the row of the one code that documents it
// (MatchSubcode), and its Call Automation generic row (MatchGenericSubcode);
// -1 for none.
type subcodeRows struct{ only, generic int32 }

var indexes [TRTCWeb + 1]index

// rowsOf returns the generated rows of a product.
func rowsOf(p Product) ([]row, []alias) {
	switch p {
	case CallingSDK:
		return callingRows, nil
	case CallAutomation:
		return callAutomationRows, nil
	case PSTN:
		return pstnRows, pstnAliases
	case Chat:
		return chatRows, nil
	case SMS:
		return smsRows, nil
	case TRTCWeb:
		return trtcRows, nil
	}
	return nil, nil
}

// preferred reports whether a row of section s wins a key over one of
// section old: the call end table wins over the client table, because
// call.callEndReason is where services meet the codes both tables share.
func preferred(s, old Section) bool { return s == SectionCallEnd && old == SectionClient }

// indexOf returns the product's index, building it on first use. Its fast
// path is small enough to be inlined into Lookup.
func indexOf(p Product) *index {
	ix := &indexes[p]
	if !ix.ready.Load() {
		ix.init(p)
	}
	return ix
}

func (ix *index) init(p Product) {
	ix.once.Do(func() {
		ix.build(p)
		ix.ready.Store(true)
	})
}

func (ix *index) build(p Product) {
	rows, aliases := rowsOf(p)
	ix.rows = rows
	ix.entries = make([]Entry, len(rows))
	for i := range rows {
		r := &rows[i]
		ix.entries[i] = Entry{
			Product: p, Match: MatchExact, Section: r.section, Code: r.code, Subcode: r.subcode,
			Message: r.text[langEN].Message, Advice: r.text[langEN].Advice, Category: r.category,
			Key: r.key, DocKey: r.docKey, Hex: r.hex, Edition: r.edition, row: r,
		}
	}
	ix.exact = make(map[uint64]int32, len(rows))
	ix.codeRows = map[int]int32{}
	ix.subcodes = map[int]subcodeRows{}
	ix.genericCode = map[int]int32{}
	for i := range ix.class {
		ix.class[i] = -1
	}
	subcodeCode := map[int]int{}
	for i := range rows {
		r := &rows[i]
		k := mustKey(r.code, r.subcode)
		switch r.section {
		case SectionClass:
			ix.class[r.code/100] = int32(i)
			continue
		case SectionGenericCode:
			ix.genericCode[r.code] = int32(i)
			continue
		case SectionGenericSubcode:
			ix.subcodes[r.subcode] = subcodeRows{only: -1, generic: int32(i)}
			continue
		case SectionMessage:
			continue
		}
		if old, ok := ix.exact[k]; !ok || preferred(r.section, rows[old].section) {
			ix.exact[k] = int32(i)
		}
		if r.subcode == NoSubcode {
			ix.codeRows[r.code] = ix.exact[k]
			continue
		}
		if c, seen := subcodeCode[r.subcode]; !seen {
			subcodeCode[r.subcode] = r.code
		} else if c != r.code {
			subcodeCode[r.subcode] = NoCode
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
	ix.outcomes = rowOutcomes(p, rows)
	if len(aliases) > 0 {
		ix.aliases = make(map[uint64]int32, len(aliases))
		for _, a := range aliases {
			ix.aliases[mustKey(a.code, a.subcode)] = ix.exact[mustKey(a.targetCode, a.targetSubcode)]
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
//   - MatchCode: the code's own row, a row without subcode.
//   - MatchSBCRule (PSTN): a 560xxx or 540xxx subcode, explained by its SIP response.
//   - MatchGenericSubcode, MatchGenericCode (CallAutomation): the generic tables.
//   - MatchClass (CallingSDK, CallAutomation): the code's class, 2xx success,
//     4xx client error, 5xx server error or 6xx global error.
//
// The steps that answer with another code's row (subcode, SBC rule, generic
// subcode) are class-safe: they answer only when that row says the same of
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
	if !p.valid() || p != TRTCWeb && (code < NoCode || subcode < NoSubcode) {
		return Entry{}, false
	}
	ix := indexOf(p)
	k, inRange := pairKey(code, subcode)
	if i, ok := ix.exact[k]; ok && inRange {
		return ix.entries[i], true
	}
	return ix.fallback(p, code, subcode)
}

// fallback is Lookup after the exact step: the steps that find another row
// than the pair's own.
func (ix *index) fallback(p Product, code, subcode int) (Entry, bool) {
	if k, ok := pairKey(code, subcode); ok {
		if i, ok := ix.aliases[k]; ok {
			return ix.entry(i, MatchAlias), true
		}
	}
	asked, anyCode := p.outcomeOf(code), code == NoCode
	agrees := func(o outcome) bool { return anyCode || asked != 0 && o&^asked == 0 }
	sr := subcodeRows{only: -1, generic: -1}
	if r, ok := ix.subcodes[subcode]; ok && subcode != NoSubcode {
		sr = r
	}
	hasSubcode := subcode != NoSubcode && subcode != 0
	if hasSubcode && sr.only >= 0 && agrees(ix.outcomes[sr.only]) {
		return ix.entry(sr.only, MatchSubcode), true
	}
	if subcode != NoSubcode {
		if i, ok := ix.codeRows[code]; ok {
			return ix.entry(i, MatchCode), true
		}
	} else if p == TRTCWeb {
		if r, ok := ix.subcodes[code]; ok && r.only >= 0 {
			return ix.entry(r.only, MatchSubcode), true
		}
	}
	if p == PSTN && hasSubcode {
		if e, o, ok := sbcEntry(code, subcode); ok && agrees(o) {
			return e, true
		}
	}
	// A generic subcode answers under a code; the generic subcode 0 only
	// for its own key, a result that carries no code.
	if sr.generic >= 0 && (hasSubcode || anyCode) && agrees(ix.outcomes[sr.generic]) {
		return ix.entry(sr.generic, MatchGenericSubcode), true
	}
	if i, ok := ix.genericCode[code]; ok {
		return ix.entry(i, MatchGenericCode), true
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

// rowOutcomes returns what each row says of the call: its code's outcome and
// its category's. A generic subcode, which has no code, says what the rows
// with that subcode under a code say.
func rowOutcomes(p Product, rows []row) []outcome {
	out := make([]outcome, len(rows))
	bySubcode := map[int]outcome{}
	for i := range rows {
		r := &rows[i]
		if r.code != NoCode {
			out[i] = p.outcomeOf(r.code)
		}
		out[i] |= categoryOutcome(r.category)
		if r.code != NoCode && r.subcode != NoSubcode {
			bySubcode[r.subcode] |= out[i]
		}
	}
	for i := range rows {
		if r := &rows[i]; r.section == SectionGenericSubcode {
			out[i] |= bySubcode[r.subcode]
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
	ix := indexOf(p)
	for i := range ix.rows {
		r := &ix.rows[i]
		if r.section == s && r.code == code && r.subcode == subcode {
			return ix.entry(int32(i), MatchExact), true
		}
	}
	return Entry{}, false
}

// All returns the entries of a product's tables, section by section in the
// documentation's order and by code and subcode within a section. Each entry
// is a copy; changing it changes nothing else.
func All(p Product) iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		if !p.valid() {
			return
		}
		ix := indexOf(p)
		for i := range ix.rows {
			if !yield(ix.entry(int32(i), MatchExact)) {
				return
			}
		}
	}
}

// searchText holds, per product, each row's texts in every language and its
// keys, lower-cased and joined by NUL bytes; built on the first Search.
var searchText [TRTCWeb + 1]struct {
	once sync.Once
	rows []string
}

// Search returns the entries of every product whose message, advice (a newer
// edition's revised text too), TRTC key or hex code contains query in any
// language, ignoring case, in product and table order: Search("userSig") finds the TRTC account errors. A query of
// only spaces finds nothing.
func Search(query string) iter.Seq[Entry] {
	q := strings.ToLower(strings.Join(strings.Fields(query), " "))
	return func(yield func(Entry) bool) {
		if q == "" || strings.ContainsRune(q, 0) {
			return
		}
		for _, p := range Products() {
			ix := indexOf(p)
			st := &searchText[p]
			st.once.Do(func() { st.rows = lowerRows(ix.rows) })
			for i, text := range st.rows {
				if strings.Contains(text, q) && !yield(ix.entries[i]) {
					return
				}
			}
		}
	}
}

func lowerRows(rows []row) []string {
	out := make([]string, len(rows))
	var b strings.Builder
	for i := range rows {
		r := &rows[i]
		b.Reset()
		for _, s := range []string{r.key, r.docKey, r.hex} {
			b.WriteString(s)
			b.WriteByte(0)
		}
		for _, t := range append(r.text[:], r.revisions...) {
			b.WriteString(t.Message)
			b.WriteByte(0)
			b.WriteString(t.Advice)
			b.WriteByte(0)
		}
		out[i] = strings.ToLower(b.String())
	}
	return out
}

// Reason is a row of a reference table: a SIP response code with its reason
// phrase, or an ITU-T Q.850 cause value with its name.
type Reason struct {
	// Code is the SIP response code or the Q.850 cause value.
	Code int `json:"code"`
	// Text is the reason phrase or the cause's name: "Busy Here", "User busy".
	Text string `json:"text"`
	// Standard is where the code is defined: "RFC 3261", "ITU-T Q.850".
	Standard string `json:"standard"`
}

// SIPReason returns the SIP response code's reason phrase, as registered by
// IANA, and whether the code is registered.
func SIPReason(code int) (Reason, bool) { return findReason(sipReasons, code) }

// Q850Cause returns the ITU-T Q.850 cause value's name, and whether the value
// is defined.
func Q850Cause(code int) (Reason, bool) { return findReason(q850Causes, code) }

func findReason(rs []Reason, code int) (Reason, bool) {
	i, ok := slices.BinarySearchFunc(rs, code, func(r Reason, c int) int { return cmp.Compare(r.Code, c) })
	if !ok {
		return Reason{}, false
	}
	return rs[i], true
}

// sbcEntry explains an undocumented PSTN subcode 560xxx (outbound call) or
// 540xxx (inbound call) whose last three digits are a SIP response code: the
// customer's SBC answered with that response. The outcome is the response's.
func sbcEntry(code, subcode int) (Entry, outcome, bool) {
	direction := ""
	switch subcode / 1000 {
	case 560:
		direction = "outbound"
	case 540:
		direction = "inbound"
	default:
		return Entry{}, 0, false
	}
	sip, ok := SIPReason(subcode % 1000)
	if !ok {
		return Entry{}, 0, false
	}
	msg := fmt.Sprintf("The SBC answered the %s call with SIP %d %s (%s).", direction, sip.Code, sip.Text, sip.Standard)
	r := &row{section: SectionSBC, code: code, subcode: subcode,
		text: [numLangs]Text{langEN: {Lang: "en", Message: msg, Advice: pstnSBCRule}}}
	return Entry{Product: PSTN, Section: SectionSBC, Code: code, Subcode: subcode, Message: msg, Advice: pstnSBCRule,
		Match: MatchSBCRule, row: r}, httpOutcome(sip.Code), true
}

// EventEntries returns the Call Automation entries whose pair the callback
// event can carry, such as "CallDisconnected" or "AnswerFailed" (case is
// ignored), in table order.
func EventEntries(event string) []Entry {
	var out []Entry
	for e := range All(CallAutomation) {
		for _, ev := range e.row.events {
			if strings.EqualFold(ev, event) {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// trtcText indexes the TRTC entries by key, hex code and message, built on
// first use.
var trtcText struct {
	once     sync.Once
	keys     map[string]int32 // upper-case keys, both the SDK's and the docs' spellings
	messages []int32          // message rows, longest key first
}

func trtcTextIndex() *index {
	ix := indexOf(TRTCWeb)
	trtcText.once.Do(func() {
		trtcText.keys = map[string]int32{}
		for i := range ix.rows {
			r := &ix.rows[i]
			switch {
			case r.section == SectionMessage:
				trtcText.messages = append(trtcText.messages, int32(i))
			case r.key != "":
				trtcText.keys[r.key] = int32(i)
				if r.docKey != "" {
					trtcText.keys[r.docKey] = int32(i)
				}
			}
		}
		slices.SortStableFunc(trtcText.messages, func(a, b int32) int {
			return cmp.Compare(len(ix.rows[b].key), len(ix.rows[a].key))
		})
	})
	return ix
}

// LookupString finds the entry a string names. For every product it reads a
// pair written "CODE", "CODE SUBCODE", "CODE/SUBCODE" or "CODE#SUBCODE", and a
// message that carries a DiagCode ("... DiagCode: 500#560500.@"), and answers
// as Lookup does. For TRTCWeb it also reads:
//
//   - a key, in the SDK's or the docs' spelling, ignoring case:
//     "JOIN_ROOM_FAILED", "SIGNAL_CAHNNEL_SETUP_FAILED" (MatchKey);
//   - a hexadecimal code: "0x4004" (MatchHex);
//   - an error message, ignoring case, also inside a longer text:
//     "NotAllowedError: Permission denied" (MatchMessage); where several
//     messages match, the longest wins;
//   - a hexadecimal code followed by other words, when nothing else answers:
//     "0x4004 join failed" (MatchHex).
func LookupString(p Product, s string) (Entry, bool) {
	if !p.valid() {
		return Entry{}, false
	}
	s = strings.TrimSpace(s)
	if p == TRTCWeb {
		if e, ok := trtcString(s); ok {
			return e, true
		}
	}
	if code, sub, ok := parsePair(s); ok {
		return Lookup(p, code, sub)
	}
	if code, sub, ok := ParseDiagCode(s); ok {
		return Lookup(p, code, sub)
	}
	// A TRTC hex code before other words ("0x4004 NotAllowedError: ...")
	// answers when neither a message nor a pair does.
	if first, _, ok := strings.Cut(s, " "); ok && p == TRTCWeb {
		return trtcHex(trtcTextIndex(), first)
	}
	return Entry{}, false
}

func trtcString(s string) (Entry, bool) {
	ix := trtcTextIndex()
	if e, ok := trtcHex(ix, s); ok {
		return e, true
	}
	if isKey(s) {
		if i, ok := trtcText.keys[s]; ok {
			return ix.entry(i, MatchKey), true
		}
		if i, ok := trtcText.keys[strings.ToUpper(s)]; ok {
			return ix.entry(i, MatchKey), true
		}
	}
	for _, i := range trtcText.messages {
		if containsFold(s, ix.rows[i].key) {
			return ix.entry(i, MatchMessage), true
		}
	}
	return Entry{}, false
}

// trtcHex finds the TRTC error code written in hexadecimal, such as "0x4004".
func trtcHex(ix *index, s string) (Entry, bool) {
	if len(s) < 3 || s[0] != '0' || lower(s[1]) != 'x' {
		return Entry{}, false
	}
	n, err := ParseCode(s)
	if err != nil {
		return Entry{}, false
	}
	if i, ok := ix.codeRows[n]; ok {
		return ix.entry(i, MatchHex), true
	}
	return Entry{}, false
}

// isKey reports whether s looks like an error key: letters, digits and
// underscores, with at least one underscore or all upper case.
func isKey(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// containsFold reports whether sub, which is ASCII, is in s, ignoring ASCII case.
func containsFold(s, sub string) bool {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if lower(s[i]) != lower(sub[0]) {
			continue
		}
		j := 1
		for ; j < n && lower(s[i+j]) == lower(sub[j]); j++ {
		}
		if j == n {
			return true
		}
	}
	return false
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// parsePair reads "CODE", "CODE SUBCODE", "CODE/SUBCODE" or "CODE#SUBCODE",
// each number as ParseCode reads it.
func parsePair(s string) (code, subcode int, ok bool) {
	a, b, two := strings.Cut(s, "/")
	if !two {
		a, b, two = strings.Cut(s, "#")
	}
	if !two {
		if f := strings.Fields(s); len(f) == 2 {
			a, b, two = f[0], f[1], true
		}
	}
	code, ok = parseInt(a)
	if !ok {
		return 0, 0, false
	}
	if !two {
		return code, NoSubcode, true
	}
	subcode, ok = parseInt(b)
	return code, subcode, ok
}

func parseInt(s string) (int, bool) {
	n, err := ParseCode(strings.TrimSpace(s))
	return n, err == nil
}
