package sourcedoc

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes/internal/schema"
)

// callAutomation parses the documents and returns Call Automation's rows.
func callAutomation(t *testing.T) *Product {
	t.Helper()
	products, err := Parse("../../testdata")
	require.NoError(t, err)
	for _, p := range products {
		if p.Name == "CallAutomation" {
			return p
		}
	}
	t.Fatal("no Call Automation table")
	return nil
}

// TestGenericOutcomesAreChecked gives applyGenericOutcomes the committed
// classification, and classifications that the generator must refuse.
func TestGenericOutcomesAreChecked(t *testing.T) {
	b, err := os.ReadFile("../../testdata/" + GenericOutcomes)
	require.NoError(t, err)
	src := string(b)

	p := callAutomation(t)
	require.NoError(t, applyGenericOutcomes(p, src))
	classified := 0
	for _, r := range p.Rows {
		if r.Section == schema.SectionGenericSubcode && r.Outcome != 0 {
			classified++
		}
	}
	assert.Equal(t, 117, classified, "every generic subcode but 8515 has an outcome")

	for _, c := range []struct{ name, old, new, err string }{
		{"a subcode left out", "8535\tfailure\tInvalid\n", "", "8535 of CallAutomation has no outcome"},
		{"words not in the description", "8535\tfailure\tInvalid\n", "8535\tfailure\tTimeout\n", `"Timeout" is not in the description`},
		{"against the documented rows", "8522\tfailure\tNot Found\n", "8522\tsuccess\tNot Found\n", "the documented rows with it say otherwise"},
		{"an outcome without words", "8535\tfailure\tInvalid\n", "8535\tfailure\t\n", "an outcome needs its words"},
		{"twice", "8535\tfailure\tInvalid\n", "8535\tfailure\tInvalid\n8535\tfailure\tInvalid\n", "classified twice"},
		{"no such subcode", "8535\tfailure\tInvalid\n", "8535\tfailure\tInvalid\n1234\tfailure\tx\n", "1234 is no generic subcode"},
		{"a misspelt outcome", "8535\tfailure\tInvalid\n", "8535\tfailed\tInvalid\n", `outcome "failed"`},
	} {
		require.Equal(t, 1, strings.Count(src, c.old), c.name)
		err := applyGenericOutcomes(callAutomation(t), strings.Replace(src, c.old, c.new, 1))
		if assert.Error(t, err, c.name) {
			assert.Contains(t, err.Error(), c.err, c.name)
		}
	}
}

// TestAnOutcomeChangeIsASmallDiff changes one generic subcode's outcome and
// checks that the generated tables change in a few lines.
func TestAnOutcomeChangeIsASmallDiff(t *testing.T) {
	before := generateEdited(t)
	after := generateEdited(t, edit{GenericOutcomes, "8515\tunknown\t\n", "8515\tsuccess\tReached\n"})
	changed := changedLines(t, before, after)
	total := 0
	for _, n := range changed {
		total += n
	}
	assert.Positive(t, changed["callautomation.go"], "the row's outcome")
	assert.LessOrEqual(t, total, 8, "%v", changed)
}
