package main

import (
	"cmp"
	"fmt"
	"html/template"
	"io"
	"time"

	"github.com/rtccodes/rtccodes/explain"
)

// The report's bounds keep its file small whatever the log's size: at
// most this many pairs a table, bars in the chart, and columns over time.
const (
	reportRows = 100
	reportBars = 10
	reportCols = 168
)

// reportRow is a pair as a table of the report shows it.
type reportRow struct {
	Outcome                            string
	Count                              int
	Share                              float64
	Product, Carried, Pair, Match      string
	First, Last, Message, Advice, Lang string
	Link                               template.URL // the row's page; the site's address is the user's (-site), file: too
}

// bar is a bar of a chart, its geometry computed here.
type bar struct {
	Label             string
	Count             int
	X, Y, W, H, TextY int
	Link              template.URL
}

// reportPage is what the report's template shows.
type reportPage struct {
	Lang, Title, File                      string
	Records, WithCode, Failures, NoCode    int
	Unread                                 int
	FailureShare                           float64
	Span                                   string
	Groups                                 []reportGroup
	Bars                                   []bar
	BarsHeight                             int
	Timeline                               []bar
	TimelineStep, TimelineFrom, TimelineTo string
	TimelineMax                            int
	Products                               []explain.ProductCount
	Events                                 []explain.EventCount
	Other                                  explain.OtherPairs
}

type reportGroup struct {
	Title, ID string
	Count     int
	Rows      []reportRow
	More      int // pairs left out past reportRows
}

// writeReport writes a summary as one self-contained page of HTML: the
// failures first, with what to do and a link to each row's page of the
// reference site; a chart of the top failure pairs; the failures over
// time where the records carry a time; the records by product and event
// type; then the other outcomes.
func writeReport(w io.Writer, file string, s explain.Summary, opts options) error {
	// The page's own words are English; each message says its language.
	page := reportPage{Lang: "en", File: cmp.Or(file, "standard input"), Records: s.Records, WithCode: s.WithCode, Failures: s.Failures,
		Products: s.Products, Events: s.Events, Other: s.Other}
	page.Title = "rtccodes report: " + page.File
	if s.WithCode > 0 {
		page.FailureShare = float64(s.Failures) / float64(s.WithCode)
	}
	for _, e := range s.Errors {
		if e.Reason == explain.ReasonNoCode {
			page.NoCode += e.Count
		} else {
			page.Unread += e.Count
		}
	}
	var first, last time.Time
	for _, g := range groups(s) {
		rg := reportGroup{Title: g.title, ID: slug(g.title), Count: g.count}
		for i, pc := range g.pairs {
			if !pc.First.IsZero() && (first.IsZero() || pc.First.Before(first)) {
				first = pc.First
			}
			if pc.Last.After(last) {
				last = pc.Last
			}
			if i >= reportRows {
				rg.More++
				continue
			}
			rg.Rows = append(rg.Rows, rowOf(pc, opts))
		}
		if len(g.pairs) > 0 {
			page.Groups = append(page.Groups, rg)
		}
	}
	if !first.IsZero() {
		page.Span = clock(first) + " to " + clock(last) + " UTC"
	}
	if len(page.Groups) > 0 && page.Groups[0].Title == "Failures" {
		page.Bars, page.BarsHeight = failureBars(page.Groups[0].Rows)
	}
	page.Timeline, page.TimelineStep, page.TimelineMax = timeline(s.FailuresByHour)
	if len(s.FailuresByHour) > 0 {
		page.TimelineFrom, page.TimelineTo = clock(s.FailuresByHour[0].Time), clock(s.FailuresByHour[len(s.FailuresByHour)-1].Time)
	}
	return reportTemplate.Execute(w, page)
}

