package rtccodes_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/internal/sourcedoc"
)

// TestGeneratedTablesAreFresh regenerates every table in memory and fails
// when a committed file differs: run go generate ./... to refresh them.
func TestGeneratedTablesAreFresh(t *testing.T) {
	files, err := sourcedoc.Generate("testdata")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for name, want := range files {
		got, err := os.ReadFile(name)
		require.NoError(t, err)
		if !bytes.Equal(got, want) {
			t.Errorf("file on disk %s is stale: run go generate ./...\n%s", name, firstDiff(got, want))
		}
		assert.True(t, bytes.HasPrefix(got, []byte(sourcedoc.Header+"\n")), "%s lacks the generated header", name)
		assert.Regexp(t, `^// Code generated .* DO NOT EDIT\.$`, sourcedoc.Header)
	}
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n-" + gl + "\n+" + wl
		}
	}
	return ""
}

// TestParsedRowsAreInTheTables proves that every row the generator parsed
// from the sources is found through the public API with its text, in every
// language, its category and its section.
// source returns the lines of a source document from the nth line equal to
// start up to the first line for which end is true.
func source(t *testing.T, file, start string, nth int, end func(string) bool) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + file)
	require.NoError(t, err)
	lines := strings.Split(string(b), "\n")
	seen := 0
	for i, l := range lines {
		if strings.TrimSpace(l) != start {
			continue
		}
		if seen++; seen < nth {
			continue
		}
		for j := i + 1; j < len(lines); j++ {
			if end(lines[j]) {
				return lines[i+1 : j]
			}
		}
		return lines[i+1:]
	}
	t.Fatalf("%s: no line %q #%d", file, start, nth)
	return nil
}

func normalized(t *testing.T, file string) string {
	b, err := os.ReadFile("testdata/" + file)
	require.NoError(t, err)
	return strings.Join(strings.FieldsFunc(string(b), unicode.IsSpace), " ")
}

func digits(s string) int {
	n, _ := strconv.Atoi(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s))
	return n
}

type key struct{ code, subcode int }

// rawKeys reads the keys of the lines that match pair (subcode, code) or
// codes (a list of codes).
func rawKeys(lines []string, pair, codes *regexp.Regexp) (pairs []key, codeOnly []int) {
	for _, l := range lines {
		if m := pair.FindStringSubmatch(l); m != nil {
			pairs = append(pairs, key{digits(m[2]), digits(m[1])})
		} else if m := codes.FindStringSubmatch(l); m != nil {
			for _, c := range regexp.MustCompile(`\d+`).FindAllString(m[1], -1) {
				codeOnly = append(codeOnly, digits(c))
			}
		}
	}
	return pairs, codeOnly
}

const (
	seedJa      = "acs/troubleshooting-codes.ja.txt"
	seedFr      = "acs/calling-codes.fr.txt"
	seedEn      = "acs/troubleshooting-codes.en.txt"
	edition2025 = "acs/troubleshooting-codes.en.2025-07-14.md"
)

func noPipe(l string) bool { return !strings.Contains(l, "|") }

