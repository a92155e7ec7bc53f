package explain

import (
	"cmp"
	"errors"
	"iter"
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

// MaxSummaryPairs is how many distinct pairs a Summary counts: the records
// of the pairs that come after the first MaxSummaryPairs are counted in
// Summary.Other.
const MaxSummaryPairs = 10000

// OtherPairs are the records of the pairs a Summary did not keep.
type OtherPairs struct {
	// Records counts them.
	Records int `json:"records"`
	// Pairs counts the distinct pairs they held, up to MaxSummaryPairs.
	Pairs int `json:"pairs"`
}

// Summarize counts a stream of explanations, such as Stream yields. Its
// memory is bounded: it counts the first MaxSummaryPairs distinct pairs
// exactly and the records of any later pair in Summary.Other.
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

func summarize(records iter.Seq2[Record, error], limit int) Summary {
	var s Summary
	pairs := map[pairKey]*PairCount{}
	others := map[pairKey]bool{} // the pairs past the limit, up to the limit
	var categories categoryCounts
	reasons := map[string]int{}
	for r, err := range records {
		s.Records++
		if err != nil {
			reasons[reasonOf(err)]++
			continue
		}
		k := pairKey{r.Product, r.Code, r.Subcode, r.HasCode, r.HasSubcode}
		pc := pairs[k]
		if pc == nil && len(pairs) < limit {
			pc = &PairCount{Product: r.Product, Code: r.Code, Subcode: r.Subcode, HasCode: r.HasCode, HasSubcode: r.HasSubcode, Found: r.Found}
			if r.Found {
				pc.Match, pc.Pair, pc.Category, pc.Message = r.Entry.Match, r.Entry.Pair(), r.Entry.Category, r.Entry.Message
			}
			pairs[k] = pc
		}
		if pc != nil {
			pc.Count++
		} else {
			s.Other.Records++
			if len(others) < limit {
				others[k] = true
			}
		}
		if r.Found {
			s.Explained++
			categories.add(r.Entry.Category)
		} else {
			s.NotDescribed++
		}
	}
	s.Other.Pairs = len(others)
	for _, pc := range pairs {
		pc.Share = float64(pc.Count) / float64(s.Records)
		s.Pairs = append(s.Pairs, *pc)
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
