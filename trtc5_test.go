package rtccodes_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

// trtc5Row is a row of the TRTC Web SDK 5.x table, read here on its own.
type trtc5Row struct {
	code, refines   int
	key, meaning    string
	advice          string
	since, revision string
}

// readTRTC5 reads testdata/trtc/web-5x-error-codes.en.tsv with a reader of
// the test's own.
func readTRTC5(t *testing.T) []trtc5Row {
	t.Helper()
	b, err := os.ReadFile("testdata/trtc/web-5x-error-codes.en.tsv")
	require.NoError(t, err)
	var rows []trtc5Row
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(l, "#") || strings.HasPrefix(l, "code\t") {
			continue
		}
		c := strings.Split(l, "\t")
		require.Len(t, c, 9, l)
		code, err := strconv.Atoi(c[0])
		require.NoError(t, err, l)
		r := trtc5Row{code: code, refines: -1, key: c[1], since: c[3], meaning: c[4], advice: c[5], revision: c[8]}
		require.NotEmpty(t, r.advice, "every 5.x row says what to do: %s", l)
		if c[2] != "" {
			r.refines, err = strconv.Atoi(c[2])
			require.NoError(t, err, l)
		}
		rows = append(rows, r)
	}
	return rows
}

// TestTRTC5EveryCodeByNumberAndKey asks every code and extra code of the
// SDK's enum, as the table lists them, by its number and by its key.
func TestTRTC5EveryCodeByNumberAndKey(t *testing.T) {
	rows := readTRTC5(t)
	public := 0
	for _, r := range rows {
		var e rtccodes.Entry
		var ok bool
		if r.refines < 0 {
			public++
			e, ok = rtccodes.Lookup(rtccodes.TRTCWebV5, r.code)
		} else {
			e, ok = rtccodes.Lookup(rtccodes.TRTCWebV5, r.refines, r.code)
			// An extra code alone finds its row too.
			alone, aloneOK := rtccodes.Lookup(rtccodes.TRTCWebV5, r.code)
			if assert.True(t, aloneOK, "%d alone", r.code) {
				assert.Equal(t, r.key, alone.Key)
				assert.Equal(t, rtccodes.MatchSubcode, alone.Match)
			}
		}
		require.True(t, ok, "%v", r)
		assert.Equal(t, rtccodes.MatchExact, e.Match, "%v", r)
		assert.Equal(t, r.key, e.Key)
		assert.Equal(t, r.meaning, e.Message)
		assert.Equal(t, r.advice, e.Advice)
		assert.Equal(t, r.since, e.Since)
		assert.Equal(t, rtccodes.SectionSDKEnum, e.Section)
		assert.Equal(t, rtccodes.OutcomeFailure, e.Outcome, "every code is an error")
		assert.Empty(t, e.Category, "no category is invented")
		prov, has := e.Provenance()
		assert.True(t, has)
		assert.Equal(t, "Tencent-RTC/TRTC_Web", prov.Repository)
		assert.Equal(t, r.revision, prov.Revision)

		byKey, ok := rtccodes.LookupString(rtccodes.TRTCWebV5, r.key)
		require.True(t, ok, r.key)
		assert.Equal(t, rtccodes.MatchKey, byKey.Match)
		assert.Equal(t, e.Pair(), byKey.Pair(), r.key)
		byKey, ok = rtccodes.LookupString(rtccodes.TRTCWebV5, strings.ToLower(r.key))
		assert.True(t, ok, "a key in any case")
		assert.Equal(t, e.Pair(), byKey.Pair(), r.key)
	}
	n := 0
	for e := range rtccodes.All(rtccodes.TRTCWebV5) {
		if e.Section == rtccodes.SectionSDKEnum { // the facts table has rows of the product too
			n++
		}
	}
	t.Logf("%d codes of the SDK's enum (%d public codes), each by number and by key", len(rows), public)
	assert.Equal(t, len(rows), n, "every row of the table, and no other")
	assert.Equal(t, 8, public, "the eight public codes")
	assert.GreaterOrEqual(t, len(rows), 68)
}

