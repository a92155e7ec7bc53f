package explain

import (
	"cmp"
	"errors"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/rtccodes/rtccodes"
)

// Summary is what a stream of payloads says, counted: which pairs came how
// often, what the documents say of each, how much is expected and how much
// is not, and how many records could not be read, and why.
type Summary struct {
	// Records counts every record, explained or not.
	Records int `json:"records"`
	// WithCode counts the records that carry a code: Explained, those
	// something describes, and NotDescribed, those nothing describes.
	WithCode     int `json:"withCode"`
	Explained    int `json:"explained"`
	NotDescribed int `json:"notDescribed"`
	// Failures counts the explained records whose answer is a failure.
	Failures int `json:"failures"`
	// Pairs are the pairs the records carried, by product, most frequent
	// first.
	Pairs []PairCount `json:"pairs"`
	// Products and Events count the records with a code by product and by
	// event type (EventType "" counts those without one).
	Products []ProductCount `json:"products"`
	Events   []EventCount   `json:"events"`
	// FailuresByHour counts the failures by the hour of their time, for
	// the records that carry a time (Context.Time), earliest first.
	FailuresByHour []TimeCount `json:"failuresByHour,omitempty"`
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
	// Summary.WithCode, the records that carry a code.
	Count int     `json:"count"`
	Share float64 `json:"share"`
	// Found reports whether something describes the pair; Match, Pair,
	// Category, Outcome, Message and Advice are the answer's, and Entry
	// is the answer itself.
	Found    bool              `json:"found"`
	Match    rtccodes.Match    `json:"match"`
	Pair     string            `json:"pair,omitempty"`
	Category rtccodes.Category `json:"category,omitempty"`
	Outcome  rtccodes.Outcome  `json:"outcome,omitempty"`
	Message  string            `json:"message,omitempty"`
	Advice   string            `json:"advice,omitempty"`
	Entry    rtccodes.Entry    `json:"-"`
	// First and Last are the earliest and latest times of the records that
	// carried the pair with a time (Context.Time); zero when none did.
	First time.Time `json:"first,omitzero"`
	Last  time.Time `json:"last,omitzero"`
}

// ProductCount is how many records with a code a product answered.
type ProductCount struct {
	Product  rtccodes.Product `json:"product"`
	Count    int              `json:"count"`
	Failures int              `json:"failures"`
}

// EventCount is how many records with a code came in an event type.
type EventCount struct {
	EventType string `json:"eventType"`
	Count     int    `json:"count"`
	Failures  int    `json:"failures"`
}

// TimeCount is how many records came in the hour that starts at Time.
type TimeCount struct {
	Time  time.Time `json:"time"`
	Count int       `json:"count"`
}

// maxHours bounds Summary.FailuresByHour: the hours of four years.
const maxHours = 4 * 366 * 24

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
	byProduct := map[rtccodes.Product]*ProductCount{}
	byEvent := map[string]*EventCount{} // bounded as pairs are
	byHour := map[time.Time]int{}
	for r, err := range records {
		s.Records++
		if err != nil {
			reasons[reasonOf(err)]++
			continue
		}
		s.WithCode++
		k := pairKey{r.Product, r.Code, r.Subcode, r.HasCode, r.HasSubcode}
		pc := pairs[k]
		if pc == nil && len(pairs) < limit {
			pc = &PairCount{Product: r.Product, Code: r.Code, Subcode: r.Subcode, HasCode: r.HasCode, HasSubcode: r.HasSubcode, Found: r.Found}
			if r.Found {
				e := r.Entry
				pc.Match, pc.Pair, pc.Category, pc.Outcome, pc.Message, pc.Advice, pc.Entry = e.Match, e.Pair(), e.Category, e.Outcome, e.Message, e.Advice, e
			}
			pairs[k] = pc
		}
		failed := r.Found && r.Entry.Outcome == rtccodes.OutcomeFailure
		when, timed := parseTime(r.Context.Time)
		if pc != nil {
			pc.Count++
			if timed && (pc.First.IsZero() || when.Before(pc.First)) {
				pc.First = when
			}
			if timed && when.After(pc.Last) {
				pc.Last = when
			}
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
		pcount := byProduct[r.Product]
		if pcount == nil {
			pcount = &ProductCount{Product: r.Product}
			byProduct[r.Product] = pcount
		}
		ev := byEvent[r.EventType]
		if ev == nil && len(byEvent) < limit {
			ev = &EventCount{EventType: r.EventType}
			byEvent[r.EventType] = ev
		}
		pcount.Count++
		if ev != nil {
			ev.Count++
		}
		if failed {
			s.Failures++
			pcount.Failures++
			if ev != nil {
				ev.Failures++
			}
			if hour := when.Truncate(time.Hour); timed && (byHour[hour] > 0 || len(byHour) < maxHours) {
				byHour[hour]++
			}
		}
	}
	s.Other.Pairs = len(others)
	for _, pc := range pairs {
		pc.Share = float64(pc.Count) / float64(s.WithCode)
		s.Pairs = append(s.Pairs, *pc)
	}
	for _, c := range byProduct {
		s.Products = append(s.Products, *c)
	}
	slices.SortFunc(s.Products, func(a, b ProductCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Product, b.Product))
	})
	for _, c := range byEvent {
		s.Events = append(s.Events, *c)
	}
	slices.SortFunc(s.Events, func(a, b EventCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.EventType, b.EventType))
	})
	for hour, n := range byHour {
		s.FailuresByHour = append(s.FailuresByHour, TimeCount{hour, n})
	}
	slices.SortFunc(s.FailuresByHour, func(a, b TimeCount) int { return a.Time.Compare(b.Time) })
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
	if re, ok := err.(*RecordError); ok { // as Stream yields them, quickly
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

// The ways records write their time: year first, RFC 3339 (events, Log
// Analytics JSON and CSV) and a logger's "2026-11-20 10:00:01.120"; month
// first, the portal's CSV export ("11/20/2026, 12:00:00.000 PM").
var (
	yearFirst  = []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999"}
	monthFirst = []string{"1/2/2006, 3:04:05.999 PM", "1/2/2006 3:04:05 PM"}
)

// parseTime reads a record's time, as UTC where it names no zone.
func parseTime(s string) (time.Time, bool) {
	if s = strings.TrimSpace(s); s == "" {
		return time.Time{}, false
	}
	layouts := yearFirst
	if len(s) < 5 || s[4] != '-' {
		layouts = monthFirst
	}
	for _, layout := range layouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
