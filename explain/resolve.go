package explain

import (
	"sync"

	"github.com/rtccodes/rtccodes"
)

// resolve is rtccodes.Resolve, remembered for questions without text: the
// records of a log ask the same few pairs again and again (log lines
// 1.56x, JSON Lines 1.4x as fast as without it; see the package doc). A
// question with text (a message, a line) is asked of Resolve each
// time: such questions are seldom asked twice. The answers are shared;
// callers read them and change nothing.
func resolve(q rtccodes.Question) []rtccodes.Entry {
	k, ok := keyOf(q)
	if !ok {
		return rtccodes.Resolve(q)
	}
	answers.RLock()
	a, hit := answers.m[k]
	answers.RUnlock()
	if hit {
		return a
	}
	a = rtccodes.Resolve(q)
	answers.Lock()
	if answers.m == nil || len(answers.m) >= maxResolved {
		answers.m = make(map[questionKey][]rtccodes.Entry, 64) // bounded: many questions start it over
	}
	answers.m[k] = a
	answers.Unlock()
	return a
}

// maxResolved is how many questions resolve remembers.
const maxResolved = 4096

var answers struct {
	sync.RWMutex // most questions are asked before
	m            map[questionKey][]rtccodes.Entry
}

// questionKey is a Question without text as a map key: its products four
// bits each, in order.
type questionKey struct {
	products            uint64
	code, subcode       int
	hasCode, hasSubcode bool
	event               string
}

// keyOf returns a question's key, and false for one it does not remember:
// one with text, or with more than sixteen products or a product past
// fifteen.
func keyOf(q rtccodes.Question) (questionKey, bool) {
	k := questionKey{code: q.Code, subcode: q.Subcode, hasCode: q.HasCode, hasSubcode: q.HasSubcode, event: q.Event}
	if q.Text != "" || len(q.Products) > 16 {
		return k, false
	}
	for _, p := range q.Products {
		if p == 0 || p > 15 {
			return k, false
		}
		k.products = k.products<<4 | uint64(p)
	}
	return k, true
}
