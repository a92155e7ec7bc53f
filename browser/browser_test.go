// Package browser checks the pages rtccodes makes in a real browser:
// Debian's Chromium, headless, driven by chromedp. It opens the HTML report
// of a generated log and the reference site, reads what a person sees,
// follows the links between them, and saves a screenshot of each page
// under the test's output (-test.outputdir, else a temporary directory).
// A module of its own, so that the library takes none of its
// dependencies; .ci/run installs Chromium and runs it. Without Chromium
// the tests skip, naming the package; with CI=true they fail.
package browser

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

// bin is the command line tool, built from this tree by TestMain.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "rtccodes-browser")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "rtccodes")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/rtccodes/rtccodes/cmd/rtccodes").CombinedOutput(); err != nil {
		panic(string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// browser starts headless Chromium and returns its context, or skips the
// test where there is none (fails it under CI=true).
func browser(t *testing.T) context.Context {
	t.Helper()
	path := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no Chromium: install Debian's chromium package (apt-get install chromium)")
		}
		t.Skip("no Chromium: these tests need Debian's chromium package (apt-get install chromium)")
	}
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]), chromedp.ExecPath(path), chromedp.NoSandbox,
		chromedp.WindowSize(1280, 1400), chromedp.Flag("allow-file-access-from-files", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(cancel3)
	return ctx
}

// screenshot saves the page as a PNG under the test's output.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	dir := t.ArtifactDir()
	file := filepath.Join(dir, name+".png")
	require.NoError(t, os.WriteFile(file, png, 0o644))
	t.Logf("screenshot: %s (%d bytes)", file, len(png))
}

// run runs the tool and returns its standard output.
func run(t *testing.T, args ...string) []byte {
	t.Helper()
	out, err := exec.Command(bin, args...).Output()
	if ee, ok := err.(*exec.ExitError); ok {
		t.Fatalf("rtccodes %v: %v\n%s", args, err, ee.Stderr)
	}
	require.NoError(t, err)
	return out
}

// callLog writes a Log Analytics CSV export of call ends over two days,
// the pairs drawn at random with the given weights, and returns the count
// of each pair it wrote.
func callLog(t *testing.T, file string, records int) map[string]int {
	weights := map[string]int{"410,3112": 8, "486,560486": 5, "0,0": 30, "0,5854": 4, "403,510403": 3, "487,10003": 6, "500,3003": 2}
	var pairs []string
	for p, w := range weights {
		for range w {
			pairs = append(pairs, p)
		}
	}
	slices.Sort(pairs)
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	b.WriteString("TimeGenerated,CorrelationId,ParticipantId,EndpointType,ParticipantEndReason,ParticipantEndSubCode\n")
	counts := map[string]int{}
	start := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	for i := range records {
		p := pairs[r.IntN(len(pairs))]
		counts[p]++
		at := start.Add(time.Duration(r.IntN(48*60)) * time.Minute)
		fmt.Fprintf(&b, "%s,c-%d,p-%d,VoIP,%s\n", at.Format(time.RFC3339), i, i, p)
	}
	require.NoError(t, os.WriteFile(file, []byte(b.String()), 0o644))
	return counts
}

// TestReportShowsTheTopFailure opens the HTML report of a generated call
// log: the first failure row is the most frequent failure pair with its
// count, the chart has a bar for each failure pair, the widest the top
// one's, and the pair links to its page of the reference site.
func TestReportShowsTheTopFailure(t *testing.T) {
	ctx := browser(t)
	dir := t.TempDir()
	counts := callLog(t, filepath.Join(dir, "calls.csv"), 5000)
	site := filepath.Join(dir, "site")
	run(t, "site", site)
	report := filepath.Join(dir, "report.html")
	html := run(t, "explain", "-summary=html", "-site", "file://"+site+"/", filepath.Join(dir, "calls.csv"))
	require.NoError(t, os.WriteFile(report, html, 0o644))
	assert.Less(t, len(html), 1<<20, "the report stays under 1 MB")

	// What the test wrote: 0/0 and 487/10003 are successes, the rest failures.
	failures := map[string]int{}
	for p, n := range counts {
		if p != "0,0" && p != "487,10003" {
			failures[strings.Replace(p, ",", "/", 1)] = n
		}
	}
	top, most := "", 0
	for p, n := range failures {
		if n > most {
			top, most = p, n
		}
	}

	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("file://"+report)))
	pair := text(t, ctx, `#failures + table tbody tr:first-child td:nth-child(4)`)
	count := text(t, ctx, `#failures + table tbody tr:first-child td.count`)
	bars := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#top-failures rect.bar")).map(r => r.getAttribute("width"))`)
	firstBar := eval[string](t, ctx, `document.querySelector("#top-failures rect.bar").getAttribute("data-count")`)
	screenshot(t, ctx, "report")
	assert.Equal(t, top, pair, "the top failure pair")
	assert.Equal(t, fmt.Sprint(most), count)
	assert.Equal(t, fmt.Sprint(most), firstBar)
	require.Len(t, bars, len(failures), "a bar for each failure pair")
	assert.Equal(t, "460", bars[0], "the top pair's bar is the chart's width")
	for _, w := range bars {
		assert.NotEqual(t, "0", w, "no empty bar")
	}
	columns := eval[int](t, ctx, `document.querySelectorAll("#timeline rect.col").length`)
	assert.Equal(t, 48, columns, "a column an hour over two days")

	// The pair's link leads into the reference site.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#failures + table tbody tr:first-child td:nth-child(4) a`)),
		chromedp.WaitVisible(chromedp.CSS(`section.text p.message`)),
	))
	assert.Contains(t, text(t, ctx, `h1`), top)
	screenshot(t, ctx, "report-link")
}

// TestSiteSearchFindsAPair searches the reference site for 3112, follows
// the result to 410/3112, and switches its text to Japanese.
func TestSiteSearchFindsAPair(t *testing.T) {
	ctx := browser(t)
	site := filepath.Join(t.TempDir(), "site")
	run(t, "site", site)
	e, ok := rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
	require.True(t, ok)

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate("file://"+site+"/index.html"),
		chromedp.SendKeys(chromedp.ID("search"), "3112"),
		chromedp.WaitVisible(chromedp.CSS(`#results li a`)),
	))
	results := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#results li a")).map(a => a.textContent)`)
	screenshot(t, ctx, "site-search")
	require.Contains(t, results, "CallingSDK 410/3112")

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.Search(`//ul[@id="results"]//a[text()="CallingSDK 410/3112"]`)),
		chromedp.WaitVisible(chromedp.CSS(`section.text[data-lang="en"] p.message`)),
	))
	url, err := chromedp.Run(ctx, chromedp.Location())
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(url, "/calling/callend/410/3112.html"), url)
	assert.Equal(t, e.Message, text(t, ctx, `section.text[data-lang="en"] p.message`))
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`nav.langs button[data-lang="ja"]`)),
		chromedp.WaitVisible(chromedp.CSS(`section.text[data-lang="ja"] p.message`)),
	))
	assert.Equal(t, e.Localized("ja").Message, text(t, ctx, `section.text[data-lang="ja"] p.message`))
	assert.True(t, eval[bool](t, ctx, `document.querySelector('section.text[data-lang="en"]').hidden`), "one language at a time")
	screenshot(t, ctx, "site-row-ja")
}

// text returns the text of the first element a CSS selector matches.
func text(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
	require.NoError(t, err, css)
	return strings.TrimSpace(s)
}

// eval returns the value of a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expression string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expression))
	require.NoError(t, err, expression)
	return v
}
