package sourcedoc

import (
	"fmt"
	"slices"
	"strings"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// ObservedFacts is the facts table: codes users meet that the documents
// leave out, each with where it was seen, relative to the testdata directory.
const ObservedFacts = "observed/codes-beyond-the-documents.en.tsv"

// observedParser reads the facts table into rows of the products it names.
var observedParser = parser{
	documents: []document{
		{ObservedFacts, "en", "codes users meet that the documents leave out", []string{"CallingSDK", "TRTCWeb", "TRTCWebV5"}},
	},
	parse: parseObserved,
}

// observedColumns are the columns of the facts table, in order.
var observedColumns = []string{"product", "code", "subcode", "key", "category", "outcome", "message", "advice", "repository", "path", "revision"}

// parseObserved reads the facts table: '#' comment lines, a header line,
// then one fact a line, tab-separated. A code or subcode "*" is any; an
// empty subcode is none. A fact's rows are of section SectionObserved.
func parseObserved(d docs) ([]*Product, error) {
	var out []*Product
	byName := map[string]*Product{}
	rows, err := readTSV(ObservedFacts, d[ObservedFacts], observedColumns)
	if err != nil {
		return nil, err
	}
	for _, row := range rows {
		where, c := row.where, row.cells
		name := c[0]
		if !slices.ContainsFunc(schema.Products[:], func(p schema.Product) bool { return p.Name == name }) {
			return nil, fmt.Errorf("%s: product %q is not declared", where, name)
		}
		r := &Row{Section: schema.SectionObserved, Key: c[3], Source: where,
			Text:       [numLangs]Text{EN: {Message: normSpace(c[6]), Advice: normSpace(c[7])}},
			Provenance: Provenance{Repository: c[8], Path: c[9], Revision: c[10]}}
		var err error
		if c[1] != "*" {
			if r.Code.n, err = parseNumber(c[1]); err != nil {
				return nil, fmt.Errorf("%s: code: %v", where, err)
			}
			r.Code.ok = true
		}
		if c[2] != "*" && c[2] != "" {
			if r.Subcode.n, err = parseNumber(c[2]); err != nil {
				return nil, fmt.Errorf("%s: subcode: %v", where, err)
			}
			r.Subcode.ok = true
		}
		if !r.Code.ok && !r.Subcode.ok {
			return nil, fmt.Errorf("%s: a fact needs a code or a subcode", where)
		}
		if c[4] != "" {
			if r.Category, err = categoryOf(c[4], where); err != nil {
				return nil, err
			}
		}
		if r.Outcome, err = parseOutcome(c[5], where); err != nil {
			return nil, err
		}
		for i, v := range c[6:] {
			if strings.TrimSpace(v) == "" && observedColumns[6+i] != "advice" {
				return nil, fmt.Errorf("%s: no %s", where, observedColumns[6+i])
			}
		}
		p := byName[name]
		if p == nil {
			p = &Product{Name: name, Doc: "the facts of " + ObservedFacts}
			byName[name] = p
			out = append(out, p)
		}
		p.Rows = append(p.Rows, r)
	}
	return out, nil
}

// categoryOf reads a category as the facts table writes it: one of the
// documentation's spellings.
func categoryOf(s, where string) (string, error) {
	c, ok := parseCategory(s)
	if !ok {
		return "", fmt.Errorf("%s: category %q", where, s)
	}
	return c, nil
}

// checkObserved reports a fact that the documents already know: its pair,
// its subcode (for a fact under any code) or its key is a documented row's.
// The documents stay the first authority.
func checkObserved(p *Product) error {
	for _, f := range p.Rows {
		if f.Section != schema.SectionObserved {
			continue
		}
		for _, r := range p.Rows {
			switch {
			case r.Section == schema.SectionObserved, r.Section == schema.SectionTeamsCallEnd:
				// Facts and the Teams table both complete the ACS documents:
				// a pair of the Teams table answers before a fact under any code.
			case f.Code == r.Code && f.Subcode == r.Subcode,
				!f.Code.ok && f.Subcode == r.Subcode,
				f.Key != "" && (f.Key == r.Key || f.Key == r.DocKey):
				return fmt.Errorf("%s: the fact %v/%v %s is documented at %s", f.Source, f.Code, f.Subcode, f.Key, r.Source)
			}
		}
	}
	return nil
}
