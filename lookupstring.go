package rtccodes

import (
	"strings"

	"github.com/rtccodes/rtccodes/internal/codetext"
)

// LookupString finds the entry a string names: Resolve's shorthand for one
// product and a text. For every product it reads a pair written "CODE",
// "CODE SUBCODE", "CODE/SUBCODE" or "CODE#SUBCODE", and a message that
// carries a DiagCode ("... DiagCode: 500#560500.@"), and answers as Lookup
// does. For products with keys, hexadecimal codes or messages of their own
// (TRTCWeb) it also reads:
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
	return answer(p, &Question{Text: s})
}

// lookupString is LookupString for a valid product.
func (p *product) lookupString(s string) (Entry, bool) {
	s = strings.TrimSpace(s)
	if e, ok := p.lookupText(s); ok {
		return e, true
	}
	var e Entry
	if q, ok := parsePair(s); ok {
		return e, lookupPair(&e, p.id, q)
	}
	if code, sub, ok := codetext.DiagCode(s); ok {
		return e, lookupPair(&e, p.id, pair{code, sub, true, true})
	}
	// A hex code before other words ("0x4004 NotAllowedError: ...")
	// answers when neither a message nor a pair does.
	if first, _, ok := strings.Cut(s, " "); ok {
		return p.lookupHex(first)
	}
	return Entry{}, false
}

// lookupText finds the entry of a hex code, a key or a message.
func (p *product) lookupText(s string) (Entry, bool) {
	if e, ok := p.lookupHex(s); ok {
		return e, true
	}
	if isKey(s) && p.key != nil {
		if r := p.key(s); r != nil {
			return as(r, MatchKey), true
		}
		if r := p.key(strings.ToUpper(s)); r != nil {
			return as(r, MatchKey), true
		}
	}
	if r := p.longestMessage(s); r != nil {
		return as(r, MatchMessage), true
	}
	return Entry{}, false
}

// lookupHex finds the code written in hexadecimal, such as "0x4004", for a
// product whose docs print codes so.
func (p *product) lookupHex(s string) (Entry, bool) {
	if !p.HexCodes || len(s) < 3 || s[0] != '0' || codetext.Lower(s[1]) != 'x' {
		return Entry{}, false
	}
	n, err := codetext.Bare(s)
	if err != nil {
		return Entry{}, false
	}
	if r := find(p.codeRow, n); r != nil {
		return as(r, MatchHex), true
	}
	if r := find(p.observedCode, n); r != nil {
		return as(r, MatchHex), true
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

// longestMessage finds, in one pass over s, the longest of the product's
// messages that s contains, ignoring ASCII case; of two as long, the one
// first in the index (source order). The index sorts them longest first.
func (p *product) longestMessage(s string) *Entry {
	msgs := p.messages
	var first [256]bool // the first bytes of the messages, both cases
	for _, m := range msgs {
		c := codetext.Lower(m.Key[0])
		first[c], first[upper(c)] = true, true
	}
	best := len(msgs) // the index of the best match in msgs; none yet
	for i := 0; i < len(s) && best > 0; i++ {
		if !first[s[i]] {
			continue
		}
		c := codetext.Lower(s[i])
		for j, m := range msgs[:best] {
			key := m.Key
			if codetext.Lower(key[0]) == c && len(key) <= len(s)-i && hasPrefixFoldASCII(s[i:], key) {
				best = j // every message before j is longer, or as long and first
				break
			}
		}
	}
	if best == len(msgs) {
		return nil
	}
	return msgs[best]
}

// hasPrefixFoldASCII reports whether s starts with prefix, which is ASCII,
// ignoring ASCII case; len(s) >= len(prefix).
func hasPrefixFoldASCII(s, prefix string) bool {
	for j := 0; j < len(prefix); j++ {
		if codetext.Lower(s[j]) != codetext.Lower(prefix[j]) {
			return false
		}
	}
	return true
}

// upper returns an ASCII letter in upper case, any other byte as it is.
func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// parsePair reads a text that is only a code or a pair, as every entry point
// reads one (codetext.Pair).
func parsePair(s string) (pair, bool) {
	code, sub, hasSub, ok := codetext.Pair(s)
	return pair{code: code, subcode: sub, hasCode: true, hasSubcode: hasSub}, ok
}
