package explain

import (
	"bytes"
	"unicode/utf8"
)

// codeFields calls f with the name and the number of each code field of a
// line, in order: "code: 403", "subCode=10391", "\"extraCode\": 70001",
// "ParticipantEndSubCode: 560486", "_code: 0", "extraCode -8", "code `410`"
// (Markdown's backticks quote as quotes do). It reads
// them as the regular expression
//
//	(?i)(?:^|[^a-z0-9])_?(participantend(?:reason|subcode)|sub_?code|extra_?code|code)["'`]?(?:\s*[:=]\s*|\s+)["'`]?(-?(?:0x[0-9a-f]+|\d+))\b
//
// finds them (FindAllStringSubmatch), in one pass that allocates nothing,
// 3.7x as fast on a call log (see the package doc): its test holds the two
// to the same answers. low is s folded. Every field
// holds "code" or "participantend" at most maxLead bytes after its start,
// so the pass looks only there.
func codeFields(s string, low folded, f func(name, number string)) {
	next := -1 // the first "code" or "participantend" at or after i, once found
	var names nameFinder
	for i := 0; i < len(s); {
		if next < i {
			if next = names.at(low, i); next < 0 {
				return
			}
			if lead := next - maxLead; lead > i {
				for lead > i && !utf8.RuneStart(s[lead]) {
					lead-- // from a rune's start, as the pass steps
				}
				i = lead
			}
		}
		end, name, number := codeFieldAt(s, i)
		if end < 0 {
			_, w := decodeRune(s, i)
			i += w
			continue
		}
		f(name, number)
		i = end
	}
}

// maxLead is how far before a code field's "code" or "participantend" the
// pass must look from: the byte before its name (a '_', or the last byte of
// the character before the field, whose start the pass steps back to),
// then "extra_" ("participantend" starts its name).
const maxLead = 1 + len("extra_")

// nameFinder finds the "code" and "participantend" of a folded line, in
// order, each searched again only once passed.
type nameFinder struct {
	found    [2]int // the first of each from the last search; -1: none
	searched [2]bool
}

// at returns the index of the first "code" or "participantend" in low at
// or after i, or -1; i does not decrease from call to call.
func (n *nameFinder) at(low folded, i int) int {
	for k, word := range [2]string{"code", "participantend"} {
		if n.searched[k] && (n.found[k] < 0 || n.found[k] >= i) {
			continue // what was found from before i is the first from i
		}
		n.searched[k] = true
		if n.found[k] = bytes.Index(low[i:], []byte(word)); n.found[k] >= 0 {
			n.found[k] += i
		}
	}
	code, end := n.found[0], n.found[1]
	switch {
	case end < 0:
		return code
	case code < 0:
		return end
	}
	return min(code, end)
}

// codeFieldAt matches a code field that starts at i: at the start of the
// line, or with a character that is no letter or digit.
func codeFieldAt(s string, i int) (end int, name, number string) {
	if i == 0 {
		if end, name, number = codeFieldNamed(s, 0); end >= 0 {
			return
		}
	}
	if c := s[i]; c < 0x80 && (c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9') {
		return -1, "", "" // the common case, quickly
	}
	r, w := decodeRune(s, i)
	if foldsToAlnum(r) {
		return -1, "", ""
	}
	return codeFieldNamed(s, i+w)
}

// codeFieldNamed matches a code field whose name (after an optional '_')
// starts at n.
func codeFieldNamed(s string, n int) (end int, name, number string) {
	if n < len(s) && s[n] == '_' {
		n++
	}
	if n >= len(s) {
		return -1, "", ""
	}
	var names []string // the names that start with its first letter
	switch s[n] | 0x20 {
	case 'p':
		names = fieldNames[0:2]
	case 's', 0xC5 | 0x20: // and ſ's first byte
		names = fieldNames[2:4]
	case 'e':
		names = fieldNames[4:6]
	case 'c':
		names = fieldNames[6:]
	}
	e := -1
	for _, lit := range names {
		if e = prefixFold(s, n, lit); e >= 0 {
			break
		}
	}
	if e < 0 {
		return -1, "", ""
	}
	name = s[n:e]
	j := e
	if j < len(s) && quote(s[j]) {
		j++
	}
	k := j
	for k < len(s) && space(s[k]) {
		k++
	}
	switch {
	case k < len(s) && (s[k] == ':' || s[k] == '='):
		k++
		for k < len(s) && space(s[k]) {
			k++
		}
	case k == j:
		return -1, "", "" // neither a separator nor white space
	}
	if k < len(s) && quote(s[k]) {
		k++
	}
	start := k
	if k < len(s) && s[k] == '-' {
		k++
	}
	digits := k
	if k+1 < len(s) && s[k] == '0' && s[k+1]|0x20 == 'x' {
		h := k + 2
		for h < len(s) && hexDigit(s[h]) {
			h++
		}
		if h > k+2 && (h == len(s) || !wordByte(s[h])) {
			return h, name, s[start:h]
		}
	}
	for k < len(s) && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	if k == digits || k < len(s) && wordByte(s[k]) {
		return -1, "", ""
	}
	return k, name, s[start:k]
}

// fieldNames are the names of code fields, in the pattern's order.
var fieldNames = [...]string{"participantendreason", "participantendsubcode", "subcode", "sub_code", "extracode", "extra_code", "code"}

// prefixFold returns the end of lit, lower-case ASCII, at s[i:] in any
// case (an 's' also as 'ſ', which folds to it), or -1.
func prefixFold(s string, i int, lit string) int {
	for j := 0; j < len(lit); j++ {
		if i >= len(s) {
			return -1
		}
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		switch {
		case c == lit[j]:
			i++
		case lit[j] == 's' && i+1 < len(s) && s[i] == 0xC5 && s[i+1] == 0xBF: // ſ
			i += 2
		default:
			return -1
		}
	}
	return i
}

// foldsToAlnum reports whether a rune is a letter or digit of ASCII, in any
// case, or folds to one (ſ to s, the Kelvin sign to k).
func foldsToAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == 'ſ' || r == '\u212A'
}

// quote reports whether a byte quotes a field's name or number: '"', '\”
// or Markdown's '`'.
func quote(c byte) bool { return c == '"' || c == '\'' || c == '`' }

// space is the regular expressions' \s: ASCII white space.
func space(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// wordByte is a byte of the regular expressions' \w: ASCII letters, digits
// and '_'.
func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// decodeRune decodes the rune at s[i]: one byte for ASCII and for a byte
// that starts no rune.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < 0x80 {
		return rune(c), 1
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	return r, w
}