// TestCallingSDKTablesAreComplete counts the rows of every Calling SDK table
// in every source and finds each of them, with text as published.
func TestCallingSDKTablesAreComplete(t *testing.T) {
	sections := []struct {
		section      rtccodes.Section
		pairs        int
		codeOnly     []int
		enHeader     string
		enEnd        string
		jaHeader     string
		frHeader     string
		nth          int
		editionTitle string
	}{
		{rtccodes.SectionClient, 45, []int{480, 481, 487, 490, 491, 496, 497, 498, 503, 504, 600, 603, 604, 606},
			"Subcode Code Message Result category Advice", "Understanding calling codes and subcodes errors",
			"サブコード | コード | メッセージ | 結果カテゴリ | 通知 |", "Sous-code | Code | Message | Catégorie de résultats | Conseils |", 1,
			"## Azure Communication Services Calling SDK client error codes and subcodes"},
		{rtccodes.SectionCallEnd, 37, []int{404, 408, 410, 430, 480, 481, 490, 491, 496, 497, 498, 500, 503, 504},
			"Subcode Code Message Result Categories Advice", "Understanding calling codes and subcodes",
			"サブコード | コード | メッセージ | 結果カテゴリ | 通知 |", "Sous-code | Code | Message | Catégories de résultats | Conseils |", 2,
			"## Calling End call codes and subcodes"},
	}
	pairLine := regexp.MustCompile(`^(\d[\d,\s]*?) \| (\d+) \|`)
	codesLine := regexp.MustCompile(`^(\d{3}(?:[、,] ?\d{3})*) \| \D`)
	enNorm, jaNorm, frNorm := normalized(t, seedEn), normalized(t, seedJa), normalized(t, seedFr)
	for _, s := range sections {
		t.Run(string(s.section), func(t *testing.T) {
			enPairs, enCodes := rawKeys(source(t, seedEn, s.enHeader, 1, func(l string) bool { return l == s.enEnd }),
				regexp.MustCompile(`^(\d+(?:,\d{3})*) (\d+) `), regexp.MustCompile(`^(\d{3}(?:, \d{3})*) \D`))
			jaPairs, jaCodes := rawKeys(source(t, seedJa, s.jaHeader, s.nth, noPipe), pairLine, codesLine)
			frPairs, frCodes := rawKeys(source(t, seedFr, s.frHeader, 1, noPipe), pairLine, codesLine)
			edPairs, edCodes := rawKeys(source(t, edition2025, s.editionTitle, 1, func(l string) bool { return strings.HasPrefix(l, "## ") }),
				regexp.MustCompile(`^\| (\d+) \| (\d+) \|`), regexp.MustCompile(`^\|\s+\| (\d{3}(?:, \d{3})*) \|`))

			for name, got := range map[string][]key{"seed 002": enPairs, "seed 000": jaPairs, "seed 001": frPairs} {
				assert.Len(t, got, s.pairs, "%s (subcode, code) rows", name)
				assert.Equal(t, enPairs, got, name)
			}
			for name, got := range map[string][]int{"seed 002": enCodes, "seed 000": jaCodes, "seed 001": frCodes, "2025-07-14": edCodes} {
				assert.Equal(t, s.codeOnly, got, "%s code-only rows", name)
			}
			assert.Len(t, edPairs, s.pairs+1, "2025-07-14 edition rows")
			assert.Contains(t, edPairs, key{401, 71005})

			var entries []rtccodes.Entry
			for e := range rtccodes.All(rtccodes.CallingSDK) {
				if e.Section == s.section {
					entries = append(entries, e)
				}
			}
			assert.Len(t, entries, s.pairs+1+len(s.codeOnly))
			for _, k := range edPairs {
				e, ok := inSection(rtccodes.CallingSDK, s.section, k.code, k.subcode)
				require.True(t, ok, "%d/%d", k.code, k.subcode)
				if !slices.Contains(enPairs, k) {
					assert.Equal(t, "2025-07-14", e.Edition, "%d/%d is only in the 2025-07-14 edition", k.code, k.subcode)
					assert.Equal(t, []string{"en"}, e.Langs())
					continue
				}
				assert.Empty(t, e.Edition)
				assert.Equal(t, []string{"en", "ja", "fr"}, e.Langs(), "%d/%d", k.code, k.subcode)
				assertPublished(t, e, "en", enNorm)
				assertPublished(t, e, "ja", jaNorm)
				assertPublished(t, e, "fr", frNorm)
			}
			for _, c := range s.codeOnly {
				e, ok := inSection(rtccodes.CallingSDK, s.section, c, noSubcode)
				require.True(t, ok, "%d", c)
				assert.Empty(t, e.Category)
				assertPublished(t, e, "en", enNorm)
				assertPublished(t, e, "ja", jaNorm)
				assertPublished(t, e, "fr", frNorm)
			}
		})
	}
}

// assertPublished checks that an entry's text in lang stands in the source
// as published, white space normalized.
func assertPublished(t *testing.T, e rtccodes.Entry, lang, src string) {
	t.Helper()
	text := e.Localized(lang)
	require.Equal(t, lang, text.Lang, "%v", e)
	assert.NotEmpty(t, text.Message)
	assert.Contains(t, src, text.Message, "%s message of %v", lang, e)
	assert.Contains(t, src, text.Advice, "%s advice of %v", lang, e)
}

