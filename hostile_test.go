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
	"golang.org/x/text/language"

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

	type lookup struct {
		name    string
		p       rtccodes.Product
		code    int
		subcode []int          // none: a code without subcode
		want    rtccodes.Match // MatchNone: not found
	}
	one := func(n int) []int { return []int{n} }
	lookups := []lookup{
		{"zero product", 0, 410, one(3112), rtccodes.MatchNone},
		{"product past the last", rtccodes.Product(len(rtccodes.Products()) + 1), 410, one(3112), rtccodes.MatchNone},
		{"max product", math.MaxUint8, 410, one(3112), rtccodes.MatchNone},
		{"negative code", rtccodes.CallingSDK, -2, one(3112), rtccodes.MatchNone},
		{"negative subcode", rtccodes.CallAutomation, 500, one(-2), rtccodes.MatchNone},
		{"MinInt pair", rtccodes.CallingSDK, math.MinInt, one(math.MinInt), rtccodes.MatchNone},
		{"MaxInt pair", rtccodes.PSTN, math.MaxInt, one(math.MaxInt), rtccodes.MatchNone},
		{"MinInt TRTC", rtccodes.TRTCWeb, math.MinInt, one(math.MinInt), rtccodes.MatchNone},
		{"MaxInt TRTC", rtccodes.TRTCWeb, math.MaxInt, one(math.MaxInt), rtccodes.MatchNone},
		{"zero pair Chat", rtccodes.Chat, 0, one(0), rtccodes.MatchNone},
		{"-1 is a code", rtccodes.SMS, -1, nil, rtccodes.MatchNone},
		{"-1 is a code, with a generic subcode", rtccodes.CallAutomation, -1, one(8536), rtccodes.MatchNone},
		{"two subcodes", rtccodes.CallingSDK, 410, []int{3112, 3112}, rtccodes.MatchNone},
		{"MaxInt32 pair", rtccodes.CallingSDK, math.MaxInt32, one(math.MaxInt32), rtccodes.MatchNone},
		// No subcode where the table has one: the code's own row or class.
		{"no subcode, class only", rtccodes.CallingSDK, 450, nil, rtccodes.MatchClass},
		{"no subcode, code row", rtccodes.CallingSDK, 480, nil, rtccodes.MatchExact},
		{"no subcode PSTN", rtccodes.PSTN, 403, nil, rtccodes.MatchCodeRows},
		{"SBC subcode of an unregistered SIP code", rtccodes.PSTN, 500, one(560999), rtccodes.MatchCodeRows},
		{"SBC subcode, a code no row has", rtccodes.PSTN, 302, one(560999), rtccodes.MatchNone},
		{"3xx has no class", rtccodes.CallingSDK, 399, one(1), rtccodes.MatchNone},
		// A fact under any code: not for a code of no class, nor subcode 0.
		{"fact subcode under a code of no class", rtccodes.CallingSDK, 99999, one(5854), rtccodes.MatchNone},
		{"fact subcode under MaxInt32", rtccodes.CallingSDK, math.MaxInt32, one(5854), rtccodes.MatchNone},
		{"fact subcode under a negative code", rtccodes.CallingSDK, -2, one(5854), rtccodes.MatchNone},
		{"fact subcode under code 0", rtccodes.CallingSDK, 0, one(5854), rtccodes.MatchObserved},
		{"fact under a code, MaxInt32 subcode", rtccodes.CallingSDK, 401, one(math.MaxInt32), rtccodes.MatchObserved},
		{"TRTC fact code, negative extra code", rtccodes.TRTCWeb, 16459, one(-99), rtccodes.MatchObserved},
	}
	if strconv.IntSize == 64 {
		// A number past 32 bits must not alias the one it wraps around to:
		// the fallbacks answer, not the exact row 410/3112; a code of no
		// class gets no other code's row. (A 32-bit int cannot hold one.)
		shift := 32
		lookups = append(lookups, []lookup{
			{"code wraps to 410", rtccodes.CallingSDK, 410 + 1<<shift, one(3112), rtccodes.MatchNone},
			{"subcode wraps to 3112", rtccodes.CallingSDK, 410, one(3112 + 1<<shift), rtccodes.MatchCode},
			{"both wrap", rtccodes.CallAutomation, 400 + 1<<shift, one(8523 + 1<<shift), rtccodes.MatchNone},
		}...)
	}
	for _, tt := range lookups {
		e, ok := rtccodes.Lookup(tt.p, tt.code, tt.subcode...)
		assert.Equal(t, tt.want != rtccodes.MatchNone, ok, "Lookup %s", tt.name)
		assert.Equal(t, tt.want, e.Match, "Lookup %s: %v", tt.name, e)
		if !ok {
			assert.Equal(t, rtccodes.Entry{}, e, tt.name)
		}
		err := rtccodes.NewError(tt.p, tt.code, tt.subcode...)
		assert.NotEmpty(t, err.Error(), tt.name)
		_, found := rtccodes.EntryOf(err)
		assert.Equal(t, ok, found, tt.name)
	}
	// A question without code or subcode is answered only by its text.
	assert.Empty(t, rtccodes.Resolve(rtccodes.Question{}))
	generic := rtccodes.Resolve(rtccodes.Question{Products: []rtccodes.Product{rtccodes.CallAutomation}, Subcode: 8536, HasSubcode: true})
	if assert.Len(t, generic, 1, "a subcode without code") {
		assert.Equal(t, rtccodes.MatchGenericSubcode, generic[0].Match)
		assert.Equal(t, rtccodes.OutcomeFailure, generic[0].Outcome, "no code asked: the generic row's own outcome")
	}
	assert.Empty(t, rtccodes.Resolve(rtccodes.Question{Products: []rtccodes.Product{0, 200}, Code: 410, HasCode: true}))

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
		_, err := rtccodes.ParseProduct(s)
		assert.Error(t, err, "ParseProduct(%.40q)", s)
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

	// MatchLanguage passes over malformed tags; a tag the CLDR data maps is
	// not malformed.
	for lang, want := range map[string]bool{"ja-!!!": false, "ja-": false, "-ja": false, "ja--JP": false, "ja-abcdefghi": false,
		"ja_JP": true, "fr-CA": true, "ja-JP-u-ca-japanese": true} {
		got, ok := rtccodes.MatchLanguage(lang)
		assert.Equal(t, want, ok, "MatchLanguage(%q) = %q", lang, got)
		if !want {
			assert.Equal(t, "en", got, "MatchLanguage(%q)", lang)
		}
	}
	_, err := language.Parse("i-klingon")
	assert.NoError(t, err, "i-klingon is well formed: CLDR maps it")
	klingon, _ := rtccodes.MatchLanguage("i-klingon")
	assert.Equal(t, "en", klingon, "Klingon is read, and served in English")

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
	// Errors: nil, nil *Error, and errors wrapping nothing of ours.
	for _, err := range []error{nil, (*rtccodes.Error)(nil), errors.New(nonUTF8), errors.Join(nil, nil)} {
		_, ok := rtccodes.EntryOf(err)
		assert.False(t, ok)
	}
	var nilErr *rtccodes.Error
	assert.Equal(t, "rtccodes: <nil>", nilErr.Error())
	assert.Equal(t, slog.KindGroup, nilErr.LogValue().Kind())
	assert.Equal(t, "rtccodes: Product(0) "+strconv.Itoa(math.MinInt)+"/"+strconv.Itoa(math.MaxInt)+": undocumented code",
		rtccodes.NewError(0, math.MinInt, math.MaxInt).Error())

	assert.Equal(t, before, snapshot(), "hostile input changed the tables")
}
