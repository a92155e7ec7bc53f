// Package export writes rtccodes' tables and Lookup's answer chain for the
// engines that hold the logs: SQL (tested on SQLite and DuckDB) and
// Kusto (Log Analytics, Azure Data Explorer), both printed from one
// description of the chain (internal/plan), and the rows as CSV.
package export

import (
	"encoding/csv"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/internal/plan"
	"github.com/rtccodes/rtccodes/internal/schema"
)

// Tables are what an export writes: every row of every product in one
// language, the keys of every step of the chain, the products' rules and
// the SIP responses of PSTN's SBC rule.
type Tables struct {
	Rows     []Row
	Keys     []plan.Key
	Products []Product
	SIP      []rtccodes.Reason
	// SBCAdvice is the advice of every answer of PSTN's SBC rule.
	SBCAdvice string
}

// Row is a row of a product's table, as a record of the export.
type Row struct {
	Product, Section           string
	Code, Subcode              int
	HasCode, HasSubcode        bool
	Pair                       string
	Category, Outcome          string
	Message, Advice, Link, Key string
}

// Product is what the chain needs to know of a product.
type Product struct {
	Name string
	// Preference orders the products a call log record may come from:
	// the first answers, a later one when it answers more precisely.
	Preference int
	// CallLog: a call log record may come from it; CallLogSubcodes are the
	// thousands of the subcodes that say it did (PSTN's 510, 540, 560).
	CallLog         bool
	CallLogSubcodes []int
	AllErrors       bool // every code is an error (TRTC)
	NegativeCodes   bool // negative codes are codes (TRTC)
	ExtraCodes      bool // a code asked alone is tried as an extra code
	SBCRule         bool // 560xxx and 540xxx are explained by their SIP response (PSTN)
	// Outcomes are the ranges of codes the product's document gives an
	// outcome ("success" or "failure").
	Outcomes []Range
}

// Range is a range of codes and the outcome the document gives them.
type Range struct {
	From, To int
	Outcome  string
}

// Build collects the tables, the texts in lang (a BCP 47 tag; English
// where a row has no text in it).
func Build(lang string) Tables {
	var t Tables
	for _, p := range rtccodes.Products() {
		for e := range rtccodes.All(p) {
			text := e.Localized(lang)
			link := ""
			if links := e.Links(); len(links) > 0 {
				link = links[0].URL
			}
			t.Rows = append(t.Rows, Row{Product: p.String(), Section: string(e.Section), Code: e.Code, Subcode: e.Subcode,
				HasCode: e.HasCode, HasSubcode: e.HasSubcode, Pair: e.Pair(), Category: string(e.Category), Outcome: string(e.Outcome),
				Message: text.Message, Advice: text.Advice, Link: link, Key: e.Key})
		}
	}
	t.Keys = slices.Clone(plan.Keys)
	// The codes without a row or class of their own answer with their rows
	// counted, an entry Lookup makes: one row and key for each.
	for _, p := range rtccodes.Products() {
		seen := map[int]bool{}
		for e := range rtccodes.All(p) {
			if !e.HasCode || !e.HasSubcode || seen[e.Code] {
				continue
			}
			seen[e.Code] = true
			c, ok := codeRows(p, e.Code)
			if !ok {
				continue
			}
			text := c.Localized(lang)
			t.Rows = append(t.Rows, Row{Product: p.String(), Section: string(c.Section), Code: c.Code, HasCode: true, Pair: c.Pair(),
				Outcome: string(c.Outcome), Message: text.Message, Advice: text.Advice})
			t.Keys = append(t.Keys, plan.Key{Product: p.String(), Step: plan.CodeRows, Code: c.Code,
				Row: plan.Row{Section: string(c.Section), Code: c.Code, HasCode: true}})
		}
	}
	for i := range schema.Products {
		d := &schema.Products[i]
		q := Product{Name: d.Name, Preference: len(d.CallLogSubcodes), CallLog: slices.Contains(d.Infers, schema.ShapeCallLog),
			CallLogSubcodes: d.CallLogSubcodes, AllErrors: d.AllErrors, NegativeCodes: d.NegativeCodes, ExtraCodes: d.ExtraCodes, SBCRule: d.SBCRule}
		for _, r := range d.Outcomes {
			o := "failure"
			if r.Outcome == schema.OutcomeSuccess {
				o = "success"
			}
			q.Outcomes = append(q.Outcomes, Range{r.From, r.To, o})
		}
		t.Products = append(t.Products, q)
	}
	// The SBC rule's advice, as Lookup gives it (a subcode of the rule asked
	// alone).
	for _, e := range rtccodes.Resolve(rtccodes.Question{Products: []rtccodes.Product{rtccodes.PSTN}, Subcode: 560486, HasSubcode: true}) {
		if e.Match == rtccodes.MatchSBCRule || e.Section == rtccodes.SectionSBC {
			t.SBCAdvice = e.Advice
		}
	}
	for code := 100; code <= 699; code++ {
		if r, ok := rtccodes.SIPReason(code); ok {
			t.SIP = append(t.SIP, r)
		}
	}
	return t
}

// CSV writes the rows of the tables as CSV, a header first.
func CSV(w io.Writer, t Tables) error {
	c := csv.NewWriter(w)
	c.Write([]string{"product", "section", "code", "subcode", "pair", "category", "outcome", "message", "advice", "link", "key"})
	for _, r := range t.Rows {
		if r.Section == string(rtccodes.SectionCodeRows) {
			continue // not a row of the tables: the chain's count of the rows under a code
		}
		c.Write([]string{r.Product, r.Section, number(r.HasCode, r.Code), number(r.HasSubcode, r.Subcode), r.Pair, r.Category,
			r.Outcome, r.Message, r.Advice, r.Link, r.Key})
	}
	c.Flush()
	return c.Error()
}

// number writes a code, "" when there is none.
func number(has bool, n int) string {
	if !has {
		return ""
	}
	return strconv.Itoa(n)
}

// codeRows returns the entry that counts the rows under a code, as Lookup
// answers a pair of the code that nothing else describes.
func codeRows(p rtccodes.Product, code int) (rtccodes.Entry, bool) {
	for _, subcode := range []int{math.MaxInt32, math.MinInt32} {
		if e, ok := rtccodes.Lookup(p, code, subcode); ok && e.Match == rtccodes.MatchCodeRows {
			if code != 0 || p == rtccodes.TRTCWeb || p == rtccodes.TRTCWebV5 {
				return e, true
			}
			e, ok = rtccodes.Lookup(p, code) // code 0 asked alone: the rows' outcome
			return e, ok && e.Match == rtccodes.MatchCodeRows
		}
	}
	return rtccodes.Entry{}, false
}