func TestCallingSDKQuirks(t *testing.T) {
	for _, sub := range []int{3100, 3101, 3111} {
		e, ok := rtccodes.Lookup(rtccodes.CallingSDK, 410, sub)
		require.True(t, ok)
		assert.Equal(t, rtccodes.UnexpectedClientError, e.Category, "UnxpectedClientError is normalized for %d", sub)
	}
	// Localized numbers: 5,317 (ja, fr) and 5 000 (fr).
	for _, sub := range []int{5317, 5000} {
		e, ok := rtccodes.Lookup(rtccodes.CallingSDK, 0, sub)
		require.True(t, ok)
		assert.Equal(t, []string{"en", "ja", "fr"}, e.Langs(), "%d", sub)
	}
	// Localized categories: 成功, Succès, Réussite and Opération réussie are Success.
	for _, k := range []key{{0, 0}, {487, 0}, {603, 0}, {0, 5000}, {0, 4097}, {487, 10003}} {
		e, ok := rtccodes.Lookup(rtccodes.CallingSDK, k.code, k.subcode)
		require.True(t, ok)
		assert.Equal(t, rtccodes.Success, e.Category, "%v", k)
	}
	// The seed text is the entry's text where the 2025-07-14 edition revised
	// it; the edition's text is its revision.
	e, _ := rtccodes.Lookup(rtccodes.CallingSDK, 0, 5003)
	assert.Equal(t, "Call ended successfully, as all callee endpoints declined the call.", e.Message)
	assert.Equal(t, []rtccodes.Text{{Lang: "en", Edition: "2025-07-14", Message: "Call was ended by Azure Communication Service as the call has ended."}}, e.Revisions())
	// A code-only row in both sections keeps both texts.
	end, _ := rtccodes.Lookup(rtccodes.CallingSDK, 490)
	client, ok := inSection(rtccodes.CallingSDK, rtccodes.SectionClient, 490, noSubcode)
	require.True(t, ok)
	assert.Equal(t, rtccodes.SectionCallEnd, end.Section)
	assert.Equal(t, "Check your network.", client.Advice)
	assert.NotEqual(t, client.Advice, end.Advice)
	// Links of the 2025-07-14 edition are absolute.
	e, _ = rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
	require.Len(t, e.Links(), 1)
	assert.Equal(t, rtccodes.Link{Text: "here", URL: "https://learn.microsoft.com/azure/communication-services/resources/troubleshooting/voice-video-calling/call-setup-issues/call-ends-with-410-3112"}, e.Links()[0])
}

func TestLookupSteps(t *testing.T) {
	tests := []struct {
		name          string
		p             rtccodes.Product
		code, subcode int
		match         rtccodes.Match
		wantCode      int
		wantSubcode   int
		section       rtccodes.Section
	}{
		{"exact", rtccodes.CallingSDK, 410, 3112, rtccodes.MatchExact, 410, 3112, rtccodes.SectionCallEnd},
		{"exact client", rtccodes.CallingSDK, 408, 40101, rtccodes.MatchExact, 408, 40101, rtccodes.SectionClient},
		{"code-only row", rtccodes.CallingSDK, 480, noSubcode, rtccodes.MatchExact, 480, noSubcode, rtccodes.SectionCallEnd},
		{"subcode 0 is not no subcode", rtccodes.CallingSDK, 480, 0, rtccodes.MatchCode, 480, noSubcode, rtccodes.SectionCallEnd},
		{"subcode under another code", rtccodes.CallingSDK, 500, 3112, rtccodes.MatchSubcode, 410, 3112, rtccodes.SectionCallEnd},
		{"subcode 0 is ambiguous", rtccodes.CallingSDK, 410, 0, rtccodes.MatchCode, 410, noSubcode, rtccodes.SectionCallEnd},
		{"code's own row", rtccodes.CallingSDK, 410, 99999, rtccodes.MatchCode, 410, noSubcode, rtccodes.SectionCallEnd},
		{"class 4xx", rtccodes.CallingSDK, 412, 99999, rtccodes.MatchClass, 400, noSubcode, rtccodes.SectionClass},
		{"class 2xx", rtccodes.CallingSDK, 200, noSubcode, rtccodes.MatchClass, 200, noSubcode, rtccodes.SectionClass},
		{"class 6xx", rtccodes.CallingSDK, 699, 1, rtccodes.MatchClass, 600, noSubcode, rtccodes.SectionClass},
		{"only the subcode", rtccodes.CallingSDK, noCode, 3112, rtccodes.MatchSubcode, 410, 3112, rtccodes.SectionCallEnd},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := ask(tt.p, tt.code, tt.subcode)
			require.True(t, ok)
			assert.Equal(t, tt.match, e.Match)
			assert.Equal(t, [2]int{tt.wantCode, tt.wantSubcode}, ownKey(e))
			assert.Equal(t, tt.section, e.Section)
			assert.Equal(t, tt.p, e.Product)
			assert.True(t, found(e))
			assert.NotEmpty(t, e.Message)
		})
	}
}

