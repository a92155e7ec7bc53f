package rtccodes_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

// TestEntryJSONRoundTrips marshals every row of every product, and the
// fallbacks Lookup makes, and reads each back: the same Entry, its texts
// in every language, links, events, revisions and provenance.
func TestEntryJSONRoundTrips(t *testing.T) {
	var entries []rtccodes.Entry
	for _, p := range rtccodes.Products() {
		for e := range rtccodes.All(p) {
			entries = append(entries, e)
		}
	}
	for _, q := range [][3]int{{int(rtccodes.PSTN), 488, 560488}, {int(rtccodes.PSTN), 0, -1}, {int(rtccodes.CallingSDK), 450, 1}} {
		var e rtccodes.Entry
		var ok bool
		if q[2] < 0 {
			e, ok = rtccodes.Lookup(rtccodes.Product(q[0]), q[1])
		} else {
			e, ok = rtccodes.Lookup(rtccodes.Product(q[0]), q[1], q[2])
		}
		require.True(t, ok)
		entries = append(entries, e)
	}
	for _, e := range entries {
		b, err := json.Marshal(e)
		require.NoError(t, err)
		var back rtccodes.Entry
		require.NoError(t, json.Unmarshal(b, &back), "%s", b)
		assert.Equal(t, e, back, "%s", b)
		assert.Equal(t, e.Localized("ja"), back.Localized("ja"))
	}
	// The zero Entry is null, and back.
	b, err := json.Marshal(rtccodes.Entry{})
	require.NoError(t, err)
	assert.Equal(t, "null", string(b))
	var zero rtccodes.Entry
	require.NoError(t, json.Unmarshal(b, &zero))
	assert.Equal(t, rtccodes.Entry{}, zero)
	// What is no entry is an error.
	assert.Error(t, json.Unmarshal([]byte(`{"product":"nope"}`), &zero))
	assert.Error(t, json.Unmarshal([]byte(`{"product":"CallingSDK","lang":"ja","message":"x"}`), &zero), "no English text")

	e, _ := rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
	b, _ = json.Marshal(e)
	assert.JSONEq(t, `{"product":"CallingSDK","section":"callend","pair":"410/3112","code":410,"subcode":3112,
		"category":"ExpectedError","outcome":"failure","match":"exact","lang":"en",
		"message":"Call setup failed due to network configuration problem on the client side, check the client's network configuration, and retry.",
		"advice":"Learn more details about a call ending with a subcode of 3112 here.",
		"texts":[`+mustJSON(t, e.Localized("ja"))+`,`+mustJSON(t, e.Localized("fr"))+`],
		"links":[{"text":"here","url":"https://learn.microsoft.com/azure/communication-services/resources/troubleshooting/voice-video-calling/call-setup-issues/call-ends-with-410-3112"}]}`, string(b))
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}
