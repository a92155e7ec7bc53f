package rtccodes_test

import (
	"errors"
	"log/slog"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

// snapshot returns every entry of every product with its texts, to prove
// hostile input changes nothing.
func snapshot() []any {
	var out []any
	for _, p := range rtccodes.Products() {
		for e := range rtccodes.All(p) {
			out = append(out, e, e.Events(), e.Links())
			for _, l := range e.Langs() {
				out = append(out, e.Localized(l))
			}
		}
	}
	return out
}

var (
	long    = strings.Repeat("a", 1<<20)
	nonUTF8 = "\xff\xfe\xfd"
)

// TestHostileInput gives every function hostile input and checks the
// documented answer: not found, an error, or the fallback the docs describe,
// and never a panic or a change to the tables.
func TestHostileInput(t *testing.T) {
	before := snapshot()

	lookups := []struct {
		name          string
		p             rtccodes.Product
		code, subcode int
		want          rtccodes.Match // MatchNone: not found
	}{
		{"zero product", 0, 410, 3112, rtccodes.MatchNone},
		{"product past the last", rtccodes.TRTCWeb + 1, 410, 3112, rtccodes.MatchNone},
		{"max product", math.MaxUint8, 410, 3112, rtccodes.MatchNone},
		{"negative code", rtccodes.CallingSDK, -2, 3112, rtccodes.MatchNone},
		{"negative subcode", rtccodes.CallAutomation, 500, -2, rtccodes.MatchNone},
		{"MinInt pair", rtccodes.CallingSDK, math.MinInt, math.MinInt, rtccodes.MatchNone},
		{"MaxInt pair", rtccodes.PSTN, math.MaxInt, math.MaxInt, rtccodes.MatchNone},
		{"MinInt TRTC", rtccodes.TRTCWeb, math.MinInt, math.MinInt, rtccodes.MatchNone},
		{"MaxInt TRTC", rtccodes.TRTCWeb, math.MaxInt, math.MaxInt, rtccodes.MatchNone},
		{"zero pair Chat", rtccodes.Chat, 0, 0, rtccodes.MatchNone},
		{"no code, no subcode", rtccodes.SMS, rtccodes.NoCode, rtccodes.NoSubcode, rtccodes.MatchNone},
		{"MaxInt32 pair", rtccodes.CallingSDK, math.MaxInt32, math.MaxInt32, rtccodes.MatchNone},
		// NoSubcode where the table needs one: the code's own row or class.
		{"NoSubcode, class only", rtccodes.CallingSDK, 450, rtccodes.NoSubcode, rtccodes.MatchClass},
		{"NoSubcode, code row", rtccodes.CallingSDK, 480, rtccodes.NoSubcode, rtccodes.MatchExact},
		{"NoSubcode PSTN", rtccodes.PSTN, 403, rtccodes.NoSubcode, rtccodes.MatchNone},
		{"NoCode with a generic subcode", rtccodes.CallAutomation, rtccodes.NoCode, 8536, rtccodes.MatchGenericSubcode},
		{"SBC subcode of an unregistered SIP code", rtccodes.PSTN, 500, 560999, rtccodes.MatchNone},
		{"3xx has no class", rtccodes.CallingSDK, 399, 1, rtccodes.MatchNone},
		// A fact under any code: not for a code of no class, nor subcode 0.
		{"fact subcode under a code of no class", rtccodes.CallingSDK, 99999, 5854, rtccodes.MatchNone},
		{"fact subcode under MaxInt32", rtccodes.CallingSDK, math.MaxInt32, 5854, rtccodes.MatchNone},
		{"fact subcode under a negative code", rtccodes.CallingSDK, -2, 5854, rtccodes.MatchNone},
		{"fact subcode under code 0", rtccodes.CallingSDK, 0, 5854, rtccodes.MatchObserved},
		{"fact under a code, MaxInt32 subcode", rtccodes.CallingSDK, 401, math.MaxInt32, rtccodes.MatchObserved},
		{"TRTC fact code, negative extra code", rtccodes.TRTCWeb, 16459, -99, rtccodes.MatchObserved},
	}
	if strconv.IntSize == 64 {
		// A number past 32 bits must not alias the one it wraps around to:
		// the fallbacks answer, not the exact row 410/3112; a code of no
		// class gets no other code's row. (A 32-bit int cannot hold one.)
		shift := 32
		lookups = append(lookups, []struct {
			name          string
			p             rtccodes.Product
			code, subcode int
			want          rtccodes.Match
		}{
			{"code wraps to 410", rtccodes.CallingSDK, 410 + 1<<shift, 3112, rtccodes.MatchNone},
			{"subcode wraps to 3112", rtccodes.CallingSDK, 410, 3112 + 1<<shift, rtccodes.MatchCode},
			{"both wrap", rtccodes.CallAutomation, 400 + 1<<shift, 8523 + 1<<shift, rtccodes.MatchNone},
		}...)
	}
	for _, tt := range lookups {
		e, ok := rtccodes.Lookup(tt.p, tt.code, tt.subcode)
		assert.Equal(t, tt.want != rtccodes.MatchNone, ok, "Lookup %s", tt.name)
		assert.Equal(t, tt.want, e.Match, "Lookup %s: %v", tt.name, e)
		if !ok {
			assert.Equal(t, rtccodes.Entry{}, e, tt.name)
		}
		_, ok = rtccodes.LookupSection(tt.p, rtccodes.SectionClient, tt.code, tt.subcode)
		if tt.want != rtccodes.MatchExact {
			assert.False(t, ok, "LookupSection %s", tt.name)
		}
		err := rtccodes.NewError(tt.p, tt.code, tt.subcode)
		assert.NotEmpty(t, err.Error(), tt.name)
		_, ok = rtccodes.CategoryOf(err)
		assert.Equal(t, e.Category != "", ok, tt.name)
	}

	for _, s := range []rtccodes.Section{0, rtccodes.SectionMessage + 1, math.MaxUint8} {
		_, ok := rtccodes.LookupSection(rtccodes.CallingSDK, s, 410, 3112)
		assert.False(t, ok, "section %d", s)
		assert.NotEmpty(t, s.String())
	}

	for _, s := range []string{"", " ", "\t\n", long, nonUTF8, "\x00", "0x", "0X", "0xZZ", "0x" + strings.Repeat("f", 40),
		"410/", "/3112", "410//3112", "410/3112/1", "# #", "99999999999999999999", "-99999999999999999999",
		"DiagCode: 99999999999999999999#1", "DiagCode: #", "DiagCode:", strings.Repeat("DiagCode: ", 10000),
		// Numbers are decimal or 0x hexadecimal only.
		"4_1_0", "0b110011010", "0o632", "+410", "0x_4004", "-0x4004", "0x4004_", "410 +3112"} {
		for _, p := range append(rtccodes.Products(), 0, 200) {
			e, ok := rtccodes.LookupString(p, s)
			assert.False(t, ok, "LookupString(%v, %.40q) = %v", p, s, e)
			assert.Equal(t, rtccodes.Entry{}, e)
		}
		_, _, ok := rtccodes.ParseDiagCode(s)
		assert.False(t, ok, "ParseDiagCode(%.40q)", s)
		_, ok = rtccodes.ExplainMessage(s)
		assert.False(t, ok, "ExplainMessage(%.40q)", s)
		_, err := rtccodes.ParseProduct(s)
		assert.Error(t, err, "ParseProduct(%.40q)", s)
		assert.Empty(t, rtccodes.EventEntries(s), "EventEntries(%.40q)", s)
	}
	// A leading zero is a decimal number, not octal.
	e, ok := rtccodes.LookupString(rtccodes.CallingSDK, "0410")
	assert.True(t, ok)
	assert.Equal(t, 410, e.Code, "0410 is 410")
	// A TRTC hex code with a message is tried both ways.
	e, ok = rtccodes.LookupString(rtccodes.TRTCWeb, "0x4004 NotAllowedError: Permission denied")
	assert.True(t, ok)
	assert.Equal(t, "NotAllowedError", e.Key)
	e, ok = rtccodes.LookupString(rtccodes.TRTCWeb, "0x4004 something else")
	assert.True(t, ok)
	assert.Equal(t, rtccodes.MatchHex, e.Match)
	assert.Equal(t, "JOIN_ROOM_FAILED", e.Key)
	// A TRTC key is not a key of another product.
	_, ok = rtccodes.LookupString(rtccodes.CallingSDK, "JOIN_ROOM_FAILED")
	assert.False(t, ok)

	// Search: blank, NUL, non-UTF-8 and very long queries find nothing.
	for _, q := range []string{"", "   ", "\x00", nonUTF8, long} {
		for e := range rtccodes.Search(q) {
			t.Errorf("Search(%.40q) found %v", q, e)
		}
	}

	// Localized: any string gives a language the entry has, the zero Entry
	// gives nothing.
	e, ok = rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
	require.True(t, ok)
	for _, lang := range []string{"", long, nonUTF8, "\x00", "*", "ja;q=2", "ja;q=-1", "ja;q=nan", strings.Repeat("ja,", 100000),
		"x-" + strings.Repeat("a", 100), "und", "zh-Hant-TW-u-rg-jpzzzz"} {
		got := e.Localized(lang)
		assert.Contains(t, e.Langs(), got.Lang, "Localized(%.40q)", lang)
		assert.Equal(t, rtccodes.Text{}, rtccodes.Entry{}.Localized(lang))
	}

	// One bad entry of an Accept-Language value does not spoil the others;
	// a value past MaxAcceptLanguage is cut, not parsed.
	junk := strings.Repeat("xx-yy;q=0.5, ", 1<<20) // 13 MiB
	for lang, want := range map[string]string{
		"ja, en-US;q=0.9, xx;q=0.1":         "ja",
		"ja;Q=0.9":                          "ja",
		"en;q=0.1, ja;Q=0.9":                "ja",
		"fr;q=abc, ja;q=0.5":                "ja",
		"!!!, fr-CA;q=0.8":                  "fr",
		"de, ja;q=0.0, fr;q=0.2":            "fr",
		"ja, " + junk:                       "ja",
		junk + ", ja":                       "en",
		strings.Repeat("a", 1<<20) + ", ja": "en",
	} {
		assert.Equal(t, want, e.Localized(lang).Lang, "Localized(%.40q)", lang)
	}

	// Reference tables.
	for _, code := range []int{math.MinInt, -1, 0, 1000, math.MaxInt} {
		_, ok := rtccodes.SIPReason(code)
		assert.False(t, ok, "SIPReason(%d)", code)
	}
	for _, code := range []int{math.MinInt, -1, 0, 128, math.MaxInt} {
		_, ok := rtccodes.Q850Cause(code)
		assert.False(t, ok, "Q850Cause(%d)", code)
	}

	// Iteration over a product that is not one yields nothing.
	for range rtccodes.All(0) {
		t.Error("All(0) yielded")
	}
	for _, code := range []int{math.MinInt, -1, math.MaxInt, rtccodes.NoCode} {
		for _, p := range append(rtccodes.Products(), 0, 200) {
			for e := range rtccodes.ByCode(p, code) {
				t.Errorf("ByCode(%v, %d) yielded %v", p, code, e)
			}
		}
	}

	// Errors: nil, nil *Error, and errors wrapping nothing of ours.
	for _, err := range []error{nil, (*rtccodes.Error)(nil), errors.New(nonUTF8), errors.Join(nil, nil)} {
		_, ok := rtccodes.CategoryOf(err)
		assert.False(t, ok)
		_, ok = rtccodes.EntryOf(err)
		assert.False(t, ok)
	}
	var nilErr *rtccodes.Error
	assert.Equal(t, "rtccodes: <nil>", nilErr.Error())
	assert.Equal(t, slog.KindGroup, nilErr.LogValue().Kind())
	assert.Equal(t, "rtccodes: Product(0) "+strconv.Itoa(math.MinInt)+"/"+strconv.Itoa(math.MaxInt)+": undocumented code",
		rtccodes.NewError(0, math.MinInt, math.MaxInt).Error())

	// Huge valid JSON is read; deeply nested and malformed JSON is an error
	// (see TestExplainBadInput for the malformed cases).
	x, err := rtccodes.Explain([]byte(`{"code": 487, "subCode": 10003, "pad": "` + long + `"}`))
	require.NoError(t, err)
	assert.True(t, x.Found)
	_, err = rtccodes.Explain([]byte(strings.Repeat(`{"data":`, 100000)))
	assert.Error(t, err)
	// Data after the value, whatever it starts with, and two spellings of a
	// key that disagree are errors; the same value twice is not.
	for _, payload := range []string{
		`{"code":487,"subCode":10003}]]] this is garbage`,
		`{"code":487,"subCode":10003} } } not json`,
		`{"code":487,"subCode":10003} {"code":1}`,
		`{"code":487,"subCode":10003},`,
		`{"resultInformation":{"code":500,"subCode":8523},"ResultInformation":{"code":400}}`,
		`{"code":487,"Code":486}`,
		`{"data":{"resultInformation":{"code":500,"subCode":1,"SUBCODE":2}}}`,
		`{"code":487,"\u0063ode":486}`,
		`{"code":487,"subCode":1,"ſubCode":2}`,
		`[{"code":487,"subCode":{"x":1},"subcode":{"x":2}}]`,
	} {
		x, err := rtccodes.Explain([]byte(payload))
		assert.Error(t, err, "Explain(%s) = %+v", payload, x)
	}
	x, err = rtccodes.Explain([]byte(`{"code":487,"subCode":10003,"Code":487} ` + "\n\t"))
	require.NoError(t, err)
	assert.Equal(t, 487, x.Code)
	// Keys Explain does not read may repeat; nested objects are their own.
	x, err = rtccodes.Explain([]byte(`{"pad":1,"pad":2,"data":{"code":487,"x":{"code":1},"y":{"code":2},"subCode":10003}}`))
	require.NoError(t, err)
	assert.Equal(t, 10003, x.Subcode)

	assert.Equal(t, before, snapshot(), "hostile input changed the tables")
}
