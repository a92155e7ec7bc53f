package rtccodes_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

func TestErrorReadsLikeItsEntry(t *testing.T) {
	err := rtccodes.NewError(rtccodes.CallingSDK, 410, 3112)
	e, ok := rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
	require.True(t, ok)
	assert.Equal(t, "rtccodes: CallingSDK 410/3112 (ExpectedError): "+e.Message, err.Error())
	assert.Equal(t, e, err.Entry)

	// A fallback answer keeps the error's own pair in the text.
	err = rtccodes.NewError(rtccodes.CallAutomation, 400, 8522)
	assert.True(t, strings.HasPrefix(err.Error(), "rtccodes: CallAutomation 400/8522: "), err.Error())
	assert.Equal(t, rtccodes.MatchGenericSubcode, err.Entry.Match)

	err = rtccodes.NewError(rtccodes.Chat, 999999)
	assert.Equal(t, "rtccodes: Chat 999999: undocumented code", err.Error())
	assert.False(t, err.Found)
	assert.False(t, found(err.Entry))
	assert.False(t, err.HasSubcode)

	// A code without subcode.
	err = rtccodes.NewError(rtccodes.Chat, 401)
	assert.True(t, err.Found)
	assert.Equal(t, "rtccodes: Chat 401: "+err.Entry.Message, err.Error())
}

func TestErrorThroughTwoLevelsOfWrapping(t *testing.T) {
	base := rtccodes.NewError(rtccodes.CallingSDK, 410, 3100)
	err := fmt.Errorf("hang up: %w", fmt.Errorf("call %s: %w", "c-42", base))

	var target *rtccodes.Error
	require.ErrorAs(t, err, &target)
	assert.Same(t, base, target)

	e, ok := rtccodes.EntryOf(err)
	assert.True(t, ok)
	assert.Equal(t, 3100, e.Subcode)
	assert.Equal(t, rtccodes.UnexpectedClientError, e.Category) // the source spells it UnxpectedClientError
	assert.Equal(t, rtccodes.OutcomeFailure, e.Outcome)

	// errors.Join trees work too.
	joined := errors.Join(errors.New("other"), fmt.Errorf("w: %w", rtccodes.NewError(rtccodes.CallingSDK, 0, 0)))
	e, ok = rtccodes.EntryOf(joined)
	assert.True(t, ok)
	assert.Equal(t, rtccodes.Success, e.Category)
	assert.Equal(t, rtccodes.OutcomeSuccess, e.Outcome)
}

func TestEntryOfWithoutAnEntry(t *testing.T) {
	for name, err := range map[string]error{
		"nil":           nil,
		"plain":         errors.New("boom"),
		"undocumented":  fmt.Errorf("x: %w", rtccodes.NewError(rtccodes.SMS, 123456789)),
		"nil *Error":    (*rtccodes.Error)(nil),
		"bad product":   rtccodes.NewError(rtccodes.Product(0), 410, 3112),
		"wrapped plain": fmt.Errorf("a: %w", fmt.Errorf("b: %w", errors.New("c"))),
	} {
		e, ok := rtccodes.EntryOf(err)
		assert.False(t, ok, name)
		assert.Equal(t, rtccodes.Entry{}, e, name)
	}
	// A documented row without category: the entry, and no category.
	e, ok := rtccodes.EntryOf(rtccodes.NewError(rtccodes.PSTN, 403, 510403))
	assert.True(t, ok)
	assert.Empty(t, e.Category, "PSTN rows carry no category")
	assert.Equal(t, rtccodes.OutcomeFailure, e.Outcome)
}

// logJSON logs one attribute with the JSON handler and returns the decoded record.
func logJSON(t *testing.T, key string, v any) map[string]any {
	t.Helper()
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Error("call ended", key, v)
	var rec map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &rec), buf.String())
	return rec
}

func TestErrorAndEntryLogAsGroups(t *testing.T) {
	err := fmt.Errorf("wrapped: %w", rtccodes.NewError(rtccodes.CallingSDK, 410, 3112))
	var target *rtccodes.Error
	require.ErrorAs(t, err, &target)

	rec := logJSON(t, "err", target)
	group, ok := rec["err"].(map[string]any)
	require.True(t, ok, "err is a group: %v", rec)
	assert.Equal(t, "CallingSDK", group["product"])
	assert.EqualValues(t, 410, group["code"])
	assert.EqualValues(t, 3112, group["subcode"])
	assert.Equal(t, true, group["found"])
	assert.Equal(t, "ExpectedError", group["category"])
	assert.Equal(t, "exact", group["match"])
	assert.Equal(t, target.Entry.Message, group["message"])
	assert.Equal(t, target.Entry.Advice, group["advice"])

	rec = logJSON(t, "entry", target.Entry)
	group, ok = rec["entry"].(map[string]any)
	require.True(t, ok, "entry is a group: %v", rec)
	assert.Equal(t, string(target.Entry.Section), group["section"])
	assert.Equal(t, target.Entry.Message, group["message"])

	trtc, ok := rtccodes.LookupString(rtccodes.TRTCWeb, "JOIN_ROOM_FAILED")
	require.True(t, ok)
	group = logJSON(t, "entry", trtc)["entry"].(map[string]any)
	assert.Equal(t, "JOIN_ROOM_FAILED", group["key"])

	group = logJSON(t, "err", rtccodes.NewError(rtccodes.SMS, 1, 2))["err"].(map[string]any)
	assert.Equal(t, false, group["found"])
	assert.NotContains(t, group, "category")

	group = logJSON(t, "entry", rtccodes.Entry{})["entry"].(map[string]any)
	assert.Equal(t, map[string]any{"found": false}, group)
}

