package rtccodes_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/rtccodes/rtccodes"
)

// TestZeroValuesEverywhere calls every exported function and method with
// nil, zero and out-of-range arguments: each returns an error, false or an
// empty result, and none panics.
func TestZeroValuesEverywhere(t *testing.T) {
	var e rtccodes.Entry
	for name, f := range map[string]func() bool{
		"Lookup(0)":             func() bool { _, ok := rtccodes.Lookup(0, 410, 3112); return !ok },
		"Lookup(Product(200))":  func() bool { _, ok := rtccodes.Lookup(200, 410, 3112); return !ok },
		"Lookup, two subcodes":  func() bool { _, ok := rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112, 7); return !ok },
		"LookupString(0, \"\")": func() bool { _, ok := rtccodes.LookupString(0, ""); return !ok },
		"LookupString(p, \"\")": func() bool { _, ok := rtccodes.LookupString(rtccodes.TRTCWeb, ""); return !ok },
		"Resolve(Question{})":   func() bool { return len(rtccodes.Resolve(rtccodes.Question{})) == 0 },
		"Resolve(bad products)": func() bool {
			return len(rtccodes.Resolve(rtccodes.Question{Products: []rtccodes.Product{0, 99}, Code: 410, HasCode: true})) == 0
		},
		"All(0)": func() bool {
			n := 0
			for range rtccodes.All(0) {
				n++
			}
			return n == 0
		},
		"Search(\"\")": func() bool {
			n := 0
			for range rtccodes.Search("") {
				n++
			}
			return n == 0
		},
		"EntryOf(nil)":            func() bool { _, ok := rtccodes.EntryOf(nil); return !ok },
		"NewError(0)":             func() bool { _, ok := rtccodes.EntryOf(rtccodes.NewError(0, 1)); return !ok },
		"SIPReason(-1)":           func() bool { _, ok := rtccodes.SIPReason(-1); return !ok },
		"Q850Cause(MaxInt)":       func() bool { _, ok := rtccodes.Q850Cause(math.MaxInt); return !ok },
		"ParseProduct(\"\")":      func() bool { _, err := rtccodes.ParseProduct(""); return err != nil },
		"MatchLanguage(\"\")":     func() bool { _, ok := rtccodes.MatchLanguage(""); return !ok },
		"Entry{}.String":          func() bool { return e.String() == "rtccodes: no entry" },
		"Entry{}.Pair":            func() bool { return e.Pair() == "" },
		"Entry{}.Events":          func() bool { return e.Events() == nil },
		"Entry{}.Links":           func() bool { return e.Links() == nil },
		"Entry{}.Revisions":       func() bool { return e.Revisions() == nil },
		"Entry{}.Langs":           func() bool { return e.Langs() == nil },
		"Entry{}.Provenance":      func() bool { _, ok := e.Provenance(); return !ok },
		"Entry{}.Localized":       func() bool { return e.Localized("ja").Message == "" },
		"Entry{}.TextContaining":  func() bool { _, ok := e.TextContaining("x", ""); return !ok },
		"Entry{}.LogValue":        func() bool { return e.LogValue().String() != "" },
		"Product(0).String":       func() bool { return rtccodes.Product(0).String() == "Product(0)" },
		"Product(0).ShortName":    func() bool { return rtccodes.Product(0).ShortName() == "" },
		"Match(99).String":        func() bool { return rtccodes.Match(99).String() == "Match(99)" },
		"UnmarshalText(nonsense)": func() bool { var p rtccodes.Product; return p.UnmarshalText([]byte("nonsense")) != nil },
	} {
		assert.NotPanics(t, func() { assert.True(t, f(), name) }, name)
	}
}
