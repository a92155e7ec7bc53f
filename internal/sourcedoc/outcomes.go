package sourcedoc

import (
	"fmt"
	"strings"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// GenericOutcomes is rtccodes' classification of Call Automation's generic
// subcodes: the outcome each one's description says, with the words that
// decide it, relative to the testdata directory.
const GenericOutcomes = "acs/call-automation-generic-subcode-outcomes.tsv"

// outcomesParser reads no rows of its own: the classification is applied to
// the generic subcode rows of the ACS parser (see applyGenericOutcomes).
var outcomesParser = parser{
	documents: []document{
		{GenericOutcomes, "en", "classification of Call Automation's generic subcodes", []string{"CallAutomation"}},
	},
	parse: func(docs) ([]*Product, error) { return nil, nil },
}

// parseOutcome reads an outcome as rtccodes' tables write it: success,
// failure or unknown (0).
func parseOutcome(s, where string) (uint8, error) {
	switch s {
	case "success":
		return schema.OutcomeSuccess, nil
	case "failure":
		return schema.OutcomeFailure, nil
	case "unknown":
		return 0, nil
	}
	return 0, fmt.Errorf("%s: outcome %q, want success, failure or unknown", where, s)
}

// applyGenericOutcomes gives each generic subcode row of p the outcome the
// classification says. Every generic subcode must be classified, once; the
// words must stand in its description; and where documented rows of p
// carry the subcode under a code and agree on an outcome, the
// classification must say the same.
func applyGenericOutcomes(p *Product, src string) error {
	rows, err := readTSV(GenericOutcomes, src, []string{"subcode", "outcome", "words"})
	if err != nil {
		return err
	}
	generic := map[int]*Row{}
	documented := map[int]uint8{}
	for _, r := range p.Rows {
		switch {
		case r.Section == schema.SectionGenericSubcode:
			generic[r.Subcode.n] = r
		case r.Section != schema.SectionObserved && r.Code.ok && r.Subcode.ok && r.Category == "":
			documented[r.Subcode.n] |= codeOutcome(p.Name, r.Code.n)
		}
	}
	classified := map[int]bool{}
	for _, row := range rows {
		where, c := row.where, row.cells
		sub, err := parseNumber(c[0])
		if err != nil {
			return fmt.Errorf("%s: subcode: %v", where, err)
		}
		r := generic[sub]
		if r == nil {
			return fmt.Errorf("%s: %d is no generic subcode of %s", where, sub, p.Name)
		}
		if classified[sub] {
			return fmt.Errorf("%s: subcode %d classified twice", where, sub)
		}
		classified[sub] = true
		if r.Outcome, err = parseOutcome(c[1], where); err != nil {
			return err
		}
		if (r.Outcome == 0) != (c[2] == "") {
			return fmt.Errorf("%s: an outcome needs its words, and unknown has none", where)
		}
		if !strings.Contains(strings.ToLower(r.Text[EN].Message), strings.ToLower(c[2])) {
			return fmt.Errorf("%s: %q is not in the description %q", where, c[2], r.Text[EN].Message)
		}
		if o := documented[sub]; (o == schema.OutcomeSuccess || o == schema.OutcomeFailure) && o != r.Outcome {
			return fmt.Errorf("%s: subcode %d is classified %s, but the documented rows with it say otherwise", where, sub, c[1])
		}
	}
	for sub := range generic {
		if !classified[sub] {
			return fmt.Errorf("%s: the generic subcode %d of %s has no outcome", GenericOutcomes, sub, p.Name)
		}
	}
	return nil
}

// codeOutcome is what a declared product's code says of the call.
func codeOutcome(name string, code int) uint8 {
	for i := range schema.Products {
		if d := &schema.Products[i]; d.Name == name {
			return d.CodeOutcome(code)
		}
	}
	return 0
}
