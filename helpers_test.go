package rtccodes_test

import (
	"math"
	"strconv"

	"github.com/rtccodes/rtccodes"
)

// noCode and noSubcode stand for an absent code or subcode in the tests'
// tables: a number no document has and no reader of codes returns.
const (
	noCode    = math.MinInt32
	noSubcode = math.MinInt32
)

// ask asks one product about a code and a subcode, either of which may be
// absent (noCode, noSubcode), as Resolve answers it.
func ask(p rtccodes.Product, code, subcode int) (rtccodes.Entry, bool) {
	q := rtccodes.Question{Products: []rtccodes.Product{p}, Code: code, Subcode: subcode, HasCode: code != noCode, HasSubcode: subcode != noSubcode}
	if code == noCode {
		q.Code = 0
	}
	if subcode == noSubcode {
		q.Subcode = 0
	}
	if answers := rtccodes.Resolve(q); len(answers) > 0 {
		return answers[0], true
	}
	return rtccodes.Entry{}, false
}

// pairText writes a code and a subcode as Entry.Pair does: "410/3112",
// "410" without subcode, "*/8536" without code.
func pairText(code, subcode int) string {
	switch {
	case code == noCode && subcode == noSubcode:
		return "-"
	case code == noCode:
		return "*/" + strconv.Itoa(subcode)
	case subcode == noSubcode:
		return strconv.Itoa(code)
	}
	return strconv.Itoa(code) + "/" + strconv.Itoa(subcode)
}

// found reports whether an entry describes something: the zero Entry does
// not.
func found(e rtccodes.Entry) bool { return e.Match != rtccodes.MatchNone }

// inSection returns the row of one section whose own key is exactly
// (code, subcode), either of which may be absent.
func inSection(p rtccodes.Product, s rtccodes.Section, code, subcode int) (rtccodes.Entry, bool) {
	for e := range rtccodes.All(p) {
		if e.Section == s && ownKey(e) == [2]int{code, subcode} {
			return e, true
		}
	}
	return rtccodes.Entry{}, false
}

// ownKey is an entry's own key, noCode and noSubcode for what it lacks.
func ownKey(e rtccodes.Entry) [2]int {
	k := [2]int{e.Code, e.Subcode}
	if !e.HasCode {
		k[0] = noCode
	}
	if !e.HasSubcode {
		k[1] = noSubcode
	}
	return k
}