func TestLookupNotFound(t *testing.T) {
	tests := []struct {
		name          string
		p             rtccodes.Product
		code, subcode int
	}{
		{"unknown pair", rtccodes.CallingSDK, 12345, 9},
		{"3xx has no class", rtccodes.CallingSDK, 302, noSubcode},
		{"negative code", rtccodes.CallingSDK, -410, 3112},
		{"negative subcode", rtccodes.CallingSDK, 410, -3112},
		{"no code and no subcode", rtccodes.CallingSDK, noCode, noSubcode},
		{"huge", rtccodes.CallingSDK, math.MaxInt, math.MaxInt},
		{"most negative", rtccodes.CallingSDK, math.MinInt, math.MinInt},
		{"zero product", rtccodes.Product(0), 410, 3112},
		{"unknown product", rtccodes.Product(200), 410, 3112},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := ask(tt.p, tt.code, tt.subcode)
			assert.False(t, ok)
			assert.Equal(t, rtccodes.Entry{}, e)
			assert.False(t, found(e))
			assert.Equal(t, rtccodes.MatchNone, e.Match)
			assert.Equal(t, rtccodes.Text{}, e.Localized("ja"))
			assert.Nil(t, e.Events())
			assert.Nil(t, e.Links())
		})
	}
	_, ok := inSection(rtccodes.Product(0), rtccodes.SectionClient, 408, 40101)
	assert.False(t, ok)
}

func TestLocalized(t *testing.T) {
	e, ok := rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
	require.True(t, ok)
	tests := []struct{ lang, want string }{
		{"ja", "ja"}, {"fr", "fr"}, {"en", "en"}, {"fr-CA", "fr"}, {"ja_JP", "ja"}, {"JA", "ja"},
		{"ja-JP,ja;q=0.9,en;q=0.8", "ja"},
		{"fr-CA;q=0.2, ja;q=0.9", "ja"},
		{"de", "en"}, {"de-DE,fr;q=0.5", "fr"}, {"", "en"}, {"*", "en"}, {"not a tag!", "en"}, {";;;,,", "en"},
		// Tags with extensions: the answer is the entry's language, not the
		// tag the matcher returns.
		{"ja-u-rg-uszzzz", "ja"}, {"de;q=0.9, fr-u-rg-jpzzzz;q=0.5", "fr"}, {"en-GB;q=0.1, fr-CH", "fr"},
	}
	for _, tt := range tests {
		got := e.Localized(tt.lang)
		assert.Equal(t, tt.want, got.Lang, "Localized(%q)", tt.lang)
		assert.NotEmpty(t, got.Message)
	}
	assert.Equal(t, e.Message, e.Localized("en").Message)
	assert.Equal(t, e.Advice, e.Localized("en").Advice)

	assert.Equal(t, []string{"en", "ja", "fr"}, e.Langs())

	// Plain tags and exact lookups allocate nothing.
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = e.Localized("ja") }))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = e.Localized("fr-CA") }))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112) }))

	// An entry only the English edition has falls back to English.
	e, ok = rtccodes.Lookup(rtccodes.CallingSDK, 401, 71005)
	require.True(t, ok)
	assert.Equal(t, []string{"en"}, e.Langs())
	assert.Equal(t, "en", e.Localized("ja").Lang)
	assert.Equal(t, "en", e.Localized("fr-CA;q=0.2, ja;q=0.9").Lang)
}

