// Package codetext reads codes as services and people write them: the
// one reader of numbers of rtccodes, its explain package and its tool.
package codetext

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrNotCode is returned by Parse for text that is not a code.
var ErrNotCode = errors.New("not a decimal or 0x hexadecimal integer")

// Parse reads a code as services and the documents write it: a decimal
// integer, which may be negative and may have leading zeros ("410", "-10018",
// "0410" is 410), or a hexadecimal one with a 0x or 0X prefix ("0x4001").
// It reads nothing else: no sign "+", no underscores, no octal, binary or
// 0o prefixes, no spaces. The error wraps ErrNotCode, or strconv.ErrRange for
// a number outside the int range. Every reader of codes in rtccodes, its
// explain package and its tool uses it.
func Parse(s string) (int, error) {
	n, err := Bare(s)
	if err != nil {
		return 0, fmt.Errorf("rtccodes: code %.40q: %w", s, err)
	}
	return n, nil
}

// Bare is Parse with the bare reason of an error, which costs nothing to
// make whatever the length of s.
func Bare(s string) (int, error) {
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
		if c := Lower(digits[i]); !(c >= '0' && c <= '9' || base == 16 && c >= 'a' && c <= 'f') {
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

// DiagCode reads the "DiagCode: <code>#<subcode>.@" suffix that ACS and
// Microsoft Graph put in messages, as in
// "Server Internal Error. DiagCode: 500#560500.@".
func DiagCode(message string) (code, subcode int, ok bool) {
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

// Lower returns an ASCII letter in lower case, any other byte as it is.
func Lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Pair reads a text that is only a code, or a code and a subcode: two
// numbers (as Parse reads them) separated by spaces or by one of ",", ":",
// "/" and "#" with spaces around it or not ("410 3112", "410/3112",
// "410, 3112", "0x4001:70001"). Anything else is not a pair.
func Pair(s string) (code, subcode int, hasSubcode, ok bool) {
	s = strings.TrimSpace(s)
	i := pairSeparator(s)
	if i < 0 {
		code, err := Bare(s)
		return code, 0, false, err == nil
	}
	rest := trimBlanks(s[i:])
	if rest != "" && strings.IndexByte(",:/#", rest[0]) >= 0 {
		rest = trimBlanks(rest[1:])
	}
	if rest == "" || pairSeparator(rest) >= 0 {
		return 0, 0, false, false
	}
	code, err1 := Bare(s[:i])
	subcode, err2 := Bare(rest)
	return code, subcode, true, err1 == nil && err2 == nil
}

// trimBlanks is s without its leading spaces and tabs.
func trimBlanks(s string) string {
	for s != "" && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	return s
}

// pairSeparator returns the index of the first byte of s that can separate
// a pair's numbers (' ', '\t', ',', ':', '/', '#'), or -1.
func pairSeparator(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', ',', ':', '/', '#':
			return i
		}
	}
	return -1
}