// TestTRTCKeysOfBothSDKs checks that a key both SDKs use with different
// numbers answers both, each with its SDK, and that naming the product
// picks one; and that the 5.x codes are not the 4.x SDK's.
func TestTRTCKeysOfBothSDKs(t *testing.T) {
	for key, want := range map[string][2]string{
		"INVALID_PARAMETER": {"4096", "5000"},
		"INVALID_OPERATION": {"4097", "5100"},
	} {
		answers := rtccodes.Resolve(rtccodes.Question{Text: key})
		var got [][2]string
		for _, e := range answers {
			got = append(got, [2]string{e.Product.String(), e.Pair()})
		}
		assert.Equal(t, [][2]string{{"TRTCWeb", want[0]}, {"TRTCWebV5", want[1]}}, got, key)
		e, _ := rtccodes.LookupString(rtccodes.TRTCWebV5, key)
		assert.Equal(t, want[1], e.Pair())
		e, _ = rtccodes.LookupString(rtccodes.TRTCWeb, key)
		assert.Equal(t, want[0], e.Pair())
	}
	answers := rtccodes.Resolve(rtccodes.Question{Code: 5300, HasCode: true, Subcode: 5302, HasSubcode: true})
	require.NotEmpty(t, answers)
	assert.Equal(t, rtccodes.TRTCWebV5, answers[0].Product, "without a product, 5300/5302 is the 5.x SDK's")
	_, ok := rtccodes.Lookup(rtccodes.TRTCWeb, 5300, 5302)
	assert.False(t, ok, "the 4.x SDK has no 5300")
	_, ok = rtccodes.LookupString(rtccodes.TRTCWebV5, "0x4001")
	assert.False(t, ok, "the 5.x SDK has no hexadecimal codes")
	// A key asked alone is a key question, however common its words.
	e, ok := rtccodes.LookupString(rtccodes.TRTCWebV5, "SERVER_ERROR")
	assert.True(t, ok)
	assert.Equal(t, "5400", e.Pair())
}

// TestTRTC5ListSearchAndLanguages lists, searches and localizes the new
// product as any other: English only, its one source being English.
func TestTRTC5ListSearchAndLanguages(t *testing.T) {
	e, ok := rtccodes.Lookup(rtccodes.TRTCWebV5, 5300, 5302)
	require.True(t, ok)
	assert.Equal(t, []string{"en"}, e.Langs())
	assert.Equal(t, "en", e.Localized("ja").Lang)
	assert.Equal(t, e.Message, e.Localized("fr-CA").Message)
	found := false
	for s := range rtccodes.Search("denied by the user or by the system") {
		found = found || s.Product == rtccodes.TRTCWebV5 && s.Key == "DEVICE_NOT_ALLOWED_ERROR"
	}
	assert.True(t, found)
	p, err := rtccodes.ParseProduct("TRTC Web SDK 5.x")
	require.NoError(t, err)
	assert.Equal(t, rtccodes.TRTCWebV5, p)
	p, err = rtccodes.ParseProduct("trtc")
	require.NoError(t, err)
	assert.Equal(t, rtccodes.TRTCWeb, p, "trtc stays the 4.x SDK")
}

// TestCodesAreEvidenceForAMessage checks that the message of a record with
// codes answers where its codes do not, though it names no product: the
// codes, not the words, are the evidence there.
func TestCodesAreEvidenceForAMessage(t *testing.T) {
	answers := rtccodes.Resolve(rtccodes.Question{Products: []rtccodes.Product{rtccodes.TRTCWeb, rtccodes.TRTCWebV5},
		Code: 99999, HasCode: true, Text: "NotAllowedError: Permission denied"})
	require.NotEmpty(t, answers)
	assert.Equal(t, rtccodes.TRTCWeb, answers[0].Product)
	assert.Equal(t, rtccodes.MatchMessage, answers[0].Match)
	assert.Empty(t, rtccodes.Resolve(rtccodes.Question{Text: "NotAllowedError: Permission denied"}), "the text alone names no product")
}
