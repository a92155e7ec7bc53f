package rtccodes_test

import (
	"os"
	"os/exec"
	"reflect"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/rtccodes/rtccodes"
)

func FuzzLookup(f *testing.F) {
	for _, p := range rtccodes.Products() {
		for e := range rtccodes.All(p) {
			f.Add(uint8(p), e.Code, e.Subcode)
		}
	}
	f.Add(uint8(1), 410, 3112)
	f.Add(uint8(2), 404, 8522)
	f.Add(uint8(3), 486, 560486)
	f.Add(uint8(6), 16385, 70001)
	f.Add(uint8(6), -10012, -1)
	f.Fuzz(func(t *testing.T, p uint8, code, subcode int) {
		e, ok := rtccodes.Lookup(rtccodes.Product(p), code, subcode)
		if ok != found(e) || !ok && !reflect.DeepEqual(e, rtccodes.Entry{}) {
			t.Fatalf("ok %v, entry %+v", ok, e)
		}
		if ok && e.Outcome == "" {
			t.Fatalf("no outcome: %+v", e)
		}
		if ok && (e.Message == "" || e.Localized("ja").Message == "") {
			t.Fatalf("entry without text: %+v", e)
		}
	})
}

func FuzzLookupString(f *testing.F) {
	for _, s := range []string{"JOIN_ROOM_FAILED", "0x4004", "NotAllowedError: Permission denied", "410/3112", "DiagCode: 500#560500.@", "\xff"} {
		f.Add(uint8(6), s)
	}
	for e := range rtccodes.All(rtccodes.TRTCWeb) {
		for _, s := range []string{e.Key, e.DocKey, e.Hex, e.Message} {
			if s != "" {
				f.Add(uint8(rtccodes.TRTCWeb), s)
			}
		}
	}
	f.Fuzz(func(t *testing.T, p uint8, s string) {
		e, ok := rtccodes.LookupString(rtccodes.Product(p), s)
		if ok != found(e) || !ok && !reflect.DeepEqual(e, rtccodes.Entry{}) {
			t.Fatalf("ok %v, entry %+v", ok, e)
		}
	})
}

func FuzzLocalized(f *testing.F) {
	for _, s := range []string{"ja", "fr-CA", "ja-JP,ja;q=0.9,en;q=0.8", "fr-CA;q=0.2, ja;q=0.9", "de", "", "*;q=0", "x-private"} {
		f.Add(s)
	}
	e, _ := rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
	f.Fuzz(func(t *testing.T, lang string) {
		got := e.Localized(lang)
		if got.Lang != "en" && got.Lang != "ja" && got.Lang != "fr" || got.Message == "" {
			t.Fatalf("Localized(%q) = %+v", lang, got)
		}
	})
}

func FuzzParseProduct(f *testing.F) {
	for _, s := range []string{"calling", "Call Automation", "trtc", "", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := rtccodes.ParseProduct(s)
		if err == nil && p.String() == "" || err != nil && p != 0 {
			t.Fatalf("%q: %v %v", s, p, err)
		}
		if err != nil && !utf8.ValidString(err.Error()) && utf8.ValidString(s) {
			t.Fatalf("error text is not UTF-8: %q", err.Error())
		}
	})
}

// TestConcurrentUse looks up, localizes and iterates from many goroutines at
// once; run it with -race.
func TestConcurrentUse(t *testing.T) {
	var wg sync.WaitGroup
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, p := range rtccodes.Products() {
				for e := range rtccodes.All(p) {
					k := ownKey(e)
					got, ok := ask(p, k[0], k[1])
					if e.Section == rtccodes.SectionMessage {
						got, ok = rtccodes.LookupString(p, e.Key)
					}
					if !ok || got.Message == "" {
						t.Errorf("%v: %v", e, got)
					}
					_ = e.Localized("fr-CA;q=0.2, ja;q=0.9")
				}
			}
			_, _ = rtccodes.LookupString(rtccodes.TRTCWeb, "NotAllowedError")
			for range rtccodes.Search("userSig") {
			}
			_ = rtccodes.NewError(rtccodes.CallingSDK, 410, 3112).Error()
			_ = rtccodes.Sources()
		}()
	}
	wg.Wait()
}

// TestConcurrentFirstUse runs itself in a fresh process, where no index is
// built yet, and has many goroutines make every first use at the same moment;
// under -race the child is built with the race detector too.
func TestConcurrentFirstUse(t *testing.T) {
	if os.Getenv("RTCCODES_FIRST_USE") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestConcurrentFirstUse$", "-test.count=1")
		cmd.Env = append(os.Environ(), "RTCCODES_FIRST_USE=1")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
		require.Contains(t, string(out), "PASS")
		return
	}
	start := make(chan struct{})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for _, p := range rtccodes.Products() {
				_, ok := rtccodes.Lookup(p, 400, 1)
				_ = ok
				for range rtccodes.Search("call") {
				}
			}
			e, ok := rtccodes.LookupString(rtccodes.TRTCWeb, "JOIN_ROOM_FAILED")
			assert.True(t, ok)
			assert.Equal(t, "ja", e.Localized("fr-CA;q=0.2, ja;q=0.9").Lang)
			e, ok = rtccodes.Lookup(rtccodes.CallingSDK, 410, 3112)
			assert.True(t, ok)
			assert.Equal(t, rtccodes.MatchExact, e.Match)
		}()
	}
	close(start)
	wg.Wait()
}

// TestReturnedValuesAreCopies changes every field and slice of returned
// values and proves the next lookup is unchanged.
func TestReturnedValuesAreCopies(t *testing.T) {
	before, ok := rtccodes.Lookup(rtccodes.CallAutomation, 404, 8522)
	require.True(t, ok)
	events, links := before.Events(), before.Links()
	e := before
	e.Message, e.Advice, e.Category, e.Code = "x", "y", rtccodes.Success, 1
	for i := range events {
		events[i] = "changed"
	}
	ev := e.Events()
	ev[0] = "changed"
	for e := range rtccodes.All(rtccodes.CallAutomation) {
		e.Message = "changed"
		if ls := e.Links(); len(ls) > 0 {
			ls[0].URL = "changed"
		}
		if l := e.Langs(); len(l) > 0 {
			l[0] = "changed"
		}
	}
	after, _ := rtccodes.Lookup(rtccodes.CallAutomation, 404, 8522)
	assert.Equal(t, before, after)
	assert.Equal(t, []string{"CreateCallFailed", "AnswerFailed"}, after.Events())
	assert.Equal(t, links, after.Links())
	for e := range rtccodes.All(rtccodes.CallAutomation) {
		assert.NotEqual(t, "changed", e.Message)
		for _, l := range e.Links() {
			assert.NotEqual(t, "changed", l.URL)
		}
		assert.Equal(t, "en", e.Langs()[0])
	}
}
