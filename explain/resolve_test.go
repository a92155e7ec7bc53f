package explain

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rtccodes/rtccodes"
)

// remembered reports whether resolve remembers a question.
func remembered(q rtccodes.Question) bool {
	k, ok := keyOf(q)
	answers.RLock()
	defer answers.RUnlock()
	_, hit := answers.m[k]
	return ok && hit
}

// TestResolveRemembersPairsNotTexts asks questions twice: a pair is
// remembered, a text is not, and each answer is Resolve's.
func TestResolveRemembersPairsNotTexts(t *testing.T) {
	for _, q := range []rtccodes.Question{
		{Code: 410, Subcode: 3112, HasCode: true, HasSubcode: true},
		{Products: []rtccodes.Product{rtccodes.CallAutomation}, Code: 400, Subcode: 8535, HasCode: true, HasSubcode: true, Event: "PlayFailed"},
		{Products: []rtccodes.Product{rtccodes.TRTCWeb}, Text: "TRTC publish timeout"},
		{Products: []rtccodes.Product{rtccodes.PSTN}, Code: 0, HasCode: true, Text: "DiagCode: 0#0.@"},
	} {
		want := rtccodes.Resolve(q)
		assert.Equal(t, want, resolve(q), "%+v", q)
		assert.Equal(t, want, resolve(q), "%+v, asked again", q)
		assert.Equal(t, q.Text == "", remembered(q), "%+v", q)
	}
}