// rowOf is a pair as the report's tables show it.
func rowOf(pc explain.PairCount, opts options) reportRow {
	message, advice, pair, match := answerOf(pc, opts.lang)
	r := reportRow{Outcome: outcomeClass(pc.Outcome), Count: pc.Count, Share: pc.Share, Product: productName(pc.Product), Carried: pc.Carried(),
		Pair: pair, Match: match, Message: message, Advice: advice, First: clock(pc.First), Last: clock(pc.Last)}
	if pc.Found {
		r.Lang = pc.Entry.Localized(opts.lang).Lang
		if path, ok := rowPath(pc.Entry); ok {
			r.Link = template.URL(opts.site + path)
		}
	}
	return r
}

// failureBars lays out the top failure pairs as horizontal bars, the
// widest as wide as the chart.
func failureBars(rows []reportRow) ([]bar, int) {
	const width, height, label = 460, 24, 220
	var bars []bar
	most := 1
	for _, r := range rows {
		most = max(most, r.Count)
	}
	for i, r := range rows {
		if i == reportBars {
			break
		}
		w := max(2, r.Count*width/most)
		bars = append(bars, bar{Label: r.Product + " " + r.Carried, Count: r.Count, X: label, Y: i * height, W: w, H: height - 6,
			TextY: i*height + height/2 + 1, Link: r.Link})
	}
	return bars, len(bars) * height
}

// timeline lays out the failures over time as columns: by hour where they
// span at most a week, else by day, at most reportCols columns.
func timeline(hours []explain.TimeCount) ([]bar, string, int) {
	if len(hours) == 0 {
		return nil, "", 0
	}
	step, name := time.Hour, "hour"
	from, to := hours[0].Time, hours[len(hours)-1].Time
	if to.Sub(from) > 7*24*time.Hour {
		step, name = 24*time.Hour, "day"
	}
	for to.Sub(from)/step >= reportCols {
		step *= 2
		name = fmt.Sprintf("%d hours", int(step/time.Hour))
	}
	counts := map[int]int{}
	n := int(to.Truncate(step).Sub(from.Truncate(step))/step) + 1
	for _, h := range hours {
		counts[int(h.Time.Truncate(step).Sub(from.Truncate(step))/step)] += h.Count
	}
	most := 1
	for _, c := range counts {
		most = max(most, c)
	}
	const height, width = 120, 700
	w := max(2, width/n)
	var cols []bar
	for i := range n {
		h := counts[i] * height / most
		if counts[i] > 0 {
			h = max(h, 2)
		}
		cols = append(cols, bar{Label: clock(from.Truncate(step).Add(time.Duration(i) * step)), Count: counts[i], X: i * w, Y: height - h, W: max(1, w-1), H: h})
	}
	return cols, name, most
}

