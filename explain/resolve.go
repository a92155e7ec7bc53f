package explain

import (
	"sync"

	"github.com/rtccodes/rtccodes"
)

// resolve is rtccodes.Resolve, remembered: the records of a log ask the
// same few questions again and again. The answers are shared; callers
// read them and change nothing.
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

// questionKey is a Question as a map key: its products a bit each, in
// order of preference when they are in the order of rtccodes.Products.
type questionKey struct {
	products            uint64 // the products, four bits each, in order
	code, subcode       int
	hasCode, hasSubcode bool
	text, event         string
}

// keyOf returns a question's key, and false for one it cannot key (more
// than sixteen products, a product past fifteen).
func keyOf(q rtccodes.Question) (questionKey, bool) {
	k := questionKey{code: q.Code, subcode: q.Subcode, hasCode: q.HasCode, hasSubcode: q.HasSubcode, text: q.Text, event: q.Event}
	if len(q.Products) > 16 {
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
