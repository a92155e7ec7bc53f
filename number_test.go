package rtccodes_test

import (
	"errors"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rtccodes/rtccodes"
)

func TestParseCode(t *testing.T) {
	for s, want := range map[string]int{
		"410": 410, "0410": 410, "0": 0, "-10018": -10018, "0x4001": 0x4001, "0X4001": 0x4001,
		"0xffff": 0xffff, "00": 0, "-0": 0,
	} {
		got, err := rtccodes.ParseCode(s)
		assert.NoError(t, err, s)
		assert.Equal(t, want, got, s)
	}
	for _, s := range []string{"", "-", "+410", "4_1_0", "0b110011010", "0o632", "0x", "0x_40", "-0x40", " 410", "410 ",
		"4 10", "1e3", "0x4g", "٤١٠", "410\x00"} {
		_, err := rtccodes.ParseCode(s)
		assert.ErrorIs(t, err, rtccodes.ErrNotCode, "%q", s)
	}
	big := "9223372036854775808" // MaxInt64 + 1
	if strconv.IntSize == 32 {
		big = "2147483648"
	}
	_, err := rtccodes.ParseCode(big)
	assert.True(t, errors.Is(err, strconv.ErrRange), "%s: %v", big, err)
	n, err := rtccodes.ParseCode("-" + big)
	assert.NoError(t, err, "the most negative int")
	assert.Negative(t, n)
	_, err = rtccodes.ParseCode("0x" + "1" + big)
	assert.ErrorIs(t, err, strconv.ErrRange)
}
