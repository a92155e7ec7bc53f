package explain

import (
	"cmp"
	"container/heap"
	"errors"
	"iter"
	"math"
	"math/bits"
	"slices"

	"github.com/rtccodes/rtccodes"
)

// Summary is what a stream of payloads says, counted: which pairs came how
// often, what the documents say of each, how much is expected and how much
// is not, and how many records could not be read, and why.
type Summary struct {
	// Records counts every record, explained or not.
	Records int `json:"records"`
	// Explained counts the records something describes; NotDescribed those
	// whose codes nothing describes.
	Explained    int `json:"explained"`
	NotDescribed int `json:"notDescribed"`
	// Pairs are the pairs the records carried, by product, most frequent
	// first.
	Pairs []PairCount `json:"pairs"`
	// Categories count the explained records by their entry's category;
	// Category "" counts those whose entry has none.
	Categories []CategoryCount `json:"categories"`
	// Errors count the records that were not explained, by reason (see
	// RecordError); ReasonNoCode counts those with nothing to explain.
	Errors []ReasonCount `json:"errors"`
	// Other counts the records of the pairs past MaxSummaryPairs that
	// Pairs does not list.
	Other OtherPairs `json:"other"`
}

// PairCount is a product's (code, subcode) pair as a stream carried it, with
// what the documents say of it.
type PairCount struct {
	Product rtccodes.Product `json:"product"`
	// Code and Subcode are the pair as the records carried it; HasCode and
	// HasSubcode say whether they carried them.
	Code       int  `json:"code"`
	Subcode    int  `json:"subcode"`
	HasCode    bool `json:"hasCode"`
	HasSubcode bool `json:"hasSubcode"`
	// Count is how many records carried it; Share is Count over
	// Summary.Records.
	Count int     `json:"count"`
	Share float64 `json:"share"`
	// Found reports whether something describes the pair; Match, Pair,
	// Category and Message are the answer's.
	Found    bool              `json:"found"`
	Match    rtccodes.Match    `json:"match"`
	Pair     string            `json:"pair,omitempty"`
	Category rtccodes.Category `json:"category,omitempty"`
	Message  string            `json:"message,omitempty"`
}

// CategoryCount is how many explained records have a category.
type CategoryCount struct {
	Category rtccodes.Category `json:"category"`
	Count    int               `json:"count"`
}

// ReasonCount is how many records were not explained for a reason.
type ReasonCount struct {
	Reason string `json:"reason"`
	Count  int    `json:"count"`
}

// MaxSummaryPairs is how many distinct pairs a Summary keeps: past it, the
// pairs seen least are folded into Summary.Other.
const MaxSummaryPairs = 10000

// OtherPairs are the records of the pairs a Summary did not keep.
type OtherPairs struct {
	// Records counts them exactly.
	Records int `json:"records"`
	// Pairs estimates how many distinct pairs they held (within about 2 %).
	Pairs int `json:"pairs"`
}

// Summarize counts a stream of explanations, such as Stream yields. Its
// memory is bounded: it keeps the MaxSummaryPairs most frequent pairs (the
// Space-Saving algorithm) and folds the others into Summary.Other. A pair
// kept from its first record is counted exactly; one that came in after the
// limit was reached counts the records since it came in, and the records
// before are in Other.
func Summarize(records iter.Seq2[Record, error]) Summary {
	if records == nil {
		return Summary{}
	}
	return summarize(records, MaxSummaryPairs)
}

// pairKey is a pair as a stream carried it.
type pairKey struct {
	p                   rtccodes.Product
	code, subcode       int
	hasCode, hasSubcode bool
}

// tracked is a kept pair: its count since it came in, and the count of the
// pair it replaced (Space-Saving's error), which ranks it.
type tracked struct {
	pc    PairCount
	error int
	at    int // its index in the heap
}

// pairHeap orders the kept pairs by rank, least first.
type pairHeap []*tracked

func (h pairHeap) Len() int           { return len(h) }
func (h pairHeap) Less(i, j int) bool { return h[i].pc.Count+h[i].error < h[j].pc.Count+h[j].error }
func (h pairHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i]; h[i].at = i; h[j].at = j }
func (h *pairHeap) Push(x any)        { t := x.(*tracked); t.at = len(*h); *h = append(*h, t) }
func (h *pairHeap) Pop() any          { old := *h; t := old[len(old)-1]; *h = old[:len(old)-1]; return t }

