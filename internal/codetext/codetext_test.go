package codetext_test

import (
	"errors"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rtccodes/rtccodes/internal/codetext"
)

func TestParse(t *testing.T) {
	for s, want := range map[string]int{
		"410": 410, "0410": 410, "0": 0, "-10018": -10018, "0x4001": 0x4001, "0X4001": 0x4001,
		"0xffff": 0xffff, "00": 0, "-0": 0,
	} {
		got, err := codetext.Parse(s)
		assert.NoError(t, err, s)
		assert.Equal(t, want, got, s)
	}
	for _, s := range []string{"", "-", "+410", "4_1_0", "0b110011010", "0o632", "0x", "0x_40", "-0x40", " 410", "410 ",
		"4 10", "1e3", "0x4g", "٤١٠", "410\x00"} {
		_, err := codetext.Parse(s)
		assert.ErrorIs(t, err, codetext.ErrNotCode, "%q", s)
	}
	big := "9223372036854775808" // MaxInt64 + 1
	if strconv.IntSize == 32 {
		big = "2147483648"
	}
	_, err := codetext.Parse(big)
	assert.True(t, errors.Is(err, strconv.ErrRange), "%s: %v", big, err)
	n, err := codetext.Parse("-" + big)
	assert.NoError(t, err, "the most negative int")
	assert.Negative(t, n)
	_, err = codetext.Parse("0x" + "1" + big)
	assert.ErrorIs(t, err, strconv.ErrRange)
}

func TestDiagCode(t *testing.T) {
	code, sub, ok := codetext.DiagCode("Server Internal Error. DiagCode: 500#560500.@")
	assert.True(t, ok)
	assert.Equal(t, [2]int{500, 560500}, [2]int{code, sub})
	for _, s := range []string{"", "DiagCode:", "DiagCode: 500", "DiagCode: #1", "no code here", "DiagCode: 99999999999999999999#1"} {
		_, _, ok := codetext.DiagCode(s)
		assert.False(t, ok, s)
	}
}

func FuzzDiagCode(f *testing.F) {
	f.Add("Server Internal Error. DiagCode: 500#560500.@")
	f.Add("DiagCode: 0#0")
	f.Fuzz(func(t *testing.T, s string) {
		code, sub, ok := codetext.DiagCode(s)
		if ok && (code < 0 || sub < 0) {
			t.Fatalf("%q: %d/%d", s, code, sub)
		}
	})
}

func TestPair(t *testing.T) {
	for s, want := range map[string][3]int{
		"410": {410, 0, 0}, "410 3112": {410, 3112, 1}, "410/3112": {410, 3112, 1}, "410#3112": {410, 3112, 1},
		"410,3112": {410, 3112, 1}, "410:3112": {410, 3112, 1}, " 410 , 3112 ": {410, 3112, 1}, "0x4001 -8": {0x4001, -8, 1},
		"410\t3112": {410, 3112, 1}, "410 #3112": {410, 3112, 1}, "410\t\t,\t3112": {410, 3112, 1}, "410: 3112": {410, 3112, 1},
	} {
		code, sub, hasSub, ok := codetext.Pair(s)
		assert.True(t, ok, "%q", s)
		assert.Equal(t, want, [3]int{code, sub, map[bool]int{false: 0, true: 1}[hasSub]}, "%q", s)
	}
	for _, s := range []string{"", "410/", "/3112", "410//3112", "410/3112/1", "# #", "410 +3112", "410 3112 5", "a b", "410,,3112", "410 3112#", "410 :3112:", "410é3112", "410 é"} {
		_, _, _, ok := codetext.Pair(s)
		assert.False(t, ok, "%q", s)
	}
}
