package explain

import (
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/rtccodes/rtccodes"
)

// resolve is rtccodes.Resolve, remembered: the records of a log ask the
// same few questions again and again. A question is remembered from its
// second asking: most log lines carry a time, and a question with a line's
// whole text is seldom asked again. The answers are shared; callers read
// them and change nothing.
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
	if !askedBefore(k) {
		return a
	}
	k.text, k.event = strings.Clone(k.text), strings.Clone(k.event) // not the buffers they may be cut from
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

// askedBefore reports whether a question not remembered was among the
// last ones asked, by a hash of it in a slot of asked, and puts it there.
// Two questions of one hash only make the second remembered early.
func askedBefore(k questionKey) bool {
	askedSeed.once.Do(func() { askedSeed.Seed = maphash.MakeSeed() }) // on first use: importing does no work
	h := maphash.Comparable(askedSeed.Seed, k) | 1                    // 0 is an empty slot
	return asked[h%uint64(len(asked))].Swap(h) == h
}

var (
	asked     [1024]atomic.Uint64
	askedSeed struct {
		once sync.Once
		maphash.Seed
	}
)

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
