package export

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/rtccodes/rtccodes"
	"github.com/rtccodes/rtccodes/explain"
)

// Probe is a record the tests ask the exported SQL: a product (0 for a
// call log record) and a pair whose code or subcode may be absent.
type Probe struct {
	Product       rtccodes.Product // 0: a call log record
	Code, Subcode *int
}

// Want is what rtccodes answers a probe, as the export's answer is compared
// with it: product, pair, match and outcome; "" when nothing answers.
func (p Probe) Want() string {
	if p.Product == 0 {
		rec := map[string]any{}
		if p.Code != nil {
			rec["participantEndReason"] = *p.Code
		}
		if p.Subcode != nil {
			rec["participantEndSubCode"] = *p.Subcode
		}
		b, _ := json.Marshal(rec)
		x, err := explain.Payload(b)
		if err != nil || !x.Found {
			return ""
		}
		return fmt.Sprintf("%s %s %s %s", x.Product, x.Entry.Pair(), x.Entry.Match, x.Entry.Outcome)
	}
	q := rtccodes.Question{Products: []rtccodes.Product{p.Product}}
	if p.Code != nil {
		q.Code, q.HasCode = *p.Code, true
	}
	if p.Subcode != nil {
		q.Subcode, q.HasSubcode = *p.Subcode, true
	}
	answers := rtccodes.Resolve(q)
	if len(answers) == 0 {
		return ""
	}
	e := answers[0]
	return fmt.Sprintf("%s %s %s %s", e.Product, e.Pair(), e.Match, e.Outcome)
}

// Probes are every documented pair of every product, asked of its product
// and as a call log record, and pairs of every class the tables leave out.
func Probes() []Probe {
	n := func(v int) *int { return &v }
	var out []Probe
	seen := map[string]bool{}
	add := func(p Probe) {
		k := fmt.Sprint(p.Product, p.Code != nil, p.Code, p.Subcode != nil, p.Subcode)
		if p.Code != nil {
			k = fmt.Sprint(p.Product, *p.Code, p.Subcode != nil)
		}
		if p.Subcode != nil {
			k += "/" + strconv.Itoa(*p.Subcode)
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	codes := []*int{nil, n(0), n(200), n(204), n(299), n(302), n(400), n(403), n(404), n(408), n(410), n(480), n(486), n(487),
		n(490), n(499), n(500), n(503), n(603), n(699), n(700), n(-1), n(16388), n(4001)}
	subcodes := []*int{nil, n(0), n(1), n(3112), n(5854), n(10044), n(8522), n(8536), n(9998), n(510403), n(540480), n(560486),
		n(8535), n(8511), n(8510), n(8508), n(8569), n(5751), n(7015), n(4521), n(10151), n(5221),
		n(560499), n(560183), n(560503), n(560999), n(-8), n(70001), n(99999)}
	for _, p := range append([]rtccodes.Product{0}, rtccodes.Products()...) {
		for _, q := range rtccodes.Products() {
			for e := range rtccodes.All(q) {
				if e.Section == rtccodes.SectionClass || e.Section == rtccodes.SectionMessage {
					continue
				}
				var c, s *int
				if e.HasCode {
					c = n(e.Code)
				}
				if e.HasSubcode {
					s = n(e.Subcode)
				}
				if p == q || p == 0 {
					add(Probe{p, c, s})
				}
			}
		}
		for _, c := range codes {
			for _, s := range subcodes {
				if c != nil || s != nil {
					add(Probe{p, c, s})
				}
			}
		}
	}
	return out
}

// InputSQL writes the probes as the table rtccodes_input, record_id
// their index.
func InputSQL(ps []Probe) string {
	var b strings.Builder
	b.WriteString("CREATE TABLE rtccodes_input (record_id INTEGER, product VARCHAR, code INTEGER, subcode INTEGER);\n")
	values(&b, "rtccodes_input", len(ps), func(i int) string {
		product := "NULL"
		if ps[i].Product != 0 {
			product = quote(ps[i].Product.String())
		}
		return fmt.Sprintf("(%d, %s, %s, %s)", i, product, ptr(ps[i].Code), ptr(ps[i].Subcode))
	})
	return b.String()
}

func ptr(v *int) string {
	if v == nil {
		return "NULL"
	}
	return strconv.Itoa(*v)
}
