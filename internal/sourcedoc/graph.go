package sourcedoc

import (
	"fmt"
	"strings"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// GraphCallEnd is the Microsoft Graph calls API's "Delete call" page, whose
// "Call end reason codes" table lists the codes of Teams calls, relative to
// the testdata directory. The page prints no ms.date: its edition is the
// commit of microsoftgraph/microsoft-graph-docs-contrib it was copied at.
const GraphCallEnd = "acs/graph-call-delete.en.02b4cba.md"

// GraphCallEndCommit is that commit.
const GraphCallEndCommit = "02b4cba04d0426b41fe35819922b100050c5c441"

// graphParser reads the table into rows of the Calling SDK and Call
// Automation: ACS calls that join Teams meetings, and calls Call
// Automation places, end through the same Teams call controller, which
// reports these codes (the ACS pages share 4097, 4521, 5000, 5003, 5010,
// 5013, 5300, 7000, 7015, 10037, 10057, 10076 and 301005 with it). A pair
// the ACS documents list keeps its ACS answer: the table's section comes
// last in both products' sections, and its rows are no subcode's only
// code (internal/sourcedoc/index.go).
var graphParser = parser{
	documents: []document{
		{GraphCallEnd, "en", "Delete call", []string{"CallingSDK", "CallAutomation"}},
	},
	parse: parseGraph,
}

// parseGraph reads the pipe table under "#### Call end reason codes": a row
// a pair; "540000/560000" is two subcodes of one row.
func parseGraph(d docs) ([]*Product, error) {
	src := d[GraphCallEnd]
	_, table, ok := strings.Cut(src, "#### Call end reason codes")
	if !ok {
		return nil, fmt.Errorf("%s: no \"Call end reason codes\" table", GraphCallEnd)
	}
	start := strings.Count(src[:len(src)-len(table)], "\n") + 1
	var rows []*Row
	header := 0
	for i, l := range strings.Split(table, "\n") {
		where := fmt.Sprintf("%s:%d", GraphCallEnd, start+i)
		l = strings.TrimSpace(l)
		if !strings.HasPrefix(l, "|") {
			if header > 0 && len(rows) > 0 {
				break // the table's end
			}
			continue
		}
		if header < 2 { // the header and its rule
			header++
			continue
		}
		c := strings.Split(strings.Trim(l, "|"), "|")
		if len(c) != 3 {
			return nil, fmt.Errorf("%s: %d cells, want 3", where, len(c))
		}
		code, err := parseNumber(c[0])
		if err != nil {
			return nil, fmt.Errorf("%s: code: %v", where, err)
		}
		for _, s := range strings.Split(c[1], "/") {
			sub, err := parseNumber(s)
			if err != nil {
				return nil, fmt.Errorf("%s: sub-code: %v", where, err)
			}
			rows = append(rows, &Row{Section: schema.SectionTeamsCallEnd, Code: some(code), Subcode: some(sub), Source: where,
				Text: [numLangs]Text{EN: {Message: normSpace(c[2])}}})
		}
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: the table has no rows", GraphCallEnd)
	}
	var out []*Product
	for _, name := range []string{"CallingSDK", "CallAutomation"} {
		p := &Product{Name: name, Doc: "the Teams call end reason codes of testdata/" + GraphCallEnd}
		for _, r := range rows {
			copied := *r
			p.Rows = append(p.Rows, &copied)
		}
		out = append(out, p)
	}
	return out, nil
}
