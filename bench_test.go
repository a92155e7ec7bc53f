package rtccodes_test

import (
	"net/http"
	"testing"

	"github.com/rtccodes/rtccodes"
)

// baseline is a plain map holding the same Calling SDK entries that Lookup
// serves: the cost floor a lookup is measured against.
var baseline = func() map[struct{ Code, Subcode int }]rtccodes.Entry {
	m := map[struct{ Code, Subcode int }]rtccodes.Entry{}
	for e := range rtccodes.All(rtccodes.CallingSDK) {
		m[struct{ Code, Subcode int }{e.Code, e.Subcode}] = e
	}
	return m
}()

var sink rtccodes.Entry
var sinkText rtccodes.Text
var sinkString string

func BenchmarkBaselineMap(b *testing.B) {
	k := struct{ Code, Subcode int }{410, 3112}
	for b.Loop() {
		sink = baseline[k]
	}
}

func BenchmarkBaselineStatusText(b *testing.B) {
	for b.Loop() {
		sinkString = http.StatusText(404)
	}
}

func BenchmarkLookupExact(b *testing.B) {
	for b.Loop() {
		sink, _ = rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
	}
}

func BenchmarkLookupFallback(b *testing.B) {
	for b.Loop() {
		sink, _ = rtccodes.Lookup(rtccodes.CallAutomation, 500, 8536)
	}
}

func BenchmarkLookupMiss(b *testing.B) {
	for b.Loop() {
		sink, _ = rtccodes.Lookup(rtccodes.CallingSDK, 12345, 9)
	}
}

func BenchmarkLocalizedTag(b *testing.B) {
	e, _ := rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
	for b.Loop() {
		sinkText = e.Localized("ja")
	}
}

func BenchmarkLocalizedAcceptLanguage(b *testing.B) {
	e, _ := rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
	for b.Loop() {
		sinkText = e.Localized("fr-CA;q=0.2, ja;q=0.9")
	}
}

func BenchmarkTRTCMessage(b *testing.B) {
	for b.Loop() {
		sink, _ = rtccodes.LookupString(rtccodes.TRTCWeb, "previous publishing is ongoing, please avoid re-publishing")
	}
}

func BenchmarkExplainCallDisconnected(b *testing.B) {
	payload := []byte(callDisconnected)
	for b.Loop() {
		x, _ := rtccodes.Explain(payload)
		sink = x.Entry
	}
}