var reportTemplate = template.Must(template.New("report").Funcs(pageFuncs).Parse(pageHead + `<body>
<header>
<h1>Failures in {{.File}}</h1>
<p class="lead">What rtccodes read, failures first. {{if .Span}}Records from {{.Span}}.{{end}}</p>
</header>
<main>
<section aria-label="Totals" class="cards">
<div class="card"><span>Records</span><b id="records">{{.Records}}</b></div>
<div class="card"><span>With a code</span><b id="with-code">{{.WithCode}}</b></div>
<div class="card bad"><span>Failures</span><b id="failures">{{.Failures}}</b>{{if .WithCode}}{{percent .FailureShare}} of those with a code{{end}}</div>
<div class="card"><span>Without a code</span><b id="no-code">{{.NoCode}}</b>not in the shares</div>
{{if .Unread}}<div class="card bad"><span>Not read</span><b id="unread">{{.Unread}}</b></div>{{end}}
</section>
{{if .Bars}}
<section aria-labelledby="top-title">
<h2 id="top-title">Top failure pairs</h2>
<svg id="top-failures" role="img" aria-label="The failure pairs with the most records" width="760" height="{{.BarsHeight}}" viewBox="0 0 760 {{.BarsHeight}}">
{{range .Bars}}<g>{{if .Link}}<a href="{{.Link}}">{{end}}<text x="0" y="{{.TextY}}" dominant-baseline="middle">{{.Label}}</text>{{if .Link}}</a>{{end}}
<rect class="bar" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" data-count="{{.Count}}"><title>{{.Label}}: {{.Count}}</title></rect>
<text x="{{.X}}" dx="{{.W}}" y="{{.TextY}}" dominant-baseline="middle"> {{.Count}}</text></g>
{{end}}</svg>
</section>
{{end}}
{{if .Timeline}}
<section aria-labelledby="time-title">
<h2 id="time-title">Failures over time</h2>
<p class="lead">Failures per {{.TimelineStep}}, {{.TimelineFrom}} to {{.TimelineTo}} UTC; the highest column is {{.TimelineMax}}.</p>
<svg id="timeline" role="img" aria-label="Failures per {{.TimelineStep}}" width="700" height="140" viewBox="0 0 700 140">
{{range .Timeline}}<rect class="col" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" data-count="{{.Count}}"><title>{{.Label}}: {{.Count}}</title></rect>
{{end}}<line x1="0" y1="120" x2="700" y2="120" stroke="#9aa4af"/>
</svg>
</section>
{{end}}
{{range .Groups}}
<section aria-labelledby="{{.ID}}">
<h2 id="{{.ID}}">{{.Title}}: {{.Count}} records</h2>
<table>
<thead><tr><th scope="col">Count</th><th scope="col">Share</th><th scope="col">Product</th><th scope="col">Pair</th><th scope="col">Answer</th><th scope="col">First</th><th scope="col">Last</th><th scope="col">What happened, and what to do</th></tr></thead>
<tbody>
{{range .Rows}}<tr class="pair" data-pair="{{.Carried}}">
<td class="n count">{{.Count}}</td><td class="n">{{percent .Share}}</td><td>{{.Product}}</td>
<td>{{if .Link}}<a href="{{.Link}}">{{.Carried}}</a>{{else}}{{.Carried}}{{end}}</td>
<td><span class="{{.Outcome}}">{{.Outcome}}</span><br><small>{{.Pair}}, {{.Match}}</small></td>
<td class="n">{{.First}}</td><td class="n">{{.Last}}</td>
<td{{if .Lang}} lang="{{.Lang}}"{{end}}>{{.Message}}{{if .Advice}}<div class="advice">{{.Advice}}</div>{{end}}</td></tr>
{{end}}</tbody>
</table>
{{if .More}}<p class="lead">{{.More}} more pairs of fewer records are left out.</p>{{end}}
</section>
{{end}}
{{if .Other.Records}}<p class="lead">{{.Other.Records}} records of {{.Other.Pairs}} more pairs came after the summary's limit of distinct pairs.</p>{{end}}
<section aria-labelledby="by-product">
<h2 id="by-product">By product</h2>
<table><thead><tr><th scope="col">Product</th><th scope="col">Records with a code</th><th scope="col">Failures</th></tr></thead>
<tbody>{{range .Products}}<tr><td>{{if .Product}}{{.Product}}{{else}}-{{end}}</td><td class="n">{{.Count}}</td><td class="n">{{.Failures}}</td></tr>{{end}}</tbody></table>
</section>
{{if .Events}}
<section aria-labelledby="by-event">
<h2 id="by-event">By event type</h2>
<table><thead><tr><th scope="col">Event type</th><th scope="col">Records with a code</th><th scope="col">Failures</th></tr></thead>
<tbody>{{range .Events}}<tr><td>{{if .EventType}}{{.EventType}}{{else}}(none){{end}}</td><td class="n">{{.Count}}</td><td class="n">{{.Failures}}</td></tr>{{end}}</tbody></table>
</section>
{{end}}
</main>
<footer><p class="lead">Made by rtccodes explain -summary=html from the vendors' documentation tables.</p></footer>
</body>
</html>
`))
