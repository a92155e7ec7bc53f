package rtccodes

import (
	"errors"
	"fmt"
	"strconv"
)

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
	digits, base, neg := s, 10, false
	if len(digits) > 0 && digits[0] == '-' {
		digits, neg = digits[1:], true
	}
	if len(digits) > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X') && !neg {
		digits, base = digits[2:], 16
	}
	if digits == "" {
		return 0, fmt.Errorf("rtccodes: code %q: %w", s, ErrNotCode)
	}
	for i := 0; i < len(digits); i++ {
		if c := lower(digits[i]); !(c >= '0' && c <= '9' || base == 16 && c >= 'a' && c <= 'f') {
			return 0, fmt.Errorf("rtccodes: code %q: %w", s, ErrNotCode)
		}
	}
	n, err := strconv.ParseUint(digits, base, strconv.IntSize)
	if err != nil || n > 1<<(strconv.IntSize-1)-1 && !(neg && n == 1<<(strconv.IntSize-1)) {
		return 0, fmt.Errorf("rtccodes: code %q: %w", s, strconv.ErrRange)
	}
	if neg {
		return int(-n), nil
	}
	return int(n), nil
}
