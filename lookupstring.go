package rtccodes

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// LookupString finds the entry a string names. For every product it reads a
// pair written "CODE", "CODE SUBCODE", "CODE/SUBCODE" or "CODE#SUBCODE", and a
// message that carries a DiagCode ("... DiagCode: 500#560500.@"), and answers
// as Lookup does. For products with keys, hexadecimal codes or messages of
// their own (TRTCWeb) it also reads:
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
	rec := p.record()
	s = strings.TrimSpace(s)
	if e, ok := rec.lookupText(s); ok {
		return e, true
	}
	if code, sub, ok := parsePair(s); ok {
		return Lookup(p, code, sub)
	}
	if code, sub, ok := ParseDiagCode(s); ok {
		return Lookup(p, code, sub)
	}
	// A hex code before other words ("0x4004 NotAllowedError: ...")
	// answers when neither a message nor a pair does.
	if first, _, ok := strings.Cut(s, " "); ok {
		return rec.lookupHex(first)
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
	if !p.HexCodes || len(s) < 3 || s[0] != '0' || lower(s[1]) != 'x' {
		return Entry{}, false
	}
	n, err := ParseCode(s)
	if err != nil {
		return Entry{}, false
	}
	if r := find(p.codeRow, n); r != nil {
		return as(r, MatchHex), true
	}
	if r := findPair(p.observed, n, NoSubcode); r != nil {
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
		c := lower(m.Key[0])
		first[c], first[upper(c)] = true, true
	}
	best := len(msgs) // the index of the best match in msgs; none yet
	for i := 0; i < len(s) && best > 0; i++ {
		if !first[s[i]] {
			continue
		}
		c := lower(s[i])
		for j, m := range msgs[:best] {
			key := m.Key
			if lower(key[0]) == c && len(key) <= len(s)-i && hasPrefixFoldASCII(s[i:], key) {
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
		if lower(s[j]) != lower(prefix[j]) {
			return false
		}
	}
	return true
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
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
		// Two words: "410 3112".
		if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
			a, b, two = s[:i], strings.TrimSpace(s[i:]), true
			if strings.IndexFunc(b, unicode.IsSpace) >= 0 {
				return 0, 0, false
			}
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
	n, err := parseCode(strings.TrimSpace(s))
	return n, err == nil
}

// ErrNotCode is returned by ParseCode for text that is not a code.
var ErrNotCode = errors.New("not a decimal or 0x hexadecimal integer")

// ParseCode reads a code as services and the documents write it: a decimal
// integer, which may be negative and may have leading zeros ("410", "-10018",
// "0410" is 410), or a hexadecimal one with a 0x or 0X prefix ("0x4001").
// It reads nothing else: no sign "+", no underscores, no octal, binary or
// 0o prefixes, no spaces. The error wraps ErrNotCode, or strconv.ErrRange for
// a number outside the int range. Every reader of codes in rtccodes and its
// tool uses it.
func ParseCode(s string) (int, error) {
	n, err := parseCode(s)
	if err != nil {
		return 0, fmt.Errorf("rtccodes: code %.40q: %w", s, err)
	}
	return n, nil
}

// parseCode is ParseCode with the bare reason of an error, which costs
// nothing to make whatever the length of s.
func parseCode(s string) (int, error) {
	digits, base, neg := s, 10, false
	if len(digits) > 0 && digits[0] == '-' {
		digits, neg = digits[1:], true
	}
	if len(digits) > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X') && !neg {
		digits, base = digits[2:], 16
	}
	if digits == "" {
		return 0, ErrNotCode
	}
	for i := 0; i < len(digits); i++ {
		if c := lower(digits[i]); !(c >= '0' && c <= '9' || base == 16 && c >= 'a' && c <= 'f') {
			return 0, ErrNotCode
		}
	}
	if len(digits) > 20 {
		return 0, strconv.ErrRange
	}
	n, err := strconv.ParseUint(digits, base, strconv.IntSize)
	if err != nil || n > 1<<(strconv.IntSize-1)-1 && !(neg && n == 1<<(strconv.IntSize-1)) {
		return 0, strconv.ErrRange
	}
	if neg {
		return int(-n), nil
	}
	return int(n), nil
}

// ParseDiagCode reads the "DiagCode: <code>#<subcode>.@" suffix that ACS and
// Microsoft Graph put in messages, as in
// "Server Internal Error. DiagCode: 500#560500.@".
func ParseDiagCode(message string) (code, subcode int, ok bool) {
	for rest := message; ; {
		i := strings.Index(rest, "DiagCode:")
		if i < 0 {
			return 0, 0, false
		}
		rest = strings.TrimLeft(rest[i+len("DiagCode:"):], " \t")
		var ok1, ok2 bool
		code, rest, ok1 = leadingNumber(rest)
		if ok1 && strings.HasPrefix(rest, "#") {
			subcode, _, ok2 = leadingNumber(rest[1:])
			if ok2 {
				return code, subcode, true
			}
		}
	}
}

// leadingNumber reads the 1 to 9 digits at the start of s.
func leadingNumber(s string) (int, string, bool) {
	n := 0
	for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 || n < len(s) && s[n] >= '0' && s[n] <= '9' {
		return 0, s, false
	}
	v, _ := strconv.Atoi(s[:n])
	return v, s[n:], true
}