func TestParseProduct(t *testing.T) {
	for s, want := range map[string]rtccodes.Product{
		"CallingSDK": rtccodes.CallingSDK, "calling": rtccodes.CallingSDK, "Calling SDK": rtccodes.CallingSDK,
		"call-automation": rtccodes.CallAutomation, "CallAutomation": rtccodes.CallAutomation,
		"pstn": rtccodes.PSTN, "Chat": rtccodes.Chat, "sms": rtccodes.SMS, "trtc": rtccodes.TRTCWeb, "TRTC Web": rtccodes.TRTCWeb,
	} {
		p, err := rtccodes.ParseProduct(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, p, s)
	}
	for _, s := range []string{"", "teams", "calling!", strings.Repeat("x", 10000), "\xff"} {
		_, err := rtccodes.ParseProduct(s)
		assert.Error(t, err, "%q", s)
	}
	for _, p := range rtccodes.Products() {
		back, err := rtccodes.ParseProduct(p.String())
		require.NoError(t, err)
		assert.Equal(t, p, back)
	}
	assert.Equal(t, "Product(0)", rtccodes.Product(0).String())
}

func TestTextEncodings(t *testing.T) {
	e, ok := rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
	require.True(t, ok)
	b, err := json.Marshal(e)
	require.NoError(t, err)
	var got map[string]any
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, "CallingSDK", got["product"])
	assert.Equal(t, "exact", got["match"])
	assert.Equal(t, string(e.Section), got["section"])
	assert.Equal(t, "ExpectedError", got["category"])
	assert.Equal(t, "410/3112", got["pair"])

	var cfg struct{ Product rtccodes.Product }
	require.NoError(t, json.Unmarshal([]byte(`{"Product": "call automation"}`), &cfg))
	assert.Equal(t, rtccodes.CallAutomation, cfg.Product)
	assert.Error(t, json.Unmarshal([]byte(`{"Product": "teams"}`), &cfg))
	assert.Equal(t, rtccodes.CallAutomation, cfg.Product, "a failed decode leaves the value")

	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	var p rtccodes.Product
	fs.TextVar(&p, "product", rtccodes.CallingSDK, "")
	require.NoError(t, fs.Parse([]string{"-product", "trtc"}))
	assert.Equal(t, rtccodes.TRTCWeb, p)

	b, err = json.Marshal(rtccodes.Entry{})
	require.NoError(t, err)
	assert.Equal(t, "null", string(b), "the zero Entry describes nothing")
}

// TestEntryMethodsReadTheirOwnRow checks that an entry's methods answer from
// the row Lookup found even when the caller changes its exported fields:
// a user's copy with another Product, or none, still localizes and lists
// its own links, events, revisions and provenance, and never panics.
func TestEntryMethodsReadTheirOwnRow(t *testing.T) {
	for _, p := range rtccodes.Products() {
		for e := range rtccodes.All(p) {
			changed := e
			changed.Product, changed.Section, changed.Code, changed.HasCode = 0, "", -5, !e.HasCode
			for _, other := range []rtccodes.Product{0, rtccodes.TRTCWeb, rtccodes.CallingSDK, 200} {
				changed.Product = other
				for _, lang := range rtccodes.Languages() {
					assert.Equal(t, e.Localized(lang), changed.Localized(lang), "%v as %v", e, other)
				}
				assert.Equal(t, e.Langs(), changed.Langs())
				assert.Equal(t, e.Links(), changed.Links())
				assert.Equal(t, e.Events(), changed.Events())
				assert.Equal(t, e.Revisions(), changed.Revisions())
				prov, isFact := e.Provenance()
				changedProv, changedIsFact := changed.Provenance()
				assert.Equal(t, prov, changedProv)
				assert.Equal(t, isFact, changedIsFact)
			}
		}
	}
}
