package explain_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/explain"
	"github.com/rtccodes/rtccodes/internal/schema"
)

// TestMessagesNeedTheirProduct puts every message row of every product
// (AbortError, "publish timeout", ...) into lines other software writes: a
// message other software also writes answers only where the line names the
// product, and a line naming another product rules it out. Without a name,
// the explanation is not found and says who documents the message.
func TestMessagesNeedTheirProduct(t *testing.T) {
	n := 0
	for _, p := range rtccodes.Products() {
		for e := range rtccodes.All(p) {
			if e.Section != rtccodes.SectionMessage {
				continue
			}
			n++
			if _, named := schema.Products[p-1].NamedIn(e.Key); named {
				// The message names its SDK ("RtcError: no valid ice
				// candidate found"): it is its own evidence.
				x, err := explain.Line(0, "kafka: "+e.Key+" after 30s")
				if assert.NoError(t, err) {
					assert.True(t, x.Found, e.Key)
				}
				continue
			}
			for _, line := range []string{
				"fetch() failed: " + e.Key + ": The user aborted a request.",
				"kafka: " + e.Key + " after 30s",
				"2026-11-20 10:00:05 WARN worker: " + e.Key,
				e.Key,
			} {
				x, err := explain.Line(0, line)
				if !assert.NoError(t, err, line) {
					continue
				}
				assert.False(t, x.Found, "%q: %v", line, x.Entry)
				assert.Equal(t, rtccodes.Product(0), x.Product, line)
				if assert.Len(t, x.Notes, 1, line) {
					assert.Contains(t, x.Notes[0], p.String()+" documents", line)
					assert.Contains(t, x.Notes[0], "the line does not name "+p.String(), line)
				}
				assert.Empty(t, rtccodes.Resolve(rtccodes.Question{Text: line}), "Resolve of %q", line)
			}
			// A line naming another product rules it out.
			x, err := explain.Line(0, "[azure:ACS-calling] getUserMedia failed "+e.Key)
			if err == nil {
				assert.NotEqual(t, p, x.Entry.Product, "a line naming ACS Calling: %+v", x)
			}
			// Naming the product, or choosing it, answers.
			for _, line := range []string{"TRTC " + e.Key, "RtcError: " + e.Key} {
				x, err := explain.Line(0, line)
				if assert.NoError(t, err, line) && assert.True(t, x.Found, line) {
					assert.Equal(t, p, x.Entry.Product, line)
					assert.Equal(t, rtccodes.MatchMessage, x.Entry.Match, line)
				}
			}
			x, err = explain.Line(p, "kafka: "+e.Key+" after 30s")
			if assert.NoError(t, err) {
				assert.True(t, x.Found, "%v chosen", p)
			}
			got, ok := rtccodes.LookupString(p, strings.ToLower(e.Key))
			assert.True(t, ok && got.Match == rtccodes.MatchMessage, "LookupString chooses %v", p)
		}
	}
	t.Logf("%d message rows in lines of other software", n)
	assert.Positive(t, n)
}

// TestAFamilyNameIsNotAProductsName reads a TRTC code of the 5.x SDK in a
// line that names the TRTC family, where the code chooses the SDK, and in
// lines that name the 4.x SDK in words with and without spaces, where the
// line chooses it.
func TestAFamilyNameIsNotAProductsName(t *testing.T) {
	x, err := explain.Line(0, "TRTC error code=5300")
	if assert.NoError(t, err) {
		assert.Equal(t, rtccodes.TRTCWebV5, x.Product)
		assert.True(t, x.Found)
	}
	for _, line := range []string{"TRTC Web error code=5300", "trtcweb error code=5300", "TRTC  WEB: code=5300"} {
		x, err := explain.Line(0, line)
		if assert.NoError(t, err, line) {
			assert.Equal(t, rtccodes.TRTCWeb, x.Product, line)
			assert.False(t, x.Found, "%q: 5300 is not a code of the 4.x SDK", line)
		}
	}
}
