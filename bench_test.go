package rtccodes_test

import (
	"net/http"
	"slices"
	"strings"
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

// floorKeys and floorEntries are the floor of a static index: the Calling
// SDK's entries by packed pair, sorted, for a binary search and a copy of
// the Entry; floorPointers the same behind a map of pointers.
var floorKeys, floorEntries, floorPointers = func() ([]uint64, []rtccodes.Entry, map[uint64]*rtccodes.Entry) {
	var keys []uint64
	byKey := map[uint64]rtccodes.Entry{}
	for e := range rtccodes.All(rtccodes.CallingSDK) {
		k := uint64(uint32(e.Code))<<32 | uint64(uint32(e.Subcode))
		if _, ok := byKey[k]; !ok {
			keys = append(keys, k)
		}
		byKey[k] = e
	}
	slices.Sort(keys)
	entries := make([]rtccodes.Entry, len(keys))
	pointers := map[uint64]*rtccodes.Entry{}
	for i, k := range keys {
		entries[i] = byKey[k]
		pointers[k] = &entries[i]
	}
	return keys, entries, pointers
}()

var sink rtccodes.Entry
var sinkPointer *rtccodes.Entry
var sinkText rtccodes.Text
var sinkString string

func BenchmarkBaselineMap(b *testing.B) {
	k := struct{ Code, Subcode int }{410, 3112}
	for b.Loop() {
		sink = baseline[k]
	}
}

// BenchmarkBaselineSortedCopy is the floor of Lookup's design: a binary
// search of sorted keys and a copy of the Entry.
func BenchmarkBaselineSortedCopy(b *testing.B) {
	k := uint64(410)<<32 | 3112
	for b.Loop() {
		if i, ok := slices.BinarySearch(floorKeys, k); ok {
			sink = floorEntries[i]
		}
	}
}

// BenchmarkBaselinePointerMap is the floor of a lookup that returns a
// pointer: a map of pointers.
func BenchmarkBaselinePointerMap(b *testing.B) {
	k := uint64(410)<<32 | 3112
	for b.Loop() {
		sinkPointer = floorPointers[k]
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

// text1MB is a megabyte of log text that names no TRTC error; with hit, the
// same with a TRTC message at its end.
var (
	text1MB = strings.Repeat("the peer connection state changed; retrying the request ", 1<<20/56)
	hit1MB  = text1MB[:len(text1MB)-37] + " NotAllowedError: Permission denied"
)

func BenchmarkLookupStringMiss1MB(b *testing.B) {
	b.SetBytes(int64(len(text1MB)))
	for b.Loop() {
		sink, _ = rtccodes.LookupString(rtccodes.TRTCWeb, text1MB)
	}
}

func BenchmarkLookupStringHit1MB(b *testing.B) {
	b.SetBytes(int64(len(hit1MB)))
	for b.Loop() {
		sink, _ = rtccodes.LookupString(rtccodes.TRTCWeb, hit1MB)
	}
}

var sinkCount int

// benchSearch counts the entries Search finds for a query.
func benchSearch(b *testing.B, query string) {
	for b.Loop() {
		sinkCount = 0
		for range rtccodes.Search(query) {
			sinkCount++
		}
	}
	if sinkCount == 0 {
		b.Fatalf("Search(%q) found nothing", query)
	}
}

func BenchmarkSearchEnglish(b *testing.B) { benchSearch(b, "userSig has expired") }

func BenchmarkSearchJapanese(b *testing.B) { benchSearch(b, "有効期限") }