func summarize(records iter.Seq2[Record, error], limit int) Summary {
	var s Summary
	pairs := map[pairKey]*tracked{}
	var byRank pairHeap
	ranked := false // whether byRank is a heap
	var distinct hyperLogLog
	var categories categoryCounts
	reasons := map[string]int{}
	for r, err := range records {
		s.Records++
		if err != nil {
			reasons[reasonOf(err)]++
			continue
		}
		k := pairKey{r.Product, r.Code, r.Subcode, r.HasCode, r.HasSubcode}
		t := pairs[k]
		if t == nil {
			distinct.add(k)
			t = &tracked{}
			if len(byRank) >= limit { // the least ranked pair gives its place
				if !ranked {
					heap.Init(&byRank) // ranks matter from the limit on
					ranked = true
				}
				t = byRank[0]
				s.Other.Records += t.pc.Count
				delete(pairs, pairKey{t.pc.Product, t.pc.Code, t.pc.Subcode, t.pc.HasCode, t.pc.HasSubcode})
				t.error += t.pc.Count
			} else {
				t.at = len(byRank)
				byRank = append(byRank, t)
			}
			t.pc = PairCount{Product: r.Product, Code: r.Code, Subcode: r.Subcode, HasCode: r.HasCode, HasSubcode: r.HasSubcode, Found: r.Found}
			if r.Found {
				t.pc.Match, t.pc.Pair, t.pc.Category, t.pc.Message = r.Entry.Match, r.Entry.Pair(), r.Entry.Category, r.Entry.Message
			}
			pairs[k] = t
		}
		t.pc.Count++
		if ranked {
			heap.Fix(&byRank, t.at)
		}
		if r.Found {
			s.Explained++
			categories.add(r.Entry.Category)
		} else {
			s.NotDescribed++
		}
	}
	for _, t := range pairs {
		t.pc.Share = float64(t.pc.Count) / float64(s.Records)
		s.Pairs = append(s.Pairs, t.pc)
	}
	if s.Other.Records > 0 {
		s.Other.Pairs = max(distinct.estimate()-len(s.Pairs), 1)
	}
	slices.SortFunc(s.Pairs, func(a, b PairCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Product, b.Product),
			compareNumber(a.HasCode, a.Code, b.HasCode, b.Code), compareNumber(a.HasSubcode, a.Subcode, b.HasSubcode, b.Subcode))
	})
	s.Categories = categories
	slices.SortFunc(s.Categories, func(a, b CategoryCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Category, b.Category))
	})
	for r, n := range reasons {
		s.Errors = append(s.Errors, ReasonCount{r, n})
	}
	slices.SortFunc(s.Errors, func(a, b ReasonCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Reason, b.Reason))
	})
	return s
}

// categoryCounts counts categories, of which there are few.
type categoryCounts []CategoryCount

func (cs *categoryCounts) add(c rtccodes.Category) {
	for i := range *cs {
		if (*cs)[i].Category == c {
			(*cs)[i].Count++
			return
		}
	}
	*cs = append(*cs, CategoryCount{c, 1})
}

// reasonOf is the reason of a record's error: a RecordError's, else
// ReasonMalformed.
func reasonOf(err error) string {
	if re, ok := err.(*RecordError); ok { // as Stream yields them
		return re.Reason
	}
	var re *RecordError
	if errors.As(err, &re) {
		return re.Reason
	}
	return ReasonMalformed
}

// hyperLogLog estimates how many distinct pairs it was given, in 4 KiB.
type hyperLogLog struct {
	registers [1 << hllBits]uint8
}

const hllBits = 12

func (h *hyperLogLog) add(k pairKey) {
	x := uint64(k.p)<<56 ^ uint64(uint32(k.code))<<24 ^ uint64(uint32(k.subcode)) ^ uint64(uint32(k.subcode))<<32
	if k.hasCode {
		x ^= 1 << 54
	}
	if k.hasSubcode {
		x ^= 1 << 55
	}
	// SplitMix64's finalizer: every bit of the pair moves every bit of the hash.
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	i := x >> (64 - hllBits)
	rank := uint8(bits.LeadingZeros64(x<<hllBits|1<<(hllBits-1)) + 1)
	h.registers[i] = max(h.registers[i], rank)
}

// estimate is the HyperLogLog estimate, by linear counting where few
// registers are set.
func (h *hyperLogLog) estimate() int {
	const m = float64(1 << hllBits)
	sum, zeros := 0.0, 0
	for _, r := range h.registers {
		sum += math.Ldexp(1, -int(r))
		if r == 0 {
			zeros++
		}
	}
	e := 0.7213 / (1 + 1.079/m) * m * m / sum
	if e <= 2.5*m && zeros > 0 {
		e = m * math.Log(m/float64(zeros))
	}
	return int(math.Round(e))
}

// compareNumber orders codes: an absent one first, then by value.
func compareNumber(aHas bool, a int, bHas bool, b int) int {
	switch {
	case aHas != bHas && !aHas:
		return -1
	case aHas != bHas:
		return 1
	}
	return cmp.Compare(a, b)
}
