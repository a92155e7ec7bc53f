package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

// TestSiteHasAPageForEveryRow writes the reference site: a page for every
// row of every product at its address, each in every language the row
// has, and the index and search script beside them.
func TestSiteHasAPageForEveryRow(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	status, out, errOut := runTool("", "site", dir)
	require.Equal(t, 0, status, errOut)
	assert.Contains(t, out, "wrote ")
	rows := 0
	for _, p := range rtccodes.Products() {
		for e := range rtccodes.All(p) {
			rows++
			path, ok := rowPath(e)
			require.True(t, ok, "%v", e)
			b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
			require.NoError(t, err, path)
			page := string(b)
			for _, lang := range e.Langs() {
				assert.Contains(t, page, `<section class="text" lang="`+lang+`"`, path)
			}
			assert.Contains(t, page, `<span id="outcome" class="`+outcomeClass(e.Outcome)+`">`, path)
		}
	}
	pages := 0
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(path, ".html") && d.Name() != "index.html" {
			pages++
		}
		return nil
	})
	assert.Equal(t, rows, pages, "a page a row, no more")
	index, err := os.ReadFile(filepath.Join(dir, "search.js"))
	require.NoError(t, err)
	assert.Contains(t, string(index), `"u":"calling/callend/410/3112.html"`)
	path, _ := rowPath(must(rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)))
	assert.Equal(t, "calling/callend/410/3112.html", path)
	path, _ = rowPath(must(rtccodes.Lookup(rtccodes.CallAutomation, 500, 8536)))
	assert.Equal(t, "callautomation/genericsubcode/any/8536.html", path)
	_, ok := rowPath(must(rtccodes.Lookup(rtccodes.PSTN, 0)))
	assert.False(t, ok, "the rows under a code, counted, are no row of a table")
	assert.Equal(t, 2, first(runTool("", "site")), "site takes a directory")
}

func must(e rtccodes.Entry, ok bool) rtccodes.Entry {
	if !ok {
		panic("no entry")
	}
	return e
}

// TestReportIsOnePage checks the HTML report of a call log: one page that
// loads nothing (no script, no stylesheet, no image from elsewhere), the
// failures first, each linked to its row's page; and the CSV of the same
// table.
func TestReportIsOnePage(t *testing.T) {
	status, out, errOut := runTool("", "-summary=html", "explain", payload("call-summary.csv"))
	require.Equal(t, 0, status, errOut)
	assert.True(t, strings.HasPrefix(out, "<!DOCTYPE html>"))
	for _, loads := range []string{"<script", " src=", "<link", "@import", "url("} {
		assert.NotContains(t, out, loads)
	}
	assert.Less(t, strings.Index(out, `id="failures"`), strings.Index(out, `id="successes"`), "failures first")
	assert.Contains(t, out, `<a href="rtccodes-site/pstn/participantend/486/60486.html">486/560486</a>`)
	assert.Contains(t, out, `<b id="failures">4</b>`)

	// In Japanese: the page's own words stay English, each message says its language.
	status, out, _ = runTool("", "-lang", "ja", "-summary=html", "explain", payload("call-summary.csv"))
	require.Equal(t, 0, status)
	assert.Contains(t, out, `<html lang="en">`)
	busy := must(rtccodes.Lookup(rtccodes.PSTN, 486, 60486)).Localized("ja")
	require.Equal(t, "ja", busy.Lang)
	assert.Contains(t, out, `<td lang="ja">`+busy.Message)

	status, out, errOut = runTool("", "-summary=csv", "explain", payload("call-summary.csv"))
	require.Equal(t, 0, status, errOut)
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	require.Len(t, records, 6, "a header and the five pairs")
	assert.Equal(t, []string{"outcome", "count", "share", "product", "pair", "answer", "match", "category", "first", "last", "message", "advice"}, records[0])
	assert.Equal(t, "failure", records[1][0])
	assert.Equal(t, "success", records[5][0])
	assert.Equal(t, "0/0", records[5][4])

	status, _, errOut = runTool("", "-summary=html", "explain", payload("call-summary.csv"), payload("portal-export.csv"))
	assert.Equal(t, 2, status)
	assert.Contains(t, errOut, "one page of one input")
	assert.Equal(t, 2, first(runTool("", "-summary=pdf", "explain", payload("call-summary.csv"))))
}
