package main

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/explain"
)

// summary prints the summary of an input: as JSON, as a page of HTML, as
// CSV, or as text for people.
func (p *printer) summary(file string, s explain.Summary) {
	switch {
	case p.opts.json:
		writeJSON(p.stdout, struct {
			File string `json:"file,omitempty"`
			explain.Summary
		}{file, s})
	case p.opts.summary == "html":
		if err := writeReport(p.stdout, file, s, p.opts); err != nil {
			fmt.Fprintln(p.stderr, "rtccodes:", err)
		}
	case p.opts.summary == "csv":
		writeSummaryCSV(p, s)
	default:
		writeSummaryText(p, file, s)
	}
}

// A group is the pairs of one outcome, in the order a support engineer
// reads them: failures first, successes last.
type group struct {
	title string
	pairs []explain.PairCount
	count int
}

// groups sorts a summary's pairs into failures, pairs of unknown outcome,
// pairs nothing describes and successes, each most frequent first.
func groups(s explain.Summary) []group {
	gs := []group{{title: "Failures"}, {title: "Unknown outcome"}, {title: "Not described"}, {title: "Successes"}}
	for _, pc := range s.Pairs {
		i := 1
		switch {
		case !pc.Found:
			i = 2
		case pc.Outcome == rtccodes.OutcomeFailure:
			i = 0
		case pc.Outcome == rtccodes.OutcomeSuccess:
			i = 3
		}
		gs[i].pairs = append(gs[i].pairs, pc)
		gs[i].count += pc.Count
	}
	return gs
}

// timed reports whether some pair carries a time.
func timed(s explain.Summary) bool {
	return slices.ContainsFunc(s.Pairs, func(pc explain.PairCount) bool { return !pc.First.IsZero() })
}

// clock writes a time as the summary shows it, in UTC.
func clock(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04")
}

// answerOf is a pair's answer as the summary shows it: its message and
// advice in the language asked, the answer's pair and how it was matched.
func answerOf(pc explain.PairCount, lang string) (message, advice, pair, match string) {
	if !pc.Found {
		return "nothing describes it", "", "-", "none"
	}
	t := pc.Entry.Localized(lang)
	if t.Message == "" {
		t.Message, t.Advice = pc.Message, pc.Advice
	}
	return t.Message, t.Advice, pc.Pair, pc.Match.String()
}

func productName(p rtccodes.Product) string {
	if p == 0 {
		return "-" // nothing chose a product
	}
	return p.String()
}

// writeSummaryText prints the summary for people: the failures first, with
// what to do, then the other outcomes; the records without a code once, on
// one line, outside the shares.
func writeSummaryText(p *printer, file string, s explain.Summary) {
	w := p.stdout
	if file != "" {
		fmt.Fprintf(w, "%s: ", file)
	}
	fmt.Fprintf(w, "%d records, %d with a code", s.Records, s.WithCode)
	if s.WithCode > 0 {
		fmt.Fprintf(w, ": %d %s (%.1f%%)", s.Failures, plural(s.Failures, "failure", "failures"), 100*float64(s.Failures)/float64(s.WithCode))
	}
	fmt.Fprintln(w, ".")
	withTimes := timed(s)
	for _, g := range groups(s) {
		if len(g.pairs) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s: %d %s\n", g.title, g.count, plural(g.count, "record", "records"))
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		header := "COUNT\tSHARE\tPRODUCT\tPAIR\tANSWER\tMATCH\t"
		if withTimes {
			header += "FIRST\tLAST\t"
		}
		fmt.Fprintln(tw, header+"MESSAGE")
		for _, pc := range g.pairs {
			message, advice, pair, match := answerOf(pc, p.opts.lang)
			fmt.Fprintf(tw, "%d\t%.1f%%\t%s\t%s\t%s\t%s\t", pc.Count, 100*pc.Share, productName(pc.Product), pc.Carried(), pair, match)
			if withTimes {
				fmt.Fprintf(tw, "%s\t%s\t", clock(pc.First), clock(pc.Last))
			}
			fmt.Fprintln(tw, message)
			if advice != "" && g.title == "Failures" {
				// Under the message: as many empty cells as the columns before it.
				fmt.Fprintf(tw, "%sWhat to do: %s\n", strings.Repeat("\t", strings.Count(header, "\t")), advice)
			}
		}
		tw.Flush()
	}
	if s.Other.Records > 0 {
		fmt.Fprintf(w, "\nOther: %d records of %d more pairs, which came after the first %d (counted up to that number).\n",
			s.Other.Records, s.Other.Pairs, explain.MaxSummaryPairs)
	}
	noCode := 0
	var unread []string
	for _, e := range s.Errors {
		if e.Reason == explain.ReasonNoCode {
			noCode = e.Count
		} else {
			unread = append(unread, fmt.Sprintf("%s %d", e.Reason, e.Count))
		}
	}
	fmt.Fprintln(w)
	if noCode > 0 {
		fmt.Fprintf(w, "Without a code: %d %s (not in the shares).\n", noCode, plural(noCode, "record", "records"))
	}
	if len(unread) > 0 {
		fmt.Fprintf(w, "Not read: %s.\n", strings.Join(unread, ", "))
	}
	if len(s.Products) > 1 {
		fmt.Fprint(w, "By product:")
		for _, c := range s.Products {
			fmt.Fprintf(w, " %s %d (%d %s);", productName(c.Product), c.Count, c.Failures, plural(c.Failures, "failure", "failures"))
		}
		fmt.Fprintln(w)
	}
	if len(s.Events) > 1 || len(s.Events) == 1 && s.Events[0].EventType != "" {
		fmt.Fprint(w, "By event type:")
		for _, e := range s.Events {
			fmt.Fprintf(w, " %s %d (%d %s);", cmp.Or(e.EventType, "(none)"), e.Count, e.Failures, plural(e.Failures, "failure", "failures"))
		}
		fmt.Fprintln(w)
	}
}

// writeSummaryCSV prints the summary's table as CSV, failures first.
func writeSummaryCSV(p *printer, s explain.Summary) {
	c := csv.NewWriter(p.stdout)
	c.Write([]string{"outcome", "count", "share", "product", "pair", "answer", "match", "category", "first", "last", "message", "advice"})
	for _, g := range groups(s) {
		for _, pc := range g.pairs {
			message, advice, pair, match := answerOf(pc, p.opts.lang)
			outcome := string(pc.Outcome)
			if !pc.Found {
				outcome = "none"
			}
			first, last := "", ""
			if !pc.First.IsZero() {
				first, last = pc.First.UTC().Format(time.RFC3339), pc.Last.UTC().Format(time.RFC3339)
			}
			c.Write([]string{outcome, strconv.Itoa(pc.Count), strconv.FormatFloat(pc.Share, 'f', 4, 64), productName(pc.Product), pc.Carried(),
				pair, match, string(pc.Category), first, last, message, advice})
		}
	}
	c.Flush()
}
