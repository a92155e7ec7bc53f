package rtccodes_test

import (
	"os"
	"slices"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

// TestDataInvariants checks every entry of every product.
func TestDataInvariants(t *testing.T) {
	for _, p := range rtccodes.Products() {
		type key struct {
			s       rtccodes.Section
			pair    string
			message string
		}
		seen := map[key]bool{}
		n := 0
		for e := range rtccodes.All(p) {
			n++
			assert.Equal(t, p, e.Product)
			assert.Equal(t, rtccodes.MatchExact, e.Match, "%v", e)

			// Keys are unique per section; TRTC message rows are keyed by
			// their message.
			k := key{s: e.Section, pair: e.Pair()}
			if e.Section == rtccodes.SectionMessage {
				k.message = e.Key
			}
			assert.False(t, seen[k], "%v: key twice in its section", e)
			seen[k] = true

			// English first, and every translation is the entry's.
			langs := e.Langs()
			require.NotEmpty(t, langs, "%v", e)
			assert.Equal(t, "en", langs[0], "%v", e)
			assert.NotEmpty(t, e.Message, "%v", e)
			for _, lang := range langs {
				assert.Contains(t, rtccodes.Languages(), lang)
				txt := e.Localized(lang)
				assert.Equal(t, lang, txt.Lang, "%v", e)
				assert.NotEmpty(t, txt.Message, "%v %s", e, lang)
				for _, markup := range []string{"<br", "<li", "</", " | ", "|", "**", "](", "`", "â€"} {
					assert.NotContains(t, txt.Message+" "+txt.Advice, markup, "%v %s", e, lang)
				}
				assert.True(t, utf8.ValidString(txt.Message+txt.Advice))
			}

			switch e.Category {
			case "", rtccodes.Success, rtccodes.ExpectedError, rtccodes.UnexpectedClientError, rtccodes.UnexpectedServerError:
			default:
				t.Errorf("%v: category %q", e, e.Category)
			}

			// Hex and numeric TRTC codes agree.
			if e.Hex != "" {
				n, err := strconv.ParseInt(e.Hex, 0, 64)
				assert.NoError(t, err, "%v", e)
				assert.EqualValues(t, e.Code, n, "%v: hex %s", e, e.Hex)
				byHex, ok := rtccodes.LookupString(p, e.Hex)
				assert.True(t, ok)
				assert.Equal(t, e.Code, byHex.Code)
			}
			if e.Key != "" {
				byKey, ok := rtccodes.LookupString(p, e.Key)
				assert.True(t, ok, "%v", e)
				assert.Equal(t, e.Key, byKey.Key)
			}

			// Each text is dated as the document it comes from; a revision
			// is a dated newer edition's English that differs.
			dates := sourceDates(p)
			for _, lang := range langs {
				assert.Contains(t, dates[lang], e.Localized(lang).Edition, "%v %s", e, lang)
			}
			for _, r := range e.Revisions() {
				assert.Equal(t, "en", r.Lang, "%v", e)
				assert.NotEmpty(t, r.Edition, "%v", e)
				assert.Contains(t, dates["en"], r.Edition, "%v", e)
				assert.NotEqual(t, e.Message+e.Advice, r.Message+r.Advice, "%v", e)
				assert.Empty(t, e.Edition, "%v: a row only one edition has has no revision", e)
			}

			// A fact of the facts table and a code of an SDK's own enum,
			// and only they, name where they were read; they are English
			// only.
			prov, isFact := e.Provenance()
			assert.Equal(t, e.Section == rtccodes.SectionObserved || e.Section == rtccodes.SectionSDKEnum, isFact, "%v", e)
			if isFact {
				assert.NotEmpty(t, prov.Repository, "%v", e)
				assert.NotEmpty(t, prov.Path, "%v", e)
				assert.NotEmpty(t, prov.Revision, "%v", e)
				assert.Equal(t, []string{"en"}, e.Langs(), "%v", e)
			}

			for _, l := range e.Links() {
				assert.Regexp(t, `^https?://`, l.URL, "%v", e)
				assert.Contains(t, e.Message+" "+e.Advice, l.Text, "%v: a link's text is in the text", e)
			}
		}
		assert.Positive(t, n, "%s has entries", p)
	}
	_, err := os.Stat("testdata/acs")
	require.NoError(t, err, "the sources are part of the module")
}

// sourceDates returns, by language, the dates of the documents Sources lists
// for a product ("" for an undated one).
func sourceDates(p rtccodes.Product) map[string][]string {
	out := map[string][]string{}
	for _, s := range rtccodes.Sources() {
		if slices.Contains(s.Products, p) {
			out[s.Lang] = append(out[s.Lang], s.Date)
		}
	}
	return out
}