func TestSearchFindsTextInEveryLanguage(t *testing.T) {
	search := func(q string) []rtccodes.Entry {
		var out []rtccodes.Entry
		for e := range rtccodes.Search(q) {
			out = append(out, e)
		}
		return out
	}
	// Every hit contains the query in one of its texts or keys; every entry
	// that contains it is a hit.
	for _, q := range []string{"userSig", "USERSIG", "通話", "appel", "NotAllowedError", "0x4001", "JOIN_ROOM"} {
		hits := search(q)
		assert.NotEmpty(t, hits, q)
		want := 0
		for _, p := range rtccodes.Products() {
			for e := range rtccodes.All(p) {
				if containsAnyText(e, q) {
					want++
				}
			}
		}
		assert.Len(t, hits, want, q)
		for _, e := range hits {
			assert.True(t, containsAnyText(e, q), "%s: %s", q, e)
		}
	}
	assert.Empty(t, search(""))
	assert.Empty(t, search("   "))
	assert.Empty(t, search("\x00"))
	assert.Empty(t, search("no such text anywhere, surely"))

	// Stopping early stops.
	n := 0
	for range rtccodes.Search("call") {
		n++
		break
	}
	assert.Equal(t, 1, n)
}

func containsAnyText(e rtccodes.Entry, q string) bool {
	q = strings.ToLower(q)
	texts := []string{e.Key, e.DocKey, e.Hex}
	for _, l := range e.Langs() {
		t := e.Localized(l)
		texts = append(texts, t.Message, t.Advice)
	}
	for _, s := range texts {
		if strings.Contains(strings.ToLower(s), q) {
			return true
		}
	}
	return false
}

func TestSourcesAreTheDocumentsInTestdata(t *testing.T) {
	srcs := rtccodes.Sources()
	// Every document under testdata is a source, but the reference tables
	// (reference/), the names table (names/), the payload samples of the
	// tests (payloads/) and the index (SOURCES.md).
	var files, listed []string
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && (path == filepath.Join("testdata", "reference") || path == filepath.Join("testdata", "names") || path == filepath.Join("testdata", "payloads")):
			return filepath.SkipDir
		case !d.IsDir() && d.Name() != "SOURCES.md":
			files = append(files, filepath.ToSlash(path))
		}
		return nil
	})
	require.NoError(t, err)
	for _, s := range srcs {
		listed = append(listed, s.File)
	}
	assert.ElementsMatch(t, files, listed)
	index, err := os.ReadFile("testdata/SOURCES.md")
	require.NoError(t, err)
	covered := map[rtccodes.Product]bool{}
	for _, s := range srcs {
		assert.True(t, strings.Contains(string(index), "`"+strings.TrimPrefix(s.File, "testdata/")+"`"), "SOURCES.md names %s", s.File)
		b, err := os.ReadFile(s.File)
		require.NoError(t, err, s.File)
		if s.Date != "" {
			assert.Regexp(t, `^\d{4}-\d{2}-\d{2}$`, s.Date, s.File)
		}
		assert.Contains(t, rtccodes.Languages(), s.Lang, s.File)
		assert.NotEmpty(t, s.Title, s.File)
		assert.NotEmpty(t, b)
		for _, p := range s.Products {
			covered[p] = true
		}
	}
	for _, p := range rtccodes.Products() {
		assert.True(t, covered[p], "%s has no source", p)
	}
	// The newer ACS edition's date is the date of the rows only it documents.
	e, ok := inSection(rtccodes.CallingSDK, rtccodes.SectionClient, 401, 71005)
	require.True(t, ok)
	assert.Contains(t, dates(srcs), e.Edition)

	// The result is the caller's.
	srcs[0].Products[0] = rtccodes.TRTCWeb
	srcs[0].Title = "changed"
	assert.Equal(t, rtccodes.Sources()[0].Products[0], rtccodes.CallingSDK)
	assert.NotEqual(t, "changed", rtccodes.Sources()[0].Title)
}

func dates(srcs []rtccodes.Source) []string {
	var out []string
	for _, s := range srcs {
		out = append(out, s.Date)
	}
	return out
}

func TestTextContainingNamesTheLanguageSearchMatched(t *testing.T) {
	e, ok := rtccodes.Lookup(rtccodes.TRTCWeb, 0x4001, 70001)
	require.True(t, ok)
	got, ok := e.TextContaining("有効期限", "en")
	require.True(t, ok)
	assert.Equal(t, "ja", got.Lang, "only the Japanese text has the word")
	got, ok = e.TextContaining("USERSIG  has", "ja")
	require.True(t, ok)
	assert.Equal(t, "en", got.Lang, "the Japanese text lacks it; case and spaces as Search reads them")
	got, ok = e.TextContaining("userSig", "ja")
	require.True(t, ok)
	assert.Equal(t, "ja", got.Lang, "the language asked, when its text has it")
	_, ok = e.TextContaining("0x4001", "en")
	assert.False(t, ok, "a hex code is not text")
	_, ok = rtccodes.Entry{}.TextContaining("x", "en")
	assert.False(t, ok)
	for found := range rtccodes.Search("有効期限") {
		_, ok := found.TextContaining("有効期限", "en")
		assert.True(t, ok, "%v", found)
	}
}
